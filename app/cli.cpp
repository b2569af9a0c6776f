#include "cli.h"

#include "cli_common.h"
#include "cli_parts.h"
#include "cli_run.h"

#include "experiment/lesson.h"
#include "guiloader.h"
#include "monitor/cpurecorder.h"
#include "python/interpreter.h"
#include "run/experimentrun.h"
#include "run/recording.h"
#include "server/demoserver.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace cli {

int sweepCommand(const QStringList &args); // cli_sweep.cpp
int raceCommand(const QStringList &args); // cli_race.cpp
int convoyCommand(const QStringList &args); // cli_convoy.cpp
int runBeyondPart(int repeat, const QString &jsonPath); // cli_beyond.cpp
int pythonCommand(const QStringList &args); // cli_python.cpp

namespace {

// Ctrl+C and SIGTERM end the event loop cleanly (the handler only writes to a socket).
class QuitOnSignal {
public:
    QuitOnSignal()
    {
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds_) != 0)
            return;
        writeFd() = fds_[1];
        notifier_.emplace(fds_[0], QSocketNotifier::Read);
        QObject::connect(&*notifier_, &QSocketNotifier::activated, qApp, &QCoreApplication::quit);
        struct sigaction sa { };
        sa.sa_handler = [](int) {
            char c = 1;
            [[maybe_unused]] auto n = ::write(writeFd(), &c, 1);
        };
        sigemptyset(&sa.sa_mask);
        ::sigaction(SIGINT, &sa, nullptr);
        ::sigaction(SIGTERM, &sa, nullptr);
    }
    ~QuitOnSignal()
    {
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
        notifier_.reset();
        ::close(fds_[0]);
        ::close(fds_[1]);
    }

private:
    static int &writeFd()
    {
        static int fd = -1;
        return fd;
    } // async-signal-safe target
    int fds_[2] = {-1, -1};
    std::optional<QSocketNotifier> notifier_;
};

int serveCommand(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Serves a small piece of text on http://127.0.0.1:PORT/ until Ctrl+C."));
    p.addOptions({{QStringLiteral("port"), QStringLiteral("Port on 127.0.0.1 (default 8000; 0 picks a free one)."), QStringLiteral("N")},
        {QStringLiteral("delay-ms"), QStringLiteral("Delay before each reply (default 100)."), QStringLiteral("N")}});
    if (auto exit = parseOrExit(p, args, QStringLiteral("serve")))
        return *exit;
    if (!p.positionalArguments().isEmpty()) {
        err() << "concurrency-lab serve: unexpected argument '" << p.positionalArguments().first()
              << "' (serve takes only --port and --delay-ms; see --help)\n"
              << Qt::flush;
        return kExitUsage;
    }
    const auto port = intOption(p, QStringLiteral("port"), cl::DemoServer::kDefaultPort, 0, 65535);
    const auto delay = intOption(p, QStringLiteral("delay-ms"), cl::kDefaultDelayMs, 0, 600'000);
    if (!port || !delay)
        return kExitUsage;
    cl::DemoServer server;
    QString error;
    if (!server.start(quint16(*port), int(*delay), &error)) {
        err() << "concurrency-lab serve: " << error << "\n" << Qt::flush;
        return kExitFailure;
    }
    out() << "Serving " << server.url() << " with a " << *delay << " ms delay per reply. Ctrl+C stops.\n" << Qt::flush;
    QuitOnSignal quit;
    QCoreApplication::exec();
    const cl::DemoServerStats s = server.stats();
    out() << "Served " << s.served << " requests, at most " << s.maxInFlight << " in flight at once.\n" << Qt::flush;
    return 0;
}

QString lessonRow(const QString &experiment, const QString &notebook, const QString &measured, const QString &ratio, const QString &cpython)
{
    return QStringLiteral("%1 %2 %3 %4 %5\n").arg(experiment, -32).arg(notebook, 10).arg(measured, 10).arg(ratio, 7).arg(cpython, 12);
}

QString bestOrFailed(const cl::ExperimentResult &r)
{
    return r.hasOkRun() ? formatSeconds(r.bestS()) : QStringLiteral("failed");
}

// The CPython engine for the lesson, if it was asked for and is there: why not on stderr.
std::optional<cl::PythonInfo> lessonPython(const QList<cl::Engine> &engines, const QString &python)
{
    if (!engines.contains(cl::Engine::Python))
        return std::nullopt;
    const cl::PythonProbe probe = cl::probePython(python);
    if (!probe.info) {
        err() << "concurrency-lab lesson: no CPython column: " << probe.error << "\n" << Qt::flush;
        return std::nullopt;
    }
    err() << "CPython engine: " << probe.info->summary() << "\n" << Qt::flush;
    return probe.info;
}

// Each experiment's speedup over its workload's sequential run, emulated and on CPython, and how
// far apart they are: how faithful the emulation is on this machine.
void printFidelity(QTextStream &table, const QList<cl::LessonExperiment> &lesson, const QList<cl::ExperimentResult> &emulated,
    const QList<std::optional<cl::ExperimentResult>> &real)
{
    const auto speedup = [&](const cl::ExperimentResult &r, const cl::ExperimentResult *sequential) {
        return sequential && r.hasOkRun() && sequential->hasOkRun() ? std::optional(sequential->bestS() / r.bestS()) : std::nullopt;
    };
    const auto text = [](std::optional<double> x) { return x ? QStringLiteral("%1x").arg(*x, 0, 'f', 2) : QStringLiteral("-"); };
    table << "\nspeedup over sequential          emulated    CPython  difference\n";
    for (qsizetype i = 0; i < lesson.size(); ++i) {
        const auto sequentialOf = [&](const auto &results) -> const cl::ExperimentResult * {
            for (qsizetype j = 0; j < lesson.size(); ++j)
                if (lesson[j].spec.workload == lesson[i].spec.workload && lesson[j].spec.strategy == cl::Strategy::Sequential)
                    return results(j);
            return nullptr;
        };
        if (lesson[i].spec.strategy == cl::Strategy::Sequential || !real[i])
            continue;
        const auto e = speedup(emulated[i], sequentialOf([&](qsizetype j) { return &emulated[j]; }));
        const auto c = speedup(*real[i], sequentialOf([&](qsizetype j) { return real[j] ? &*real[j] : nullptr; }));
        const QString diff = e && c ? QStringLiteral("%1 %").arg(100.0 * (*e - *c) / *c, 0, 'f', 0) : QStringLiteral("-");
        table
            << QStringLiteral("%1 %2 %3 %4\n").arg(QString::fromUtf8(lesson[i].title), -32).arg(text(e), 8).arg(text(c), 10).arg(diff, 11);
    }
}

// The seven experiments beside the notebook's figures and, where the machine has CPython, the
// lesson's scripts run on it; every run as JSON, a trace or a recorded session where asked.
struct LessonOutputs {
    QString json, trace, record;
};

int runLessonExperiments(int repeat, const LessonOutputs &outputs, const QList<cl::Engine> &engines, const QString &python)
{
    const QString &jsonPath = outputs.json;
    std::optional<cl::CpuRecorder> cpu; // the CPU beside the runs, for the trace and the recording
    if (!outputs.trace.isEmpty() || !outputs.record.isEmpty())
        cpu.emplace();
    QList<cl::HistoryEntry> recorded;
    const std::optional<cl::PythonInfo> cpython = lessonPython(engines, python);
    cl::DemoServer server;
    const auto url = startDemoServerIfNeeded(server, {}, cl::kDefaultDelayMs);
    if (!url)
        return kExitFailure;
    QTextStream &table = jsonPath == QLatin1String("-") ? err() : out();
    table << lessonRow(QStringLiteral("experiment"), QStringLiteral("notebook"), QStringLiteral("measured"), QStringLiteral("ratio"),
        QStringLiteral("CPython here"))
          << Qt::flush;
    FailureSummary failures;
    cl::Report all;
    const QList<cl::LessonExperiment> lesson = cl::lessonExperiments(*url);
    QList<cl::ExperimentResult> emulated;
    QList<std::optional<cl::ExperimentResult>> real;
    for (const cl::LessonExperiment &e : lesson) {
        cl::ExperimentSpec spec = e.spec;
        spec.repeat = repeat;
        const cl::ExperimentResult r = cl::runExperiment(spec);
        recorded.append({spec, r});
        failures.add(QString::fromUtf8(e.title), r);
        std::optional<cl::ExperimentResult> onPython;
        QString cpythonText = QStringLiteral("-");
        if (cpython) {
            spec.engine = cl::Engine::Python;
            spec.python = cpython->program;
            if (const QString why = cl::pythonUnavailable(spec, *cpython); !why.isEmpty()) {
                err() << "concurrency-lab lesson: " << e.title << " on CPython: " << why << "\n" << Qt::flush;
                cpythonText = QStringLiteral("unavailable");
            } else {
                onPython = cl::runExperiment(spec);
                recorded.append({spec, *onPython});
                failures.add(QStringLiteral("%1 (CPython)").arg(QString::fromUtf8(e.title)), *onPython);
                cpythonText = bestOrFailed(*onPython);
            }
        }
        const QString ratio = r.hasOkRun() ? QString::number(r.bestS() / e.notebookS, 'f', 2) : QStringLiteral("-");
        table << lessonRow(QString::fromUtf8(e.title), formatSeconds(e.notebookS), bestOrFailed(r), ratio, cpythonText) << Qt::flush;
        if (all.results.isEmpty())
            all.params = e.spec;
        all.results.append(r);
        if (onPython)
            all.results.append(*onPython);
        emulated.append(r);
        real.append(onPython);
    }
    if (cpython)
        printFidelity(table, lesson, emulated, real);
    failures.print(QStringLiteral("lesson"));
    if (!jsonPath.isEmpty() && !writeJson(jsonPath, cl::toJson(all)))
        return kExitFailure;
    if (!outputs.trace.isEmpty() && !writeTrace(outputs.trace, all.results, *cpu))
        return kExitFailure;
    if (!outputs.record.isEmpty() && !writeRecording(outputs.record, recorded, *cpu))
        return kExitFailure;
    return failures.any() ? kExitFailure : 0;
}

int lessonCommand(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Runs the lesson's seven experiments and compares them with the notebook, "
                                               "or prints its first half (files, streams, system), or runs its second section, "
                                               "beyond the notebook (Python 3.12-3.14)."));
    p.addOptions({{QStringLiteral("part"), QStringLiteral("experiments (default), files, streams, system or beyond."),
                      QStringLiteral("PART"), QStringLiteral("experiments")},
        {QStringLiteral("dir"), QStringLiteral("files: the working folder (default: a fresh one under the temp dir)."),
            QStringLiteral("DIR")},
        {QStringLiteral("repeat"), QStringLiteral("Runs per experiment (default 3, like %timeit)."), QStringLiteral("N")},
        {QStringLiteral("json"), QStringLiteral("Also write every run as JSON to FILE, or - for stdout."), QStringLiteral("FILE")},
        {QStringLiteral("trace"), QLatin1String(kTraceHelp), QStringLiteral("FILE")},
        {QStringLiteral("record"), QLatin1String(kRecordHelp), QStringLiteral("FILE")},
        {QStringLiteral("engine"),
            QStringLiteral("experiments: emulated (the app's C++ model only) or both (default: a column \"CPython here\" "
                           "with the lesson's scripts on the machine's CPython, and the speedups side by side, where it is found)."),
            QStringLiteral("emulated|both"), QStringLiteral("both")},
        {QStringLiteral("python"), QStringLiteral("The interpreter for the CPython column (default: python3 on PATH)."),
            QStringLiteral("PATH")}});
    if (auto exit = parseOrExit(p, args, QStringLiteral("lesson")))
        return *exit;
    if (!fileOptionsNamed(p, {QStringLiteral("json"), QStringLiteral("dir"), QStringLiteral("trace"), QStringLiteral("record")},
            QStringLiteral("lesson")))
        return kExitUsage;
    const QString part = p.value(QStringLiteral("part"));
    if (part == QLatin1String("files"))
        return printFilesPart(p.value(QStringLiteral("dir")));
    if (part == QLatin1String("streams"))
        return printStreamsPart();
    if (part == QLatin1String("system"))
        return printSystemPart();
    if (part != QLatin1String("experiments") && part != QLatin1String("beyond")) {
        err() << "concurrency-lab lesson: --part must be experiments, files, streams, system or beyond, not '" << part << "'\n"
              << Qt::flush;
        return kExitUsage;
    }
    const auto repeat = intOption(p, QStringLiteral("repeat"), 3, 1, 100);
    if (!repeat)
        return kExitUsage;
    if (part == QLatin1String("beyond"))
        return runBeyondPart(int(*repeat), p.isSet(QStringLiteral("json")) ? p.value(QStringLiteral("json")) : QString());
    const auto engines = engineOption(p, QStringLiteral("lesson"));
    if (!engines)
        return kExitUsage;
    if (!engines->contains(cl::Engine::Emulated)) {
        err() << "concurrency-lab lesson: --engine must be emulated or both (the lesson always runs the emulation)\n" << Qt::flush;
        return kExitUsage;
    }
    return runLessonExperiments(int(*repeat),
        {p.value(QStringLiteral("json")), p.value(QStringLiteral("trace")), p.value(QStringLiteral("record"))}, *engines,
        p.value(QStringLiteral("python")));
}

int screenshotCommand(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Renders the main window to a PNG, without a display."));
    p.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The PNG to write."));
    p.addOptions({{QStringLiteral("page"),
                      QStringLiteral("cpu (default), timings, timeline, speedup, pitfalls, processes, files, streams, system or code."),
                      QStringLiteral("NAME"), QStringLiteral("cpu")},
        {QStringLiteral("size"), QStringLiteral("Window size (default 1280x800)."), QStringLiteral("WxH"), QStringLiteral("1280x800")},
        {QStringLiteral("results"), QStringLiteral("A results JSON (from run --json) to show on the timings page."),
            QStringLiteral("FILE")},
        {QStringLiteral("recording"), QStringLiteral("A recorded session (from --record or File > Save session) to show."),
            QStringLiteral("FILE")},
        {QStringLiteral("wait-ms"), QStringLiteral("Let the live graphs fill first (default 2500)."), QStringLiteral("N")},
        {QStringLiteral("presentation"), QStringLiteral("In presentation mode.")},
        {QStringLiteral("run"), QStringLiteral("Start lesson experiment N (1-7) and shoot while it runs."), QStringLiteral("N")},
        {QStringLiteral("beyond"),
            QStringLiteral("Run experiment N of the section beyond the notebook (1-7), as --run; repeat it to run several in turn."),
            QStringLiteral("N")},
        {QStringLiteral("lang"), QStringLiteral("en or ru."), QStringLiteral("LANG")}});
    if (auto exit = parseOrExit(p, args, QStringLiteral("screenshot")))
        return *exit;
    const QStringList size = p.value(QStringLiteral("size")).split(QLatin1Char('x'));
    const int w = size.value(0).toInt(), h = size.value(1).toInt();
    const auto wait = intOption(p, QStringLiteral("wait-ms"), 2500, 0, 600'000);
    const auto run = intOption(p, QStringLiteral("run"), 0, 1, 7);
    QList<int> beyond;
    for (const QString &n : p.values(QStringLiteral("beyond")))
        beyond.append(n.toInt()); // checked against the list by the screenshot itself
    if (p.positionalArguments().size() != 1 || size.size() != 2 || w < 200 || h < 150 || w > 8000 || h > 8000 || !wait || !run) {
        err() << "concurrency-lab screenshot: give one FILE, and --size as WxH between 200x150 and 8000x8000\n" << Qt::flush;
        return kExitUsage;
    }
    cli::gui().useLanguage(p.value(QStringLiteral("lang")));
    ui::ScreenshotOptions o{p.positionalArguments().first(), p.value(QStringLiteral("page")), QSize(w, h),
        p.value(QStringLiteral("results")), int(*wait), p.isSet(QStringLiteral("presentation")), int(*run), beyond,
        p.value(QStringLiteral("recording"))};
    if (const QString why = cli::gui().screenshot(o); !why.isEmpty()) {
        err() << "concurrency-lab screenshot: " << why << "\n" << Qt::flush;
        return why.startsWith(QLatin1String("unknown page")) ? kExitUsage : kExitFailure;
    }
    return 0;
}

int runSubcommand(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    QStringList rest = arguments.mid(2);
    rest.prepend(arguments.first());
    if (command == QLatin1String("run") && rest.value(1) == QLatin1String("race")) {
        rest.removeAt(1);
        return raceCommand(rest);
    }
    if (command == QLatin1String("run") && rest.value(1) == QLatin1String("convoy")) {
        rest.removeAt(1);
        return convoyCommand(rest);
    }
    if (command == QLatin1String("run"))
        return runCommand(rest);
    if (command == QLatin1String("serve"))
        return serveCommand(rest);
    if (command == QLatin1String("lesson"))
        return lessonCommand(rest);
    if (command == QLatin1String("screenshot"))
        return screenshotCommand(rest);
    if (command == QLatin1String("sweep"))
        return sweepCommand(rest);
    if (command == QLatin1String("python"))
        return pythonCommand(rest);
    err() << "concurrency-lab: unknown command '" << command << "'\n" << usage() << Qt::flush;
    return kExitUsage;
}

} // namespace

bool isCommand(const QString &name)
{
    return name == QLatin1String("run") || name == QLatin1String("serve") || name == QLatin1String("lesson")
        || name == QLatin1String("screenshot") || name == QLatin1String("sweep") || name == QLatin1String("python");
}

QString usage()
{
    return QStringLiteral("Usage: concurrency-lab [COMMAND] [OPTIONS]\n"
                          "Without a command: the desktop app.\n\n"
                          "Commands:\n"
                          "  run cpu|io   Run the lesson's worker with chosen strategies, print %timeit-like lines\n"
                          "  run race     N threads doing `count += 1`: updates lost free-threaded, none with the GIL\n"
                          "  run convoy   One IO thread beside K CPU-bound threads: its latency with and without the GIL\n"
                          "  serve        The demo HTTP server alone, until Ctrl+C\n"
                          "  lesson       The lesson's seven experiments next to the notebook's figures\n"
                          "  sweep cpu|io Speedup of one strategy at 1..N workers, with Amdahl's law fitted\n"
                          "  python FILE  Run a Python script on the machine's CPython, timed, its threads and processes sampled\n"
                          "  screenshot   Render the main window to a PNG, without a display\n"
                          "  open FILE    The desktop app with a recorded session (run/lesson --record, File > Save session)\n\n"
                          "Desktop app options: --lang en|ru\n"
                          "`concurrency-lab COMMAND --help` tells more.\n");
}

int dispatch(const QStringList &arguments)
{
    const int code = runSubcommand(arguments);
    out().flush();
    if (out().status() != QTextStream::Ok) { // a full disk, a reader gone: the results were lost
        err() << "concurrency-lab: cannot write to stdout\n" << Qt::flush;
        return code == 0 ? kExitFailure : code;
    }
    return code;
}

} // namespace cli
