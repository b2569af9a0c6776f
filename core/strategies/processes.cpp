// The "processes" strategy: N children, each this binary re-executed in worker mode (like
// multiprocessing's spawn). Waits for all on a local event loop; on Stop every child is killed and
// reaped before it returns. A child that dies, hangs or talks garbage fails the run at once.
#include "strategies/strategy.h"

#include "child/childworker.h"
#include "child/spawnedprocess.h"
#include "child/workerprotocol.h"
#include "util/clock.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>

#include <memory>
#include <vector>

namespace cl {

namespace {

// The binary to re-execute: spec.workerExecutable, else $CONCURRENCY_LAB_WORKER, else this process's own.
QString workerExecutable(const ExperimentSpec &spec)
{
    if (!spec.workerExecutable.isEmpty())
        return spec.workerExecutable;
    if (QString fromEnv = qEnvironmentVariable("CONCURRENCY_LAB_WORKER"); !fromEnv.isEmpty())
        return fromEnv; // a host that is not concurrency-lab itself (the tests)
    return QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath();
}

constexpr qsizetype kMaxStderr = 4096;

class Pool : public QObject {
public:
    explicit Pool(const RunContext &run)
        : spec_(run.spec), shares_(splitEvenly(run.spec.items(), run.spec.workers)), origin_(run.origin), stop_(run.stop),
          progress_(run.progress), live_(run.live)
    {
        sweep_.setInterval(kSweepInterval);
        connect(&sweep_, &QTimer::timeout, this, &Pool::onSweep);
    }

    ~Pool() override { killAll(); }

    Measured run()
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
        QString killedBecause; // why the pool killed it, when it was the one that failed
        bool collateral = false; // killed because another worker failed
    };

    void onSweep()
    {
        if (stop_.stop_requested())
            return killAll();
        const std::int64_t now = monotonicNs();
        for (auto &c : children_)
            if (!c->finished && now - c->heardNs > silenceLimitNs_)
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

    void spawn(int id, const QString &exe)
    {
        auto &c = *children_.emplace_back(std::make_unique<Child>());
        c.id = id;
        c.process = new SpawnedProcess(this);
        connect(c.process, &SpawnedProcess::standardOutput, this, [this, &c](const QByteArray &bytes) { onOutput(c, bytes); });
        connect(c.process, &SpawnedProcess::standardError, this,
            [&c](const QByteArray &bytes) { c.stderrTail = (c.stderrTail + bytes).right(kMaxStderr); });
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
                live_->opened(
                    c.id, WorkerKind::Process, spec_.workload == Workload::Io ? WorkerState::WaitIo : WorkerState::Running, c.helloNs);
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
            for (Span span : std::as_const(c.report.tally.spans)) {
                span.worker = id;
                live_->closed(span);
            }
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
        WorkTally &t = result_.tally;
        const std::int64_t started = c.helloNs ? c.helloNs : monotonicNs();
        t.spans.append(
            Span{id, WorkerKind::Process, WorkerState::Starting, double(c.spawnNs - origin_) / 1e9, double(started - origin_) / 1e9});
        const qint64 done = c.report.tally.items;
        for (Span &span : c.report.tally.spans)
            span.worker = id;
        t.merge(std::move(c.report.tally));
        result_.cpu += CpuTimes{c.report.cpuUserS, c.report.cpuSysS};
        result_.childPeakRss += c.report.peakRssBytes;
        result_.childPss += c.report.pssBytes;
        if (c.report.done || stop_.stop_requested())
            return;
        // The culprit says why; the workers stopped because of it only count their missing items.
        t.addError(c.collateral ? QString() : describeFailure(id, c), shares_[id] - done);
    }

    QString describeFailure(int id, const Child &c) const
    {
        const SpawnedProcess &p = *c.process;
        if (!c.killedBecause.isEmpty())
            return QStringLiteral("worker process %1 %2").arg(id).arg(c.killedBecause);
        QString why = !p.errorString().isEmpty() ? QStringLiteral("could not start %1: %2").arg(workerExecutable(spec_), p.errorString())
            : p.termSignal()                     ? QStringLiteral("crashed (signal %1)").arg(p.termSignal())
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
    const std::int64_t silenceLimitNs_
        = (std::int64_t(spec_.watchdogMs) + (spec_.workload == Workload::Io ? spec_.timeoutMs : 0)) * 1'000'000;
    QEventLoop loop_;
    QTimer sweep_;
    Measured result_;
};

} // namespace

Measured runProcesses(const RunContext &run)
{
    const CpuTimes before = threadCpuTimes(); // the parent's share: spawning, reading reports
    Measured m = Pool(run).run();
    m.cpu += threadCpuTimes() - before;
    return m;
}

} // namespace cl
