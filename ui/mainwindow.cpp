#include "mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QStatusBar>
#include <QVBoxLayout>

namespace ui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Concurrency Lab"));
    QString error;
    if (!server_.start(0, cl::kDefaultDelayMs, &error))
        statusBar()->showMessage(tr("Demo server: %1").arg(error));
    else
        statusBar()->showMessage(tr("Demo server: %1").arg(server_.url()));
    experiments_ = cl::lessonExperiments(server_.url());
    setCentralWidget(buildExperimentsPanel());
    connect(&runner_, &cl::Runner::progress, this, [this](qint64 done, qint64 total) {
        progress_->setMaximum(int(std::min<qint64>(total, 1'000'000)));
        progress_->setValue(total > 0 ? int(double(done) / double(total) * progress_->maximum()) : 0);
    });
    connect(&runner_, &cl::Runner::experimentFinished, this, &MainWindow::onExperimentFinished);
    connect(&runner_, &cl::Runner::finished, this, &MainWindow::onFinished);
    resize(900, 600);
}

QWidget *MainWindow::buildExperimentsPanel()
{
    auto *panel = new QWidget(this);
    auto *layout = new QVBoxLayout(panel);
    list_ = new QListWidget(panel);
    for (const auto &e : std::as_const(experiments_)) {
        auto *item = new QListWidgetItem(tr("%1  (notebook: %2 s)").arg(QCoreApplication::translate("Lesson", e.title)).arg(e.notebookS), list_);
        item->setToolTip(QCoreApplication::translate("Lesson", e.watchFor));
    }
    list_->setCurrentRow(0);
    connect(list_, &QListWidget::itemActivated, this, &MainWindow::runSelected);
    runButton_ = new QPushButton(tr("Run"), panel);
    runButton_->setToolTip(tr("Run the selected experiment (Enter, F5)"));
    stopButton_ = new QPushButton(tr("Stop"), panel);
    stopButton_->setToolTip(tr("Stop at once (Esc)"));
    stopButton_->setEnabled(false);
    connect(runButton_, &QPushButton::clicked, this, &MainWindow::runSelected);
    connect(stopButton_, &QPushButton::clicked, this, &MainWindow::stop);
    new QShortcut(QKeySequence(Qt::Key_F5), this, this, &MainWindow::runSelected);
    new QShortcut(QKeySequence(Qt::Key_Escape), this, this, &MainWindow::stop);
    progress_ = new QProgressBar(panel);
    log_ = new QPlainTextEdit(panel);
    log_->setReadOnly(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(runButton_);
    buttons->addWidget(stopButton_);
    buttons->addWidget(progress_, 1);
    layout->addWidget(new QLabel(tr("The lesson's experiments"), panel));
    layout->addWidget(list_);
    layout->addLayout(buttons);
    layout->addWidget(log_, 1);
    return panel;
}

void MainWindow::runSelected()
{
    const int row = list_->currentRow();
    if (runner_.isRunning() || row < 0)
        return;
    batch_ = {experiments_[row].spec};
    setRunning(true);
    runner_.start(batch_);
}

void MainWindow::stop()
{
    runner_.cancel();
}

void MainWindow::onExperimentFinished(int index, const cl::StrategyResult &result)
{
    qint64 items = result.runs.isEmpty() ? 0 : result.runs.last().items;
    log_->appendPlainText(tr("%1 x%2: best %3 s, median %4 s, %5 items")
                              .arg(cl::toString(result.strategy)).arg(result.workers)
                              .arg(result.bestS(), 0, 'f', 3).arg(result.medianS(), 0, 'f', 3).arg(items));
    Q_UNUSED(index);
}

void MainWindow::onFinished(bool cancelled)
{
    if (cancelled)
        log_->appendPlainText(tr("Stopped."));
    setRunning(false);
}

void MainWindow::setRunning(bool running)
{
    runButton_->setEnabled(!running);
    stopButton_->setEnabled(running);
}

int runGui(QApplication &app)
{
    MainWindow window;
    window.show();
    return app.exec();
}

} // namespace ui
