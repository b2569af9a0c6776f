#include <catch2/catch.hpp>

#include "charts/export.h"
#include "charts/timelineview.h"
#include "charts/timingchart.h"
#include "experiment/beyond.h"
#include "helpers.h"
#include "models/resultsmodel.h"
#include "pages/cpupage.h"
#include "pages/experimentpanel.h"
#include "pages/filespage.h"
#include "pages/pitfallspage.h"
#include "pages/speeduppage.h"
#include "pages/timelinepage.h"
#include "pages/timingspage.h"
#include "window/gui.h"
#include "window/helpdialogs.h"
#include "window/mainwindow.h"
#include "window/settings.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace cl;

namespace {
struct WorkerIsTheApp {
    WorkerIsTheApp() { qputenv("CONCURRENCY_LAB_WORKER", CL_APP_PATH); } // not this test binary
};
struct Window : WorkerIsTheApp {
    QTemporaryDir dir;
    ui::MainWindow w{ui::Settings(dir.filePath(QStringLiteral("s.ini")))};
    Window() { w.show(); }
    QPushButton *button(const char *name) { return w.findChild<QPushButton *>(QLatin1String(name)); }
};
} // namespace

TEST_CASE("clicking Run on a small experiment fills the chart and the table", "[window]")
{
    Window win;
    ExperimentSpec spec = test::smallSpec(Workload::Cpu, Strategy::Threads, 2, 20'000);
    spec.repeat = 2;
    win.w.experimentPanel()->setSpec(spec);
    QPushButton *run = win.button("runButton");
    REQUIRE(run);
    QTest::mouseClick(run, Qt::LeftButton);
    CHECK(win.w.isRunning());
    CHECK_FALSE(run->isEnabled());
    REQUIRE(QTest::qWaitFor([&] { return !win.w.isRunning(); }, 30000));
    CHECK(run->isEnabled());
    CHECK(win.w.resultsModel()->rowCount() == 2);
    CHECK(win.w.timingChart()->barCount() == 1);
    CHECK(win.w.resultsModel()->toText(QLatin1Char('\t')).count(QLatin1Char('\n')) == 3);
}

TEST_CASE("Export all writes both charts, the JSON results and the CSV", "[window][export]")
{
    Window win;
    ExperimentResult r{Strategy::Threads, 2, true, {RunResult{}}, 1000};
    r.runs[0].wallS = 0.5;
    r.runs[0].items = 1000;
    win.w.loadResults({r}, Workload::Cpu);
    QTemporaryDir out;
    const QString dir = out.filePath(QStringLiteral("слайды"));
    REQUIRE(QDir().mkpath(dir));
    QString error;
    REQUIRE(win.w.exportAllTo(dir, &error));
    CHECK(QImageReader(dir + QStringLiteral("/cpu.png")).canRead());
    CHECK(QImageReader(dir + QStringLiteral("/timings.png")).canRead());
    CHECK(QFile::exists(dir + QStringLiteral("/results-cpu.json")));
    CHECK_FALSE(QFile::exists(dir + QStringLiteral("/results-io.json")));
    QFile csv(dir + QStringLiteral("/results.csv"));
    REQUIRE(csv.open(QIODevice::ReadOnly));
    CHECK(csv.readAll().count('\n') == 2);
    CHECK_FALSE(win.w.exportAllTo(out.filePath(QStringLiteral("missing")), &error));
}

TEST_CASE("Stop during a run returns to idle with no child process left", "[window]")
{
    Window win;
    ExperimentSpec spec = test::smallSpec(Workload::Cpu, Strategy::Processes, 2, 2'000'000'000);
    win.w.experimentPanel()->setSpec(spec);
    QTest::mouseClick(win.button("runButton"), Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([] { return test::childPids().size() >= 2; }, 20000));
    QTest::mouseClick(win.button("stopButton"), Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&] { return !win.w.isRunning(); }, 10000));
    CHECK(win.button("runButton")->isEnabled());
    CHECK(test::childPids().isEmpty());
}

TEST_CASE("export writes a valid PNG of the requested scale", "[export]")
{
    QTemporaryDir dir;
    ui::TimingChart chart;
    chart.resize(400, 300);
    chart.show();
    ExperimentResult r{Strategy::Sequential, 1, true, {RunResult{}}, 1};
    r.runs[0].wallS = 1.5;
    chart.setBars(QStringLiteral("t"), ui::timingBars({r}, {1.37}));
    for (int scale : {1, 2}) {
        const QString path = dir.filePath(QStringLiteral("график-%1.png").arg(scale));
        QString error;
        REQUIRE(ui::exportPng(&chart, path, scale, &error));
        QImageReader reader(path);
        CHECK(reader.format() == "png");
        CHECK(reader.size() == QSize(400 * scale, 300 * scale));
    }
    QString error;
    CHECK_FALSE(ui::exportPng(&chart, dir.filePath(QStringLiteral("no/such/dir/x.png")), 1, &error));
    CHECK_FALSE(error.isEmpty());
}

TEST_CASE("run --chart-png and screenshot render without a display", "[export]")
{
    QTemporaryDir dir;
    const QString chart = dir.filePath(QStringLiteral("chart.png"));
    REQUIRE(test::runApp({QStringLiteral("run"), QStringLiteral("cpu"), QStringLiteral("--steps"), QStringLiteral("1000"),
                QStringLiteral("--repeat"), QStringLiteral("1"), QStringLiteral("--chart-png"), chart})
        == 0);
    CHECK(QImageReader(chart).size() == QSize(1200, 700));
    const QString shot = dir.filePath(QStringLiteral("shot.png"));
    REQUIRE(test::runApp({QStringLiteral("screenshot"), QStringLiteral("--page"), QStringLiteral("processes"), QStringLiteral("--size"),
                QStringLiteral("900x600"), QStringLiteral("--wait-ms"), QStringLiteral("300"), shot})
        == 0);
    CHECK(QImageReader(shot).size() == QSize(900, 600));
    CHECK(test::runApp({QStringLiteral("screenshot"), QStringLiteral("--page"), QStringLiteral("nope"), shot}) == 2);
}

TEST_CASE("settings survive a round trip", "[settings]")
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("s.ini"));
    ExperimentSpec spec;
    spec.workload = Workload::Io;
    spec.strategy = Strategy::Processes;
    spec.workers = 16;
    spec.requests = 250;
    spec.gil = false;
    spec.repeat = 5;
    spec.startMethod = StartMethod::ForkServer;
    spec.pool = true;
    spec.switchIntervalUs = 20'000;
    {
        ui::Settings s(ini);
        s.setLastSpec(spec);
        s.setLessonRow(-2);
        s.setSamplingHz(20);
        s.setExportScale(2);
        s.setLanguage(QStringLiteral("ru"));
        s.setServerDelayMs(250);
        s.sync();
    }
    ui::Settings s(ini);
    const ExperimentSpec back = s.lastSpec();
    CHECK(back.workload == spec.workload);
    CHECK(back.strategy == spec.strategy);
    CHECK(back.workers == 16);
    CHECK(back.requests == 250);
    CHECK_FALSE(back.gil);
    CHECK(back.repeat == 5);
    CHECK(back.startMethod == StartMethod::ForkServer);
    CHECK(back.pool);
    CHECK(back.switchIntervalUs == 20'000);
    {
        WorkerIsTheApp worker;
        ui::MainWindow w{ui::Settings(ini)}; // the window comes back with that custom experiment, no lesson row selected
        CHECK(w.experimentPanel()->spec().startMethod == StartMethod::ForkServer);
        CHECK(w.experimentPanel()->spec().pool);
        CHECK(w.experimentPanel()->findChild<QListWidget *>()->currentRow() == -1);
    }
    CHECK(s.samplingHz() == 20);
    CHECK(s.exportScale() == 2);
    CHECK(s.language() == QLatin1String("ru"));
    CHECK(s.serverDelayMs() == 250);
    ui::Settings(ini).setSamplingHz(500);
    CHECK(ui::Settings(ini).samplingHz() == 20); // clamped to 1..20
}

TEST_CASE("the Russian translation loads and leaves no string untranslated", "[i18n]")
{
    QTranslator t;
    REQUIRE(t.load(QStringLiteral(":/i18n/concurrency-lab_ru.qm")));
    CHECK(t.translate("ui::MainWindow", "Live CPU") == QStringLiteral("Загрузка ЦП"));
    CHECK(t.translate("Lesson", "CPU: 2 threads") == QStringLiteral("CPU: 2 потока"));
    QFile ts(QStringLiteral(CL_TS_FILE));
    REQUIRE(ts.open(QIODevice::ReadOnly));
    const QByteArray text = ts.readAll();
    CHECK(text.count("<message") > 100);
    CHECK(text.count("type=\"unfinished\"") == 0);
    CHECK(text.count("type=\"vanished\"") == 0);
    CHECK(text.count("type=\"obsolete\"") == 0);
}

TEST_CASE("a sweep from the Speedup page draws its points, and a plain run afterwards leaves them", "[window][sweep]")
{
    Window win;
    ExperimentSpec spec = test::smallSpec(Workload::Cpu, Strategy::Threads, 2, 20'000);
    spec.repeat = 1;
    win.w.experimentPanel()->setSpec(spec);
    win.w.runSweep(Strategy::Threads, true, 2, Workload::Cpu);
    CHECK(win.w.isRunning());
    REQUIRE(QTest::qWaitFor([&] { return !win.w.isRunning(); }, 30000));
    ui::SpeedupChart *chart = win.w.speedupPage()->chart();
    REQUIRE(chart->hasSweep());
    REQUIRE(chart->sweep()->points.size() == 2); // 1 and 2 workers, against sequential
    CHECK(chart->sweep()->strategy == Strategy::Threads);
    CHECK(win.w.resultsModel()->rowCount() == 3);
    CHECK(win.w.timingChart()->barCount() == 0); // a sweep is the Speedup page's

    QTest::mouseClick(win.button("runButton"), Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&] { return !win.w.isRunning(); }, 30000));
    REQUIRE(chart->hasSweep());
    CHECK(chart->sweep()->points.size() == 2);
    CHECK(win.w.resultsModel()->rowCount() == 4);
    CHECK(win.w.timingChart()->barCount() == 1);
}

TEST_CASE("Help lists every shortcut once, each keys for one action", "[window][help]")
{
    Window win;
    const auto rows = ui::shortcutList(win.w.menuBar());
    QStringList keys;
    for (const auto &[action, shortcut] : rows) {
        INFO(action.toStdString() << " = " << shortcut.toStdString());
        CHECK_FALSE(keys.contains(shortcut)); // two actions on one key: Qt runs neither
        keys.append(shortcut);
    }
    for (const char *expected : {"F1", "F5", "Ctrl+F5", "Esc", "F11", "Ctrl+E", "Ctrl+Shift+E", "Alt+1"})
        CHECK(keys.contains(QLatin1String(expected)));
}

TEST_CASE("Export all writes the timeline and the speedup chart while another tab is open", "[window][export]")
{
    Window win;
    ExperimentSpec spec = test::smallSpec(Workload::Cpu, Strategy::Threads, 2, 20'000);
    spec.repeat = 1;
    win.w.experimentPanel()->setSpec(spec);
    win.w.runSweep(Strategy::Threads, true, 2, Workload::Cpu); // fills the timeline and the speedup chart
    REQUIRE(QTest::qWaitFor([&] { return !win.w.isRunning(); }, 30000));
    REQUIRE(win.w.speedupPage()->chart()->hasSweep());
    REQUIRE(win.w.showPage(QStringLiteral("cpu"))); // the Timeline and Speedup tabs were never opened
    QTemporaryDir out;
    QString error;
    REQUIRE(win.w.exportAllTo(out.path(), &error));
    for (const char *name : {"cpu.png", "timings.png", "timeline.png", "speedup.png"}) {
        INFO(name);
        const QSize size = QImageReader(out.filePath(QLatin1String(name))).size();
        CHECK(size.width() >= 200);
        CHECK(size.height() >= 100);
    }
    CHECK(win.w.pages()->currentWidget() == win.w.cpuPage()); // the tab the teacher had open
    // The CPU graphs under a title band; the timeline (legend + two lanes) only as tall as it needs.
    CHECK(QImageReader(out.filePath(QStringLiteral("cpu.png"))).size().height() > win.w.cpuPage()->chartArea()->height() + 10);
    const QImage timeline(out.filePath(QStringLiteral("timeline.png")));
    CHECK(timeline.height() < 300);
    bool running = false; // the legend's and the lanes' colour for "running" is in it
    for (int y = 0; y < timeline.height() && !running; ++y)
        for (int x = 0; x < timeline.width() && !running; ++x)
            running = timeline.pixelColor(x, y) == ui::stateColor(cl::WorkerState::Running);
    CHECK(running);
}

TEST_CASE("after a run the timeline shows it finished, never still running", "[window][timeline]")
{
    Window win;
    win.w.showPage(QStringLiteral("timeline")); // the live view draws only when seen
    ExperimentSpec spec = test::smallSpec(Workload::Cpu, Strategy::Threads, 2, 2'000'000);
    spec.repeat = 2;
    win.w.experimentPanel()->setSpec(spec);
    QTest::mouseClick(win.button("runButton"), Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&] { return !win.w.isRunning(); }, 60000));
    QTest::qWait(300); // any snapshot still on its way
    const QString title = win.w.timelinePage()->current()->title();
    INFO(title.toStdString());
    CHECK(title.contains(QLatin1String("run 2")));
    CHECK_FALSE(title.contains(QLatin1String("so far")));
}

TEST_CASE("the CPU graphs show the last 20 s by default, and View chooses 10 or 60 s, remembered", "[window]")
{
    WorkerIsTheApp worker;
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("s.ini"));
    {
        ui::MainWindow w{ui::Settings(ini)};
        CHECK(w.cpuPage()->windowS() == 20);
        CHECK(w.cpuPage()->history().capacity() == 20 * 10); // 10 Hz by default
        QAction *tenSeconds = nullptr;
        for (QAction *a : w.menuBar()->findChildren<QAction *>())
            if (a->text() == QLatin1String("Last 10 s"))
                tenSeconds = a;
        REQUIRE(tenSeconds);
        tenSeconds->trigger();
        CHECK(w.cpuPage()->windowS() == 10);
        CHECK(w.cpuPage()->history().capacity() == 10 * 10);
        CHECK(w.cpuPage()->findChild<QLabel *>(QStringLiteral("cpuLegend"))->text().contains(QLatin1String("last 10 s")));
    }
    ui::MainWindow again{ui::Settings(ini)};
    CHECK(again.cpuPage()->windowS() == 10);
}

TEST_CASE("Timings keeps CPU and IO both on screen, the lesson's experiments in the lesson's order", "[window]")
{
    Window win;
    RunResult ok;
    ok.wallS = 0.5;
    ok.items = 100;
    win.w.loadResults({ExperimentResult{Strategy::Async, 100, true, {ok}, 100}, ExperimentResult{Strategy::Sequential, 1, true, {ok}, 100}},
        Workload::Io);
    ok.items = 10'000'000;
    win.w.loadResults({ExperimentResult{Strategy::Threads, 2, true, {ok}, 10'000'000}}, Workload::Cpu);
    ui::TimingChart *io = win.w.timingsPage()->chart(Workload::Io), *cpu = win.w.timingsPage()->chart(Workload::Cpu);
    REQUIRE(io->barCount() == 2);
    CHECK(io->bars()[0].label.startsWith(QLatin1String("sequential"))); // the notebook's In [86] before In [94]
    CHECK(io->bars()[1].label.startsWith(QLatin1String("async")));
    CHECK(cpu->barCount() == 1);
    CHECK_FALSE(io->isHidden()); // on the Timings tab, which is not the open one
    CHECK_FALSE(cpu->isHidden());
}

TEST_CASE("presentation mode enlarges the charts Qt Charts draws and the Files log, and gives them back", "[window][presentation]")
{
    Window win;
    auto sizes = [&] {
        return QList<qreal>{win.w.speedupPage()->chart()->chart()->titleFont().pointSizeF(),
            win.w.filesPage()->findChild<QPlainTextEdit *>()->font().pointSizeF()};
    };
    const QList<qreal> normal = sizes();
    win.w.setPresentationMode(true);
    QCoreApplication::processEvents(); // the font change reaches the widgets as posted events
    const QList<qreal> large = sizes();
    for (int i = 0; i < normal.size(); ++i) {
        INFO(i);
        CHECK(large[i] >= normal[i] + 4);
    }
    win.w.setPresentationMode(false);
    QCoreApplication::processEvents();
    CHECK(sizes() == normal);
}

TEST_CASE("presentation mode fits a 1366x768 screen: no page, panel or status line asks for more", "[window][presentation]")
{
    Window win;
    win.w.setPresentationMode(true, false);
    for (const char *language : {"en", "ru"}) {
        win.w.setLanguage(QLatin1String(language));
        for (int i = 0; i < win.w.pages()->count(); ++i) {
            win.w.pages()->setCurrentIndex(i);
            QCoreApplication::processEvents();
            const QSize window = win.w.minimumSizeHint(), page = win.w.pages()->widget(i)->minimumSizeHint(),
                        panel = win.w.experimentPanel()->minimumSizeHint(), status = win.w.statusBar()->minimumSizeHint(),
                        tabs = win.w.pages()->tabBar()->minimumSizeHint();
            INFO(language << ", page " << i << ": window " << window.width() << "x" << window.height() << ", page " << page.width() << "x"
                          << page.height() << ", panel " << panel.width() << "x" << panel.height() << ", status line " << status.width()
                          << ", tabs " << tabs.width());
            CHECK(window.width() <= 1366);
            CHECK(window.height() <= 768);
        }
    }
    win.w.setLanguage(QStringLiteral("en"));
    win.w.setPresentationMode(false, false);
}

TEST_CASE("the race and the convoy run from the lesson list onto the GIL pitfalls page and the timeline", "[window][beyond]")
{
    Window win;
    ui::ExperimentPanel *panel = win.w.experimentPanel();
    const QList<BeyondExperiment> beyond = beyondExperiments({}, {});
    const auto indexOf = [&](BeyondExperiment::Kind kind) {
        return int(
            std::find_if(beyond.begin(), beyond.end(), [kind](const BeyondExperiment &e) { return e.kind == kind; }) - beyond.begin());
    };
    auto *races = win.w.findChild<QTableWidget *>(QStringLiteral("raceTable"));
    auto *convoys = win.w.findChild<QTableWidget *>(QStringLiteral("convoyTable"));
    REQUIRE(races);
    REQUIRE(convoys);

    panel->selectBeyond(indexOf(BeyondExperiment::Kind::Race));
    QTest::mouseClick(win.button("runButton"), Qt::LeftButton);
    CHECK(win.w.isRunning());
    CHECK(win.button("stopButton")->isEnabled());
    REQUIRE(QTest::qWaitFor([&] { return !win.w.isRunning(); }, 60000));
    REQUIRE(races->rowCount() == 3);
    CHECK(panel->findChild<QProgressBar *>()->value() == panel->findChild<QProgressBar *>()->maximum());
    CHECK(races->item(0, 4)->text().startsWith(QLatin1Char('0'))); // with the GIL: nothing lost
    CHECK(races->item(1, 0)->text() == gilModeName(false)); // free-threaded: how many are lost depends on the cores, not asserted
    CHECK(races->item(2, 4)->text().startsWith(QLatin1Char('0'))); // with a lock: exact again
    CHECK(win.w.pages()->currentWidget() == races->window()->findChild<ui::PitfallsPage *>());

    const int timelineRuns = win.w.timelinePage()->runCount();
    panel->selectBeyond(indexOf(BeyondExperiment::Kind::Convoy));
    QTest::mouseClick(win.button("runButton"), Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&] { return !win.w.isRunning(); }, 60000));
    CHECK(convoys->rowCount() == 4);
    CHECK(win.w.timelinePage()->runCount() == timelineRuns + 4); // each with its lanes and latency histogram

    QTest::mouseClick(win.button("runButton"), Qt::LeftButton); // Stop ends it at once
    REQUIRE(win.w.isRunning());
    QTest::mouseClick(win.button("stopButton"), Qt::LeftButton);
    CHECK(QTest::qWaitFor([&] { return !win.w.isRunning(); }, 5000));
}
