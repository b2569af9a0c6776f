// The headless subcommands: run, serve, lesson. Each returns the process exit code:
// 0 success, 1 a failure (errors during the run, a busy port), 2 a usage error.
#pragma once

#include <QStringList>

namespace cli {

inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

bool isCommand(const QString &name);
int dispatch(const QStringList &arguments); // arguments[0] is the program, [1] the command
QString usage();

} // namespace cli
