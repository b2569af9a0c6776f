#include "mainwindow.h"

#include "cpupanel.h"
#include "experimentpanel.h"
#include "filespage.h"
#include "streamspage.h"
#include "export.h"
#include "palette.h"
#include "processmodel.h"
#include "resultjson.h"
#include "resultsmodel.h"
#include "speeduppanel.h"
#include "sweep.h"
#include "timelinepanel.h"
#include "timingchart.h"

#include "clock.h"

#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <QTreeView>

namespace ui {

MainWindow::MainWindow(Settings settings, QWidget *parent) : QMainWindow(parent), settings_(std::move(settings))
{
    setWindowTitle(tr("Concurrency Lab"));
    QString error;
    if (!server_.start(0, settings_.serverDelayMs(), &error))
        statusBar()->showMessage(tr("The demo server could not start: %1").arg(error));
    lesson_ = cl::lessonExperiments(server_.url());
    auto *splitter = new QSplitter(this);
    experiments_ = new ExperimentPanel(lesson_, splitter);
    experiments_->setServerDelayMs(settings_.serverDelayMs());
    splitter->addWidget(experiments_);
    splitter->addWidget(buildPages());
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({380, 900});
    setCentralWidget(splitter);
    serverStatus_ = new QLabel(this);
    statusBar()->addPermanentWidget(serverStatus_);
    buildMenus();
    connectEngine();
    if (const int row = settings_.lessonRow(); row >= 0)
        experiments_->selectLesson(row);
    else if (settings_.lessonRow() == -2)
        experiments_->setSpec(settings_.lastSpec());
    resize(1280, 800);
    restoreGeometry(settings_.geometry());
    monitor_.start(1000 / settings_.samplingHz());
    monitor_.setSampleProcesses(pages_->currentWidget() == processView_);
    cpu_->setHistoryLength(60 * settings_.samplingHz());
}

MainWindow::~MainWindow() = default;

QStringList MainWindow::pageNames()
{
    return {QStringLiteral("cpu"), QStringLiteral("timings"), QStringLiteral("timeline"), QStringLiteral("speedup"),
            QStringLiteral("processes"), QStringLiteral("files"), QStringLiteral("streams"), QStringLiteral("system")};
}

QWidget *MainWindow::buildPages()
{
    pages_ = new QTabWidget(this);
    cpu_ = new CpuPanel(pages_);
    pages_->addTab(cpu_, tr("Live CPU"));

    auto *timings = new QSplitter(Qt::Vertical, pages_);
    timing_ = new TimingChart(timings);
    results_ = new ResultsModel(this);
    resultsView_ = new QTableView(timings);
    resultsView_->setModel(results_);
    resultsView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    resultsView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    resultsView_->setToolTip(tr("Every run; select rows and press Ctrl+C to copy them"));
    auto *copy = new QAction(tr("Copy"), resultsView_);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this] {
        QList<int> rows;
        for (const QModelIndex &i : resultsView_->selectionModel()->selectedRows())
            rows.append(i.row());
        std::sort(rows.begin(), rows.end());
        QApplication::clipboard()->setText(results_->toText(QLatin1Char('\t'), rows));
    });
    resultsView_->addAction(copy);
    resultsView_->setContextMenuPolicy(Qt::ActionsContextMenu);
    timings->addWidget(timing_);
    timings->addWidget(resultsView_);
    timings->setStretchFactor(0, 3);
    timings->setStretchFactor(1, 1);
    pages_->addTab(timings, tr("Timings"));
    timeline_ = new TimelinePanel(pages_);
    pages_->addTab(timeline_, tr("Timeline"));
    speedup_ = new SpeedupPanel(pages_);
    pages_->addTab(speedup_, tr("Speedup"));

    processes_ = new ProcessModel(this);
    processView_ = new QTreeView(pages_);
    processView_->setModel(processes_);
    processView_->setUniformRowHeights(true);
    processView_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    processView_->setToolTip(tr("This app's processes, live, like top: expand a process to see its threads"));
    pages_->addTab(processView_, tr("Processes"));
    files_ = new FilesPage(pages_);
    pages_->addTab(files_, tr("Files"));
    pages_->addTab(new StreamsPage(pages_), tr("Streams"));
    pages_->addTab(new SystemPage(pages_), tr("System"));

    for (QWidget *chart : {static_cast<QWidget *>(cpu_), static_cast<QWidget *>(timing_), static_cast<QWidget *>(timeline_->current()),
                           static_cast<QWidget *>(speedup_->chart())}) {
        chart->setContextMenuPolicy(Qt::ActionsContextMenu);
        auto *exportAction = new QAction(tr("Export as PNG…"), chart);
        connect(exportAction, &QAction::triggered, this, &MainWindow::exportCurrentChart);
        chart->addAction(exportAction);
    }
    return pages_;
}

void MainWindow::buildMenus()
{
    buildFileMenu();
    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addAction(tr("&Run"), QKeySequence(Qt::Key_F5), this, [this] { runSpec(experiments_->spec()); })
        ->setToolTip(tr("Run the experiment with the panel's parameters"));
    run->addAction(tr("Run &all of the lesson"), QKeySequence(Qt::CTRL | Qt::Key_F5), this, &MainWindow::runLesson);
    run->addAction(tr("&Stop"), QKeySequence(Qt::Key_Escape), this, &MainWindow::stop);
    run->addSeparator();
    run->addAction(tr("&Clear results"), this, [this] {
        results_->clear();
        finished_.clear();
        refreshTimingChart();
    });
    buildServerMenu();
    buildViewMenu();
    QMenu *language = menuBar()->addMenu(tr("&Language"));
    language->addAction(QStringLiteral("English"), this, [this] { emit languageChangeRequested(QStringLiteral("en")); });
    language->addAction(QStringLiteral("Русский"), this, [this] { emit languageChangeRequested(QStringLiteral("ru")); });
}

void MainWindow::buildFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Export chart as PNG…"), QKeySequence(Qt::CTRL | Qt::Key_E), this, &MainWindow::exportCurrentChart);
    file->addAction(tr("Export &all…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), this, &MainWindow::exportAll);
    QMenu *scale = file->addMenu(tr("Export &scale"));
    auto *group = new QActionGroup(scale);
    for (int s : {1, 2}) {
        QAction *a = scale->addAction(s == 1 ? tr("1× (screen)") : tr("2× (projector)"));
        a->setCheckable(true);
        a->setChecked(settings_.exportScale() == s);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, s] { settings_.setExportScale(s); });
    }
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
}

void MainWindow::buildServerMenu()
{
    QMenu *server = menuBar()->addMenu(tr("&Server"));
    server->addAction(tr("&Start or stop the demo server"), this, &MainWindow::toggleServer);
    server->addAction(tr("Set the &delay…"), this, [this] {
        bool ok = false;
        const int ms = QInputDialog::getInt(this, tr("Demo server"), tr("Delay before each reply (ms):"),
                                            server_.delayMs(), 0, 60'000, 10, &ok);
        if (ok)
            experiments_->setServerDelayMs(ms);
    });
    connect(experiments_, &ExperimentPanel::serverDelayChanged, this, [this](int ms) {
        server_.setDelayMs(ms);
        settings_.setServerDelayMs(ms);
        refreshServerStatus();
    });
    serverPoll_.setInterval(500);
    connect(&serverPoll_, &QTimer::timeout, this, &MainWindow::refreshServerStatus);
    serverPoll_.start();
    refreshServerStatus();
}

void MainWindow::buildViewMenu()
{
    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *presentation = view->addAction(tr("&Presentation mode"));
    presentation->setShortcut(QKeySequence(Qt::Key_F11));
    presentation->setCheckable(true);
    presentation->setToolTip(tr("Full screen, larger fonts, thicker lines, colour-blind-safe colours"));
    connect(presentation, &QAction::toggled, this, &MainWindow::setPresentationMode);
    for (int i = 0; i < pageNames().size(); ++i)
        view->addAction(pages_->tabText(i), QKeySequence(Qt::ALT | (Qt::Key_1 + i)), this, [this, i] { pages_->setCurrentIndex(i); });
    QMenu *rate = view->addMenu(tr("CPU &sampling rate"));
    auto *group = new QActionGroup(rate);
    for (int hz : {1, 2, 5, 10, 20}) {
        QAction *a = rate->addAction(tr("%1 Hz").arg(hz));
        a->setCheckable(true);
        a->setChecked(settings_.samplingHz() == hz);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, hz] { setSamplingHz(hz); });
    }
}

void MainWindow::connectEngine()
{
    connect(&monitor_, &cl::SystemMonitor::sampled, this, [this](const cl::SystemSample &s) {
        cpu_->addSample(s.cpu);
        if (pages_->currentWidget() == processView_ && !s.processes.isEmpty())
            processes_->setProcesses(s.processes);
    });
    connect(pages_, &QTabWidget::currentChanged, this, [this] { monitor_.setSampleProcesses(pages_->currentWidget() == processView_); });
    connect(experiments_, &ExperimentPanel::runRequested, this, &MainWindow::runSpec);
    connect(experiments_, &ExperimentPanel::runAllRequested, this, &MainWindow::runLesson);
    connect(experiments_, &ExperimentPanel::stopRequested, this, &MainWindow::stop);
    connect(speedup_, &SpeedupPanel::sweepRequested, this, &MainWindow::runSweep);
    connect(&runner_, &cl::Runner::progress, experiments_, &ExperimentPanel::setProgress);
    connect(&runner_, &cl::Runner::experimentStarted, this, &MainWindow::onExperimentStarted);
    connect(&runner_, &cl::Runner::runFinished, this, &MainWindow::onRunFinished);
    connect(&runner_, &cl::Runner::experimentFinished, this, &MainWindow::onExperimentFinished);
    connect(&runner_, &cl::Runner::finished, this, &MainWindow::onBatchFinished);
    connect(&runner_, &cl::Runner::liveSpans, this, [this](const cl::SpanSink::Snapshot &s) { timeline_->showLive(liveLabel_, s); });
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

void MainWindow::runSpec(cl::ExperimentSpec spec)
{
    if (runner_.isRunning())
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
    QString label;
    for (int i = 0; i < lesson_.size(); ++i) {
        const auto &l = lesson_[i].spec;
        if (l.workload == spec.workload && l.strategy == spec.strategy && l.workers == spec.workers && spec.gil
            && spec.items() == l.items()) {
            label = QCoreApplication::translate("Lesson", lesson_[i].title);
            settings_.setLessonRow(i);
        }
    }
    if (label.isEmpty()) {
        label = tr("%1 ×%2 (%3)").arg(strategyName(int(spec.strategy))).arg(spec.effectiveWorkers())
                    .arg(spec.gil ? tr("GIL on") : tr("GIL off"));
        settings_.setLessonRow(-2);
    }
    startBatch({spec}, {label});
}

void MainWindow::runLesson()
{
    if (runner_.isRunning() || !ensureServer())
        return;
    QList<cl::ExperimentSpec> batch;
    QStringList labels;
    for (const auto &e : cl::lessonExperiments(server_.url())) {
        cl::ExperimentSpec s = e.spec;
        s.repeat = experiments_->spec().repeat;
        batch.append(s);
        labels.append(QCoreApplication::translate("Lesson", e.title));
    }
    startBatch(batch, labels);
}

void MainWindow::runSweep(cl::Strategy strategy, bool gil, int maxWorkers, cl::Workload workload)
{
    if (runner_.isRunning())
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
    QStringList labels{tr("sweep: sequential")};
    for (int n = 1; n <= maxWorkers; ++n)
        labels << tr("sweep: %1 ×%2").arg(strategyName(int(strategy))).arg(n);
    sweepBase_ = base;
    sweepResults_.clear();
    speedup_->setRunning(true);
    startBatch(cl::sweepBatch(base, maxWorkers), labels);
}

void MainWindow::startBatch(const QList<cl::ExperimentSpec> &batch, const QStringList &labels)
{
    batch_ = batch;
    batchLabels_ = labels;
    experiments_->setRunning(true);
    statusBar()->showMessage(tr("Running…"));
    runner_.start(batch);
}

void MainWindow::stop()
{
    if (runner_.isRunning()) {
        statusBar()->showMessage(tr("Stopping…"));
        runner_.cancel();
    }
}

void MainWindow::onExperimentStarted(int index, const cl::ExperimentSpec &)
{
    liveLabel_ = batchLabels_.value(index);
    cpu_->addMarker({cl::monotonicNs() / 1'000'000, true, batchLabels_.value(index)});
    statusBar()->showMessage(tr("Running: %1").arg(batchLabels_.value(index)));
}

void MainWindow::onRunFinished(int index, const cl::RunResult &run)
{
    int n = 0;
    for (const auto &r : results_->rows())
        n += r.experiment == batchLabels_.value(index) ? 1 : 0;
    results_->addRun({batchLabels_.value(index), batch_.value(index).workload, n, run});
    if (!run.cancelled())
        timeline_->addRun({tr("%1 — run %2").arg(batchLabels_.value(index)).arg(n + 1), batch_.value(index).workload, run});
    resultsView_->scrollToBottom();
}

void MainWindow::onExperimentFinished(int index, const cl::StrategyResult &result)
{
    cpu_->addMarker({cl::monotonicNs() / 1'000'000, false, batchLabels_.value(index)});
    const cl::Workload w = batch_.value(index).workload;
    if (result.runs.isEmpty() || result.runs.last().cancelled())
        return;
    if (sweepBase_)
        sweepResults_.append(result);
    for (qsizetype i = 0; i < finished_.size(); ++i)
        if (finished_[i].workload == w && finished_[i].result.strategy == result.strategy
            && finished_[i].result.workers == result.workers && finished_[i].result.gil == result.gil) {
            finished_.removeAt(i);
            break;
        }
    finished_.append({w, result});
    shownWorkload_ = w;
    refreshTimingChart();
}

void MainWindow::onBatchFinished(bool cancelled)
{
    experiments_->setRunning(false);
    speedup_->setRunning(false);
    if (sweepBase_ && !cancelled && sweepResults_.size() == batch_.size())
        speedup_->showSweep(cl::sweepResult(*sweepBase_, sweepResults_, QThread::idealThreadCount()));
    sweepBase_.reset();
    statusBar()->showMessage(cancelled ? tr("Stopped.") : tr("Done."), 10000);
}

std::optional<double> MainWindow::notebookFigure(const cl::StrategyResult &r, cl::Workload w) const
{
    for (const auto &e : lesson_)
        if (e.spec.workload == w && e.spec.strategy == r.strategy && r.gil
            && (r.strategy == cl::Strategy::Async || e.spec.workers == r.workers) && r.itemsAsked == e.spec.items())
            return e.notebookS;
    return std::nullopt;
}

void MainWindow::refreshTimingChart()
{
    QList<cl::StrategyResult> shown;
    QList<std::optional<double>> notebook;
    for (const auto &f : std::as_const(finished_))
        if (f.workload == shownWorkload_) {
            shown.append(f.result);
            notebook.append(notebookFigure(f.result, f.workload));
        }
    const QString title = shown.isEmpty() ? QString()
        : shownWorkload_ == cl::Workload::Cpu ? tr("CPU-bound: counting loop — best of N")
                                              : tr("IO-bound: HTTP requests — best of N");
    timing_->setBars(title, timingBars(shown, notebook));
}

void MainWindow::loadResults(const QList<cl::StrategyResult> &results, cl::Workload workload)
{
    for (const auto &r : results) {
        finished_.append({workload, r});
        for (int i = 0; i < r.runs.size(); ++i)
            results_->addRun({strategyName(int(r.strategy)), workload, i, r.runs[i]});
    }
    shownWorkload_ = workload;
    refreshTimingChart();
}

void MainWindow::expandProcesses()
{
    processView_->expandAll();
}

void MainWindow::refreshServerStatus()
{
    if (!server_.isRunning()) {
        serverStatus_->setText(tr("Demo server: stopped"));
        return;
    }
    const cl::DemoServerStats s = server_.stats();
    serverStatus_->setText(tr("Demo server: %1 · delay %2 ms · served %3 · max in flight %4")
                               .arg(server_.url()).arg(server_.delayMs()).arg(s.served).arg(s.maxInFlight));
}

void MainWindow::toggleServer()
{
    if (server_.isRunning()) {
        if (runner_.isRunning())
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
    cpu_->setHistoryLength(60 * hz);
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
    QWidget *page = pages_->currentWidget();
    if (page == cpu_)
        return cpu_->chartArea();
    if (page == timeline_)
        return timeline_->chartArea();
    if (page == speedup_)
        return speedup_->chart();
    if (page == timing_->parentWidget())
        return timing_;
    return page;
}

void MainWindow::exportCurrentChart()
{
    const QString dir = settings_.exportFolder().isEmpty() ? QDir::homePath() : settings_.exportFolder();
    const QString name = pageNames().value(pages_->currentIndex(), QStringLiteral("chart"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export chart as PNG or SVG"), dir + QLatin1Char('/') + name + QStringLiteral(".png"),
                                                      tr("PNG images (*.png);;SVG drawings (*.svg)"));
    if (path.isEmpty())
        return;
    settings_.setExportFolder(QFileInfo(path).absolutePath());
    QString error;
    if (!exportChart(currentChart(), path, settings_.exportScale(), &error))
        QMessageBox::warning(this, tr("Export"), error);
    else
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
}

bool MainWindow::writeResultFiles(const QString &dir, QString *error) const
{
    for (cl::Workload w : {cl::Workload::Cpu, cl::Workload::Io}) {
        cl::Report report;
        report.params.workload = w;
        for (const auto &f : finished_)
            if (f.workload == w)
                report.results.append(f.result);
        if (report.results.isEmpty())
            continue;
        QFile json(dir + QStringLiteral("/results-%1.json").arg(cl::toString(w)));
        if (!json.open(QIODevice::WriteOnly) || json.write(QJsonDocument(cl::toJson(report)).toJson()) < 0)
            return *error = tr("Cannot write %1").arg(json.fileName()), false;
    }
    QFile csv(dir + QStringLiteral("/results.csv"));
    if (!csv.open(QIODevice::WriteOnly) || csv.write(results_->toText(QLatin1Char(',')).toUtf8()) < 0)
        return *error = tr("Cannot write %1").arg(csv.fileName()), false;
    return true;
}

bool MainWindow::exportAllTo(const QString &dir, QString *error)
{
    const int scale = settings_.exportScale();
    const bool ok = exportPng(cpu_->chartArea(), dir + QStringLiteral("/cpu.png"), scale, error)
        && exportPng(timing_, dir + QStringLiteral("/timings.png"), scale, error) && writeResultFiles(dir, error);
    if (!ok)
        return false;
    if (timeline_->current()->model() && !exportPng(timeline_->chartArea(), dir + QStringLiteral("/timeline.png"), scale, error))
        return false;
    return !speedup_->chart()->hasSweep() || exportPng(speedup_->chart(), dir + QStringLiteral("/speedup.png"), scale, error);
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

void MainWindow::setPresentationMode(bool on)
{
    setPresentationStyle(on);
    QFont f = QApplication::font();
    f.setPointSize(f.pointSize() - presentationFontDelta_ + (on ? 6 : 0));
    presentationFontDelta_ = on ? 6 : 0;
    QApplication::setFont(f);
    on ? showFullScreen() : showNormal();
    timing_->applyStyle();
    cpu_->update();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    runner_.cancel();
    settings_.setLastSpec(experiments_->spec());
    settings_.setGeometry(saveGeometry());
    settings_.sync();
    event->accept();
}

} // namespace ui
