#include "child/childworker.h"

#include "child/workerprotocol.h"
#include "monitor/ownusage.h"
#include "util/clock.h"
#include "workloads/worker.h"

#include <QMap>

#include <algorithm>

#include <csignal>
#include <cstdio>
#include <sys/prctl.h>
#include <unistd.h>

namespace cl {

QStringList workerArguments(const ExperimentSpec &spec, int id, qint64 items, std::int64_t originNs)
{
    QStringList args{QLatin1String(kWorkerCommand), QStringLiteral("--id"), QString::number(id), QStringLiteral("--workload"),
        toString(spec.workload), QStringLiteral("--items"), QString::number(items), QStringLiteral("--gil"),
        spec.gil ? QStringLiteral("on") : QStringLiteral("off"), QStringLiteral("--switch-us"), QString::number(spec.switchIntervalUs),
        QStringLiteral("--origin-ns"), QString::number(originNs)};
    if (spec.workload == Workload::Io)
        args << QStringLiteral("--url") << spec.url << QStringLiteral("--timeout-ms") << QString::number(spec.timeoutMs);
    return args;
}

namespace {

struct WorkerArgs {
    int id = 0;
    Workload workload = Workload::Cpu;
    qint64 items = 0;
    bool gil = true;
    int switchUs = kDefaultSwitchIntervalUs;
    std::int64_t originNs = 0;
    QString url;
    int timeoutMs = 5000;
};

std::optional<WorkerArgs> parseArgs(int argc, char **argv, QString *error)
{
    static const QStringList known{QStringLiteral("--id"), QStringLiteral("--workload"), QStringLiteral("--items"), QStringLiteral("--gil"),
        QStringLiteral("--switch-us"), QStringLiteral("--origin-ns"), QStringLiteral("--url"), QStringLiteral("--timeout-ms")};
    QMap<QString, QString> kv;
    for (int i = 2; i + 1 < argc; i += 2)
        kv.insert(QString::fromLocal8Bit(argv[i]), QString::fromLocal8Bit(argv[i + 1]));
    const auto unknown = std::find_if(kv.keyBegin(), kv.keyEnd(), [](const QString &k) { return !known.contains(k); });
    if (argc % 2 != 0 || unknown != kv.keyEnd()) {
        *error = QStringLiteral("bad worker arguments (expected pairs of --option value)");
        return std::nullopt;
    }
    WorkerArgs a;
    bool ok1 = false, ok2 = false, ok3 = false, ok4 = false;
    a.id = kv.value(QStringLiteral("--id")).toInt(&ok1);
    a.items = kv.value(QStringLiteral("--items")).toLongLong(&ok2);
    a.originNs = kv.value(QStringLiteral("--origin-ns")).toLongLong(&ok3);
    a.switchUs = kv.value(QStringLiteral("--switch-us"), QString::number(a.switchUs)).toInt(&ok4);
    const auto workload = workloadFromString(kv.value(QStringLiteral("--workload")));
    a.gil = kv.value(QStringLiteral("--gil")) != QLatin1String("off");
    a.url = kv.value(QStringLiteral("--url"));
    a.timeoutMs = kv.value(QStringLiteral("--timeout-ms"), QStringLiteral("5000")).toInt();
    if (!(ok1 && ok2 && ok3 && ok4) || !workload || a.items < 0 || a.switchUs < 1 || a.timeoutMs < 1) {
        *error = QStringLiteral("bad worker arguments");
        return std::nullopt;
    }
    a.workload = *workload;
    return a;
}

// The worker must not outlive the app: if the parent dies, the kernel kills us too.
void dieWithParent()
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() == 1) // the parent died before we could ask
        _exit(3);
}

WorkTally work(const WorkerArgs &a, WorkerWriter &out)
{
    std::optional<HttpTarget> target;
    if (a.workload == Workload::Io) {
        QString error;
        if (target = resolveHttpTarget(a.url, &error); !target) {
            WorkTally failed;
            failed.addError(error, a.items);
            return failed;
        }
    }
    Gil gil(a.gil, std::chrono::microseconds(a.switchUs));
    SpanRecorder spans(a.id, WorkerKind::Process, a.originNs);
    std::int64_t lastReport = 0;
    qint64 done = 0;
    WorkerHooks hooks;
    hooks.progress = [&](qint64 delta) {
        done += delta;
        if (const auto now = monotonicNs(); now - lastReport > 50'000'000) {
            lastReport = now;
            out.progress(done);
        }
    };
    hooks.onLatency = [&](double ms) { out.latency(ms); };
    WorkTally tally = runWorker({a.workload, a.items, target ? &*target : nullptr, a.timeoutMs}, gil, 0, spans, {}, hooks);
    tally.spans = spans.takeSpans();
    return tally;
}

} // namespace

int runWorkerMode(int argc, char **argv)
{
    dieWithParent();
    QString error;
    const auto args = parseArgs(argc, argv, &error); // before the hello: a bad child says nothing valid
    if (!args) {
        std::fprintf(stderr, "concurrency-lab worker: %s\n", qPrintable(error));
        return 2;
    }
    std::signal(SIGPIPE, SIG_IGN); // a parent gone: write() fails with EPIPE and we say so in the exit code
    std::setvbuf(stdout, nullptr, _IOFBF, 64 * 1024);
    WorkerWriter out(stdout);
    out.hello(getpid());
    WorkTally tally = work(*args, out);
    for (const Span &s : std::as_const(tally.spans))
        out.span(s.state, s.t0, s.t1);
    for (const QString &e : std::as_const(tally.errorMessages))
        out.error(e);
    const CpuTimes cpu = processCpuTimes();
    out.done(tally.items, tally.errors, peakRssBytes(), cpu.user, cpu.sys, pssBytes());
    if (std::ferror(stdout) || std::fflush(stdout) != 0) {
        std::fprintf(stderr, "concurrency-lab worker: cannot write the report to stdout\n");
        return 1;
    }
    return 0;
}

} // namespace cl
