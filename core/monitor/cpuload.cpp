#include "monitor/cpuload.h"

#include <algorithm>

namespace cl {

namespace {
std::optional<CpuCounters> parseCounters(const QList<QByteArray> &f)
{
    if (f.size() < 5)
        return std::nullopt;
    quint64 v[8] = {};
    for (qsizetype i = 1; i < std::min<qsizetype>(f.size(), 9); ++i) {
        bool ok = false;
        v[i - 1] = f[i].toULongLong(&ok);
        if (!ok)
            return std::nullopt;
    }
    return CpuCounters{v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]};
}

double fraction(quint64 before, quint64 after, double total)
{
    return after > before ? double(after - before) / total : 0.0;
}
} // namespace

std::optional<ProcStat> parseProcStat(const QByteArray &text)
{
    ProcStat out;
    bool sawAll = false;
    // The cpu lines come first; the long interrupt counts after them are not split at all.
    for (qsizetype pos = 0; pos < text.size();) {
        const qsizetype end = text.indexOf('\n', pos) < 0 ? text.size() : text.indexOf('\n', pos);
        const QByteArray line = text.mid(pos, end - pos);
        pos = end + 1;
        if (!line.startsWith("cpu")) {
            if (sawAll)
                break;
            continue;
        }
        const QList<QByteArray> f = line.simplified().split(' ');
        const auto counters = parseCounters(f);
        if (!counters)
            return std::nullopt;
        if (f[0] == "cpu") {
            out.all = *counters;
            sawAll = true;
            continue;
        }
        bool ok = false;
        const int core = f[0].mid(3).toInt(&ok);
        if (!ok)
            return std::nullopt;
        out.cores.insert(core, *counters);
    }
    return sawAll ? std::optional(out) : std::nullopt;
}

CpuLoad loadBetween(const CpuCounters &a, const CpuCounters &b)
{
    const bool backwards = b.user < a.user || b.nice < a.nice || b.system < a.system || b.idle < a.idle || b.iowait < a.iowait
        || b.irq < a.irq || b.softirq < a.softirq || b.steal < a.steal;
    if (backwards || b.total() <= a.total())
        return {};
    const double total = double(b.total() - a.total());
    CpuLoad l;
    l.user = fraction(a.user + a.nice, b.user + b.nice, total);
    l.system = fraction(a.system + a.irq + a.softirq, b.system + b.irq + b.softirq, total);
    l.iowait = fraction(a.iowait, b.iowait, total);
    l.steal = fraction(a.steal, b.steal, total);
    return l;
}

CpuSample sampleBetween(const ProcStat &before, const ProcStat &after, qint64 tMs)
{
    CpuSample s;
    s.tMs = tMs;
    s.all = loadBetween(before.all, after.all);
    for (auto it = after.cores.cbegin(); it != after.cores.cend(); ++it)
        if (const auto prev = before.cores.constFind(it.key()); prev != before.cores.cend())
            s.cores.insert(it.key(), loadBetween(*prev, it.value()));
    return s;
}

void CpuHistory::append(const CpuSample &s)
{
    for (auto it = s.cores.cbegin(); it != s.cores.cend(); ++it)
        if (const auto pos = std::lower_bound(cores_.begin(), cores_.end(), it.key()); pos == cores_.end() || *pos != it.key())
            cores_.insert(pos, it.key());
    ++appended_;
    if (samples_.size() < capacity_) {
        samples_.append(s);
        return;
    }
    samples_[head_] = s;
    head_ = (head_ + 1) % samples_.size();
}

void CpuHistory::setCapacity(qsizetype capacity)
{
    QList<CpuSample> kept;
    for (qsizetype i = std::max<qsizetype>(0, size() - capacity); i < size(); ++i)
        kept.append(at(i));
    samples_ = kept;
    head_ = 0;
    capacity_ = std::max<qsizetype>(1, capacity);
}

void CpuHistory::clear()
{
    samples_.clear();
    cores_.clear();
    head_ = 0;
}

QList<CpuSample> CpuHistory::samples() const
{
    QList<CpuSample> out;
    out.reserve(size());
    for (qsizetype i = 0; i < size(); ++i)
        out.append(at(i));
    return out;
}

} // namespace cl
