#include "python/interpreter.h"

#include "python/scripts.h"
#include "strategies/strategy.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

namespace cl {

namespace {

QString resolve(const QString &python, QString *error)
{
    const QString name = python.isEmpty() ? QString::fromLatin1(kDefaultPython) : python;
    if (!name.contains(QLatin1Char('/'))) {
        QString found = QStandardPaths::findExecutable(name);
        if (found.isEmpty())
            *error = QCoreApplication::translate("Python", "'%1' is not on PATH").arg(name);
        return found;
    }
    const QFileInfo file(name);
    if (!file.exists())
        *error = QCoreApplication::translate("Python", "'%1' does not exist").arg(name);
    else if (!file.isFile() || !file.isExecutable())
        *error = QCoreApplication::translate("Python", "'%1' is not an executable file").arg(name);
    return error->isEmpty() ? file.absoluteFilePath() : QString();
}

std::optional<PythonInfo> parseProbe(const QByteArray &out, const QString &program)
{
    const QJsonObject o = QJsonDocument::fromJson(out.trimmed()).object();
    if (o["version"].toString().isEmpty())
        return std::nullopt;
    PythonInfo info;
    // The interpreter itself, not a launcher in front of it (pyenv's shims are shell scripts that
    // start more processes): what the timeline should show is Python's own tree.
    const QFileInfo executable(o["executable"].toString());
    info.program = executable.isAbsolute() && executable.isExecutable() ? executable.absoluteFilePath() : program;
    info.version = o["version"].toString();
    info.implementation = o["implementation"].toString();
    info.freeThreadedBuild = o["free_threaded_build"].toBool();
    info.gilEnabled = o["gil_enabled"].toBool(true);
    info.startMethod = o["start_method"].toString();
    const QJsonObject modules = o["modules"].toObject();
    for (auto it = modules.begin(); it != modules.end(); ++it)
        if (it.value().toBool())
            info.modules.append(it.key());
    return info;
}

} // namespace

QString PythonInfo::summary() const
{
    const QString build
        = freeThreadedBuild ? QCoreApplication::translate("Python", "free-threaded") : QCoreApplication::translate("Python", "GIL");
    return QCoreApplication::translate("Python", "%1 %2, %3, start method %4 (%5)")
        .arg(implementation, version, build, startMethod, program);
}

PythonProbe probePython(const QString &python, int timeoutMs)
{
    PythonProbe out;
    const QString program = resolve(python, &out.error);
    if (program.isEmpty())
        return out;
    QProcess p;
    p.start(program, {QStringLiteral("-c"), QString::fromUtf8(pythonScriptSource(QStringLiteral("probe.py")))});
    if (!p.waitForStarted(timeoutMs)) {
        out.error = QCoreApplication::translate("Python", "could not run '%1': %2").arg(program, p.errorString());
        return out;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        out.error = QCoreApplication::translate("Python", "'%1' did not answer within %2 s").arg(program).arg(timeoutMs / 1000);
        return out;
    }
    out.info = parseProbe(p.readAllStandardOutput(), program);
    if (!out.info) {
        const QString err = QString::fromLocal8Bit(p.readAllStandardError()).trimmed().section(QLatin1Char('\n'), -1);
        out.error = QCoreApplication::translate("Python", "'%1' is not a Python 3 this app can use%2")
                        .arg(program, err.isEmpty() ? QString() : QStringLiteral(": ") + err);
    }
    return out;
}

QString pythonUnavailable(const ExperimentSpec &spec, const PythonInfo &info)
{
    const ScriptCall call = pythonScriptFor(spec);
    if (call.script.isEmpty())
        return QCoreApplication::translate("Python", "the lesson has no CPython script for %1 %2 work")
            .arg(describe(spec.strategy).displayName(), toString(spec.workload));
    const char *module = spec.strategy == Strategy::Interpreters ? "concurrent.interpreters"
        : spec.workload == Workload::Cpu                         ? nullptr
        : spec.strategy == Strategy::Async                       ? "aiohttp"
                                                                 : "requests";
    if (module && !info.has(QLatin1String(module))) {
        if (spec.strategy == Strategy::Interpreters)
            return QCoreApplication::translate("Python", "needs Python 3.14's concurrent.interpreters: %1 is Python %2")
                .arg(info.program, info.version);
        return QCoreApplication::translate("Python", "%1 (Python %2) has no module '%3': install it with apt-get install python3-%3")
            .arg(info.program, info.version, QLatin1String(module));
    }
    if (!spec.gil && describe(spec.strategy).gilApplies && !info.freeThreadedBuild)
        return QCoreApplication::translate("Python", "needs a free-threaded build (3.13t, 3.14t): %1 is Python %2 with the GIL")
            .arg(info.program, info.version);
    return {};
}

} // namespace cl
