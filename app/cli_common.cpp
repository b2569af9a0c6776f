#include "cli_common.h"

#include <cstdio>

namespace cli {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

std::optional<int> parseOrExit(QCommandLineParser &parser, const QStringList &args, const QString &command)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args)) {
        err() << "concurrency-lab " << command << ": " << parser.errorText() << "\n" << Qt::flush;
        return 2;
    }
    if (parser.isSet(help)) {
        out() << parser.helpText().replace(args.first(), QStringLiteral("concurrency-lab ") + command) << Qt::flush;
        return 0;
    }
    return std::nullopt;
}

std::optional<bool> gilOption(const QCommandLineParser &p, const QString &command)
{
    const QString gil = p.value(QStringLiteral("gil"));
    if (gil == QLatin1String("on") || gil == QLatin1String("off"))
        return gil == QLatin1String("on");
    err() << "concurrency-lab " << command << ": --gil must be on or off, not '" << gil << "'\n" << Qt::flush;
    return std::nullopt;
}

std::optional<qint64> intOption(const QCommandLineParser &p, const QString &name, qint64 fallback, qint64 min, qint64 max)
{
    if (!p.isSet(name))
        return fallback;
    bool ok = false;
    const qint64 v = p.value(name).toLongLong(&ok);
    if (!ok || v < min || v > max) {
        err() << "concurrency-lab: --" << name << " must be an integer from " << min << " to " << max << ", not '" << p.value(name) << "'\n"
              << Qt::flush;
        return std::nullopt;
    }
    return v;
}

std::optional<QList<cl::Engine>> engineOption(const QCommandLineParser &p, const QString &command)
{
    const QString v = p.value(QStringLiteral("engine"));
    if (v == QLatin1String("both"))
        return QList<cl::Engine>{cl::Engine::Emulated, cl::Engine::Python};
    if (const auto e = cl::engineFromString(v))
        return QList<cl::Engine>{*e};
    err() << "concurrency-lab " << command << ": --engine must be emulated, python or both, not '" << v << "'\n" << Qt::flush;
    return std::nullopt;
}

QString formatSeconds(double s)
{
    if (s >= 1)
        return QString::number(s, 'f', 2) + QStringLiteral(" s");
    if (s >= 0.001)
        return QString::number(s * 1e3, 'g', 3) + QStringLiteral(" ms");
    return QString::number(s * 1e6, 'g', 3) + QStringLiteral(" us");
}

bool fileOptionsNamed(const QCommandLineParser &p, const QStringList &names, const QString &command)
{
    for (const QString &name : names)
        if (p.isSet(name) && p.value(name).isEmpty()) {
            err() << "concurrency-lab " << command << ": --" << name << " needs a file name\n" << Qt::flush;
            return false;
        }
    return true;
}

void FailureSummary::add(const QString &experiment, const cl::ExperimentResult &result)
{
    if (const cl::RunResult *run = result.firstFailure())
        lines_.append(QStringLiteral("%1 failed: %2 of %3 items not done; %4")
                          .arg(experiment)
                          .arg(run->errors)
                          .arg(result.itemsAsked)
                          .arg(run->errorMessages.value(0, QStringLiteral("no message"))));
}

void FailureSummary::print(const QString &command) const
{
    for (const QString &line : lines_)
        err() << "concurrency-lab " << command << ": " << line << "\n";
    err() << Qt::flush;
}

} // namespace cli
