#include <catch2/catch.hpp>

#include "helpers.h"
#include "run/experimentrun.h"
#include "scriptedserver.h"
#include "server/demoserver.h"

#include <QSet>

using namespace cl;

namespace {
QString strategyName(Strategy s)
{
    return toString(s);
}
} // namespace

TEST_CASE("every strategy counts exactly the steps asked, whatever the split", "[strategies][cpu]")
{
    for (Strategy s : allStrategies()) {
        for (auto [steps, workers] : std::vector<std::pair<qint64, int>>{{100'003, 3}, {7, 7}, {50'000, 1}}) {
            INFO(strategyName(s).toStdString() << " steps=" << steps << " workers=" << workers);
            const RunResult r = runOnce(test::smallSpec(Workload::Cpu, s, workers, steps));
            CHECK(r.items == steps);
            CHECK(r.errors == 0);
            CHECK(r.wallS > 0);
            CHECK(r.peakMemBytes > 0);
        }
    }
}

TEST_CASE("every strategy makes exactly the requests asked", "[strategies][io]")
{
    DemoServer server;
    QString error;
    REQUIRE(server.start(0, 5, &error));
    for (Strategy s : allStrategies()) {
        INFO(strategyName(s).toStdString());
        server.resetStats();
        const qint64 before = server.stats().served;
        const RunResult r = runOnce(test::smallSpec(Workload::Io, s, 6, 37, server.url()));
        CHECK(r.items == 37);
        CHECK(r.errors == 0);
        CHECK(r.latenciesMs.size() == 37);
        CHECK(server.stats().served - before == 37);
    }
}

TEST_CASE("every strategy against a closed port reports errors without hanging", "[strategies][io]")
{
    const QString url = QStringLiteral("http://127.0.0.1:%1/").arg(test::closedPort());
    for (Strategy s : allStrategies()) {
        INFO(strategyName(s).toStdString());
        const RunResult r = runOnce(test::smallSpec(Workload::Io, s, 2, 5, url));
        CHECK(r.items == 0);
        CHECK(r.errors == 5);
        REQUIRE_FALSE(r.errorMessages.isEmpty());
        CHECK(r.errorMessages.first().contains(QLatin1String("refused")));
    }
}

TEST_CASE("a server that never answers times out, in every strategy", "[strategies][io]")
{
    test::ScriptedServer server;
    for (Strategy s : allStrategies()) {
        INFO(strategyName(s).toStdString());
        ExperimentSpec spec = test::smallSpec(Workload::Io, s, 2, 2, server.url(QStringLiteral("/silent")));
        spec.timeoutMs = 300;
        const RunResult r = runOnce(spec);
        CHECK(r.errors == 2);
        CHECK(r.errorMessages.join(QString()).contains(QLatin1String("timed out")));
    }
}

TEST_CASE("every strategy follows a redirect chain and reads a chunked body on a kept-open connection", "[strategies][io]")
{
    test::ScriptedServer server;
    for (Strategy s : allStrategies()) {
        for (const char *path : {"/redirect/3", "/chunked"}) {
            INFO(strategyName(s).toStdString() << " " << path);
            const RunResult r = runOnce(test::smallSpec(Workload::Io, s, 2, 4, server.url(QLatin1String(path))));
            CHECK(r.items == 4);
            CHECK(r.errorMessages.isEmpty());
        }
    }
}

// [threaded-fork]: the TLS server is a QProcess started while other threads may run (not under TSan).
TEST_CASE("every strategy gets HTTPS from a self-signed server it is told to trust", "[strategies][io][https][threaded-fork]")
{
    test::TlsServer server;
    REQUIRE(server.port() != 0);
    const QString url = QStringLiteral("https://localhost:%1/").arg(server.port());
    for (Strategy s : allStrategies()) {
        INFO(strategyName(s).toStdString());
        ExperimentSpec spec = test::smallSpec(Workload::Io, s, 2, 4, url);
        const RunResult untrusted = runOnce(spec);
        CHECK(untrusted.items == 0);
        CHECK(untrusted.errorMessages.join(QString()).contains(QLatin1String("certificate")));
        spec.caCert = test::TlsServer::certificate();
        const RunResult trusted = runOnce(spec);
        CHECK(trusted.items == 4);
        CHECK(trusted.errorMessages.isEmpty());
        spec.caCert.clear();
        spec.insecure = true;
        CHECK(runOnce(spec).items == 4);
    }
}

TEST_CASE("spans are recorded per worker and lie inside the run", "[strategies]")
{
    const RunResult r = runOnce(test::smallSpec(Workload::Cpu, Strategy::Processes, 2, 20'000));
    QSet<int> workers;
    for (const Span &s : r.spans) {
        CHECK(s.kind == WorkerKind::Process);
        CHECK(s.t0 >= 0);
        CHECK(s.t1 >= s.t0);
        CHECK(s.t1 <= r.wallS + 1e-3);
        workers.insert(s.worker);
    }
    CHECK(workers == QSet<int>{0, 1});
}
