// One core's CPU history as a stacked area (system below, user above), like the CPU History
// window of macOS Activity Monitor in the lesson's screenshots. Plain QPainter: cheap at 10 Hz.
#pragma once

#include "monitor/cpuload.h"

#include <QPixmap>
#include <QWidget>

namespace ui {

// A moment to mark on every graph: an experiment started or ended.
struct TimeMarker {
    qint64 tMs = 0;
    bool start = true;
    QString label;
};

class CpuGraph : public QWidget {
    Q_OBJECT
public:
    // core < 0: the total of all cores.
    CpuGraph(const cl::CpuHistory &history, const QList<TimeMarker> &markers, int core, QWidget *parent = nullptr);
    int core() const { return core_; }
    // A sample arrived: repaints only the band the curve can reach, plus the title.
    void refresh();
    QSize sizeHint() const override { return {220, 110}; }
    QSize minimumSizeHint() const override { return {60, 40}; }

protected:
    void paintEvent(QPaintEvent *) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    cl::CpuLoad loadAt(qsizetype i, bool *present) const;
    void paintArea(QPainter &p, const QRectF &r);
    bool paintMarkers(QPainter &p, const QRectF &r) const;
    QString title() const;
    const QPixmap &background(const QRectF &plot);

    const cl::CpuHistory &history_;
    const QList<TimeMarker> &markers_;
    int core_;
    QPixmap background_; // fill and grid, redrawn only when the size or style changes
    QColor backgroundFor_;
    double peak_ = 1.0; // the highest load drawn last time (0..1)
    bool markersShown_ = true; // a marker was on screen last time
};

} // namespace ui
