// The server's request parser on its own: pure, so every rule is checked byte by byte.
#include <catch2/catch.hpp>

#include "server/httprequest.h"

using namespace cl;
using State = HttpRequestParser::State;

namespace {

// Feeds `text` in pieces of `piece` bytes until the parser stops; returns the bytes it consumed.
qsizetype feedAll(HttpRequestParser &p, const QByteArray &text, qsizetype piece = 1 << 30)
{
    qsizetype used = 0;
    while (used < text.size() && (p.state() == State::Head || p.state() == State::Body)) {
        const qsizetype n = std::min(piece, text.size() - used);
        const qsizetype took = p.feed(text.constData() + used, n);
        REQUIRE(took <= n);
        used += took;
        if (took < n)
            break;
    }
    return used;
}

HttpRequestParser parsed(const QByteArray &text, HttpLimits limits = {})
{
    HttpRequestParser p(limits);
    feedAll(p, text);
    return p;
}

int failure(const QByteArray &text)
{
    const HttpRequestParser p = parsed(text);
    return p.state() == State::Failed ? p.errorStatus() : 0;
}

} // namespace

TEST_CASE("the server's request parser reads a request in any pieces, and stops at its end", "[server][parser]")
{
    const QByteArray two = "POST /a?b=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhelloGET / HTTP/1.1\r\n\r\n";
    for (qsizetype piece : {1, 2, 7, 1000}) {
        INFO("pieces of " << piece);
        HttpRequestParser p;
        CHECK(feedAll(p, two, piece) == two.indexOf("GET"));
        REQUIRE(p.state() == State::Complete);
        CHECK(p.request().method == "POST");
        CHECK(p.request().target == "/a?b=1");
        CHECK(p.request().contentLength == 5);
        CHECK(p.request().keepAlive);
        p.reset();
        CHECK_FALSE(p.started());
        CHECK(feedAll(p, two.mid(two.indexOf("GET")), piece) == 18);
        CHECK(p.state() == State::Complete);
        CHECK(p.request().method == "GET");
    }
}

TEST_CASE("the server's request parser takes bare LF, leading blank lines and absolute targets", "[server][parser]")
{
    CHECK(parsed("GET / HTTP/1.1\nHost: x\n\n").state() == State::Complete);
    CHECK(parsed("GET / HTTP/1.1\r\nHost: x\n\r\n").state() == State::Complete);
    CHECK(parsed("\r\n\nGET / HTTP/1.1\r\n\r\n").state() == State::Complete);
    CHECK(parsed("GET http://127.0.0.1:8000/x HTTP/1.1\r\n\r\n").request().target == "http://127.0.0.1:8000/x");
    CHECK(parsed("get / HTTP/1.1\r\n\r\n").request().method == "get"); // a method, if not one the server knows
    HttpRequestParser waiting;
    feedAll(waiting, "GET / HTTP/1.1\r\nHost: x\r\n");
    CHECK(waiting.state() == State::Head);
    CHECK(waiting.started());
}

TEST_CASE("the server's request parser applies HTTP/1.0 and 1.1 keep-alive rules", "[server][parser]")
{
    CHECK(parsed("GET / HTTP/1.1\r\n\r\n").request().keepAlive);
    CHECK_FALSE(parsed("GET / HTTP/1.1\r\nConnection: close\r\n\r\n").request().keepAlive);
    CHECK_FALSE(parsed("GET / HTTP/1.1\r\nConnection: Upgrade, CLOSE\r\n\r\n").request().keepAlive);
    CHECK_FALSE(parsed("GET / HTTP/1.0\r\n\r\n").request().keepAlive);
    CHECK(parsed("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").request().keepAlive);
    CHECK(parsed("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").request().minorVersion == 0);
    CHECK(parsed("GET / HTTP/1.9\r\n\r\n").request().minorVersion == 1); // answered as 1.1
}

TEST_CASE("the server's request parser reads Content-Length strictly", "[server][parser]")
{
    CHECK(parsed("POST / HTTP/1.1\r\nContent-Length:  7 \r\n\r\n").request().contentLength == 7);
    CHECK(parsed("POST / HTTP/1.1\r\nContent-Length: 7\r\nContent-Length: 7\r\n\r\n").request().contentLength == 7);
    CHECK(parsed("POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n").state() == State::Complete);
    for (const char *bad : {"+7", "-7", "7 7", "0x7", "7a", "", "7,", "7, 7", "7, 8", "1e3"}) {
        INFO(bad);
        CHECK(failure("POST / HTTP/1.1\r\nContent-Length: " + QByteArray(bad) + "\r\n\r\n") == 400);
    }
    CHECK(failure("POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n") == 400);
    CHECK(failure("POST / HTTP/1.1\r\nContent-Length: 9223372036854775807\r\n\r\n") == 413);
    CHECK(failure("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999999999\r\n\r\n") == 413);
    CHECK(failure("POST / HTTP/1.1\r\nContent-Length: 1048577\r\n\r\n") == 413);
    const HttpRequestParser atCap = parsed("POST / HTTP/1.1\r\nContent-Length: 1048576\r\n\r\n");
    CHECK(atCap.state() == State::Body);
    CHECK(atCap.bodyRemaining() == 1048576);
}

TEST_CASE("the server's request parser caps the head at 16 KiB and never holds more", "[server][parser]")
{
    const QByteArray line = "GET / HTTP/1.1\r\n";
    const auto withField = [&](qsizetype headSize) { // a head of exactly headSize bytes
        return line + "X: " + QByteArray(headSize - line.size() - 7, 'a') + "\r\n\r\n";
    };
    CHECK(withField(16 * 1024).size() == 16 * 1024);
    CHECK(parsed(withField(16 * 1024)).state() == State::Complete);
    HttpRequestParser over;
    const QByteArray tooBig = withField(16 * 1024 + 1);
    for (char c : tooBig) {
        over.feed(&c, 1);
        CHECK(over.bufferedBytes() <= 16 * 1024);
    }
    CHECK(over.state() == State::Failed);
    CHECK(over.errorStatus() == 431);
    CHECK(failure(QByteArray(20000, '\n')) == 431); // blank lines count too
    HttpRequestParser binary;
    CHECK(binary.feed(QByteArray(100, '\0').constData(), 100) == 1); // no waiting for a line end
    CHECK(binary.errorStatus() == 400);
}

TEST_CASE("the server's request parser refuses what could be read two ways", "[server][parser]")
{
    CHECK(failure("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n") == 501);
    CHECK(failure("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n") == 501);
    CHECK(failure("GET / HTTP/1.1\r\nX: a\r\n b\r\n\r\n") == 400); // obs-fold
    CHECK(failure("GET / HTTP/1.1\r\n\tX: a\r\n\r\n") == 400);
    CHECK(failure("GET / HTTP/1.1\r\nHost : x\r\n\r\n") == 400); // space before the colon
    CHECK(failure("GET / HTTP/1.1\r\nNo colon here\r\n\r\n") == 400);
    CHECK(failure(QByteArray("GET / HTTP/1.1\r\nX: a\0b\r\n\r\n", 26)) == 400);
    CHECK(failure("GET / HTTP/1.1\r\nX: a\rb\r\n\r\n") == 400); // a bare CR
    CHECK(failure(QByteArray("GET /\0 HTTP/1.1\r\n\r\n", 19)) == 400);
    CHECK(failure("GET /a b HTTP/1.1\r\n\r\n") == 400);
    CHECK(failure("GET  / HTTP/1.1\r\n\r\n") == 400);
    CHECK(failure("GET / HTTP/1.1 \r\n\r\n") == 400);
    CHECK(failure("GET /\xd0\x9f HTTP/1.1\r\n\r\n") == 400); // raw UTF-8 in the target
    CHECK(failure("GET / http/1.1\r\n\r\n") == 400);
    CHECK(failure("GET /\r\n\r\n") == 400); // HTTP/0.9
    CHECK(failure("GET / HTTP/2.0\r\n\r\n") == 505);
    CHECK(failure("G(T / HTTP/1.1\r\n\r\n") == 400);
}

TEST_CASE("the server's request parser understands Expect", "[server][parser]")
{
    const HttpRequestParser p = parsed("POST / HTTP/1.1\r\nExpect: 100-Continue\r\nContent-Length: 2\r\n\r\n");
    CHECK(p.state() == State::Body);
    CHECK(p.request().expectContinue);
    CHECK_FALSE(parsed("POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n").request().expectContinue);
    CHECK(failure("GET / HTTP/1.1\r\nExpect: something-else\r\n\r\n") == 417);
}

TEST_CASE("the server's request parser says why it failed", "[server][parser]")
{
    for (const QByteArray &bad : {QByteArray("\x16\x03\x01\x02\x01\xfc\x03\x03\n\n"), QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n")}) {
        HttpRequestParser p = parsed(bad);
        CHECK(p.state() == State::Failed);
        CHECK(p.errorStatus() == 400);
        CHECK_FALSE(p.error().isEmpty());
        CHECK(p.feed("more", 4) == 0);
    }
}
