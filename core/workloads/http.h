// The small pieces of HTTP/1.1 both clients share: a parsed target and a response parser.
#pragma once

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <netinet/in.h>
#include <optional>

namespace cl {

struct HttpTarget {
    QString host;
    quint16 port = 80;
    QByteArray path = "/";
    sockaddr_storage address{}; // resolved once, before the run
    socklen_t addressLength = 0;
    QByteArray request() const; // "GET path HTTP/1.1" with Host and Connection: close
};

// Parses an http:// URL and resolves its host. On failure returns nullopt and sets `error`.
std::optional<HttpTarget> resolveHttpTarget(const QString &url, QString *error);

class HttpResponseParser {
public:
    enum class State { Incomplete, Complete, Failed };
    State feed(const char *data, std::size_t size);
    State endOfStream(); // the peer closed the connection
    State state() const { return state_; }
    int status() const { return status_; }
    std::int64_t bodyBytes() const { return bodyRead_; }
    const QString &error() const { return error_; }

private:
    State fail(const QString &why);
    State parseHead();
    State parseHeaders(const QList<QByteArray> &lines);
    QByteArray head_;
    bool headDone_ = false;
    bool chunkedOrUntilClose_ = false;
    int status_ = 0;
    std::int64_t contentLength_ = -1;
    std::int64_t bodyRead_ = 0;
    State state_ = State::Incomplete;
    QString error_;
};

} // namespace cl
