// One core's CPU history, like the CPU History window of macOS Activity Monitor in the lesson's
// screenshots: this app's own time (system below, user above) and, in grey on top, every other
// program's. A header names the core and its load; a gutter on the left holds the % axis, so no
// text ever sits on the data.
#pragma once

#include "monitor/cpuload.h"
#include "util/translatable.h"

#include <QWidget>

namespace ui {

// A moment to mark on every graph: an experiment started or ended.
struct TimeMarker {
    qint64 tMs = 0;
    bool start = true;
    cl::Translatable label; // in the language shown now, also after a switch
};

// Drawn the way `top`-like monitors stay cheap: each new sample scrolls the plot's pixels where
// they already are (QWidget::scroll, done by the window system) and paints only the new columns,
// so a frame costs a few columns whatever the window's size. Every paint is worked out from the
// history alone, so an expose, a resize or a scrolled frame give the same pixels.
class CpuGraph : public QWidget {
    Q_OBJECT
public:
    // core < 0: the total of all cores.
    CpuGraph(const cl::CpuHistory &history, const QList<TimeMarker> &markers, int core, QWidget *parent = nullptr);
    int core() const { return core_; }
    // One or more samples arrived: scrolls the plot and paints the new columns.
    void refresh();
    // Writes each start marker's label (the experiment) beside it.
    void setMarkerLabels(bool on);
    // A moment to point at (the timeline's cursor), or -1 for none.
    void setCursorTime(qint64 tMs);
    QSize sizeHint() const override { return {220, 110}; }
    QSize minimumSizeHint() const override { return {90, 50}; }

signals:
    void clicked(int core);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    struct Column {
        double total = -1, own = 0, ownSystem = 0; // 0..1 of the plot's height; total < 0: no sample
        bool operator==(const Column &) const = default;
    };
    void retranslate();
    cl::CpuLoad loadAt(qsizetype i, bool *present) const;
    QFont chartFont() const;
    // The header, the gutter and the plot, worked out once per size, font and language.
    struct Layout {
        QSize size;
        int points = 0;
        QRect header, plot;
    };
    const Layout &layout() const;
    QRect headerRect() const { return layout().header; }
    QRect plotRect() const { return layout().plot; }
    double step() const; // pixels per sample
    int columnOf(qint64 sampleNumber) const; // its pixel column on the global axis
    int xOf(qint64 sampleNumber) const; // its (rightmost) column on screen
    int xOfTime(qint64 tMs) const; // where a moment falls, or INT_MIN when outside the history
    QList<Column> columns(int left, int right) const;
    void paintColumns(QPainter &p, const QRect &dirty) const;
    void drawColumns(QPainter &p, int x, int w, Column c) const;
    void paintMarkers(QPainter &p, const QRect &dirty) const;
    void paintHeader(QPainter &p) const;
    void paintScale(QPainter &p) const;
    QString title() const;

    const cl::CpuHistory &history_;
    const QList<TimeMarker> &markers_;
    int core_;
    bool markerLabels_ = false;
    qint64 cursorMs_ = -1;
    qint64 shownNewest_ = -1; // the newest sample on screen; -1: paint everything next time
    QString shownTitle_; // the header as last painted
    qint64 shownTitleMs_ = 0; // and the time of its newest sample
    mutable Layout layout_;
};

} // namespace ui
