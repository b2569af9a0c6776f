#include "charts/cpugraph.h"

#include "charts/palette.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QPaintEvent>
#include <QPainter>

#include <cmath>

namespace ui {

CpuGraph::CpuGraph(const cl::CpuHistory &history, const QList<TimeMarker> &markers, int core, QWidget *parent)
    : QWidget(parent), history_(history), markers_(markers), core_(core)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    retranslate();
}

void CpuGraph::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate(); // the title is worked out at each paint; the widget repaints after this event
    QWidget::changeEvent(event);
}

void CpuGraph::retranslate()
{
    setToolTip(core_ < 0 ? tr("All cores: user time above system time, the newest on the right")
                         : tr("Core %1: user time above system time, the newest on the right").arg(core_));
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
    const QString name = core_ < 0 ? tr("Total") : tr("CPU %1").arg(core_);
    if (core_ >= 0 && !history_.isEmpty() && !present)
        return tr("%1 offline").arg(name);
    return QStringLiteral("%1  %2 %").arg(name).arg(qRound(now.busy() * 100));
}

QRect CpuGraph::plotRect() const
{
    return rect().adjusted(2, 2, -2, -2);
}

double CpuGraph::step() const
{
    const int width = int(plotRect().width() * devicePixelRatio());
    return double(std::max(1, width - 1)) / double(std::max<qsizetype>(1, history_.capacity() - 1));
}

int CpuGraph::columnOf(qint64 sampleNumber) const
{
    return int(std::floor(double(sampleNumber) * step()));
}

bool CpuGraph::plotIsCurrent() const
{
    const ChartStyle &st = currentStyle();
    return !plot_.isNull() && plot_.size() == plotRect().size() * devicePixelRatio() && plotStyle_ == st.user
        && plotCapacity_ == history_.capacity();
}

namespace {
void merge(double &total, double &system, const cl::CpuLoad &l)
{
    total = std::max(total, std::min(1.0, l.user + l.system));
    system = std::max(system, std::min(1.0, l.system));
}
} // namespace

// One pixel column of the plot: the background with the grid's dots, then the user time above
// the system time, each topped by a lighter edge as thick as the style's lines.
void CpuGraph::drawColumn(QPainter &p, int x, Column c) const
{
    const ChartStyle &st = currentStyle();
    const int h = plot_.height();
    p.fillRect(QRect(x, 0, 1, h), st.background);
    const int global = x + columnOf(plotNewest_) - (plot_.width() - 1);
    if (global % 3 == 0)
        for (double f : {0.25, 0.5, 0.75})
            p.fillRect(QRect(x, h - 1 - int(std::lround(f * (h - 1))), 1, 1), st.grid);
    if (c.total < 0)
        return;
    const int edge = std::max(1, int(std::lround(st.lineWidth * devicePixelRatio())));
    auto bar = [&](double share, const QColor &colour) {
        const int top = h - int(std::lround(share * h));
        if (top >= h)
            return;
        p.fillRect(QRect(x, top, 1, h - top), colour);
        p.fillRect(QRect(x, top, 1, std::min(edge, h - top)), colour.lighter(130));
    };
    bar(c.total, st.user);
    bar(c.system, st.system);
}

// The whole plot from the history: each sample fills the columns up to its own, and a column
// that several samples share shows their highest values.
void CpuGraph::rebuild()
{
    const qreal dpr = devicePixelRatio();
    plot_ = QPixmap(plotRect().size().expandedTo({1, 1}) * dpr);
    plotStyle_ = currentStyle().user;
    plotCapacity_ = history_.capacity();
    plotNewest_ = history_.appended() - 1;
    const int width = plot_.width();
    QList<Column> columns(width);
    const qint64 first = history_.appended() - history_.size();
    const int right = columnOf(plotNewest_);
    for (qsizetype i = 0; i < history_.size(); ++i) {
        bool present = false;
        const cl::CpuLoad l = loadAt(i, &present);
        const int hi = columnOf(first + i) - right + width - 1;
        const int lo = std::min(hi, i == 0 ? hi : columnOf(first + i - 1) - right + width); // a shared column: just its own
        for (int x = std::max(0, lo); present && x <= std::min(width - 1, hi); ++x) {
            columns[x].total = std::max(columns[x].total, 0.0);
            merge(columns[x].total, columns[x].system, l);
        }
    }
    QPainter p(&plot_);
    for (int x = 0; x < width; ++x)
        drawColumn(p, x, columns[x]);
    lastColumn_ = columns.value(width - 1);
}

void CpuGraph::refresh()
{
    if (!isVisible())
        return; // drawn whole when next shown
    const qint64 newest = history_.appended() - 1;
    if (!plotIsCurrent() || newest != plotNewest_ + 1) {
        rebuild();
        return update();
    }
    const int shift = columnOf(newest) - columnOf(plotNewest_);
    bool present = false;
    const cl::CpuLoad l = loadAt(history_.size() - 1, &present);
    Column c;
    if (present) {
        c.total = 0;
        merge(c.total, c.system, l);
    }
    if (shift > 0) {
        plot_.scroll(-shift, 0, plot_.rect());
        lastColumn_ = c;
    } else if (present) {
        lastColumn_.total = std::max(lastColumn_.total, 0.0);
        merge(lastColumn_.total, lastColumn_.system, l);
    }
    plotNewest_ = newest;
    QPainter p(&plot_);
    const int width = plot_.width();
    for (int x = std::max(0, width - std::max(shift, 1)); x < width; ++x)
        drawColumn(p, x, lastColumn_);
    update(plotRect());
}

void CpuGraph::paintEvent(QPaintEvent *)
{
    const ChartStyle &st = currentStyle();
    if (!plotIsCurrent() || plotNewest_ != history_.appended() - 1)
        rebuild();
    QPainter p(this);
    const QRect r = plotRect();
    for (const QRect &margin : {QRect(0, 0, width(), r.top()), QRect(0, r.bottom() + 1, width(), height() - r.bottom() - 1),
             QRect(0, r.top(), r.left(), r.height()), QRect(r.right() + 1, r.top(), width() - r.right() - 1, r.height())})
        p.fillRect(margin, st.background);
    p.drawPixmap(QRectF(r), plot_, QRectF(plot_.rect())); // device pixels onto the logical plot
    paintMarkers(p, r);
    QFont f = font();
    f.setPointSize(st.fontPointSize);
    p.setFont(f);
    paintScale(p, r);
    label(p, QPointF(r.left() + 4, r.top() + 2), Qt::AlignLeft, title());
}

// Text on a box of the background's colour, so it stays readable over a full core.
void CpuGraph::label(QPainter &p, QPointF at, Qt::Alignment side, const QString &text) const
{
    const ChartStyle &st = currentStyle();
    const QFontMetricsF m(p.font());
    QRectF box(at, QSizeF(m.horizontalAdvance(text) + 6, m.height() + 2));
    if (side & Qt::AlignRight)
        box.moveRight(at.x());
    QColor shade = st.background;
    shade.setAlpha(200);
    p.fillRect(box, shade);
    p.setPen(st.text);
    p.drawText(box, Qt::AlignCenter, text);
}

// The % axis: 25, 50 and 75 % at the grid's lines, on the left, over the oldest samples (the
// newest, on the right, are what the class watches; the title marks the top).
void CpuGraph::paintScale(QPainter &p, const QRect &r) const
{
    const QFontMetricsF m(p.font());
    if (r.height() < 5 * m.height() || r.width() < 10 * m.averageCharWidth())
        return;
    for (int percent : {25, 50, 75}) {
        const double y = r.bottom() - percent / 100.0 * (r.height() - 1);
        label(p, QPointF(r.left() + 4, y - m.height() / 2), Qt::AlignLeft, tr("%1 %").arg(percent));
    }
}

void CpuGraph::paintMarkers(QPainter &p, const QRectF &r) const
{
    if (markers_.isEmpty() || history_.isEmpty())
        return;
    const ChartStyle &st = currentStyle();
    const qint64 newest = history_.last().tMs;
    const qsizetype n = history_.size();
    const double msPerSample = n > 1 ? double(newest - history_.at(0).tMs) / double(n - 1) : 100.0;
    const double dx = r.width() / double(std::max<qsizetype>(1, history_.capacity() - 1));
    for (const TimeMarker &m : markers_) {
        const double x = r.right() - double(newest - m.tMs) / std::max(1.0, msPerSample) * dx;
        if (x < r.left() - 4 || x > r.right())
            continue;
        p.setPen(QPen(st.marker, st.lineWidth, m.start ? Qt::SolidLine : Qt::DashLine));
        p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()));
    }
}

} // namespace ui
