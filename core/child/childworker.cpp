#include "child/childworker.h"

#include "child/workerprotocol.h"
#include "monitor/ownusage.h"
#include "util/clock.h"
#include "workloads/worker.h"

#include <QFileInfo>
#include <QMap>

#include <algorithm>

#include <csignal>
#include <cstdio>
#include <sys/prctl.h>
#include <unistd.h>

namespace cl {

QString workerExecutable(const QString &configured)
{
    if (!configured.isEmpty())
        return configured;
    if (QString fromEnv = qEnvironmentVariable("CONCURRENCY_LAB_WORKER"); !fromEnv.isEmpty())
        return fromEnv;
    return thisExecutable();
}

QString thisExecutable()
{
    return QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath();
}

QStringList workerArguments(const ExperimentSpec &spec, int id, qint64 items, std::int64_t originNs)
{
    QStringList args{QLatin1String(kWorkerCommand), QStringLiteral("--id"), QString::number(id), QStringLiteral("--workload"),
        toString(spec.workload), QStringLiteral("--items"), QString::number(items), QStringLiteral("--gil"),
        spec.gil ? QStringLiteral("on") : QStringLiteral("off"), QStringLiteral("--switch-us"), QString::number(spec.switchIntervalUs),
        QStringLiteral("--origin-ns"), QString::number(originNs)};
    if (spec.workload == Workload::Io) {
        args << QStringLiteral("--url") << spec.url << QStringLiteral("--timeout-ms") << QString::number(spec.timeoutMs);
        if (!spec.caCert.isEmpty())
            args << QStringLiteral("--cacert") << spec.caCert;
        if (spec.insecure)
            args << QStringLiteral("--insecure") << QStringLiteral("on");
        if (spec.keepAlive)
            args << QStringLiteral("--keep-alive") << QStringLiteral("on");
    }
    if (spec.pool)
        args << QStringLiteral("--serve") << QStringLiteral("stdin");
    return args;
}

std::optional<ChildJob> parseWorkerArguments(const QStringList &args, QString *error)
{
    static const QStringList known{QStringLiteral("--id"), QStringLiteral("--workload"), QStringLiteral("--items"), QStringLiteral("--gil"),
        QStringLiteral("--switch-us"), QStringLiteral("--origin-ns"), QStringLiteral("--url"), QStringLiteral("--timeout-ms"),
        QStringLiteral("--cacert"), QStringLiteral("--insecure"), QStringLiteral("--keep-alive"), QStringLiteral("--serve")};
    QMap<QString, QString> kv;
    for (qsizetype i = 0; i + 1 < args.size(); i += 2)
        kv.insert(args[i], args[i + 1]);
    const auto unknown = std::find_if(kv.keyBegin(), kv.keyEnd(), [](const QString &k) { return !known.contains(k); });
    if (args.size() % 2 != 0 || unknown != kv.keyEnd()) {
        *error = QStringLiteral("bad worker arguments (expected pairs of --option value)");
        return std::nullopt;
    }
    ChildJob a;
    bool ok1 = false, ok2 = false, ok3 = false, ok4 = false;
    a.id = kv.value(QStringLiteral("--id")).toInt(&ok1);
    a.items = kv.value(QStringLiteral("--items")).toLongLong(&ok2);
    a.originNs = kv.value(QStringLiteral("--origin-ns")).toLongLong(&ok3);
    a.switchUs = kv.value(QStringLiteral("--switch-us"), QString::number(a.switchUs)).toInt(&ok4);
    const auto workload = workloadFromString(kv.value(QStringLiteral("--workload")));
    a.gil = kv.value(QStringLiteral("--gil")) != QLatin1String("off");
    a.http.url = kv.value(QStringLiteral("--url"));
    a.http.timeoutMs = kv.value(QStringLiteral("--timeout-ms"), QStringLiteral("5000")).toInt();
    a.http.caCert = kv.value(QStringLiteral("--cacert"));
    a.http.insecure = kv.value(QStringLiteral("--insecure")) == QLatin1String("on");
    a.http.keepAlive = kv.value(QStringLiteral("--keep-alive")) == QLatin1String("on");
    a.serve = kv.value(QStringLiteral("--serve")) == QLatin1String("stdin");
    if (!(ok1 && ok2 && ok3 && ok4) || !workload || a.items < 0 || a.switchUs < 1 || a.http.timeoutMs < 1) {
        *error = QStringLiteral("bad worker arguments");
        return std::nullopt;
    }
    a.workload = *workload;
    return a;
}

QByteArray nextJobLine(qint64 items, std::int64_t originNs)
{
    return QByteArrayLiteral("job ") + QByteArray::number(items) + ' ' + QByteArray::number(originNs) + '\n';
}

namespace {

WorkTally work(const ChildJob &a, const HttpTarget *target, WorkerWriter &out)
{
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
    WorkTally tally = runWorker(WorkerJob{a.workload, a.items, target}, gil, 0, spans, {}, hooks);
    tally.spans = spans.takeSpans();
    return tally;
}

// One job, reported: its spans, errors and what it cost since `cpuBefore`.
void report(const ChildJob &job, const HttpTarget *target, const QString &targetError, WorkerWriter &out, CpuTimes &cpuBefore)
{
    const bool cannotFetch = job.workload == Workload::Io && !target;
    WorkTally tally = cannotFetch ? WorkTally{} : work(job, target, out);
    if (cannotFetch)
        tally.addError(targetError, job.items);
    for (const Span &s : std::as_const(tally.spans))
        out.span(s.state, s.t0, s.t1);
    for (const QString &e : std::as_const(tally.errorMessages))
        out.error(e);
    const CpuTimes cpu = processCpuTimes();
    const CpuTimes used = cpu - cpuBefore;
    cpuBefore = cpu;
    out.done(tally.items, tally.errors, peakRssBytes(), used.user, used.sys, pssBytes());
    out.flush();
}

// A pooled worker's next job, or nullopt at the end of its stdin (the pool is closing).
std::optional<ChildJob> nextJob(ChildJob job, std::FILE *in)
{
    char line[128];
    long long items = 0, origin = 0;
    if (!std::fgets(line, sizeof line, in) || std::sscanf(line, "job %lld %lld", &items, &origin) != 2 || items < 0)
        return std::nullopt;
    job.items = items;
    job.originNs = origin;
    return job;
}

} // namespace

int serveWorker(const ChildJob &first, const HttpTarget *target, std::FILE *out, std::FILE *in)
{
    std::optional<HttpTarget> resolved;
    QString resolveError;
    if (first.workload == Workload::Io && !target && (resolved = resolveHttpTarget(first.http, &resolveError)))
        target = &*resolved;
    std::setvbuf(out, nullptr, _IOFBF, 64 * 1024);
    WorkerWriter writer(out);
    writer.hello(getpid());
    CpuTimes cpu = processCpuTimes();
    for (std::optional<ChildJob> job = first; job; job = first.serve ? nextJob(first, in) : std::nullopt) {
        report(*job, target, resolveError, writer, cpu);
        if (std::ferror(out)) {
            std::fprintf(stderr, "concurrency-lab worker: cannot write the report to its pipe\n");
            return 1;
        }
    }
    return 0;
}

int runWorkerMode(int argc, char **argv)
{
    dieWithParent();
    QStringList args;
    for (int i = 2; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));
    QString error;
    const auto job = parseWorkerArguments(args, &error); // before the hello: a bad child says nothing valid
    if (!job) {
        std::fprintf(stderr, "concurrency-lab worker: %s\n", qPrintable(error));
        return 2;
    }
    std::signal(SIGPIPE, SIG_IGN); // a parent gone: write() fails with EPIPE and we say so in the exit code
    return serveWorker(*job, nullptr, stdout, stdin);
}

void dieWithParent()
{
    const pid_t parent = getppid();
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent || parent == 1) // the parent died before we could ask
        _exit(3);
}

void becomeForkedChild()
{
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    for (int sig : {SIGINT, SIGTERM, SIGCHLD, SIGHUP})
        std::signal(sig, SIG_DFL);
    std::signal(SIGPIPE, SIG_IGN);
    ::close_range(3, ~0U, 0); // the parent's sockets, X connection, other children's pipes
    dieWithParent();
}

} // namespace cl
