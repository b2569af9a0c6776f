// The main window: composes the panels; owns the runner and the demo server.
#pragma once

#include "demoserver.h"
#include "lesson.h"
#include "runner.h"

#include <QMainWindow>

class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace ui {

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    cl::Runner &runner() { return runner_; }
    cl::DemoServer &server() { return server_; }

public slots:
    void runSelected();
    void stop();

private:
    QWidget *buildExperimentsPanel();
    void onExperimentFinished(int index, const cl::StrategyResult &result);
    void onFinished(bool cancelled);
    void setRunning(bool running);

    cl::Runner runner_;
    cl::DemoServer server_;
    QList<cl::LessonExperiment> experiments_;
    QList<cl::ExperimentSpec> batch_;
    QListWidget *list_ = nullptr;
    QPushButton *runButton_ = nullptr;
    QPushButton *stopButton_ = nullptr;
    QProgressBar *progress_ = nullptr;
    QPlainTextEdit *log_ = nullptr;
};

} // namespace ui
