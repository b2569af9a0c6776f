#include "workloads/blockinghttp.h"

#include "util/clock.h"
#include "util/uniquefd.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cl {

namespace {

constexpr int kSliceMs = 50;

QString errnoText(const char *what, int err)
{
    return QStringLiteral("%1: [Errno %2] %3").arg(QLatin1String(what)).arg(err).arg(QString::fromLocal8Bit(std::strerror(err)));
}

// Waits for `events` on fd until the deadline; returns an error text or empty.
QString waitFor(int fd, short events, std::int64_t deadlineNs, const std::stop_token &stop)
{
    for (;;) {
        if (stop.stop_requested())
            return QStringLiteral("cancelled");
        const std::int64_t leftMs = (deadlineNs - monotonicNs()) / 1'000'000;
        if (leftMs <= 0)
            return QStringLiteral("timed out");
        pollfd p{fd, events, 0};
        const int rc = ::poll(&p, 1, int(std::min<std::int64_t>(leftMs, kSliceMs)));
        if (rc > 0)
            return {};
        if (rc < 0 && errno != EINTR)
            return errnoText("poll", errno);
    }
}

QString connectTo(int fd, const HttpTarget &t, std::int64_t deadline, const std::stop_token &stop)
{
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&t.address), t.addressLength) == 0)
        return {};
    if (errno != EINPROGRESS)
        return errnoText("connect", errno);
    if (QString e = waitFor(fd, POLLOUT, deadline, stop); !e.isEmpty())
        return QStringLiteral("connect: ") + e;
    int err = 0;
    socklen_t len = sizeof err;
    ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
    return err ? errnoText("connect", err) : QString();
}

QString sendAll(int fd, const QByteArray &data, std::int64_t deadline, const std::stop_token &stop)
{
    for (qsizetype sent = 0; sent < data.size();) {
        const ssize_t n = ::send(fd, data.constData() + sent, std::size_t(data.size() - sent), MSG_NOSIGNAL);
        if (n > 0) {
            sent += n;
        } else if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
            if (QString e = waitFor(fd, POLLOUT, deadline, stop); !e.isEmpty())
                return QStringLiteral("send: ") + e;
        } else {
            return errnoText("send", errno);
        }
    }
    return {};
}

QString receive(int fd, HttpResponseParser &parser, std::int64_t deadline, const std::stop_token &stop)
{
    char buffer[16 * 1024];
    while (parser.state() == HttpResponseParser::State::Incomplete) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            parser.feed(buffer, std::size_t(n));
        } else if (n == 0) {
            parser.endOfStream();
        } else if (errno == EAGAIN || errno == EINTR) {
            if (QString e = waitFor(fd, POLLIN, deadline, stop); !e.isEmpty())
                return QStringLiteral("read: ") + e;
        } else {
            return errnoText("recv", errno);
        }
    }
    return parser.state() == HttpResponseParser::State::Failed ? parser.error() : QString();
}

} // namespace

RequestOutcome blockingGet(const HttpTarget &target, int timeoutMs, std::stop_token stop)
{
    RequestOutcome out;
    const std::int64_t start = monotonicNs();
    const std::int64_t deadline = start + std::int64_t(timeoutMs) * 1'000'000;
    const UniqueFd fd(::socket(target.address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (fd.get() < 0) {
        out.error = errnoText("socket", errno);
        return out;
    }
    HttpResponseParser parser;
    out.error = connectTo(fd.get(), target, deadline, stop);
    if (out.error.isEmpty())
        out.error = sendAll(fd.get(), target.request(), deadline, stop);
    if (out.error.isEmpty())
        out.error = receive(fd.get(), parser, deadline, stop);
    out.status = parser.status();
    if (out.error.isEmpty() && out.status != 200)
        out.error = QStringLiteral("HTTP status %1").arg(out.status);
    out.ok = out.error.isEmpty();
    out.latencyMs = double(monotonicNs() - start) / 1e6;
    return out;
}

} // namespace cl
