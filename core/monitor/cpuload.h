// Per-core CPU load from /proc/stat, as `top` computes it: the change of each counter between
// two samples. Parsing takes text, so recorded files test it on any machine.
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <algorithm>
#include <optional>

namespace cl {

struct CpuCounters {
    quint64 user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
    quint64 total() const { return user + nice + system + idle + iowait + irq + softirq + steal; }
};

struct ProcStat {
    CpuCounters all;
    QMap<int, CpuCounters> cores; // by core number; an offline core has no line
};

std::optional<ProcStat> parseProcStat(const QByteArray &text);

// Fractions of the interval, each 0..1.
struct CpuLoad {
    double user = 0; // user + nice
    double system = 0; // system + irq + softirq
    double iowait = 0;
    double steal = 0;
    // The part of user + system that this app's own process tree used (its threads and child
    // processes); the rest of busy() is other programs. Filled by TreeCpuSampler.
    double ownUser = 0, ownSystem = 0;
    double busy() const { return user + system + steal; }
    double own() const { return ownUser + ownSystem; }
    double other() const { return std::max(0.0, busy() - own()); }
    bool operator==(const CpuLoad &) const = default;
};

// Load between two readings. Counters that went backwards (a core that went offline and came
// back, a wrap) give an empty interval rather than nonsense.
CpuLoad loadBetween(const CpuCounters &before, const CpuCounters &after);

struct CpuSample {
    qint64 tMs = 0; // monotonic milliseconds
    CpuLoad all;
    QMap<int, CpuLoad> cores; // the cores online in both readings
    bool operator==(const CpuSample &) const = default;
};

CpuSample sampleBetween(const ProcStat &before, const ProcStat &after, qint64 tMs);

// The last `capacity` samples (60 s at 10 Hz by default), oldest first.
class CpuHistory {
public:
    explicit CpuHistory(qsizetype capacity = 600) : capacity_(capacity) { }
    void append(const CpuSample &s);
    void setCapacity(qsizetype capacity);
    void clear(); // every sample and core forgotten; the capacity stays
    qsizetype capacity() const { return capacity_; }
    qsizetype size() const { return samples_.size(); }
    const CpuSample &at(qsizetype i) const { return samples_[(head_ + i) % samples_.size()]; }
    const CpuSample &last() const { return at(size() - 1); }
    QList<CpuSample> samples() const; // oldest first
    const QList<int> &cores() const { return cores_; } // every core seen so far, sorted
    bool isEmpty() const { return samples_.isEmpty(); }
    qint64 appended() const { return appended_; } // every sample ever appended: the newest one's number + 1

private:
    qsizetype capacity_;
    QList<CpuSample> samples_;
    qsizetype head_ = 0;
    qint64 appended_ = 0;
    QList<int> cores_;
};

} // namespace cl
