// The Code page: the notebook's Python (fixed, the fixes marked) and the C++ the app runs, for
// each of the lesson's experiments, following the experiment chosen in the panel.
#include <catch2/catch.hpp>

#include "experiment/beyond.h"
#include "pages/codepage.h"
#include "pages/experimentpanel.h"
#include "strategies/strategy.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QSpinBox>

using namespace cl;

TEST_CASE("every lesson experiment has its Python and its C++, and the notebook's bugs are fixed and marked", "[code]")
{
    const QList<LessonExperiment> lesson = lessonExperiments({});
    ui::CodePage page(lesson);
    for (int row = 0; row < lesson.size(); ++row) {
        INFO(lesson[row].title);
        page.showExperiment(row);
        CHECK(page.shown() == row);
        CHECK(page.python().startsWith(QStringLiteral("# %1").arg(QLatin1String(lesson[row].cell))));
        CHECK_FALSE(page.cpp().isEmpty());
        CHECK(QFile::exists(ui::CodePage::codePath(lesson[row].spec, "py")));
    }
    auto pythonOf = [&](Workload w, Strategy s) {
        for (int row = 0; row < lesson.size(); ++row)
            if (lesson[row].spec.workload == w && lesson[row].spec.strategy == s) {
                page.showExperiment(row);
                return page.python();
            }
        return QString();
    };
    const QString processes = pythonOf(Workload::Cpu, Strategy::Processes);
    CHECK(processes.contains(QStringLiteral("processes.append(p)")));
    CHECK_FALSE(processes.contains(QStringLiteral("processes.append(t)")));
    CHECK(processes.contains(QStringLiteral("range(NUM_PROCESSES):   # FIXED")));
    CHECK(pythonOf(Workload::Io, Strategy::Threads).contains(QStringLiteral("STEPS % NUM_THREADS"))); // 100 // 64 made 64 requests
    CHECK(pythonOf(Workload::Io, Strategy::Processes).contains(QStringLiteral("STEPS % NUM_PROCESSES")));
    const QString async = pythonOf(Workload::Io, Strategy::Async);
    CHECK(async.contains(QStringLiteral("aiohttp.ClientSession")));
    CHECK_FALSE(async.contains(QStringLiteral("async with aiohttp.get("))); // gone from aiohttp
}

TEST_CASE("the Code page follows the experiment chosen in the panel", "[code][window]")
{
    const QList<LessonExperiment> lesson = lessonExperiments(QStringLiteral("http://127.0.0.1:1/"));
    ui::ExperimentPanel panel(lesson);
    ui::CodePage page(lesson);
    QObject::connect(&panel, &ui::ExperimentPanel::lessonSelected, &page, &ui::CodePage::showExperiment);
    panel.selectLesson(4);
    CHECK(page.shown() == 4);
    CHECK(page.python().startsWith(QStringLiteral("# In [93]")));
}

TEST_CASE("a strategy picked by hand after a one-worker lesson gets the lesson's workers and says what to watch for", "[window]")
{
    const QList<LessonExperiment> lesson = lessonExperiments(QStringLiteral("http://127.0.0.1:1/"));
    ui::ExperimentPanel panel(lesson);
    panel.selectLesson(0); // CPU: sequential, one worker
    auto *strategy = panel.findChild<QComboBox *>(QStringLiteral("strategy"));
    REQUIRE(strategy);
    const int interpreters = strategy->findData(int(Strategy::Interpreters));
    REQUIRE(interpreters >= 0);
    strategy->setCurrentIndex(interpreters);
    emit strategy->activated(interpreters); // as a click on it does
    CHECK(panel.spec().strategy == Strategy::Interpreters);
    CHECK(panel.spec().workers == describe(Strategy::Interpreters).defaultWorkers(Workload::Cpu));
    CHECK(panel.findChild<QListWidget *>()->currentRow() == -1); // no longer the lesson's sequential run
    CHECK(panel.findChild<QLabel *>(QStringLiteral("watchFor"))->text().contains(QStringLiteral("GIL per interpreter")));

    const int threads = strategy->findData(int(Strategy::Threads));
    strategy->setCurrentIndex(threads);
    emit strategy->activated(threads);
    CHECK(panel.findChild<QListWidget *>()->currentRow() == 1); // CPU: 2 threads is the lesson's again

    auto *build = panel.findChild<QComboBox *>(QStringLiteral("pythonBuild"));
    REQUIRE(build);
    const int freeThreaded = build->findData(false);
    build->setCurrentIndex(freeThreaded);
    emit build->activated(freeThreaded);
    CHECK_FALSE(panel.spec().gil);
    CHECK(panel.findChild<QListWidget *>()->currentRow() == -1); // the lesson ran its threads with the GIL
}

TEST_CASE("the start method, the pool and the switch interval reach the run and apply only where they mean something", "[window]")
{
    const QList<LessonExperiment> lesson = lessonExperiments(QStringLiteral("http://127.0.0.1:1/"));
    ui::ExperimentPanel panel(lesson);
    panel.selectLesson(2); // CPU: 2 processes
    REQUIRE(panel.spec().strategy == Strategy::Processes);
    auto *method = panel.findChild<QComboBox *>(QStringLiteral("startMethod"));
    auto *pool = panel.findChild<QCheckBox *>(QStringLiteral("pool"));
    auto *switchMs = panel.findChild<QSpinBox *>(QStringLiteral("switchInterval"));
    REQUIRE(method);
    REQUIRE(pool);
    REQUIRE(switchMs);
    CHECK(method->isEnabled());
    CHECK(pool->isEnabled());
    CHECK(switchMs->value() == kDefaultSwitchIntervalUs / 1000);
    const int forkserver = method->findData(int(StartMethod::ForkServer));
    method->setCurrentIndex(forkserver);
    emit method->activated(forkserver);
    pool->click();
    switchMs->setValue(20);
    CHECK(panel.spec().startMethod == StartMethod::ForkServer);
    CHECK(panel.spec().pool);
    CHECK(panel.spec().switchIntervalUs == 20'000);
    CHECK(panel.findChild<QListWidget *>()->currentRow() == -1); // not the notebook's processes any more

    panel.selectLesson(0); // sequential: nothing to start or keep, no GIL to hand over
    CHECK_FALSE(method->isEnabled());
    CHECK_FALSE(pool->isEnabled());
    CHECK_FALSE(switchMs->isEnabled());
    CHECK_FALSE(panel.spec().pool);
    panel.selectLesson(1); // threads: a pool, but no start method
    CHECK_FALSE(method->isEnabled());
    CHECK(pool->isEnabled());
}

TEST_CASE("the lesson list has a second section beyond the notebook whose rows run their batch", "[window][beyond]")
{
    const QList<LessonExperiment> lesson = lessonExperiments(QStringLiteral("http://127.0.0.1:1/"));
    ui::ExperimentPanel panel(lesson);
    auto *list = panel.findChild<QListWidget *>();
    const QList<BeyondExperiment> beyond = beyondExperiments({}, {});
    REQUIRE(list->count() == lesson.size() + 1 + beyond.size());
    CHECK_FALSE(list->item(int(lesson.size()))->flags() & Qt::ItemIsSelectable); // the section's title
    CHECK(list->item(int(lesson.size()))->text().contains(QStringLiteral("3.12")));
    QList<int> requested;
    QObject::connect(&panel, &ui::ExperimentPanel::beyondRequested, [&](int index) { requested.append(index); });
    int custom = 0;
    QObject::connect(&panel, &ui::ExperimentPanel::runRequested, [&] { ++custom; });
    panel.selectBeyond(0); // subinterpreters
    CHECK(panel.spec().strategy == beyond[0].runs.last().strategy);
    CHECK(
        panel.findChild<QLabel *>(QStringLiteral("watchFor"))->text().contains(QCoreApplication::translate("Lesson", beyond[0].watchFor)));
    panel.runSelected();
    CHECK(requested == QList<int>{0});
    CHECK(custom == 0);
    panel.selectLesson(1);
    panel.runSelected();
    CHECK(custom == 1); // a lesson row runs the form's experiment
}
