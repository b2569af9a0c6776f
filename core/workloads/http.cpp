#include "workloads/http.h"

#include <QUrl>
#include <cstring>
#include <netdb.h>
#include <utility>

namespace cl {

namespace {
constexpr qsizetype kMaxHead = 64 * 1024;
}

QByteArray HttpTarget::request() const
{
    return "GET " + path + " HTTP/1.1\r\nHost: " + host.toUtf8() + ':' + QByteArray::number(port)
        + "\r\nUser-Agent: concurrency-lab\r\nAccept: */*\r\nConnection: close\r\n\r\n";
}

std::optional<HttpTarget> resolveHttpTarget(const QString &text, QString *error)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("http") || url.host().isEmpty()) {
        *error = QStringLiteral("not an http:// URL: '%1'").arg(text);
        return std::nullopt;
    }
    HttpTarget t;
    t.host = url.host();
    t.port = quint16(url.port(80));
    t.path = url.path(QUrl::FullyEncoded).toUtf8();
    if (t.path.isEmpty())
        t.path = "/";
    if (url.hasQuery())
        t.path += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *found = nullptr;
    const QByteArray host = t.host.toUtf8();
    if (const int rc = getaddrinfo(host.constData(), nullptr, &hints, &found); rc != 0 || !found) {
        *error = QStringLiteral("cannot resolve host '%1': %2").arg(t.host, QString::fromUtf8(gai_strerror(rc)));
        return std::nullopt;
    }
    std::memcpy(&t.address, found->ai_addr, found->ai_addrlen);
    t.addressLength = found->ai_addrlen;
    freeaddrinfo(found);
    if (t.address.ss_family == AF_INET)
        reinterpret_cast<sockaddr_in &>(t.address).sin_port = htons(t.port);
    else
        reinterpret_cast<sockaddr_in6 &>(t.address).sin6_port = htons(t.port);
    return t;
}

HttpResponseParser::State HttpResponseParser::fail(const QString &why)
{
    error_ = why;
    return state_ = State::Failed;
}

HttpResponseParser::State HttpResponseParser::parseHead()
{
    for (;;) {
        const auto end = head_.indexOf("\r\n\r\n");
        if (end < 0)
            return head_.size() > kMaxHead ? fail(QStringLiteral("response header too large")) : State::Incomplete;
        const QList<QByteArray> lines = head_.left(end).split('\n');
        head_.remove(0, end + 4);
        const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
        bool ok = false;
        status_ = statusLine.size() >= 2 ? statusLine[1].toInt(&ok) : 0;
        if (!statusLine.first().startsWith("HTTP/1.") || !ok || status_ < 100 || status_ > 999)
            return fail(QStringLiteral("malformed status line"));
        if (status_ >= 200 || status_ == 101)
            return parseHeaders(lines);
        // An interim response (100 Continue, 103 Early Hints): the final one follows.
    }
}

HttpResponseParser::State HttpResponseParser::parseHeaders(const QList<QByteArray> &lines)
{
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const auto colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        bool ok = false;
        if (name == "content-length") {
            contentLength_ = value.toLongLong(&ok);
            if (!ok || contentLength_ < 0)
                return fail(QStringLiteral("bad Content-Length"));
        } else if (name == "transfer-encoding" && value.toLower() != "identity") {
            chunkedOrUntilClose_ = true; // read to the end of the connection (we sent Connection: close)
        }
    }
    if (contentLength_ < 0)
        chunkedOrUntilClose_ = true;
    headDone_ = true;
    const QByteArray body = std::exchange(head_, {});
    return feed(body.constData(), std::size_t(body.size()));
}

HttpResponseParser::State HttpResponseParser::feed(const char *data, std::size_t size)
{
    if (state_ != State::Incomplete)
        return state_;
    if (!headDone_) {
        head_.append(data, qsizetype(size));
        return parseHead();
    }
    bodyRead_ += std::int64_t(size);
    if (!chunkedOrUntilClose_ && bodyRead_ >= contentLength_)
        state_ = State::Complete;
    return state_;
}

HttpResponseParser::State HttpResponseParser::endOfStream()
{
    if (state_ != State::Incomplete)
        return state_;
    if (headDone_ && chunkedOrUntilClose_)
        return state_ = State::Complete;
    return fail(QStringLiteral("connection closed before the response was complete"));
}

} // namespace cl
