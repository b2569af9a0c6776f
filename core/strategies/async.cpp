#include "strategies/async.h"

#include "strategies/strategy.h"

#include "util/clock.h"
#include "workloads/cpuwork.h"
#include "workloads/curlapi.h"

#include <QEventLoop>
#include <QPointer>
#include <QSocketNotifier>
#include <QTimer>

#include <limits>
#include <memory>
#include <unordered_map>

namespace cl {

namespace {

// The requests of one run on a libcurl multi handle, driven by this thread's Qt event loop through
// curl_multi_socket_action: a QSocketNotifier per socket and direction libcurl asks to watch, one
// QTimer for the timeout it asks for. DNS was done before the run (the target pins the address).
class GetBatch : public QObject {
public:
    GetBatch(const AsyncGetOptions &o, std::int64_t origin, std::stop_token stop, std::atomic<qint64> *progress, SpanSink *live)
        : options_(o), multi_(curlApi().multi_init()), origin_(origin), stop_(std::move(stop)), progress_(progress), live_(live)
    {
        curlApi().multi_setopt(multi_, CURLMOPT_SOCKETFUNCTION, &GetBatch::onSocket);
        curlApi().multi_setopt(multi_, CURLMOPT_SOCKETDATA, this);
        curlApi().multi_setopt(multi_, CURLMOPT_TIMERFUNCTION, &GetBatch::onTimer);
        curlApi().multi_setopt(multi_, CURLMOPT_TIMERDATA, this);
        curlTimer_.setSingleShot(true);
        connect(&curlTimer_, &QTimer::timeout, this, [this] { act(CURL_SOCKET_TIMEOUT, 0); });
        sweep_.setInterval(kSweepInterval);
        connect(&sweep_, &QTimer::timeout, this, &GetBatch::onSweep);
    }

    ~GetBatch() override
    {
        abortAll();
        curlApi().multi_cleanup(multi_);
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
    struct Watch {
        QPointer<QSocketNotifier> read, write;
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
        auto transfer = std::make_unique<HttpTransfer>(options_.target);
        transfer->begin();
        if (live_)
            live_->opened(int(id), WorkerKind::Task, WorkerState::WaitIo, transfer->startNs());
        if (const CURLMcode rc = curlApi().multi_add_handle(multi_, transfer->handle()); rc != CURLM_OK) {
            finish(id, *transfer, QString::fromUtf8(curlApi().multi_strerror(rc)));
            return;
        }
        CURL *handle = transfer->handle();
        active_.emplace(handle, Active{id, std::move(transfer)});
    }

    // libcurl: watch `fd` for `what` (or stop watching it).
    static int onSocket(CURL *, curl_socket_t fd, int what, void *self, void *)
    {
        static_cast<GetBatch *>(self)->watch(fd, what);
        return 0;
    }

    void watch(curl_socket_t fd, int what)
    {
        Watch &w = watches_[fd];
        const bool wantRead = what == CURL_POLL_IN || what == CURL_POLL_INOUT;
        const bool wantWrite = what == CURL_POLL_OUT || what == CURL_POLL_INOUT;
        enable(w.read, fd, QSocketNotifier::Read, wantRead);
        enable(w.write, fd, QSocketNotifier::Write, wantWrite);
        if (what == CURL_POLL_REMOVE)
            watches_.erase(fd);
    }

    void enable(QPointer<QSocketNotifier> &notifier, curl_socket_t fd, QSocketNotifier::Type type, bool on)
    {
        if (on && !notifier) {
            notifier = new QSocketNotifier(fd, type, this);
            const int direction = type == QSocketNotifier::Read ? CURL_CSELECT_IN : CURL_CSELECT_OUT;
            connect(notifier, &QSocketNotifier::activated, this, [this, fd, direction] { act(fd, direction); });
        } else if (!on && notifier) {
            // Possibly inside its own activated(): libcurl closes sockets from socket_action.
            notifier->setEnabled(false);
            notifier->deleteLater();
            notifier = nullptr;
        }
    }

    // libcurl: call socket_action(TIMEOUT) in `ms` (never from inside this callback), -1: never.
    static int onTimer(CURLM *, long ms, void *self)
    {
        auto *batch = static_cast<GetBatch *>(self);
        if (ms < 0)
            batch->curlTimer_.stop();
        else
            batch->curlTimer_.start(int(std::min<long>(ms, std::numeric_limits<int>::max())));
        return 0;
    }

    void act(curl_socket_t fd, int direction)
    {
        int running = 0;
        curlApi().multi_socket_action(multi_, fd, direction, &running);
        collectDone();
    }

    void collectDone()
    {
        int queued = 0;
        while (CURLMsg *msg = curlApi().multi_info_read(multi_, &queued)) {
            if (msg->msg != CURLMSG_DONE)
                continue;
            const CURLcode result = msg->data.result; // msg is invalid once the handle is removed
            auto it = active_.find(msg->easy_handle);
            if (it == active_.end())
                continue;
            Active done = std::move(it->second);
            active_.erase(it);
            curlApi().multi_remove_handle(multi_, done.transfer->handle());
            const RequestOutcome outcome = done.transfer->outcome(result);
            finish(done.id, *done.transfer, outcome.error);
        }
        launchMore();
    }

    void finish(qint64 id, const HttpTransfer &transfer, const QString &error)
    {
        const std::int64_t now = monotonicNs();
        tally_.spans.append(
            Span{int(id), WorkerKind::Task, WorkerState::WaitIo, double(transfer.startNs() - origin_) / 1e9, double(now - origin_) / 1e9});
        if (live_) {
            live_->finished(int(id));
            live_->closed(tally_.spans.last());
        }
        if (error.isEmpty()) {
            ++tally_.items;
            tally_.latenciesMs.append(double(now - transfer.startNs()) / 1e6);
            if (progress_)
                progress_->fetch_add(1, std::memory_order_relaxed);
        } else {
            tally_.addError(error);
        }
        ++finished_;
    }

    void abortAll()
    {
        for (const auto &[handle, active] : active_)
            curlApi().multi_remove_handle(multi_, handle); // aborts the transfer and closes its connection
        active_.clear();
    }

    void onSweep()
    {
        if (!stop_.stop_requested())
            return;
        abortAll();
        finished_ = options_.requests;
        loop_.quit();
    }

    AsyncGetOptions options_;
    CURLM *multi_;
    std::int64_t origin_;
    std::stop_token stop_;
    std::atomic<qint64> *progress_;
    SpanSink *live_;
    QEventLoop loop_;
    QTimer sweep_;
    QTimer curlTimer_;
    struct Active {
        qint64 id; // the request's number: its task on the timeline
        std::unique_ptr<HttpTransfer> transfer;
    };
    std::unordered_map<CURL *, Active> active_;
    std::unordered_map<curl_socket_t, Watch> watches_;
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
        m.tally = runAsyncGets({*run.target, spec.requests, spec.connections}, run.origin, run.stop, run.progress, run.live);
    m.cpu = threadCpuTimes() - before;
    return m;
}

} // namespace cl
