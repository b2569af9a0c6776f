#include "charts/cpugraph.h"

#include "charts/palette.h"

#include <QEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>

#include <climits>
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
    setToolTip(core_ < 0 ? tr("All cores: user time (green) above system time (red), last 60 s")
                         : tr("Core %1: user time (green) above system time (red), last 60 s").arg(core_));
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

const QPixmap &CpuGraph::background(const QRectF &r)
{
    const ChartStyle &st = currentStyle();
    if (background_.size() == size() * devicePixelRatio() && backgroundFor_ == st.background)
        return background_;
    background_ = QPixmap(size() * devicePixelRatio());
    background_.setDevicePixelRatio(devicePixelRatio());
    background_.fill(st.background);
    QPainter p(&background_);
    p.setPen(QPen(st.grid, 1, Qt::DotLine));
    for (double f : {0.25, 0.5, 0.75})
        p.drawLine(QPointF(r.left(), r.bottom() - f * r.height()), QPointF(r.right(), r.bottom() - f * r.height()));
    backgroundFor_ = st.background;
    return background_;
}

void CpuGraph::paintEvent(QPaintEvent *event)
{
    const ChartStyle &st = currentStyle();
    QPainter p(this);
    const QRectF r = QRectF(rect()).adjusted(2, 2, -2, -2);
    const QPixmap &bg = background(r);
    for (const QRect &exposed : event->region()) // only what changed: usually a thin band
        p.drawPixmap(exposed, bg, QRectF(exposed.topLeft() * bg.devicePixelRatio(), exposed.size() * bg.devicePixelRatio()).toRect());
    if (!history_.isEmpty())
        paintArea(p, r);
    markersShown_ = paintMarkers(p, r);
    QFont f = font();
    f.setPointSize(st.fontPointSize);
    p.setFont(f);
    p.setPen(st.text);
    p.drawText(r.adjusted(4, 2, -4, -2), Qt::AlignTop | Qt::AlignLeft, title());
}

void CpuGraph::refresh()
{
    bool present = false;
    const double newest = history_.isEmpty() ? 0.0 : std::min(1.0, loadAt(history_.size() - 1, &present).busy());
    if (history_.isEmpty() || markersShown_ || (!markers_.isEmpty() && markers_.last().tMs >= history_.at(0).tMs)) {
        update(); // marker lines span the full height
        return;
    }
    // Old samples only move left, so nothing can be drawn above the old peak or the new sample.
    const double reach = std::max(peak_, newest);
    const QRect plot = rect().adjusted(2, 2, -2, -2);
    const int top = plot.bottom() - int(std::ceil(reach * plot.height())) - 3;
    const QRegion region = QRegion(plot.left(), std::max(0, top), plot.width() + 2, height() - std::max(0, top))
        + QRegion(0, 0, std::min(width(), 24 * fontMetrics().averageCharWidth()), fontMetrics().height() + 8);
    update(region);
}

void CpuGraph::paintArea(QPainter &p, const QRectF &r)
{
    const ChartStyle &st = currentStyle();
    const qsizetype n = history_.size(), cap = history_.capacity();
    const double dx = r.width() / double(std::max<qsizetype>(1, cap - 1));
    const double x0 = r.right() - double(n - 1) * dx;
    QPolygonF total, system;
    total.reserve(n + 2);
    system.reserve(n + 2);
    total << QPointF(x0, r.bottom());
    system << QPointF(x0, r.bottom());
    // One point per pixel column: 600 samples in a 90-pixel graph draw as 90 points.
    int column = INT_MIN;
    peak_ = 0;
    for (qsizetype i = 0; i < n; ++i) {
        bool present = false;
        const cl::CpuLoad l = loadAt(i, &present);
        const double x = x0 + double(i) * dx;
        const QPointF top(x, r.bottom() - std::min(1.0, l.user + l.system) * r.height());
        const QPointF sys(x, r.bottom() - std::min(1.0, l.system) * r.height());
        peak_ = std::max(peak_, std::min(1.0, l.user + l.system));
        if (int(x) == column && total.size() > 1) { // keep the column's highest values
            total.last().setY(std::min(total.last().y(), top.y()));
            system.last().setY(std::min(system.last().y(), sys.y()));
            continue;
        }
        column = int(x);
        total << top;
        system << sys;
    }
    total << QPointF(r.right(), r.bottom());
    system << QPointF(r.right(), r.bottom());
    p.setRenderHint(QPainter::Antialiasing, st.lineWidth > 1);
    p.setPen(QPen(st.user.lighter(130), st.lineWidth));
    p.setBrush(st.user);
    p.drawPolygon(total);
    p.setPen(QPen(st.system.lighter(130), st.lineWidth));
    p.setBrush(st.system);
    p.drawPolygon(system);
}

bool CpuGraph::paintMarkers(QPainter &p, const QRectF &r) const
{
    if (markers_.isEmpty() || history_.isEmpty())
        return false;
    bool shown = false;
    const ChartStyle &st = currentStyle();
    const qint64 newest = history_.last().tMs;
    const qsizetype n = history_.size();
    const double msPerSample = n > 1 ? double(newest - history_.at(0).tMs) / double(n - 1) : 100.0;
    const double dx = r.width() / double(std::max<qsizetype>(1, history_.capacity() - 1));
    for (const TimeMarker &m : markers_) {
        const double x = r.right() - double(newest - m.tMs) / std::max(1.0, msPerSample) * dx;
        if (x < r.left() - 4 || x > r.right())
            continue;
        shown = true;
        p.setPen(QPen(st.marker, st.lineWidth, m.start ? Qt::SolidLine : Qt::DashLine));
        p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()));
    }
    return shown;
}

} // namespace ui
