#include "window/replay.h"

#include "pages/cpupage.h"

#include <algorithm>

namespace ui {

namespace {

constexpr int kFrameMs = 33; // 30 frames a second
constexpr int kSerialBase = 1 << 24; // live views' serials of replayed runs: never a real run's

qint64 endMsOf(const cl::RunResult &run)
{
    return run.startMonoMs + qint64(run.occupiedS() * 1e3);
}

QList<cl::CpuSample> samplesBetween(const QList<cl::CpuSample> &cpu, qint64 fromMs, qint64 toMs)
{
    QList<cl::CpuSample> out;
    for (const cl::CpuSample &s : cpu)
        if (s.tMs >= fromMs && s.tMs <= toMs)
            out.append(s);
    return out;
}

} // namespace

QList<RecordedRun> recordedRuns(const cl::Recording &recording, const std::function<cl::Translatable(const cl::ExperimentSpec &)> &label)
{
    QList<RecordedRun> out;
    for (const cl::HistoryEntry &e : recording.experiments)
        for (qsizetype i = 0; i < e.result.runs.size(); ++i) {
            const cl::RunResult &run = e.result.runs[i];
            if (run.cancelled())
                continue;
            out.append({TimelinePage::runLabel(label(e.spec), int(i) + 1), e.spec.workload, run, e.spec.strategy,
                samplesBetween(recording.cpu, run.startMonoMs, endMsOf(run) + 500)});
        }
    return out;
}

QList<TimeMarker> experimentMarkers(
    const cl::Recording &recording, const std::function<cl::Translatable(const cl::ExperimentSpec &)> &label)
{
    QList<TimeMarker> out;
    for (const cl::HistoryEntry &e : recording.experiments) {
        qint64 first = std::numeric_limits<qint64>::max(), last = 0;
        for (const cl::RunResult &run : e.result.runs)
            if (!run.cancelled() && run.startMonoMs > 0) {
                first = std::min(first, run.startMonoMs);
                last = std::max(last, endMsOf(run));
            }
        if (last == 0)
            continue; // nothing ran, or not on the CPU's clock
        const cl::Translatable name = label(e.spec);
        out.append({first, true, name});
        out.append({last, false, name});
    }
    std::stable_sort(out.begin(), out.end(), [](const TimeMarker &a, const TimeMarker &b) { return a.tMs < b.tMs; });
    return out;
}

SessionReplay::SessionReplay(cl::Recording recording, std::function<cl::Translatable(const cl::ExperimentSpec &)> label, CpuPage &cpu,
    TimelinePage &timeline, QObject *parent)
    : QObject(parent), recording_(std::move(recording)), markers_(experimentMarkers(recording_, label)), cpu_(cpu), timeline_(timeline)
{
    for (RecordedRun &r : recordedRuns(recording_, label)) {
        std::sort(r.result.spans.begin(), r.result.spans.end(), [](const cl::Span &a, const cl::Span &b) { return a.t1 < b.t1; });
        runs_.append({r, r.result.startMonoMs, endMsOf(r.result)});
    }
    std::sort(runs_.begin(), runs_.end(), [](const PlannedRun &a, const PlannedRun &b) { return a.startMs < b.startMs; });
    beginMs_ = recording_.cpu.isEmpty() ? std::numeric_limits<qint64>::max() : recording_.cpu.first().tMs;
    endMs_ = recording_.cpu.isEmpty() ? 0 : recording_.cpu.last().tMs;
    for (const PlannedRun &r : std::as_const(runs_)) {
        if (r.startMs > 0) // a run without a start on the CPU's clock is shown at once, not played
            beginMs_ = std::min(beginMs_, r.startMs);
        endMs_ = std::max(endMs_, r.endMs);
    }
    if (beginMs_ == std::numeric_limits<qint64>::max())
        beginMs_ = endMs_;
    timer_.setInterval(kFrameMs);
    connect(&timer_, &QTimer::timeout, this, &SessionReplay::tick);
}

double SessionReplay::playedS() const
{
    return isPlaying() ? std::min(double(clock_.elapsed()) / 1e3, durationS()) : 0.0;
}

void SessionReplay::rewind()
{
    cpu_.clear();
    timeline_.clear();
    nextSample_ = 0;
    nextMarker_ = 0;
    for (PlannedRun &r : runs_) {
        r.done = false;
        r.spansSent = 0;
    }
}

void SessionReplay::showAll()
{
    timer_.stop();
    rewind();
    playUntil(endMs_);
}

void SessionReplay::start()
{
    rewind();
    clock_.start();
    timer_.start();
    tick();
}

void SessionReplay::stop()
{
    if (!isPlaying())
        return;
    playUntil(endMs_);
    timer_.stop();
    emit finished();
}

void SessionReplay::tick()
{
    const qint64 now = beginMs_ + clock_.elapsed();
    playUntil(std::min(now, endMs_));
    emit progressed(playedS(), durationS());
    if (now >= endMs_) {
        timer_.stop();
        emit finished();
    }
}

void SessionReplay::playUntil(qint64 nowMs)
{
    QList<cl::CpuSample> due;
    while (nextSample_ < recording_.cpu.size() && recording_.cpu[nextSample_].tMs <= nowMs)
        due.append(recording_.cpu[nextSample_++]);
    if (!due.isEmpty())
        cpu_.addSamples(due);
    while (nextMarker_ < markers_.size() && markers_[nextMarker_].tMs <= nowMs)
        cpu_.addMarker(markers_[nextMarker_++]);
    for (qsizetype i = 0; i < runs_.size(); ++i) {
        PlannedRun &r = runs_[i];
        if (r.done || nowMs < r.startMs)
            continue;
        if (nowMs >= r.endMs)
            endRun(r);
        else
            advanceRun(r, nowMs, kSerialBase + int(i));
    }
}

// The live view of a run `nowMs` into the recording: the spans that had ended, and each
// worker's state at that moment.
void SessionReplay::advanceRun(PlannedRun &r, qint64 nowMs, int serial)
{
    const double t = double(nowMs - r.startMs) / 1e3;
    cl::SpanSink::Snapshot snapshot;
    snapshot.serial = serial;
    snapshot.now = t;
    const QList<cl::Span> &spans = r.run.result.spans;
    while (r.spansSent < spans.size() && spans[r.spansSent].t1 <= t)
        snapshot.closed.append(spans[r.spansSent++]);
    for (qsizetype i = r.spansSent; i < spans.size(); ++i)
        if (spans[i].t0 <= t)
            snapshot.open.append(cl::Span{spans[i].worker, spans[i].kind, spans[i].state, spans[i].t0, t});
    timeline_.showLive(r.run.label.text(), snapshot, r.run.strategy);
}

void SessionReplay::endRun(PlannedRun &r)
{
    r.done = true;
    timeline_.addRun(r.run);
}

} // namespace ui
