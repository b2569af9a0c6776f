// concurrency-lab: the desktop app by default; `run`, `serve`, `lesson` headless; `worker` is
// the hidden child mode of the "processes" strategy, decided before any Qt object exists.
#include "childworker.h"
#include "cli.h"
#include "cli_common.h"
#include "gui.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstring>

int main(int argc, char **argv)
{
    if (argc > 1 && std::strcmp(argv[1], cl::kWorkerCommand) == 0)
        return cl::runWorkerMode(argc, argv);

    const QString command = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        cli::out() << cli::usage() << Qt::flush;
        return 0;
    }
    if (command == QLatin1String("--version")) {
        cli::out() << "concurrency-lab " << CL_VERSION << "\n" << Qt::flush;
        return 0;
    }
    if (cli::isCommand(command)) {
        QCoreApplication app(argc, argv);
        return cli::dispatch(QCoreApplication::arguments());
    }
    if (!command.isEmpty() && !command.startsWith(QLatin1Char('-'))) {
        cli::err() << "concurrency-lab: unknown command '" << command << "'\n" << cli::usage() << Qt::flush;
        return cli::kExitUsage;
    }
    QApplication app(argc, argv);
    return ui::runGui(app);
}
