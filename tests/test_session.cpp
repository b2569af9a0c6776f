// The strategy table, the session that owns what ran, and lessonIndexOf: the one place each
// decision is made, checked for what the rest of the app relies on.
#include <catch2/catch.hpp>

#include "experiment/lesson.h"
#include "helpers.h"
#include "models/resultsmodel.h"
#include "run/session.h"
#include "strategies/strategy.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace cl;

TEST_CASE("the strategy table has one row per strategy, each key read back and each limit enforced", "[strategies]")
{
    QStringList keys;
    for (const StrategyDescriptor &d : strategyTable()) {
        INFO(d.key);
        CHECK(&describe(d.id) == &d);
        CHECK(strategyFromString(QLatin1String(d.key)) == d.id);
        CHECK(toString(d.id) == QLatin1String(d.key));
        CHECK_FALSE(d.displayName().isEmpty());
        CHECK(d.run != nullptr);
        CHECK_FALSE(keys.contains(QLatin1String(d.key)));
        keys.append(QLatin1String(d.key));
        ExperimentSpec spec = test::smallSpec(Workload::Cpu, d.id, 1, 1'000'000);
        spec.workers = d.maxWorkers + 1;
        CHECK(validate(spec).isEmpty() == d.singleWorker); // one worker: the setting is not used
        spec.workers = d.maxWorkers;
        CHECK(validate(spec).isEmpty());
    }
    CHECK(allStrategies().size() == strategyTable().size());
    CHECK_FALSE(describe(kBaselineStrategy).sweepable());
}

TEST_CASE("lessonIndexOf tells each lesson experiment by what it runs, not by its URL or repeats", "[lesson]")
{
    const QList<LessonExperiment> lesson = lessonExperiments(QStringLiteral("http://127.0.0.1:8000/"));
    for (int i = 0; i < lesson.size(); ++i) {
        ExperimentSpec spec = lesson[i].spec;
        spec.url = QStringLiteral("http://127.0.0.1:9/");
        spec.repeat = 7;
        CHECK(lessonIndexOf(spec) == i);
    }
    ExperimentSpec offLesson = lesson[1].spec;
    offLesson.gil = false;
    CHECK_FALSE(lessonIndexOf(offLesson));
    offLesson = lesson[1].spec;
    offLesson.workers = 3;
    CHECK_FALSE(lessonIndexOf(offLesson));
    ExperimentSpec async = lesson[6].spec;
    async.workers = 7; // async IO: one task per request whatever the workers say
    CHECK(lessonIndexOf(async) == 6);
}

TEST_CASE("the session numbers runs per experiment across batches and says which experiment each signal is about", "[runner][session]")
{
    Session session;
    QSignalSpy started(&session, &Session::batchStarted);
    QSignalSpy runs(&session, &Session::runFinished);
    QSignalSpy done(&session, &Session::experimentFinished);
    QSignalSpy finished(&session, &Session::batchFinished);
    ExperimentSpec a = test::smallSpec(Workload::Cpu, Strategy::Threads, 2, 20'000);
    a.repeat = 2;
    ExperimentSpec b = test::smallSpec(Workload::Cpu, Strategy::Sequential, 1, 1000);
    b.repeat = 1;
    REQUIRE(session.start({{a, QStringLiteral("a")}, {b, QStringLiteral("b")}}));
    CHECK_FALSE(session.start({{b, QStringLiteral("b")}})); // one batch at a time
    REQUIRE(finished.wait(60000));
    REQUIRE(runs.size() == 3);
    QList<int> numbers;
    for (const auto &call : runs) {
        const auto e = call.at(0).value<QueuedExperiment>();
        numbers.append(e.runNumber(call.at(1).toInt()));
    }
    CHECK(numbers == QList<int>{1, 2, 1});
    CHECK(runs.at(2).at(0).value<QueuedExperiment>().label.text() == QLatin1String("b"));
    CHECK(done.size() == 2);
    CHECK(session.finished().size() == 2);

    finished.clear();
    runs.clear();
    REQUIRE(session.start({{a, QStringLiteral("a again")}}));
    REQUIRE(finished.wait(60000));
    REQUIRE(runs.size() == 2);
    const auto again = runs.first().at(0).value<QueuedExperiment>();
    CHECK(again.runNumber(0) == 3); // the same experiment counts on from the first batch
    CHECK(again.batch == 2);
    CHECK(started.size() == 2);

    session.clear();
    CHECK(session.finished().isEmpty());
    runs.clear();
    finished.clear();
    REQUIRE(session.start({{a, QStringLiteral("a")}}));
    REQUIRE(finished.wait(60000));
    CHECK(runs.first().at(0).value<QueuedExperiment>().runNumber(0) == 1); // cleared: from 1 again
}

TEST_CASE("results loaded into the session keep their runs, numbered, and are not runs of now", "[session]")
{
    Session session;
    QSignalSpy loaded(&session, &Session::loaded);
    QSignalSpy runs(&session, &Session::runFinished);
    RunResult run;
    run.items = 100;
    const ExperimentResult r{Strategy::Async, 100, true, {run, run}, 100};
    ExperimentSpec params;
    params.workload = Workload::Io;
    session.load({r}, params, {QStringLiteral("async")});
    REQUIRE(loaded.size() == 1);
    CHECK(runs.isEmpty());
    const auto list = loaded.first().first().value<QList<FinishedExperiment>>();
    REQUIRE(list.size() == 1);
    CHECK(list.first().experiment.spec.strategy == Strategy::Async);
    CHECK(list.first().experiment.spec.requests == 100);
    CHECK(list.first().experiment.runNumber(1) == 2);
    CHECK(lessonIndexOf(list.first().experiment.spec) == 6); // the lesson's async download
}

TEST_CASE("the results model passes Qt's model tester while runs are added and cleared", "[models]")
{
    ui::ResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    RunResult ok;
    ok.wallS = 1;
    ok.items = 10;
    RunResult failed = ok;
    failed.status = RunStatus::Failed;
    model.addRun({QStringLiteral("a"), Workload::Cpu, 0, ok});
    model.addRun({QStringLiteral("b"), Workload::Io, 1, failed});
    CHECK(model.rowCount() == 2);
    model.retranslate();
    model.clear();
    CHECK(model.rowCount() == 0);
}

TEST_CASE("experiments a Stop kept from running take no run numbers", "[runner][session]")
{
    Session session;
    QSignalSpy started(&session, &Session::experimentStarted);
    QSignalSpy runs(&session, &Session::runFinished);
    QSignalSpy finished(&session, &Session::batchFinished);
    ExperimentSpec endless = test::smallSpec(Workload::Cpu, Strategy::Threads, 2, 10'000'000'000);
    endless.repeat = 1;
    ExperimentSpec small = test::smallSpec(Workload::Cpu, Strategy::Sequential, 1, 1000);
    small.repeat = 2;
    REQUIRE(session.start({{endless, QStringLiteral("endless")}, {small, QStringLiteral("small")}}));
    REQUIRE(started.wait(10000));
    session.cancel(); // during the first: the second never starts
    REQUIRE(finished.wait(10000));
    CHECK(started.size() == 1);
    runs.clear();
    finished.clear();
    REQUIRE(session.start({{small, QStringLiteral("small")}}));
    REQUIRE(finished.wait(60000));
    REQUIRE(runs.size() == 2);
    CHECK(runs.first().at(0).value<QueuedExperiment>().runNumber(0) == 1); // not 3
}
