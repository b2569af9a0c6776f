// The lesson's sys.version and platform.uname(), for this app.
#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace cl {

struct SystemInfo {
    QString appVersion, qtBuilt, qtRunning, compiler, buildType;
    QString osName, kernel, release, version, machine, host;
    QString cpuModel;
    int logicalCores = 0, physicalCores = 0;
    qint64 memoryBytes = 0;
    // (label, value) rows in display order; labels untranslated (translate with context "SystemInfo").
    QList<QPair<const char *, QString>> rows() const;
};

SystemInfo systemInfo();
// Physical cores from /proc/cpuinfo text: distinct (physical id, core id) pairs.
int physicalCoresFromCpuinfo(const QByteArray &cpuinfo);

} // namespace cl
