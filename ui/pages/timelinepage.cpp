#include "pages/timelinepage.h"

#include "charts/export.h"
#include "charts/palette.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChartView>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>
#include <QValueAxis>

namespace ui {

QString percentileLine(const RecordedRun &run)
{
    const cl::LatencySummary l = cl::summarizeLatencies(run.result.latenciesMs);
    return QCoreApplication::translate("ui::TimelinePage", "%1: p50 %2 ms · p95 %3 ms · p99 %4 ms · max %5 ms (%6 requests)")
        .arg(run.label.text())
        .arg(l.p50, 0, 'f', 1)
        .arg(l.p95, 0, 'f', 1)
        .arg(l.p99, 0, 'f', 1)
        .arg(l.max, 0, 'f', 1)
        .arg(run.result.latenciesMs.size());
}

QString runName(const RecordedRun &run)
{
    if (run.result.status == cl::RunStatus::Failed)
        return QCoreApplication::translate("ui::TimelinePage", "%1 (failed)").arg(run.label.text());
    return run.label.text();
}

QString runTitle(const RecordedRun &run)
{
    const QString seconds = QString::number(run.result.wallS, 'f', 3);
    if (run.result.status != cl::RunStatus::Failed)
        return QCoreApplication::translate("ui::TimelinePage", "%1 — %2 s").arg(run.label.text(), seconds);
    return QCoreApplication::translate("ui::TimelinePage", "%1 — FAILED after %2 s: %3")
        .arg(run.label.text(), seconds, run.result.errorMessages.value(0));
}

TimelinePage::TimelinePage(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    picker_ = new QComboBox(this);
    picker_->setMinimumContentsLength(16);
    picker_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    pin_ = new QPushButton(this);
    reset_ = new QPushButton(this);
    legend_ = new QLabel(this);
    legend_->setWordWrap(true); // five states in large Russian text are wider than a laptop's screen
    pickerLabel_ = new QLabel(this);
    bar->addWidget(pickerLabel_);
    bar->addWidget(picker_, 1);
    bar->addWidget(pin_);
    bar->addWidget(reset_);
    layout->addLayout(bar);
    layout->addWidget(legend_);
    layout->addWidget(buildViews(), 1);
    connect(picker_, &QComboBox::currentIndexChanged, this, &TimelinePage::showRun);
    connect(pin_, &QPushButton::clicked, this, [this] { pinned_->isVisible() ? unpin() : pinCurrent(); });
    connect(reset_, &QPushButton::clicked, current_, &TimelineView::resetZoom);
    connect(current_, &TimelineView::windowChanged, pinned_, &TimelineView::setWindow);
    connect(current_, &TimelineView::cursorMoved, this, [this](double t) {
        if (t >= 0 && current_->originMs() > 0) // the graphs keep the last moment pointed at, to be looked at on their tab
            emit cursorAt(current_->originMs() + qint64(t * 1000.0));
    });
    connect(pinned_, &TimelineView::windowChanged, current_, &TimelineView::setWindow);
    retranslate();
    showRun(-1);
}

// The pinned and the current timeline over the latency histogram (shown once an IO run is in).
QWidget *TimelinePage::buildViews()
{
    auto *split = new QSplitter(Qt::Vertical, this);
    area_ = new QWidget(split);
    auto *views = new QVBoxLayout(area_);
    views->setContentsMargins(0, 0, 0, 0);
    pinned_ = new TimelineView(area_);
    pinned_->hide();
    current_ = new TimelineView(area_);
    views->addWidget(pinned_, 1);
    views->addWidget(current_, 1);
    split->addWidget(area_);
    auto *latencyBox = new QWidget(split);
    auto *lv = new QVBoxLayout(latencyBox);
    lv->setContentsMargins(0, 0, 0, 0);
    latency_ = new QChartView(latencyBox);
    latency_->setMinimumHeight(160);
    latency_->setRenderHint(QPainter::Antialiasing);
    percentiles_ = new QLabel(latencyBox);
    percentiles_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    percentiles_->setWordWrap(true); // long run names (a convoy's, in Russian) must not widen the page past the window
    lv->addWidget(latency_, 1);
    lv->addWidget(percentiles_);
    split->addWidget(latencyBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    latencyBox->hide();
    return split;
}

QImage TimelinePage::exportImage(int width, int scale) const
{
    if (!current_->model())
        return {};
    QWidget page;
    page.setAttribute(Qt::WA_DontShowOnScreen);
    auto *layout = new QVBoxLayout(&page);
    auto *legend = new QLabel(legend_->text(), &page);
    layout->addWidget(legend);
    int height = legend->sizeHint().height() + 2 * layout->spacing() + 24;
    for (const TimelineView *shown : {pinned_, current_}) {
        if (!shown->isVisibleTo(this) || !shown->model())
            continue;
        auto *view = new TimelineView(&page);
        view->setModel(shown->sharedModel(), shown->title());
        if (shown->strategy())
            view->setStrategy(*shown->strategy());
        view->setWindow(shown->window());
        view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        const int h = std::min(420, view->contentHeight() + 4);
        view->setFixedHeight(h);
        layout->addWidget(view);
        height += h + layout->spacing();
    }
    page.resize(width, height);
    page.show();
    return renderWidget(&page, scale);
}

void TimelinePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange) // presentation mode: the legend's colours
        retranslate();
    QWidget::changeEvent(event);
}

// Texts only: the runs, the one shown, the pinned one and the zoom stay as they are.
void TimelinePage::retranslate()
{
    pickerLabel_->setText(tr("Run:"));
    picker_->setToolTip(tr("Which finished run to show"));
    pin_->setText(pinnedRun_ ? tr("Unpin") : tr("Pin for comparison"));
    pin_->setToolTip(tr("Keep this run on screen; the next one shows under it on the same time scale"));
    reset_->setText(tr("Whole run"));
    reset_->setToolTip(tr("Zoom out to the whole run (or double-click the timeline)"));
    latency_->setToolTip(tr("How long each request took, like wrk reports"));
    QStringList parts;
    for (auto s :
        {cl::WorkerState::Running, cl::WorkerState::WaitGil, cl::WorkerState::WaitIo, cl::WorkerState::Ready, cl::WorkerState::Starting})
        parts << QStringLiteral("<span style='color:%1'>■</span> %2").arg(stateColor(s).name(), stateName(s).toHtmlEscaped());
    legend_->setText(parts.join(QStringLiteral("&nbsp;&nbsp;")));
    for (int i = 0; i < runs_.size(); ++i)
        picker_->setItemText(i, runName(runs_[i]));
    if (!showingLive_ && shown_ >= 0 && shown_ < runs_.size() && current_->model())
        current_->setTitle(runTitle(runs_[shown_]));
    if (pinnedRun_)
        pinned_->setTitle(tr("Pinned: %1").arg(runTitle(*pinnedRun_)));
    updateLatency();
}

void TimelinePage::watch(const cl::Session &session)
{
    connect(&session, &cl::Session::runFinished, this, [this](const cl::QueuedExperiment &e, int repeat, const cl::RunResult &run) {
        doneSerial_ = liveSerial_; // what the live view still gets of this run is old news
        if (run.cancelled())
            return; // a failed run is shown, marked as failed: its timeline tells why
        addRun({runLabel(e.label, e.runNumber(repeat)), e.spec.workload, run, e.spec.strategy});
    });
    connect(&session, &cl::Session::liveSpans, this,
        [this](const cl::QueuedExperiment &e, const cl::SpanSink::Snapshot &s) { showLive(e.label.text(), s, e.spec.strategy); });
    connect(&session, &cl::Session::batchFinished, this, [this] {
        if (showingLive_) // stopped mid-run: the run in progress is gone, show the last finished one
            showRun(picker_->currentIndex());
    });
}

// New runs show as they come while the newest is on screen, or while one is pinned above.
bool TimelinePage::followsNewRuns() const
{
    return pinnedRun_ || picker_->count() == 0 || picker_->currentIndex() == picker_->count() - 1;
}

// The history's samples around a run: the one before it started through the first one after it
// ended (each sample covers the interval since the one before).
bool TimelinePage::collectCpu(RecordedRun &run) const
{
    const qint64 from = run.result.startMonoMs, to = from + qint64(run.result.occupiedS() * 1000.0);
    if (!cpuHistory_ || from <= 0)
        return true;
    run.cpu.clear();
    bool ended = false;
    for (qsizetype i = 0; i < cpuHistory_->size() && !ended; ++i) {
        const cl::CpuSample &s = cpuHistory_->at(i);
        const bool next = i + 1 < cpuHistory_->size() && cpuHistory_->at(i + 1).tMs >= from;
        if (s.tMs >= from || next)
            run.cpu.append(s);
        ended = s.tMs >= to;
    }
    return ended;
}

void TimelinePage::cpuSampled()
{
    for (qsizetype i = runs_.size() - 1; i >= 0 && i >= runs_.size() - 3; --i) {
        RecordedRun &r = runs_[i];
        if (!r.cpu.isEmpty() && r.cpu.last().tMs >= r.result.startMonoMs + qint64(r.result.occupiedS() * 1000.0))
            continue; // complete
        collectCpu(r);
        if (i == shown_ && !showingLive_)
            current_->setCpu(r.cpu, r.result.startMonoMs);
    }
}

void TimelinePage::addRun(const RecordedRun &run)
{
    constexpr int kKept = 50;
    const bool followLatest = followsNewRuns();
    runs_.append(run);
    collectCpu(runs_.last());
    picker_->addItem(runName(run));
    while (runs_.size() > kKept) {
        runs_.removeFirst();
        picker_->removeItem(0);
    }
    if (followLatest || picker_->currentIndex() < 0)
        picker_->setCurrentIndex(picker_->count() - 1);
    else
        updateLatency();
}

cl::Translatable TimelinePage::runLabel(const cl::Translatable &experiment, int number)
{
    return [experiment, number] { return tr("%1 — run %2").arg(experiment.text()).arg(number); };
}

void TimelinePage::clear()
{
    doneSerial_ = liveSerial_;
    liveSpans_.clear();
    unpin();
    runs_.clear();
    const QSignalBlocker quiet(picker_);
    picker_->clear();
    showRun(-1);
}

void TimelinePage::showLive(const QString &label, const cl::SpanSink::Snapshot &snapshot, cl::Strategy strategy)
{
    if (snapshot.serial == doneSerial_)
        return; // the tail of a run that has ended: it is shown as finished
    if (snapshot.serial != liveSerial_) {
        liveSerial_ = snapshot.serial;
        liveSpans_.clear();
    }
    liveSpans_.append(snapshot.closed);
    if (!isVisible() || !followsNewRuns())
        return; // not seen, or the user is looking at an older run: only keep the spans
    QList<cl::Span> all = liveSpans_;
    all.append(snapshot.open);
    current_->setModel(std::make_shared<cl::TimelineModel>(all, snapshot.now),
        tr("%1 — running, %2 s so far").arg(label, QString::number(snapshot.now, 'f', 1)));
    current_->setStrategy(strategy);
    current_->setCpu({}, 0); // the cores come with the finished run
    showingLive_ = true;
    syncScales();
}

void TimelinePage::showRun(int index)
{
    shown_ = index;
    showingLive_ = false;
    if (index < 0 || index >= runs_.size()) {
        current_->setModel(nullptr, QString());
        updateLatency();
        return;
    }
    const RecordedRun &r = runs_[index];
    current_->setModel(std::make_shared<cl::TimelineModel>(r.result.spans, r.result.occupiedS()), runTitle(r));
    current_->setStrategy(r.strategy);
    current_->setCpu(r.cpu, r.result.startMonoMs);
    syncScales();
    updateLatency();
}

void TimelinePage::pinCurrent()
{
    if (!current_->model() || shown_ < 0 || shown_ >= runs_.size())
        return;
    pinnedRun_ = runs_[shown_];
    pinned_->setModel(std::make_shared<cl::TimelineModel>(pinnedRun_->result.spans, pinnedRun_->result.occupiedS()),
        tr("Pinned: %1").arg(runTitle(*pinnedRun_)));
    pinned_->setStrategy(pinnedRun_->strategy);
    pinned_->setCpu(pinnedRun_->cpu, pinnedRun_->result.startMonoMs);
    pinned_->show();
    pin_->setText(tr("Unpin"));
    syncScales();
}

void TimelinePage::unpin()
{
    pinned_->hide();
    pinned_->setModel(nullptr, QString());
    pinnedRun_.reset();
    pin_->setText(tr("Pin for comparison"));
    syncScales();
}

void TimelinePage::syncScales()
{
    double total = current_->model() ? current_->model()->duration() : 0;
    if (pinned_->isVisible() && pinned_->model())
        total = std::max(total, pinned_->model()->duration());
    if (total <= 0)
        return;
    current_->setTotal(total);
    if (pinned_->model())
        pinned_->setTotal(total);
}

// The histogram of the run on screen when it is an IO run with answers, with the percentiles of
// the last few IO runs under it; nothing for a CPU run.
void TimelinePage::updateLatency()
{
    const RecordedRun *shown = shown_ >= 0 && shown_ < runs_.size() ? &runs_[shown_] : nullptr;
    auto hasLatencies = [](const RecordedRun &r) {
        return r.workload == cl::Workload::Io && r.result.ok() && !r.result.latenciesMs.isEmpty(); // a failed run is no result
    };
    latency_->parentWidget()->setVisible(shown && hasLatencies(*shown));
    if (!shown || !hasLatencies(*shown))
        return;
    QStringList lines;
    for (const RecordedRun &r : std::as_const(runs_))
        if (hasLatencies(r))
            lines << percentileLine(r).toHtmlEscaped();
    percentiles_->setText(lines.mid(std::max<qsizetype>(0, lines.size() - 6)).join(QStringLiteral("<br>")));
    latencyStale_ = !isVisible();
    if (!latencyStale_)
        updateLatencyChart(*shown);
}

// Like the timing charts, the histogram is a Qt Charts rebuild (several ms): only for a page in view.
void TimelinePage::showEvent(QShowEvent *event)
{
    if (latencyStale_)
        updateLatency();
    QWidget::showEvent(event);
}

void TimelinePage::updateLatencyChart(const RecordedRun &last)
{
    const cl::Histogram h = cl::roundHistogram(last.result.latenciesMs, 30);
    const int every = std::max(1, int(h.counts.size() + 5) / 6); // about six labels, each a round number
    auto *set = new QBarSet(tr("requests"));
    set->setColor(strategyColour(last.strategy)); // the run's strategy, as on every chart
    QStringList categories;
    for (int i = 0; i < h.counts.size(); ++i) {
        *set << h.counts[i];
        categories << (i % every == 0 ? QString::number(h.lo + i * h.binWidth(), 'g', 6) : QStringLiteral(" ").repeated(i));
    }
    auto *series = new QBarSeries;
    series->setBarWidth(1.0);
    series->append(set);
    auto *chart = new QChart;
    chart->setTitle(tr("Latency of %1 (ms)").arg(last.label.text()));
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->hide();
    applyChartFonts(chart);
    QChart *old = latency_->chart();
    latency_->setChart(chart);
    delete old;
}

} // namespace ui
