#include "monitor/treecpu.h"

#include <time.h>
#include <unistd.h>

namespace cl {

TreeCpuSampler::TreeCpuSampler(qint64 rootPid, const ProcFs &fs, long ticksPerSecond)
    : root_(rootPid), fs_(fs), ticksPerSecond_(std::max(1L, ticksPerSecond))
{
    childrenFiles_ = fs.entries(QStringLiteral("/proc/%1/task/%1").arg(rootPid)).contains(QStringLiteral("children"));
}

// The newest process or thread id on the machine: the last field of /proc/loadavg.
std::optional<qint64> TreeCpuSampler::lastPid() const
{
    const QByteArray line = fs_.read(QStringLiteral("/proc/loadavg")).trimmed();
    bool ok = false;
    const qint64 pid = line.mid(line.lastIndexOf(' ') + 1).toLongLong(&ok);
    return ok && pid > 0 ? std::optional(pid) : std::nullopt;
}

// Nothing new can have joined the tree while no process or thread was created on the machine:
// one small file instead of a children file per thread.
QList<qint64> TreeCpuSampler::tree()
{
    const std::optional<qint64> last = lastPid();
    if (last && last == treeLastPid_ && !tree_.isEmpty())
        return tree_;
    tree_ = childrenFiles_ ? treeByChildren() : treeByParents();
    treeLastPid_ = last;
    return tree_;
}

QList<qint64> TreeCpuSampler::treeByChildren() const
{
    QList<qint64> out{root_};
    for (qsizetype i = 0; i < out.size() && out.size() < 100'000; ++i) {
        const QString dir = QStringLiteral("/proc/%1/task").arg(out[i]);
        for (const QString &tid : fs_.entries(dir))
            for (const QByteArray &child : fs_.read(QStringLiteral("%1/%2/children").arg(dir, tid)).split(' ')) {
                bool ok = false;
                if (const qint64 pid = child.trimmed().toLongLong(&ok); ok && pid > 0)
                    out.append(pid);
            }
    }
    return out;
}

QList<qint64> TreeCpuSampler::treeByParents() const
{
    QMultiHash<qint64, qint64> children;
    const QHash<qint64, PidStat> all = allProcesses(fs_);
    for (auto it = all.cbegin(); it != all.cend(); ++it)
        children.insert(it->ppid, it.key());
    QList<qint64> out{root_};
    for (qsizetype i = 0; i < out.size(); ++i)
        out.append(children.values(out[i]));
    return out;
}

namespace {
double share(quint64 before, quint64 after, double ticks)
{
    return after > before ? double(after - before) / ticks : 0.0;
}

// A thread's time goes to the core it ran on last, but a thread that moved between cores during
// the interval (GIL hand-offs do that all the time) ran part of it elsewhere: its last core then
// shows more own time than it was busy. That excess goes to the cores whose busy time nothing of
// the app explains yet, in proportion to it; what still does not fit (the two files are read at
// slightly different moments) is dropped. User and system keep their split throughout.
void spill(QMap<int, CpuLoad> &cores)
{
    double excessUser = 0, excessSystem = 0, spare = 0;
    for (CpuLoad &l : cores) {
        const double busy = l.user + l.system;
        if (l.own() > busy) {
            const double k = busy / l.own();
            excessUser += l.ownUser * (1 - k);
            excessSystem += l.ownSystem * (1 - k);
            l.ownUser *= k;
            l.ownSystem *= k;
        } else {
            spare += busy - l.own();
        }
    }
    const double excess = excessUser + excessSystem;
    if (excess <= 0 || spare <= 0)
        return;
    const double placed = std::min(excess, spare);
    for (CpuLoad &l : cores) {
        const double room = l.user + l.system - l.own();
        if (room <= 0)
            continue;
        const double part = placed * room / spare;
        l.ownUser += part * excessUser / excess;
        l.ownSystem += part * excessSystem / excess;
    }
}
} // namespace

// A process whose utime + stime did not move since the last reading had no thread running:
// its threads are not read again (most of the app sleeps most of the time).
void TreeCpuSampler::attribute(CpuSample &sample, double seconds, qint64 bootTicks)
{
    if (bootTicks < 0) {
        timespec now{};
        clock_gettime(CLOCK_BOOTTIME, &now);
        bootTicks = qint64(now.tv_sec) * ticksPerSecond_ + qint64(now.tv_nsec) * ticksPerSecond_ / 1'000'000'000;
    }
    QHash<qint64, Ticks> next;
    QHash<qint64, Process> nextProcesses;
    const double ticks = seconds * double(ticksPerSecond_);
    for (const qint64 pid : tree()) {
        const auto whole = parsePidStat(fs_.read(QStringLiteral("/proc/%1/stat").arg(pid)));
        if (!whole)
            continue; // it ended meanwhile
        Process process{whole->utime + whole->stime, {}};
        if (const auto known = processes_.constFind(pid); known != processes_.cend() && known->total == process.total) {
            for (const qint64 tid : known->tids)
                if (const auto t = ticks_.constFind(tid); t != ticks_.cend())
                    next.insert(tid, *t);
            nextProcesses.insert(pid, *known);
            continue;
        }
        const QString dir = QStringLiteral("/proc/%1/task").arg(pid);
        for (const QString &tid : fs_.entries(dir)) {
            const auto st = parsePidStat(fs_.read(QStringLiteral("%1/%2/stat").arg(dir, tid)));
            if (!st)
                continue; // it ended meanwhile
            next.insert(st->pid, {st->utime, st->stime});
            process.tids.append(st->pid);
            const auto prev = ticks_.constFind(st->pid);
            const bool fresh = prev == ticks_.cend() && lastBootTicks_ >= 0 && qint64(st->startTicks) >= lastBootTicks_;
            const auto core = sample.cores.find(st->processor);
            if ((prev == ticks_.cend() && !fresh) || ticks <= 0 || core == sample.cores.end())
                continue; // seen for the first time but older than the last readings, or on a core the sample does not have
            const Ticks from = fresh ? Ticks{} : prev.value();
            core->ownUser += share(from.user, st->utime, ticks);
            core->ownSystem += share(from.system, st->stime, ticks);
        }
        nextProcesses.insert(pid, process);
    }
    ticks_ = next;
    processes_ = nextProcesses;
    lastBootTicks_ = bootTicks;
    sample.all.ownUser = sample.all.ownSystem = 0;
    spill(sample.cores);
    for (const CpuLoad &l : std::as_const(sample.cores)) {
        sample.all.ownUser += l.ownUser / double(sample.cores.size());
        sample.all.ownSystem += l.ownSystem / double(sample.cores.size());
    }
}

CpuLoadSampler::CpuLoadSampler(const ProcFs &fs) : fs_(fs), tree_(getpid(), fs, sysconf(_SC_CLK_TCK)) { }

std::optional<CpuSample> CpuLoadSampler::next(qint64 nowMs)
{
    const auto stat = parseProcStat(fs_.read(QStringLiteral("/proc/stat")));
    if (!stat)
        return std::nullopt;
    std::optional<CpuSample> out;
    CpuSample cpu = previous_ ? sampleBetween(*previous_, *stat, nowMs) : CpuSample{nowMs, {}, {}};
    tree_.attribute(cpu, previous_ ? double(nowMs - previousMs_) / 1000.0 : 0.0); // the first call takes the readings
    if (previous_)
        out = std::move(cpu);
    previous_ = stat;
    previousMs_ = nowMs;
    return out;
}

} // namespace cl
