#include <catch2/catch.hpp>

#include "experiment/resultjson.h"
#include "helpers.h"
#include "server/demoserver.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

TEST_CASE("usage errors exit 2 with a one-line message", "[cli]")
{
    const QList<QStringList> bad{
        {QStringLiteral("run")},
        {QStringLiteral("run"), QStringLiteral("gpu")},
        {QStringLiteral("run"), QStringLiteral("cpu"), QStringLiteral("--steps"), QStringLiteral("0")},
        {QStringLiteral("run"), QStringLiteral("cpu"), QStringLiteral("--steps"), QStringLiteral("-5")},
        {QStringLiteral("run"), QStringLiteral("cpu"), QStringLiteral("--strategy"), QStringLiteral("fibers")},
        {QStringLiteral("run"), QStringLiteral("cpu"), QStringLiteral("--workers"), QStringLiteral("8"), QStringLiteral("--steps"),
            QStringLiteral("3")},
        {QStringLiteral("run"), QStringLiteral("cpu"), QStringLiteral("--gil"), QStringLiteral("maybe")},
        {QStringLiteral("run"), QStringLiteral("io"), QStringLiteral("--url"), QStringLiteral("htp:/nowhere")},
        {QStringLiteral("run"), QStringLiteral("cpu"), QStringLiteral("--bogus")},
        {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("70000")},
        {QStringLiteral("serve"), QStringLiteral("extra")},
        {QStringLiteral("serve"), QStringLiteral("--delay-ms"), QStringLiteral("-1")},
        {QStringLiteral("serve"), QStringLiteral("--port")},
        {QStringLiteral("frobnicate")},
    };
    for (const QStringList &args : bad) {
        INFO(args.join(QLatin1Char(' ')).toStdString());
        QByteArray err;
        CHECK(test::runApp(args, nullptr, &err) == 2);
        CHECK_FALSE(err.trimmed().isEmpty());
    }
}

TEST_CASE("--help works for every command", "[cli]")
{
    for (const char *cmd : {"run", "serve", "lesson"}) {
        QByteArray out;
        CHECK(test::runApp({QString::fromLatin1(cmd), QStringLiteral("--help")}, &out) == 0);
        CHECK(out.contains("concurrency-lab"));
    }
}

TEST_CASE("run prints one %timeit line per strategy and writes JSON", "[cli]")
{
    QTemporaryDir dir;
    const QString json = dir.filePath(QStringLiteral("результаты.json"));
    QByteArray out;
    REQUIRE(test::runApp({QStringLiteral("run"), QStringLiteral("cpu"), QStringLiteral("--steps"), QStringLiteral("20000"),
                             QStringLiteral("--repeat"), QStringLiteral("2"), QStringLiteral("--json"), json},
                &out)
        == 0);
    const QList<QByteArray> lines = out.trimmed().split('\n');
    REQUIRE(lines.size() == cl::allStrategies().size());
    CHECK(lines[1].startsWith("threads x2, GIL (default CPython): best of 2: "));
    CHECK(lines[1].contains(", 20000 steps, 2+ running at once ")); // how often both threads ran in the same moment
    CHECK(lines[2].startsWith("interpreters x2, GIL (default CPython): best of 2: ")); // a GIL each: Python 3.12+
    QFile f(json);
    REQUIRE(f.open(QIODevice::ReadOnly));
    QString error;
    const auto report = cl::reportFromJson(QJsonDocument::fromJson(f.readAll()).object(), &error);
    REQUIRE(report);
    CHECK(report->results.size() == cl::allStrategies().size());
}

TEST_CASE("run io starts its own server, and fails with exit 1 on a dead one", "[cli]")
{
    QByteArray out;
    CHECK(test::runApp({QStringLiteral("run"), QStringLiteral("io"), QStringLiteral("--requests"), QStringLiteral("10"),
                           QStringLiteral("--delay-ms"), QStringLiteral("1"), QStringLiteral("--repeat"), QStringLiteral("1"),
                           QStringLiteral("--workers"), QStringLiteral("3")},
              &out)
        == 0);
    CHECK(out.count("10 requests") == cl::allStrategies().size());
    QByteArray err;
    const QString dead = QStringLiteral("http://127.0.0.1:%1/").arg(test::closedPort());
    CHECK(test::runApp({QStringLiteral("run"), QStringLiteral("io"), QStringLiteral("--url"), dead, QStringLiteral("--requests"),
                           QStringLiteral("3"), QStringLiteral("--repeat"), QStringLiteral("1"), QStringLiteral("--strategy"),
                           QStringLiteral("sequential")},
              &out, &err)
        == 1);
    CHECK(out.contains("3 errors"));
}

TEST_CASE("serve on a busy port exits 1 with a clear message", "[cli]")
{
    cl::DemoServer server;
    QString error;
    REQUIRE(server.start(0, 0, &error));
    QByteArray err;
    CHECK(test::runApp({QStringLiteral("serve"), QStringLiteral("--port"), QString::number(server.port())}, nullptr, &err) == 1);
    CHECK(err.contains(QByteArray::number(server.port())));
}

// The executable links QtCore and QtNetwork only; Widgets, Charts and the pages are a library it
// loads for the commands that draw. A worker or a server then starts in a third of the time.
TEST_CASE("Headless commands start without the window's libraries, which the drawing ones load", "[cli]")
{
    QProcess serve;
    serve.start(QStringLiteral(CL_APP_PATH), {QStringLiteral("serve"), QStringLiteral("--port"), QString::number(test::closedPort())});
    REQUIRE(serve.waitForReadyRead(10000)); // "Serving …": up
    QFile maps(QStringLiteral("/proc/%1/maps").arg(serve.processId()));
    REQUIRE(maps.open(QIODevice::ReadOnly));
    const QByteArray mapped = maps.readAll();
    serve.kill();
    serve.waitForFinished();
    CHECK(mapped.contains("libQt6Network"));
    CHECK_FALSE(mapped.contains("libQt6Gui"));
    CHECK_FALSE(mapped.contains("libQt6Widgets"));
    CHECK_FALSE(mapped.contains("libconcurrency-lab-gui"));

    // Without its library beside it (or installed), a drawing command says so and exits 1.
    const QTemporaryDir alone;
    const QString app = alone.filePath(QStringLiteral("concurrency-lab"));
    REQUIRE(QFile::copy(QStringLiteral(CL_APP_PATH), app));
    QProcess shot;
    shot.start(app, {QStringLiteral("screenshot"), alone.filePath(QStringLiteral("shot.png"))});
    REQUIRE(shot.waitForFinished(30000));
    CHECK(shot.exitCode() == 1);
    CHECK(shot.readAllStandardError().contains("concurrency-lab screenshot: the window's library is missing"));
    CHECK_FALSE(QFile::exists(alone.filePath(QStringLiteral("shot.png"))));
}

TEST_CASE("serve names an unexpected argument instead of exiting silently", "[cli]")
{
    QByteArray out, err;
    CHECK(test::runApp({QStringLiteral("serve"), QStringLiteral("extra")}, &out, &err) == 2);
    CHECK(err.contains("unexpected argument 'extra'"));
    CHECK(out.isEmpty());
}

TEST_CASE("run race prints expected, got and lost, and refuses bad counts", "[cli][race]")
{
    QByteArray out;
    REQUIRE(test::runApp({QStringLiteral("run"), QStringLiteral("race"), QStringLiteral("--steps"), QStringLiteral("200000")}, &out) == 0);
    CHECK(out.startsWith("race: 2 threads, GIL (default CPython), no lock: expected 200000, got 200000, lost 0 (0.00 %)"));
    REQUIRE(test::runApp(
                {QStringLiteral("run"), QStringLiteral("race"), QStringLiteral("--gil"), QStringLiteral("off"), QStringLiteral("--lock"),
                    QStringLiteral("--steps"), QStringLiteral("200000"), QStringLiteral("--json"), QStringLiteral("-")},
                &out)
        == 0);
    const QJsonObject json = QJsonDocument::fromJson(out).object();
    CHECK(json[QStringLiteral("got")].toInteger() == 200000);
    CHECK(json[QStringLiteral("lost")].toInteger() == 0);
    CHECK(json[QStringLiteral("gil")].toBool() == false);
    QByteArray err;
    CHECK(test::runApp({QStringLiteral("run"), QStringLiteral("race"), QStringLiteral("--workers"), QStringLiteral("0")}, &out, &err) == 2);
    CHECK(test::runApp({QStringLiteral("run"), QStringLiteral("race"), QStringLiteral("--gil"), QStringLiteral("sometimes")}, &out, &err)
        == 2);
    CHECK(err.contains("--gil must be on or off"));
}
