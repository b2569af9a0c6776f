// The run history: every finished experiment kept across restarts, with when each run ended.
#include <catch2/catch.hpp>

#include "experiment/resultjson.h"
#include "helpers.h"
#include "models/resultsmodel.h"
#include "run/history.h"
#include "window/mainwindow.h"
#include "window/settings.h"

#include <QAction>
#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cl;

namespace {
ExperimentResult resultOf(Strategy s, double wallS, qint64 finishedAtMs)
{
    RunResult run;
    run.wallS = wallS;
    run.items = 100;
    run.finishedAtMs = finishedAtMs;
    run.spans = {Span{0, WorkerKind::Thread, WorkerState::Running, 0, wallS}};
    run.latenciesMs = {1.0, 2.0};
    return {s, 2, true, {run}, 100};
}
} // namespace

TEST_CASE("the history keeps each experiment with its runs' end times, skips what it cannot read, and clears", "[history]")
{
    QTemporaryDir dir;
    const RunHistory history(dir.filePath(QStringLiteral("новая папка/history.jsonl")));
    CHECK(history.load().isEmpty()); // none yet
    ExperimentSpec io = test::smallSpec(Workload::Io, Strategy::Async, 100, 100, QStringLiteral("http://127.0.0.1:1/"));
    REQUIRE(
        history.append(test::smallSpec(Workload::Cpu, Strategy::Threads, 2, 1000), resultOf(Strategy::Threads, 1.5, 1'700'000'000'123)));
    {
        QFile file(history.path());
        REQUIRE(file.open(QIODevice::Append));
        file.write("not json\n{\"workload\": \"cpu\", \"results\": [\n"); // garbage and a truncated write
    }
    REQUIRE(history.append(io, resultOf(Strategy::Async, 0.11, 1'700'000'100'000)));
    int skipped = 0;
    const QList<HistoryEntry> entries = history.load(&skipped);
    CHECK(skipped == 2);
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].spec.workload == Workload::Cpu);
    CHECK(entries[0].spec.strategy == Strategy::Threads);
    CHECK(entries[0].result.runs[0].wallS == 1.5);
    CHECK(entries[0].result.runs[0].finishedAtMs == 1'700'000'000'123);
    CHECK(entries[0].result.runs[0].spans.isEmpty()); // numbers, not timelines
    CHECK(entries[1].spec.workload == Workload::Io);
    CHECK(entries[1].spec.url == io.url);
    CHECK(entries[1].result.runs[0].latenciesMs.isEmpty());
    REQUIRE(history.clear());
    CHECK(history.load().isEmpty());
}

TEST_CASE("the history gives back only the newest experiments", "[history]")
{
    QTemporaryDir dir;
    const RunHistory history(dir.filePath(QStringLiteral("h.jsonl")));
    for (int i = 0; i < RunHistory::kKeep + 5; ++i)
        REQUIRE(history.append(test::smallSpec(Workload::Cpu, Strategy::Sequential, 1, 1000), resultOf(Strategy::Sequential, i, 1000 + i)));
    const QList<HistoryEntry> entries = history.load();
    REQUIRE(entries.size() == RunHistory::kKeep);
    CHECK(entries.first().result.runs[0].wallS == 5);
    CHECK(entries.last().result.runs[0].wallS == RunHistory::kKeep + 4);
}

TEST_CASE("the Timings table shows the runs of the last session after a restart, with when they ended", "[history][window]")
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("s.ini"));
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    {
        ui::MainWindow w{ui::Settings(ini)};
        ExperimentSpec spec = test::smallSpec(Workload::Cpu, Strategy::Threads, 2, 20'000);
        spec.repeat = 2;
        w.runSpec(spec);
        REQUIRE(QTest::qWaitFor([&] { return !w.isRunning(); }, 30000));
        REQUIRE(w.resultsModel()->rowCount() == 2);
    }
    ui::MainWindow again{ui::Settings(ini)};
    ui::ResultsModel *model = again.resultsModel();
    REQUIRE(model->rowCount() == 2);
    for (int row = 0; row < 2; ++row) {
        CHECK(model->rows()[row].result.finishedAtMs >= before);
        CHECK(model->data(model->index(row, ui::ResultsModel::Finished)).toString().startsWith(QDate::currentDate().toString(Qt::ISODate)));
        CHECK(model->data(model->index(row, ui::ResultsModel::Run)).toString() == QString::number(row + 1));
    }
    QAction *clear = nullptr;
    for (QAction *a : again.findChildren<QAction *>())
        clear = a->text() == QLatin1String("&Clear results") ? a : clear;
    REQUIRE(clear);
    clear->trigger();
    CHECK(model->rowCount() == 0);
    ui::MainWindow third{ui::Settings(ini)};
    CHECK(third.resultsModel()->rowCount() == 0);
}
