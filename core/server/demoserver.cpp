#include "server/demoserver.h"

#include "server/httprequest.h"
#include "server/socketchannel.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTimer>

#include <future>
#include <type_traits>
#include <utility>

#include <array>
#include <limits>
#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

namespace cl {

namespace {

constexpr int kBacklog = 4096;
constexpr qsizetype kReadChunk = 16 * 1024; // one read(); also the most a connection keeps unparsed
constexpr qsizetype kMaxQueuedOutput = 16 * 1024; // replies a client has not read yet; beyond, its requests wait
constexpr int kChunksPerTurn = 8; // then other connections get the thread
constexpr int kAcceptRetryMs = 100; // after accept() failed, e.g. out of descriptors

const char *reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 413:
        return "Content Too Large";
    case 417:
        return "Expectation Failed";
    case 431:
        return "Request Header Fields Too Large";
    case 501:
        return "Not Implemented";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Error";
    }
}

QByteArray head(int status, qsizetype contentLength, bool keepAlive, const char *extra = "")
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
        + "\r\nServer: concurrency-lab\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + QByteArray::number(contentLength)
        + (keepAlive ? "\r\nConnection: keep-alive" : "\r\nConnection: close") + extra + "\r\n\r\n";
}

QByteArray errorReply(int status, const QByteArray &why)
{
    const QByteArray body = why + '\n';
    return head(status, body.size(), false) + body;
}

// Every reply to a well-formed request, made once: [0] closes the connection, [1] keeps it alive.
struct CannedReplies {
    std::array<QByteArray, 2> get, head, notAllowed;
    CannedReplies()
    {
        const QByteArray text = DemoServer::body();
        const QByteArray refusal = "only GET and HEAD\n";
        for (bool keepAlive : {false, true}) {
            get[keepAlive] = cl::head(200, text.size(), keepAlive) + text;
            head[keepAlive] = cl::head(200, text.size(), keepAlive); // HEAD: GET's headers, no body
            notAllowed[keepAlive] = cl::head(405, refusal.size(), keepAlive, "\r\nAllow: GET, HEAD") + refusal;
        }
    }
    const QByteArray &to(const HttpRequest &r) const
    {
        const auto &which = r.method == "GET" ? get : r.method == "HEAD" ? head : notAllowed;
        return which[r.keepAlive];
    }
};

// Hands each accepted descriptor over raw, to become a SocketChannel.
class Acceptor : public QTcpServer {
public:
    using QTcpServer::QTcpServer;
    std::function<void(qintptr)> onConnection;

protected:
    void incomingConnection(qintptr fd) override { onConnection(fd); }
};

struct Connection {
    Connection(quint64 id, int fd) : id(id), channel(fd) { }
    const quint64 id;
    SocketChannel channel;
    HttpRequestParser parser;
    QByteArray unread; // read past the end of a request: parsed when its turn comes
    QByteArray waitingReply; // the reply waiting for its delay
    bool replyKeepsAlive = true;
    bool busy = false; // a reply is waiting: nothing more is read meanwhile (backpressure)
    bool closing = false; // close once the queued output is written
    bool closed = false;
    qint64 idleSince = 0; // last reply or output progress, in ms on the listener's clock
    qint64 requestSince = 0; // the current request's first byte
    qint64 queuedDeadline = 0; // this connection's timeout entry in the deadline queue; 0: none
};

} // namespace

class DemoServer::Listener : public QObject {
public:
    Listener(std::shared_ptr<Counters> counters, DemoServerTimeouts timeouts) : counters_(std::move(counters)), timeouts_(timeouts)
    {
        clock_.start();
        scratch_.resize(kReadChunk);
        timer_->setSingleShot(true);
        timer_->setTimerType(Qt::PreciseTimer);
        connect(timer_, &QTimer::timeout, this, &Listener::onTimer);
        server_->setListenBacklogSize(kBacklog);
        server_->onConnection = [this](qintptr fd) { accept(int(fd)); };
        connect(
            server_, &QTcpServer::acceptError, this, [this] { QTimer::singleShot(kAcceptRetryMs, server_, &QTcpServer::resumeAccepting); });
    }

    QString listen(quint16 port, quint16 *bound)
    {
        if (!server_->listen(QHostAddress::LocalHost, port))
            return QStringLiteral("cannot listen on 127.0.0.1:%1: %2").arg(port).arg(server_->errorString());
        *bound = server_->serverPort();
        return {};
    }

private:
    struct Due {
        quint64 connection;
        bool reply; // else a timeout
    };

    void accept(int fd)
    {
        auto owned = std::make_unique<Connection>(nextId_++, fd);
        Connection &c = *owned;
        c.channel.watch(
            this, [this, &c] { pump(c); }, [this, &c] { onWritable(c); });
        c.idleSince = clock_.elapsed();
        connections_.emplace(c.id, std::move(owned));
        counters_->connections.fetch_add(1);
        updateDeadline(c);
    }

    bool canProcess(const Connection &c) const { return !c.busy && !c.closing && !c.closed && c.channel.pending() < kMaxQueuedOutput; }

    // Serves what the connection has sent, request after request, in a loop (never by recursion),
    // until a reply must wait, the client must read first, or the turn is over.
    void pump(Connection &c)
    {
        const qint64 now = clock_.elapsed();
        if (!canProcess(c)) // bytes arrived behind a waiting reply: stop reading until it has gone
            c.channel.setReading(false);
        for (int turn = 0; turn < kChunksPerTurn && canProcess(c); ++turn) {
            QByteArrayView data = c.unread;
            if (data.isEmpty()) {
                data = QByteArrayView(scratch_.constData(), c.channel.read(scratch_.data(), kReadChunk));
                if (data.isEmpty())
                    break;
            }
            const qsizetype used = consume(c, data.data(), data.size(), now);
            QByteArray rest = data.sliced(used).toByteArray();
            c.unread = std::move(rest);
            flush(c, now);
        }
        settle(c, now);
    }

    qsizetype consume(Connection &c, const char *data, qsizetype size, qint64 now)
    {
        qsizetype used = 0;
        while (used < size && canProcess(c)) {
            const HttpRequestParser::State before = c.parser.state();
            if (!c.parser.started())
                c.requestSince = now;
            used += c.parser.feed(data + used, size - used);
            act(c, before, now);
        }
        return used;
    }

    void act(Connection &c, HttpRequestParser::State before, qint64 now)
    {
        using State = HttpRequestParser::State;
        switch (c.parser.state()) {
        case State::Head:
            return;
        case State::Body:
            if (before == State::Head && c.parser.request().expectContinue)
                c.channel.queue("HTTP/1.1 100 Continue\r\n\r\n");
            return;
        case State::Complete:
            return respond(c, now);
        case State::Failed:
            return refuse(c, c.parser.errorStatus(), c.parser.error());
        }
    }

    void respond(Connection &c, qint64 now)
    {
        const QByteArray &reply = canned_.to(c.parser.request());
        const bool keepAlive = c.parser.request().keepAlive;
        c.parser.reset();
        const qint64 inFlight = counters_->inFlight.fetch_add(1) + 1;
        for (qint64 seen = counters_->maxInFlight.load();
             inFlight > seen && !counters_->maxInFlight.compare_exchange_weak(seen, inFlight);) { }
        const int delay = counters_->delayMs.load();
        if (delay <= 0)
            return finish(c, reply, keepAlive, now);
        c.busy = true;
        c.waitingReply = reply;
        c.replyKeepsAlive = keepAlive;
        // `now` is whole milliseconds, rounded down: count from the next one, so a reply never
        // leaves before its delay has passed since the request arrived.
        due_.emplace(now + 1 + delay, Due{c.id, true});
        armTimer();
    }

    void finish(Connection &c, const QByteArray &reply, bool keepAlive, qint64 now)
    {
        c.busy = false;
        counters_->inFlight.fetch_sub(1);
        counters_->served.fetch_add(1);
        c.channel.queue(reply);
        c.idleSince = now;
        c.closing = c.closing || !keepAlive;
    }

    void refuse(Connection &c, int status, const QByteArray &why)
    {
        c.channel.queue(errorReply(status, why));
        c.closing = true;
    }

    void flush(Connection &c, qint64 now)
    {
        if (c.channel.flush() > 0)
            c.idleSince = now; // a client that reads is not idle
    }

    void onWritable(Connection &c)
    {
        flush(c, clock_.elapsed());
        pump(c); // below the output bound again: go on with what waits
    }

    // After every event: write, close when done, read only when ready, re-arm the timeout.
    void settle(Connection &c, qint64 now)
    {
        if (c.closed)
            return;
        if (c.channel.peerClosed() && !c.busy && c.unread.isEmpty())
            c.closing = true; // nothing more will come; a request cut short is dropped
        flush(c, now);
        if (c.channel.failed() || (c.closing && c.channel.pending() == 0))
            return drop(c);
        // Reading stops lazily, in pump(): most clients send nothing while their reply waits, and
        // re-registering a notifier costs O(connections) in glib's event dispatcher.
        if (c.channel.peerClosed() || canProcess(c))
            c.channel.setReading(!c.channel.peerClosed());
        if (canProcess(c) && !c.unread.isEmpty()) // the turn ended with requests still buffered
            QMetaObject::invokeMethod(
                this,
                [this, id = c.id] {
                    if (Connection *c = find(id))
                        pump(*c);
                },
                Qt::QueuedConnection);
        updateDeadline(c);
    }

    void drop(Connection &c)
    {
        c.closed = true;
        c.channel.close();
        if (c.busy)
            counters_->inFlight.fetch_sub(1);
        counters_->connections.fetch_sub(1);
        auto node = connections_.extract(c.id);
        // Freed on the next pass of the event loop: callers up the stack may still hold `c`.
        if (graveyard_.empty())
            QMetaObject::invokeMethod(
                this, [this] { graveyard_.clear(); }, Qt::QueuedConnection);
        graveyard_.push_back(std::move(node.mapped()));
    }

    Connection *find(quint64 id)
    {
        const auto it = connections_.find(id);
        return it == connections_.end() ? nullptr : it->second.get();
    }

    // Timeouts: a connection receiving a request has requestMs from its first byte; any other one
    // idleMs from its last reply or output progress; one whose reply waits has none.
    qint64 deadlineOf(const Connection &c) const
    {
        if (c.closed || c.busy)
            return 0;
        const bool receiving = c.parser.started() && canProcess(c);
        return receiving ? c.requestSince + timeouts_.requestMs : c.idleSince + timeouts_.idleMs;
    }

    // Queues a timeout entry only when the deadline moved earlier; a later one is found when the
    // queued entry comes due. So keep-alive traffic costs no queue operation per request.
    void updateDeadline(Connection &c)
    {
        const qint64 deadline = deadlineOf(c);
        if (deadline == 0 || (c.queuedDeadline != 0 && c.queuedDeadline <= deadline))
            return;
        c.queuedDeadline = deadline;
        due_.emplace(deadline, Due{c.id, false});
        armTimer();
    }

    void onDeadline(Connection &c, qint64 at, qint64 now)
    {
        if (at != c.queuedDeadline)
            return; // superseded by an earlier entry
        c.queuedDeadline = 0;
        const qint64 deadline = deadlineOf(c);
        if (deadline != 0 && deadline <= now)
            return expire(c, now);
        updateDeadline(c);
    }

    void expire(Connection &c, qint64 now)
    {
        if (c.parser.started() && canProcess(c)) { // stalled mid-request (slowloris)
            refuse(c, 408, "request timeout");
            c.idleSince = now; // the 408 gets idleMs to leave
            return settle(c, now);
        }
        drop(c); // idle, or not reading what it was sent
    }

    void onTimer()
    {
        const qint64 now = clock_.elapsed();
        while (!due_.empty() && due_.begin()->first <= now) {
            const auto [at, due] = *due_.begin();
            due_.erase(due_.begin());
            Connection *c = find(due.connection);
            if (c && due.reply)
                deliver(*c, now);
            else if (c)
                onDeadline(*c, at, now);
        }
        armTimer();
    }

    void deliver(Connection &c, qint64 now)
    {
        finish(c, std::exchange(c.waitingReply, QByteArray()), c.replyKeepsAlive, now);
        pump(c); // the next buffered request, if any
    }

    // One timer for every pending reply and timeout, armed for the earliest: thousands of them
    // cost O(log n) each instead of a QTimer apiece (whose bookkeeping is linear in Qt 6.4).
    void armTimer()
    {
        if (due_.empty())
            return timer_->stop();
        const qint64 wait = std::max<qint64>(0, due_.begin()->first - clock_.elapsed());
        if (!timer_->isActive() || timer_->remainingTime() > wait)
            timer_->start(int(std::min<qint64>(wait, std::numeric_limits<int>::max())));
    }

    std::shared_ptr<Counters> counters_;
    const DemoServerTimeouts timeouts_;
    const CannedReplies canned_;
    QElapsedTimer clock_;
    QByteArray scratch_; // every connection reads into it; only leftovers are copied
    QTimer *timer_ = new QTimer(this);
    std::multimap<qint64, Due> due_; // by due time, then arrival
    std::unordered_map<quint64, std::unique_ptr<Connection>> connections_;
    std::vector<std::unique_ptr<Connection>> graveyard_;
    quint64 nextId_ = 1;
    Acceptor *server_ = new Acceptor(this); // a child, so moveToThread() takes it along
};

QByteArray DemoServer::body()
{
    return "Hello from Concurrency Lab! \xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 \xe2\x80\x94 "
           "a small piece of text for the IO-bound experiments.\n";
}

DemoServer::DemoServer()
{
    thread_.setObjectName(QStringLiteral("demo-server"));
}

DemoServer::~DemoServer()
{
    stop();
}

// Runs `fn` on the server's thread and waits for it. The hand-over goes through a std::mutex and
// a std::promise rather than a blocking queued call, so ThreadSanitizer (which cannot see inside
// Qt's event queue) sees the Listener built, used and destroyed on one thread, in order.
template <typename Fn> auto DemoServer::onServerThread(Fn fn) -> decltype(fn())
{
    using Result = decltype(fn());
    std::promise<Result> done;
    {
        const std::lock_guard lock(handOver_);
        pending_ = [&] {
            if constexpr (std::is_void_v<Result>) {
                fn();
                done.set_value();
            } else {
                done.set_value(fn());
            }
        };
    }
    QMetaObject::invokeMethod(
        anchor_.get(), [this] { runPending(); }, Qt::QueuedConnection);
    return done.get_future().get();
}

void DemoServer::runPending()
{
    std::function<void()> task;
    {
        const std::lock_guard lock(handOver_);
        task = std::exchange(pending_, {});
    }
    if (task)
        task();
}

bool DemoServer::start(quint16 port, int delayMs, QString *error)
{
    stop();
    setDelayMs(delayMs);
    anchor_ = std::make_unique<QObject>(); // the server thread's context for the calls below
    anchor_->moveToThread(&thread_);
    thread_.start();
    if (!thread_.isRunning()) { // out of threads: a call into it would never return
        anchor_.reset();
        if (error)
            *error = QStringLiteral("cannot start the server's thread (is the limit on processes and threads, ulimit -u, too low?)");
        return false;
    }
    quint16 bound = 0;
    const QString why = onServerThread([this, port, &bound] {
        listener_ = new Listener(counters_, timeouts_); // made, used and deleted on the server thread
        return listener_->listen(port, &bound);
    });
    if (!why.isEmpty()) {
        stop();
        if (error)
            *error = why;
        return false;
    }
    port_ = bound;
    return true;
}

void DemoServer::stop()
{
    if (listener_)
        onServerThread([this] { delete std::exchange(listener_, nullptr); });
    thread_.quit();
    thread_.wait();
    anchor_.reset();
    port_ = 0;
    counters_->inFlight = 0;
    counters_->connections = 0;
}

QString DemoServer::url() const
{
    return QStringLiteral("http://127.0.0.1:%1/").arg(port_);
}

DemoServerStats DemoServer::stats() const
{
    return {counters_->served.load(), counters_->inFlight.load(), counters_->maxInFlight.load(), counters_->connections.load()};
}

void DemoServer::resetStats()
{
    counters_->served = 0;
    counters_->maxInFlight = counters_->inFlight.load();
}

} // namespace cl
