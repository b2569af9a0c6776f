// Writing a file so that nothing is lost silently: every write, the flush and the close are
// checked, and a failure (a full disk, a missing folder) leaves the old file as it was, because
// the data goes to a temporary file renamed over the target only when all of it is written
// (QSaveFile). Devices and pipes (/dev/stdout, a FIFO) are written in place, never replaced.
#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QString>

#include <functional>

namespace cl {

// `write` fills the device and says whether it could; false with `error` set on any failure.
bool saveWith(const QString &path, const std::function<bool(QIODevice &)> &write, QString *error);
bool saveFile(const QString &path, const QByteArray &bytes, QString *error);

} // namespace cl
