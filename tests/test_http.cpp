#include <catch2/catch.hpp>

#include "helpers.h"
#include "server/demoserver.h"
#include "strategies/async.h"
#include "util/clock.h"
#include "workloads/blockinghttp.h"
#include "workloads/http.h"

#include <QTcpSocket>

using namespace cl;

TEST_CASE("the response parser copes with split input", "[http]")
{
    const QByteArray text = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX: y\r\n\r\nhello";
    HttpResponseParser p;
    for (char c : text)
        p.feed(&c, 1);
    CHECK(p.state() == HttpResponseParser::State::Complete);
    CHECK(p.status() == 200);
    CHECK(p.bodyBytes() == 5);

    HttpResponseParser bad;
    const QByteArray junk = "SSH-2.0-OpenSSH\r\n\r\n";
    CHECK(bad.feed(junk.constData(), std::size_t(junk.size())) == HttpResponseParser::State::Failed);

    HttpResponseParser untilClose;
    const QByteArray noLength = "HTTP/1.0 200 OK\r\n\r\nabc";
    untilClose.feed(noLength.constData(), std::size_t(noLength.size()));
    CHECK(untilClose.state() == HttpResponseParser::State::Incomplete);
    CHECK(untilClose.endOfStream() == HttpResponseParser::State::Complete);

    HttpResponseParser cut;
    const QByteArray partial = "HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nabc";
    cut.feed(partial.constData(), std::size_t(partial.size()));
    CHECK(cut.endOfStream() == HttpResponseParser::State::Failed);
}

TEST_CASE("URLs are checked and resolved once", "[http]")
{
    QString error;
    const auto t = resolveHttpTarget(QStringLiteral("http://127.0.0.1:8123/a?b=1"), &error);
    REQUIRE(t);
    CHECK(t->port == 8123);
    CHECK(t->path == "/a?b=1");
    CHECK_FALSE(resolveHttpTarget(QStringLiteral("https://127.0.0.1/"), &error));
    CHECK_FALSE(resolveHttpTarget(QStringLiteral("not a url"), &error));
    CHECK_FALSE(resolveHttpTarget(QStringLiteral("http://no-such-host.invalid/"), &error));
    CHECK(error.contains(QLatin1String("resolve")));
}

TEST_CASE("the demo server answers a blocking GET with its text, after the delay", "[server]")
{
    DemoServer server;
    QString error;
    REQUIRE(server.start(0, 150, &error));
    CHECK(server.port() != 0);
    const auto target = resolveHttpTarget(server.url(), &error);
    REQUIRE(target);
    const RequestOutcome r = blockingGet(*target, 5000);
    CHECK(r.ok);
    CHECK(r.status == 200);
    CHECK(r.latencyMs >= 150);
    CHECK(server.stats().served == 1);
}

TEST_CASE("the demo server serves 100 concurrent requests all in flight at once", "[server]")
{
    DemoServer server;
    QString error;
    REQUIRE(server.start(0, 500, &error));
    const auto target = resolveHttpTarget(server.url(), &error);
    REQUIRE(target);
    const WorkTally t = runAsyncGets({*target, 100, 0, 10000}, monotonicNs(), {});
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
