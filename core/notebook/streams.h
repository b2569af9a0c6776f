// Where descriptors 0, 1 and 2 lead: a terminal, a pipe, a file, /dev/null, a socket.
#pragma once

#include <QList>
#include <QString>

namespace cl {

struct StreamInfo {
    int fd = 0;
    QString name; // stdin, stdout, stderr
    QString kind; // "terminal", "pipe", "file", "/dev/null", "socket", "character device", "closed"
    QString target; // what /proc/self/fd/N points to
    bool isTty = false;
};

StreamInfo probeStream(int fd);
QList<StreamInfo> probeStandardStreams();
// Writes `line` to fd 1 or 2 and says where it went.
QString writeLine(int fd, const QString &line);

} // namespace cl
