// The Timeline page: a finished run's workers lane by lane, a pinned run under it on the same
// scale for comparison, and for IO runs the latency histogram with p50 / p95 / p99 / max.
// A failed run is shown too, marked as failed with its first error, and never as a result.
#pragma once

#include "run/session.h"

#include "charts/timelineview.h"
#include "experiment/experiment.h"
#include "run/spansink.h"
#include "util/translatable.h"

#include <QWidget>

#include <optional>

class QChartView;
class QComboBox;
class QLabel;
class QPushButton;

namespace ui {

struct RecordedRun {
    cl::Translatable label; // "CPU: 2 threads — run 1"
    cl::Workload workload = cl::Workload::Cpu;
    cl::RunResult result;
    cl::Strategy strategy = cl::Strategy::Sequential; // its colour
    QList<cl::CpuSample> cpu = {}; // the monitor's samples while it ran, for the cores under its lanes
};

class TimelinePage : public QWidget {
    Q_OBJECT
public:
    explicit TimelinePage(QWidget *parent = nullptr);
    // Draws `session`'s runs as they go and keeps each finished one (but stopped ones).
    void watch(const cl::Session &session);
    void addRun(const RecordedRun &run); // shows it, unless the user picked another
    // "CPU: 2 threads — run 3", in the UI's language whenever it is read.
    static cl::Translatable runLabel(const cl::Translatable &experiment, int number);
    // A run in progress: draws what it has done so far (unless the user picked an older run).
    void showLive(const QString &label, const cl::SpanSink::Snapshot &snapshot, cl::Strategy strategy = cl::Strategy::Sequential);
    void pinCurrent();
    void clear(); // no run shown or kept (a recording's runs come next)
    // Where the CPU samples come from (the Live CPU page's history); call cpuSampled() after
    // each new one, so a run that just ended gets its last samples.
    void setCpuHistory(const cl::CpuHistory *history) { cpuHistory_ = history; }
    void cpuSampled();
    void unpin();
    int runCount() const { return int(runs_.size()); }
    TimelineView *current() const { return current_; }
    TimelineView *pinned() const { return pinned_; }
    QWidget *chartArea() const { return area_; }
    // For the slides: the legend over the pinned and the shown run, each only as tall as its
    // lanes need (at most 420 px), `width` wide, at `scale`. Null when no run is shown.
    QImage exportImage(int width, int scale) const;

signals:
    // The pointer is over the shown run at this moment (the monitor's clock, ms), or -1.
    void cursorAt(qint64 monotonicMs);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    bool collectCpu(RecordedRun &run) const; // true once it has a sample past its end
    QWidget *buildViews();
    void retranslate();
    void showRun(int index);
    void syncScales();
    void updateLatency();
    void updateLatencyChart(const RecordedRun &run);
    bool followsNewRuns() const;

    QList<RecordedRun> runs_;
    const cl::CpuHistory *cpuHistory_ = nullptr;
    std::optional<RecordedRun> pinnedRun_;
    QComboBox *picker_ = nullptr;
    QLabel *pickerLabel_ = nullptr;
    QPushButton *pin_ = nullptr;
    QPushButton *reset_ = nullptr;
    QLabel *legend_ = nullptr;
    QWidget *area_ = nullptr;
    TimelineView *pinned_ = nullptr;
    TimelineView *current_ = nullptr;
    QChartView *latency_ = nullptr;
    bool latencyStale_ = false; // the histogram is built when the page is shown, not behind another tab
    QLabel *percentiles_ = nullptr;
    int shown_ = -1;
    bool showingLive_ = false; // the current view draws the run in progress
    int liveSerial_ = -1;
    int doneSerial_ = -1; // the live run that has ended
    QList<cl::Span> liveSpans_;
};

// One "label: p50 … p95 … p99 … max …" line per IO run.
QString percentileLine(const RecordedRun &run);
// The run's name in the picker: its label, marked when it failed.
QString runName(const RecordedRun &run);
// The title over the run's timeline: its name and time, or for a failed run why it failed.
QString runTitle(const RecordedRun &run);

} // namespace ui
