// Live CPU page: the total on top, then a grid of small graphs, one per core (1 to 256).
#pragma once

#include "run/session.h"

#include "charts/cpugraph.h"
#include "monitor/systemmonitor.h"

#include <QWidget>

#include <climits>

class QGridLayout;
class QLabel;

namespace ui {

class CpuPage : public QWidget {
    Q_OBJECT
public:
    explicit CpuPage(QWidget *parent = nullptr);
    // Marks where each of `session`'s experiments starts and ends.
    void watch(const cl::Session &session);

    void addSamples(const QList<cl::CpuSample> &samples);
    void clear(); // no sample and no marker: a recording's CPU history comes next, or the live one again
    void addMarker(const TimeMarker &marker);
    // The Timeline's cursor (the monitor's clock, ms; -1: none) on every graph.
    void setCursorTime(qint64 monotonicMs);
    // Shows the last `seconds` of CPU history, sampled at `hz` (keeps what it already has).
    void setWindow(int seconds, int hz);
    int windowS() const { return windowS_; }
    const cl::CpuHistory &history() const { return history_; }
    QWidget *chartArea() const { return area_; } // what "export" renders
    QString exportTitle() const; // over the exported PNG
    // Shows one graph alone, large (a core, or -1 for the total), or every graph (kAllGraphs).
    void enlarge(int core);
    static constexpr int kAllGraphs = INT_MIN;
    int enlarged() const { return enlarged_; }
    // Other programs' load, in cores, over the last two seconds.
    double otherLoad() const { return otherLoad_; }
    const QList<TimeMarker> &markers() const { return markers_; }
    static constexpr double kOtherLoadWarning = 0.25; // of a core

signals:
    // Other programs' load crossed the warning's threshold (or went back under it).
    void otherLoadWarning(bool on, double cores);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuildGrid();
    void retranslate();
    void updateOtherLoad();
    QString warningText() const;

    cl::CpuHistory history_;
    QList<TimeMarker> markers_;
    QList<int> shownCores_;
    QWidget *area_ = nullptr;
    CpuGraph *total_ = nullptr;
    QGridLayout *grid_ = nullptr;
    QList<CpuGraph *> graphs_;
    QLabel *legend_ = nullptr;
    QLabel *warning_ = nullptr;
    int windowS_ = 60;
    int enlarged_ = kAllGraphs;
    double otherLoad_ = 0;
    bool warned_ = false;
};

} // namespace ui
