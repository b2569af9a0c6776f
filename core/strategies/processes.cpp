// The "processes" strategy: N children, started as multiprocessing would (spec.startMethod):
// spawn re-executes this binary in worker mode, fork copies the app, forkserver asks a small
// single-threaded server process to fork them. Waits for all on a local event loop; on Stop every
// child is killed and reaped before it returns. A child that dies, hangs or talks garbage fails the
// run at once. With spec.pool the children stay for the next run, like a ProcessPoolExecutor's.
#include "strategies/strategy.h"

#include "child/childworker.h"
#include "child/forkserver.h"
#include "child/spawnedprocess.h"
#include "child/workerprotocol.h"
#include "util/clock.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include <memory>
#include <vector>

namespace cl {

namespace {

constexpr qsizetype kMaxStderr = 4096;

class Pool : public QObject, public KeptWorkers {
public:
    Pool(const ExperimentSpec &spec, ForkServer *server) : spec_(spec), server_(server)
    {
        sweep_.setInterval(kSweepInterval);
        connect(&sweep_, &QTimer::timeout, this, &Pool::onSweep);
    }

    ~Pool() override { killAll(); }

    Measured run(const RunContext &run)
    {
        begin(run);
        std::optional<HttpTarget> target; // fork: resolved here, so the copy only downloads
        if (spec_.startMethod == StartMethod::Fork && spec_.workload == Workload::Io) {
            QString why;
            if (target = resolveHttpTarget(httpOptions(spec_), &why); !target) {
                result_.tally.addError(why, spec_.items());
                return std::move(result_);
            }
        }
        for (int i = 0; i < shares_.size() && !stop_.stop_requested(); ++i)
            giveJob(i, target ? &*target : nullptr);
        sweep_.start();
        if (awaited_ > 0)
            loop_.exec();
        sweep_.stop();
        if (!spec_.pool || failed_ || stop_.stop_requested())
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
        std::int64_t spawnNs = 0; // 0: started in an earlier run (pooled), no start-up in this one
        std::int64_t helloNs = 0;
        std::int64_t heardNs = 0; // the last time it said anything
        bool awaited = false; // this run waits for it: its job's report (pooled) or its exit
        bool hasJob = false; // its report for this run is still to come
        bool finished = false; // the process is gone
        QString killedBecause; // why the pool killed it, when it was the one that failed
        bool collateral = false; // killed because another worker failed
    };

    void begin(const RunContext &run)
    {
        shares_ = splitEvenly(spec_.items(), spec_.workers);
        origin_ = run.origin;
        stop_ = run.stop;
        progress_ = run.progress;
        live_ = run.live;
        result_ = {};
        failed_ = false;
        awaited_ = 0;
    }

    void onSweep()
    {
        if (stop_.stop_requested())
            return killAll();
        const std::int64_t now = monotonicNs();
        for (auto &c : children_)
            if (c->hasJob && !c->finished && now - c->heardNs > silenceLimitNs_)
                return failRun(*c,
                    QStringLiteral("reported nothing for %1 s (stopped or wedged): killed").arg(double(now - c->heardNs) / 1e9, 0, 'f', 1));
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

    // Child `id` gets its share of this run: a kept child by a line on its stdin, else a new one
    // (also in place of a kept one that died since: its stdin is closed).
    void giveJob(int id, const HttpTarget *target)
    {
        if (std::size_t(id) < children_.size() && !children_[std::size_t(id)]->finished) {
            Child &c = *children_[std::size_t(id)];
            if (c.process->write(nextJobLine(shares_[id], origin_))) {
                c = resetForJob(std::move(c));
                if (live_)
                    live_->opened(id, WorkerKind::Process, workingState(), c.heardNs);
                return;
            }
            c.process->kill(); // reaped; finished() marks it so
        }
        auto fresh = std::make_unique<Child>();
        if (std::size_t(id) < children_.size()) { // its predecessor died between runs
            delete children_[std::size_t(id)]->process; // finished: nothing of it is pending
            children_[std::size_t(id)] = std::move(fresh);
        } else {
            children_.push_back(std::move(fresh));
        }
        spawn(id, target);
    }

    Child resetForJob(Child &&kept)
    {
        Child c;
        c.id = kept.id;
        c.process = kept.process;
        c.parser = std::move(kept.parser);
        c.helloNs = kept.helloNs;
        c.report.hello = true;
        c.report.pid = kept.report.pid;
        c.heardNs = monotonicNs();
        c.awaited = c.hasJob = true;
        ++awaited_;
        return c;
    }

    WorkerState workingState() const { return spec_.workload == Workload::Io ? WorkerState::WaitIo : WorkerState::Running; }

    void spawn(int id, const HttpTarget *target)
    {
        Child &c = *children_[std::size_t(id)];
        c.id = id;
        c.process = new SpawnedProcess(this);
        connect(c.process, &SpawnedProcess::standardOutput, this, [this, &c](const QByteArray &bytes) { onOutput(c, bytes); });
        connect(c.process, &SpawnedProcess::standardError, this,
            [&c](const QByteArray &bytes) { c.stderrTail = (c.stderrTail + bytes).right(kMaxStderr); });
        connect(c.process, &SpawnedProcess::finished, this, [this, &c] { onFinished(c); });
        c.awaited = c.hasJob = true;
        ++awaited_;
        c.spawnNs = c.heardNs = monotonicNs();
        if (live_)
            live_->opened(id, WorkerKind::Process, WorkerState::Starting, c.spawnNs);
        if (!launch(c, workerArguments(spec_, id, shares_[id], origin_), target))
            onFinished(c);
    }

    bool launch(Child &c, const QStringList &args, const HttpTarget *target)
    {
        const auto in = spec_.pool ? SpawnedProcess::Stdin::Pipe : SpawnedProcess::Stdin::Null;
        switch (spec_.startMethod) {
        case StartMethod::Fork: {
            QString why;
            const auto job = parseWorkerArguments(args.mid(1), &why);
            if (!job)
                return false;
            return c.process->startForked([&job, target] { return serveWorker(*job, target, fdopen(1, "w"), fdopen(0, "r")); }, in);
        }
        case StartMethod::ForkServer:
            return c.process->startVia(*server_, args.mid(1), in);
        case StartMethod::Spawn:
            break;
        }
        return c.process->start(workerExecutable(spec_.workerExecutable), args, in);
    }

    void onOutput(Child &c, const QByteArray &bytes)
    {
        if (!c.hasJob)
            return; // nothing is expected between runs
        const qint64 before = c.report.progress;
        c.heardNs = monotonicNs();
        c.parser.feed(bytes, c.report);
        if (c.report.hello && c.helloNs == 0) {
            c.helloNs = monotonicNs();
            if (live_) { // the child reports its own spans when it ends; until then it is "running"
                live_->closed(Span{c.id, WorkerKind::Process, WorkerState::Starting, double(c.spawnNs - origin_) / 1e9,
                    double(c.helloNs - origin_) / 1e9});
                live_->opened(c.id, WorkerKind::Process, workingState(), c.helloNs);
            }
        }
        if (progress_ && c.report.progress > before)
            progress_->fetch_add(c.report.progress - before, std::memory_order_relaxed);
        if (c.report.done && spec_.pool)
            jobEnded(c); // pooled: it stays, waiting for the next job
    }

    void onFinished(Child &c)
    {
        if (c.finished)
            return;
        c.finished = true;
        if (c.hasJob) {
            c.parser.finish(c.report);
            jobEnded(c);
        }
        if (c.awaited)
            stopAwaiting(c);
    }

    // Its report for this run is in (or it died without one).
    void jobEnded(Child &c)
    {
        c.hasJob = false;
        if (live_) {
            live_->finished(c.id);
            for (Span span : std::as_const(c.report.tally.spans)) {
                span.worker = c.id;
                live_->closed(span);
            }
        }
        collect(c);
        if (!c.report.done && !stop_.stop_requested() && !failed_)
            failRun(c, {}); // died on its own: the others stop at once
        if (spec_.pool && c.awaited)
            stopAwaiting(c);
    }

    void stopAwaiting(Child &c)
    {
        c.awaited = false;
        if (--awaited_ == 0)
            loop_.quit();
    }

    void collect(Child &c)
    {
        WorkTally &t = result_.tally;
        if (c.spawnNs != 0) {
            const std::int64_t started = c.helloNs ? c.helloNs : monotonicNs();
            t.spans.append(
                Span{c.id, WorkerKind::Process, WorkerState::Starting, double(c.spawnNs - origin_) / 1e9, double(started - origin_) / 1e9});
        }
        const qint64 done = c.report.tally.items;
        for (Span &span : c.report.tally.spans)
            span.worker = c.id;
        t.merge(std::move(c.report.tally));
        result_.cpu += CpuTimes{c.report.cpuUserS, c.report.cpuSysS};
        result_.childPeakRss += c.report.peakRssBytes;
        result_.childPss += c.report.pssBytes;
        if (c.report.done || stop_.stop_requested())
            return;
        // The culprit says why; the workers stopped because of it only count their missing items.
        t.addError(c.collateral ? QString() : describeFailure(c), shares_[c.id] - done);
    }

    QString describeFailure(const Child &c) const
    {
        const SpawnedProcess &p = *c.process;
        const QString how = spec_.startMethod == StartMethod::Spawn ? workerExecutable(spec_.workerExecutable)
                                                                    : QStringLiteral("it (%1)").arg(toString(spec_.startMethod));
        if (!c.killedBecause.isEmpty())
            return QStringLiteral("worker process %1 %2").arg(c.id).arg(c.killedBecause);
        QString why = !p.errorString().isEmpty() ? QStringLiteral("could not start %1: %2").arg(how, p.errorString())
            : !p.lostReason().isEmpty()          ? QStringLiteral("was lost: %1").arg(p.lostReason())
            : p.termSignal()                     ? QStringLiteral("crashed (signal %1)").arg(p.termSignal())
                                                 : QStringLiteral("exited with code %1 without a result").arg(p.exitCode());
        const QString tail = QString::fromLocal8Bit(c.stderrTail).trimmed().split(QLatin1Char('\n')).last();
        return QStringLiteral("worker process %1 %2%3").arg(c.id).arg(why, tail.isEmpty() ? QString() : QStringLiteral(": ") + tail);
    }

    void killAll()
    {
        for (auto &c : children_)
            if (c->process && !c->finished)
                c->process->kill(); // reaps, then finished() -> onFinished()
    }

    const ExperimentSpec spec_;
    ForkServer *server_;
    QList<qint64> shares_;
    std::int64_t origin_ = 0;
    std::stop_token stop_;
    std::atomic<qint64> *progress_ = nullptr;
    SpanSink *live_ = nullptr;
    std::vector<std::unique_ptr<Child>> children_;
    int awaited_ = 0;
    bool failed_ = false;
    const std::int64_t silenceLimitNs_
        = (std::int64_t(spec_.watchdogMs) + (spec_.workload == Workload::Io ? spec_.timeoutMs : 0)) * 1'000'000;
    QEventLoop loop_;
    QTimer sweep_;
    Measured result_;
};

} // namespace

Measured runProcesses(const RunContext &run)
{
    const CpuTimes before = threadCpuTimes(); // the parent's share: starting children, reading reports
    RunResources local;
    RunResources &kept = run.resources ? *run.resources : local;
    if (run.spec.startMethod == StartMethod::ForkServer && !kept.forkServer)
        kept.forkServer = std::make_unique<ForkServer>(workerExecutable(run.spec.workerExecutable));
    auto *pool = dynamic_cast<Pool *>(kept.workers.get());
    std::unique_ptr<Pool> once;
    if (!pool || !run.spec.pool) {
        once = std::make_unique<Pool>(run.spec, kept.forkServer.get());
        pool = once.get();
    }
    Measured m = pool->run(run);
    if (run.spec.pool && once && &kept != &local)
        kept.workers = std::move(once);
    m.cpu += threadCpuTimes() - before;
    return m;
}

} // namespace cl
