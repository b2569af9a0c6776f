#include "monitor/systeminfo.h"

#include "monitor/processtree.h"

#include <QCoreApplication>
#include <QSet>
#include <QSysInfo>
#include <QtGlobal>

#include <sys/utsname.h>
#include <unistd.h>

namespace cl {

namespace {
QByteArray readAll(const char *path)
{
    return ProcFs().read(QString::fromLatin1(path));
}

QString field(const QByteArray &text, const QByteArray &key)
{
    for (const QByteArray &line : text.split('\n'))
        if (line.startsWith(key)) {
            const auto colon = line.indexOf(':');
            return QString::fromUtf8(line.mid(colon + 1).trimmed());
        }
    return {};
}
} // namespace

int physicalCoresFromCpuinfo(const QByteArray &cpuinfo)
{
    QSet<QString> cores;
    QString physical, core;
    QList<QByteArray> lines = cpuinfo.split('\n');
    lines.append(QByteArray()); // a blank line ends the last processor's block
    for (const QByteArray &line : std::as_const(lines)) {
        if (line.trimmed().isEmpty()) {
            if (!core.isEmpty())
                cores.insert(physical + QLatin1Char('/') + core);
            physical.clear();
            core.clear();
        } else if (line.startsWith("physical id")) {
            physical = QString::fromLatin1(line.mid(line.indexOf(':') + 1).trimmed());
        } else if (line.startsWith("core id")) {
            core = QString::fromLatin1(line.mid(line.indexOf(':') + 1).trimmed());
        }
    }
    return int(cores.size());
}

SystemInfo systemInfo()
{
    SystemInfo s;
    s.appVersion = QStringLiteral(CL_VERSION);
    s.qtBuilt = QStringLiteral(QT_VERSION_STR);
    s.qtRunning = QString::fromLatin1(qVersion());
#if defined(__clang__)
    s.compiler = QStringLiteral("Clang ") + QStringLiteral(__clang_version__);
#elif defined(__GNUC__)
    s.compiler = QStringLiteral("GCC ") + QStringLiteral(__VERSION__);
#endif
    s.buildType = QStringLiteral(CL_BUILD_TYPE);
    s.osName = QSysInfo::prettyProductName();
    utsname u{};
    if (uname(&u) == 0) {
        s.kernel = QString::fromLocal8Bit(u.sysname);
        s.host = QString::fromLocal8Bit(u.nodename);
        s.release = QString::fromLocal8Bit(u.release);
        s.version = QString::fromLocal8Bit(u.version);
        s.machine = QString::fromLocal8Bit(u.machine);
    }
    const QByteArray cpuinfo = readAll("/proc/cpuinfo");
    s.cpuModel = field(cpuinfo, "model name");
    s.logicalCores = int(sysconf(_SC_NPROCESSORS_ONLN));
    s.physicalCores = physicalCoresFromCpuinfo(cpuinfo);
    if (s.physicalCores == 0)
        s.physicalCores = s.logicalCores;
    s.memoryBytes = field(readAll("/proc/meminfo"), "MemTotal").split(QLatin1Char(' ')).first().toLongLong() * 1024;
    return s;
}

QList<QPair<const char *, QString>> SystemInfo::rows() const
{
    return {
        {QT_TRANSLATE_NOOP("SystemInfo", "Application"), QStringLiteral("Concurrency Lab ") + appVersion},
        {QT_TRANSLATE_NOOP("SystemInfo", "Qt (built with)"), qtBuilt},
        {QT_TRANSLATE_NOOP("SystemInfo", "Qt (running)"), qtRunning},
        {QT_TRANSLATE_NOOP("SystemInfo", "Compiler"), compiler},
        {QT_TRANSLATE_NOOP("SystemInfo", "Build type"), buildType},
        {QT_TRANSLATE_NOOP("SystemInfo", "Operating system"), osName},
        {QT_TRANSLATE_NOOP("SystemInfo", "system"), kernel},
        {QT_TRANSLATE_NOOP("SystemInfo", "node"), host},
        {QT_TRANSLATE_NOOP("SystemInfo", "release"), release},
        {QT_TRANSLATE_NOOP("SystemInfo", "version"), version},
        {QT_TRANSLATE_NOOP("SystemInfo", "machine"), machine},
        {QT_TRANSLATE_NOOP("SystemInfo", "CPU"), cpuModel},
        {QT_TRANSLATE_NOOP("SystemInfo", "Logical cores"), QString::number(logicalCores)},
        {QT_TRANSLATE_NOOP("SystemInfo", "Physical cores"), QString::number(physicalCores)},
        {QT_TRANSLATE_NOOP("SystemInfo", "Memory"),
            QCoreApplication::translate("SystemInfo", "%1 GiB").arg(double(memoryBytes) / (1024.0 * 1024 * 1024), 0, 'f', 1)},
    };
}

} // namespace cl
