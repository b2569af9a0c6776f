#include "experiment/timeline.h"

#include <QMap>
#include <algorithm>
#include <cmath>

namespace cl {

TimeWindow TimeWindow::zoomed(double factor, double anchor, double total, double minLength) const
{
    const double len = std::clamp(length() * factor, std::min(minLength, total), std::max(total, minLength));
    const double ratio = length() > 0 ? (anchor - t0) / length() : 0.5;
    TimeWindow w{anchor - ratio * len, anchor - ratio * len + len};
    return w.panned(0, total);
}

TimeWindow TimeWindow::panned(double dt, double total) const
{
    const double len = std::min(length(), std::max(total, length()));
    double a = t0 + dt;
    a = std::clamp(a, 0.0, std::max(0.0, total - len));
    return {a, a + len};
}

int statePriority(WorkerState s)
{
    switch (s) {
    case WorkerState::Running:
        return 4;
    case WorkerState::WaitGil:
        return 3;
    case WorkerState::WaitIo:
        return 2;
    case WorkerState::Ready:
        return 1;
    case WorkerState::Starting:
        return 0;
    }
    return 0;
}

namespace {
QString laneLabel(WorkerKind kind, int first, int last)
{
    const QString name = kind == WorkerKind::Thread ? QStringLiteral("thread")
        : kind == WorkerKind::Process               ? QStringLiteral("process")
        : kind == WorkerKind::Task                  ? QStringLiteral("task")
        : kind == WorkerKind::Interpreter           ? QStringLiteral("interpreter")
                                                    : QStringLiteral("main");
    if (first == last)
        return QStringLiteral("%1 %2").arg(name).arg(first);
    return QStringLiteral("%1s %2–%3").arg(name).arg(first).arg(last);
}
} // namespace

TimelineModel::TimelineModel(const QList<Span> &spans, double duration, int maxLanes) : duration_(duration), spanCount_(spans.size())
{
    QMap<int, QList<Span>> byWorker;
    for (const Span &s : spans) {
        byWorker[s.worker].append(s);
        duration_ = std::max(duration_, s.t1);
    }
    const QList<int> workers = byWorker.keys();
    const int n = int(workers.size());
    const int group = std::max(1, (n + std::max(1, maxLanes) - 1) / std::max(1, maxLanes));
    for (int i = 0; i < n; i += group) {
        TimelineLane lane;
        lane.firstWorker = workers[i];
        lane.lastWorker = workers[std::min(n, i + group) - 1];
        for (int j = i; j < std::min(n, i + group); ++j)
            lane.spans.append(byWorker[workers[j]]);
        std::sort(lane.spans.begin(), lane.spans.end(), [](const Span &a, const Span &b) { return a.t0 < b.t0; });
        lane.kind = lane.spans.isEmpty() ? WorkerKind::Thread : lane.spans.first().kind;
        lane.label = laneLabel(lane.kind, lane.firstWorker, lane.lastWorker);
        lanes_.append(std::move(lane));
    }
    buildInFlight(spans);
}

void TimelineModel::buildInFlight(const QList<Span> &spans)
{
    QList<QPair<double, int>> events;
    for (const Span &s : spans)
        if (s.kind == WorkerKind::Task && s.state == WorkerState::WaitIo) {
            events.append({s.t0, +1});
            events.append({s.t1, -1});
        }
    if (events.isEmpty())
        return;
    std::sort(events.begin(), events.end(),
        [](const auto &a, const auto &b) { return a.first < b.first || (a.first == b.first && a.second < b.second); });
    int now = 0;
    inFlight_.append({0, 0});
    for (const auto &[t, delta] : std::as_const(events)) {
        inFlight_.append({t, double(now)});
        now += delta;
        inFlight_.append({t, double(now)});
        maxInFlight_ = std::max(maxInFlight_, now);
    }
}

double parallelShare(const QList<Span> &spans)
{
    QList<QPair<double, int>> events;
    for (const Span &s : spans)
        if (s.kind != WorkerKind::Main && s.state == WorkerState::Running && s.t1 > s.t0) {
            events.append({s.t0, +1});
            events.append({s.t1, -1});
        }
    std::sort(events.begin(), events.end());
    double any = 0, several = 0, last = 0;
    int running = 0;
    for (const auto &[t, delta] : std::as_const(events)) {
        if (running >= 1)
            any += t - last;
        if (running >= 2)
            several += t - last;
        running += delta;
        last = t;
    }
    return any > 0 ? several / any : 0;
}

std::optional<Span> TimelineModel::spanAt(int lane, double t) const
{
    if (lane < 0 || lane >= lanes_.size())
        return std::nullopt;
    std::optional<Span> best;
    for (const Span &s : lanes_[lane].spans) {
        if (s.t0 > t)
            break;
        if (s.t1 >= t && (!best || statePriority(s.state) > statePriority(best->state)))
            best = s;
    }
    return best;
}

QList<LaneColumn> TimelineModel::columns(int lane, const TimeWindow &w, int width) const
{
    QList<LaneColumn> out;
    if (lane < 0 || lane >= lanes_.size() || width <= 0 || w.length() <= 0)
        return out;
    QList<int> best(width, -1); // per pixel column: the highest-priority state, -1 for none
    const double scale = double(width) / w.length();
    for (const Span &s : lanes_[lane].spans) {
        if (s.t0 > w.t1)
            break;
        if (s.t1 < w.t0)
            continue;
        const int x0 = std::clamp(int(std::floor((s.t0 - w.t0) * scale)), 0, width - 1);
        const int x1 = std::clamp(int(std::ceil((s.t1 - w.t0) * scale)), x0 + 1, width);
        const int p = statePriority(s.state);
        for (int x = x0; x < x1; ++x)
            if (p > (best[x] < 0 ? -1 : statePriority(WorkerState(best[x]))))
                best[x] = int(s.state);
    }
    for (int x = 0; x < width;) {
        int end = x + 1;
        while (end < width && best[end] == best[x])
            ++end;
        if (best[x] >= 0)
            out.append({x, end, WorkerState(best[x])});
        x = end;
    }
    return out;
}

Histogram roundHistogram(const QList<double> &values, int maxBins)
{
    Histogram h;
    if (values.isEmpty() || maxBins <= 0)
        return h;
    const auto [mn, mx] = std::minmax_element(values.begin(), values.end());
    if (*mx - *mn < 1e-12) { // one value: one bin
        h.lo = *mn;
        h.hi = *mn + 1;
        h.counts = {int(values.size())};
        return h;
    }
    const double raw = (*mx - *mn) / double(maxBins);
    double width = std::pow(10.0, std::floor(std::log10(raw)));
    for (int step = 0;; ++step) { // 1, 2, 5, 10, 20, 50 … × the decade: the first that fits
        const double w = width * std::pow(10.0, step / 3) * (step % 3 == 0 ? 1 : step % 3 == 1 ? 2 : 5);
        h.lo = std::floor(*mn / w) * w;
        const int bins = int(std::floor((*mx - h.lo) / w)) + 1;
        if (w < raw * (1 - 1e-9) || bins > maxBins)
            continue;
        h.hi = h.lo + bins * w;
        h.counts = QList<int>(bins, 0);
        for (double v : values)
            ++h.counts[std::clamp(int(std::floor((v - h.lo) / w)), 0, bins - 1)];
        return h;
    }
}

Histogram histogram(const QList<double> &values, int bins)
{
    Histogram h;
    if (values.isEmpty() || bins <= 0)
        return h;
    const auto [mn, mx] = std::minmax_element(values.begin(), values.end());
    h.lo = *mn;
    h.hi = *mx > *mn ? *mx : *mn + 1;
    h.counts = QList<int>(bins, 0);
    for (double v : values)
        ++h.counts[std::min(bins - 1, int((v - h.lo) / (h.hi - h.lo) * bins))];
    return h;
}

} // namespace cl
