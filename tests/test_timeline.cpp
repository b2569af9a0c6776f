#include <catch2/catch.hpp>

#include "experiment/sweep.h"
#include "experiment/timeline.h"
#include "helpers.h"
#include "pages/timelinepage.h"
#include "run/experimentrun.h"
#include "window/mainwindow.h"
#include "window/settings.h"

#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <numeric>

using namespace cl;

namespace {
Span span(int worker, WorkerState s, double t0, double t1, WorkerKind k = WorkerKind::Thread)
{
    return Span{worker, k, s, t0, t1};
}
} // namespace

TEST_CASE("the timeline model makes one lane per worker, in order, with its spans", "[timeline]")
{
    const QList<Span> spans{span(1, WorkerState::WaitGil, 0, 0.005), span(0, WorkerState::Running, 0, 0.005),
        span(1, WorkerState::Running, 0.005, 0.010), span(0, WorkerState::WaitGil, 0.005, 0.010)};
    const TimelineModel m(spans, 0.012);
    REQUIRE(m.lanes().size() == 2);
    CHECK(m.lanes()[0].label == QLatin1String("thread 0"));
    CHECK(m.lanes()[1].label == QLatin1String("thread 1"));
    CHECK(m.lanes()[1].spans.first().state == WorkerState::WaitGil);
    CHECK(m.duration() == 0.012);
    CHECK(m.spanCount() == 4);
    CHECK(m.spanAt(0, 0.002)->state == WorkerState::Running);
    CHECK(m.spanAt(1, 0.007)->state == WorkerState::Running);
    CHECK_FALSE(m.spanAt(0, 0.011));
    CHECK_FALSE(m.spanAt(5, 0.001));
    CHECK(m.maxInFlight() == 0);
}

TEST_CASE("columns: one run per state, the higher priority wins a shared pixel", "[timeline]")
{
    const TimelineModel m({span(0, WorkerState::Running, 0, 0.5), span(0, WorkerState::WaitGil, 0.5, 1.0)}, 1.0);
    const QList<LaneColumn> c = m.columns(0, {0, 1}, 100);
    REQUIRE(c.size() == 2);
    CHECK(c[0] == LaneColumn{0, 50, WorkerState::Running});
    CHECK(c[1] == LaneColumn{50, 100, WorkerState::WaitGil});
    const QList<LaneColumn> zoomed = m.columns(0, {0.25, 0.5}, 100); // the first half, zoomed: all running
    REQUIRE(zoomed.size() == 1);
    CHECK(zoomed[0] == LaneColumn{0, 100, WorkerState::Running});
    // A thousand tiny spans in one pixel still draw that pixel, with the winning state.
    QList<Span> tiny;
    for (int i = 0; i < 1000; ++i)
        tiny.append(span(0, i % 2 ? WorkerState::Running : WorkerState::WaitIo, i * 1e-6, (i + 1) * 1e-6));
    const QList<LaneColumn> one = TimelineModel(tiny, 1.0).columns(0, {0, 1}, 100);
    REQUIRE(one.size() == 1);
    CHECK(one[0] == LaneColumn{0, 1, WorkerState::Running});
}

TEST_CASE("thousands of lanes are grouped, and no span is lost", "[timeline]")
{
    QList<Span> spans;
    for (int task = 0; task < 10'000; ++task)
        spans.append(span(task, WorkerState::WaitIo, 0.001 * (task % 7), 0.1 + 0.001 * (task % 5), WorkerKind::Task));
    const TimelineModel m(spans, 0.2, 256);
    CHECK(m.lanes().size() <= 256);
    qsizetype total = 0;
    for (const TimelineLane &l : m.lanes())
        total += l.spans.size();
    CHECK(total == 10'000);
    CHECK(m.lanes().first().isGroup());
    CHECK(m.lanes().first().label == QStringLiteral("tasks 0–39"));
    CHECK(m.maxInFlight() == 10'000);
}

TEST_CASE("the zoom window keeps the anchor and stays inside the run", "[timeline]")
{
    const TimeWindow whole{0, 10};
    const TimeWindow in = whole.zoomed(0.5, 2.0, 10);
    CHECK(in.length() == Approx(5));
    CHECK(in.t0 == Approx(1.0)); // 2.0 stays at 20 % of the window
    const TimeWindow out = in.zoomed(10, 2.0, 10);
    CHECK(out == TimeWindow{0, 10});
    CHECK(in.panned(100, 10) == TimeWindow{5, 10});
    CHECK(in.panned(-100, 10) == TimeWindow{0, 5});
}

TEST_CASE("with the GIL on, no pixel shows two threads running", "[timeline][gil]")
{
    ExperimentSpec spec = test::smallSpec(Workload::Cpu, Strategy::Threads, 2, 400'000);
    spec.switchIntervalUs = 1000;
    const RunResult r = runOnce(spec);
    const TimelineModel m(r.spans, r.wallS);
    REQUIRE(m.lanes().size() == 2);
    const int width = 4000;
    QList<int> running(width, 0);
    const TimeWindow w{0, r.wallS};
    for (int lane = 0; lane < 2; ++lane)
        for (const LaneColumn &c : m.columns(lane, w, width))
            if (c.state == WorkerState::Running && c.x1 - c.x0 > 2) // ignore the shared edge pixel of a hand-off
                for (int x = c.x0 + 1; x < c.x1 - 1; ++x)
                    ++running[x];
    CHECK(*std::max_element(running.begin(), running.end()) == 1);
}

TEST_CASE("Amdahl's fit recovers the serial fraction", "[sweep]")
{
    for (double f : {0.0, 0.1, 0.25, 0.5, 1.0}) {
        QList<QPair<int, double>> points;
        for (int n = 1; n <= 8; ++n)
            points.append({n, amdahlSpeedup(f, n)});
        CHECK(fitSerialFraction(points) == Approx(f).margin(1e-9));
    }
    QList<QPair<int, double>> noisy;
    for (int n = 1; n <= 8; ++n)
        noisy.append({n, amdahlSpeedup(0.2, n) * (n % 2 ? 1.03 : 0.97)});
    CHECK(fitSerialFraction(noisy) == Approx(0.2).margin(0.03));
    CHECK(amdahlSpeedup(0, 4) == Approx(4));
    CHECK(amdahlSpeedup(1, 4) == Approx(1));
}

TEST_CASE("a latency histogram counts every request", "[timeline]")
{
    QList<double> v;
    for (int i = 0; i < 1000; ++i)
        v.append(100 + (i % 37));
    const Histogram h = histogram(v, 30);
    CHECK(h.counts.size() == 30);
    CHECK(std::accumulate(h.counts.begin(), h.counts.end(), 0) == 1000);
    CHECK(h.lo == 100);
    CHECK(h.hi == 136);
    CHECK(histogram({}, 10).counts.isEmpty());
}

TEST_CASE("sweep writes its JSON and PNG, run --timeline-png draws the runs", "[sweep][cli]")
{
    QTemporaryDir dir;
    const QString json = dir.filePath(QStringLiteral("sweep.json")), png = dir.filePath(QStringLiteral("sweep.png"));
    QByteArray out;
    REQUIRE(test::runApp(
                {QStringLiteral("sweep"), QStringLiteral("cpu"), QStringLiteral("--strategy"), QStringLiteral("threads"),
                    QStringLiteral("--max-workers"), QStringLiteral("3"), QStringLiteral("--steps"), QStringLiteral("30000"),
                    QStringLiteral("--repeat"), QStringLiteral("1"), QStringLiteral("--json"), json, QStringLiteral("--chart-png"), png},
                &out)
        == 0);
    CHECK(out.contains("serial fraction"));
    QFile f(json);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    CHECK(o[QLatin1String("strategy")].toString() == QLatin1String("threads"));
    CHECK(o[QLatin1String("points")].toArray().size() == 3);
    CHECK(o[QLatin1String("serial_fraction")].toDouble() >= 0.0);
    CHECK(QImageReader(png).size() == QSize(1000, 650));

    const QString timeline = dir.filePath(QStringLiteral("timeline.png"));
    REQUIRE(test::runApp({QStringLiteral("run"), QStringLiteral("io"), QStringLiteral("--strategy"), QStringLiteral("async,threads"),
                QStringLiteral("--requests"), QStringLiteral("20"), QStringLiteral("--workers"), QStringLiteral("4"),
                QStringLiteral("--delay-ms"), QStringLiteral("5"), QStringLiteral("--repeat"), QStringLiteral("1"),
                QStringLiteral("--timeline-png"), timeline})
        == 0);
    CHECK(QImageReader(timeline).canRead());
    CHECK(test::runApp({QStringLiteral("sweep"), QStringLiteral("cpu"), QStringLiteral("--strategy"), QStringLiteral("sequential")}) == 2);
}

TEST_CASE("the Timeline page shows finished runs and pins one for comparison", "[timeline][window]")
{
    ui::TimelinePage panel;
    panel.resize(900, 600);
    panel.show();
    const RunResult a = runOnce(test::smallSpec(Workload::Cpu, Strategy::Threads, 2, 50'000));
    RunResult b = runOnce(test::smallSpec(Workload::Cpu, Strategy::Threads, 2, 100'000));
    panel.addRun({QStringLiteral("a"), Workload::Cpu, a});
    REQUIRE(panel.current()->model());
    CHECK(panel.current()->model()->lanes().size() == 2);
    panel.pinCurrent();
    CHECK(panel.pinned()->isVisible());
    panel.addRun({QStringLiteral("b"), Workload::Cpu, b});
    CHECK(panel.runCount() == 2);
    // the same scale: both views span the longer run
    CHECK(panel.current()->total() == panel.pinned()->total());
    CHECK(panel.current()->total() == Approx(std::max(a.wallS, b.wallS)).epsilon(0.05));
    panel.current()->setWindow({0, panel.current()->total() / 2});
    CHECK(panel.pinned()->window() == panel.current()->window()); // zoom and pan move both
    panel.unpin();
    CHECK_FALSE(panel.pinned()->isVisible());
}

TEST_CASE("a round histogram has bins of a round width on round edges, and counts every value", "[timeline]")
{
    const QList<double> v{100.4, 101.2, 103.9, 107.5, 112.0, 100.1, 131.7};
    const Histogram h = roundHistogram(v, 30);
    REQUIRE_FALSE(h.counts.isEmpty());
    CHECK(h.counts.size() <= 30);
    CHECK(h.binWidth() == Approx(2.0)); // 31.6 ms over 30 bins: 1.05 each, rounded up to 2
    CHECK(h.lo == Approx(100.0));
    CHECK(std::accumulate(h.counts.begin(), h.counts.end(), 0) == v.size());
    const Histogram one = roundHistogram({5.0, 5.0}, 30);
    CHECK(one.counts == QList<int>{2});
    CHECK(roundHistogram({}, 30).counts.isEmpty());
}

TEST_CASE("with an older run pinned, each new run shows under it, and the histogram follows the run shown", "[timeline][window]")
{
    ui::TimelinePage panel;
    panel.resize(900, 600);
    panel.show();
    RunResult cpu = runOnce(test::smallSpec(Workload::Cpu, Strategy::Threads, 2, 20'000));
    RunResult io = cpu;
    io.latenciesMs = {100.5, 101.0, 103.2};
    panel.addRun({QStringLiteral("a"), Workload::Cpu, cpu});
    panel.addRun({QStringLiteral("b"), Workload::Io, io});
    auto *picker = panel.findChild<QComboBox *>();
    REQUIRE(picker);
    QWidget *histogram = panel.findChild<QChartView *>()->parentWidget();
    CHECK(histogram->isVisible()); // b, an IO run, is shown
    picker->setCurrentIndex(0);
    CHECK_FALSE(histogram->isVisible()); // a CPU run has no latencies to draw
    panel.pinCurrent();
    panel.addRun({QStringLiteral("c"), Workload::Cpu, cpu});
    CHECK(panel.current()->title().startsWith(QStringLiteral("c — ")));
    CHECK(panel.pinned()->title().contains(QStringLiteral("a — ")));
}

TEST_CASE("the latency histogram is built when the Timeline is shown, not behind another tab", "[timeline][window]")
{
    ui::TimelinePage panel;
    panel.resize(900, 600);
    RunResult io = runOnce(test::smallSpec(Workload::Cpu, Strategy::Threads, 2, 20'000));
    io.latenciesMs = {100.5, 101.0, 103.2};
    panel.addRun({QStringLiteral("hidden"), Workload::Io, io});
    auto *view = panel.findChild<QChartView *>();
    REQUIRE(view);
    CHECK(view->chart()->series().isEmpty()); // a finished run costs a hidden page no chart
    panel.show();
    REQUIRE(view->chart()->series().size() == 1);
    CHECK(view->chart()->title().contains(QStringLiteral("hidden")));
}

TEST_CASE("a finished run keeps the CPU samples taken while it ran, and the cursor points at the same moment on the CPU graphs",
    "[timeline][window]")
{
    cl::CpuHistory history(600);
    auto sample = [](qint64 t) {
        cl::CpuLoad l{0.5, 0.1};
        l.ownUser = 0.4;
        return cl::CpuSample{t, l, {{0, l}, {1, l}}};
    };
    for (qint64 t = 0; t <= 1000; t += 100)
        history.append(sample(t));
    ui::TimelinePage page;
    page.resize(900, 500);
    page.show();
    page.setCpuHistory(&history);
    RunResult run = runOnce(test::smallSpec(Workload::Cpu, Strategy::Threads, 2, 50'000));
    run.startMonoMs = 450;
    run.wallS = 0.9; // ends at 1350: the samples up to 1400 have not come yet
    page.addRun({QStringLiteral("a"), Workload::Cpu, run});
    REQUIRE(page.current()->model());
    CHECK(page.current()->originMs() == 450);
    CHECK(page.current()->contentHeight() > 0);
    for (qint64 t = 1100; t <= 1600; t += 100) { // the monitor goes on
        history.append(sample(t));
        page.cpuSampled();
    }
    // From the sample before its start (400) to the first one after its end (1400).
    QSignalSpy cursor(&page, &ui::TimelinePage::cursorAt);
    QWidget *lanes = page.current()->viewport();
    const QRect plot = lanes->rect().adjusted(120, 44, -8, -40);
    QTest::mouseMove(lanes, QPoint(plot.left() + plot.width() / 2, plot.top() + 5));
    REQUIRE_FALSE(cursor.isEmpty());
    const qint64 at = cursor.last().at(0).toLongLong();
    CHECK(at > 450);
    CHECK(at < 1350);
}
