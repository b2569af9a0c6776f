#include "fileops.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <iconv.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cl {

namespace {

const char *iconvName(TextEncoding e)
{
    switch (e) {
    case TextEncoding::Cp1251: return "CP1251";
    case TextEncoding::Koi8r: return "KOI8-R";
    case TextEncoding::Utf8: break;
    }
    return "UTF-8";
}

// Converts with iconv; on an invalid sequence returns false and the offset of the bad byte.
bool convert(const QByteArray &in, const char *from, const char *to, QByteArray *out, qsizetype *badAt)
{
    iconv_t cd = iconv_open(to, from);
    if (cd == iconv_t(-1))
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

QByteArray path8(const QString &p) { return QFile::encodeName(p); }

struct Fd {
    int fd;
    ~Fd() { if (fd >= 0) ::close(fd); }
};

std::optional<QByteArray> readWhole(const QString &path, int *err)
{
    Fd f{::open(path8(path).constData(), O_RDONLY | O_CLOEXEC)};
    if (f.fd < 0)
        return *err = errno, std::nullopt;
    QByteArray data;
    char buffer[64 * 1024];
    for (ssize_t n; (n = ::read(f.fd, buffer, sizeof buffer)) != 0;) {
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return *err = errno, std::nullopt;
        }
        data.append(buffer, n);
    }
    return data;
}

QString modeString(mode_t m)
{
    QString s = S_ISDIR(m) ? QStringLiteral("d") : S_ISLNK(m) ? QStringLiteral("l") : QStringLiteral("-");
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

FileOpResult failure(FileOpResult r, int err, const QString &path)
{
    r.ok = false;
    r.errnoValue = err;
    r.error = pythonOsError(err, path);
    return r;
}

} // namespace

QString toString(TextEncoding e)
{
    switch (e) {
    case TextEncoding::Cp1251: return QStringLiteral("cp1251");
    case TextEncoding::Koi8r: return QStringLiteral("koi8-r");
    case TextEncoding::Utf8: break;
    }
    return QStringLiteral("utf-8");
}

QList<TextEncoding> allEncodings() { return {TextEncoding::Utf8, TextEncoding::Cp1251, TextEncoding::Koi8r}; }

QByteArray encodeText(const QString &text, TextEncoding e, QString *error)
{
    const QByteArray utf8 = text.toUtf8();
    if (e == TextEncoding::Utf8)
        return utf8;
    QByteArray out;
    qsizetype badAt = 0;
    if (convert(utf8, "UTF-8", iconvName(e), &out, &badAt))
        return out;
    if (error)
        *error = QStringLiteral("'%1' codec can't encode character at position %2: character maps to <undefined>")
                     .arg(toString(e)).arg(QString::fromUtf8(utf8.left(badAt)).size());
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
    for (const QChar c : s) {
        if (c == QLatin1Char('\n')) out += QStringLiteral("\\n");
        else if (c == QLatin1Char('\r')) out += QStringLiteral("\\r");
        else if (c == QLatin1Char('\t')) out += QStringLiteral("\\t");
        else if (c == QLatin1Char('\\')) out += QStringLiteral("\\\\");
        else if (c == quote) out += QLatin1Char('\\') + c;
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f) out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else out += c;
    }
    return out + quote;
}

QString makeWorkFolder()
{
    QTemporaryDir dir(QDir::temp().filePath(QStringLiteral("concurrency-lab-XXXXXX")));
    dir.setAutoRemove(false);
    return dir.isValid() ? dir.path() : QString();
}

QString pythonOsError(int err, const QString &path)
{
    return QStringLiteral("[Errno %1] %2: %3").arg(err).arg(QString::fromLocal8Bit(std::strerror(err)), pyRepr(path));
}

QString FileLab::pathOf(const QString &name) const
{
    return name.startsWith(QLatin1Char('/')) ? name : folder_ + QLatin1Char('/') + name;
}

bool FileLab::exists(const QString &name) const
{
    struct stat st{};
    return ::lstat(path8(pathOf(name)).constData(), &st) == 0;
}

FileOpResult FileLab::writeWith(const QString &name, const QString &text, TextEncoding e, bool append) const
{
    const QString path = pathOf(name);
    const QString mode = append ? QStringLiteral("a") : QStringLiteral("w");
    FileOpResult r;
    r.python = QStringLiteral("with open(%1, '%2', encoding='%3') as f:\n    f.write(%4)")
                   .arg(pyRepr(path), mode, toString(e), pyRepr(text));
    r.cpp = QStringLiteral("QFile f(path); f.open(QIODevice::WriteOnly | %1); f.write(encode(text, \"%2\"));")
                .arg(append ? QStringLiteral("QIODevice::Append") : QStringLiteral("QIODevice::Truncate"), toString(e));
    QString encodeError;
    const QByteArray bytes = encodeText(text, e, &encodeError);
    if (!encodeError.isEmpty()) {
        r.error = QStringLiteral("UnicodeEncodeError: ") + encodeError;
        return r;
    }
    Fd f{::open(path8(path).constData(), O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0644)};
    if (f.fd < 0)
        return failure(r, errno, path);
    for (qsizetype done = 0; done < bytes.size();) {
        const ssize_t n = ::write(f.fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return failure(r, errno, path);
        done += n;
    }
    r.ok = true;
    r.output = QString::number(text.size()); // f.write() returns the number of characters
    return r;
}

FileOpResult FileLab::write(const QString &name, const QString &text, TextEncoding e) const { return writeWith(name, text, e, false); }
FileOpResult FileLab::append(const QString &name, const QString &text, TextEncoding e) const { return writeWith(name, text, e, true); }

FileOpResult FileLab::read(const QString &name, TextEncoding e) const
{
    const QString path = pathOf(name);
    FileOpResult r;
    r.python = QStringLiteral("with open(%1, 'r', encoding='%2') as f:\n    print(f.read())").arg(pyRepr(path), toString(e));
    r.cpp = QStringLiteral("QFile f(path); f.open(QIODevice::ReadOnly); decode(f.readAll(), \"%1\");").arg(toString(e));
    int err = 0;
    const auto bytes = readWhole(path, &err);
    if (!bytes)
        return failure(r, err, path);
    QString why;
    const auto text = decodeText(*bytes, e, &why);
    if (!text) {
        r.error = QStringLiteral("UnicodeDecodeError: ") + why;
        return r;
    }
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

FileOpResult FileLab::iterateLines(const QString &name, TextEncoding e, int maxShown,
                                   const std::function<bool(std::int64_t)> &keepGoing) const
{
    const QString path = pathOf(name);
    FileOpResult r;
    r.python = QStringLiteral("with open(%1, encoding='%2') as f:\n    for line in f:\n        print(repr(line))").arg(pyRepr(path), toString(e));
    r.cpp = QStringLiteral("while (f.readLineInto(&line)) { ... }  // one line in memory at a time");
    Fd f{::open(path8(path).constData(), O_RDONLY | O_CLOEXEC)};
    if (f.fd < 0)
        return failure(r, errno, path);
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
    for (ssize_t n; (n = ::read(f.fd, buffer, sizeof buffer)) != 0;) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return failure(r, errno, path);
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
    FileOpResult r;
    r.python = QStringLiteral("!cat %1   # or: open(%2, 'rb').read()").arg(path, pyRepr(path));
    r.cpp = QStringLiteral("QFile f(path); f.open(QIODevice::ReadOnly); f.read(%1).toHex(' ');").arg(maxBytes);
    int err = 0;
    const auto bytes = readWhole(path, &err);
    if (!bytes)
        return failure(r, err, path);
    QStringList rows;
    const QByteArray shown = bytes->left(maxBytes);
    for (qsizetype off = 0; off < shown.size(); off += 16) {
        const QByteArray chunk = shown.mid(off, 16);
        QString ascii;
        for (char c : chunk)
            ascii += (uchar(c) >= 0x20 && uchar(c) < 0x7f) ? QLatin1Char(c) : QLatin1Char('.');
        rows << QStringLiteral("%1  %2  %3").arg(off, 8, 16, QLatin1Char('0')).arg(QString::fromLatin1(chunk.toHex(' ')), -47).arg(ascii);
    }
    if (bytes->size() > maxBytes)
        rows << QStringLiteral("… %1 bytes in all").arg(bytes->size());
    r.ok = true;
    r.output = QStringLiteral("$ cat %1\n%2\n%3 bytes:\n%4").arg(path, QString::fromUtf8(shown)).arg(bytes->size()).arg(rows.join(QLatin1Char('\n')));
    return r;
}

FileOpResult FileLab::stat(const QString &name) const
{
    const QString path = pathOf(name);
    FileOpResult r;
    r.python = QStringLiteral("os.stat(%1)").arg(pyRepr(path));
    r.cpp = QStringLiteral("QFileInfo info(path); info.size(); info.permissions(); info.lastModified();");
    struct stat st{};
    if (::stat(path8(path).constData(), &st) != 0)
        return failure(r, errno, path);
    r.ok = true;
    r.output = QStringLiteral("size %1 bytes, %2 (%3), modified %4, inode %5, links %6")
                   .arg(qint64(st.st_size))
                   .arg(modeString(st.st_mode))
                   .arg(st.st_mode & 07777, 4, 8, QLatin1Char('0'))
                   .arg(QDateTime::fromSecsSinceEpoch(st.st_mtim.tv_sec).toString(Qt::ISODate))
                   .arg(qulonglong(st.st_ino))
                   .arg(qulonglong(st.st_nlink));
    return r;
}

// An operation that is one system call on a path: os.mkdir, os.rmdir, os.remove.
FileOpResult FileLab::pathCall(const QString &name, const char *python, const char *cpp, int (*call)(const char *)) const
{
    const QString path = pathOf(name);
    FileOpResult r = describe(QStringLiteral("%1(%2)").arg(QLatin1String(python), pyRepr(path)), QLatin1String(cpp));
    if (call(path8(path).constData()) != 0)
        return failure(r, errno, path);
    r.ok = true;
    return r;
}

FileOpResult FileLab::makeDir(const QString &name) const
{
    return pathCall(name, "os.mkdir", "QDir().mkdir(path);  // ::mkdir(path, 0777)", [](const char *p) { return ::mkdir(p, 0777); });
}

FileOpResult FileLab::removeDir(const QString &name) const
{
    return pathCall(name, "os.rmdir", "QDir().rmdir(path);  // ::rmdir(path): empty only", [](const char *p) { return ::rmdir(p); });
}

FileOpResult FileLab::removeFile(const QString &name) const
{
    return pathCall(name, "os.remove", "QFile::remove(path);  // ::unlink(path)", [](const char *p) { return ::unlink(p); });
}

FileOpResult FileLab::list() const
{
    FileOpResult r = describe(QStringLiteral("os.listdir(%1)").arg(pyRepr(folder_)), QStringLiteral("QDir(path).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);"));
    DIR *d = ::opendir(path8(folder_).constData());
    if (!d)
        return failure(r, errno, folder_);
    QStringList names;
    while (const dirent *e = ::readdir(d))
        if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0)
            names << pyRepr(QFile::decodeName(e->d_name));
    ::closedir(d);
    names.sort();
    r.ok = true;
    r.output = QLatin1Char('[') + names.join(QStringLiteral(", ")) + QLatin1Char(']');
    return r;
}

FileOpResult FileLab::makeBigFile(const QString &name, qint64 bytes, const std::function<bool(qint64)> &keepGoing) const
{
    const QString path = pathOf(name);
    FileOpResult r = describe(QStringLiteral("with open(%1, 'w') as f:\n    for i in range(n): f.write(f\"line {i}\\n\")").arg(pyRepr(path)),
                              QStringLiteral("QFile f(path); ... f.write(chunk);  // 1 MiB at a time"));
    Fd f{::open(path8(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)};
    if (f.fd < 0)
        return failure(r, errno, path);
    QByteArray chunk;
    qint64 written = 0, line = 0;
    while (written < bytes) {
        chunk.clear();
        while (chunk.size() < (1 << 20))
            chunk += "Технопарк, МГТУ: line " + QByteArray::number(++line) + '\n';
        if (const qint64 room = bytes - written; chunk.size() > room) {
            // End on a whole line, padded with ASCII to the exact size: never half a character.
            chunk.truncate(chunk.lastIndexOf('\n', qsizetype(room) - 1) + 1);
            if (const qsizetype pad = qsizetype(room) - chunk.size(); pad > 0)
                chunk += QByteArray(pad - 1, '.') + '\n';
        }
        for (qsizetype done = 0; done < chunk.size();) {
            const ssize_t n = ::write(f.fd, chunk.constData() + done, size_t(chunk.size() - done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                return failure(r, errno, path);
            done += n;
        }
        written += chunk.size();
        if (keepGoing && !keepGoing(written))
            return r.error = QStringLiteral("stopped"), r;
    }
    r.ok = true;
    r.output = QStringLiteral("%1 bytes, %2 lines").arg(written).arg(line);
    return r;
}

} // namespace cl
