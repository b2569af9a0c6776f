#include "python/scripts.h"

#include <QDir>
#include <QFile>

namespace cl {

namespace {
const QString kPrefix = QStringLiteral(":/python/");
} // namespace

QStringList pythonScriptNames()
{
    return QDir(kPrefix).entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name);
}

QByteArray pythonScriptSource(const QString &name)
{
    QFile f(kPrefix + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

namespace {

ScriptCall scriptAndArguments(const ExperimentSpec &spec)
{
    const QString n = QString::number(spec.items());
    const QString workers = QString::number(spec.effectiveWorkers());
    if (spec.workload == Workload::Cpu) {
        const QStringList counted{QStringLiteral("--steps"), n, QStringLiteral("--workers"), workers};
        switch (spec.strategy) {
        case Strategy::Sequential:
            return {QStringLiteral("cpu_sequential.py"), {QStringLiteral("--steps"), n}};
        case Strategy::Threads:
            return {QStringLiteral("cpu_threads.py"), counted};
        case Strategy::Processes:
            return {
                QStringLiteral("cpu_processes.py"), counted + QStringList{QStringLiteral("--start-method"), toString(spec.startMethod)}};
        case Strategy::Interpreters:
            return {QStringLiteral("cpu_interpreters.py"), counted};
        case Strategy::Async:
            return {QStringLiteral("cpu_async.py"), counted};
        }
        return {};
    }
    const QStringList common{QStringLiteral("--requests"), n, QStringLiteral("--url"), spec.url, QStringLiteral("--timeout"),
        QString::number(double(spec.timeoutMs) / 1000.0)};
    switch (spec.strategy) {
    case Strategy::Sequential:
        return {QStringLiteral("io_sequential.py"), common};
    case Strategy::Threads:
        return {QStringLiteral("io_threads.py"), common + QStringList{QStringLiteral("--workers"), workers}};
    case Strategy::Processes:
        return {QStringLiteral("io_processes.py"),
            common + QStringList{QStringLiteral("--workers"), workers, QStringLiteral("--start-method"), toString(spec.startMethod)}};
    case Strategy::Async:
        return {QStringLiteral("io_async.py"), common + QStringList{QStringLiteral("--connections"), QString::number(spec.connections)}};
    case Strategy::Interpreters:
        break;
    }
    return {};
}

} // namespace

ScriptDir::ScriptDir()
{
    if (!dir_.isValid()) {
        error_ = QStringLiteral("cannot make a directory for the scripts: %1").arg(dir_.errorString());
        return;
    }
    for (const QString &name : pythonScriptNames()) {
        QFile out(dir_.filePath(name));
        if (!out.open(QIODevice::WriteOnly) || out.write(pythonScriptSource(name)) < 0) {
            error_ = QStringLiteral("cannot write %1: %2").arg(out.fileName(), out.errorString());
            return;
        }
    }
}

ScriptCall pythonScriptFor(const ExperimentSpec &spec)
{
    ScriptCall call = scriptAndArguments(spec);
    if (!call.script.isEmpty())
        call.arguments.append(QStringLiteral("--cell-time")); // the work's own time, like the notebook's %timeit
    return call;
}

} // namespace cl
