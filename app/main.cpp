// concurrency-lab: the desktop app by default; `run`, `serve`, `lesson` headless; `worker` is
// the hidden child mode of the "processes" strategy and `forkserver` the server that forks them,
// decided before any Qt object exists.
#include "child/childworker.h"
#include "child/forkserver.h"
#include "cli.h"
#include "cli_common.h"
#include "guiloader.h"
#include "run/recording.h"

#include <QCoreApplication>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace {
// Descriptors 0-2 closed by whoever started us (`>&-`): the next open() would take one of them,
// and text meant for the terminal would land in a socket or a file. Park them on /dev/null.
void reserveStandardDescriptors()
{
    for (int fd = 0; fd <= 2; ++fd)
        if (::fcntl(fd, F_GETFD) < 0 && errno == EBADF) {
            const int null = ::open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
            if (null >= 0 && null != fd) {
                ::dup2(null, fd);
                ::close(null);
            }
        }
}

// Subcommands that draw (a screenshot, a chart) need a QApplication; the rest start lighter.
bool needsWidgets(const QString &command, int argc, char **argv)
{
    if (command == QLatin1String("screenshot"))
        return true;
    for (int i = 2; i < argc; ++i)
        if (std::strncmp(argv[i], "--chart-png", 11) == 0 || std::strncmp(argv[i], "--timeline-png", 14) == 0)
            return true;
    return false;
}

const ui::GuiApi *loadGuiOrSay(const QString &command)
{
    QString why;
    const ui::GuiApi *gui = cli::loadGui(&why);
    if (!gui)
        cli::err() << "concurrency-lab" << (command.isEmpty() ? QString() : QLatin1Char(' ') + command) << ": " << why << "\n" << Qt::flush;
    return gui;
}
} // namespace

int main(int argc, char **argv)
{
    reserveStandardDescriptors();
    if (argc > 1 && std::strcmp(argv[1], cl::kWorkerCommand) == 0)
        return cl::runWorkerMode(argc, argv);
    if (argc > 1 && std::strcmp(argv[1], cl::kForkServerCommand) == 0)
        return cl::runForkServerMode(argc, argv);

    // A reader that went away (`| head`) makes writes fail with EPIPE, which we report, instead of
    // killing the process silently.
    std::signal(SIGPIPE, SIG_IGN);
    // Qt's own UNIX event dispatcher: glib's unregisters socket notifiers by a linear search,
    // which made 8,000 concurrent requests take 2.6 s instead of 1.6 s.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
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
        if (!needsWidgets(command, argc, argv)) {
            QCoreApplication app(argc, argv);
            return cli::dispatch(QCoreApplication::arguments());
        }
        const ui::GuiApi *gui = loadGuiOrSay(command);
        return gui ? gui->runWithWidgets(argc, argv, [] { return cli::dispatch(QCoreApplication::arguments()); }) : cli::kExitFailure;
    }
    if (command == QLatin1String("open")) { // concurrency-lab open FILE [--lang en|ru]
        if (argc != 3 && !(argc == 5 && std::strcmp(argv[3], "--lang") == 0)) {
            cli::err() << "concurrency-lab open: give one session FILE (from --record or File > Save session)\n" << Qt::flush;
            return cli::kExitUsage;
        }
        QString why;
        const auto recording = cl::loadRecording(QString::fromLocal8Bit(argv[2]), &why);
        if (!recording) {
            cli::err() << "concurrency-lab open: " << why << "\n" << Qt::flush;
            return cli::kExitUsage;
        }
        const ui::GuiApi *gui = loadGuiOrSay(command);
        return gui ? gui->runWindow(argc, argv, argc == 5 ? QString::fromLatin1(argv[4]) : QString(), &*recording) : cli::kExitFailure;
    }
    QString language;
    if (!command.isEmpty()) {
        if (argc != 3 || command != QLatin1String("--lang") || (std::strcmp(argv[2], "en") != 0 && std::strcmp(argv[2], "ru") != 0)) {
            cli::err() << "concurrency-lab: unknown arguments\n" << cli::usage() << Qt::flush;
            return cli::kExitUsage;
        }
        language = QString::fromLatin1(argv[2]);
    }
    const ui::GuiApi *gui = loadGuiOrSay({});
    return gui ? gui->runWindow(argc, argv, language, nullptr) : cli::kExitFailure;
}
