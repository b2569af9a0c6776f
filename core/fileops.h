// The lesson's file and directory operations (In [75]-[82], [64], [66]), done natively with
// POSIX calls so the errors are the real errno, shown as Python shows them:
// "[Errno 2] No such file or directory: '/tmp/park-python'".
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>

namespace cl {

enum class TextEncoding { Utf8, Cp1251, Koi8r };
QString toString(TextEncoding e);        // "utf-8", "cp1251", "koi8-r" (Python's names)
QList<TextEncoding> allEncodings();

// Text to bytes and back. Decoding fails like Python's strict codecs: nullopt and `error` set
// ("'utf-8' codec can't decode byte 0xd2 in position 0: invalid continuation byte").
QByteArray encodeText(const QString &text, TextEncoding e, QString *error = nullptr);
std::optional<QString> decodeText(const QByteArray &bytes, TextEncoding e, QString *error = nullptr);

// Python's repr() of a str: 'Технопарк\n'.
QString pyRepr(const QString &s);

// A fresh folder under the temp dir, kept afterwards (the class may look at its files); empty on failure.
QString makeWorkFolder();

struct FileOpResult {
    QString python;   // the lesson's line of Python
    QString cpp;      // the C++/Qt counterpart
    bool ok = false;
    QString output;   // what the operation printed or returned
    int errnoValue = 0;
    QString error;    // "[Errno 2] No such file or directory: '/tmp/x'" or a decoding error
};

// "[Errno N] message: 'path'", as Python's OSError prints it.
QString pythonOsError(int err, const QString &path);

class FileLab
{
public:
    explicit FileLab(QString folder) : folder_(std::move(folder)) {}
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
    FileOpResult makeBigFile(const QString &name, qint64 bytes,
                             const std::function<bool(qint64 written)> &keepGoing = {}) const;
    bool exists(const QString &name) const;

private:
    FileOpResult writeWith(const QString &name, const QString &text, TextEncoding e, bool append) const;
    FileOpResult pathCall(const QString &name, const char *python, const char *cpp, int (*call)(const char *)) const;
    QString folder_;
};

} // namespace cl
