#include "experimentpanel.h"

#include "palette.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ui {

namespace {
QSpinBox *spin(QWidget *parent, int min, int max, const QString &tip, const QString &suffix = {})
{
    auto *s = new QSpinBox(parent);
    s->setRange(min, max);
    s->setGroupSeparatorShown(true);
    s->setToolTip(tip);
    s->setSuffix(suffix);
    return s;
}
} // namespace

ExperimentPanel::ExperimentPanel(const QList<cl::LessonExperiment> &lesson, QWidget *parent)
    : QWidget(parent), lesson_(lesson)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildLessonList(), 3);
    layout->addWidget(buildForm());
    layout->addWidget(buildControls());
    ticker_.setInterval(100);
    connect(&ticker_, &QTimer::timeout, this, &ExperimentPanel::tick);
    selectLesson(0);
    setRunning(false);
}

QWidget *ExperimentPanel::buildLessonList()
{
    auto *box = new QGroupBox(tr("The lesson's experiments"), this);
    auto *v = new QVBoxLayout(box);
    list_ = new QListWidget(box);
    list_->setToolTip(tr("Double-click or press Enter to run; F5 runs the selected experiment"));
    for (const auto &e : std::as_const(lesson_)) {
        auto *item = new QListWidgetItem(tr("%1 — notebook: %2 s").arg(QCoreApplication::translate("Lesson", e.title))
                                             .arg(e.notebookS), list_);
        item->setToolTip(QStringLiteral("%1: %2").arg(QLatin1String(e.cell), QCoreApplication::translate("Lesson", e.watchFor)));
    }
    watchFor_ = new QLabel(box);
    watchFor_->setWordWrap(true);
    watchFor_->setMinimumHeight(40);
    connect(list_, &QListWidget::currentRowChanged, this, &ExperimentPanel::onLessonSelected);
    connect(list_, &QListWidget::itemActivated, this, [this] { if (!running_) emit runRequested(spec()); });
    v->addWidget(list_);
    v->addWidget(watchFor_);
    return box;
}

QWidget *ExperimentPanel::buildForm()
{
    auto *box = new QGroupBox(tr("Parameters"), this);
    auto *form = new QFormLayout(box);
    workload_ = new QComboBox(box);
    workload_->addItem(tr("CPU-bound: counting loop"), int(cl::Workload::Cpu));
    workload_->addItem(tr("IO-bound: HTTP requests"), int(cl::Workload::Io));
    workload_->setToolTip(tr("What each worker does: count (CPU) or download (IO)"));
    strategy_ = new QComboBox(box);
    for (cl::Strategy s : cl::allStrategies())
        strategy_->addItem(strategyName(int(s)), int(s));
    strategy_->setToolTip(tr("How the work is run: one thread, many threads, child processes or one event loop"));
    workers_ = spin(box, 1, 1024, tr("Threads, processes or async tasks; the work is split exactly between them"));
    steps_ = spin(box, 1, 2'000'000'000, tr("CPU: steps of the counting loop (10,000,000 in the lesson)"));
    requests_ = spin(box, 1, 1'000'000, tr("IO: number of HTTP GETs (100 in the lesson)"));
    delay_ = spin(box, 0, 60'000, tr("The demo server waits this long before each reply"), tr(" ms"));
    url_ = new QLineEdit(box);
    url_->setPlaceholderText(tr("the built-in demo server"));
    url_->setToolTip(tr("IO: the URL to download; empty for the built-in demo server"));
    gil_ = new QCheckBox(tr("Emulate the GIL"), box);
    gil_->setToolTip(tr("On: threads take turns as in CPython. Off: C++ threads run in parallel"));
    repeat_ = spin(box, 1, 100, tr("Runs per experiment; the best and the median are shown (like %timeit)"));
    form->addRow(tr("Workload"), workload_);
    form->addRow(tr("Strategy"), strategy_);
    form->addRow(tr("Workers"), workers_);
    form->addRow(tr("Steps"), steps_);
    form->addRow(tr("Requests"), requests_);
    form->addRow(tr("Server delay"), delay_);
    form->addRow(tr("URL"), url_);
    form->addRow(QString(), gil_);
    form->addRow(tr("Repeats"), repeat_);
    connect(workload_, &QComboBox::currentIndexChanged, this, &ExperimentPanel::updateEnabled);
    connect(strategy_, &QComboBox::currentIndexChanged, this, &ExperimentPanel::updateEnabled);
    connect(delay_, &QSpinBox::valueChanged, this, &ExperimentPanel::serverDelayChanged);
    return box;
}

QWidget *ExperimentPanel::buildControls()
{
    auto *w = new QWidget(this);
    auto *v = new QVBoxLayout(w);
    v->setContentsMargins(0, 0, 0, 0);
    auto *buttons = new QHBoxLayout;
    run_ = new QPushButton(tr("&Run"), w);
    run_->setToolTip(tr("Run the experiment with these parameters (F5)"));
    runAll_ = new QPushButton(tr("Run &all"), w);
    runAll_->setToolTip(tr("Run the lesson's seven experiments in order"));
    stop_ = new QPushButton(tr("&Stop"), w);
    stop_->setToolTip(tr("Stop at once: threads stop, child processes are killed, requests aborted (Esc)"));
    run_->setObjectName(QStringLiteral("runButton"));
    runAll_->setObjectName(QStringLiteral("runAllButton"));
    stop_->setObjectName(QStringLiteral("stopButton"));
    buttons->addWidget(run_);
    buttons->addWidget(runAll_);
    buttons->addWidget(stop_);
    progress_ = new QProgressBar(w);
    progress_->setToolTip(tr("Steps or requests done, over all repeats"));
    elapsed_ = new QLabel(w);
    v->addLayout(buttons);
    v->addWidget(progress_);
    v->addWidget(elapsed_);
    connect(run_, &QPushButton::clicked, this, [this] { emit runRequested(spec()); });
    connect(runAll_, &QPushButton::clicked, this, &ExperimentPanel::runAllRequested);
    connect(stop_, &QPushButton::clicked, this, &ExperimentPanel::stopRequested);
    return w;
}

void ExperimentPanel::selectLesson(int row)
{
    list_->setCurrentRow(row);
    onLessonSelected(row);
}

void ExperimentPanel::onLessonSelected(int row)
{
    if (row < 0 || row >= lesson_.size())
        return;
    const auto &e = lesson_[row];
    watchFor_->setText(tr("<b>Watch for:</b> %1").arg(QCoreApplication::translate("Lesson", e.watchFor)));
    setSpec(e.spec);
}

cl::ExperimentSpec ExperimentPanel::spec() const
{
    cl::ExperimentSpec s;
    s.workload = cl::Workload(workload_->currentData().toInt());
    s.strategy = cl::Strategy(strategy_->currentData().toInt());
    s.workers = s.strategy == cl::Strategy::Sequential ? 1 : workers_->value();
    s.steps = steps_->value();
    s.requests = requests_->value();
    s.url = url_->text().trimmed();
    s.gil = gil_->isChecked();
    s.repeat = repeat_->value();
    if (s.strategy == cl::Strategy::Async && s.workload == cl::Workload::Io)
        s.workers = int(std::min<qint64>(s.requests, 1024));
    return s;
}

void ExperimentPanel::setSpec(const cl::ExperimentSpec &s)
{
    workload_->setCurrentIndex(workload_->findData(int(s.workload)));
    strategy_->setCurrentIndex(strategy_->findData(int(s.strategy)));
    workers_->setValue(s.workers);
    steps_->setValue(int(std::min<qint64>(s.steps, steps_->maximum())));
    requests_->setValue(int(std::min<qint64>(s.requests, requests_->maximum())));
    gil_->setChecked(s.gil);
    repeat_->setValue(s.repeat);
    updateEnabled();
}

int ExperimentPanel::serverDelayMs() const { return delay_->value(); }
void ExperimentPanel::setServerDelayMs(int ms) { delay_->setValue(ms); }

void ExperimentPanel::updateEnabled()
{
    const bool cpu = workload_->currentData().toInt() == int(cl::Workload::Cpu);
    const auto strategy = cl::Strategy(strategy_->currentData().toInt());
    steps_->setEnabled(!running_ && cpu);
    requests_->setEnabled(!running_ && !cpu);
    url_->setEnabled(!running_ && !cpu);
    workers_->setEnabled(!running_ && strategy != cl::Strategy::Sequential && !(strategy == cl::Strategy::Async && !cpu));
    gil_->setEnabled(!running_ && (strategy == cl::Strategy::Threads || strategy == cl::Strategy::Processes));
    for (QWidget *w : {static_cast<QWidget *>(workload_), static_cast<QWidget *>(strategy_), static_cast<QWidget *>(repeat_),
                       static_cast<QWidget *>(list_)})
        w->setEnabled(!running_);
}

void ExperimentPanel::setRunning(bool running)
{
    running_ = running;
    run_->setEnabled(!running);
    runAll_->setEnabled(!running);
    stop_->setEnabled(running);
    updateEnabled();
    if (running) {
        clock_.start();
        progress_->setValue(0);
        ticker_.start();
    } else {
        ticker_.stop();
        if (clock_.isValid())
            lastMs_ = clock_.elapsed();
    }
    tick();
}

void ExperimentPanel::setProgress(qint64 done, qint64 total)
{
    progress_->setMaximum(1000);
    progress_->setValue(total > 0 ? int(double(done) / double(total) * 1000) : 0);
}

void ExperimentPanel::tick()
{
    if (!clock_.isValid())
        return elapsed_->setText(tr("Ready."));
    const QString t = QString::number(double(running_ ? clock_.elapsed() : lastMs_) / 1000.0, 'f', 1);
    elapsed_->setText(running_ ? tr("Running… %1 s").arg(t) : tr("Last batch took %1 s.").arg(t));
}

} // namespace ui
