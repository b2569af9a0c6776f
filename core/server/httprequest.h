// The demo server's HTTP/1.x request parser: incremental (bytes may arrive in any pieces), pure (no
// sockets, no event loop, so tests and the fuzzer drive it directly) and bounded (it holds at most
// the head limit and never stores a body).
//
// Strict where leniency lets two parsers disagree about where a request ends: Content-Length is
// digits only, several that disagree are refused, obs-fold and control bytes in the head are
// refused. Lenient where real clients need it: bare LF line ends, empty lines before the request
// line, absolute-form targets. A request with Transfer-Encoding is refused with 501: the server
// only ever needs tiny bodies, and one framing (Content-Length) leaves nothing to smuggle.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace cl {

struct HttpLimits {
    qsizetype maxHead = 16 * 1024; // request line, fields and the blank line; beyond: 431
    qint64 maxBody = 1024 * 1024; // the Content-Length a request may announce; beyond: 413
};

struct HttpRequest {
    QByteArray method; // case-sensitive, as sent
    QByteArray target; // origin-form "/a?b", absolute-form "http://h/a", "*", ...
    int minorVersion = 1; // HTTP/1.<minor>
    bool keepAlive = true; // HTTP/1.1 unless "Connection: close"; HTTP/1.0 only with "keep-alive"
    qint64 contentLength = 0;
    bool expectContinue = false; // "Expect: 100-continue" in an HTTP/1.1 request
};

class HttpRequestParser {
public:
    enum class State {
        Head, // waiting for the rest of the request line and fields
        Body, // the head is parsed; discarding the body
        Complete, // a whole request: read request(), then reset() for the next one
        Failed, // refuse with errorStatus() and close: the stream cannot be resynchronised
    };

    explicit HttpRequestParser(HttpLimits limits = {}) : limits_(limits) { }

    // Consumes bytes of the current request only (never past its end) and returns how many.
    // Returns 0 in Complete and Failed.
    qsizetype feed(const char *data, qsizetype size);
    void reset(); // ready for the next request on the same connection

    State state() const { return state_; }
    bool started() const { return state_ != State::Head || !head_.isEmpty(); }
    const HttpRequest &request() const { return request_; } // valid from Body on
    qint64 bodyRemaining() const { return bodyLeft_; }
    qsizetype bufferedBytes() const { return head_.size(); } // never above the head limit
    int errorStatus() const { return status_; } // when Failed: 400, 413, 417, 431, 501 or 505
    const QByteArray &error() const { return error_; } // when Failed: a short English reason

private:
    qsizetype feedHead(const char *data, qsizetype size);
    qsizetype feedBody(qsizetype size);
    bool lineEnded();
    void parseHead();
    bool parseRequestLine(QByteArrayView line);
    bool parseVersion(QByteArrayView version);
    bool parseField(QByteArrayView line);
    bool parseContentLength(QByteArrayView value);
    void readConnection(QByteArrayView value);
    bool parseExpect(QByteArrayView value);
    void finishHead();
    bool fail(int status, const char *why);

    HttpLimits limits_;
    State state_ = State::Head;
    QByteArray head_;
    qsizetype lineStart_ = 0; // where the line being received begins in head_
    bool sawRequestLine_ = false; // a non-empty line arrived (empty ones before it are skipped)
    HttpRequest request_;
    bool lengthSeen_ = false, transferEncoding_ = false, closeToken_ = false, keepAliveToken_ = false;
    qint64 bodyLeft_ = 0;
    int status_ = 0;
    QByteArray error_;
};

} // namespace cl
