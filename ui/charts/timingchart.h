// Timings page chart: one bar per strategy (best of N ok runs), the ok runs' min–max as a
// whisker, the notebook's figure as a diamond, and the speedup against sequential in the label.
// An experiment without an ok run gets no bar: its slot says "failed" or "stopped" instead.
#pragma once

#include "experiment/experiment.h"

#include <QChartView>
#include <optional>

class QAbstractBarSeries;
class QBarCategoryAxis;
class QAbstractAxis;

namespace ui {

struct TimingBar {
    QString label;
    double bestS = 0, minS = 0, maxS = 0; // over ok runs; 0 when there is none
    std::optional<double> notebookS;
    cl::RunStatus status = cl::RunStatus::Ok; // Failed or Cancelled: no ok run, no time to draw
    int failedRuns = 0; // failed runs beside the ok ones
    cl::Strategy strategy = cl::Strategy::Sequential; // its colour
    cl::Engine engine = cl::Engine::Emulated; // CPython's bars are striped
    bool hasTime() const { return status == cl::RunStatus::Ok; }
};

// Bars for results of one workload, in the order given, with speedups against the first
// sequential result among them that has an ok run (if any). Only ok runs are times.
// `details` (optional, one per result): how each ran (cl::runDetails), in the bar's label.
QList<TimingBar> timingBars(
    const QList<cl::ExperimentResult> &results, const QList<std::optional<double>> &notebook, const QStringList &details = {});
// Bars of each experiment's own memory in MiB: the median of its ok runs, their min–max as the
// whisker (RunResult::memBytes).
// Each label starts with its `workloads` entry ("CPU", "IO").
QList<TimingBar> memoryBars(const QList<cl::ExperimentResult> &results, const QStringList &workloads, const QStringList &details = {});

class TimingChart : public QChartView {
    Q_OBJECT
public:
    explicit TimingChart(QWidget *parent = nullptr);
    void setBars(const QString &title, const QList<TimingBar> &bars);
    qsizetype barCount() const { return bars_.size(); }
    const QList<TimingBar> &bars() const { return bars_; }
    void applyStyle();
    // Each decade the same height, so 0.1 s bars show beside 10 s ones.
    void setLogScale(bool on);
    // What the bars measure: seconds (the default) or MiB of memory.
    enum class Unit { Seconds, MiB };
    void setUnit(Unit unit);
    bool logScale() const { return log_; }
    // The chart as the bars are now. A hidden chart is rebuilt only when shown or asked for, so
    // a run finishing while another tab is open costs the window no rebuild.
    QChart *currentChart();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void rebuild();
    void build();
    bool stale_ = false;
    QAbstractAxis *makeAxisY() const;
    QString decadeText(int decade) const;
    std::pair<int, int> decades() const;
    double y(double seconds) const;
    QAbstractBarSeries *addBars(QChart *chart, QBarCategoryAxis *x, QAbstractAxis *y) const;
    void addWhiskers(QChart *chart, QBarCategoryAxis *x, QAbstractAxis *y) const;
    void addNotebook(QChart *chart, QBarCategoryAxis *x, QAbstractAxis *y) const;
    void addStatusMarks(QChart *chart, QAbstractBarSeries *series) const;
    QString title_;
    QList<TimingBar> bars_;
    bool log_ = false;
    Unit unit_ = Unit::Seconds;
};

} // namespace ui
