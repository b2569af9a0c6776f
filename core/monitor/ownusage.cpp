#include "monitor/ownusage.h"

#include "monitor/processtree.h"

#include <QFile>

#include <sys/resource.h>

namespace cl {

namespace {
CpuTimes fromRusage(int who)
{
    rusage u{};
    getrusage(who, &u);
    return {double(u.ru_utime.tv_sec) + double(u.ru_utime.tv_usec) / 1e6, double(u.ru_stime.tv_sec) + double(u.ru_stime.tv_usec) / 1e6};
}

qint64 statusField(const char *name)
{
    const QByteArray key = QByteArray(name) + ':';
    for (const QByteArray &line : ProcFs().read(QStringLiteral("/proc/self/status")).split('\n'))
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').first().toLongLong() * 1024;
    return 0;
}
} // namespace

CpuTimes threadCpuTimes()
{
    return fromRusage(RUSAGE_THREAD);
}
CpuTimes processCpuTimes()
{
    return fromRusage(RUSAGE_SELF);
}
qint64 peakRssBytes()
{
    return statusField("VmHWM");
}
qint64 currentRssBytes()
{
    return statusField("VmRSS");
}

qint64 parsePss(const QByteArray &smapsRollup)
{
    for (const QByteArray &line : smapsRollup.split('\n'))
        if (line.startsWith("Pss:")) {
            bool ok = false;
            const qint64 kb = line.mid(4).trimmed().split(' ').first().toLongLong(&ok);
            return ok ? kb * 1024 : -1;
        }
    return -1;
}

qint64 pssBytes()
{
    const qint64 pss = parsePss(ProcFs().read(QStringLiteral("/proc/self/smaps_rollup")));
    return pss >= 0 ? pss : currentRssBytes();
}

bool resetPeakRss()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

} // namespace cl
