#include "strategies/async.h"

#include "strategies/strategy.h"

#include "util/clock.h"
#include "workloads/cpuwork.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <deque>
#include <memory>
#include <sys/resource.h>
#include <unordered_map>

namespace cl {

namespace {

class GetBatch : public QObject {
public:
    GetBatch(const AsyncGetOptions &o, std::int64_t origin, std::stop_token stop, std::atomic<qint64> *progress, SpanSink *live)
        : options_(o), address_(reinterpret_cast<const sockaddr *>(&o.target.address)), request_(o.target.request()), origin_(origin),
          stop_(std::move(stop)), progress_(progress), live_(live)
    {
        sweep_.setInterval(kSweepInterval);
        connect(&sweep_, &QTimer::timeout, this, &GetBatch::onSweep);
    }

    WorkTally run()
    {
        sweep_.start();
        launchMore();
        if (!allDone())
            loop_.exec();
        return std::move(tally_);
    }

private:
    struct Pending {
        QPointer<QTcpSocket> socket;
        HttpResponseParser parser;
        std::int64_t startNs = 0;
    };

    bool allDone() const { return finished_ == options_.requests; }
    qint64 limit() const { return options_.connections > 0 ? options_.connections : options_.requests; }

    void launchMore()
    {
        while (next_ < options_.requests && qint64(active_.size()) < limit() && !stop_.stop_requested())
            launch(next_++);
        if (allDone())
            loop_.quit();
    }

    void launch(qint64 id)
    {
        auto pending = std::make_unique<Pending>();
        pending->startNs = monotonicNs();
        if (live_)
            live_->opened(int(id), WorkerKind::Task, WorkerState::WaitIo, pending->startNs);
        auto *socket = new QTcpSocket(this);
        pending->socket = socket;
        active_.emplace(id, std::move(pending));
        connect(socket, &QTcpSocket::connected, this, [this, socket] { socket->write(request_); });
        connect(socket, &QTcpSocket::readyRead, this, [this, id] { onData(id, false); });
        connect(socket, &QTcpSocket::disconnected, this, [this, id] { onData(id, true); });
        connect(socket, &QTcpSocket::errorOccurred, this, [this, id](QAbstractSocket::SocketError e) {
            if (e == QAbstractSocket::RemoteHostClosedError)
                onData(id, true);
            else if (e == QAbstractSocket::SocketResourceError)
                postFinish(id, outOfDescriptors());
            else if (auto it = active_.find(id); it != active_.end())
                postFinish(id, it->second->socket ? it->second->socket->errorString() : QStringLiteral("socket error"));
        });
        socket->connectToHost(address_, options_.target.port);
    }

    static QString outOfDescriptors()
    {
        rlimit limit{};
        getrlimit(RLIMIT_NOFILE, &limit);
        return QStringLiteral("out of file descriptors (the limit is %1; each connection needs one): "
                              "use fewer --connections")
            .arg(qulonglong(limit.rlim_cur));
    }

    void onData(qint64 id, bool atEnd)
    {
        auto it = active_.find(id);
        if (it == active_.end() || !it->second->socket)
            return;
        Pending &p = *it->second;
        const QByteArray data = p.socket->readAll();
        p.parser.feed(data.constData(), std::size_t(data.size()));
        if (atEnd)
            p.parser.endOfStream();
        using S = HttpResponseParser::State;
        if (p.parser.state() == S::Failed)
            postFinish(id, p.parser.error());
        else if (p.parser.state() == S::Complete)
            postFinish(id, p.parser.status() == 200 ? QString() : QStringLiteral("HTTP status %1").arg(p.parser.status()));
    }

    // Finishing is queued: a socket may report an error from inside connectToHost().
    void postFinish(qint64 id, const QString &error)
    {
        QMetaObject::invokeMethod(
            this, [this, id, error] { finish(id, error); }, Qt::QueuedConnection);
    }

    void finish(qint64 id, const QString &error)
    {
        auto it = active_.find(id);
        if (it == active_.end())
            return;
        const std::int64_t now = monotonicNs();
        std::unique_ptr<Pending> p = std::move(it->second);
        active_.erase(it);
        if (p->socket) {
            p->socket->disconnect(this);
            p->socket->abort();
            p->socket->deleteLater();
        }
        tally_.spans.append(
            Span{int(id), WorkerKind::Task, WorkerState::WaitIo, double(p->startNs - origin_) / 1e9, double(now - origin_) / 1e9});
        if (live_) {
            live_->finished(int(id));
            live_->closed(tally_.spans.last());
        }
        if (error.isEmpty()) {
            ++tally_.items;
            tally_.latenciesMs.append(double(now - p->startNs) / 1e6);
            if (progress_)
                progress_->fetch_add(1, std::memory_order_relaxed);
        } else {
            tally_.addError(error);
        }
        ++finished_;
        launchMore();
    }

    void onSweep()
    {
        if (stop_.stop_requested()) {
            finished_ = options_.requests;
            for (auto &[id, p] : active_)
                if (p->socket)
                    p->socket->abort();
            loop_.quit();
            return;
        }
        const std::int64_t deadline = monotonicNs() - std::int64_t(options_.timeoutMs) * 1'000'000;
        for (const auto &[id, p] : active_)
            if (p->startNs < deadline)
                postFinish(id, QStringLiteral("timed out"));
    }

    AsyncGetOptions options_;
    QHostAddress address_;
    QByteArray request_;
    std::int64_t origin_;
    std::stop_token stop_;
    std::atomic<qint64> *progress_;
    SpanSink *live_;
    QEventLoop loop_;
    QTimer sweep_;
    std::unordered_map<qint64, std::unique_ptr<Pending>> active_;
    qint64 next_ = 0;
    qint64 finished_ = 0;
    WorkTally tally_;
};

constexpr qint64 kAsyncCpuChunk = 10'000; // about 1.2 ms of counting between yields

class CpuTasks : public QObject {
public:
    CpuTasks(const QList<qint64> &shares, std::int64_t origin, std::stop_token stop, std::atomic<qint64> *progress, SpanSink *live)
        : left_(shares), origin_(origin), stop_(std::move(stop)), progress_(progress), live_(live)
    {
        for (int i = 0; i < shares.size(); ++i)
            readySince_.append(monotonicNs());
    }

    WorkTally run()
    {
        running_ = int(left_.size());
        for (int i = 0; i < left_.size(); ++i)
            schedule(i);
        if (running_ > 0)
            loop_.exec();
        return std::move(tally_);
    }

private:
    void schedule(int task)
    {
        QMetaObject::invokeMethod(
            this, [this, task] { resume(task); }, Qt::QueuedConnection);
    }

    void resume(int task)
    {
        const std::int64_t t0 = monotonicNs();
        addSpan(task, WorkerState::Ready, readySince_[task], t0);
        const qint64 n = stop_.stop_requested() ? 0 : std::min(kAsyncCpuChunk, left_[task]);
        const qint64 counted = interpretSteps(n);
        left_[task] -= counted;
        tally_.items += counted;
        if (progress_)
            progress_->fetch_add(counted, std::memory_order_relaxed);
        const std::int64_t t1 = monotonicNs();
        addSpan(task, WorkerState::Running, t0, t1);
        readySince_[task] = t1;
        if (left_[task] > 0 && !stop_.stop_requested())
            schedule(task); // `await asyncio.sleep(0)`: back of the queue
        else if (--running_ == 0)
            loop_.quit();
    }

    void addSpan(int task, WorkerState s, std::int64_t t0, std::int64_t t1)
    {
        if (t1 <= t0)
            return;
        tally_.spans.append(Span{task, WorkerKind::Task, s, double(t0 - origin_) / 1e9, double(t1 - origin_) / 1e9});
        if (live_)
            live_->closed(tally_.spans.last());
    }

    QList<qint64> left_;
    QList<std::int64_t> readySince_;
    std::int64_t origin_;
    std::stop_token stop_;
    std::atomic<qint64> *progress_;
    SpanSink *live_;
    int running_ = 0;
    QEventLoop loop_;
    WorkTally tally_;
};

} // namespace

WorkTally runAsyncGets(
    const AsyncGetOptions &options, std::int64_t originNs, std::stop_token stop, std::atomic<qint64> *progress, SpanSink *live)
{
    return GetBatch(options, originNs, std::move(stop), progress, live).run();
}

WorkTally runAsyncCpu(
    const QList<qint64> &shares, std::int64_t originNs, std::stop_token stop, std::atomic<qint64> *progress, SpanSink *live)
{
    return CpuTasks(shares, originNs, std::move(stop), progress, live).run();
}

Measured runAsync(const RunContext &run)
{
    const ExperimentSpec &spec = run.spec;
    const CpuTimes before = threadCpuTimes();
    Measured m;
    if (spec.workload == Workload::Cpu)
        m.tally = runAsyncCpu(splitEvenly(spec.steps, spec.workers), run.origin, run.stop, run.progress, run.live);
    else
        m.tally
            = runAsyncGets({*run.target, spec.requests, spec.connections, spec.timeoutMs}, run.origin, run.stop, run.progress, run.live);
    m.cpu = threadCpuTimes() - before;
    return m;
}

} // namespace cl
