#include "scriptedserver.h"

#include <QList>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace test {

namespace {

constexpr int kSliceMs = 20;

// Waits for input on fd in slices until `stop`; false when stopped.
bool readable(int fd, const std::stop_token &stop)
{
    while (!stop.stop_requested()) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, kSliceMs) > 0)
            return true;
    }
    return false;
}

QByteArray reply(const QByteArray &path)
{
    if (path == "/ok")
        return "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
    if (path.startsWith("/redirect/")) {
        const int left = path.mid(10).toInt();
        const QByteArray next = left > 1 ? "/redirect/" + QByteArray::number(left - 1) : QByteArray("/ok");
        return "HTTP/1.1 302 Found\r\nLocation: " + next + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    }
    if (path == "/chunked") // no Connection: close, and the connection stays open
        return "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
    if (path == "/interim")
        return "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
    if (path == "/deflate") {
        const QByteArray body = ScriptedServer::deflatedText();
        return "HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\nConnection: close\r\n\r\n" + body;
    }
    if (path == "/alive") // kept open for the next request
        return "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    if (path == "/silent")
        return {};
    return "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
}

} // namespace

QByteArray ScriptedServer::deflatedText()
{
    return qCompress(QByteArray(1000, 'a')).mid(4); // qCompress: a 4-byte length, then a zlib stream
}

ScriptedServer::ScriptedServer()
{
    listenFd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (::bind(listenFd_, reinterpret_cast<sockaddr *>(&address), length) == 0 && ::listen(listenFd_, 256) == 0
        && ::getsockname(listenFd_, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port_ = ntohs(address.sin_port);
    acceptor_ = std::jthread([this](std::stop_token stop) { acceptLoop(stop); });
}

ScriptedServer::~ScriptedServer()
{
    acceptor_.request_stop();
    acceptor_.join();
    ::close(listenFd_);
}

TlsServer::TlsServer()
{
    const QString python = qEnvironmentVariable("CL_TEST_PYTHON", QStringLiteral("python3"));
    process_.start(python, {QStringLiteral(CL_TESTS_DIR "/data/tls/server.py")});
    if (process_.waitForReadyRead(30'000))
        port_ = quint16(process_.readLine().trimmed().toUInt());
}

TlsServer::~TlsServer()
{
    process_.closeWriteChannel(); // the server's end
    if (!process_.waitForFinished(10'000))
        process_.kill();
    process_.waitForFinished(10'000);
}

QString TlsServer::certificate()
{
    return QStringLiteral(CL_TESTS_DIR "/data/tls/cert.pem");
}

QString ScriptedServer::url(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(port_).arg(path);
}

void ScriptedServer::acceptLoop(std::stop_token stop)
{
    while (readable(listenFd_, stop)) {
        const int fd = ::accept4(listenFd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0)
            continue;
        const std::lock_guard lock(mutex_);
        connections_.emplace_back([this, fd, stop] { answer(fd, stop); });
    }
    const std::lock_guard lock(mutex_);
    for (std::jthread &t : connections_)
        t.join(); // each ends at `stop` (the acceptor's) or when its client closes
}

void ScriptedServer::answer(int fd, std::stop_token stop)
{
    ++connectionsAccepted_;
    QByteArray pending;
    char buffer[4096];
    for (;;) { // request after request while the client keeps the connection
        while (!pending.contains("\r\n\r\n") && readable(fd, stop)) {
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0)
                break;
            pending.append(buffer, n);
        }
        const auto end = pending.indexOf("\r\n\r\n");
        if (end < 0)
            break;
        ++requests_;
        const QList<QByteArray> words = pending.left(pending.indexOf("\r\n")).split(' ');
        pending.remove(0, end + 4);
        const QByteArray out = reply(words.value(1));
        (void)::send(fd, out.constData(), std::size_t(out.size()), MSG_NOSIGNAL);
        if (out.isEmpty() || out.contains("Connection: close"))
            break;
    }
    // Like a server that never answers or keeps connections: the client is the one to close.
    while (readable(fd, stop) && ::recv(fd, buffer, sizeof buffer, 0) > 0) { }
    ::close(fd);
}

} // namespace test
