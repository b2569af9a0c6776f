#include "util/savefile.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace cl {

namespace {

// Not a regular file (/dev/stdout, a FIFO, a device): write in place, never replace it.
bool writeInPlace(const QString &path, const std::function<bool(QIODevice &)> &write, QString *error)
{
    QFile file(path);
    bool ok = file.open(QIODevice::WriteOnly) && write(file) && file.flush();
    const QString why = file.errorString();
    file.close();
    ok = ok && file.error() == QFileDevice::NoError;
    if (!ok && error)
        *error = QStringLiteral("cannot write %1: %2").arg(path, why);
    return ok;
}

} // namespace

bool saveWith(const QString &path, const std::function<bool(QIODevice &)> &write, QString *error)
{
    if (const QFileInfo info(path); info.exists() && !info.isFile())
        return writeInPlace(path, write, error);
    QSaveFile file(path);
    const bool ok = file.open(QIODevice::WriteOnly) && write(file) && file.commit();
    if (!ok && error)
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return ok;
}

bool saveFile(const QString &path, const QByteArray &bytes, QString *error)
{
    return saveWith(
        path, [&bytes](QIODevice &device) { return device.write(bytes) == bytes.size(); }, error);
}

} // namespace cl
