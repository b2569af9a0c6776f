#include "run/history.h"

#include "experiment/resultjson.h"
#include "util/savefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace cl {

QJsonObject entryJson(const ExperimentSpec &spec, const ExperimentResult &result)
{
    ExperimentSpec params = spec;
    params.repeat = int(result.runs.size());
    return toJson(Report{params, {result}});
}

std::optional<HistoryEntry> entryFromJson(const QJsonObject &json)
{
    QString why;
    const auto report = reportFromJson(json, &why);
    if (!report || report->results.size() != 1)
        return std::nullopt;
    ExperimentSpec spec = report->params;
    const ExperimentResult &r = report->results.first();
    spec.strategy = r.strategy;
    spec.workers = r.workers;
    spec.gil = r.gil;
    spec.engine = r.engine;
    return HistoryEntry{spec, r};
}

namespace {
QByteArray line(const ExperimentSpec &spec, ExperimentResult result)
{
    for (RunResult &run : result.runs) {
        run.spans.clear(); // the table needs a run's numbers, not its timeline
        run.latenciesMs.clear();
    }
    return QJsonDocument(entryJson(spec, result)).toJson(QJsonDocument::Compact) + '\n';
}
} // namespace

bool RunHistory::append(const ExperimentSpec &spec, const ExperimentResult &result, QString *error) const
{
    QDir().mkpath(QFileInfo(path_).absolutePath());
    QFile file(path_);
    if (!file.open(QIODevice::Append) || file.write(line(spec, result)) < 0) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.close();
    if (file.size() < 4 * 1024 * 1024)
        return true;
    // Grown large: keep the newest kKeep, written whole or not at all.
    QByteArray kept;
    for (const HistoryEntry &e : load())
        kept += cl::line(e.spec, e.result);
    return saveFile(path_, kept, error);
}

QList<HistoryEntry> RunHistory::load(int *skipped) const
{
    QFile file(path_);
    QList<HistoryEntry> out;
    int bad = 0;
    if (file.open(QIODevice::ReadOnly))
        while (!file.atEnd()) {
            const QByteArray text = file.readLine().trimmed();
            if (text.isEmpty())
                continue;
            if (const auto entry = entryFromJson(QJsonDocument::fromJson(text).object()))
                out.append(*entry);
            else
                ++bad;
        }
    if (skipped)
        *skipped = bad;
    return out.mid(std::max<qsizetype>(0, out.size() - kKeep));
}

bool RunHistory::clear(QString *error) const
{
    if (!QFile::exists(path_) || QFile::remove(path_))
        return true;
    if (error)
        *error = QStringLiteral("cannot remove %1").arg(path_);
    return false;
}

} // namespace cl
