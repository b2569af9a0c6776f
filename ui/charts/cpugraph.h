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

// Drawn the way `top`-like monitors stay cheap: the curve lives in a pixmap of the plot, one pixel
// column per step; each new sample scrolls it and draws only the new columns, so the cost of a
// frame is a blit, whatever the window's size or the history's length. (Filling the curve as a
// polygon every frame cost a quarter of a core at 1920x1050.)
class CpuGraph : public QWidget {
    Q_OBJECT
public:
    // core < 0: the total of all cores.
    CpuGraph(const cl::CpuHistory &history, const QList<TimeMarker> &markers, int core, QWidget *parent = nullptr);
    int core() const { return core_; }
    // A sample arrived: scrolls the curve and draws the new columns.
    void refresh();
    QSize sizeHint() const override { return {220, 110}; }
    QSize minimumSizeHint() const override { return {60, 40}; }

protected:
    void paintEvent(QPaintEvent *) override;
    void changeEvent(QEvent *event) override;

private:
    struct Column {
        double total = -1, system = 0; // 0..1 of the plot's height; total < 0: no sample
    };
    void retranslate();
    cl::CpuLoad loadAt(qsizetype i, bool *present) const;
    QRect plotRect() const;
    double step() const; // device pixels per sample
    int columnOf(qint64 sampleNumber) const; // its pixel column on the global axis
    bool plotIsCurrent() const;
    void rebuild();
    void drawColumn(QPainter &p, int x, Column c) const;
    void paintMarkers(QPainter &p, const QRectF &r) const;
    void paintScale(QPainter &p, const QRect &r) const;
    void label(QPainter &p, QPointF at, Qt::Alignment side, const QString &text) const;
    QString title() const;

    const cl::CpuHistory &history_;
    const QList<TimeMarker> &markers_;
    int core_;
    QPixmap plot_; // background, grid and curve of the plot rect, in device pixels
    QColor plotStyle_; // the style's background it was drawn with
    qsizetype plotCapacity_ = 0;
    qint64 plotNewest_ = -1; // the number of the newest sample in it
    Column lastColumn_; // the rightmost column: several samples may share it
};

} // namespace ui
