// An HTTP server for the client tests, on 127.0.0.1 and a free port, whose replies are written
// byte for byte: a redirect chain, a chunked body on a connection it keeps open, an interim
// 100 Continue, a compressed body, a 404 and a path it never answers. Plain sockets on threads of
// its own, so a blocking client on the test's thread is served.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace test {

class ScriptedServer {
public:
    ScriptedServer();
    ~ScriptedServer();
    ScriptedServer(const ScriptedServer &) = delete;
    ScriptedServer &operator=(const ScriptedServer &) = delete;

    // http://127.0.0.1:PORT + path. Paths: /ok, /redirect/N (N redirects, then /ok), /chunked,
    // /interim, /deflate (deflatedText()), /alive (kept open for the next request), /missing
    // (404), /silent (never answered).
    QString url(const QString &path) const;
    int requests() const { return requests_.load(); }
    int connections() const { return connectionsAccepted_.load(); }
    static QByteArray deflatedText();

private:
    void acceptLoop(std::stop_token stop);
    void answer(int fd, std::stop_token stop);
    int listenFd_ = -1;
    quint16 port_ = 0;
    std::atomic<int> requests_{0};
    std::atomic<int> connectionsAccepted_{0};
    std::mutex mutex_;
    std::vector<std::jthread> connections_; // joined before the acceptor's end
    std::jthread acceptor_;
};

// A local HTTPS server (Python's ssl module) with the committed self-signed certificate for
// localhost, 127.0.0.1 and ::1; port() is 0 when it could not start. CL_TEST_PYTHON names the
// interpreter (default: python3).
class TlsServer {
public:
    TlsServer();
    ~TlsServer();
    quint16 port() const { return port_; }
    static QString certificate();

private:
    QProcess process_;
    quint16 port_ = 0;
};

} // namespace test
