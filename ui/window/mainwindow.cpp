#include "window/mainwindow.h"

#include "util/savefile.h"

#include "charts/export.h"
#include "charts/palette.h"
#include "charts/timingchart.h"
#include "experiment/resultjson.h"
#include "experiment/sweep.h"
#include "experiment/trace.h"
#include "models/resultsmodel.h"
#include "pages/codepage.h"
#include "pages/cpupage.h"
#include "pages/experimentpanel.h"
#include "pages/filespage.h"
#include "pages/pitfallspage.h"
#include "pages/processespage.h"
#include "pages/speeduppage.h"
#include "pages/streamspage.h"
#include "pages/systempage.h"
#include "pages/timelinepage.h"
#include "pages/timingspage.h"
#include "strategies/strategy.h"
#include "window/elidinglabel.h"
#include "window/errorbanner.h"
#include "window/helpdialogs.h"
#include "window/language.h"
#include "window/mainmenus.h"
#include "window/pythoncontrol.h"
#include "window/sessioncontrol.h"

#include "util/clock.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>
#include <QVBoxLayout>

namespace ui {

MainWindow::MainWindow(Settings settings, QWidget *parent)
    : QMainWindow(parent), settings_(std::move(settings)),
      history_(QFileInfo(settings_.fileName()).absolutePath() + QStringLiteral("/concurrency-lab-history.jsonl"))
{
    QString error;
    state_ = new ElidingLabel(this);
    state_->setIndent(4); // where a passing message starts too
    statusBar()->addWidget(state_, 1);
    if (!server_.start(0, settings_.serverDelayMs(), &error))
        showStatus([error] { return tr("The demo server could not start: %1").arg(error); });
    lesson_ = cl::lessonExperiments(server_.url());
    auto *splitter = new QSplitter(this);
    auto *panelScroll = new QScrollArea(splitter); // a 768-pixel screen in presentation mode scrolls the panel, never squeezes it
    panelScroll->setWidgetResizable(true);
    panelScroll->setFrameShape(QFrame::NoFrame);
    panelScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    experiments_ = new ExperimentPanel(lesson_, panelScroll);
    experiments_->setServerDelayMs(settings_.serverDelayMs());
    panelScroll->setWidget(experiments_);
    splitter->addWidget(panelScroll);
    splitter->addWidget(buildPages());
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({380, 900});
    setCentralWidget(splitter);
    otherLoad_ = new QLabel(this);
    otherLoad_->hide();
    QPalette amber = otherLoad_->palette(); // a palette and a bold weight, not a style sheet: the size still follows presentation mode
    amber.setColor(QPalette::WindowText, QColor(0xb0, 0x60, 0x00));
    otherLoad_->setPalette(amber);
    QFont bold;
    bold.setBold(true); // only the weight is set: the size comes from the window
    otherLoad_->setFont(bold);
    statusBar()->addPermanentWidget(otherLoad_);
    serverStatus_ = new ElidingLabel(this);
    statusBar()->addPermanentWidget(serverStatus_);
    buildMenus();
    connectEngine();
    connectPython();
    restoreHistory();
    if (const int row = settings_.lessonRow(); row >= 0)
        experiments_->selectLesson(row);
    else if (settings_.lessonRow() == -2) { // a custom experiment: no lesson row stays selected
        experiments_->selectLesson(-1);
        experiments_->setSpec(settings_.lastSpec());
    }
    resize(defaultSize());
    restoreGeometry(settings_.geometry());
    monitor_.start(1000 / settings_.samplingHz());
    if (!monitor_.isRunning())
        serverPoll_.start();
    monitor_.setSampleProcesses(pages_->currentWidget() == processes_);
    cpu_->setWindow(settings_.cpuWindowS(), settings_.samplingHz());
    retranslate();
}

MainWindow::~MainWindow() = default;

// 1280x800, or less on a smaller screen (a 1366x768 laptop): the window and its status bar on it.
QSize MainWindow::defaultSize() const
{
    const QScreen *s = screen();
    const QSize room = s ? s->availableGeometry().size() - QSize(16, 48) : QSize(1280, 800); // frame and title bar
    return QSize(1280, 800).boundedTo(room);
}

QStringList MainWindow::pageNames()
{
    return {QStringLiteral("cpu"), QStringLiteral("timings"), QStringLiteral("timeline"), QStringLiteral("speedup"),
        QStringLiteral("pitfalls"), QStringLiteral("processes"), QStringLiteral("files"), QStringLiteral("streams"),
        QStringLiteral("system"), QStringLiteral("code")};
}

QStringList MainWindow::pageTitles()
{
    return {tr("Live CPU"), tr("Timings"), tr("Timeline"), tr("Speedup"), tr("GIL pitfalls"), tr("Processes"), tr("Files"), tr("Streams"),
        tr("System"), tr("Code")};
}

TimingChart *MainWindow::timingChart() const
{
    return timings_->chart();
}
ResultsModel *MainWindow::resultsModel() const
{
    return timings_->model();
}
QString MainWindow::statusText() const
{
    return state_->text();
}

// The pages as tabs, under the banner that shows a batch's first error.
QWidget *MainWindow::buildPages()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    banner_ = new ErrorBanner(box);
    pages_ = new QTabWidget(box);
    layout->addWidget(banner_);
    layout->addWidget(pages_, 1);
    cpu_ = new CpuPage(pages_);
    timings_ = new TimingsPage(lesson_, pages_);
    timeline_ = new TimelinePage(pages_);
    sessions_ = new SessionControl(
        session_, *cpu_, *timeline_, [this](const cl::ExperimentSpec &spec) { return experimentLabel(spec); }, settings_, this);
    layout->insertWidget(0, sessions_->bar());
    python_ = new PythonControl(settings_, *timeline_, this);
    speedup_ = new SpeedupPage(pages_);
    pitfallsPage_ = new PitfallsPage(pages_);
    processes_ = new ProcessesPage(pages_);
    files_ = new FilesPage(pages_);
    code_ = new CodePage(lesson_, pages_);
    for (QWidget *page : {static_cast<QWidget *>(cpu_), static_cast<QWidget *>(timings_), static_cast<QWidget *>(timeline_),
             static_cast<QWidget *>(speedup_), static_cast<QWidget *>(pitfallsPage_), static_cast<QWidget *>(processes_),
             static_cast<QWidget *>(files_), static_cast<QWidget *>(new StreamsPage(pages_)),
             static_cast<QWidget *>(new SystemPage(pages_)), static_cast<QWidget *>(code_)})
        pages_->addTab(page, QString());
    for (QWidget *chart : {static_cast<QWidget *>(cpu_), static_cast<QWidget *>(timings_->chart(cl::Workload::Cpu)),
             static_cast<QWidget *>(timings_->chart(cl::Workload::Io)), static_cast<QWidget *>(timeline_->current()),
             static_cast<QWidget *>(speedup_->chart())})
        addExportAction(chart);
    return box;
}

void MainWindow::addExportAction(QWidget *chart)
{
    chart->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *exportAction = new QAction(chart);
    connect(exportAction, &QAction::triggered, this, &MainWindow::exportCurrentChart);
    chart->addAction(exportAction);
    exportActions_.append(exportAction);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate(); // each page retranslates itself on the same event
    QMainWindow::changeEvent(event);
}

// The window's own texts, the menus, and the texts it made from its state; nothing else changes.
void MainWindow::retranslate()
{
    setWindowTitle(tr("Concurrency Lab"));
    const QStringList titles = pageTitles();
    for (int i = 0; i < pages_->count(); ++i)
        pages_->setTabText(i, titles.value(i));
    for (QAction *a : std::as_const(exportActions_))
        a->setText(tr("Export as PNG…"));
    menus_->retranslate(titles);
    MainMenus::check(menus_->language, installedLanguage());
    refreshServerStatus();
    refreshOtherLoad();
    state_->setText(status_.text());
}

// Seen from every tab, before and during a run: other programs are taking the experiment's CPU.
void MainWindow::refreshOtherLoad()
{
    otherLoad_->setText(tr("⚠ Other programs: %1 of a core").arg(QLocale().toString(cpu_->otherLoad(), 'f', 1)));
    otherLoad_->setToolTip(tr("Other programs are using the CPU: the experiment's timings will be slower and noisier. "
                              "The Live CPU tab shows them in grey."));
}

void MainWindow::setLanguage(const QString &language)
{
    if (!uiLanguages().contains(language))
        return;
    settings_.setLanguage(language);
    if (language != installedLanguage())
        installTranslations(language); // QEvent::LanguageChange follows, to every widget
    MainMenus::check(menus_->language, language);
}

void MainWindow::showStatus(const cl::Translatable &text)
{
    status_ = text;
    state_->setText(text.text());
}

void MainWindow::buildMenus()
{
    menus_ = std::make_unique<MainMenus>(menuBar(), int(pageNames().size()));
    connect(menus_->exportChart, &QAction::triggered, this, &MainWindow::exportCurrentChart);
    connect(menus_->exportAll, &QAction::triggered, this, &MainWindow::exportAll);
    connect(menus_->exportTrace, &QAction::triggered, this, &MainWindow::exportTrace);
    connectSessions();
    MainMenus::check(menus_->exportScale, settings_.exportScale());
    connect(menus_->exportScale, &QActionGroup::triggered, this, [this](QAction *a) { settings_.setExportScale(a->data().toInt()); });
    connect(menus_->quit, &QAction::triggered, this, &QWidget::close);
    connectRunMenu();
    connectServerMenu();
    connectViewMenu();
    connect(menus_->shortcuts, &QAction::triggered, this, [this] { showShortcuts(this, menuBar()); });
    connect(menus_->about, &QAction::triggered, this, [this] { showAbout(this); });
    MainMenus::check(menus_->language, installedLanguage());
    connect(menus_->language, &QActionGroup::triggered, this, [this](QAction *a) { setLanguage(a->data().toString()); });
}

void MainWindow::connectRunMenu()
{
    connect(menus_->run, &QAction::triggered, experiments_, &ExperimentPanel::runSelected);
    connect(menus_->runAll, &QAction::triggered, this, &MainWindow::runLesson);
    connect(menus_->stop, &QAction::triggered, this, &MainWindow::stop);
    connect(menus_->clearResults, &QAction::triggered, this, [this] {
        session_.clear();
        banner_->dismiss();
        history_.clear();
    });
}

void MainWindow::connectPython()
{
    connect(menus_->runScript, &QAction::triggered, python_, &PythonControl::runScript);
    connect(menus_->pythonInterpreter, &QAction::triggered, python_, &PythonControl::chooseInterpreter);
    connect(python_, &PythonControl::probed, experiments_, &ExperimentPanel::setPython);
    connect(python_, &PythonControl::runningChanged, this, [this](bool running) {
        if (running)
            sessions_->backToLive(); // its lanes belong on this machine's Timeline
        experiments_->setRunning(running);
        if (running) {
            experiments_->showBusy(true); // the script says nothing of its progress
            showPage(QStringLiteral("timeline"));
        }
    });
    // Python is asked what it is only once the CPython engine is wanted: no child process at start-up.
    connect(experiments_, &ExperimentPanel::enginesChanged, this, [this](const QList<cl::Engine> &e) {
        settings_.setEngines(e);
        if (e.contains(cl::Engine::Python))
            python_->probe();
    });
    experiments_->setEngines(settings_.engines());
    if (settings_.engines().contains(cl::Engine::Python))
        python_->probe();
}

bool MainWindow::busy() const
{
    return session_.isRunning() || pitfalls_.isRunning() || python_->isRunning();
}

// `spec` on each engine the panel asks for, one after the other: the emulated and the real run of
// one experiment are neighbours on the Timings page.
QList<cl::PlannedExperiment> MainWindow::onEachEngine(
    const cl::ExperimentSpec &spec, const std::function<cl::Translatable(const cl::ExperimentSpec &)> &label) const
{
    QList<cl::PlannedExperiment> out;
    for (cl::Engine e : experiments_->engines()) {
        cl::ExperimentSpec s = spec;
        s.engine = e;
        s.python = python_->interpreter();
        const cl::Translatable name = label(s);
        out.append({s, e == cl::Engine::Emulated ? name : cl::Translatable([name] { return tr("%1 — CPython").arg(name.text()); })});
    }
    return out;
}

void MainWindow::connectServerMenu()
{
    connect(menus_->toggleServer, &QAction::triggered, this, &MainWindow::toggleServer);
    connect(menus_->serverDelay, &QAction::triggered, this, [this] {
        bool ok = false;
        const int ms
            = QInputDialog::getInt(this, tr("Demo server"), tr("Delay before each reply (ms):"), server_.delayMs(), 0, 60'000, 10, &ok);
        if (ok)
            experiments_->setServerDelayMs(ms);
    });
    connect(experiments_, &ExperimentPanel::serverDelayChanged, this, [this](int ms) {
        server_.setDelayMs(ms);
        settings_.setServerDelayMs(ms);
        refreshServerStatus();
    });
    serverPoll_.setInterval(kServerStatusMs); // only when there is no monitor to keep it fresh
    connect(&serverPoll_, &QTimer::timeout, this, &MainWindow::refreshServerStatus);
}

void MainWindow::connectViewMenu()
{
    connect(menus_->presentation, &QAction::toggled, this, [this](bool on) { setPresentationMode(on); });
    menus_->logScale->setChecked(settings_.timingsLogScale());
    timings_->setLogScale(settings_.timingsLogScale());
    connect(menus_->logScale, &QAction::toggled, this, [this](bool on) {
        settings_.setTimingsLogScale(on);
        timings_->setLogScale(on);
    });
    for (int i = 0; i < menus_->pages.size(); ++i)
        connect(menus_->pages[i], &QAction::triggered, this, [this, i] { pages_->setCurrentIndex(i); });
    MainMenus::check(menus_->samplingRate, settings_.samplingHz());
    connect(menus_->samplingRate, &QActionGroup::triggered, this, [this](QAction *a) { setSamplingHz(a->data().toInt()); });
    MainMenus::check(menus_->cpuWindow, settings_.cpuWindowS());
    connect(menus_->cpuWindow, &QActionGroup::triggered, this, [this](QAction *a) {
        settings_.setCpuWindowS(a->data().toInt());
        cpu_->setWindow(settings_.cpuWindowS(), settings_.samplingHz());
    });
}

void MainWindow::connectEngine()
{
    connect(&monitor_, &cl::SystemMonitor::sampled, this, [this](const cl::SystemSample &s) {
        sessions_->recordCpu(s.cpu);
        if (!sessions_->showsRecording()) { // a recorded session's graphs are its own
            cpu_->addSamples(s.cpu);
            timeline_->cpuSampled();
        }
        if (pages_->currentWidget() == processes_ && !s.processes.isEmpty())
            processes_->setProcesses(s.processes);
        if (!s.cpu.isEmpty() && s.cpu.last().tMs - serverShownMs_ >= kServerStatusMs) {
            serverShownMs_ = s.cpu.last().tMs;
            refreshServerStatus(); // in the same wake-up as the graphs: an idle window wakes only for them
        }
    });
    connect(pages_, &QTabWidget::currentChanged, this, [this] { monitor_.setSampleProcesses(pages_->currentWidget() == processes_); });
    connect(cpu_, &CpuPage::otherLoadWarning, this, [this](bool on) {
        refreshOtherLoad();
        otherLoad_->setVisible(on);
    });
    connect(experiments_, &ExperimentPanel::lessonSelected, code_, &CodePage::showExperiment);
    timeline_->setCpuHistory(&cpu_->history());
    connect(timeline_, &TimelinePage::cursorAt, cpu_, &CpuPage::setCursorTime);
    connect(experiments_, &ExperimentPanel::runRequested, this, &MainWindow::runSpec);
    connect(experiments_, &ExperimentPanel::runAllRequested, this, &MainWindow::runLesson);
    connect(experiments_, &ExperimentPanel::beyondRequested, this, &MainWindow::runBeyond);
    pitfallsPage_->watch(pitfalls_);
    connect(&pitfalls_, &cl::PitfallRunner::convoyFinished, this, &MainWindow::showConvoyRun);
    connect(&pitfalls_, &cl::PitfallRunner::progress, experiments_, &ExperimentPanel::setProgress);
    connect(&pitfalls_, &cl::PitfallRunner::started, this, [this] {
        sessions_->backToLive(); // its CPU load belongs on this machine's graphs
        experiments_->setRunning(true);
        monitor_.setActive(true);
        showStatus([] { return tr("Running: %1").arg(tr("GIL pitfalls")); });
    });
    connect(&pitfalls_, &cl::PitfallRunner::finished, this, [this](bool cancelled) {
        experiments_->setRunning(false);
        monitor_.setActive(false);
        showStatus(cancelled ? cl::Translatable([] { return tr("Stopped."); }) : cl::Translatable([] { return tr("Done."); }));
    });
    connect(experiments_, &ExperimentPanel::stopRequested, this, &MainWindow::stop);
    connect(speedup_, &SpeedupPage::sweepRequested, this, &MainWindow::runSweep);
    followSession();
}

// The pages follow the session themselves; the window keeps only its own status line.
void MainWindow::followSession()
{
    experiments_->watch(session_);
    banner_->watch(session_);
    cpu_->watch(session_);
    timings_->watch(session_);
    timeline_->watch(session_);
    speedup_->watch(session_);
    connect(&session_, &cl::Session::experimentStarted, this,
        [this](const cl::QueuedExperiment &e) { showStatus([label = e.label] { return tr("Running: %1").arg(label.text()); }); });
    connect(&session_, &cl::Session::batchFinished, this, &MainWindow::onBatchFinished);
    connect(&session_, &cl::Session::batchStarted, &monitor_, [this] { monitor_.setActive(true); });
    connect(&session_, &cl::Session::batchFinished, &monitor_, [this] { monitor_.setActive(false); });
}

bool MainWindow::ensureServer()
{
    if (server_.isRunning())
        return true;
    QString error;
    if (server_.start(0, experiments_->serverDelayMs(), &error))
        return true;
    QMessageBox::warning(this, tr("Demo server"), tr("The demo server could not start: %1").arg(error));
    return false;
}

// The lesson's title when `spec` is one of the lesson's experiments, else its strategy and workers.
cl::Translatable MainWindow::experimentLabel(const cl::ExperimentSpec &spec) const
{
    if (const std::optional<int> row = cl::lessonIndexOf(spec))
        return [title = lesson_[*row].title] { return QCoreApplication::translate("Lesson", title); };
    return [spec] {
        const QString name = tr("%1 ×%2").arg(cl::describe(spec.strategy).displayName()).arg(spec.effectiveWorkers());
        const QString details = cl::runDetails(spec);
        return details.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, details);
    };
}

void MainWindow::runSpec(cl::ExperimentSpec spec)
{
    if (busy())
        return;
    if (spec.workload == cl::Workload::Io && spec.url.isEmpty()) {
        if (!ensureServer())
            return;
        spec.url = server_.url();
    }
    if (const QString why = cl::validate(spec); !why.isEmpty()) {
        QMessageBox::warning(this, tr("Cannot run"), why);
        return;
    }
    settings_.setLessonRow(cl::lessonIndexOf(spec).value_or(-2));
    startBatch(onEachEngine(spec, [this](const cl::ExperimentSpec &s) { return experimentLabel(s); }), cl::BatchKind::Experiments);
}

void MainWindow::runLesson()
{
    if (busy() || !ensureServer())
        return;
    QList<cl::PlannedExperiment> batch;
    for (const auto &e : cl::lessonExperiments(server_.url())) {
        cl::ExperimentSpec s = e.spec;
        s.repeat = experiments_->spec().repeat;
        batch.append(onEachEngine(s, [title = e.title](const cl::ExperimentSpec &) -> cl::Translatable {
            return [title] { return QCoreApplication::translate("Lesson", title); };
        }));
    }
    startBatch(batch, cl::BatchKind::Lesson);
}

// An experiment of the section beyond the notebook: a batch side by side on the Timings page, or
// the race or the convoy on the GIL pitfalls page (the convoy's runs on the Timeline page too).
void MainWindow::runBeyond(int index)
{
    if (busy() || !ensureServer())
        return;
    const QList<cl::BeyondExperiment> beyond = cl::beyondExperiments(server_.url(), {});
    if (index < 0 || index >= beyond.size())
        return;
    const cl::BeyondExperiment &e = beyond[index];
    const cl::ExperimentSpec form = experiments_->spec();
    settings_.setLessonRow(-1);
    if (e.kind == cl::BeyondExperiment::Kind::Race) {
        pitfallsPage_->clearRaces();
        showPage(QStringLiteral("pitfalls"));
        pitfalls_.startRaces(e.races);
        return;
    }
    if (e.kind == cl::BeyondExperiment::Kind::Convoy) {
        QList<cl::ConvoySpec> convoys = e.convoys;
        for (cl::ConvoySpec &c : convoys)
            c.switchIntervalUs = form.switchIntervalUs; // the class changes it and runs again
        QString error;
        pitfallsPage_->clearConvoys();
        showPage(QStringLiteral("pitfalls"));
        if (!pitfalls_.startConvoys(convoys, &error) && !error.isEmpty())
            QMessageBox::warning(this, tr("Demo server"), tr("The demo server could not start: %1").arg(error));
        return;
    }
    QList<cl::PlannedExperiment> batch;
    for (const cl::ExperimentSpec &listed : e.runs) {
        const cl::ExperimentSpec s = cl::withRepeats(listed, form.repeat);
        batch.append({s, experimentLabel(s)});
    }
    startBatch(batch, cl::BatchKind::Experiments);
}

// A convoy's run on the Timeline page: the IO thread's lane over the CPU threads', and its latency histogram.
void MainWindow::showConvoyRun(const cl::ConvoySpec &spec, const cl::ConvoyResult &r)
{
    cl::RunResult run;
    static_cast<cl::WorkTally &>(run) = r.io;
    run.spans = r.spans;
    run.wallS = r.wallS;
    run.startMonoMs = r.startMonoMs;
    run.status = r.error.isEmpty() && r.io.errors == 0 ? cl::RunStatus::Ok : cl::RunStatus::Failed;
    if (!r.error.isEmpty())
        run.errorMessages.append(r.error);
    timeline_->addRun({[spec] {
                           return tr("Convoy: IO thread %1, %2, switch %3 ms")
                               .arg(convoyBeside(spec), cl::gilModeShort(spec.gil))
                               .arg(spec.switchIntervalUs / 1000.0);
                       },
        cl::Workload::Io, run, cl::Strategy::Threads});
}

void MainWindow::runSweep(cl::Strategy strategy, bool gil, int maxWorkers, cl::Workload workload)
{
    if (busy())
        return;
    cl::ExperimentSpec base = experiments_->spec();
    base.workload = workload;
    base.strategy = strategy;
    base.gil = gil;
    if (workload == cl::Workload::Io && base.url.isEmpty()) {
        if (!ensureServer())
            return;
        base.url = server_.url();
    }
    base.workers = maxWorkers;
    if (const QString why = cl::validate(base); !why.isEmpty())
        return (void)QMessageBox::warning(this, tr("Cannot run"), why);
    QList<cl::PlannedExperiment> batch;
    for (const cl::ExperimentSpec &s : cl::sweepBatch(base, maxWorkers)) {
        if (batch.isEmpty())
            batch.append({s, [] { return tr("sweep: sequential"); }});
        else
            batch.append({s, [strategy, n = s.workers] { return tr("sweep: %1 ×%2").arg(cl::describe(strategy).displayName()).arg(n); }});
    }
    startBatch(batch, cl::BatchKind::Sweep);
}

void MainWindow::startBatch(const QList<cl::PlannedExperiment> &batch, cl::BatchKind kind)
{
    sessions_->backToLive(); // a run belongs to this machine's pages
    if (session_.start(batch, kind))
        showStatus([] { return tr("Running…"); });
}

void MainWindow::stop()
{
    if (busy())
        showStatus([] { return tr("Stopping…"); });
    session_.cancel();
    pitfalls_.cancel();
    python_->cancel();
}

void MainWindow::onBatchFinished(bool cancelled)
{
    if (cancelled)
        showStatus([] { return tr("Stopped."); });
    else if (banner_->failureCount() > 0)
        showStatus([] { return tr("Finished with errors."); }); // the banner tells which
    else
        showStatus([] { return tr("Done."); });
}

// Results read from a file follow the same rules as a batch: failed runs are marked, never times.
// The experiments of earlier sessions come back as results, with the times they ran; each one
// that finishes from now on is kept (the Speedup page's sweeps are not: they have their page).
void MainWindow::restoreHistory()
{
    int skipped = 0;
    for (const cl::HistoryEntry &e : history_.load(&skipped))
        session_.load({e.result}, e.spec, {experimentLabel(e.spec)});
    if (skipped > 0)
        showStatus([skipped, path = history_.path()] {
            return tr("%n unreadable entries of the run history were skipped (%1)", nullptr, skipped).arg(QDir::toNativeSeparators(path));
        });
    connect(&session_, &cl::Session::experimentFinished, this, [this](const cl::QueuedExperiment &e, const cl::ExperimentResult &r) {
        if (e.kind != cl::BatchKind::Sweep)
            history_.append(e.spec, r);
    });
}

void MainWindow::loadResults(const QList<cl::ExperimentResult> &results, cl::Workload workload)
{
    QList<cl::Translatable> labels;
    for (const auto &r : results)
        labels.append([s = r.strategy, python = r.engine == cl::Engine::Python] {
            const QString name = cl::describe(s).displayName();
            return python ? tr("%1 — CPython").arg(name) : name;
        });
    cl::ExperimentSpec params;
    params.workload = workload;
    session_.load(results, params, labels);
}

void MainWindow::expandProcesses()
{
    processes_->expandAll();
}

void MainWindow::refreshServerStatus()
{
    if (!server_.isRunning()) {
        serverStatus_->setText(tr("Demo server: stopped"));
        return;
    }
    const cl::DemoServerStats s = server_.stats();
    serverStatus_->setText(tr("Demo server: %1 · delay %2 ms · served %3 · max in flight %4")
                               .arg(server_.url())
                               .arg(server_.delayMs())
                               .arg(s.served)
                               .arg(s.maxInFlight));
}

void MainWindow::toggleServer()
{
    if (server_.isRunning()) {
        if (busy())
            return statusBar()->showMessage(tr("Stop the experiment first."), 5000);
        server_.stop();
    } else {
        ensureServer();
    }
    refreshServerStatus();
}

void MainWindow::setSamplingHz(int hz)
{
    settings_.setSamplingHz(hz);
    monitor_.setInterval(1000 / hz);
    cpu_->setWindow(settings_.cpuWindowS(), hz);
}

bool MainWindow::showPage(const QString &name)
{
    const auto i = pageNames().indexOf(name);
    if (i < 0)
        return false;
    pages_->setCurrentIndex(int(i));
    return true;
}

QWidget *MainWindow::currentChart() const
{
    return chartOf(pages_->currentWidget());
}

QWidget *MainWindow::chartOf(QWidget *page) const
{
    if (page == cpu_)
        return cpu_->chartArea();
    if (page == timeline_)
        return timeline_->chartArea();
    if (page == speedup_)
        return speedup_->chart();
    if (page == timings_)
        return timings_->chartArea();
    return page;
}

void MainWindow::exportCurrentChart()
{
    const QString dir = settings_.exportFolder().isEmpty() ? QDir::homePath() : settings_.exportFolder();
    const QString name = pageNames().value(pages_->currentIndex(), QStringLiteral("chart"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export chart as PNG or SVG"),
        dir + QLatin1Char('/') + name + QStringLiteral(".png"), tr("PNG images (*.png);;SVG drawings (*.svg)"));
    if (path.isEmpty())
        return;
    settings_.setExportFolder(QFileInfo(path).absolutePath());
    QString error;
    const bool ok = path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive) ? exportChart(currentChart(), path, 1, &error)
                                                                              : savePng(pageImage(pages_->currentWidget()), path, &error);
    if (!ok)
        QMessageBox::warning(this, tr("Export"), error);
    else
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
}

bool MainWindow::writeResultFiles(const QString &dir, QString *error) const
{
    for (cl::Workload w : {cl::Workload::Cpu, cl::Workload::Io}) {
        cl::Report report;
        report.params.workload = w;
        report.results = timings_->results(w);
        if (report.results.isEmpty())
            continue;
        const QString json = dir + QStringLiteral("/results-%1.json").arg(cl::toString(w));
        if (!cl::saveFile(json, QJsonDocument(cl::toJson(report)).toJson(), nullptr))
            return *error = tr("Cannot write %1").arg(json), false;
    }
    const QString csv = dir + QStringLiteral("/results.csv");
    if (!cl::saveFile(csv, timings_->model()->toText(QLatin1Char(',')).toUtf8(), nullptr))
        return *error = tr("Cannot write %1").arg(csv), false;
    const QString trace = dir + QStringLiteral("/trace.json");
    if (!cl::saveFile(trace, QJsonDocument(traceOfResults()).toJson(QJsonDocument::Compact), nullptr))
        return *error = tr("Cannot write %1").arg(trace), false;
    return true;
}

void MainWindow::connectSessions()
{
    connect(menus_->saveSession, &QAction::triggered, sessions_, &SessionControl::saveDialog);
    connect(menus_->openSession, &QAction::triggered, sessions_, &SessionControl::openDialog);
    connect(menus_->replaySession, &QAction::triggered, sessions_, &SessionControl::replay);
    connect(sessions_, &SessionControl::recordingShown, this, [this](bool shown) {
        menus_->replaySession->setEnabled(shown);
        if (shown)
            showPage(QStringLiteral("cpu"));
    });
}

QJsonObject MainWindow::traceOfResults() const
{
    return cl::traceJson(
        cl::traceRuns(timings_->results(cl::Workload::Cpu) + timings_->results(cl::Workload::Io)), cpu_->history().samples());
}

void MainWindow::exportTrace()
{
    if (timings_->results(cl::Workload::Cpu).isEmpty() && timings_->results(cl::Workload::Io).isEmpty()) {
        statusBar()->showMessage(tr("No runs to export yet: run an experiment first"), 5000);
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export trace"), settings_.exportFolder() + QStringLiteral("/trace.json"), tr("Trace Event Format (*.json)"));
    if (path.isEmpty())
        return;
    settings_.setExportFolder(QFileInfo(path).absolutePath());
    QString why;
    if (!cl::saveFile(path, QJsonDocument(traceOfResults()).toJson(QJsonDocument::Compact), &why))
        QMessageBox::warning(this, tr("Export"), why);
    else
        statusBar()->showMessage(
            tr("Trace written to %1: open it in Perfetto UI (ui.perfetto.dev) or chrome://tracing").arg(QDir::toNativeSeparators(path)),
            8000);
}

// What a page's PNG shows: its chart; the CPU graphs under a title that says what they are;
// the timeline with its legend, only as tall as its lanes.
QImage MainWindow::pageImage(QWidget *page) const
{
    const int scale = settings_.exportScale();
    if (page == cpu_)
        return withTitle(renderWidget(cpu_->chartArea(), scale), cpu_->exportTitle());
    if (page == timeline_)
        return timeline_->exportImage(std::max(800, timeline_->chartArea()->width()), scale);
    return renderWidget(chartOf(page), scale);
}

// Renders `page`'s chart to `path`. A page that was never shown was never laid out, and its
// chart has no size to draw at: it is made the current page while it is drawn.
bool MainWindow::exportFromPage(QWidget *page, const QString &path, QString *error)
{
    QWidget *shown = pages_->currentWidget();
    const QSignalBlocker quiet(pages_); // the monitor's process sampling follows the real tab only
    pages_->setCurrentWidget(page);
    const bool ok = savePng(pageImage(page), path, error);
    pages_->setCurrentWidget(shown);
    return ok;
}

bool MainWindow::exportAllTo(const QString &dir, QString *error)
{
    if (!exportFromPage(cpu_, dir + QStringLiteral("/cpu.png"), error)
        || !exportFromPage(timings_, dir + QStringLiteral("/timings.png"), error) || !writeResultFiles(dir, error))
        return false;
    if (timeline_->current()->model() && !exportFromPage(timeline_, dir + QStringLiteral("/timeline.png"), error))
        return false;
    return !speedup_->chart()->hasSweep() || exportFromPage(speedup_, dir + QStringLiteral("/speedup.png"), error);
}

void MainWindow::exportAll()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export all into a folder"), settings_.exportFolder());
    if (dir.isEmpty())
        return;
    settings_.setExportFolder(dir);
    QString error;
    if (!exportAllTo(dir, &error))
        QMessageBox::warning(this, tr("Export"), error);
    else
        statusBar()->showMessage(tr("Exported charts and results into %1").arg(QDir::toNativeSeparators(dir)), 5000);
}

void MainWindow::setPresentationMode(bool on, bool fullScreen)
{
    setPresentationStyle(on);
    QFont f = QApplication::font();
    f.setPointSize(f.pointSize() - presentationFontDelta_ + (on ? 6 : 0));
    presentationFontDelta_ = on ? 6 : 0;
    QApplication::setFont(f);
    if (fullScreen)
        on ? showFullScreen() : showNormal();
    timings_->chart(cl::Workload::Cpu)->applyStyle();
    timings_->chart(cl::Workload::Io)->applyStyle();
    cpu_->update();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    session_.cancel();
    settings_.setLastSpec(experiments_->spec());
    settings_.setGeometry(saveGeometry());
    settings_.sync();
    event->accept();
}

} // namespace ui
