// A failed or stopped run is never a time in the window: no bar, no speedup from it or against
// it, the first error in a banner over the charts, the table marks it, the status bar says so.
#include <catch2/catch.hpp>

#include "charts/palette.h"
#include "charts/timingchart.h"
#include "helpers.h"
#include "models/resultsmodel.h"
#include "pages/experimentpanel.h"
#include "pages/timelinepage.h"
#include "pages/timingspage.h"
#include "window/errorbanner.h"
#include "window/mainwindow.h"
#include "window/settings.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>

#include <QChart>
#include <QLineEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace cl;

namespace {
RunResult okRun(double wallS, qint64 items)
{
    RunResult r;
    r.wallS = wallS;
    r.items = items;
    return r;
}

RunResult failedRun(double wallS, qint64 asked, const QString &why)
{
    RunResult r;
    r.wallS = wallS;
    r.errors = asked;
    r.status = RunStatus::Failed;
    r.errorMessages = {why};
    return r;
}

RunResult cancelledRun(double wallS)
{
    RunResult r;
    r.wallS = wallS;
    r.status = RunStatus::Cancelled;
    return r;
}

// The value drawn for each bar of the chart's bar series: one set per strategy, stacked, each
// with a value only in its own slots.
QList<double> drawnBars(ui::TimingChart &chart)
{
    QList<double> values;
    for (QAbstractSeries *s : chart.currentChart()->series())
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(s))
            for (const QBarSet *set : bars->barSets()) {
                values.resize(set->count());
                for (int i = 0; i < set->count(); ++i)
                    values[i] += set->at(i);
            }
    return values;
}

struct Window {
    QTemporaryDir dir;
    ui::MainWindow w{ui::Settings(dir.filePath(QStringLiteral("s.ini")))};
    Window() { w.show(); }
};
} // namespace

TEST_CASE("only ok runs are times: no bar, whisker or speedup from a failed or cancelled run", "[timings]")
{
    const ExperimentResult seq{Strategy::Sequential, 1, true, {okRun(1.0, 100)}, 100};
    const ExperimentResult failed{Strategy::Async, 100, true, {failedRun(0.004, 100, QStringLiteral("Connection refused"))}, 100};
    const ExperimentResult stopped{Strategy::Threads, 4, true, {cancelledRun(0.01)}, 100};
    const ExperimentResult mixed{
        Strategy::Processes, 2, true, {okRun(0.5, 100), okRun(0.6, 100), failedRun(0.001, 100, QStringLiteral("died"))}, 100};
    const QList<ui::TimingBar> bars = ui::timingBars({seq, failed, stopped, mixed}, {});
    REQUIRE(bars.size() == 4);
    CHECK(bars[0].hasTime());
    CHECK(bars[1].status == RunStatus::Failed);
    CHECK(bars[1].bestS == 0);
    CHECK(bars[1].maxS == 0);
    CHECK(bars[1].label.contains(QStringLiteral("failed")));
    CHECK_FALSE(bars[1].label.contains(QStringLiteral("speedup")));
    CHECK(bars[2].status == RunStatus::Cancelled);
    CHECK(bars[2].bestS == 0);
    CHECK(bars[2].label.contains(QStringLiteral("stopped")));
    CHECK(bars[3].hasTime());
    CHECK(bars[3].bestS == 0.5);
    CHECK(bars[3].minS == 0.5); // not the failed run's 1 ms
    CHECK(bars[3].maxS == 0.6);
    CHECK(bars[3].failedRuns == 1);
    CHECK(bars[3].label.contains(QStringLiteral("speedup ×2.00")));

    const ExperimentResult seqFailed{Strategy::Sequential, 1, true, {failedRun(0.001, 100, QStringLiteral("x"))}, 100};
    const QList<ui::TimingBar> against = ui::timingBars({seqFailed, mixed}, {});
    CHECK_FALSE(against[0].hasTime());
    CHECK_FALSE(against[1].label.contains(QStringLiteral("speedup"))); // no speedup against a failed baseline

    ui::TimingChart chart;
    chart.setBars(QStringLiteral("t"), bars);
    CHECK(drawnBars(chart) == QList<double>{1.0, 0, 0, 0.5});
}

TEST_CASE("a hidden timing chart is rebuilt when it is shown, not at every finished run", "[timings][window]")
{
    const ExperimentResult seq{Strategy::Sequential, 1, true, {okRun(10.0, 100)}, 100};
    ui::TimingChart chart;
    chart.resize(400, 300);
    chart.setBars(QStringLiteral("first"), ui::timingBars({seq}, {}));
    const QChart *before = chart.chart();
    chart.setBars(QStringLiteral("second"), ui::timingBars({seq, seq}, {}));
    CHECK(chart.chart() == before); // nothing built while nobody can see it
    chart.show();
    CHECK(chart.chart() != before);
    CHECK(chart.chart()->title() == QLatin1String("second"));
    const QChart *shown = chart.chart();
    chart.setBars(QStringLiteral("third"), ui::timingBars({seq}, {}));
    CHECK(chart.chart() != shown); // a visible chart follows at once
    CHECK(chart.chart()->title() == QLatin1String("third"));
    chart.hide();
    chart.setLogScale(true);
    CHECK(chart.currentChart()->axes(Qt::Vertical).value(0)->type() == QAbstractAxis::AxisTypeCategory); // or when asked for
}

TEST_CASE("each strategy has one colour on the chart, and the log scale gives each decade the same height", "[timings]")
{
    const ExperimentResult seq{Strategy::Sequential, 1, true, {okRun(10.0, 100)}, 100};
    const ExperimentResult threads{Strategy::Threads, 64, true, {okRun(0.2, 100)}, 100};
    const ExperimentResult async{Strategy::Async, 100, true, {okRun(0.1, 100)}, 100};
    const ExperimentResult threads2{Strategy::Threads, 8, true, {okRun(1.0, 100)}, 100};
    ui::TimingChart chart;
    chart.setBars(QStringLiteral("t"), ui::timingBars({seq, threads, async, threads2}, {}));
    QAbstractBarSeries *series = test::barSeries(chart);
    REQUIRE(series);
    REQUIRE(series->barSets().size() == 3); // sequential, threads, async: one set (one colour) each
    for (QBarSet *set : series->barSets())
        CHECK(set->color()
            == ui::strategyColour(set->label() == QLatin1String("threads") ? Strategy::Threads
                    : set->label() == QLatin1String("async")               ? Strategy::Async
                                                                           : Strategy::Sequential));
    CHECK(drawnBars(chart) == QList<double>{10.0, 0.2, 0.1, 1.0});

    chart.setLogScale(true); // decades 10 ms … 10 s: heights in decades above 10 ms
    const QList<double> heights = drawnBars(chart);
    REQUIRE(heights.size() == 4);
    CHECK(heights[0] == Approx(3.0));
    CHECK(heights[1] == Approx(1.0 + std::log10(2.0)));
    CHECK(heights[2] == Approx(1.0)); // the fastest still has a bar
    CHECK(heights[3] == Approx(2.0));
    auto *axis = qobject_cast<QCategoryAxis *>(chart.currentChart()->axes(Qt::Vertical).value(0));
    REQUIRE(axis);
    CHECK(axis->categoriesLabels()
        == QStringList{QStringLiteral("10 ms"), QStringLiteral("100 ms"), QStringLiteral("1 s"), QStringLiteral("10 s")});
    chart.setLogScale(false);
    CHECK(drawnBars(chart) == QList<double>{10.0, 0.2, 0.1, 1.0});
}

TEST_CASE("the memory chart shows each experiment's own memory, the median of its ok runs", "[timings][memory]")
{
    auto run = [](qint64 mib, RunStatus status = RunStatus::Ok) {
        RunResult r = okRun(1.0, 100);
        r.memBytes = mib * 1024 * 1024;
        r.status = status;
        return r;
    };
    const ExperimentResult threads{Strategy::Threads, 64, true, {run(3), run(1), run(2)}, 100};
    const ExperimentResult processes{Strategy::Processes, 16, true, {run(60), run(500, RunStatus::Failed)}, 100};
    const ExperimentResult stopped{Strategy::Async, 100, true, {cancelledRun(0.1)}, 100};
    const QList<ui::TimingBar> bars
        = ui::memoryBars({threads, processes, stopped}, {QStringLiteral("IO"), QStringLiteral("IO"), QStringLiteral("IO")});
    REQUIRE(bars.size() == 3);
    CHECK(bars[0].bestS == 2.0); // the median
    CHECK(bars[0].minS == 1.0);
    CHECK(bars[0].maxS == 3.0);
    CHECK(bars[0].label.startsWith(QStringLiteral("IO: threads ×64")));
    CHECK(bars[1].bestS == 60.0); // the failed run's 500 MiB is not a measure
    CHECK_FALSE(bars[2].hasTime());
    CHECK(bars[2].strategy == Strategy::Async);
}

TEST_CASE("a batch whose every request failed is charted as failed, with a banner and no \"Done.\"", "[window]")
{
    Window win;
    const QString url = QStringLiteral("http://127.0.0.1:%1/").arg(test::closedPort());
    ExperimentSpec spec = test::smallSpec(Workload::Io, Strategy::Async, 20, 20, url);
    spec.repeat = 3;
    win.w.runSpec(spec);
    REQUIRE(QTest::qWaitFor([&] { return !win.w.isRunning(); }, 30000));

    REQUIRE(win.w.timingChart()->barCount() == 1);
    const ui::TimingBar bar = win.w.timingChart()->bars().first();
    CHECK(bar.status == RunStatus::Failed);
    CHECK_FALSE(bar.label.contains(QStringLiteral("speedup")));
    CHECK(drawnBars(*win.w.timingChart()) == QList<double>{0});

    ui::ErrorBanner *banner = win.w.errorBanner();
    CHECK(banner->isVisible());
    CHECK(banner->text().contains(QStringLiteral("20 of 20 requests failed")));
    CHECK(banner->text().contains(url));

    ui::ResultsModel *table = win.w.resultsModel();
    REQUIRE(table->rowCount() == 1); // a failed run stops the repeats
    CHECK(table->data(table->index(0, ui::ResultsModel::Status)).toString() == QStringLiteral("failed"));
    CHECK(table->data(table->index(0, ui::ResultsModel::Wall), Qt::BackgroundRole).isValid());
    CHECK(table->toText(QLatin1Char(',')).contains(QStringLiteral(",failed,")));

    CHECK(win.w.statusText() != QStringLiteral("Done."));
    CHECK(win.w.statusText() == QStringLiteral("Finished with errors."));
    CHECK(win.w.timelinePage()->runCount() == 1); // shown, marked as failed
    CHECK(ui::runName({QStringLiteral("x"), Workload::Io, table->rows().first().result}).contains(QStringLiteral("failed")));

    QTest::mouseClick(banner->findChild<QWidget *>(QStringLiteral("dismissError")), Qt::LeftButton);
    CHECK_FALSE(banner->isVisible());
}

TEST_CASE("results loaded from a file follow the same rules", "[window]")
{
    Window win;
    const ExperimentResult seq{Strategy::Sequential, 1, true, {okRun(9.3, 100)}, 100};
    const ExperimentResult failed{Strategy::Async, 100, true, {failedRun(0.004, 100, QStringLiteral("Connection refused"))}, 100};
    win.w.loadResults({seq, failed}, Workload::Io);
    const QList<ui::TimingBar> bars = win.w.timingChart()->bars();
    REQUIRE(bars.size() == 2);
    CHECK(bars[1].status == RunStatus::Failed);
    CHECK_FALSE(bars[1].label.contains(QStringLiteral("speedup")));
    CHECK(win.w.errorBanner()->isVisible());
    CHECK(win.w.errorBanner()->text().contains(QStringLiteral("100 of 100 requests failed: Connection refused")));
    CHECK(win.w.resultsModel()->data(win.w.resultsModel()->index(1, ui::ResultsModel::Status)).toString() == QStringLiteral("failed"));
}

TEST_CASE("the results table keeps a run's numbers, not its spans, so a long lesson stays small", "[window][soak]")
{
    ui::ResultsModel model;
    cl::RunResult run;
    run.wallS = 1.5;
    run.items = 10;
    run.spans = QList<cl::Span>(1000, cl::Span{});
    run.latenciesMs = QList<double>(1000, 1.0);
    model.addRun({QStringLiteral("IO: async"), cl::Workload::Io, 0, run});
    REQUIRE(model.rows().size() == 1);
    CHECK(model.rows().first().result.spans.isEmpty());
    CHECK(model.rows().first().result.latenciesMs.isEmpty());
    CHECK(model.rows().first().result.wallS == 1.5);
    CHECK(model.rows().first().result.items == 10);
}

TEST_CASE("after a run the keyboard focus is on a button, never in a parameter's editor", "[window][focus]")
{
    ui::ExperimentPanel panel({});
    panel.show();
    panel.activateWindow();
    QApplication::setActiveWindow(&panel);
    auto *run = panel.findChildren<QPushButton *>().value(0);
    REQUIRE(run);
    run->setFocus();
    auto inEditor = [] {
        return qobject_cast<QAbstractSpinBox *>(QApplication::focusWidget()) || qobject_cast<QLineEdit *>(QApplication::focusWidget());
    };
    for (int i = 0; i < 3; ++i) {
        panel.setRunning(true);
        INFO("running, round " << i);
        CHECK_FALSE(inEditor());
        panel.setRunning(false);
        INFO("finished, round " << i);
        CHECK_FALSE(inEditor());
        CHECK(qobject_cast<QPushButton *>(QApplication::focusWidget()));
    }
}

TEST_CASE("experiments that differ only in start method or pool are bars of their own, each saying how it ran", "[window][startmethod]")
{
    ui::TimingsPage page({});
    ExperimentSpec spawn = test::smallSpec(Workload::Cpu, Strategy::Processes, 2, 100);
    ExperimentSpec forkserver = spawn;
    forkserver.startMethod = StartMethod::ForkServer;
    ExperimentSpec pooled = spawn;
    pooled.pool = true;
    for (const ExperimentSpec &s : {spawn, forkserver, pooled, forkserver}) // the second forkserver replaces the first
        page.addResult(s, ExperimentResult{Strategy::Processes, 2, true, {okRun(0.1, 100)}, 100});
    const QList<ui::TimingBar> bars = page.chart(Workload::Cpu)->bars();
    REQUIRE(bars.size() == 3);
    CHECK(bars[0].label.contains(QStringLiteral("spawn")));
    CHECK(bars[1].label.contains(QStringLiteral("pool")));
    CHECK(bars[2].label.contains(QStringLiteral("forkserver")));
}
