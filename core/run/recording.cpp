#include "run/recording.h"

#include "monitor/systeminfo.h"
#include "util/savefile.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace cl {

namespace {

constexpr const char *kFormat = "concurrency-lab-session";

QJsonArray loadJson(const CpuLoad &l)
{
    return {l.user, l.system, l.iowait, l.steal, l.ownUser, l.ownSystem};
}

CpuLoad loadFromJson(const QJsonArray &a)
{
    return {a.at(0).toDouble(), a.at(1).toDouble(), a.at(2).toDouble(), a.at(3).toDouble(), a.at(4).toDouble(), a.at(5).toDouble()};
}

QJsonObject sampleJson(const CpuSample &s)
{
    QJsonObject cores;
    for (auto it = s.cores.cbegin(); it != s.cores.cend(); ++it)
        cores.insert(QString::number(it.key()), loadJson(it.value()));
    return {{"t_ms", s.tMs}, {"all", loadJson(s.all)}, {"cores", cores}};
}

CpuSample sampleFromJson(const QJsonObject &o)
{
    CpuSample s;
    s.tMs = o["t_ms"].toInteger();
    s.all = loadFromJson(o["all"].toArray());
    const QJsonObject cores = o["cores"].toObject();
    for (auto it = cores.begin(); it != cores.end(); ++it)
        s.cores.insert(it.key().toInt(), loadFromJson(it.value().toArray()));
    return s;
}

QJsonObject machineJson(const RecordedMachine &m)
{
    return {{"cpu_model", m.cpuModel}, {"logical_cores", m.logicalCores}, {"physical_cores", m.physicalCores}, {"os", m.os},
        {"memory_bytes", m.memoryBytes}};
}

RecordedMachine machineFromJson(const QJsonObject &o)
{
    return {o["cpu_model"].toString(), o["logical_cores"].toInt(), o["physical_cores"].toInt(), o["os"].toString(),
        o["memory_bytes"].toInteger()};
}

} // namespace

RecordedMachine thisMachine()
{
    const SystemInfo s = systemInfo();
    return {s.cpuModel, s.logicalCores, s.physicalCores, QStringLiteral("%1, Linux %2").arg(s.osName, s.release), s.memoryBytes};
}

QString describe(const RecordedMachine &m)
{
    return QCoreApplication::translate("Recording", "%1, %2 cores, %3")
        .arg(m.cpuModel.isEmpty() ? QCoreApplication::translate("Recording", "unknown CPU") : m.cpuModel)
        .arg(m.logicalCores)
        .arg(m.os);
}

Recording newRecording(QList<HistoryEntry> experiments, QList<CpuSample> cpu)
{
    return {QStringLiteral(CL_VERSION), QDateTime::currentDateTimeUtc(), thisMachine(), std::move(experiments), std::move(cpu)};
}

QJsonObject toJson(const Recording &r)
{
    QJsonArray experiments;
    for (const HistoryEntry &e : r.experiments)
        experiments.append(entryJson(e.spec, e.result));
    QJsonArray cpu;
    for (const CpuSample &s : r.cpu)
        cpu.append(sampleJson(s));
    return {{"format", kFormat}, {"version", Recording::kFormatVersion}, {"app_version", r.appVersion},
        {"recorded_at", r.recordedAt.toUTC().toString(Qt::ISODateWithMs)}, {"machine", machineJson(r.machine)},
        {"experiments", experiments}, {"cpu", cpu}};
}

std::optional<Recording> recordingFromJson(const QByteArray &bytes, QString *error)
{
    QJsonParseError parse{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parse);
    const QJsonObject o = doc.object();
    if (parse.error != QJsonParseError::NoError) {
        *error = QCoreApplication::translate("Recording", "not a Concurrency Lab session, or cut short: %1 at byte %2")
                     .arg(parse.errorString())
                     .arg(parse.offset);
        return std::nullopt;
    }
    if (o["format"].toString() != QLatin1String(kFormat)) {
        *error = QCoreApplication::translate("Recording", "not a Concurrency Lab session (a results file opens with --results)");
        return std::nullopt;
    }
    if (const int version = o["version"].toInt(); version > Recording::kFormatVersion || version < 1) {
        *error = QCoreApplication::translate(
            "Recording", "recorded by Concurrency Lab %1 in session format %2; this version reads format %3: update the app")
                     .arg(o["app_version"].toString())
                     .arg(version)
                     .arg(Recording::kFormatVersion);
        return std::nullopt;
    }
    Recording r;
    r.appVersion = o["app_version"].toString();
    r.recordedAt = QDateTime::fromString(o["recorded_at"].toString(), Qt::ISODateWithMs);
    r.machine = machineFromJson(o["machine"].toObject());
    for (const auto &v : o["experiments"].toArray()) {
        auto entry = entryFromJson(v.toObject());
        if (!entry) {
            *error = QCoreApplication::translate("Recording", "experiment %1 of the session cannot be read").arg(r.experiments.size() + 1);
            return std::nullopt;
        }
        r.experiments.append(std::move(*entry));
    }
    for (const auto &v : o["cpu"].toArray())
        r.cpu.append(sampleFromJson(v.toObject()));
    return r;
}

bool saveRecording(const QString &path, const Recording &recording, QString *error)
{
    return saveFile(path, QJsonDocument(toJson(recording)).toJson(QJsonDocument::Compact), error);
}

std::optional<Recording> loadRecording(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("Recording", "cannot read %1: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    return recordingFromJson(f.readAll(), error);
}

} // namespace cl
