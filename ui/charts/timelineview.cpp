#include "charts/timelineview.h"

#include "charts/palette.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <cmath>

namespace ui {

namespace {
constexpr int kLabelWidth = 120;
constexpr int kAxisHeight = 24;
constexpr int kTitleHeight = 20;
constexpr int kCoreRow = 16; // a core's row under the lanes

QString timeText(double s)
{
    if (std::abs(s) < 1e-12)
        return QStringLiteral("0");
    if (s >= 1)
        return QCoreApplication::translate("ui::TimelineView", "%1 s").arg(s, 0, 'f', s >= 10 ? 1 : 2);
    if (s >= 1e-3)
        return QCoreApplication::translate("ui::TimelineView", "%1 ms").arg(s * 1e3, 0, 'g', 3);
    return QCoreApplication::translate("ui::TimelineView", "%1 µs").arg(s * 1e6, 0, 'g', 3);
}

double niceStep(double range, int ticks)
{
    const double raw = range / std::max(1, ticks);
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (raw <= m * mag)
            return m * mag;
    return 10 * mag;
}
} // namespace

QString laneName(const cl::TimelineLane &lane)
{
    switch (lane.kind) {
    case cl::WorkerKind::Thread:
        return lane.isGroup() ? QCoreApplication::translate("ui::TimelineView", "threads %1–%2").arg(lane.firstWorker).arg(lane.lastWorker)
                              : QCoreApplication::translate("ui::TimelineView", "thread %1").arg(lane.firstWorker);
    case cl::WorkerKind::Process:
        return lane.isGroup()
            ? QCoreApplication::translate("ui::TimelineView", "processes %1–%2").arg(lane.firstWorker).arg(lane.lastWorker)
            : QCoreApplication::translate("ui::TimelineView", "process %1").arg(lane.firstWorker);
    case cl::WorkerKind::Task:
        return lane.isGroup() ? QCoreApplication::translate("ui::TimelineView", "tasks %1–%2").arg(lane.firstWorker).arg(lane.lastWorker)
                              : QCoreApplication::translate("ui::TimelineView", "task %1").arg(lane.firstWorker);
    case cl::WorkerKind::Interpreter:
        return lane.isGroup()
            ? QCoreApplication::translate("ui::TimelineView", "interpreters %1–%2").arg(lane.firstWorker).arg(lane.lastWorker)
            : QCoreApplication::translate("ui::TimelineView", "interpreter %1").arg(lane.firstWorker);
    case cl::WorkerKind::Main:
        break;
    }
    return QCoreApplication::translate("ui::TimelineView", "main thread");
}

QColor stateColor(cl::WorkerState s)
{
    const ChartStyle &st = currentStyle();
    switch (s) {
    case cl::WorkerState::Running:
        return st.user;
    case cl::WorkerState::WaitGil:
        return st.system;
    case cl::WorkerState::WaitIo:
        return st.bar;
    case cl::WorkerState::Ready:
        return QColor(0x90, 0x90, 0x90);
    case cl::WorkerState::Starting:
        return st.marker;
    }
    return Qt::gray;
}

QString stateName(cl::WorkerState s)
{
    switch (s) {
    case cl::WorkerState::Running:
        return QCoreApplication::translate("ui::TimelineView", "running");
    case cl::WorkerState::WaitGil:
        return QCoreApplication::translate("ui::TimelineView", "waiting for the GIL");
    case cl::WorkerState::WaitIo:
        return QCoreApplication::translate("ui::TimelineView", "waiting for IO");
    case cl::WorkerState::Ready:
        return QCoreApplication::translate("ui::TimelineView", "ready, waiting for the loop");
    case cl::WorkerState::Starting:
        return QCoreApplication::translate("ui::TimelineView", "starting");
    }
    return {};
}

TimelineView::TimelineView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    retranslate();
}

void TimelineView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate(); // lane and state names are worked out at each paint
    QAbstractScrollArea::changeEvent(event);
}

void TimelineView::retranslate()
{
    setToolTip(tr("Wheel: zoom around the pointer. Drag: pan. Shift+wheel or the scroll bar: more lanes. Double-click: whole run"));
    viewport()->update();
}

void TimelineView::setStrategy(cl::Strategy strategy)
{
    strategy_ = strategy;
    viewport()->update();
}

void TimelineView::setTitle(const QString &title)
{
    title_ = title;
    viewport()->update();
}

void TimelineView::setModel(std::shared_ptr<const cl::TimelineModel> model, const QString &title)
{
    model_ = std::move(model);
    title_ = title;
    total_ = std::max(1e-6, model_ ? model_->duration() : 1.0);
    window_ = {0, total_};
    updateScrollBar();
    viewport()->update();
}

void TimelineView::setTotal(double seconds)
{
    total_ = std::max(1e-6, seconds);
    window_ = {0, total_};
    viewport()->update();
}

void TimelineView::setWindow(const cl::TimeWindow &w)
{
    if (w == window_)
        return;
    window_ = w;
    viewport()->update();
    emit windowChanged(window_);
}

void TimelineView::resetZoom()
{
    setWindow({0, total_});
}

int TimelineView::laneHeight() const
{
    const int lanes = model_ ? int(model_->lanes().size()) : 1;
    return lanes <= 8 ? 22 : lanes <= 40 ? 14 : lanes <= 120 ? 6 : 3;
}

int TimelineView::curveHeight() const
{
    return model_ && model_->maxInFlight() > 0 ? 70 : 0;
}

int TimelineView::coresHeight() const
{
    return cores_.isEmpty() || !model_ ? 0 : int(std::min<qsizetype>(cores_.size(), 16)) * kCoreRow + 8;
}

int TimelineView::contentHeight() const
{
    const int lanes = model_ ? int(model_->lanes().size()) : 0;
    return kTitleHeight + kAxisHeight + lanes * laneHeight() + curveHeight() + coresHeight() + 8;
}

void TimelineView::setCpu(const QList<cl::CpuSample> &samples, qint64 originMs)
{
    cpu_ = samples;
    originMs_ = originMs;
    cores_.clear();
    for (const cl::CpuSample &s : samples)
        for (auto it = s.cores.cbegin(); it != s.cores.cend(); ++it)
            if (!cores_.contains(it.key()))
                cores_.append(it.key());
    std::sort(cores_.begin(), cores_.end());
    updateScrollBar();
    viewport()->update();
}

QSize TimelineView::sizeHint() const
{
    return {800, std::min(600, contentHeight())};
}

QRect TimelineView::plotRect() const
{
    return viewport()->rect().adjusted(kLabelWidth, kTitleHeight + kAxisHeight, -8, -curveHeight() - coresHeight() - 4);
}

double TimelineView::timeAt(int x) const
{
    const QRect plot = plotRect();
    return window_.t0 + double(x - plot.left()) / std::max(1, plot.width()) * window_.length();
}

void TimelineView::updateScrollBar()
{
    const int lanes = model_ ? int(model_->lanes().size()) : 0;
    const int visible = std::max(1, plotRect().height() / laneHeight());
    verticalScrollBar()->setRange(0, std::max(0, lanes - visible));
    verticalScrollBar()->setPageStep(visible);
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBar();
}

void TimelineView::paintEvent(QPaintEvent *)
{
    const ChartStyle &st = currentStyle();
    QPainter p(viewport());
    p.fillRect(viewport()->rect(), st.background);
    QFont f = font();
    f.setPointSize(st.fontPointSize);
    p.setFont(f);
    p.setPen(st.text);
    int left = 6;
    if (model_ && strategy_) {
        const int side = QFontMetrics(f).ascent();
        p.fillRect(QRect(left, 2 + (kTitleHeight - side) / 2, side, side), strategyColour(*strategy_));
        left += side + 6;
    }
    p.drawText(QRect(left, 2, viewport()->width() - left - 6, kTitleHeight), Qt::AlignLeft | Qt::AlignVCenter,
        model_ ? title_ : tr("Run an experiment to see its workers here"));
    if (!model_)
        return;
    const QRect plot = plotRect();
    paintAxis(p, plot);
    paintLanes(p, plot);
    paintInFlight(p, plot);
    paintCores(p, plot);
    paintCursor(p, plot);
}

// One row per core under the lanes (and the in-flight curve): in each sample's interval, this
// app's share of the core in its colour from the bottom, other programs' in grey above it.
void TimelineView::paintCores(QPainter &p, const QRect &plot) const
{
    if (coresHeight() == 0)
        return;
    const ChartStyle &st = currentStyle();
    const int top = plot.bottom() + curveHeight() + 8;
    auto xOf = [&](qint64 ms) {
        const double t = double(ms - originMs_) / 1000.0;
        return plot.left() + int(std::lround((t - window_.t0) / window_.length() * plot.width()));
    };
    const qsizetype rows = std::min<qsizetype>(cores_.size(), 16);
    for (qsizetype row = 0; row < rows; ++row) {
        const int y = top + int(row) * kCoreRow, h = kCoreRow - 2;
        p.fillRect(QRect(plot.left(), y, plot.width(), h), st.background.lighter(140));
        p.setPen(st.text);
        p.drawText(QRect(4, y, kLabelWidth - 8, h), Qt::AlignRight | Qt::AlignVCenter, tr("CPU %1").arg(cores_[row]));
        for (qsizetype i = 1; i < cpu_.size(); ++i) {
            const auto load = cpu_[i].cores.constFind(cores_[row]);
            if (load == cpu_[i].cores.cend())
                continue;
            const int x0 = std::max(plot.left(), xOf(cpu_[i - 1].tMs)), x1 = std::min(plot.right() + 1, xOf(cpu_[i].tMs));
            if (x1 <= x0)
                continue;
            const int own = int(std::lround(std::min(1.0, load->own()) * h));
            const int busy = int(std::lround(std::min(1.0, load->busy()) * h));
            p.fillRect(QRect(x0, y + h - busy, x1 - x0, busy - own), st.other);
            p.fillRect(QRect(x0, y + h - own, x1 - x0, own), st.user);
        }
    }
}

void TimelineView::paintCursor(QPainter &p, const QRect &plot) const
{
    if (cursorX_ < plot.left() || cursorX_ > plot.right())
        return;
    const ChartStyle &st = currentStyle();
    p.fillRect(QRect(cursorX_, plot.top() - 4, std::max(1, int(st.lineWidth)), plot.height() + curveHeight() + coresHeight() + 4), st.text);
}

void TimelineView::leaveEvent(QEvent *event)
{
    if (cursorX_ >= 0) {
        cursorX_ = -1;
        viewport()->update();
        emit cursorMoved(-1);
    }
    QAbstractScrollArea::leaveEvent(event);
}

void TimelineView::paintAxis(QPainter &p, const QRect &plot) const
{
    const ChartStyle &st = currentStyle();
    const double step = niceStep(window_.length(), std::max(2, plot.width() / 110));
    p.setPen(st.grid);
    for (double t = std::ceil(window_.t0 / step) * step; t <= window_.t1 + 1e-12; t += step) {
        const int x = plot.left() + int((t - window_.t0) / window_.length() * plot.width());
        p.setPen(st.grid);
        p.drawLine(x, plot.top() - 4, x, plot.bottom() + curveHeight());
        p.setPen(st.text);
        p.drawText(QRect(x - 50, plot.top() - kAxisHeight, 100, kAxisHeight - 4), Qt::AlignCenter, timeText(t));
    }
}

void TimelineView::paintLanes(QPainter &p, const QRect &plot) const
{
    const ChartStyle &st = currentStyle();
    const int h = laneHeight();
    const int first = verticalScrollBar()->value();
    const int count = std::min<int>(int(model_->lanes().size()) - first, plot.height() / h + 1);
    for (int i = 0; i < count; ++i) {
        const int lane = first + i;
        const int y = plot.top() + i * h;
        if (h >= 10) {
            p.setPen(st.text);
            p.drawText(QRect(4, y, kLabelWidth - 8, h), Qt::AlignRight | Qt::AlignVCenter, laneName(model_->lanes()[lane]));
        }
        for (const cl::LaneColumn &c : model_->columns(lane, window_, plot.width()))
            p.fillRect(QRect(plot.left() + c.x0, y + (h > 4 ? 1 : 0), c.x1 - c.x0, h > 4 ? h - 2 : h), stateColor(c.state));
    }
    if (h < 10 && count > 0) { // too thin for names: say which lanes these are
        p.setPen(st.text);
        p.drawText(QRect(4, plot.top(), kLabelWidth - 8, 40), Qt::AlignRight | Qt::AlignTop,
            tr("%1 lanes\n%2…").arg(model_->lanes().size()).arg(laneName(model_->lanes()[first])));
    }
}

void TimelineView::paintInFlight(QPainter &p, const QRect &plot) const
{
    if (curveHeight() == 0)
        return;
    const ChartStyle &st = currentStyle();
    const QRect area(plot.left(), plot.bottom() + 8, plot.width(), curveHeight() - 12);
    const double top = std::max(1, model_->maxInFlight()) * 1.15; // headroom: the plateau is not the frame
    QPolygonF line;
    for (const QPointF &pt : model_->inFlight()) {
        const double x = area.left() + (pt.x() - window_.t0) / window_.length() * area.width();
        line << QPointF(std::clamp(x, double(area.left()), double(area.right())), area.bottom() - pt.y() / top * area.height());
    }
    p.setPen(QPen(st.reference, 1.5 * st.lineWidth));
    p.drawPolyline(line);
    p.setPen(st.text);
    p.drawText(QRect(4, area.top(), kLabelWidth - 8, area.height()), Qt::AlignRight | Qt::AlignVCenter,
        tr("in flight\nmax %1").arg(model_->maxInFlight()));
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    if (!model_ || event->modifiers() & Qt::ShiftModifier)
        return QAbstractScrollArea::wheelEvent(event);
    const double factor = event->angleDelta().y() > 0 ? 0.8 : 1.25;
    setWindow(window_.zoomed(factor, timeAt(int(event->position().x())), total_));
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        dragX_ = int(event->position().x());
        dragStart_ = window_;
    }
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (!model_)
        return;
    const QRect plot = plotRect();
    if (dragX_ >= 0) {
        const double dt = double(dragX_ - event->position().x()) / std::max(1, plot.width()) * dragStart_.length();
        setWindow(dragStart_.panned(dt, total_));
        return;
    }
    const int x = int(event->position().x());
    cursorX_ = x >= plot.left() && x <= plot.right() ? x : -1;
    viewport()->update();
    emit cursorMoved(cursorX_ < 0 ? -1.0 : timeAt(x));
    if (const QString tip = spanTip(event->position()); !tip.isEmpty())
        QToolTip::showText(event->globalPosition().toPoint(), tip, this);
    else
        QToolTip::hideText();
}

QString TimelineView::spanTip(QPointF pos) const
{
    const QRect plot = plotRect();
    if (!model_ || !plot.contains(pos.toPoint()))
        return {};
    const int lane = verticalScrollBar()->value() + (int(pos.y()) - plot.top()) / laneHeight();
    const auto span = model_->spanAt(lane, timeAt(int(pos.x())));
    if (!span)
        return {};
    return tr("%1: %2\nfrom %3 for %4")
        .arg(laneName(model_->lanes()[lane]), stateName(span->state), timeText(span->t0), timeText(span->t1 - span->t0));
}

// Qt's own tooltip (after a second at rest) says what the span under the pointer is, as the
// one shown while the mouse moves does; only off the spans does it give the general help.
bool TimelineView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = spanTip(help->pos());
        QToolTip::showText(help->globalPos(), tip.isEmpty() ? toolTip() : tip, this);
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        dragX_ = -1;
}

} // namespace ui
