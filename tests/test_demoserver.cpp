// The demo server against hostile and unusual clients, over raw TCP: the test thread has no event
// loop (the server runs on its own thread), so the client is a non-blocking socket and poll().
#include <catch2/catch.hpp>

#include "server/demoserver.h"
#include "workloads/blockinghttp.h"
#include "workloads/http.h"

#include <QDeadlineTimer>
#include <QFile>

#include <cerrno>
#include <fcntl.h>
#include <functional>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace cl;

namespace {

class RawClient {
public:
    explicit RawClient(quint16 port) : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0))
    {
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(port);
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        connected_ = ::connect(fd_, reinterpret_cast<const sockaddr *>(&a), sizeof a) == 0;
        ::fcntl(fd_, F_SETFL, O_NONBLOCK);
    }
    ~RawClient() { ::close(fd_); }
    RawClient(const RawClient &) = delete;
    RawClient &operator=(const RawClient &) = delete;

    // Sends all of `data`, taking in whatever arrives meanwhile; false when the server closed the
    // connection first or took nothing more for `stallMs`.
    bool send(QByteArrayView data, int stallMs = 10000)
    {
        qsizetype at = 0;
        while (at < data.size() && !closed_) {
            pollfd p{fd_, short(POLLIN | POLLOUT), 0};
            if (::poll(&p, 1, stallMs) <= 0)
                return false;
            if (p.revents & (POLLIN | POLLHUP | POLLERR))
                take();
            if ((p.revents & POLLOUT) && !closed_)
                at += put(data.sliced(at));
        }
        return at == data.size();
    }

    // Reads until `done(received())`, the server closes the connection, or `timeoutMs` passes.
    bool readUntil(const std::function<bool(const QByteArray &)> &done, int timeoutMs = 20000)
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (!done(received_) && !closed_ && !deadline.hasExpired()) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, int(std::max<qint64>(1, deadline.remainingTime()))) > 0)
                take();
        }
        return done(received_);
    }
    bool readUntilClosed(int timeoutMs = 20000)
    {
        readUntil([](const QByteArray &) { return false; }, timeoutMs);
        return closed_;
    }

    void shutdownWrite() { ::shutdown(fd_, SHUT_WR); }
    bool connected() const { return connected_; }
    bool closed() const { return closed_; } // by the server: end of stream or reset
    qint64 sent() const { return sent_; }
    const QByteArray &received() const { return received_; }

private:
    qsizetype put(QByteArrayView data)
    {
        const ssize_t n = ::send(fd_, data.data(), std::size_t(data.size()), MSG_NOSIGNAL);
        if (n > 0)
            sent_ += n;
        else if (errno != EAGAIN && errno != EINTR)
            closed_ = true;
        return std::max<qsizetype>(0, n);
    }
    void take()
    {
        char buffer[64 * 1024];
        for (;;) {
            const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
            if (n > 0)
                received_.append(buffer, n);
            if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
                closed_ = true;
            if (n <= 0)
                return;
        }
    }

    int fd_;
    bool connected_ = false;
    bool closed_ = false;
    qint64 sent_ = 0;
    QByteArray received_;
};

struct TestServer {
    explicit TestServer(int delayMs, DemoServerTimeouts timeouts = {})
    {
        server.setTimeouts(timeouts);
        QString error;
        REQUIRE(server.start(0, delayMs, &error));
    }
    quint16 port() const { return server.port(); }
    bool stillAnswers() const // a fresh client gets the text
    {
        QString error;
        HttpOptions http;
        http.url = server.url();
        http.timeoutMs = 10'000;
        const auto target = resolveHttpTarget(http, &error);
        const RequestOutcome r = blockingGet(*target);
        return r.ok && r.status == 200;
    }
    DemoServer server;
};

// The status codes of the responses in `bytes`, in order (bodies are skipped by their length, so
// not for replies to HEAD).
QList<int> statuses(const QByteArray &bytes)
{
    QList<int> out;
    for (qsizetype at = 0; bytes.mid(at, 9) == "HTTP/1.1 ";) {
        const qsizetype end = bytes.indexOf("\r\n\r\n", at);
        if (end < 0)
            break;
        out.append(bytes.mid(at + 9, 3).toInt());
        const QByteArray head = bytes.mid(at, end - at).toLower();
        const qsizetype cl = head.indexOf("content-length: ");
        at = end + 4 + (cl >= 0 ? head.mid(cl + 16).split('\r').first().toLongLong() : 0);
    }
    return out;
}

qint64 peakRssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return 0;
}

QByteArray repeated(const QByteArray &piece, int times)
{
    return piece.repeated(times);
}

} // namespace

TEST_CASE("the server refuses a huge Content-Length with 413 and lives on, at any delay", "[server]")
{
    const int delay = GENERATE(0, 100);
    const QByteArray length = GENERATE(QByteArray("9223372036854775807"), QByteArray("99999999999999999999999999"));
    INFO("delay " << delay << " ms, Content-Length " << length.constData());
    TestServer s(delay);
    RawClient c(s.port());
    REQUIRE(c.send("POST / HTTP/1.1\r\nContent-Length: " + length + "\r\n\r\nhello"));
    CHECK(c.readUntilClosed());
    CHECK(c.received().startsWith("HTTP/1.1 413 "));
    CHECK(statuses(c.received()) == QList<int>{413});
    CHECK(s.stillAnswers());
}

TEST_CASE("the server answers 60,000 pipelined GETs on one connection, every one", "[server]")
{
    TestServer s(0);
    RawClient c(s.port());
    REQUIRE(c.send("GET / HTTP/1.1\r\n\r\n"));
    REQUIRE(c.readUntil([](const QByteArray &r) { return r.endsWith(DemoServer::body()); }));
    const qsizetype one = c.received().size();
    constexpr int kCount = 60'000;
    REQUIRE(c.send(repeated("GET / HTTP/1.1\r\n\r\n", kCount)));
    CHECK(c.readUntil([&](const QByteArray &r) { return r.size() >= one * (kCount + 1); }, 120000));
    CHECK(c.received().size() == one * (kCount + 1));
    CHECK(c.received().count("HTTP/1.1 200 OK\r\n") == kCount + 1);
    CHECK_FALSE(c.closed());
    CHECK(s.server.stats().served == kCount + 1);
}

TEST_CASE("the server refuses a 64 MiB body at its head, and never buffers it", "[server]")
{
    TestServer s(0);
    const qint64 before = peakRssKiB();
    constexpr qint64 kTotal = 64LL << 20;
    RawClient c(s.port());
    REQUIRE(c.send("POST / HTTP/1.1\r\nContent-Length: " + QByteArray::number(kTotal) + "\r\n\r\n"));
    const QByteArray chunk(1 << 20, 'x');
    while (c.sent() < kTotal && c.send(chunk)) { }
    c.readUntilClosed();
    CHECK(c.closed());
    CHECK(c.sent() < kTotal); // the server closed the connection long before the body ended
    CHECK(c.received().startsWith("HTTP/1.1 413 "));
    CHECK(peakRssKiB() - before < 32 * 1024);
    CHECK(s.stillAnswers());
}

TEST_CASE("the server reads nothing more from a connection whose reply is waiting", "[server]")
{
    TestServer s(5000); // the reply waits 5 s; meanwhile the client streams a request behind it
    RawClient c(s.port());
    REQUIRE(c.send("GET / HTTP/1.1\r\n\r\nPOST / HTTP/1.1\r\nContent-Length: 1000\r\n\r\n"));
    const QByteArray chunk(1 << 20, 'x');
    const qint64 before = peakRssKiB();
    bool stalled = false;
    while (!stalled && c.sent() < (64LL << 20))
        stalled = !c.send(chunk, 1500); // the kernel's buffers fill up and the send stalls
    CHECK(stalled);
    CHECK(c.sent() < (64LL << 20));
    CHECK(peakRssKiB() - before < 32 * 1024);
}

TEST_CASE("the server answers a head over 16 KiB with 431 and closes", "[server]")
{
    TestServer s(0);
    const QByteArray longField = "GET / HTTP/1.1\r\nX-Long: " + QByteArray(17 * 1024, 'a') + "\r\n\r\n";
    const QByteArray manyFields = "GET / HTTP/1.1\r\n" + repeated("X-A: b\r\n", 10'000) + "\r\n";
    for (const QByteArray &request : {longField, manyFields}) {
        RawClient c(s.port());
        c.send(request);
        CHECK(c.readUntilClosed());
        CHECK(c.received().startsWith("HTTP/1.1 431 "));
    }
    CHECK(s.stillAnswers());
}

TEST_CASE("the server answers a stalled request with 408 once its request timeout passes", "[server]")
{
    TestServer s(0, {60'000, 300});
    SECTION("a head that stops half way")
    {
        RawClient c(s.port());
        REQUIRE(c.send("GET / HTTP/1.1\r\nHost: x\r\n"));
        CHECK(c.readUntilClosed());
        CHECK(c.received().startsWith("HTTP/1.1 408 "));
    }
    SECTION("a head trickled a byte at a time (slowloris)")
    {
        RawClient c(s.port());
        const QByteArray request = "GET / HTTP/1.1\r\n" + repeated("X-Slow: loris\r\n", 100);
        for (qsizetype i = 0; i < request.size() && !c.closed(); ++i) {
            c.send(request.mid(i, 1));
            c.readUntil([](const QByteArray &r) { return !r.isEmpty(); }, 20); // ≈ 20 ms a byte
        }
        CHECK(c.readUntilClosed());
        CHECK(c.received().startsWith("HTTP/1.1 408 "));
    }
    SECTION("a body that stops half way")
    {
        RawClient c(s.port());
        REQUIRE(c.send("POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\nonly a part"));
        CHECK(c.readUntilClosed());
        CHECK(c.received().startsWith("HTTP/1.1 408 "));
    }
    CHECK(s.stillAnswers());
}

TEST_CASE("the server closes connections idle past the idle timeout, without a word", "[server]")
{
    TestServer s(0, {300, 10'000});
    RawClient silent(s.port());
    RawClient keptAlive(s.port());
    REQUIRE(keptAlive.send("GET / HTTP/1.1\r\n\r\n"));
    CHECK(keptAlive.readUntilClosed());
    CHECK(statuses(keptAlive.received()) == QList<int>{200});
    CHECK(silent.readUntilClosed());
    CHECK(silent.received().isEmpty());
}

TEST_CASE("the server answers Expect: 100-continue with an interim 100, or 413 at once", "[server]")
{
    TestServer s(0);
    RawClient c(s.port());
    REQUIRE(c.send("POST / HTTP/1.1\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"));
    REQUIRE(c.readUntil([](const QByteArray &r) { return r.contains("\r\n\r\n"); }, 5000));
    CHECK(c.received() == "HTTP/1.1 100 Continue\r\n\r\n");
    REQUIRE(c.send("helloGET / HTTP/1.1\r\n\r\n"));
    CHECK(c.readUntil([](const QByteArray &r) { return statuses(r).size() == 3; }));
    CHECK(statuses(c.received()) == QList<int>{100, 405, 200});

    RawClient big(s.port());
    REQUIRE(big.send("POST / HTTP/1.1\r\nContent-Length: 10000000\r\nExpect: 100-continue\r\n\r\n"));
    CHECK(big.readUntilClosed());
    CHECK(big.received().startsWith("HTTP/1.1 413 "));
}

TEST_CASE("the server sends HEAD the headers of GET and no body", "[server]")
{
    TestServer s(0);
    RawClient c(s.port());
    REQUIRE(c.send("HEAD / HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\n\r\n"));
    REQUIRE(c.readUntil([](const QByteArray &r) { return r.count("HTTP/1.1 ") == 2 && r.endsWith(DemoServer::body()); }));
    const QByteArray &r = c.received();
    const qsizetype headEnd = r.indexOf("\r\n\r\n") + 4;
    CHECK(r.left(headEnd).contains("Content-Length: " + QByteArray::number(DemoServer::body().size()) + "\r\n"));
    CHECK(r.mid(headEnd).startsWith("HTTP/1.1 200 OK\r\n")); // the GET's reply follows at once
    CHECK(r.endsWith(DemoServer::body()));
}

TEST_CASE("the server accepts bare LF line ends", "[server]")
{
    TestServer s(0);
    RawClient c(s.port());
    REQUIRE(c.send("GET / HTTP/1.1\nHost: x\n\n"));
    CHECK(c.readUntil([](const QByteArray &r) { return r.endsWith(DemoServer::body()); }, 5000));
    CHECK(c.received().startsWith("HTTP/1.1 200 OK\r\n"));
}

TEST_CASE("the server answers a client that half-closed after its request, then closes", "[server]")
{
    TestServer s(100);
    RawClient c(s.port());
    REQUIRE(c.send("GET / HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\n\r\n"));
    c.shutdownWrite();
    CHECK(c.readUntilClosed());
    CHECK(statuses(c.received()) == QList<int>{200, 200});
    CHECK(c.received().endsWith(DemoServer::body()));
}

TEST_CASE("the server answers pipelined requests in order, bodies consumed", "[server]")
{
    TestServer s(30);
    RawClient c(s.port());
    REQUIRE(c.send("GET /a HTTP/1.1\r\n\r\n"
                   "POST /b HTTP/1.1\r\nContent-Length: 11\r\n\r\nhello world"
                   "HEAD /c HTTP/1.1\r\n\r\n"
                   "DELETE /d HTTP/1.1\r\n\r\n"
                   "GET /e HTTP/1.0\r\n\r\n"
                   "GET /never HTTP/1.1\r\n\r\n"));
    CHECK(c.readUntilClosed());
    const QByteArray &r = c.received();
    QList<QByteArray> statusLines;
    for (const QByteArray &line : r.split('\n'))
        if (line.startsWith("HTTP/1.1 "))
            statusLines.append(line.mid(9, 3));
    CHECK(statusLines == QList<QByteArray>{"200", "405", "200", "405", "200"});
    CHECK(r.contains("keep-alive\r\n\r\nHTTP/1.1 405")); // HEAD's reply has no body
    CHECK(r.endsWith("Connection: close\r\n\r\n" + DemoServer::body())); // HTTP/1.0: the last one
    CHECK(s.server.stats().served == 5);
}

TEST_CASE("the server refuses malformed requests and closes the connection", "[server]")
{
    TestServer s(0);
    const QList<std::pair<QByteArray, int>> cases{
        {"GARBAGE\r\n\r\n", 400},
        {"GET / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", 400},
        {"GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400},
        {"GET / HTTP/1.1\r\nContent-Length: 0x10\r\n\r\n", 400},
        {"GET / HTTP/1.1\r\nX: a\r\n folded\r\n\r\n", 400},
        {QByteArray("GET / HTTP/1.1\r\nX: a\0b\r\n\r\n", 26), 400},
        {"GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400},
        {"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 501},
        {"GET / HTTP/2.0\r\n\r\n", 505},
        {"GET / HTTP/1.1\r\nExpect: the-unexpected\r\n\r\n", 417},
    };
    for (const auto &[request, status] : cases) {
        INFO(request.toPercentEncoding(" :/\r\n").constData());
        RawClient c(s.port());
        REQUIRE(c.send(request));
        CHECK(c.readUntilClosed());
        CHECK(statuses(c.received()) == QList<int>{status});
    }
    CHECK(s.stillAnswers());
}
