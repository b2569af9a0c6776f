// Small helpers the subcommands share.
#pragma once

#include "experiment/experiment.h"

#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

#include <optional>

namespace cli {

QTextStream &out();
QTextStream &err();

// Parses `args` for `command`; on --help prints help and returns 0, on an error prints it
// and returns 2; otherwise nullopt (go on).
std::optional<int> parseOrExit(QCommandLineParser &parser, const QStringList &args, const QString &command);

// An integer option in [min, max]; prints a message and returns nullopt when it is not one.
std::optional<qint64> intOption(const QCommandLineParser &p, const QString &name, qint64 fallback, qint64 min, qint64 max);

// `--gil on|off`: true or false; prints "concurrency-lab COMMAND: --gil must be on or off" and
// returns nullopt for anything else.
std::optional<bool> gilOption(const QCommandLineParser &p, const QString &command);

// `--engine emulated|python|both`: the engines in the order they run; prints a message and
// returns nullopt for anything else.
std::optional<QList<cl::Engine>> engineOption(const QCommandLineParser &p, const QString &command);

QString formatSeconds(double s); // like %timeit: "1.43 s", "452 ms"

// Options naming a file must not be empty (`--json ""`): prints a usage message and returns false.
bool fileOptionsNamed(const QCommandLineParser &p, const QStringList &names, const QString &command);

// Collects the experiments whose runs failed; `print` tells stderr in one line each, since stdout
// may be a pipe or the JSON itself.
class FailureSummary {
public:
    void add(const QString &experiment, const cl::ExperimentResult &result);
    bool any() const { return !lines_.isEmpty(); }
    void print(const QString &command) const;

private:
    QStringList lines_;
};

} // namespace cli
