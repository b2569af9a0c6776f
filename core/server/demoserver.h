// The lesson's "HTTP server on port 8000 that serves a small piece of text".
// HTTP/1.1 with keep-alive, bound to 127.0.0.1, on a thread of its own so a busy GUI cannot
// slow it. Each reply waits `delay` on a timer — never a sleep — so delays overlap freely.
//
// Hostile clients cannot crash, hang or bloat it: a connection's requests are served by a loop, one
// at a time; while a reply waits, the connection is not read (the kernel and TCP hold the sender
// back); heads over 16 KiB get 431, bodies over 1 MiB 413, Transfer-Encoding 501, malformed
// requests 400, and each of them closes the connection; connections idle or stalled mid-request
// past a timeout are closed (the stalled ones with 408), all on one timer.
#pragma once

#include <QByteArray>
#include <QString>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace cl {

struct DemoServerStats {
    qint64 served = 0; // replies written
    qint64 inFlight = 0; // requests received and not yet answered
    qint64 maxInFlight = 0; // the most at once since the last reset
    qint64 connections = 0; // open connections
};

struct DemoServerTimeouts {
    int idleMs = 60'000; // a connection with no request under way is closed after this
    int requestMs = 10'000; // a request's head and body must arrive within this of its first byte: else 408
};

class DemoServer {
public:
    static constexpr quint16 kDefaultPort = 8000;
    static QByteArray body();

    DemoServer();
    ~DemoServer();
    DemoServer(const DemoServer &) = delete;
    DemoServer &operator=(const DemoServer &) = delete;

    // Listens on 127.0.0.1:port (0: a free port). False with a message when it cannot.
    bool start(quint16 port, int delayMs, QString *error);
    void stop();
    bool isRunning() const { return port_ != 0; }
    quint16 port() const { return port_; }
    QString url() const;

    void setTimeouts(DemoServerTimeouts t) { timeouts_ = t; } // from the next start() on
    DemoServerTimeouts timeouts() const { return timeouts_; }
    void setDelayMs(int ms) { counters_->delayMs.store(ms); }
    int delayMs() const { return counters_->delayMs.load(); }
    DemoServerStats stats() const;
    void resetStats();

    struct Counters {
        std::atomic<int> delayMs{100};
        std::atomic<qint64> served{0}, inFlight{0}, maxInFlight{0}, connections{0};
    };

private:
    template <typename Fn> auto onServerThread(Fn fn) -> decltype(fn());
    void runPending();

    std::shared_ptr<Counters> counters_ = std::make_shared<Counters>();
    DemoServerTimeouts timeouts_;
    QThread thread_;
    class Listener;
    Listener *listener_ = nullptr; // made, used and deleted on thread_
    std::unique_ptr<QObject> anchor_; // lives on thread_ while it runs
    std::mutex handOver_;
    std::function<void()> pending_;
    quint16 port_ = 0;
};

} // namespace cl
