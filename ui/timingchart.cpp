#include "timingchart.h"

#include "palette.h"

#include <QBarCategoryAxis>
#include <QCoreApplication>
#include <QEvent>
#include <QLegendMarker>
#include <QBarSeries>
#include <QBarSet>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>

namespace ui {

namespace {

QString strategyLabel(const cl::StrategyResult &r)
{
    QString s = strategyName(int(r.strategy));
    if (r.strategy != cl::Strategy::Sequential)
        s += QStringLiteral(" ×%1").arg(r.workers);
    if (r.strategy == cl::Strategy::Threads || r.strategy == cl::Strategy::Processes)
        s += r.gil ? QCoreApplication::translate("ui::TimingChart", " (GIL)") : QCoreApplication::translate("ui::TimingChart", " (no GIL)");
    return s;
}

QString secondsText(double s)
{
    return s >= 1 ? QCoreApplication::translate("ui::TimingChart", "%1 s").arg(s, 0, 'f', 2)
                  : QCoreApplication::translate("ui::TimingChart", "%1 ms").arg(qRound(s * 1000));
}

} // namespace

QList<TimingBar> timingBars(const QList<cl::StrategyResult> &results, const QList<std::optional<double>> &notebook)
{
    QList<TimingBar> bars;
    double sequential = 0;
    for (const auto &r : results)
        if (r.strategy == cl::Strategy::Sequential && r.bestS() > 0) {
            sequential = r.bestS();
            break;
        }
    for (qsizetype i = 0; i < results.size(); ++i) {
        const auto &r = results[i];
        TimingBar b{strategyLabel(r), r.bestS(), r.bestS(), r.bestS(), notebook.value(i)};
        for (const auto &run : r.runs)
            if (!run.cancelled()) {
                b.minS = std::min(b.minS, run.wallS);
                b.maxS = std::max(b.maxS, run.wallS);
            }
        b.label += QStringLiteral("<br>") + secondsText(b.bestS);
        if (sequential > 0 && b.bestS > 0 && r.strategy != cl::Strategy::Sequential)
        {
            const double speedup = sequential / b.bestS;
            b.label += QCoreApplication::translate("ui::TimingChart", "<br>speedup ×%1").arg(speedup, 0, 'f', speedup >= 10 ? 1 : 2);
        }
        bars.append(b);
    }
    return bars;
}

TimingChart::TimingChart(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(320, 220);
    rebuild();
}

void TimingChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild(); // the owner sets the bars' labels and the title anew
    QChartView::changeEvent(event);
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

void TimingChart::rebuild()
{
    const ChartStyle &st = currentStyle();
    setToolTip(tr("Best of N runs per strategy; the whisker spans the fastest to the slowest run; "
                  "the diamond is the notebook's figure"));
    auto *chart = new QChart; // owned by the view once set
    chart->setTitle(title_.isEmpty() ? tr("Run an experiment to see its timings") : title_);
    QFont font = chart->titleFont();
    font.setPointSize(st.fontPointSize + 2);
    chart->setTitleFont(font);
    chart->legend()->setAlignment(Qt::AlignBottom);

    auto *bestSet = new QBarSet(tr("best of N"));
    bestSet->setColor(st.bar);
    QStringList categories;
    double top = 0;
    for (const auto &b : std::as_const(bars_)) {
        *bestSet << b.bestS;
        categories << b.label;
        top = std::max({top, b.maxS, b.notebookS.value_or(0)});
    }
    auto *series = new QBarSeries;
    series->append(bestSet);
    chart->addSeries(series);

    auto *axisX = new QBarCategoryAxis;
    axisX->append(categories);
    QFont axisFont = axisX->labelsFont();
    axisFont.setPointSize(st.fontPointSize);
    axisX->setLabelsFont(axisFont);
    auto *axisY = new QValueAxis;
    axisY->setTitleText(tr("seconds (lower is faster)"));
    axisY->setRange(0, top > 0 ? top * 1.12 : 1);
    axisY->applyNiceNumbers();
    axisY->setLabelsFont(axisFont);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisX);
    series->attachAxis(axisY);

    auto *notebook = new QScatterSeries;
    notebook->setName(tr("notebook (2011 MacBook Air)"));
    notebook->setMarkerShape(QScatterSeries::MarkerShapeRotatedRectangle);
    notebook->setMarkerSize(8 + 4 * st.lineWidth);
    notebook->setColor(st.reference);
    for (qsizetype i = 0; i < bars_.size(); ++i) {
        const TimingBar &b = bars_[i];
        if (b.maxS > b.minS) {
            auto *whisker = new QLineSeries;
            const double w = 0.08;
            *whisker << QPointF(double(i) - w, b.minS) << QPointF(double(i) + w, b.minS) << QPointF(double(i), b.minS)
                     << QPointF(double(i), b.maxS) << QPointF(double(i) - w, b.maxS) << QPointF(double(i) + w, b.maxS);
            whisker->setPen(QPen(st.whisker, 1.5 * st.lineWidth));
            chart->addSeries(whisker);
            whisker->attachAxis(axisX);
            whisker->attachAxis(axisY);
            chart->legend()->markers(whisker).first()->setVisible(false);
        }
        if (b.notebookS)
            notebook->append(double(i), *b.notebookS);
    }
    chart->addSeries(notebook);
    notebook->attachAxis(axisX);
    notebook->attachAxis(axisY);
    if (notebook->count() == 0)
        chart->legend()->markers(notebook).first()->setVisible(false);

    QChart *old = this->chart();
    setChart(chart);
    delete old;
}

} // namespace ui
