#include "python/pythonrun.h"

#include "child/spawnedprocess.h"
#include "util/clock.h"

#include <QDateTime>
#include <QEventLoop>
#include <QTimer>

#include <csignal>
#include <cstring>
#include <optional>

namespace cl {

namespace {

constexpr int kStopPollMs = 20;
constexpr qsizetype kTracebackChars = 4000;

QString lastLine(const QByteArray &text)
{
    const QList<QByteArray> lines = text.trimmed().split('\n');
    return QString::fromLocal8Bit(lines.isEmpty() ? QByteArray() : lines.last().trimmed());
}

// The "cell_s SECONDS" line the lesson's scripts print with --cell-time, if any.
std::optional<double> cellSeconds(const QByteArray &out)
{
    for (const QByteArray &line : out.split('\n')) {
        bool ok = false;
        if (line.startsWith("cell_s "))
            if (const double s = line.mid(7).trimmed().toDouble(&ok); ok && s >= 0)
                return s;
    }
    return std::nullopt;
}

} // namespace

QString TreeRun::failure() const
{
    if (!startError.isEmpty())
        return startError;
    if (stopped)
        return QStringLiteral("stopped");
    if (termSignal != 0)
        return QStringLiteral("killed by signal %1 (%2)").arg(termSignal).arg(QString::fromLocal8Bit(strsignal(termSignal)));
    if (exitCode != 0) {
        const QString last = lastLine(err);
        return last.isEmpty() ? QStringLiteral("exited with code %1").arg(exitCode) : last;
    }
    return {};
}

TreeRun runTree(const QString &program, const QStringList &arguments, std::stop_token stop, const TreeRunOptions &options)
{
    TreeRun run;
    SpawnedProcess process;
    process.setOwnProcessGroup(true);
    QEventLoop loop;
    QObject::connect(&process, &SpawnedProcess::standardOutput, &loop, [&](const QByteArray &b) {
        run.out += b;
        if (options.onOutput)
            options.onOutput(b, false);
    });
    QObject::connect(&process, &SpawnedProcess::standardError, &loop, [&](const QByteArray &b) {
        run.err += b;
        if (options.onOutput)
            options.onOutput(b, true);
    });
    bool done = false;
    QObject::connect(&process, &SpawnedProcess::finished, &loop, [&] {
        done = true;
        loop.quit();
    });
    const std::int64_t origin = run.originNs = options.originNs ? options.originNs : monotonicNs();
    if (!process.start(program, arguments)) {
        run.startError = QStringLiteral("could not start %1: %2").arg(program, process.errorString());
        return run;
    }
    const pid_t group = run.pid = process.pid();
    ThreadSampler sampler(group, origin, options.live, options.sampler);
    QTimer stopPoll;
    QObject::connect(&stopPoll, &QTimer::timeout, &loop, [&] {
        if (stop.stop_requested() && !run.stopped) {
            run.stopped = true;
            process.kill();
        }
    });
    stopPoll.start(kStopPollMs);
    if (!done)
        loop.exec();
    run.wallS = double(monotonicNs() - origin) / 1e9;
    ::kill(-group, SIGKILL); // whatever it left running (ESRCH when nothing is)
    run.sampler = sampler.stop();
    run.exitCode = process.exitCode();
    run.termSignal = run.stopped ? 0 : process.termSignal();
    const CpuTimes waited = process.cpuTimes(), seen = run.sampler.treeCpu;
    run.cpu = waited.user + waited.sys >= seen.user + seen.sys ? waited : seen;
    return run;
}

RunResult measuredRun(const TreeRun &run)
{
    RunResult r;
    r.wallS = run.wallS;
    r.cpuUserS = run.cpu.user;
    r.cpuSysS = run.cpu.sys;
    r.peakMemBytes = run.sampler.peakRssBytes;
    r.memBytes = run.sampler.peakPssBytes;
    r.spans = run.sampler.spans;
    r.startMonoMs = run.originNs / 1'000'000;
    r.finishedAtMs = QDateTime::currentMSecsSinceEpoch();
    r.status = run.ok() ? RunStatus::Ok : run.stopped ? RunStatus::Cancelled : RunStatus::Failed;
    return r;
}

QStringList pythonArguments(const PythonInfo &info, bool gil, const QString &script, const QStringList &scriptArguments)
{
    QStringList args{QStringLiteral("-u"), QStringLiteral("-B")};
    if (info.freeThreadedBuild)
        args << QStringLiteral("-X") << (gil ? QStringLiteral("gil=1") : QStringLiteral("gil=0"));
    return args << script << scriptArguments;
}

RunResult runPythonOnce(const ExperimentSpec &spec, PythonSetup &setup, std::stop_token stop, std::atomic<qint64> *progress, SpanSink *live)
{
    RunResult out;
    out.finishedAtMs = QDateTime::currentMSecsSinceEpoch();
    const auto fail = [&](const QString &why) {
        out.errors = spec.items();
        out.errorMessages = {why};
        out.status = RunStatus::Failed;
        return out;
    };
    if (!setup.probe.info)
        return fail(setup.probe.error);
    if (const QString why = pythonUnavailable(spec, *setup.probe.info); !why.isEmpty())
        return fail(why);
    if (!setup.scripts.ok())
        return fail(setup.scripts.error());
    const ScriptCall call = pythonScriptFor(spec);
    const std::int64_t origin = monotonicNs();
    if (live)
        live->beginRun(origin);
    const TreeRun run = runTree(setup.probe.info->program,
        pythonArguments(*setup.probe.info, spec.gil, setup.scripts.file(call.script), call.arguments), stop, {origin, live, {}, {}});
    out = measuredRun(run);
    out.processS = run.wallS;
    out.wallS = cellSeconds(run.out).value_or(run.wallS); // what the emulated runs and the notebook time: the work
    bool counted = false;
    const qint64 items = run.ok() ? lastLine(run.out).toLongLong(&counted) : 0;
    out.items = counted ? std::min(items, spec.items()) : 0;
    if (progress)
        progress->fetch_add(out.items);
    if (!run.ok()) {
        out.addError(run.failure(), spec.items() - out.items);
        if (!run.err.isEmpty())
            out.errorMessages.append(QString::fromLocal8Bit(run.err.right(kTracebackChars)));
    } else if (!counted || items != spec.items()) {
        out.addError(QStringLiteral("the script printed '%1', not the %2 it was asked for").arg(lastLine(run.out)).arg(spec.items()),
            std::max<qint64>(1, spec.items() - out.items));
    }
    out.status = out.errors == 0 ? RunStatus::Ok : stop.stop_requested() ? RunStatus::Cancelled : RunStatus::Failed;
    return out;
}

} // namespace cl
