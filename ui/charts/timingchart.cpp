#include "charts/timingchart.h"

#include "strategies/strategy.h"

#include "charts/palette.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QCoreApplication>
#include <QEvent>
#include <QGraphicsSimpleTextItem>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMap>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

// "threads ×2 (GIL)"; `details` when known says more: "processes ×2 (GIL, forkserver, pool)".
QString strategyLabel(const cl::ExperimentResult &r, const QString &details)
{
    const cl::StrategyDescriptor &strategy = cl::describe(r.strategy);
    QString s = strategy.displayName();
    if (!strategy.singleWorker)
        s += QStringLiteral(" ×%1").arg(r.workers);
    const QString how = !details.isEmpty() ? details : strategy.gilApplies ? cl::gilModeShort(r.gil) : QString();
    if (!how.isEmpty())
        s += QStringLiteral(" (%1)").arg(how);
    return s;
}

QString secondsText(double s)
{
    return s >= 1 ? QCoreApplication::translate("ui::TimingChart", "%1 s").arg(s, 0, 'f', 2)
                  : QCoreApplication::translate("ui::TimingChart", "%1 ms").arg(qRound(s * 1000));
}

// What stands in an experiment's slot when it has no time to show.
QString statusMark(cl::RunStatus status)
{
    return status == cl::RunStatus::Failed ? QCoreApplication::translate("ui::TimingChart", "✕ failed")
                                           : QCoreApplication::translate("ui::TimingChart", "■ stopped");
}

QString warning(const QString &text)
{
    return QStringLiteral("<span style='color:#d04030'><b>%1</b></span>").arg(text.toHtmlEscaped());
}

double sequentialBest(const QList<cl::ExperimentResult> &results)
{
    for (const auto &r : results)
        if (r.strategy == cl::kBaselineStrategy && r.hasOkRun())
            return r.bestS();
    return 0;
}

TimingBar timingBar(const cl::ExperimentResult &r, std::optional<double> notebook, double sequential, const QString &details)
{
    TimingBar b{strategyLabel(r, details), 0, 0, 0, notebook};
    b.strategy = r.strategy;
    b.engine = r.engine;
    if (!r.hasOkRun()) {
        b.status = r.firstFailure() ? cl::RunStatus::Failed : cl::RunStatus::Cancelled;
        b.label += QStringLiteral("<br>") + warning(statusMark(b.status));
        return b;
    }
    b.bestS = b.minS = b.maxS = r.bestS();
    for (const auto &run : r.runs) {
        if (run.ok()) {
            b.minS = std::min(b.minS, run.wallS);
            b.maxS = std::max(b.maxS, run.wallS);
        }
        b.failedRuns += run.status == cl::RunStatus::Failed ? 1 : 0;
    }
    b.label += QStringLiteral("<br>") + secondsText(b.bestS);
    if (sequential > 0 && r.strategy != cl::kBaselineStrategy) {
        const double speedup = sequential / b.bestS;
        b.label += QCoreApplication::translate("ui::TimingChart", "<br>speedup ×%1").arg(speedup, 0, 'f', speedup >= 10 ? 1 : 2);
    }
    if (b.failedRuns > 0)
        b.label += QStringLiteral("<br>")
            + warning(b.failedRuns == 1 ? QCoreApplication::translate("ui::TimingChart", "1 run failed")
                                        : QCoreApplication::translate("ui::TimingChart", "%n runs failed", nullptr, b.failedRuns));
    return b;
}

} // namespace

QList<TimingBar> memoryBars(const QList<cl::ExperimentResult> &results, const QStringList &workloads, const QStringList &details)
{
    QList<TimingBar> bars;
    for (qsizetype i = 0; i < results.size(); ++i) {
        const cl::ExperimentResult &r = results[i];
        TimingBar b{workloads.value(i) + QStringLiteral(": ") + strategyLabel(r, details.value(i)), 0, 0, 0, std::nullopt};
        b.strategy = r.strategy;
        b.engine = r.engine;
        QList<double> mib;
        for (const cl::RunResult &run : r.runs)
            if (run.ok())
                mib.append(double(run.memBytes) / (1024.0 * 1024.0));
        if (mib.isEmpty()) {
            b.status = r.firstFailure() ? cl::RunStatus::Failed : cl::RunStatus::Cancelled;
            b.label += QStringLiteral("<br>") + warning(statusMark(b.status));
        } else {
            std::sort(mib.begin(), mib.end());
            b.bestS = mib[mib.size() / 2];
            b.minS = mib.first();
            b.maxS = mib.last();
            b.label += QStringLiteral("<br>")
                + QCoreApplication::translate("ui::TimingChart", "%1 MiB").arg(b.bestS, 0, 'f', b.bestS < 10 ? 1 : 0);
        }
        bars.append(b);
    }
    return bars;
}

QList<TimingBar> timingBars(
    const QList<cl::ExperimentResult> &results, const QList<std::optional<double>> &notebook, const QStringList &details)
{
    const double sequential = sequentialBest(results);
    QList<TimingBar> bars;
    for (qsizetype i = 0; i < results.size(); ++i)
        bars.append(timingBar(results[i], notebook.value(i), sequential, details.value(i)));
    return bars;
}

TimingChart::TimingChart(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(320, 220);
    rebuild();
}

void TimingChart::setBars(const QString &title, const QList<TimingBar> &bars)
{
    title_ = title;
    bars_ = bars;
    rebuild();
}

void TimingChart::applyStyle()
{
    rebuild();
}

void TimingChart::setUnit(Unit unit)
{
    unit_ = unit;
    rebuild();
}

void TimingChart::setLogScale(bool on)
{
    if (on == log_)
        return;
    log_ = on;
    rebuild();
}

// The decades the times span, for the log scale: from the one below the fastest to the one
// above the slowest.
std::pair<int, int> TimingChart::decades() const
{
    double lo = 0, hi = 0;
    for (const TimingBar &b : bars_)
        for (const double t : {b.minS, b.maxS, b.notebookS.value_or(0)})
            if (t > 0) {
                lo = lo > 0 ? std::min(lo, t) : t;
                hi = std::max(hi, t);
            }
    if (lo <= 0)
        return {-1, 1};
    const int first = int(std::ceil(std::log10(lo))) - 1; // 0.1 s gets a decade of bar, not none
    return {first, std::max(first + 1, int(std::ceil(std::log10(hi))))};
}

// A time's height: seconds on the linear scale; on the log scale, decades above the lowest one,
// so a bar still grows from the axis (Qt Charts draws no bar on a log axis from zero).
double TimingChart::y(double seconds) const
{
    if (!log_)
        return seconds;
    return seconds > 0 ? std::log10(seconds) - decades().first : 0.0;
}

QString TimingChart::decadeText(int decade) const
{
    const double v = std::pow(10.0, decade);
    if (unit_ == Unit::MiB)
        return QCoreApplication::translate("ui::TimingChart", "%1 MiB").arg(QString::number(v, 'f', std::max(0, -decade)));
    return decade >= 0 ? QCoreApplication::translate("ui::TimingChart", "%1 s").arg(QString::number(v, 'f', 0)) : secondsText(v);
}

QAbstractAxis *TimingChart::makeAxisY() const
{
    if (!log_) {
        auto *axis = new QValueAxis;
        double top = 0;
        for (const TimingBar &b : bars_)
            top = std::max({top, b.maxS, b.notebookS.value_or(0)});
        axis->setTitleText(unit_ == Unit::MiB ? tr("MiB, the experiment's own (median of N)") : tr("seconds, best of N (lower is faster)"));
        axis->setRange(0, top > 0 ? top * 1.12 : 1);
        axis->applyNiceNumbers();
        return axis;
    }
    auto *axis = new QCategoryAxis;
    const auto [first, last] = decades();
    for (int d = first; d <= last; ++d)
        axis->append(decadeText(d), double(d - first));
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setRange(0, double(last - first));
    axis->setTitleText(unit_ == Unit::MiB ? tr("MiB, the experiment's own (median of N), log scale")
                                          : tr("seconds, best of N, log scale (lower is faster)"));
    return axis;
}

void TimingChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild(); // the owner sets the bars' labels and the title anew
    QChartView::changeEvent(event);
}

void TimingChart::rebuild()
{
    stale_ = true;
    if (isVisible())
        build();
}

QChart *TimingChart::currentChart()
{
    if (stale_)
        build();
    return chart();
}

void TimingChart::showEvent(QShowEvent *event)
{
    if (stale_)
        build();
    QChartView::showEvent(event);
}

void TimingChart::build()
{
    stale_ = false;
    const ChartStyle &st = currentStyle();
    setToolTip(unit_ == Unit::MiB ? tr("Each experiment's own memory: how far the app's resident memory grew over where it stood when "
                                       "the run started (threads' stacks, tasks' sockets and buffers), plus each child process's PSS "
                                       "(its private pages and its share of the shared ones). The median of the ok runs; the whisker "
                                       "spans the smallest to the largest")
                                  : tr("Best of N runs per strategy; the whisker spans the fastest to the slowest run; "
                                       "the diamond is the notebook's figure; failed and stopped runs are not times"));
    auto *chart = new QChart; // owned by the view once set
    chart->setTitle(title_.isEmpty() ? tr("Run an experiment to see its timings") : title_);
    QFont font = chart->titleFont();
    font.setPointSize(st.fontPointSize + 2);
    chart->setTitleFont(font);
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto *axisX = new QBarCategoryAxis;
    QAbstractAxis *axisY = makeAxisY();
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    QAbstractBarSeries *series = addBars(chart, axisX, axisY);
    addWhiskers(chart, axisX, axisY);
    addNotebook(chart, axisX, axisY);
    addStatusMarks(chart, series);
    QChart *old = this->chart();
    setChart(chart);
    delete old;
}

// One bar set per strategy and engine, each with a value only in its own slots, stacked: every
// bar gets its strategy's colour (striped for CPython) and the legend names them.
QAbstractBarSeries *TimingChart::addBars(QChart *chart, QBarCategoryAxis *axisX, QAbstractAxis *axisY) const
{
    const ChartStyle &st = currentStyle();
    auto *series = new QStackedBarSeries;
    using Key = std::pair<cl::Strategy, cl::Engine>;
    QMap<Key, QBarSet *> sets;
    for (const auto &b : std::as_const(bars_))
        if (const Key key{b.strategy, b.engine}; !sets.contains(key)) {
            const QString name = cl::describe(b.strategy).displayName();
            auto *set = new QBarSet(b.engine == cl::Engine::Python ? tr("%1, CPython").arg(name) : name);
            set->setBrush(strategyBrush(b.strategy, b.engine));
            set->setBorderColor(strategyColour(b.strategy).darker(130));
            sets.insert(key, set);
        }
    QStringList categories;
    for (const auto &b : std::as_const(bars_)) {
        const Key own{b.strategy, b.engine};
        for (auto it = sets.cbegin(); it != sets.cend(); ++it) // none without an ok run: the slot's mark says why
            *it.value() << (it.key() == own && b.hasTime() ? y(b.bestS) : 0.0);
        categories << b.label;
    }
    for (QBarSet *set : std::as_const(sets))
        series->append(set);
    chart->addSeries(series);
    axisX->append(categories);
    QFont axisFont = axisX->labelsFont();
    axisFont.setPointSize(st.fontPointSize);
    axisX->setLabelsFont(axisFont);
    axisY->setLabelsFont(axisFont);
    series->attachAxis(axisX);
    series->attachAxis(axisY);
    return series;
}

void TimingChart::addWhiskers(QChart *chart, QBarCategoryAxis *axisX, QAbstractAxis *axisY) const
{
    const ChartStyle &st = currentStyle();
    for (qsizetype i = 0; i < bars_.size(); ++i) {
        const TimingBar &b = bars_[i];
        if (!b.hasTime() || b.maxS <= b.minS)
            continue;
        auto *whisker = new QLineSeries;
        const double w = 0.08, x = double(i);
        const double lo = y(b.minS), hi = y(b.maxS);
        *whisker << QPointF(x - w, lo) << QPointF(x + w, lo) << QPointF(x, lo) << QPointF(x, hi) << QPointF(x - w, hi)
                 << QPointF(x + w, hi);
        whisker->setPen(QPen(st.whisker, 1.5 * st.lineWidth));
        chart->addSeries(whisker);
        whisker->attachAxis(axisX);
        whisker->attachAxis(axisY);
        chart->legend()->markers(whisker).first()->setVisible(false);
    }
}

void TimingChart::addNotebook(QChart *chart, QBarCategoryAxis *axisX, QAbstractAxis *axisY) const
{
    const ChartStyle &st = currentStyle();
    auto *notebook = new QScatterSeries;
    notebook->setName(tr("notebook (2011 MacBook Air)"));
    notebook->setMarkerShape(QScatterSeries::MarkerShapeRotatedRectangle);
    notebook->setMarkerSize(8 + 4 * st.lineWidth);
    notebook->setColor(st.reference);
    for (qsizetype i = 0; i < bars_.size(); ++i)
        if (bars_[i].notebookS)
            notebook->append(double(i), y(*bars_[i].notebookS));
    chart->addSeries(notebook);
    notebook->attachAxis(axisX);
    notebook->attachAxis(axisY);
    if (notebook->count() == 0)
        chart->legend()->markers(notebook).first()->setVisible(false);
}

// A big "✕ failed" / "■ stopped" standing in the empty slot, kept in place as the plot resizes.
void TimingChart::addStatusMarks(QChart *chart, QAbstractBarSeries *series) const
{
    const ChartStyle &st = currentStyle();
    QList<std::pair<QGraphicsSimpleTextItem *, double>> marks;
    for (qsizetype i = 0; i < bars_.size(); ++i) {
        if (bars_[i].hasTime())
            continue;
        auto *mark = new QGraphicsSimpleTextItem(statusMark(bars_[i].status), chart);
        QFont f = mark->font();
        f.setPointSize(st.fontPointSize + 4);
        f.setBold(true);
        mark->setFont(f);
        mark->setBrush(bars_[i].status == cl::RunStatus::Failed ? QColor(0xd0, 0x40, 0x30) : QColor(0x90, 0x90, 0x90));
        mark->setZValue(10);
        marks.append({mark, double(i)});
    }
    if (marks.isEmpty())
        return;
    QObject::connect(chart, &QChart::plotAreaChanged, chart, [chart, series, marks] {
        for (const auto &[mark, x] : marks) {
            const QPointF at = chart->mapToPosition(QPointF(x, 0), series);
            const QRectF box = mark->boundingRect();
            mark->setPos(at.x() - box.width() / 2, at.y() - box.height() - 6);
        }
    });
}

} // namespace ui
