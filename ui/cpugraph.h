// One core's CPU history as a stacked area (system below, user above), like the CPU History
// window of macOS Activity Monitor in the lesson's screenshots. Plain QPainter: cheap at 10 Hz.
#pragma once

#include "cpustat.h"

#include <QWidget>

namespace ui {

// A moment to mark on every graph: an experiment started or ended.
struct TimeMarker {
    qint64 tMs = 0;
    bool start = true;
    QString label;
};

class CpuGraph : public QWidget
{
    Q_OBJECT
public:
    // core < 0: the total of all cores.
    CpuGraph(const cl::CpuHistory &history, const QList<TimeMarker> &markers, int core, QWidget *parent = nullptr);
    int core() const { return core_; }
    QSize sizeHint() const override { return {220, 110}; }
    QSize minimumSizeHint() const override { return {60, 40}; }

protected:
    void paintEvent(QPaintEvent *) override;

private:
    cl::CpuLoad loadAt(qsizetype i, bool *present) const;
    void paintArea(QPainter &p, const QRectF &r) const;
    void paintMarkers(QPainter &p, const QRectF &r) const;
    QString title() const;

    const cl::CpuHistory &history_;
    const QList<TimeMarker> &markers_;
    int core_;
};

} // namespace ui
