// Small helpers the subcommands share.
#pragma once

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

QString formatSeconds(double s); // like %timeit: "1.43 s", "452 ms"

} // namespace cli
