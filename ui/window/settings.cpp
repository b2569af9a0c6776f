#include "window/settings.h"

#include "strategies/strategy.h"

namespace ui {

Settings::Settings() : settings_(std::make_unique<QSettings>(QStringLiteral("ConcurrencyLab"), QStringLiteral("concurrency-lab"))) { }
Settings::Settings(const QString &iniPath) : settings_(std::make_unique<QSettings>(iniPath, QSettings::IniFormat)) { }
Settings::~Settings() = default;

QVariant Settings::value(const QString &key, const QVariant &fallback) const
{
    return settings_->value(key, fallback);
}
void Settings::setValue(const QString &key, const QVariant &v)
{
    settings_->setValue(key, v);
}
QString Settings::fileName() const
{
    return settings_->fileName();
}
void Settings::sync()
{
    settings_->sync();
}

cl::ExperimentSpec Settings::lastSpec() const
{
    cl::ExperimentSpec s;
    s.workload
        = cl::workloadFromString(value(QStringLiteral("run/workload"), QStringLiteral("cpu")).toString()).value_or(cl::Workload::Cpu);
    s.strategy = cl::strategyFromString(value(QStringLiteral("run/strategy"), QStringLiteral("sequential")).toString())
                     .value_or(cl::kBaselineStrategy);
    s.workers = std::clamp(value(QStringLiteral("run/workers"), 1).toInt(), 1, 1024);
    s.steps = std::clamp<qint64>(value(QStringLiteral("run/steps"), s.steps).toLongLong(), 1, 2'000'000'000);
    s.requests = std::clamp<qint64>(value(QStringLiteral("run/requests"), s.requests).toLongLong(), 1, 1'000'000);
    s.url = value(QStringLiteral("run/url"), QString()).toString();
    s.gil = value(QStringLiteral("run/gil"), true).toBool();
    s.repeat = std::clamp(value(QStringLiteral("run/repeat"), 3).toInt(), 1, 100);
    s.switchIntervalUs = std::clamp(value(QStringLiteral("run/switchIntervalUs"), s.switchIntervalUs).toInt(), 1000, 1'000'000);
    s.startMethod = cl::startMethodFromString(value(QStringLiteral("run/startMethod"), QStringLiteral("spawn")).toString())
                        .value_or(cl::StartMethod::Spawn);
    s.pool = value(QStringLiteral("run/pool"), false).toBool();
    return s;
}

void Settings::setLastSpec(const cl::ExperimentSpec &s)
{
    setValue(QStringLiteral("run/workload"), cl::toString(s.workload));
    setValue(QStringLiteral("run/strategy"), cl::toString(s.strategy));
    setValue(QStringLiteral("run/workers"), s.workers);
    setValue(QStringLiteral("run/steps"), s.steps);
    setValue(QStringLiteral("run/requests"), s.requests);
    setValue(QStringLiteral("run/url"), s.url);
    setValue(QStringLiteral("run/gil"), s.gil);
    setValue(QStringLiteral("run/repeat"), s.repeat);
    setValue(QStringLiteral("run/switchIntervalUs"), s.switchIntervalUs);
    setValue(QStringLiteral("run/startMethod"), cl::toString(s.startMethod));
    setValue(QStringLiteral("run/pool"), s.pool);
}

int Settings::lessonRow() const
{
    return value(QStringLiteral("run/lessonRow"), -1).toInt();
}
void Settings::setLessonRow(int row)
{
    setValue(QStringLiteral("run/lessonRow"), row);
}
QByteArray Settings::geometry() const
{
    return value(QStringLiteral("window/geometry"), QByteArray()).toByteArray();
}
void Settings::setGeometry(const QByteArray &g)
{
    setValue(QStringLiteral("window/geometry"), g);
}
int Settings::samplingHz() const
{
    return std::clamp(value(QStringLiteral("monitor/hz"), 10).toInt(), 1, 20);
}
void Settings::setSamplingHz(int hz)
{
    setValue(QStringLiteral("monitor/hz"), std::clamp(hz, 1, 20));
}
int Settings::cpuWindowS() const
{
    const int s = value(QStringLiteral("monitor/windowS"), 20).toInt();
    return s == 10 || s == 60 ? s : 20;
}
void Settings::setCpuWindowS(int seconds)
{
    setValue(QStringLiteral("monitor/windowS"), seconds);
}
bool Settings::timingsLogScale() const
{
    return value(QStringLiteral("timings/logScale"), false).toBool();
}
void Settings::setTimingsLogScale(bool on)
{
    setValue(QStringLiteral("timings/logScale"), on);
}
int Settings::serverDelayMs() const
{
    return std::clamp(value(QStringLiteral("server/delayMs"), cl::kDefaultDelayMs).toInt(), 0, 60'000);
}
void Settings::setServerDelayMs(int ms)
{
    setValue(QStringLiteral("server/delayMs"), ms);
}
QString Settings::pythonInterpreter() const
{
    return value(QStringLiteral("python/interpreter"), QString()).toString();
}
void Settings::setPythonInterpreter(const QString &python)
{
    setValue(QStringLiteral("python/interpreter"), python);
}
QList<cl::Engine> Settings::engines() const
{
    QList<cl::Engine> out;
    for (const QString &name : value(QStringLiteral("run/engines"), QStringLiteral("emulated")).toString().split(QLatin1Char(',')))
        if (const auto e = cl::engineFromString(name); e && !out.contains(*e))
            out.append(*e);
    return out.isEmpty() ? QList<cl::Engine>{cl::Engine::Emulated} : out;
}
void Settings::setEngines(const QList<cl::Engine> &engines)
{
    QStringList names;
    for (cl::Engine e : engines)
        names.append(cl::toString(e));
    setValue(QStringLiteral("run/engines"), names.join(QLatin1Char(',')));
}
QString Settings::language() const
{
    return value(QStringLiteral("ui/language"), QString()).toString();
}
void Settings::setLanguage(const QString &lang)
{
    setValue(QStringLiteral("ui/language"), lang);
}
int Settings::exportScale() const
{
    return value(QStringLiteral("export/scale"), 1).toInt() == 2 ? 2 : 1;
}
void Settings::setExportScale(int scale)
{
    setValue(QStringLiteral("export/scale"), scale == 2 ? 2 : 1);
}
QString Settings::exportFolder() const
{
    return value(QStringLiteral("export/folder"), QString()).toString();
}
void Settings::setExportFolder(const QString &dir)
{
    setValue(QStringLiteral("export/folder"), dir);
}

} // namespace ui
