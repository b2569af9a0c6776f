// The main window composes the pages and the menus. It owns the session (what ran; each page
// follows it itself), the demo server and the system monitor (each on a thread of its own), and
// turns the panel's and the menus' requests into batches.
#pragma once

#include "experiment/lesson.h"
#include "monitor/systemmonitor.h"
#include "run/history.h"
#include "run/pitfallrunner.h"
#include "run/session.h"
#include "server/demoserver.h"
#include "util/translatable.h"
#include "window/settings.h"

#include <QImage>
#include <QJsonObject>
#include <QMainWindow>
#include <QTimer>

#include <memory>

class QLabel;
class QTabWidget;

namespace ui {

class CpuPage;
class ErrorBanner;
class ExperimentPanel;
class MainMenus;
class CodePage;
class FilesPage;
class SpeedupPage;
class TimelinePage;
class PitfallsPage;
class PythonControl;
class SessionControl;
class ProcessesPage;
class ResultsModel;
class TimingChart;
class TimingsPage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(Settings settings = Settings(), QWidget *parent = nullptr);
    ~MainWindow() override;

    static QStringList pageNames(); // "experiments" is the left panel; these are the tabs
    static QStringList pageTitles(); // the tabs' titles in the UI's language
    bool showPage(const QString &name);
    QWidget *currentChart() const;
    bool isRunning() const { return busy(); }
    void loadResults(const QList<cl::ExperimentResult> &results, cl::Workload workload);
    // Writes cpu.png, timings.png, results-<workload>.json and results.csv into `dir`.
    bool exportAllTo(const QString &dir, QString *error);
    void expandProcesses();

    // For tests and the screenshot command.
    ExperimentPanel *experimentPanel() const { return experiments_; }
    TimingChart *timingChart() const;
    TimingsPage *timingsPage() const { return timings_; }
    ResultsModel *resultsModel() const;
    ErrorBanner *errorBanner() const { return banner_; }
    QTabWidget *pages() const { return pages_; }
    QString statusText() const; // the state shown on the status bar
    CpuPage *cpuPage() const { return cpu_; }
    FilesPage *filesPage() const { return files_; }
    TimelinePage *timelinePage() const { return timeline_; }
    SpeedupPage *speedupPage() const { return speedup_; }
    cl::DemoServer &server() { return server_; }
    PythonControl *pythonControl() const { return python_; }
    SessionControl *sessionControl() const { return sessions_; }

public slots:
    // Switches the UI's language in place ("en", "ru") and remembers it; allowed during a run.
    void setLanguage(const QString &language);
    void runSpec(cl::ExperimentSpec spec);
    void runLesson();
    void runBeyond(int index);
    void runSweep(cl::Strategy strategy, bool gil, int maxWorkers, cl::Workload workload);
    void stop();
    void exportCurrentChart();
    void exportAll();
    void exportTrace();
    // Larger fonts, thicker lines, colour-blind-safe colours; full screen unless told otherwise
    // (a headless screenshot keeps the size it was asked for).
    void setPresentationMode(bool on, bool fullScreen = true);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refreshOtherLoad();
    QSize defaultSize() const;
    void buildMenus();
    void connectRunMenu();
    void connectServerMenu();
    void connectViewMenu();
    QWidget *buildPages();
    void addExportAction(QWidget *chart);
    void connectEngine();
    void connectPython();
    void connectSessions();
    QList<cl::PlannedExperiment> onEachEngine(
        const cl::ExperimentSpec &spec, const std::function<cl::Translatable(const cl::ExperimentSpec &)> &label) const;
    void startBatch(const QList<cl::PlannedExperiment> &batch, cl::BatchKind kind);
    void followSession();
    void onBatchFinished(bool cancelled);
    bool busy() const;
    void showConvoyRun(const cl::ConvoySpec &spec, const cl::ConvoyResult &r);
    // What the window is doing or how the last batch ended, on the status bar's left (a passing
    // message covers it for a while); it follows a language switch.
    void showStatus(const cl::Translatable &text);
    cl::Translatable experimentLabel(const cl::ExperimentSpec &spec) const;
    void restoreHistory();
    void refreshServerStatus();
    void toggleServer();
    void setSamplingHz(int hz);
    bool ensureServer();
    bool writeResultFiles(const QString &dir, QString *error) const;
    QJsonObject traceOfResults() const; // every run on the Timings page, the CPU history beside them
    bool exportFromPage(QWidget *page, const QString &path, QString *error);
    QImage pageImage(QWidget *page) const;
    QWidget *chartOf(QWidget *page) const;

    Settings settings_;
    cl::RunHistory history_; // beside the settings file
    cl::Session session_;
    cl::PitfallRunner pitfalls_; // the race and the convoy
    cl::DemoServer server_;
    cl::SystemMonitor monitor_;
    QList<cl::LessonExperiment> lesson_;
    ExperimentPanel *experiments_ = nullptr;
    PitfallsPage *pitfallsPage_ = nullptr;
    std::unique_ptr<MainMenus> menus_;
    PythonControl *python_ = nullptr; // the CPython engine's interpreter, and the teacher's scripts
    SessionControl *sessions_ = nullptr; // sessions saved, opened and replayed
    QTabWidget *pages_ = nullptr;
    ErrorBanner *banner_ = nullptr;
    CpuPage *cpu_ = nullptr;
    TimingsPage *timings_ = nullptr;
    QList<QAction *> exportActions_; // "Export as PNG…" in each chart's context menu
    ProcessesPage *processes_ = nullptr;
    FilesPage *files_ = nullptr;
    CodePage *code_ = nullptr;
    TimelinePage *timeline_ = nullptr;
    SpeedupPage *speedup_ = nullptr;
    QLabel *serverStatus_ = nullptr;
    QLabel *otherLoad_ = nullptr;
    static constexpr qint64 kServerStatusMs = 500;
    QTimer serverPoll_;
    qint64 serverShownMs_ = 0;
    QLabel *state_ = nullptr;
    cl::Translatable status_;
    int presentationFontDelta_ = 0;
};

} // namespace ui
