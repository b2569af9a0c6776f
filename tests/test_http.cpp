#include <catch2/catch.hpp>

#include "helpers.h"
#include "scriptedserver.h"
#include "server/demoserver.h"
#include "strategies/async.h"
#include "util/clock.h"
#include "workloads/blockinghttp.h"
#include "workloads/http.h"

#include <QTcpSocket>

#include <thread>

using namespace cl;

namespace {

HttpOptions options(const QString &url, int timeoutMs = 10'000)
{
    HttpOptions o;
    o.url = url;
    o.timeoutMs = timeoutMs;
    return o;
}

HttpTarget targetFor(const QString &url, int timeoutMs = 10'000, bool keepAlive = false)
{
    QString error;
    HttpOptions o = options(url, timeoutMs);
    o.keepAlive = keepAlive;
    auto target = resolveHttpTarget(o, &error);
    INFO(error.toStdString());
    REQUIRE(target);
    return *target;
}

// One GET through each client: the blocking one (threads, processes) and the event loop's (async).
struct Outcomes {
    RequestOutcome blocking;
    WorkTally async;
};

Outcomes getBoth(const QString &url, int timeoutMs = 10'000)
{
    const HttpTarget target = targetFor(url, timeoutMs);
    return {blockingGet(target), runAsyncGets({target, 1, 1}, monotonicNs(), {})};
}

} // namespace

TEST_CASE("URLs are checked and their host resolved once", "[http]")
{
    QString error;
    const auto t = resolveHttpTarget(options(QStringLiteral("http://127.0.0.1:8123/a?b=1")), &error);
    REQUIRE(t);
    CHECK(t->url == "http://127.0.0.1:8123/a?b=1");
    CHECK(t->pinnedAddresses.isEmpty()); // an address: nothing to resolve
    const auto named = resolveHttpTarget(options(QStringLiteral("https://localhost:8443/")), &error);
    REQUIRE(named);
    CHECK(named->pinnedAddresses == "localhost:8443:127.0.0.1,[::1]"); // without /etc/hosts too
    const auto sub = resolveHttpTarget(options(QStringLiteral("http://lab.LOCALHOST/")), &error);
    REQUIRE(sub);
    CHECK(sub->pinnedAddresses == "lab.LOCALHOST:80:127.0.0.1,[::1]");
    CHECK(resolveHttpTarget(options(QStringLiteral("http://[::1]:8080/")), &error));
    CHECK_FALSE(resolveHttpTarget(options(QStringLiteral("not a url")), &error));
    CHECK_FALSE(resolveHttpTarget(options(QStringLiteral("ftp://127.0.0.1/")), &error));
    CHECK(error.contains(QLatin1String("not an http:// or https:// URL")));
    CHECK_FALSE(resolveHttpTarget(options(QStringLiteral("http://no-such-host.invalid/")), &error));
    CHECK(error.contains(QLatin1String("resolve")));
    HttpOptions missingCa = options(QStringLiteral("https://127.0.0.1/"));
    missingCa.caCert = QStringLiteral("/no/such/ca.pem");
    CHECK_FALSE(resolveHttpTarget(missingCa, &error));
    CHECK(error.contains(QLatin1String("/no/such/ca.pem")));
    CHECK(checkHttpUrl(QStringLiteral("https://example.org/x")).isEmpty());
    CHECK_FALSE(checkHttpUrl(QStringLiteral("file:///etc/passwd")).isEmpty());
}

TEST_CASE("both clients follow redirects and read chunked, interim and compressed replies", "[http]")
{
    test::ScriptedServer server;
    for (const char *path : {"/ok", "/redirect/3", "/chunked", "/interim", "/deflate"}) {
        INFO(path);
        const Outcomes o = getBoth(server.url(QLatin1String(path)));
        CHECK(o.blocking.ok);
        CHECK(o.blocking.status == 200);
        CHECK(o.blocking.error.isEmpty());
        CHECK(o.async.items == 1);
        CHECK(o.async.errorMessages.isEmpty());
    }
    CHECK(getBoth(server.url(QStringLiteral("/chunked"))).blocking.bodyBytes == 11); // "hello world", the connection still open
    CHECK(getBoth(server.url(QStringLiteral("/deflate"))).blocking.bodyBytes == 1000); // inflated
}

TEST_CASE("both clients report a 404, a refused connection and a silent server", "[http]")
{
    test::ScriptedServer server;
    const Outcomes missing = getBoth(server.url(QStringLiteral("/missing")));
    CHECK_FALSE(missing.blocking.ok);
    CHECK(missing.blocking.error == QLatin1String("HTTP status 404"));
    CHECK(missing.async.errorMessages == QStringList{QStringLiteral("HTTP status 404")});

    const Outcomes refused = getBoth(QStringLiteral("http://127.0.0.1:%1/").arg(test::closedPort()));
    CHECK(refused.blocking.error.contains(QLatin1String("refused")));
    CHECK(refused.async.errors == 1);
    CHECK(refused.async.errorMessages.join(QString()).contains(QLatin1String("refused")));

    const Outcomes silent = getBoth(server.url(QStringLiteral("/silent")), 300);
    CHECK(silent.blocking.error.contains(QLatin1String("timed out")));
    CHECK(silent.async.errorMessages.join(QString()).contains(QLatin1String("timed out")));
}

TEST_CASE("a fresh connection per request unless keep-alive is asked for", "[http]")
{
    test::ScriptedServer server;
    {
        BlockingHttpClient fresh(targetFor(server.url(QStringLiteral("/alive"))));
        for (int i = 0; i < 3; ++i)
            CHECK(fresh.get().ok);
    }
    CHECK(server.requests() == 3);
    CHECK(server.connections() == 3);
    {
        BlockingHttpClient kept(targetFor(server.url(QStringLiteral("/alive")), 10'000, true));
        for (int i = 0; i < 3; ++i)
            CHECK(kept.get().ok);
    }
    CHECK(server.requests() == 6);
    CHECK(server.connections() == 4);
}

TEST_CASE("Stop ends a blocking GET that is still waiting for its reply", "[http]")
{
    test::ScriptedServer server;
    std::stop_source stop;
    const HttpTarget target = targetFor(server.url(QStringLiteral("/silent")), 600'000);
    std::jthread stopper([&stop] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        stop.request_stop();
    });
    const RequestOutcome r = blockingGet(target, stop.get_token());
    CHECK_FALSE(r.ok);
    CHECK(r.error == QLatin1String("cancelled"));
}

TEST_CASE("the demo server answers a blocking GET with its text, after the delay", "[server]")
{
    DemoServer server;
    QString error;
    REQUIRE(server.start(0, 150, &error));
    CHECK(server.port() != 0);
    const RequestOutcome r = blockingGet(targetFor(server.url(), 5000));
    CHECK(r.ok);
    CHECK(r.status == 200);
    CHECK(r.bodyBytes > 0);
    CHECK(r.latencyMs >= 150);
    CHECK(server.stats().served == 1);
}

TEST_CASE("the demo server serves 100 concurrent requests all in flight at once", "[server]")
{
    DemoServer server;
    QString error;
    REQUIRE(server.start(0, 500, &error));
    const WorkTally t = runAsyncGets({targetFor(server.url()), 100, 0}, monotonicNs(), {});
    CHECK(t.items == 100);
    CHECK(t.errors == 0);
    CHECK(server.stats().served == 100);
    CHECK(server.stats().maxInFlight == 100);
    for (double ms : t.latenciesMs)
        CHECK(ms >= 500);
}

TEST_CASE("a busy port is a clear error, not a crash", "[server]")
{
    DemoServer first, second;
    QString error;
    REQUIRE(first.start(0, 0, &error));
    CHECK_FALSE(second.start(first.port(), 0, &error));
    CHECK(error.contains(QString::number(first.port())));
    CHECK_FALSE(second.isRunning());
}

TEST_CASE("the demo server keeps a connection alive and answers in order", "[server]")
{
    DemoServer server;
    QString error;
    REQUIRE(server.start(0, 0, &error));
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    REQUIRE(socket.waitForConnected(5000));
    socket.write("GET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n");
    QByteArray got;
    while (got.count("HTTP/1.1 200 OK") < 2 && socket.waitForReadyRead(5000))
        got += socket.readAll();
    CHECK(got.count("HTTP/1.1 200 OK") == 2);
    CHECK(got.contains("Connection: keep-alive"));
    CHECK(server.stats().served == 2);
}
