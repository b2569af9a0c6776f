// Sessions as files: saved and read back unchanged, refused with a reason when they are not one,
// recorded by the command line, opened, replayed and closed in the window.
#include <catch2/catch.hpp>

#include "experiment/beyond.h"
#include "helpers.h"
#include "pages/cpupage.h"
#include "pages/timelinepage.h"
#include "pages/timingspage.h"
#include "run/recording.h"
#include "window/mainwindow.h"
#include "window/replay.h"
#include "window/sessioncontrol.h"
#include "window/settings.h"

#include <QFile>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cl;

namespace {

ExperimentResult twoRuns(Strategy strategy, Workload workload, qint64 firstStartMs)
{
    ExperimentResult r;
    r.strategy = strategy;
    r.workers = 2;
    r.itemsAsked = 4;
    for (int i = 0; i < 2; ++i) {
        RunResult run;
        run.wallS = 0.25;
        run.cpuUserS = 0.2;
        run.items = 4;
        run.startMonoMs = firstStartMs + i * 300;
        run.finishedAtMs = 1'764'500'000'000 + i;
        run.spans = {{0, WorkerKind::Thread, WorkerState::Running, 0.0, 0.1}, {1, WorkerKind::Thread, WorkerState::WaitGil, 0.0, 0.1},
            {1, WorkerKind::Thread, WorkerState::Running, 0.1, 0.25}};
        if (workload == Workload::Io)
            run.latenciesMs = {101.5, 102.25, 99.0, 100.125};
        r.runs.append(run);
    }
    return r;
}

// Two experiments a second long in all, with the CPU sampled every 100 ms around them.
Recording smallRecording()
{
    ExperimentSpec cpu;
    cpu.strategy = Strategy::Threads;
    cpu.workers = 2;
    cpu.steps = 4;
    ExperimentSpec io = cpu;
    io.workload = Workload::Io;
    io.requests = 4;
    io.url = QStringLiteral("http://127.0.0.1:8000/");
    QList<CpuSample> samples;
    for (qint64 t = 9'900; t <= 11'000; t += 100) {
        CpuSample s;
        s.tMs = t;
        s.all.user = 0.5;
        s.cores[0].user = 0.75;
        s.cores[1].system = 0.125;
        samples.append(s);
    }
    Recording r = newRecording(
        {{cpu, twoRuns(Strategy::Threads, Workload::Cpu, 10'000)}, {io, twoRuns(Strategy::Threads, Workload::Io, 10'600)}}, samples);
    r.recordedAt = QDateTime::fromMSecsSinceEpoch(1'764'500'000'123, Qt::UTC);
    return r;
}

std::optional<Recording> roundTrip(const Recording &r)
{
    QString error;
    auto back = recordingFromJson(QJsonDocument(toJson(r)).toJson(), &error);
    INFO(error.toStdString());
    return back;
}

} // namespace

TEST_CASE("a saved session reads back with every run, span, latency, CPU sample and the machine", "[recording]")
{
    const Recording original = smallRecording();
    const auto back = roundTrip(original);
    REQUIRE(back);
    REQUIRE(back->experiments.size() == 2);
    for (int i = 0; i < 2; ++i)
        CHECK(back->experiments[i].result == original.experiments[i].result);
    CHECK(back->experiments[1].spec.url == original.experiments[1].spec.url);
    CHECK(back->cpu == original.cpu);
    CHECK(back->machine == original.machine);
    CHECK(back->recordedAt == original.recordedAt);
    CHECK(back->appVersion == QLatin1String(CL_VERSION));
    CHECK(roundTrip(*back) == *back); // and again, unchanged
    CHECK(original.machine.logicalCores > 0);
}

TEST_CASE("a file that is not a session, cut short or from a newer version is refused with a reason", "[recording][failures]")
{
    const QByteArray good = QJsonDocument(toJson(smallRecording())).toJson();
    QString error;
    CHECK_FALSE(recordingFromJson(good.left(good.size() / 2), &error));
    CHECK(error.contains(QLatin1String("cut short")));
    CHECK_FALSE(recordingFromJson("\x89PNG garbage\x00\xff", &error));
    CHECK_FALSE(error.isEmpty());
    CHECK_FALSE(recordingFromJson(R"({"workload": "cpu", "results": []})", &error));
    CHECK(error.contains(QLatin1String("not a Concurrency Lab session")));
    QJsonObject newer = toJson(smallRecording());
    newer["version"] = 99;
    CHECK_FALSE(recordingFromJson(QJsonDocument(newer).toJson(), &error));
    CHECK(error.contains(QLatin1String("format 99")));
    QJsonObject broken = toJson(smallRecording());
    broken["experiments"] = QJsonArray{QJsonObject{{"results", "nonsense"}}};
    CHECK_FALSE(recordingFromJson(QJsonDocument(broken).toJson(), &error));
    CHECK(error.contains(QLatin1String("experiment 1")));
    CHECK_FALSE(loadRecording(QStringLiteral("/no/such/session.json"), &error));
    CHECK(error.contains(QLatin1String("/no/such/session.json")));
}

TEST_CASE("run --record writes a session that screenshot --recording shows and open refuses when broken", "[recording][cli]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.session.json"));
    REQUIRE(test::runSmallThreads({QStringLiteral("--record"), path}) == 0);
    QString error;
    const auto recording = loadRecording(path, &error);
    REQUIRE(recording);
    REQUIRE(recording->experiments.size() == 1);
    CHECK(recording->experiments.first().spec.strategy == Strategy::Threads);
    CHECK(recording->experiments.first().result.runs.size() == 2);
    CHECK_FALSE(recording->experiments.first().result.runs.first().spans.isEmpty());
    CHECK(recording->machine.logicalCores > 0);

    const QString png = dir.filePath(QStringLiteral("timeline.png"));
    CHECK(test::runApp({QStringLiteral("screenshot"), QStringLiteral("--recording"), path, QStringLiteral("--page"),
              QStringLiteral("timeline"), QStringLiteral("--wait-ms"), QStringLiteral("0"), png})
        == 0);
    CHECK_FALSE(QImageReader(png).read().isNull());

    QFile broken(dir.filePath(QStringLiteral("broken.json")));
    REQUIRE(broken.open(QIODevice::WriteOnly));
    broken.write("{\"format\": \"concurrency-lab-session\", \"vers");
    broken.close();
    QByteArray err;
    CHECK(test::runApp({QStringLiteral("open"), broken.fileName()}, nullptr, &err) == 2);
    CHECK(err.contains("cut short"));
    CHECK(test::runApp({QStringLiteral("screenshot"), QStringLiteral("--recording"), broken.fileName(), png}, nullptr, &err) != 0);
}

TEST_CASE("a replay marks each experiment once on the CPU graphs, as a live run does", "[recording]")
{
    const auto label = [](const ExperimentSpec &spec) { return Translatable(toString(spec.workload)); };
    const QList<ui::TimeMarker> markers = ui::experimentMarkers(smallRecording(), label);
    REQUIRE(markers.size() == 4); // not one pair per run: two experiments of two runs each
    CHECK(markers[0].tMs == 10'000); // the first run's start
    CHECK(markers[0].start);
    CHECK(markers[1].tMs == 10'550); // the second run's end: 10,300 + 250 ms
    CHECK_FALSE(markers[1].start);
    CHECK(markers[0].label.text() == markers[1].label.text());
    CHECK(markers[2].tMs == 10'600);
    CHECK(markers[3].tMs == 11'150);
    CHECK(markers[2].label.text() != markers[0].label.text());
}

TEST_CASE(
    "an opened session shows its runs and CPU, replays to its end or until stopped, and gives the live pages back", "[recording][window]")
{
    QTemporaryDir dir;
    ui::MainWindow w{ui::Settings(dir.filePath(QStringLiteral("s.ini")))};
    ExperimentResult live = twoRuns(Strategy::Sequential, Workload::Cpu, 1);
    w.loadResults({live}, Workload::Cpu);
    REQUIRE(w.timingsPage()->results(Workload::Cpu).size() == 1);

    ui::SessionControl &sessions = *w.sessionControl();
    const Recording recording = smallRecording();
    sessions.open(recording);
    CHECK(sessions.showsRecording());
    CHECK(sessions.bar()->isVisibleTo(&w));
    CHECK(w.timingsPage()->results(Workload::Cpu).size() == 1);
    CHECK(w.timingsPage()->results(Workload::Cpu).first().strategy == Strategy::Threads);
    CHECK(w.timingsPage()->results(Workload::Io).size() == 1);
    CHECK(w.timelinePage()->runCount() == 4);
    CHECK(w.cpuPage()->history().size() == recording.cpu.size());
    CHECK(sessions.currentSession().experiments == recording.experiments); // saved again as it was recorded

    QSignalSpy finished(&sessions, &ui::SessionControl::replayFinished);
    sessions.replay();
    CHECK(sessions.isReplaying());
    CHECK(w.timelinePage()->runCount() < 4); // the runs come back as they happened
    REQUIRE(finished.wait(10'000));
    CHECK_FALSE(sessions.isReplaying());
    CHECK(w.timelinePage()->runCount() == 4);
    CHECK(w.cpuPage()->history().size() == recording.cpu.size());

    sessions.replay();
    REQUIRE(sessions.isReplaying());
    sessions.replay(); // Stop replay: at once, with everything shown
    CHECK_FALSE(sessions.isReplaying());
    CHECK(finished.size() == 2);
    CHECK(w.timelinePage()->runCount() == 4);

    sessions.backToLive();
    CHECK_FALSE(sessions.showsRecording());
    CHECK_FALSE(sessions.bar()->isVisibleTo(&w));
    REQUIRE(w.timingsPage()->results(Workload::Cpu).size() == 1);
    CHECK(w.timingsPage()->results(Workload::Cpu).first().strategy == Strategy::Sequential);
    CHECK(w.timingsPage()->results(Workload::Io).isEmpty());
}

TEST_CASE("a GIL pitfall started while a session is shown goes back to this machine's pages", "[recording][window][beyond]")
{
    QTemporaryDir dir;
    ui::MainWindow w{ui::Settings(dir.filePath(QStringLiteral("s.ini")))};
    ui::SessionControl &sessions = *w.sessionControl();
    sessions.open(smallRecording());
    REQUIRE(sessions.showsRecording());
    const QList<BeyondExperiment> beyond = beyondExperiments({}, {});
    const auto race
        = std::find_if(beyond.begin(), beyond.end(), [](const BeyondExperiment &e) { return e.kind == BeyondExperiment::Kind::Race; });
    REQUIRE(race != beyond.end());
    w.runBeyond(int(race - beyond.begin()));
    CHECK(w.isRunning());
    CHECK_FALSE(sessions.showsRecording()); // its CPU load is drawn live, not over the recording
    w.stop();
    CHECK(QTest::qWaitFor([&] { return !w.isRunning(); }, 10'000));
}
