// The lesson's file and directory operations (In [75]-[82], [64], [66]), done natively with
// POSIX calls so the errors are the real errno, shown as Python shows them:
// "FileNotFoundError: [Errno 2] No such file or directory: '/tmp/park-python'".
// Every name is taken inside the working folder and no symbolic link is ever followed (see
// beneath.h); reads and writes take regular files only, so a FIFO never blocks.
#pragma once

#include "notebook/beneath.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <optional>

namespace cl {

enum class TextEncoding { Utf8, Cp1251, Koi8r };
QString toString(TextEncoding e); // "utf-8", "cp1251", "koi8-r" (Python's names)
QList<TextEncoding> allEncodings();

// Text to bytes and back. Decoding fails like Python's strict codecs: nullopt and `error` set
// ("'utf-8' codec can't decode byte 0xd2 in position 0: invalid continuation byte").
QByteArray encodeText(const QString &text, TextEncoding e, QString *error = nullptr);
std::optional<QString> decodeText(const QByteArray &bytes, TextEncoding e, QString *error = nullptr);

// Python's repr() of a str: 'Технопарк\n'; characters Python does not print are escaped
// ('\x85', '\u202e', '\udcff').
QString pyRepr(const QString &s);
// A file name's bytes as Python's os.fsdecode() gives them: UTF-8, undecodable bytes as lone
// surrogates U+DC80..U+DCFF (surrogateescape), so repr() shows b'\xff' as '\udcff'.
QString fsDecode(const QByteArray &name);

// A fresh folder under the temp dir, kept afterwards (the class may look at its files); empty on
// failure, never somewhere else (Qt's temp path is empty when $TMPDIR does not exist, and a
// relative template would land in the current directory).
QString makeWorkFolder();
// The temp dir as configured, for messages: $TMPDIR as set, or Qt's temp path.
QString configuredTempDir();

struct FileOpResult {
    QString python; // the lesson's line of Python
    QString cpp; // the C++/Qt counterpart
    bool ok = false;
    QString output; // what the operation printed or returned
    int errnoValue = 0;
    QString error; // "FileNotFoundError: [Errno 2] No such file or directory: '/tmp/x'", a
                   // decoding error, or why the lab refused ("Refused: …")
    bool created = false; // this call made the file or directory (it was not there before)
};

// "[Errno N] message: 'path'", as Python's OSError prints it (English, whatever the locale).
QString pythonOsError(int err, const QString &path);
// The OSError subclass CPython raises for an errno: "FileNotFoundError", "PermissionError", …,
// "OSError" for the rest (ELOOP, ENAMETOOLONG, ENOTEMPTY, …).
QString pythonExceptionName(int err);
// "FileNotFoundError: [Errno 2] No such file or directory: 'path'", as a traceback ends.
QString pythonOsException(int err, const QString &path);

enum class EntryKind { Missing, File, Directory, Symlink, Other };

class FileLab {
public:
    explicit FileLab(QString folder) : folder_(std::move(folder)) { }
    const QString &folder() const { return folder_; }
    QString pathOf(const QString &name) const;

    FileOpResult write(const QString &name, const QString &text, TextEncoding e = TextEncoding::Utf8) const;
    FileOpResult append(const QString &name, const QString &text, TextEncoding e = TextEncoding::Utf8) const;
    FileOpResult read(const QString &name, TextEncoding e = TextEncoding::Utf8) const;
    FileOpResult readLines(const QString &name, TextEncoding e = TextEncoding::Utf8) const;
    // Streams the file through a small buffer, never holding it whole; `maxShown` lines are
    // shown as repr(), the rest only counted.
    FileOpResult iterateLines(const QString &name, TextEncoding e = TextEncoding::Utf8, int maxShown = 20,
        const std::function<bool(std::int64_t bytesRead)> &keepGoing = {}) const;
    FileOpResult showBytes(const QString &name, qint64 maxBytes = 4096) const; // hex + text, like `cat`/`xxd`
    FileOpResult stat(const QString &name) const;
    FileOpResult makeDir(const QString &name) const;
    FileOpResult removeDir(const QString &name) const; // empty directories only: never recursive
    FileOpResult removeFile(const QString &name) const;
    FileOpResult list() const;
    // A text file of `bytes` bytes of numbered lines, written in chunks.
    FileOpResult makeBigFile(const QString &name, qint64 bytes, const std::function<bool(qint64 written)> &keepGoing = {}) const;
    // What is at `name`, not following a link (Missing also when it cannot be reached).
    EntryKind kind(const QString &name) const;
    bool exists(const QString &name) const { return kind(name) != EntryKind::Missing; }

private:
    FileOpResult writeWith(const QString &name, const QString &text, TextEncoding e, bool append) const;
    FileOpResult pathCall(const QString &name, const char *python, const char *cpp, int (*call)(int dirFd, const char *leaf)) const;
    // Open `name` (a regular file, never through a link), or fill `r` with why not and return
    // an invalid descriptor.
    UniqueFd openForReading(const QString &name, FileOpResult &r) const;
    UniqueFd openForWriting(const QString &name, bool append, FileOpResult &r) const;
    QString folder_;
};

} // namespace cl
