#include "demoserver.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <map>

namespace cl {

namespace {

constexpr qsizetype kMaxRequestHead = 16 * 1024;
constexpr int kBacklog = 4096;

QByteArray reply(int status, const char *reason, const QByteArray &body, bool keepAlive)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
        + "\r\nServer: concurrency-lab\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
        + QByteArray::number(body.size()) + (keepAlive ? "\r\nConnection: keep-alive" : "\r\nConnection: close")
        + "\r\n\r\n" + body;
}

struct ParsedRequest {
    bool complete = false;
    bool malformed = false;
    bool isGet = false;
    bool keepAlive = true;
    qsizetype length = 0; // bytes the request used in the buffer
};

ParsedRequest parseRequest(const QByteArray &buffer)
{
    ParsedRequest r;
    const auto end = buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        r.malformed = buffer.size() > kMaxRequestHead;
        return r;
    }
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    const QList<QByteArray> first = lines.first().trimmed().split(' ');
    if (first.size() != 3 || !first[2].startsWith("HTTP/1.")) {
        r.malformed = true;
        return r;
    }
    r.complete = true;
    r.isGet = first[0] == "GET" || first[0] == "HEAD";
    r.keepAlive = first[2] == "HTTP/1.1";
    qint64 contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed().toLower();
        if (line.startsWith("connection:"))
            r.keepAlive = line.contains("keep-alive") || (r.keepAlive && !line.contains("close"));
        else if (line.startsWith("content-length:"))
            contentLength = line.mid(15).trimmed().toLongLong();
    }
    r.length = end + 4 + qsizetype(std::max<qint64>(0, contentLength));
    if (r.length > buffer.size())
        r.complete = false; // wait for the body
    return r;
}

} // namespace

class DemoServer::Listener : public QObject
{
public:
    explicit Listener(std::shared_ptr<Counters> counters) : counters_(std::move(counters))
    {
        clock_.start();
        timer_->setSingleShot(true);
        timer_->setTimerType(Qt::PreciseTimer);
        connect(timer_, &QTimer::timeout, this, &Listener::onTimer);
        server_->setListenBacklogSize(kBacklog);
        connect(server_, &QTcpServer::newConnection, this, &Listener::onNewConnection);
    }

    QString listen(quint16 port, quint16 *bound)
    {
        if (!server_->listen(QHostAddress::LocalHost, port))
            return QStringLiteral("cannot listen on 127.0.0.1:%1: %2").arg(port).arg(server_->errorString());
        *bound = server_->serverPort();
        return {};
    }

private:
    struct Connection {
        QByteArray buffer;
        bool busy = false; // a reply is pending: answer in order (HTTP/1.1 without pipelined overlap)
    };

    void onNewConnection()
    {
        while (QTcpSocket *socket = server_->nextPendingConnection()) {
            socket->setParent(this);
            counters_->connections.fetch_add(1);
            auto state = std::make_shared<Connection>();
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, state] { serve(socket, state); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket, state] {
                if (state->busy)
                    counters_->inFlight.fetch_sub(1);
                state->busy = false;
                counters_->connections.fetch_sub(1);
                socket->deleteLater();
            });
        }
    }

    void serve(QTcpSocket *socket, const std::shared_ptr<Connection> &state)
    {
        Connection &c = *state;
        c.buffer += socket->readAll();
        if (c.busy)
            return;
        const ParsedRequest r = parseRequest(c.buffer);
        if (r.malformed) {
            socket->write(reply(400, "Bad Request", "bad request\n", false));
            socket->disconnectFromHost();
            return;
        }
        if (!r.complete)
            return;
        c.buffer.remove(0, r.length);
        c.busy = true;
        const qint64 now = counters_->inFlight.fetch_add(1) + 1;
        for (qint64 seen = counters_->maxInFlight.load(); now > seen && !counters_->maxInFlight.compare_exchange_weak(seen, now);) {}
        Reply pending{socket, state, r.isGet ? okReply(r.keepAlive) : reply(405, "Method Not Allowed", "only GET\n", r.keepAlive),
                      r.keepAlive};
        if (const int delay = counters_->delayMs.load(); delay > 0) {
            due_.emplace(clock_.elapsed() + delay, std::move(pending));
            armTimer();
        } else {
            answer(pending);
        }
    }

    struct Reply {
        QPointer<QTcpSocket> socket;
        std::shared_ptr<Connection> state;
        QByteArray response;
        bool keepAlive = true;
    };

    QByteArray okReply(bool keepAlive) const { return keepAlive ? okKeepAlive_ : okClose_; }

    void answer(const Reply &r)
    {
        Connection &c = *r.state;
        if (!r.socket || !c.busy)
            return; // the client went away meanwhile
        c.busy = false;
        counters_->inFlight.fetch_sub(1);
        counters_->served.fetch_add(1);
        r.socket->write(r.response);
        if (!r.keepAlive)
            r.socket->disconnectFromHost();
        else if (!c.buffer.isEmpty())
            serve(r.socket, r.state);
    }

    // One timer for every pending reply, armed for the earliest: thousands of delayed replies
    // cost O(log n) each instead of a QTimer apiece (whose bookkeeping is linear in Qt 6.4).
    void armTimer()
    {
        if (due_.empty())
            return timer_->stop();
        const qint64 wait = std::max<qint64>(0, due_.begin()->first - clock_.elapsed());
        if (!timer_->isActive() || timer_->remainingTime() > wait)
            timer_->start(int(wait));
    }

    void onTimer()
    {
        const qint64 now = clock_.elapsed();
        while (!due_.empty() && due_.begin()->first <= now) {
            const Reply r = std::move(due_.begin()->second);
            due_.erase(due_.begin());
            answer(r);
        }
        armTimer();
    }

    std::shared_ptr<Counters> counters_;
    const QByteArray okKeepAlive_ = reply(200, "OK", DemoServer::body(), true);
    const QByteArray okClose_ = reply(200, "OK", DemoServer::body(), false);
    QElapsedTimer clock_;
    QTimer *timer_ = new QTimer(this);
    std::multimap<qint64, Reply> due_; // by due time, then arrival
    QTcpServer *server_ = new QTcpServer(this); // a child, so moveToThread() takes it along
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

bool DemoServer::start(quint16 port, int delayMs, QString *error)
{
    stop();
    setDelayMs(delayMs);
    thread_.start();
    listener_ = new Listener(counters_); // parentless on purpose: moved to thread_, deleted in stop()
    listener_->moveToThread(&thread_);
    QString why;
    quint16 bound = 0;
    QMetaObject::invokeMethod(listener_, [&] { why = listener_->listen(port, &bound); }, Qt::BlockingQueuedConnection);
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
    if (listener_) {
        QMetaObject::invokeMethod(listener_, [l = listener_] { delete l; }, Qt::BlockingQueuedConnection);
        listener_ = nullptr;
    }
    thread_.quit();
    thread_.wait();
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
