#include "processpool.h"

#include "childworker.h"
#include "clock.h"
#include "spawnedprocess.h"
#include "workerprotocol.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>

#include <memory>
#include <vector>

namespace cl {

QString workerExecutable(const ExperimentSpec &spec)
{
    if (!spec.workerExecutable.isEmpty())
        return spec.workerExecutable;
    if (const QString fromEnv = qEnvironmentVariable("CONCURRENCY_LAB_WORKER"); !fromEnv.isEmpty())
        return fromEnv; // a host that is not concurrency-lab itself (the tests)
    return QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath();
}

namespace {

constexpr int kSweepMs = 20;
constexpr qsizetype kMaxStderr = 4096;

class Pool : public QObject
{
public:
    Pool(const ExperimentSpec &spec, const QList<qint64> &shares, std::int64_t origin, std::stop_token stop,
         std::atomic<qint64> *progress, SpanSink *live)
        : spec_(spec), shares_(shares), origin_(origin), stop_(std::move(stop)), progress_(progress), live_(live)
    {
        sweep_.setInterval(kSweepMs);
        connect(&sweep_, &QTimer::timeout, this, &Pool::onSweep);
    }

    ~Pool() override { killAll(); }

    ProcessPoolResult run()
    {
        const QString exe = workerExecutable(spec_);
        for (int i = 0; i < shares_.size() && !stop_.stop_requested(); ++i)
            spawn(i, exe);
        sweep_.start();
        if (running_ > 0)
            loop_.exec();
        killAll();
        return std::move(result_);
    }

private:
    struct Child {
        int id = 0;
        SpawnedProcess *process = nullptr; // child of the pool
        WorkerLineParser parser;
        ChildReport report;
        QByteArray stderrTail;
        std::int64_t spawnNs = 0, helloNs = 0;
        std::int64_t heardNs = 0; // the last time it said anything
        bool finished = false;
        QString killedBecause;    // why the pool killed it, when it was the one that failed
        bool collateral = false;  // killed because another worker failed
    };

    void onSweep()
    {
        if (stop_.stop_requested())
            return killAll();
        const std::int64_t now = monotonicNs();
        for (auto &c : children_)
            if (!c->finished && now - c->heardNs > silenceLimitNs_)
                return failRun(*c, QStringLiteral("reported nothing for %1 s (stopped or wedged): killed")
                                       .arg(double(now - c->heardNs) / 1e9, 0, 'f', 1));
    }

    // One worker failed: the run cannot be right any more, so stop every worker now.
    void failRun(Child &culprit, const QString &why)
    {
        if (failed_)
            return;
        failed_ = true;
        culprit.killedBecause = why;
        for (auto &c : children_)
            c->collateral = c.get() != &culprit;
        killAll();
    }

    void spawn(int id, const QString &exe)
    {
        auto &c = *children_.emplace_back(std::make_unique<Child>());
        c.id = id;
        c.process = new SpawnedProcess(this);
        connect(c.process, &SpawnedProcess::standardOutput, this, [this, &c](const QByteArray &bytes) { onOutput(c, bytes); });
        connect(c.process, &SpawnedProcess::standardError, this, [&c](const QByteArray &bytes) {
            c.stderrTail = (c.stderrTail + bytes).right(kMaxStderr);
        });
        connect(c.process, &SpawnedProcess::finished, this, [this, id] { onFinished(id); });
        ++running_;
        c.spawnNs = c.heardNs = monotonicNs();
        if (live_)
            live_->opened(id, WorkerKind::Process, WorkerState::Starting, c.spawnNs);
        if (!c.process->start(exe, workerArguments(spec_, id, shares_[id], origin_)))
            onFinished(id);
    }

    void onOutput(Child &c, const QByteArray &bytes)
    {
        const qint64 before = c.report.progress;
        c.heardNs = monotonicNs();
        c.parser.feed(bytes, c.report);
        if (c.report.hello && c.helloNs == 0) {
            c.helloNs = monotonicNs();
            if (live_) { // the child reports its own spans when it ends; until then it is "running"
                live_->closed(Span{c.id, WorkerKind::Process, WorkerState::Starting, double(c.spawnNs - origin_) / 1e9,
                                   double(c.helloNs - origin_) / 1e9});
                live_->opened(c.id, WorkerKind::Process, spec_.workload == Workload::Io ? WorkerState::WaitIo : WorkerState::Running, c.helloNs);
            }
        }
        if (progress_ && c.report.progress > before)
            progress_->fetch_add(c.report.progress - before, std::memory_order_relaxed);
    }

    void onFinished(int id)
    {
        Child &c = *children_[std::size_t(id)];
        if (c.finished)
            return;
        c.finished = true;
        if (live_) {
            live_->finished(id);
            for (const auto &[state, times] : std::as_const(c.report.spans))
                live_->closed(Span{id, WorkerKind::Process, state, times.first, times.second});
        }
        c.parser.finish(c.report);
        collect(id, c);
        if (!c.report.done && !stop_.stop_requested() && !failed_)
            failRun(c, {}); // died on its own: the others stop at once
        if (--running_ == 0)
            loop_.quit();
    }

    void collect(int id, Child &c)
    {
        auto &t = result_.tally;
        const std::int64_t started = c.helloNs ? c.helloNs : monotonicNs();
        t.spans.append(Span{id, WorkerKind::Process, WorkerState::Starting, double(c.spawnNs - origin_) / 1e9,
                            double(started - origin_) / 1e9});
        for (const auto &[state, times] : std::as_const(c.report.spans))
            t.spans.append(Span{id, WorkerKind::Process, state, times.first, times.second});
        t.latenciesMs.append(c.report.latenciesMs);
        for (const QString &e : std::as_const(c.report.errors))
            t.addError(e, 0);
        t.items += c.report.items;
        t.errors += c.report.errorCount;
        result_.cpuUserS += c.report.cpuUserS;
        result_.cpuSysS += c.report.cpuSysS;
        result_.peakRssSumBytes += c.report.peakRssBytes;
        if (c.report.done || stop_.stop_requested())
            return;
        // The culprit says why; the workers stopped because of it only count their missing items.
        t.addError(c.collateral ? QString() : describeFailure(id, c), shares_[id] - c.report.items);
    }

    QString describeFailure(int id, const Child &c) const
    {
        const SpawnedProcess &p = *c.process;
        if (!c.killedBecause.isEmpty())
            return QStringLiteral("worker process %1 %2").arg(id).arg(c.killedBecause);
        QString why = !p.errorString().isEmpty()
            ? QStringLiteral("could not start %1: %2").arg(workerExecutable(spec_), p.errorString())
            : p.termSignal() ? QStringLiteral("crashed (signal %1)").arg(p.termSignal())
                             : QStringLiteral("exited with code %1 without a result").arg(p.exitCode());
        const QString tail = QString::fromLocal8Bit(c.stderrTail).trimmed().split(QLatin1Char('\n')).last();
        return QStringLiteral("worker process %1 %2%3").arg(id).arg(why, tail.isEmpty() ? QString() : QStringLiteral(": ") + tail);
    }

    void killAll()
    {
        for (auto &c : children_)
            if (c->process && !c->finished)
                c->process->kill(); // reaps, then finished() -> onFinished()
    }

    ExperimentSpec spec_;
    QList<qint64> shares_;
    std::int64_t origin_;
    std::stop_token stop_;
    std::atomic<qint64> *progress_;
    SpanSink *live_;
    std::vector<std::unique_ptr<Child>> children_;
    int running_ = 0;
    bool failed_ = false;
    const std::int64_t silenceLimitNs_ =
        (std::int64_t(spec_.watchdogMs) + (spec_.workload == Workload::Io ? spec_.timeoutMs : 0)) * 1'000'000;
    QEventLoop loop_;
    QTimer sweep_;
    ProcessPoolResult result_;
};

} // namespace

ProcessPoolResult runProcesses(const ExperimentSpec &spec, const QList<qint64> &shares, std::int64_t originNs,
                               std::stop_token stop, std::atomic<qint64> *progress, SpanSink *live)
{
    return Pool(spec, shares, originNs, std::move(stop), progress, live).run();
}

} // namespace cl
