// The main window composes the panels and wires them to the engine: the runner (experiments
// off the GUI thread), the demo server (its own thread) and the system monitor (its own thread).
#pragma once

#include "demoserver.h"
#include "lesson.h"
#include "runner.h"
#include "settings.h"
#include "systemmonitor.h"

#include <QMainWindow>
#include <QTimer>

class QLabel;
class QTabWidget;
class QTableView;
class QTreeView;

namespace ui {

class CpuPanel;
class ExperimentPanel;
class FilesPage;
class SpeedupPanel;
class TimelinePanel;
class ProcessModel;
class ResultsModel;
class TimingChart;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Settings settings = Settings(), QWidget *parent = nullptr);
    ~MainWindow() override;

    static QStringList pageNames(); // "experiments" is the left panel; these are the tabs
    bool showPage(const QString &name);
    QWidget *currentChart() const;
    bool isRunning() const { return runner_.isRunning(); }
    void loadResults(const QList<cl::StrategyResult> &results, cl::Workload workload);
    // Writes cpu.png, timings.png, results-<workload>.json and results.csv into `dir`.
    bool exportAllTo(const QString &dir, QString *error);
    void expandProcesses();

    // For tests and the screenshot command.
    ExperimentPanel *experimentPanel() const { return experiments_; }
    TimingChart *timingChart() const { return timing_; }
    ResultsModel *resultsModel() const { return results_; }
    CpuPanel *cpuPanel() const { return cpu_; }
    FilesPage *filesPage() const { return files_; }
    TimelinePanel *timelinePanel() const { return timeline_; }
    SpeedupPanel *speedupPanel() const { return speedup_; }
    cl::DemoServer &server() { return server_; }

signals:
    void languageChangeRequested(const QString &language);

public slots:
    void runSpec(cl::ExperimentSpec spec);
    void runLesson();
    void runSweep(cl::Strategy strategy, bool gil, int maxWorkers, cl::Workload workload);
    void stop();
    void exportCurrentChart();
    void exportAll();
    void setPresentationMode(bool on);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildFileMenu();
    void buildViewMenu();
    void buildServerMenu();
    QWidget *buildPages();
    void connectEngine();
    void startBatch(const QList<cl::ExperimentSpec> &batch, const QStringList &labels);
    void onExperimentStarted(int index, const cl::ExperimentSpec &spec);
    void onRunFinished(int index, const cl::RunResult &run);
    void onExperimentFinished(int index, const cl::StrategyResult &result);
    void onBatchFinished(bool cancelled);
    void refreshTimingChart();
    void refreshServerStatus();
    void toggleServer();
    void setSamplingHz(int hz);
    bool ensureServer();
    std::optional<double> notebookFigure(const cl::StrategyResult &r, cl::Workload w) const;
    bool writeResultFiles(const QString &dir, QString *error) const;

    Settings settings_;
    cl::Runner runner_;
    cl::DemoServer server_;
    cl::SystemMonitor monitor_;
    QList<cl::LessonExperiment> lesson_;
    ExperimentPanel *experiments_ = nullptr;
    QTabWidget *pages_ = nullptr;
    CpuPanel *cpu_ = nullptr;
    TimingChart *timing_ = nullptr;
    ResultsModel *results_ = nullptr;
    QTableView *resultsView_ = nullptr;
    ProcessModel *processes_ = nullptr;
    QTreeView *processView_ = nullptr;
    FilesPage *files_ = nullptr;
    TimelinePanel *timeline_ = nullptr;
    SpeedupPanel *speedup_ = nullptr;
    std::optional<cl::ExperimentSpec> sweepBase_; // set while a sweep runs
    QList<cl::StrategyResult> sweepResults_;
    QLabel *serverStatus_ = nullptr;
    QTimer serverPoll_;
    QList<cl::ExperimentSpec> batch_;
    QStringList batchLabels_;
    QString liveLabel_;
    struct Finished {
        cl::Workload workload;
        cl::StrategyResult result;
    };
    QList<Finished> finished_;
    cl::Workload shownWorkload_ = cl::Workload::Cpu;
    int presentationFontDelta_ = 0;
};

} // namespace ui
