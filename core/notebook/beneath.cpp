#include "notebook/beneath.h"

#include "notebook/fileops.h"

#include <QFile>
#include <QList>

#include <cerrno>
#include <climits>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cl {

namespace {

struct Split {
    QList<QByteArray> parents; // directories to walk through, "." dropped
    QByteArray leaf;
    bool wantsDirectory = false;
    QString refusal;
};

// The name's components, or why the name would leave the folder.
Split split(const QString &name)
{
    Split s;
    if (name.contains(QChar(0)))
        return s.refusal = QStringLiteral("ValueError: embedded null byte"), s; // as Python refuses it
    if (name.startsWith(QLatin1Char('/')))
        return s.refusal
               = QStringLiteral("Refused: %1 is an absolute name; every name is taken inside the working folder").arg(pyRepr(name)),
               s;
    const QByteArray bytes = QFile::encodeName(name);
    s.wantsDirectory = bytes.endsWith('/');
    for (const QByteArray &part : bytes.split('/')) {
        if (part == "..")
            return s.refusal = QStringLiteral("Refused: %1 goes up with '..', out of the working folder").arg(pyRepr(name)), s;
        if (!part.isEmpty() && part != ".")
            s.parents << part;
    }
    const bool endsWithDot = bytes == "." || bytes.endsWith("/.") || bytes.endsWith("/./");
    s.leaf = endsWithDot ? QByteArray(".") : s.parents.isEmpty() ? QByteArray() : s.parents.takeLast();
    return s;
}

// The system's own limit on a whole path (with its NUL), checked as open(2) would on the full one.
bool tooLong(const QString &folder, const QString &name)
{
    return QFile::encodeName(joinPath(folder, name)).size() >= PATH_MAX;
}

} // namespace

UniqueFd openFolder(const QString &folder, int flags, int *err)
{
    UniqueFd fd(::open(QFile::encodeName(folder).constData(), O_DIRECTORY | O_CLOEXEC | flags));
    if (!fd)
        *err = errno;
    return fd;
}

QString joinPath(const QString &folder, const QString &name)
{
    if (folder.isEmpty() || name.startsWith(QLatin1Char('/')))
        return name;
    return folder.endsWith(QLatin1Char('/')) ? folder + name : folder + QLatin1Char('/') + name;
}

Beneath resolveBeneath(const QString &folder, const QString &name)
{
    Beneath b;
    Split s = split(name);
    b.refusal = s.refusal;
    if (!b.refusal.isEmpty())
        return b;
    if (tooLong(folder, name)) {
        b.err = ENAMETOOLONG;
        return b;
    }
    UniqueFd dir = openFolder(folder, O_PATH, &b.err);
    if (!dir)
        return b;
    QString walked = folder;
    for (const QByteArray &part : std::as_const(s.parents)) {
        walked = joinPath(walked, QFile::decodeName(part));
        UniqueFd next(::openat(dir.get(), part.constData(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!next) {
            b.err = errno; // ENOTDIR for a link: O_NOFOLLOW | O_DIRECTORY never follows one
            if (isSymlinkAt(dir.get(), part))
                b.refusal = symlinkRefusal(walked, dir.get(), part);
            return b;
        }
        dir = std::move(next);
    }
    b.dir = std::move(dir);
    b.leaf = s.leaf;
    b.wantsDirectory = s.wantsDirectory;
    return b;
}

bool isSymlinkAt(int dirFd, const QByteArray &leaf)
{
    struct stat st { };
    return ::fstatat(dirFd, leaf.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode);
}

QString describeEntry(int dirFd, const QByteArray &leaf)
{
    struct stat st { };
    if (::fstatat(dirFd, leaf.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        return {};
    if (S_ISLNK(st.st_mode)) {
        char target[PATH_MAX];
        const ssize_t n = ::readlinkat(dirFd, leaf.constData(), target, sizeof target);
        return QStringLiteral("a symbolic link (→ %1)").arg(pyRepr(QFile::decodeName(QByteArray(target, n > 0 ? n : 0))));
    }
    if (S_ISFIFO(st.st_mode))
        return QStringLiteral("a FIFO (named pipe)");
    if (S_ISCHR(st.st_mode))
        return QStringLiteral("a character device");
    if (S_ISBLK(st.st_mode))
        return QStringLiteral("a block device");
    if (S_ISSOCK(st.st_mode))
        return QStringLiteral("a socket");
    if (S_ISDIR(st.st_mode))
        return QStringLiteral("a directory");
    return QStringLiteral("a regular file");
}

QString symlinkRefusal(const QString &displayPath, int dirFd, const QByteArray &leaf)
{
    return QStringLiteral("Refused: %1 is %2; the lab never follows a link, so nothing outside the working folder is touched")
        .arg(pyRepr(displayPath), describeEntry(dirFd, leaf));
}

} // namespace cl
