#include "charts/cpugraph.h"

#include "charts/palette.h"

#include <QEvent>
#include <QFontMetrics>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>

#include <climits>
#include <cmath>

namespace ui {

CpuGraph::CpuGraph(const cl::CpuHistory &history, const QList<TimeMarker> &markers, int core, QWidget *parent)
    : QWidget(parent), history_(history), markers_(markers), core_(core)
{
    setAttribute(Qt::WA_OpaquePaintEvent); // what lets QWidget::scroll move the pixels instead of repainting them
    setCursor(Qt::PointingHandCursor);
    retranslate();
}

void CpuGraph::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate(); // the title is worked out at each paint; the widget repaints after this event
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange)
        layout_ = {};
    QWidget::changeEvent(event);
}

void CpuGraph::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        emit clicked(core_);
    QWidget::mouseReleaseEvent(event);
}

void CpuGraph::retranslate()
{
    const QString what = core_ < 0 ? tr("All cores") : tr("Core %1").arg(core_);
    setToolTip(tr("%1: this app's threads and child processes in colour (system time below, user time above), "
                  "every other program in grey; the newest on the right. Click to enlarge, click again to go back.")
                   .arg(what));
}

void CpuGraph::setMarkerLabels(bool on)
{
    markerLabels_ = on;
    update();
}

void CpuGraph::setCursorTime(qint64 tMs)
{
    if (tMs == cursorMs_)
        return;
    const QRect plot = plotRect();
    for (const qint64 t : {cursorMs_, tMs})
        if (const int x = xOfTime(t); x != INT_MIN)
            update(QRect(x - 3, plot.top(), 7, plot.height()));
    cursorMs_ = tMs;
}

cl::CpuLoad CpuGraph::loadAt(qsizetype i, bool *present) const
{
    const cl::CpuSample &s = history_.at(i);
    if (core_ < 0) {
        *present = true;
        return s.all;
    }
    const auto it = s.cores.constFind(core_);
    *present = it != s.cores.cend();
    return *present ? *it : cl::CpuLoad{};
}

QString CpuGraph::title() const
{
    bool present = false;
    const cl::CpuLoad now = history_.isEmpty() ? cl::CpuLoad{} : loadAt(history_.size() - 1, &present);
    const QString name = core_ < 0 ? tr("All cores") : tr("Core %1").arg(core_);
    if (core_ >= 0 && !history_.isEmpty() && !present)
        return tr("%1 offline").arg(name);
    return tr("%1  %2 %  ·  this app %3 %, others %4 %")
        .arg(name)
        .arg(qRound(now.busy() * 100))
        .arg(qRound(now.own() * 100))
        .arg(qRound(now.other() * 100));
}

QFont CpuGraph::chartFont() const
{
    QFont f = font();
    f.setPointSize(currentStyle().fontPointSize);
    return f;
}

// The plot sits right of the % gutter and under the header. A graph too narrow for the gutter
// keeps its plot and loses the axis.
const CpuGraph::Layout &CpuGraph::layout() const
{
    const int points = currentStyle().fontPointSize;
    if (layout_.size == size() && layout_.points == points)
        return layout_;
    const QFontMetrics m(chartFont());
    layout_.size = size();
    layout_.points = points;
    layout_.header = QRect(0, 0, width(), m.height() + 4);
    const int gutter = m.horizontalAdvance(tr("%1 %").arg(100)) + 8;
    const int left = width() > 4 * gutter ? gutter : 2;
    const int top = layout_.header.bottom() + 1;
    layout_.plot = QRect(left, top, width() - left - 2, height() - top - 2).normalized();
    return layout_;
}

double CpuGraph::step() const
{
    return double(std::max(1, plotRect().width() - 1)) / double(std::max<qsizetype>(1, history_.capacity() - 1));
}

int CpuGraph::columnOf(qint64 sampleNumber) const
{
    return int(std::floor(double(sampleNumber) * step()));
}

int CpuGraph::xOf(qint64 sampleNumber) const
{
    return plotRect().right() - (columnOf(history_.appended() - 1) - columnOf(sampleNumber));
}

// A moment falls on the first column of the first sample taken at or after it.
int CpuGraph::xOfTime(qint64 tMs) const
{
    if (tMs < 0 || history_.isEmpty() || tMs > history_.last().tMs)
        return INT_MIN;
    const qsizetype n = history_.size();
    qsizetype lo = 0, hi = n - 1;
    while (lo < hi) {
        const qsizetype mid = (lo + hi) / 2;
        if (history_.at(mid).tMs < tMs)
            lo = mid + 1;
        else
            hi = mid;
    }
    const bool sinceStart = history_.appended() == n; // nothing has scrolled out yet
    if (lo == 0 && n > 1 && tMs < 2 * history_.at(0).tMs - history_.at(1).tMs && !sinceStart)
        return INT_MIN; // before the oldest sample's interval (a moment before the first sample is put on it)
    const qint64 first = history_.appended() - n;
    return xOf(first + lo - 1) + 1;
}

// The columns from `left` to `right` (screen x): each sample fills the columns since the
// previous sample's, and a column several samples share keeps their highest values.
QList<CpuGraph::Column> CpuGraph::columns(int left, int right) const
{
    QList<Column> out(std::max(0, right - left + 1));
    const qint64 first = history_.appended() - history_.size();
    for (qsizetype i = 0; i < history_.size(); ++i) {
        const int hi = xOf(first + i);
        const int lo = i == 0 ? hi : std::min(hi, xOf(first + i - 1) + 1);
        if (hi < left || lo > right)
            continue;
        bool present = false;
        const cl::CpuLoad l = loadAt(i, &present);
        for (int x = std::max(left, lo); present && x <= std::min(right, hi); ++x) {
            Column &c = out[x - left];
            c.total = std::max(c.total, std::min(1.0, l.user + l.system));
            c.own = std::max(c.own, std::min(1.0, l.own()));
            c.ownSystem = std::max(c.ownSystem, std::min(1.0, l.ownSystem));
        }
    }
    return out;
}

// Columns x..x+w-1 that show the same values: the background with the grid's dots, then this
// app's system and user time, then the other programs in grey, each layer topped by a lighter edge.
void CpuGraph::drawColumns(QPainter &p, int x, int w, Column c) const
{
    const ChartStyle &st = currentStyle();
    const QRect plot = plotRect();
    const int h = plot.height();
    p.fillRect(QRect(x, plot.top(), w, h), st.background);
    // A dot every third column of the global axis, so they scroll with the data.
    const int offset = columnOf(history_.appended() - 1) - plot.right();
    const int firstDot = x + ((-(x + offset)) % 3 + 3) % 3;
    for (double f : {0.25, 0.5, 0.75}) {
        const int y = plot.bottom() - int(std::lround(f * (h - 1)));
        for (int dot = firstDot; dot < x + w; dot += 3)
            p.fillRect(QRect(dot, y, 1, 1), st.grid);
    }
    if (c.total < 0)
        return;
    const int edge = std::max(1, int(std::lround(st.lineWidth)));
    auto layer = [&](double from, double to, const QColor &colour, bool topped) {
        const int top = plot.bottom() + 1 - int(std::lround(to * h));
        const int bottom = plot.bottom() + 1 - int(std::lround(from * h));
        if (top >= bottom)
            return;
        p.fillRect(QRect(x, top, w, bottom - top), colour);
        if (topped)
            p.fillRect(QRect(x, top, w, std::min(edge, bottom - top)), colour.lighter(130));
    };
    const double own = std::min(c.own, c.total);
    layer(0, std::min(c.ownSystem, own), st.system, false);
    layer(std::min(c.ownSystem, own), own, st.user, true);
    layer(own, c.total, st.other, true);
}

// Runs of equal columns are drawn as one: a sample spans several pixels on a wide graph.
void CpuGraph::paintColumns(QPainter &p, const QRect &dirty) const
{
    const QRect r = dirty & plotRect();
    if (r.isEmpty())
        return;
    const QList<Column> cs = columns(r.left(), r.right());
    for (int x = r.left(); x <= r.right();) {
        int end = x;
        while (end < r.right() && cs[end + 1 - r.left()] == cs[x - r.left()])
            ++end;
        drawColumns(p, x, end - x + 1, cs[x - r.left()]);
        x = end + 1;
    }
}

// Start markers solid, end markers dashed, both as wide as the style's lines and fixed to their
// moment, so they scroll with the data; the timeline's cursor as a thin line of the text colour.
void CpuGraph::paintMarkers(QPainter &p, const QRect &dirty) const
{
    const ChartStyle &st = currentStyle();
    const QRect plot = plotRect();
    p.setClipRect(dirty & plot);
    const int w = std::max(2, int(std::lround(st.lineWidth * 1.5)));
    const QFontMetrics m(p.font());
    for (const TimeMarker &marker : markers_) {
        const int x = xOfTime(marker.tMs);
        if (x == INT_MIN)
            continue;
        if (marker.start)
            p.fillRect(QRect(x, plot.top(), w, plot.height()), st.marker);
        else
            for (int y = plot.top(); y <= plot.bottom(); y += 10)
                p.fillRect(QRect(x, y, w, std::min(6, plot.bottom() + 1 - y)), st.marker);
        const QString label = marker.label.text();
        if (!markerLabels_ || !marker.start || label.isEmpty())
            continue;
        const QRect box(x + w + 2, plot.top() + 2, m.horizontalAdvance(label) + 8, m.height() + 2);
        if (!box.intersects(dirty))
            continue;
        QColor shade = st.background;
        shade.setAlpha(210);
        p.fillRect(box, shade);
        p.setPen(st.marker);
        p.drawText(box, Qt::AlignCenter, label);
    }
    if (const int x = xOfTime(cursorMs_); x != INT_MIN)
        p.fillRect(QRect(x, plot.top(), std::max(1, w / 2), plot.height()), st.text);
    p.setClipping(false);
}

void CpuGraph::paintHeader(QPainter &p) const
{
    const ChartStyle &st = currentStyle();
    const QRect header = headerRect();
    p.fillRect(header, st.background);
    p.setPen(st.text);
    const QRect text = header.adjusted(plotRect().left(), 0, -4, 0);
    const QString t = title();
    const QFontMetrics m(p.font());
    p.drawText(
        text, Qt::AlignLeft | Qt::AlignVCenter, m.horizontalAdvance(t) <= text.width() ? t : m.elidedText(t, Qt::ElideRight, text.width()));
}

// The % axis in the gutter: 25, 50, 75 and 100 % at the grid's lines (50 and 100 on a short graph).
void CpuGraph::paintScale(QPainter &p) const
{
    const ChartStyle &st = currentStyle();
    const QRect plot = plotRect();
    p.fillRect(QRect(0, plot.top(), plot.left(), height() - plot.top()), st.background);
    if (plot.left() <= 2)
        return;
    const QFontMetrics m(p.font());
    const bool tall = plot.height() >= 6 * m.height();
    p.setPen(st.text);
    for (const int percent : {25, 50, 75, 100}) {
        if (!tall && percent % 50 != 0)
            continue;
        const int y = plot.bottom() - int(std::lround(percent / 100.0 * (plot.height() - 1)));
        const QRect box(0, std::max(plot.top(), y - m.height() / 2), plot.left() - 4, m.height());
        p.drawText(box, Qt::AlignRight | Qt::AlignVCenter, tr("%1 %").arg(percent));
    }
}

// Paints the rectangles of the region one by one: a new sample dirties a thin strip on the
// right and the header, whose bounding rectangle would be the whole graph.
void CpuGraph::paintEvent(QPaintEvent *event)
{
    const ChartStyle &st = currentStyle();
    QPainter p(this);
    p.setFont(chartFont());
    const QRect plot = plotRect();
    for (const QRect &dirty : event->region()) {
        if (dirty.intersects(headerRect())) {
            paintHeader(p);
            shownTitle_ = title();
            shownTitleMs_ = history_.isEmpty() ? 0 : history_.last().tMs;
        }
        if (dirty.left() < plot.left())
            paintScale(p);
        p.fillRect(QRect(plot.right() + 1, plot.top(), width() - plot.right() - 1, height() - plot.top()), st.background);
        p.fillRect(QRect(plot.left(), plot.bottom() + 1, plot.width(), height() - plot.bottom() - 1), st.background);
        paintColumns(p, dirty);
        paintMarkers(p, dirty);
    }
}

void CpuGraph::refresh()
{
    const qint64 newest = history_.appended() - 1;
    if (!isVisible() || shownNewest_ < 0 || newest <= shownNewest_ || newest - shownNewest_ >= history_.size()) {
        shownNewest_ = isVisible() ? newest : -1;
        return update(); // shown again, or the history moved on: everything from the history
    }
    const QRect plot = plotRect();
    const int shift = columnOf(newest) - columnOf(shownNewest_);
    shownNewest_ = newest;
    if (shift >= plot.width())
        update(plot);
    else if (shift > 0)
        scroll(-shift, 0, plot); // the exposed columns are painted with the new sample
    else
        update(QRect(plot.right(), plot.top(), 1, plot.height())); // it shares the rightmost column
    // The figures change at every sample, faster than anyone reads them: twice a second, like a
    // fast `top`.
    if (history_.last().tMs - shownTitleMs_ >= 500 && title() != shownTitle_)
        update(headerRect());
}

} // namespace ui
