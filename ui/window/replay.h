// A recorded session played back at real speed: the CPU samples reach the CPU page as they were
// taken, each run's start and end mark the graphs, and its workers' spans grow on the Timeline as
// they happened, so the class watches the cores light up as they did. Ends by itself, or at stop().
#pragma once

#include "charts/cpugraph.h"
#include "pages/timelinepage.h"
#include "run/recording.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace ui {

class CpuPage;

class SessionReplay : public QObject {
    Q_OBJECT
public:
    // `label` names an experiment (translated whenever it is read).
    SessionReplay(cl::Recording recording, std::function<cl::Translatable(const cl::ExperimentSpec &)> label, CpuPage &cpu,
        TimelinePage &timeline, QObject *parent = nullptr);

    void showAll(); // every sample, marker and run at once, as they ended: the recording opened
    void start(); // from the beginning; the pages are cleared first
    void stop(); // at once: everything not played yet is shown as it ended
    bool isPlaying() const { return timer_.isActive(); }
    double durationS() const { return double(endMs_ - beginMs_) / 1e3; }
    double playedS() const;

signals:
    void progressed(double playedS, double durationS);
    void finished(); // played to the end or stopped

private:
    struct PlannedRun {
        RecordedRun run;
        qint64 startMs = 0, endMs = 0;
        qsizetype spansSent = 0; // sorted by end: those already given to the live view
        bool done = false;
    };
    void rewind(); // the pages cleared, nothing played
    void tick();
    void playUntil(qint64 nowMs);
    void advanceRun(PlannedRun &r, qint64 nowMs, int serial);
    void endRun(PlannedRun &r);

    cl::Recording recording_;
    QList<TimeMarker> markers_; // by time: each experiment's start and end, as the live CPU page marks them
    qsizetype nextMarker_ = 0;
    CpuPage &cpu_;
    TimelinePage &timeline_;
    QList<PlannedRun> runs_;
    qint64 beginMs_ = 0, endMs_ = 0; // on the recording machine's clock
    qsizetype nextSample_ = 0;
    QElapsedTimer clock_;
    QTimer timer_;
};

// Each experiment of `recording` as the live CPU page marks it: at its first run's start and its
// last run's end, under the experiment's label; by time.
QList<TimeMarker> experimentMarkers(
    const cl::Recording &recording, const std::function<cl::Translatable(const cl::ExperimentSpec &)> &label);

// Every run of `recording` as the Timeline shows it, with the CPU samples taken while it ran.
QList<RecordedRun> recordedRuns(const cl::Recording &recording, const std::function<cl::Translatable(const cl::ExperimentSpec &)> &label);

} // namespace ui
