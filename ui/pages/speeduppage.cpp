#include "pages/speeduppage.h"

#include "strategies/strategy.h"

#include "charts/palette.h"
#include "experiment/timeline.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPushButton>
#include <QScatterSeries>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>
#include <QValueAxis>

namespace ui {

SpeedupChart::SpeedupChart(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(320, 240);
    rebuild();
}

void SpeedupChart::setSweep(const cl::SweepResult &sweep)
{
    sweep_ = sweep;
    rebuild();
}

void SpeedupChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange) // presentation mode
        rebuild();
    QChartView::changeEvent(event);
}

void SpeedupChart::rebuild()
{
    QChart *chart = sweep_ ? sweepChart(*sweep_) : new QChart;
    if (!sweep_) {
        chart->setTitle(tr("Run a sweep to see how the speedup grows with workers"));
        applyChartFonts(chart);
    }
    QChart *old = this->chart();
    setChart(chart);
    delete old;
}

QChart *SpeedupChart::sweepChart(const cl::SweepResult &s) const
{
    const ChartStyle &st = currentStyle();
    auto *chart = new QChart;
    chart->setTitle(tr("%1 %2, %3: speedup against sequential — serial fraction f = %4")
                        .arg(cl::toString(s.workload).toUpper(), cl::describe(s.strategy).displayName(), cl::gilModeShort(s.gil))
                        .arg(s.serialFraction, 0, 'f', 3));
    const int maxN = s.points.isEmpty() ? 1 : s.points.last().workers;
    auto *measured = new QLineSeries;
    measured->setName(tr("measured"));
    measured->setPen(QPen(strategyColour(s.strategy), 2.5 * st.lineWidth));
    auto *dots = new QScatterSeries;
    dots->setColor(strategyColour(s.strategy));
    dots->setMarkerSize(9);
    auto *ideal = new QLineSeries;
    ideal->setName(tr("ideal: linear up to %n core(s), then flat", nullptr, s.cores));
    ideal->setPen(QPen(st.user, 1.5 * st.lineWidth, Qt::DashLine));
    auto *amdahl = new QLineSeries;
    amdahl->setName(tr("Amdahl, f = %1").arg(s.serialFraction, 0, 'f', 3));
    amdahl->setPen(QPen(st.reference, 1.5 * st.lineWidth, Qt::DotLine));
    double top = 1;
    for (const cl::SweepPoint &p : s.points) {
        *measured << QPointF(p.workers, p.speedup);
        *dots << QPointF(p.workers, p.speedup);
        top = std::max(top, p.speedup);
    }
    for (int n = 1; n <= maxN; ++n)
        *ideal << QPointF(n, s.idealSpeedup(n));
    for (double n = 1; n <= maxN + 1e-9; n += 0.1)
        *amdahl << QPointF(n, cl::amdahlSpeedup(s.serialFraction, n));
    for (QAbstractSeries *series : {static_cast<QAbstractSeries *>(ideal), static_cast<QAbstractSeries *>(amdahl),
             static_cast<QAbstractSeries *>(measured), static_cast<QAbstractSeries *>(dots)})
        chart->addSeries(series);
    addAxes(chart, s, top);
    chart->legend()->markers(dots).first()->setVisible(false);
    chart->legend()->setAlignment(Qt::AlignBottom);
    applyChartFonts(chart);
    return chart;
}

void SpeedupChart::addAxes(QChart *chart, const cl::SweepResult &s, double top) const
{
    const int maxN = s.points.isEmpty() ? 1 : s.points.last().workers;
    auto *x = new QValueAxis;
    x->setRange(1, std::max(2, maxN));
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickInterval(1);
    x->setLabelFormat(QStringLiteral("%d"));
    x->setTitleText(tr("workers"));
    auto *y = new QValueAxis;
    y->setRange(0, std::max(top, double(std::min(maxN, s.cores))) * 1.15);
    y->setTitleText(tr("speedup (×)"));
    y->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *series : chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
}

SpeedupPage::SpeedupPage(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    workload_ = new QComboBox(this);
    for (cl::Workload w : {cl::Workload::Cpu, cl::Workload::Io})
        workload_->addItem(QString(), int(w));
    strategy_ = new QComboBox(this);
    for (const cl::StrategyDescriptor &s : cl::strategyTable())
        if (s.sweepable())
            strategy_->addItem(QString(), int(s.id));
    maxWorkers_ = new QSpinBox(this);
    maxWorkers_->setRange(1, 64);
    maxWorkers_->setValue(std::max(2, 2 * QThread::idealThreadCount()));
    gil_ = new QCheckBox(this);
    gil_->setChecked(true);
    run_ = new QPushButton(this);
    for (QWidget *w : {static_cast<QWidget *>(workload_), static_cast<QWidget *>(strategy_), static_cast<QWidget *>(maxWorkers_),
             static_cast<QWidget *>(gil_), static_cast<QWidget *>(run_)})
        bar->addWidget(w);
    bar->addStretch();
    layout->addLayout(bar);
    chart_ = new SpeedupChart(this);
    layout->addWidget(chart_, 1);
    summary_ = new QLabel(this);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(summary_);
    connect(run_, &QPushButton::clicked, this, [this] {
        emit sweepRequested(cl::Strategy(strategy_->currentData().toInt()), gil_->isChecked(), maxWorkers_->value(),
            cl::Workload(workload_->currentData().toInt()));
    });
    retranslate();
}

void SpeedupPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate(); // the chart retitles itself
    QWidget::changeEvent(event);
}

void SpeedupPage::retranslate()
{
    workload_->setItemText(0, tr("CPU-bound"));
    workload_->setItemText(1, tr("IO-bound"));
    for (int i = 0; i < strategy_->count(); ++i)
        strategy_->setItemText(i, cl::describe(cl::Strategy(strategy_->itemData(i).toInt())).displayName());
    maxWorkers_->setPrefix(tr("1 to "));
    maxWorkers_->setSuffix(tr(" workers"));
    maxWorkers_->setToolTip(tr("Runs the strategy with 1, 2, … up to this many workers (default: twice the cores)"));
    gil_->setText(cl::gilModeName(true));
    gil_->setToolTip(tr("With the GIL, threads hit the flat \"GIL ceiling\"; unchecked, they run free-threaded (3.13t, 3.14t)"));
    run_->setText(tr("Run sweep"));
    run_->setToolTip(tr("Sequential first, then each worker count; steps and requests come from the Parameters panel"));
    showSummary();
}

void SpeedupPage::watch(const cl::Session &session)
{
    connect(&session, &cl::Session::batchStarted, this, [this](const QList<cl::QueuedExperiment> &batch) {
        sweepResults_.clear();
        sweepBase_.reset();
        if (batch.isEmpty() || batch.first().kind != cl::BatchKind::Sweep)
            return;
        sweepBase_ = batch.last().spec; // the strategy at the most workers
        sweepSize_ = batch.size();
        setRunning(true);
    });
    connect(&session, &cl::Session::experimentFinished, this, [this](const cl::QueuedExperiment &e, const cl::ExperimentResult &r) {
        if (sweepBase_ && e.kind == cl::BatchKind::Sweep && !r.runs.isEmpty())
            sweepResults_.append(r);
    });
    connect(&session, &cl::Session::batchFinished, this, &SpeedupPage::onSweepFinished);
}

void SpeedupPage::onSweepFinished(bool cancelled)
{
    setRunning(false);
    const bool ok = std::all_of(sweepResults_.cbegin(), sweepResults_.cend(), [](const auto &r) { return r.hasOkRun(); });
    if (sweepBase_ && !cancelled && ok && sweepResults_.size() == sweepSize_)
        showSweep(cl::sweepResult(*sweepBase_, sweepResults_, QThread::idealThreadCount()));
    sweepBase_.reset();
}

void SpeedupPage::setRunning(bool running)
{
    run_->setEnabled(!running);
}

void SpeedupPage::showSweep(const cl::SweepResult &sweep)
{
    chart_->setSweep(sweep);
    showSummary();
}

void SpeedupPage::showSummary()
{
    const auto &sweep = chart_->sweep();
    if (!sweep)
        return;
    QStringList parts;
    for (const cl::SweepPoint &p : sweep->points)
        parts << QStringLiteral("%1: %2×").arg(p.workers).arg(p.speedup, 0, 'f', 2);
    summary_->setText(
        tr("sequential %1 s; speedup by workers — %2").arg(sweep->sequentialS, 0, 'f', 3).arg(parts.join(QStringLiteral(", "))));
}

} // namespace ui
