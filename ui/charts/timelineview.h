// One run's workers on a time axis: a lane per thread, process or task (grouped past 256), each
// span coloured by state. Wheel zooms around the pointer, dragging pans, hovering names the span;
// lanes scroll. Paints only the visible lanes, one rectangle per run of equal pixels.
#pragma once

#include "experiment/experiment.h"
#include "experiment/timeline.h"
#include "monitor/cpuload.h"

#include <QAbstractScrollArea>
#include <memory>
#include <optional>

namespace ui {

QColor stateColor(cl::WorkerState s);
QString laneName(const cl::TimelineLane &lane); // "thread 0", "tasks 0–39", in the UI's language
QString stateName(cl::WorkerState s);

class TimelineView : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);

    void setModel(std::shared_ptr<const cl::TimelineModel> model, const QString &title);
    // The run's strategy: a swatch of its colour before the title, as on the Timings chart.
    void setStrategy(cl::Strategy strategy);
    void setTitle(const QString &title); // keeps the model, the zoom and the scroll position
    const QString &title() const { return title_; }
    std::optional<cl::Strategy> strategy() const { return strategy_; }
    const cl::TimelineModel *model() const { return model_.get(); }
    std::shared_ptr<const cl::TimelineModel> sharedModel() const { return model_; }
    // The time range both views of a comparison share.
    void setTotal(double seconds);
    double total() const { return total_; }
    const cl::TimeWindow &window() const { return window_; }
    // The CPU samples taken while the run went (the monitor's clock, ms), drawn per core under
    // the lanes on the same time axis: this app in colour, other programs in grey. `originMs`:
    // the run's start on that clock.
    void setCpu(const QList<cl::CpuSample> &samples, qint64 originMs);
    qint64 originMs() const { return originMs_; }
    QSize sizeHint() const override;
    int contentHeight() const; // every lane plus the axis and curve: for rendering whole

public slots:
    void setWindow(const cl::TimeWindow &window);
    void resetZoom();

signals:
    void windowChanged(const cl::TimeWindow &window);
    // The pointer is over the run at `seconds` from its start (-1: it left), so the Live CPU
    // graphs can show the same moment.
    void cursorMoved(double seconds);

protected:
    void paintEvent(QPaintEvent *) override;
    void changeEvent(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *) override { resetZoom(); }
    void leaveEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslate();
    QRect plotRect() const;
    int laneHeight() const;
    int curveHeight() const;
    int coresHeight() const;
    double timeAt(int x) const;
    QString spanTip(QPointF pos) const; // what the span under `pos` is, empty when none
    void updateScrollBar();
    void paintAxis(QPainter &p, const QRect &plot) const;
    void paintLanes(QPainter &p, const QRect &plot) const;
    void paintInFlight(QPainter &p, const QRect &plot) const;
    void paintCores(QPainter &p, const QRect &plot) const;
    void paintCursor(QPainter &p, const QRect &plot) const;

    std::shared_ptr<const cl::TimelineModel> model_;
    QString title_;
    std::optional<cl::Strategy> strategy_;
    cl::TimeWindow window_;
    double total_ = 1;
    int dragX_ = -1;
    int cursorX_ = -1; // the shared time cursor, in viewport pixels; -1: none
    QList<cl::CpuSample> cpu_;
    QList<int> cores_;
    qint64 originMs_ = 0;
    cl::TimeWindow dragStart_;
};

} // namespace ui
