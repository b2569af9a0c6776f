#include "notebook/streams.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace cl {

StreamInfo probeStream(int fd)
{
    static const char *const names[] = {"stdin", "stdout", "stderr"};
    StreamInfo s;
    s.fd = fd;
    s.name = fd >= 0 && fd < 3 ? QLatin1String(names[fd]) : QStringLiteral("fd %1").arg(fd);
    struct stat st { };
    if (::fstat(fd, &st) != 0) {
        s.kind = QStringLiteral("closed");
        return s;
    }
    char buffer[4096];
    const ssize_t n = ::readlink(QByteArray("/proc/self/fd/" + QByteArray::number(fd)).constData(), buffer, sizeof buffer - 1);
    s.target = n > 0 ? QFile::decodeName(QByteArray(buffer, n)) : QString(); // "pipe:[123]", "/dev/pts/0", a path
    s.isTty = ::isatty(fd) == 1;
    if (s.isTty)
        s.kind = QStringLiteral("terminal");
    else if (S_ISFIFO(st.st_mode))
        s.kind = QStringLiteral("pipe");
    else if (S_ISREG(st.st_mode))
        s.kind = QStringLiteral("file");
    else if (S_ISSOCK(st.st_mode))
        s.kind = QStringLiteral("socket");
    else if (S_ISCHR(st.st_mode) && major(st.st_rdev) == 1 && minor(st.st_rdev) == 3)
        s.kind = QStringLiteral("/dev/null");
    else if (S_ISCHR(st.st_mode))
        s.kind = QStringLiteral("character device");
    else
        s.kind = QStringLiteral("other");
    return s;
}

QList<StreamInfo> probeStandardStreams()
{
    return {probeStream(0), probeStream(1), probeStream(2)};
}

QString writeLine(int fd, const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    const ssize_t n = ::write(fd, bytes.constData(), size_t(bytes.size()));
    const StreamInfo s = probeStream(fd);
    if (n < 0)
        return QStringLiteral("%1: [Errno %2] %3").arg(s.name).arg(errno).arg(QString::fromLocal8Bit(std::strerror(errno)));
    return QStringLiteral("%1 bytes to %2 (fd %3) → %4 %5").arg(n).arg(s.name).arg(fd).arg(s.kind, s.target);
}

} // namespace cl
