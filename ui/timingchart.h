// Timings page chart: one bar per strategy (best of N), the runs' min–max as a whisker, the
// notebook's figure as a diamond, and the speedup against sequential in the label.
#pragma once

#include "experiment.h"

#include <QChartView>
#include <optional>

namespace ui {

struct TimingBar {
    QString label;
    double bestS = 0, minS = 0, maxS = 0;
    std::optional<double> notebookS;
};

// Bars for results of one workload, in the order given, with speedups against the first
// sequential result among them (if any).
QList<TimingBar> timingBars(const QList<cl::StrategyResult> &results, const QList<std::optional<double>> &notebook);

class TimingChart : public QChartView
{
    Q_OBJECT
public:
    explicit TimingChart(QWidget *parent = nullptr);
    void setBars(const QString &title, const QList<TimingBar> &bars);
    qsizetype barCount() const { return bars_.size(); }
    void applyStyle();

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    QString title_;
    QList<TimingBar> bars_;
};

} // namespace ui
