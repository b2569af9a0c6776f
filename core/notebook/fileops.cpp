#include "notebook/fileops.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <iconv.h>
#include <limits>
#include <sys/stat.h>
#include <unistd.h>

namespace cl {

namespace {

const char *iconvName(TextEncoding e)
{
    switch (e) {
    case TextEncoding::Cp1251:
        return "CP1251";
    case TextEncoding::Koi8r:
        return "KOI8-R";
    case TextEncoding::Utf8:
        break;
    }
    return "UTF-8";
}

// Converts with iconv; on an invalid sequence returns false and the offset of the bad byte.
bool convert(const QByteArray &in, const char *from, const char *to, QByteArray *out, qsizetype *badAt)
{
    iconv_t cd = iconv_open(to, from);
    if (cd == iconv_t(-1)) // NOLINT(performance-no-int-to-ptr): iconv_open's documented failure value
        return false;
    out->resize(in.size() * 4 + 16);
    char *src = const_cast<char *>(in.constData());
    char *dst = out->data();
    size_t left = size_t(in.size()), room = size_t(out->size());
    const size_t rc = iconv(cd, &src, &left, &dst, &room);
    iconv_close(cd);
    if (rc == size_t(-1)) {
        *badAt = src - in.constData();
        return false;
    }
    out->resize(out->size() - qsizetype(room));
    return true;
}

// Reads to the end (or `limit` bytes); 0 or the errno of the failing read.
int readAll(int fd, QByteArray *data, qint64 limit = std::numeric_limits<qint64>::max())
{
    char buffer[64 * 1024];
    while (data->size() < limit) {
        const ssize_t n = ::read(fd, buffer, size_t(std::min<qint64>(sizeof buffer, limit - data->size())));
        if (n == 0)
            return 0;
        if (n < 0 && errno != EINTR)
            return errno;
        if (n > 0)
            data->append(buffer, n);
    }
    return 0;
}

// Writes everything; 0 or the errno of the failing write.
int writeAll(int fd, const QByteArray &bytes)
{
    for (qsizetype done = 0; done < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno != EINTR)
            return errno;
        done += std::max<ssize_t>(n, 0);
    }
    return 0;
}

// Closes and reports what close(2) says (a full disk on NFS shows here), as f.close() would.
int closeChecked(UniqueFd fd)
{
    return ::close(fd.release()) == 0 ? 0 : errno;
}

QString modeString(mode_t m)
{
    const char type = S_ISDIR(m) ? 'd'
        : S_ISLNK(m)             ? 'l'
        : S_ISFIFO(m)            ? 'p'
        : S_ISCHR(m)             ? 'c'
        : S_ISBLK(m)             ? 'b'
        : S_ISSOCK(m)            ? 's'
                                 : '-';
    QString s(QLatin1Char{type});
    const char *rwx = "rwxrwxrwx";
    for (int i = 0; i < 9; ++i)
        s += (m & (0400 >> i)) ? QLatin1Char(rwx[i]) : QLatin1Char('-');
    return s;
}

FileOpResult describe(const QString &python, const QString &cpp)
{
    FileOpResult r;
    r.python = python;
    r.cpp = cpp;
    return r;
}

// A call that reached the system and failed: Python's exception for its errno.
FileOpResult failure(FileOpResult r, int err, const QString &path)
{
    r.ok = false;
    r.errnoValue = err;
    r.error = pythonOsException(err, path);
    return r;
}

// The lab's own refusal: no Python exception, a sentence saying why.
FileOpResult refused(FileOpResult r, const QString &why, int err = 0)
{
    r.ok = false;
    r.errnoValue = err;
    r.error = why;
    return r;
}

FileOpResult unreachable(FileOpResult r, const Beneath &b, const QString &path)
{
    return b.refusal.isEmpty() ? failure(std::move(r), b.err, path) : refused(std::move(r), b.refusal, b.err);
}

// A FIFO, device or socket: opening or reading it could block or never end.
FileOpResult notRegular(FileOpResult r, const Beneath &b, const QString &path, const char *doing, int err = 0)
{
    return refused(std::move(r),
        QStringLiteral("Refused: %1 is %2, not a regular file; %3 it could block or never end")
            .arg(pyRepr(path), describeEntry(b.dir.get(), b.leaf), QLatin1String(doing)),
        err);
}

// A failed open: a link (O_NOFOLLOW gave ELOOP) and a FIFO without a reader (ENXIO) are
// refused with what they are; anything else is the system's errno as Python shows it.
FileOpResult openFailure(FileOpResult r, int err, const Beneath &b, const QString &path, const char *doing)
{
    if (isSymlinkAt(b.dir.get(), b.leaf))
        return refused(std::move(r), symlinkRefusal(path, b.dir.get(), b.leaf), err);
    if (err == ENXIO && !describeEntry(b.dir.get(), b.leaf).isEmpty())
        return notRegular(std::move(r), b, path, doing, err);
    return failure(std::move(r), err, path);
}

// A name that ends in '/' names a directory, which no file operation takes: the errno the
// system gives (open("file/") is ENOTDIR, open("dir/") and creating "new/" are EISDIR); a link
// gives ELOOP, which openFailure() turns into a refusal (the kernel would follow it there).
int slashErrno(const Beneath &b, bool creating)
{
    struct stat st { };
    if (::fstatat(b.dir.get(), b.leaf.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        return errno == ENOENT && creating ? EISDIR : errno;
    return S_ISLNK(st.st_mode) ? ELOOP : S_ISDIR(st.st_mode) ? EISDIR : ENOTDIR;
}

// Python's str.isprintable(): everything but Unicode's "Other" and "Separator" classes, save the space.
bool pyPrintable(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return false;
    case QChar::Separator_Space:
        return c == U' ';
    default:
        return true;
    }
}

QString pyEscape(char32_t c, QChar quote)
{
    switch (c) {
    case U'\n':
        return QStringLiteral("\\n");
    case U'\r':
        return QStringLiteral("\\r");
    case U'\t':
        return QStringLiteral("\\t");
    case U'\\':
        return QStringLiteral("\\\\");
    default:
        break;
    }
    if (c == quote.unicode())
        return QStringLiteral("\\") + quote;
    if (pyPrintable(c))
        return QString::fromUcs4(&c, 1);
    if (c < 0x100)
        return QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
    return c < 0x10000 ? QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'))
                       : QStringLiteral("\\U%1").arg(uint(c), 8, 16, QLatin1Char('0'));
}

// The length of the valid UTF-8 sequence at `i` (strict, as Python decodes), or 0.
qsizetype utf8Length(const QByteArray &s, qsizetype i)
{
    const uchar b = uchar(s[i]);
    const qsizetype n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (n <= 1 || i + n > s.size())
        return n == 1 ? 1 : 0;
    const uchar lo = b == 0xe0 ? 0xa0 : b == 0xf0 ? 0x90 : 0x80;
    const uchar hi = b == 0xed ? 0x9f : b == 0xf4 ? 0x8f : 0xbf;
    if (uchar(s[i + 1]) < lo || uchar(s[i + 1]) > hi)
        return 0;
    for (qsizetype k = 2; k < n; ++k)
        if ((uchar(s[i + k]) & 0xc0) != 0x80)
            return 0;
    return n;
}

} // namespace

QString toString(TextEncoding e)
{
    switch (e) {
    case TextEncoding::Cp1251:
        return QStringLiteral("cp1251");
    case TextEncoding::Koi8r:
        return QStringLiteral("koi8-r");
    case TextEncoding::Utf8:
        break;
    }
    return QStringLiteral("utf-8");
}

QList<TextEncoding> allEncodings()
{
    return {TextEncoding::Utf8, TextEncoding::Cp1251, TextEncoding::Koi8r};
}

QByteArray encodeText(const QString &text, TextEncoding e, QString *error)
{
    QByteArray utf8 = text.toUtf8();
    if (e == TextEncoding::Utf8)
        return utf8;
    QByteArray out;
    qsizetype badAt = 0;
    if (convert(utf8, "UTF-8", iconvName(e), &out, &badAt))
        return out;
    if (error)
        *error = QStringLiteral("'%1' codec can't encode character at position %2: character maps to <undefined>")
                     .arg(toString(e))
                     .arg(QString::fromUtf8(utf8.left(badAt)).size());
    return {};
}

std::optional<QString> decodeText(const QByteArray &bytes, TextEncoding e, QString *error)
{
    auto byteAt = [&](qsizetype i) { return i < bytes.size() ? uchar(bytes[i]) : uchar(0); };
    QByteArray utf8;
    qsizetype badAt = 0;
    if (convert(bytes, iconvName(e), "UTF-8", &utf8, &badAt))
        return QString::fromUtf8(utf8);
    if (error)
        *error = QStringLiteral("'%1' codec can't decode byte 0x%2 in position %3: invalid %4")
                     .arg(toString(e))
                     .arg(byteAt(badAt), 2, 16, QLatin1Char('0'))
                     .arg(badAt)
                     .arg(e == TextEncoding::Utf8 && (byteAt(badAt) & 0xc0) == 0x80 ? QStringLiteral("start byte")
                                                                                    : QStringLiteral("continuation byte"));
    return std::nullopt;
}

QString pyRepr(const QString &s)
{
    const bool dq = s.contains(QLatin1Char('\'')) && !s.contains(QLatin1Char('"'));
    const QChar quote = dq ? QLatin1Char('"') : QLatin1Char('\'');
    QString out = quote;
    for (qsizetype i = 0; i < s.size(); ++i) {
        char32_t c = s[i].unicode();
        if (s[i].isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate())
            c = QChar::surrogateToUcs4(s[i], s[i + 1]), ++i;
        out += pyEscape(c, quote);
    }
    return out + quote;
}

QString fsDecode(const QByteArray &name)
{
    QString out;
    for (qsizetype i = 0; i < name.size();) {
        if (const qsizetype n = utf8Length(name, i)) {
            out += QString::fromUtf8(name.constData() + i, n);
            i += n;
        } else {
            out += QChar(0xdc00 + uchar(name[i++])); // surrogateescape
        }
    }
    return out;
}

QString makeWorkFolder()
{
    const QString base = QDir::tempPath();
    if (base.isEmpty() || !QDir::isAbsolutePath(base))
        return {};
    QTemporaryDir dir(QDir(base).filePath(QStringLiteral("concurrency-lab-XXXXXX")));
    dir.setAutoRemove(false);
    return dir.isValid() ? dir.path() : QString();
}

QString configuredTempDir()
{
    const QString set = qEnvironmentVariable("TMPDIR");
    return set.isEmpty() ? QDir::tempPath() : set;
}

QString pythonOsError(int err, const QString &path)
{
    const char *text = strerrordesc_np(err); // English: strerror() follows LC_MESSAGES, Python does not
    const QString message = text ? QString::fromUtf8(text) : QStringLiteral("Unknown error %1").arg(err);
    return QStringLiteral("[Errno %1] %2: %3").arg(err).arg(message, pyRepr(path));
}

QString pythonExceptionName(int err)
{
    // CPython's errnomap (Objects/exceptions.c, PEP 3151).
    static const std::pair<int, const char *> kMap[] = {
        {EAGAIN, "BlockingIOError"},
        {EALREADY, "BlockingIOError"},
        {EINPROGRESS, "BlockingIOError"},
        {ECHILD, "ChildProcessError"},
        {EPIPE, "BrokenPipeError"},
        {ESHUTDOWN, "BrokenPipeError"},
        {ECONNABORTED, "ConnectionAbortedError"},
        {ECONNREFUSED, "ConnectionRefusedError"},
        {ECONNRESET, "ConnectionResetError"},
        {EEXIST, "FileExistsError"},
        {ENOENT, "FileNotFoundError"},
        {EISDIR, "IsADirectoryError"},
        {ENOTDIR, "NotADirectoryError"},
        {EINTR, "InterruptedError"},
        {EACCES, "PermissionError"},
        {EPERM, "PermissionError"},
        {ESRCH, "ProcessLookupError"},
        {ETIMEDOUT, "TimeoutError"},
    };
    for (const auto &[e, name] : kMap)
        if (e == err)
            return QLatin1String(name);
    return QStringLiteral("OSError");
}

QString pythonOsException(int err, const QString &path)
{
    return pythonExceptionName(err) + QStringLiteral(": ") + pythonOsError(err, path);
}

QString FileLab::pathOf(const QString &name) const
{
    return joinPath(folder_, name);
}

EntryKind FileLab::kind(const QString &name) const
{
    const Beneath b = resolveBeneath(folder_, name);
    struct stat st { };
    if (!b.ok() || ::fstatat(b.dir.get(), b.leaf.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        return EntryKind::Missing;
    if (S_ISLNK(st.st_mode))
        return EntryKind::Symlink;
    return S_ISREG(st.st_mode) ? EntryKind::File : S_ISDIR(st.st_mode) ? EntryKind::Directory : EntryKind::Other;
}

UniqueFd FileLab::openForReading(const QString &name, FileOpResult &r) const
{
    const QString path = pathOf(name);
    const Beneath b = resolveBeneath(folder_, name);
    if (!b.ok())
        return r = unreachable(std::move(r), b, path), UniqueFd();
    if (b.wantsDirectory)
        return r = openFailure(std::move(r), slashErrno(b, false), b, path, "reading"), UniqueFd();
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
    UniqueFd fd(::openat(b.dir.get(), b.leaf.constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    struct stat st { };
    if (!fd || ::fstat(fd.get(), &st) != 0)
        return r = openFailure(std::move(r), errno, b, path, "reading"), UniqueFd();
    if (S_ISDIR(st.st_mode)) // Python's open() checks the same after opening
        return r = failure(std::move(r), EISDIR, path), UniqueFd();
    if (!S_ISREG(st.st_mode))
        return r = notRegular(std::move(r), b, path, "reading"), UniqueFd();
    return fd;
}

UniqueFd FileLab::openForWriting(const QString &name, bool append, FileOpResult &r) const
{
    const QString path = pathOf(name);
    const Beneath b = resolveBeneath(folder_, name);
    if (!b.ok())
        return r = unreachable(std::move(r), b, path), UniqueFd();
    if (b.wantsDirectory)
        return r = openFailure(std::move(r), slashErrno(b, true), b, path, "writing"), UniqueFd();
    // Created afresh (O_EXCL), or opened as it is: without O_TRUNC, so nothing is cut before
    // it is known to be a regular file, and without following a link.
    const int flags = O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | (append ? O_APPEND : 0);
    UniqueFd fd(::openat(b.dir.get(), b.leaf.constData(), flags | O_CREAT | O_EXCL, 0666));
    r.created = bool(fd);
    if (!fd && errno == EEXIST)
        fd = UniqueFd(::openat(b.dir.get(), b.leaf.constData(), flags));
    struct stat st { };
    if (!fd || ::fstat(fd.get(), &st) != 0)
        return r = openFailure(std::move(r), errno, b, path, "writing"), UniqueFd();
    if (!S_ISREG(st.st_mode))
        return r = notRegular(std::move(r), b, path, "writing"), UniqueFd();
    if (!append && !r.created && ::ftruncate(fd.get(), 0) != 0)
        return r = failure(std::move(r), errno, path), UniqueFd();
    return fd;
}

FileOpResult FileLab::writeWith(const QString &name, const QString &text, TextEncoding e, bool append) const
{
    const QString path = pathOf(name);
    FileOpResult r = describe(QStringLiteral("with open(%1, '%2', encoding='%3') as f:\n    f.write(%4)")
                                  .arg(pyRepr(path), append ? QStringLiteral("a") : QStringLiteral("w"), toString(e), pyRepr(text)),
        QStringLiteral("QFile f(path); f.open(QIODevice::WriteOnly | %1); f.write(encode(text, \"%2\"));")
            .arg(append ? QStringLiteral("QIODevice::Append") : QStringLiteral("QIODevice::Truncate"), toString(e)));
    QString encodeError;
    const QByteArray bytes = encodeText(text, e, &encodeError);
    if (!encodeError.isEmpty())
        return refused(std::move(r), QStringLiteral("UnicodeEncodeError: ") + encodeError);
    UniqueFd fd = openForWriting(name, append, r);
    if (!fd)
        return r;
    if (const int err = writeAll(fd.get(), bytes); err != 0)
        return failure(std::move(r), err, path);
    if (const int err = closeChecked(std::move(fd)); err != 0)
        return failure(std::move(r), err, path);
    r.ok = true;
    r.output = QString::number(text.size()); // f.write() returns the number of characters
    return r;
}

FileOpResult FileLab::write(const QString &name, const QString &text, TextEncoding e) const
{
    return writeWith(name, text, e, false);
}
FileOpResult FileLab::append(const QString &name, const QString &text, TextEncoding e) const
{
    return writeWith(name, text, e, true);
}

FileOpResult FileLab::read(const QString &name, TextEncoding e) const
{
    const QString path = pathOf(name);
    FileOpResult r = describe(QStringLiteral("with open(%1, 'r', encoding='%2') as f:\n    print(f.read())").arg(pyRepr(path), toString(e)),
        QStringLiteral("QFile f(path); f.open(QIODevice::ReadOnly); decode(f.readAll(), \"%1\");").arg(toString(e)));
    const UniqueFd fd = openForReading(name, r);
    if (!fd)
        return r;
    QByteArray bytes;
    if (const int err = readAll(fd.get(), &bytes); err != 0)
        return failure(std::move(r), err, path);
    QString why;
    const auto text = decodeText(bytes, e, &why);
    if (!text)
        return refused(std::move(r), QStringLiteral("UnicodeDecodeError: ") + why);
    r.ok = true;
    r.output = *text;
    return r;
}

FileOpResult FileLab::readLines(const QString &name, TextEncoding e) const
{
    FileOpResult r = read(name, e);
    r.python = QStringLiteral("with open(%1, 'r', encoding='%2') as f:\n    print(f.readlines())").arg(pyRepr(pathOf(name)), toString(e));
    r.cpp = QStringLiteral("QStringList lines; while (!f.atEnd()) lines << decode(f.readLine(), \"%1\");").arg(toString(e));
    if (!r.ok)
        return r;
    QStringList items;
    for (qsizetype start = 0; start < r.output.size();) {
        const qsizetype nl = r.output.indexOf(QLatin1Char('\n'), start);
        const qsizetype end = nl < 0 ? r.output.size() : nl + 1;
        items << pyRepr(r.output.mid(start, end - start));
        start = end;
    }
    r.output = QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
    return r;
}

FileOpResult FileLab::iterateLines(
    const QString &name, TextEncoding e, int maxShown, const std::function<bool(std::int64_t)> &keepGoing) const
{
    const QString path = pathOf(name);
    FileOpResult r = describe(
        QStringLiteral("with open(%1, encoding='%2') as f:\n    for line in f:\n        print(repr(line))").arg(pyRepr(path), toString(e)),
        QStringLiteral("while (f.readLineInto(&line)) { ... }  // one line in memory at a time"));
    const UniqueFd fd = openForReading(name, r);
    if (!fd)
        return r;
    std::int64_t lines = 0, bytesRead = 0;
    qsizetype longest = 0;
    QStringList shown;
    QByteArray pending;
    char buffer[64 * 1024];
    auto takeLine = [&](const QByteArray &raw) -> bool {
        ++lines;
        longest = std::max(longest, raw.size());
        if (shown.size() < maxShown) {
            QString why;
            const auto text = decodeText(raw, e, &why);
            if (!text)
                return r.error = QStringLiteral("UnicodeDecodeError (line %1): %2").arg(lines).arg(why), false;
            shown << pyRepr(*text);
        }
        return true;
    };
    for (ssize_t n; (n = ::read(fd.get(), buffer, sizeof buffer)) != 0;) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return failure(std::move(r), errno, path);
        bytesRead += n;
        pending.append(buffer, n);
        qsizetype start = 0;
        for (qsizetype nl; (nl = pending.indexOf('\n', start)) >= 0; start = nl + 1)
            if (!takeLine(pending.mid(start, nl + 1 - start)))
                return r;
        pending.remove(0, start);
        if (keepGoing && !keepGoing(bytesRead))
            return r.error = QStringLiteral("stopped"), r;
    }
    if (!pending.isEmpty() && !takeLine(pending))
        return r;
    r.ok = true;
    r.output = shown.join(QLatin1Char('\n'));
    if (lines > shown.size())
        r.output += QStringLiteral("\n… %1 lines in all, %2 bytes, the longest %3 bytes").arg(lines).arg(bytesRead).arg(longest);
    return r;
}

FileOpResult FileLab::showBytes(const QString &name, qint64 maxBytes) const
{
    const QString path = pathOf(name);
    FileOpResult r = describe(QStringLiteral("!cat %1   # or: open(%2, 'rb').read()").arg(path, pyRepr(path)),
        QStringLiteral("QFile f(path); f.open(QIODevice::ReadOnly); f.read(%1).toHex(' ');").arg(maxBytes));
    const UniqueFd fd = openForReading(name, r);
    if (!fd)
        return r;
    QByteArray shown; // only what is shown is read: a 4 GiB file costs 4 KiB
    struct stat st { };
    if (const int err = readAll(fd.get(), &shown, maxBytes); err != 0 || ::fstat(fd.get(), &st) != 0)
        return failure(std::move(r), err != 0 ? err : errno, path);
    const qint64 size = std::max<qint64>(st.st_size, shown.size());
    QStringList rows;
    for (qsizetype off = 0; off < shown.size(); off += 16) {
        const QByteArray chunk = shown.mid(off, 16);
        QString ascii;
        for (char c : chunk)
            ascii += (uchar(c) >= 0x20 && uchar(c) < 0x7f) ? QLatin1Char(c) : QLatin1Char('.');
        rows << QStringLiteral("%1  %2  %3").arg(off, 8, 16, QLatin1Char('0')).arg(QString::fromLatin1(chunk.toHex(' ')), -47).arg(ascii);
    }
    if (size > shown.size())
        rows << QStringLiteral("… %1 bytes in all").arg(size);
    r.ok = true;
    r.output
        = QStringLiteral("$ cat %1\n%2\n%3 bytes:\n%4").arg(path, QString::fromUtf8(shown)).arg(size).arg(rows.join(QLatin1Char('\n')));
    return r;
}

FileOpResult FileLab::stat(const QString &name) const
{
    const QString path = pathOf(name);
    FileOpResult r = describe(QStringLiteral("os.lstat(%1)   # the entry itself: a link is not followed").arg(pyRepr(path)),
        QStringLiteral("QFileInfo info(path); info.size(); info.permissions(); info.lastModified();"));
    const Beneath b = resolveBeneath(folder_, name);
    if (!b.ok())
        return unreachable(std::move(r), b, path);
    if (const int err = b.wantsDirectory ? slashErrno(b, false) : 0; err != 0 && err != EISDIR)
        return openFailure(std::move(r), err, b, path, "reading");
    struct stat st { };
    if (::fstatat(b.dir.get(), b.leaf.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        return failure(std::move(r), errno, path);
    r.ok = true;
    r.output = QStringLiteral("size %1 bytes, %2 (%3), modified %4, inode %5, links %6")
                   .arg(qint64(st.st_size))
                   .arg(modeString(st.st_mode))
                   .arg(st.st_mode & 07777, 4, 8, QLatin1Char('0'))
                   .arg(QDateTime::fromSecsSinceEpoch(st.st_mtim.tv_sec).toString(Qt::ISODate))
                   .arg(qulonglong(st.st_ino))
                   .arg(qulonglong(st.st_nlink));
    if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
        r.output += QStringLiteral("; ") + describeEntry(b.dir.get(), b.leaf);
    return r;
}

// An operation that is one system call on a name: os.mkdir, os.rmdir, os.remove. The call is
// made on the last component inside its directory (mkdirat, unlinkat), so a link is removed,
// never what it points to.
FileOpResult FileLab::pathCall(const QString &name, const char *python, const char *cpp, int (*call)(int, const char *)) const
{
    const QString path = pathOf(name);
    FileOpResult r = describe(QStringLiteral("%1(%2)").arg(QLatin1String(python), pyRepr(path)), QLatin1String(cpp));
    const Beneath b = resolveBeneath(folder_, name);
    if (!b.ok())
        return unreachable(std::move(r), b, path);
    if (call(b.dir.get(), b.leaf.constData()) != 0)
        return failure(std::move(r), errno, path);
    r.ok = true;
    return r;
}

FileOpResult FileLab::makeDir(const QString &name) const
{
    FileOpResult r = pathCall(name, "os.mkdir", "QDir().mkdir(path);  // ::mkdir(path, 0777)",
        [](int dir, const char *leaf) { return ::mkdirat(dir, leaf, 0777); });
    r.created = r.ok;
    return r;
}

FileOpResult FileLab::removeDir(const QString &name) const
{
    return pathCall(name, "os.rmdir", "QDir().rmdir(path);  // ::rmdir(path): empty only",
        [](int dir, const char *leaf) { return ::unlinkat(dir, leaf, AT_REMOVEDIR); });
}

FileOpResult FileLab::removeFile(const QString &name) const
{
    if (name.endsWith(QLatin1Char('/'))) { // "x/" names a directory: unlinkat(x) would remove a file x
        const QString path = pathOf(name);
        FileOpResult r
            = describe(QStringLiteral("os.remove(%1)").arg(pyRepr(path)), QStringLiteral("QFile::remove(path);  // ::unlink(path)"));
        const Beneath b = resolveBeneath(folder_, name);
        return b.ok() ? openFailure(std::move(r), slashErrno(b, false), b, path, "removing") : unreachable(std::move(r), b, path);
    }
    return pathCall(
        name, "os.remove", "QFile::remove(path);  // ::unlink(path)", [](int dir, const char *leaf) { return ::unlinkat(dir, leaf, 0); });
}

FileOpResult FileLab::list() const
{
    FileOpResult r = describe(QStringLiteral("os.listdir(%1)").arg(pyRepr(folder_)),
        QStringLiteral("QDir(path).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);"));
    int err = 0;
    UniqueFd fd = openFolder(folder_, O_RDONLY, &err);
    DIR *d = fd ? ::fdopendir(fd.get()) : nullptr;
    if (!d)
        return failure(std::move(r), fd ? errno : err, folder_);
    fd.release(); // closedir() closes it
    QStringList names;
    errno = 0;
    while (const dirent *e = ::readdir(d))
        if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0)
            names << pyRepr(fsDecode(QByteArray(e->d_name)));
    err = errno;
    ::closedir(d);
    if (err != 0)
        return failure(std::move(r), err, folder_);
    names.sort();
    r.ok = true;
    r.output = QLatin1Char('[') + names.join(QStringLiteral(", ")) + QLatin1Char(']');
    return r;
}

namespace {

// One chunk of numbered lines, about 1 MiB, or exactly `room` bytes ending on a whole line.
QByteArray bigFileChunk(qint64 room, qint64 *line)
{
    QByteArray chunk;
    while (chunk.size() < (1 << 20))
        chunk += "Технопарк, МГТУ: line " + QByteArray::number(++*line) + '\n';
    if (chunk.size() > room) {
        // End on a whole line, padded with ASCII to the exact size: never half a character.
        chunk.truncate(chunk.lastIndexOf('\n', qsizetype(room) - 1) + 1);
        if (const qsizetype pad = qsizetype(room) - chunk.size(); pad > 0)
            chunk += QByteArray(pad - 1, '.') + '\n';
    }
    return chunk;
}

} // namespace

FileOpResult FileLab::makeBigFile(const QString &name, qint64 bytes, const std::function<bool(qint64)> &keepGoing) const
{
    const QString path = pathOf(name);
    FileOpResult r
        = describe(QStringLiteral("with open(%1, 'w') as f:\n    for i in range(n): f.write(f\"line {i}\\n\")").arg(pyRepr(path)),
            QStringLiteral("QFile f(path); ... f.write(chunk);  // 1 MiB at a time"));
    UniqueFd fd = openForWriting(name, false, r);
    if (!fd)
        return r;
    qint64 written = 0, line = 0;
    while (written < bytes) {
        const QByteArray chunk = bigFileChunk(bytes - written, &line);
        if (const int err = writeAll(fd.get(), chunk); err != 0)
            return failure(std::move(r), err, path);
        written += chunk.size();
        if (keepGoing && !keepGoing(written))
            return r.error = QStringLiteral("stopped"), r;
    }
    if (const int err = closeChecked(std::move(fd)); err != 0)
        return failure(std::move(r), err, path);
    r.ok = true;
    r.output = QStringLiteral("%1 bytes, %2 lines").arg(written).arg(line);
    return r;
}

} // namespace cl
