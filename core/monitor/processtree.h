// A `top`-like view of one process tree: the app and its children, with their threads.
// Reads /proc through a small interface, so recorded files test it.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace cl {

struct PidStat {
    qint64 pid = 0, ppid = 0;
    QString name;
    char state = '?';
    quint64 utime = 0, stime = 0; // clock ticks
    int threads = 0;
    qint64 rssPages = 0;
    int processor = -1; // the core it last ran on (field 39); -1 when the line is too short
    quint64 startTicks = 0; // when it started, in clock ticks since boot (field 22)
};

// Parses /proc/<pid>/stat or /proc/<pid>/task/<tid>/stat (the name may hold spaces and ')').
std::optional<PidStat> parsePidStat(const QByteArray &text);

struct ThreadRow {
    qint64 tid = 0;
    QString name;
    char state = '?';
    double cpuPercent = 0; // of one core
};

struct ProcessRow {
    qint64 pid = 0, ppid = 0;
    QString name;
    char state = '?';
    int threads = 0;
    double cpuPercent = 0; // of one core: 200 % is two cores busy
    qint64 rssBytes = 0;
    QList<ThreadRow> threadRows;
};

class ProcFs {
public:
    virtual ~ProcFs() = default;
    virtual QByteArray read(const QString &path) const; // empty when missing
    virtual QStringList entries(const QString &dir) const;
};

// The same, keeping the files it reads open and reading them again from the start: a monitor
// reading the same few files ten times a second saves an open and a close each time. One
// thread only; at most kOpen files stay open, so a tree of a thousand threads costs no
// descriptors the experiment needs.
class CachingProcFs : public ProcFs {
public:
    static constexpr qsizetype kOpen = 48;
    QByteArray read(const QString &path) const override;
    ~CachingProcFs() override;

private:
    mutable QHash<QString, int> open_;
};

// Every process on the machine (/proc/<pid>/stat), by pid: what the process table and the app's
// tree (where the kernel has no children files) are both found from.
QHash<qint64, PidStat> allProcesses(const ProcFs &fs);

class ProcessSampler {
public:
    ProcessSampler(qint64 rootPid, const ProcFs &fs, long ticksPerSecond, long pageSize);
    // The root and all its descendants, root first. CPU % is measured since the previous call.
    QList<ProcessRow> sample(qint64 nowMs);

private:
    double percent(QHash<qint64, quint64> &seen, QHash<qint64, quint64> &next, qint64 id, quint64 ticks, double seconds) const;
    QList<ThreadRow> threadsOf(qint64 pid, double seconds, QHash<qint64, quint64> &next);

    qint64 root_;
    const ProcFs &fs_;
    long ticksPerSecond_;
    long pageSize_;
    qint64 lastMs_ = -1;
    QHash<qint64, quint64> pidTicks_, tidTicks_;
};

} // namespace cl
