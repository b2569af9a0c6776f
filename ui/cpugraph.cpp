#include "cpugraph.h"

#include "palette.h"

#include <QPainter>
#include <QPainterPath>

#include <climits>

namespace ui {

CpuGraph::CpuGraph(const cl::CpuHistory &history, const QList<TimeMarker> &markers, int core, QWidget *parent)
    : QWidget(parent), history_(history), markers_(markers), core_(core)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setToolTip(core < 0 ? tr("All cores: user time (green) above system time (red), last 60 s")
                        : tr("Core %1: user time (green) above system time (red), last 60 s").arg(core));
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

void CpuGraph::paintEvent(QPaintEvent *)
{
    const ChartStyle &st = currentStyle();
    QPainter p(this);
    p.fillRect(rect(), st.background);
    const QRectF r = QRectF(rect()).adjusted(2, 2, -2, -2);
    p.setPen(QPen(st.grid, 1, Qt::DotLine));
    for (double f : {0.25, 0.5, 0.75})
        p.drawLine(QPointF(r.left(), r.bottom() - f * r.height()), QPointF(r.right(), r.bottom() - f * r.height()));
    if (!history_.isEmpty())
        paintArea(p, r);
    paintMarkers(p, r);
    QFont f = font();
    f.setPointSize(st.fontPointSize);
    p.setFont(f);
    p.setPen(st.text);
    p.drawText(r.adjusted(4, 2, -4, -2), Qt::AlignTop | Qt::AlignLeft, title());
}

void CpuGraph::paintArea(QPainter &p, const QRectF &r) const
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
    for (qsizetype i = 0; i < n; ++i) {
        bool present = false;
        const cl::CpuLoad l = loadAt(i, &present);
        const double x = x0 + double(i) * dx;
        const QPointF top(x, r.bottom() - std::min(1.0, l.user + l.system) * r.height());
        const QPointF sys(x, r.bottom() - std::min(1.0, l.system) * r.height());
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
        if (x < r.left() || x > r.right())
            continue;
        p.setPen(QPen(st.marker, st.lineWidth, m.start ? Qt::SolidLine : Qt::DashLine));
        p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()));
    }
}

} // namespace ui
