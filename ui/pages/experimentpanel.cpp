#include "pages/experimentpanel.h"

#include "strategies/strategy.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace ui {

namespace {
// Two fields on one form row (the GIL and its switch interval; the start method and the pool).
QWidget *pair(QWidget *first, QWidget *second)
{
    auto *row = new QWidget(first->parentWidget());
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    h->addWidget(first, 1);
    h->addWidget(second);
    return row;
}

QSpinBox *spin(QWidget *parent, int min, int max)
{
    auto *s = new QSpinBox(parent);
    s->setRange(min, max);
    s->setGroupSeparatorShown(true);
    return s;
}
} // namespace

ExperimentPanel::ExperimentPanel(const QList<cl::LessonExperiment> &lesson, QWidget *parent)
    : QWidget(parent), lesson_(lesson), beyond_(cl::beyondExperiments({}, {}))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildLessonList(), 3);
    layout->addWidget(buildForm());
    layout->addWidget(buildControls());
    ticker_.setInterval(100);
    connect(&ticker_, &QTimer::timeout, this, &ExperimentPanel::tick);
    retranslate();
    selectLesson(0);
    setRunning(false);
}

QWidget *ExperimentPanel::buildLessonList()
{
    lessonBox_ = new QGroupBox(this);
    auto *v = new QVBoxLayout(lessonBox_);
    list_ = new QListWidget(lessonBox_);
    list_->setWordWrap(true); // long titles (Russian) wrap instead of hiding behind a scroll bar
    list_->setResizeMode(QListView::Adjust);
    list_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    for (qsizetype i = 0; i < lesson_.size(); ++i)
        new QListWidgetItem(list_);
    auto *header = new QListWidgetItem(list_); // "Beyond the notebook": a title, not an experiment
    header->setFlags(Qt::ItemIsEnabled);
    QFont bold = header->font();
    bold.setBold(true);
    header->setFont(bold);
    for (qsizetype i = 0; i < beyond_.size(); ++i)
        new QListWidgetItem(list_);
    watchFor_ = new QLabel(lessonBox_);
    watchFor_->setObjectName(QStringLiteral("watchFor"));
    watchFor_->setWordWrap(true);
    watchFor_->setMinimumHeight(40);
    connect(list_, &QListWidget::currentRowChanged, this, &ExperimentPanel::onLessonSelected);
    connect(list_, &QListWidget::itemActivated, this, &ExperimentPanel::runSelected);
    v->addWidget(list_);
    v->addWidget(watchFor_);
    return lessonBox_;
}

QWidget *ExperimentPanel::buildForm()
{
    formBox_ = new QGroupBox(this);
    form_ = new QFormLayout(formBox_);
    workload_ = new QComboBox(formBox_);
    for (cl::Workload w : {cl::Workload::Cpu, cl::Workload::Io})
        workload_->addItem(QString(), int(w));
    strategy_ = new QComboBox(formBox_);
    strategy_->setObjectName(QStringLiteral("strategy"));
    for (const cl::StrategyDescriptor &s : cl::strategyTable())
        strategy_->addItem(QString(), int(s.id));
    for (QComboBox *box : {workload_, strategy_}) { // as narrow as the panel is: the list shows each name whole
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(8);
    }
    form_->setRowWrapPolicy(QFormLayout::WrapLongRows); // large Russian labels go above their field
    workers_ = spin(formBox_, 1, 1024);
    steps_ = spin(formBox_, 1, 2'000'000'000);
    requests_ = spin(formBox_, 1, 1'000'000);
    delay_ = spin(formBox_, 0, 60'000);
    url_ = new QLineEdit(formBox_);
    gil_ = new QComboBox(formBox_);
    gil_->setObjectName(QStringLiteral("pythonBuild"));
    gil_->addItem(QString(), true);
    gil_->addItem(QString(), false);
    switchMs_ = spin(formBox_, 1, 1000);
    switchMs_->setObjectName(QStringLiteral("switchInterval"));
    startMethod_ = new QComboBox(formBox_);
    startMethod_->setObjectName(QStringLiteral("startMethod"));
    for (cl::StartMethod m : {cl::StartMethod::Spawn, cl::StartMethod::Fork, cl::StartMethod::ForkServer})
        startMethod_->addItem(cl::toString(m), int(m)); // multiprocessing's names, untranslated like the code they stand for
    pool_ = new QCheckBox(formBox_);
    pool_->setObjectName(QStringLiteral("pool"));
    repeat_ = spin(formBox_, 1, 100);
    engine_ = new QComboBox(formBox_);
    engine_->setObjectName(QStringLiteral("engine"));
    for (int i = 0; i < 3; ++i)
        engine_->addItem(QString(), i); // emulated, CPython, both: the texts in retranslateForm()
    for (QWidget *field :
        {static_cast<QWidget *>(workload_), static_cast<QWidget *>(strategy_), static_cast<QWidget *>(workers_),
            static_cast<QWidget *>(steps_), static_cast<QWidget *>(requests_), static_cast<QWidget *>(delay_), static_cast<QWidget *>(url_),
            pair(gil_, switchMs_), pair(startMethod_, pool_), static_cast<QWidget *>(repeat_), static_cast<QWidget *>(engine_)})
        form_->addRow(new QLabel(formBox_), field);
    connect(workload_, &QComboBox::currentIndexChanged, this, &ExperimentPanel::updateEnabled);
    connect(strategy_, &QComboBox::currentIndexChanged, this, &ExperimentPanel::updateEnabled);
    connect(workload_, &QComboBox::activated, this, &ExperimentPanel::onCustomized);
    connect(strategy_, &QComboBox::activated, this, &ExperimentPanel::onCustomized);
    connect(gil_, &QComboBox::activated, this, &ExperimentPanel::onCustomized);
    connect(startMethod_, &QComboBox::activated, this, &ExperimentPanel::onCustomized);
    connect(pool_, &QCheckBox::clicked, this, &ExperimentPanel::onCustomized);
    connect(delay_, &QSpinBox::valueChanged, this, &ExperimentPanel::serverDelayChanged);
    connect(engine_, &QComboBox::activated, this, [this] { emit enginesChanged(engines()); });
    return formBox_;
}

QWidget *ExperimentPanel::buildControls()
{
    auto *w = new QWidget(this);
    auto *v = new QVBoxLayout(w);
    v->setContentsMargins(0, 0, 0, 0);
    auto *buttons = new QHBoxLayout;
    run_ = new QPushButton(w);
    runAll_ = new QPushButton(w);
    stop_ = new QPushButton(w);
    run_->setObjectName(QStringLiteral("runButton"));
    runAll_->setObjectName(QStringLiteral("runAllButton"));
    stop_->setObjectName(QStringLiteral("stopButton"));
    buttons->addWidget(run_);
    buttons->addWidget(runAll_);
    buttons->addWidget(stop_);
    progress_ = new QProgressBar(w);
    elapsed_ = new QLabel(w);
    v->addLayout(buttons);
    v->addWidget(progress_);
    v->addWidget(elapsed_);
    connect(run_, &QPushButton::clicked, this, &ExperimentPanel::runSelected);
    connect(runAll_, &QPushButton::clicked, this, &ExperimentPanel::runAllRequested);
    connect(stop_, &QPushButton::clicked, this, &ExperimentPanel::stopRequested);
    return w;
}

void ExperimentPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

// Texts only: the parameters, the selection and a run in progress stay as they are.
void ExperimentPanel::retranslate()
{
    retranslateLesson();
    retranslateForm();
    retranslateFields();
    run_->setText(tr("&Run"));
    run_->setToolTip(tr("Run the experiment with these parameters (F5)"));
    runAll_->setText(tr("Run &all"));
    runAll_->setToolTip(tr("Run the lesson's seven experiments in order"));
    stop_->setText(tr("&Stop"));
    stop_->setToolTip(tr("Stop at once: threads stop, child processes are killed, requests aborted (Esc)"));
    progress_->setToolTip(tr("Steps or requests done, over all repeats"));
    tick();
}

void ExperimentPanel::retranslateLesson()
{
    lessonBox_->setTitle(tr("The lesson's experiments"));
    list_->setToolTip(tr("Double-click or press Enter to run; F5 runs the selected experiment"));
    for (int i = 0; i < lesson_.size(); ++i) {
        const auto &e = lesson_[i];
        list_->item(i)->setText(tr("%1 — notebook: %2 s").arg(QCoreApplication::translate("Lesson", e.title)).arg(e.notebookS));
        list_->item(i)->setToolTip(QStringLiteral("%1: %2").arg(QLatin1String(e.cell), QCoreApplication::translate("Lesson", e.watchFor)));
    }
    list_->item(int(lesson_.size()))->setText(tr("Beyond the notebook (Python 3.12–3.14)"));
    list_->item(int(lesson_.size()))
        ->setToolTip(tr("What changed since the notebook's Python 3.5 (from the command line: concurrency-lab lesson --part beyond)"));
    for (int i = 0; i < beyond_.size(); ++i) {
        const cl::BeyondExperiment &e = beyond_[i];
        list_->item(rowOfBeyond(i))->setText(QCoreApplication::translate("Lesson", e.title));
        list_->item(rowOfBeyond(i))
            ->setToolTip(QStringLiteral("%1: %2").arg(QLatin1String(e.python), QCoreApplication::translate("Lesson", e.watchFor)));
    }
    showWatchFor(list_->currentRow());
}

void ExperimentPanel::retranslateForm()
{
    formBox_->setTitle(tr("Parameters"));
    const std::pair<QWidget *, QString> labels[]
        = {{workload_, tr("Workload")}, {strategy_, tr("Strategy")}, {workers_, tr("Workers")}, {steps_, tr("Steps")},
            {requests_, tr("Requests")}, {delay_, tr("Server delay")}, {url_, tr("URL")}, {gil_->parentWidget(), tr("Python build")},
            {startMethod_->parentWidget(), tr("Start method")}, {repeat_, tr("Repeats")}, {engine_, tr("Engine")}};
    for (const auto &[field, text] : labels)
        if (auto *label = qobject_cast<QLabel *>(form_->labelForField(field)))
            label->setText(text);
    engine_->setItemText(0, tr("emulated (C++ model of CPython)"));
    engine_->setItemText(1, tr("CPython (the lesson's scripts)"));
    engine_->setItemText(2, tr("both, side by side"));
    workload_->setItemText(0, tr("CPU-bound: counting loop"));
    workload_->setItemText(1, tr("IO-bound: HTTP requests"));
    for (int i = 0; i < strategy_->count(); ++i)
        strategy_->setItemText(i, cl::describe(cl::Strategy(strategy_->itemData(i).toInt())).displayName());
    for (int i = 0; i < gil_->count(); ++i)
        gil_->setItemText(i, cl::gilModeName(gil_->itemData(i).toBool()));
    url_->setPlaceholderText(tr("the built-in demo server"));
    delay_->setSuffix(tr(" ms"));
    switchMs_->setSuffix(tr(" ms"));
    pool_->setText(tr("pool"));
}

void ExperimentPanel::retranslateFields()
{
    workload_->setToolTip(tr("What each worker does: count (CPU) or download (IO)"));
    strategy_->setToolTip(tr("How the work is run: one thread, many threads, child processes or one event loop"));
    workers_->setToolTip(tr("Threads, processes or async tasks; the work is split exactly between them"));
    steps_->setToolTip(tr("CPU: steps of the counting loop (10,000,000 in the lesson)"));
    requests_->setToolTip(tr("IO: number of HTTP GETs (100 in the lesson)"));
    delay_->setToolTip(tr("The demo server waits this long before each reply"));
    url_->setToolTip(tr("IO: the URL to download; empty for the built-in demo server"));
    gil_->setToolTip(tr("GIL: threads take turns, as in the CPython most people run (the GIL is emulated). Free-threaded: the "
                        "threads run in parallel, as in CPython's free-threaded build (PEP 703; python3.13t, python3.14t)"));
    switchMs_->setToolTip(tr("How long a thread may hold the GIL while another waits for it: sys.setswitchinterval (5 ms "
                             "in CPython). Shorter: fairer turns, more hand-overs"));
    startMethod_->setToolTip(tr("How each child process starts, as multiprocessing names it. spawn: a fresh program is started "
                                "(safe, slowest). fork: a copy of the running app; Python 3.12+ warns about fork in a process "
                                "with threads, because a lock another thread held stays locked forever in the copy (here the "
                                "copy only computes or downloads and reports through a pipe). forkserver: a small "
                                "single-threaded server, started once, forks each child (Python 3.14's default on Linux)"));
    pool_->setToolTip(tr("Like ThreadPoolExecutor or ProcessPoolExecutor: the threads or processes are started by the first "
                         "run and reused by the next ones, which pay no start-up"));
    repeat_->setToolTip(tr("Runs per experiment; the best and the median are shown (like %timeit)"));
    setPython(pythonAvailable_, pythonAbout_);
}

QList<cl::Engine> ExperimentPanel::engines() const
{
    switch (engine_->currentData().toInt()) {
    case 1:
        return {cl::Engine::Python};
    case 2:
        return {cl::Engine::Emulated, cl::Engine::Python};
    default:
        return {cl::Engine::Emulated};
    }
}

void ExperimentPanel::setEngines(const QList<cl::Engine> &engines)
{
    const bool python = engines.contains(cl::Engine::Python);
    engine_->setCurrentIndex(!python ? 0 : engines.contains(cl::Engine::Emulated) ? 2 : 1);
}

void ExperimentPanel::setPython(bool available, const QString &about)
{
    pythonAvailable_ = available;
    pythonAbout_ = about;
    auto *model = qobject_cast<QStandardItemModel *>(engine_->model());
    for (int row : {1, 2}) {
        if (QStandardItem *item = model ? model->item(row) : nullptr) {
            item->setEnabled(available);
            item->setToolTip(about);
        }
    }
    if (!available && engine_->currentIndex() != 0)
        engine_->setCurrentIndex(0);
    engine_->setToolTip(tr("emulated: the app's C++ model of CPython's GIL, threads and processes. CPython: the lesson's own "
                           "scripts on the machine's Python, measured from outside the same way, its real threads and processes "
                           "on the Timeline. Both: each experiment on both, their bars side by side.\n%1")
                            .arg(about));
}

int ExperimentPanel::beyondIndexOf(int row) const
{
    const int index = row - int(lesson_.size()) - 1;
    return index >= 0 && index < beyond_.size() ? index : -1;
}

int ExperimentPanel::rowOfBeyond(int index) const
{
    return int(lesson_.size()) + 1 + index;
}

void ExperimentPanel::selectBeyond(int index)
{
    if (index >= 0 && index < beyond_.size())
        list_->setCurrentRow(rowOfBeyond(index));
}

void ExperimentPanel::runSelected()
{
    if (running_)
        return;
    if (const int index = beyondIndexOf(list_->currentRow()); index >= 0)
        emit beyondRequested(index);
    else
        emit runRequested(spec());
}

void ExperimentPanel::selectLesson(int row)
{
    list_->setCurrentRow(row);
    onLessonSelected(row);
}

void ExperimentPanel::onLessonSelected(int row)
{
    if (const int index = beyondIndexOf(row); index >= 0) { // the form shows its last experiment, if it has any
        if (!beyond_[index].runs.isEmpty())
            setSpec(beyond_[index].runs.last());
        showWatchFor(row);
        return;
    }
    if (row < 0 || row >= lesson_.size())
        return;
    showWatchFor(row);
    setSpec(lesson_[row].spec);
    emit lessonSelected(row);
}

void ExperimentPanel::showWatchFor(int row)
{
    if (row >= 0 && row < lesson_.size())
        watchFor_->setText(tr("<b>Watch for:</b> %1").arg(QCoreApplication::translate("Lesson", lesson_[row].watchFor)));
    else if (const int index = beyondIndexOf(row); index >= 0)
        watchFor_->setText(tr("<b>Watch for:</b> %1").arg(QCoreApplication::translate("Lesson", beyond_[index].watchFor)));
    else
        watchFor_->setText(tr("<b>Watch for:</b> %1").arg(cl::describe(cl::Strategy(strategy_->currentData().toInt())).watchForText()));
}

// The teacher picked a workload, a strategy or a Python build by hand: a strategy that had one worker hands over
// to the lesson's number for the new one, and the lesson's row follows what will run.
void ExperimentPanel::onCustomized()
{
    const cl::StrategyDescriptor &now = cl::describe(cl::Strategy(strategy_->currentData().toInt()));
    if (cl::describe(shownStrategy_).singleWorker && !now.singleWorker)
        workers_->setValue(now.defaultWorkers(cl::Workload(workload_->currentData().toInt())));
    shownStrategy_ = now.id;
    const int row = cl::lessonIndexOf(spec()).value_or(-1);
    {
        const QSignalBlocker quiet(list_);
        list_->setCurrentRow(row);
    }
    showWatchFor(row);
    if (row >= 0)
        emit lessonSelected(row); // the Code page follows
}

cl::ExperimentSpec ExperimentPanel::spec() const
{
    cl::ExperimentSpec s;
    s.workload = cl::Workload(workload_->currentData().toInt());
    s.strategy = cl::Strategy(strategy_->currentData().toInt());
    const cl::StrategyDescriptor &strategy = cl::describe(s.strategy);
    s.workers = strategy.singleWorker ? 1 : workers_->value();
    s.steps = steps_->value();
    s.requests = requests_->value();
    s.url = url_->text().trimmed();
    s.gil = gil_->currentData().toBool();
    s.switchIntervalUs = switchMs_->value() * 1000;
    s.startMethod = cl::StartMethod(startMethod_->currentData().toInt());
    s.pool = strategy.poolable && pool_->isChecked();
    s.repeat = repeat_->value();
    if (strategy.taskPerRequest && s.workload == cl::Workload::Io)
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
    gil_->setCurrentIndex(gil_->findData(s.gil));
    switchMs_->setValue(std::max(1, s.switchIntervalUs / 1000));
    startMethod_->setCurrentIndex(startMethod_->findData(int(s.startMethod)));
    pool_->setChecked(s.pool);
    repeat_->setValue(s.repeat);
    shownStrategy_ = s.strategy;
    updateEnabled();
}

int ExperimentPanel::serverDelayMs() const
{
    return delay_->value();
}
void ExperimentPanel::setServerDelayMs(int ms)
{
    delay_->setValue(ms);
}

void ExperimentPanel::updateEnabled()
{
    const bool cpu = workload_->currentData().toInt() == int(cl::Workload::Cpu);
    const cl::StrategyDescriptor &strategy = cl::describe(cl::Strategy(strategy_->currentData().toInt()));
    steps_->setEnabled(!running_ && cpu);
    requests_->setEnabled(!running_ && !cpu);
    url_->setEnabled(!running_ && !cpu);
    workers_->setEnabled(!running_ && !strategy.singleWorker && !(strategy.taskPerRequest && !cpu));
    gil_->setEnabled(!running_ && strategy.gilApplies);
    switchMs_->setEnabled(!running_ && strategy.gilApplies);
    startMethod_->setEnabled(!running_ && strategy.startsChildren);
    pool_->setEnabled(!running_ && strategy.poolable);
    for (QWidget *w : {static_cast<QWidget *>(workload_), static_cast<QWidget *>(strategy_), static_cast<QWidget *>(repeat_),
             static_cast<QWidget *>(list_), static_cast<QWidget *>(engine_)})
        w->setEnabled(!running_);
}

void ExperimentPanel::watch(const cl::Session &session)
{
    connect(&session, &cl::Session::batchStarted, this, [this] { setRunning(true); });
    connect(&session, &cl::Session::batchFinished, this, [this] { setRunning(false); });
    connect(&session, &cl::Session::progress, this, &ExperimentPanel::setProgress);
    connect(&session, &cl::Session::experimentStarted, this,
        [this](const cl::QueuedExperiment &e) { showBusy(e.spec.engine == cl::Engine::Python); });
    connect(&session, &cl::Session::experimentFinished, this, [this] { showBusy(false); });
}

void ExperimentPanel::showBusy(bool on)
{
    if (on)
        progress_->setRange(0, 0);
    else
        showProgress();
}

void ExperimentPanel::setRunning(bool running)
{
    running_ = running;
    // Enable the button that takes the keyboard focus before disabling the one that has it:
    // otherwise Qt hands the focus to the next editor (the server delay, text selected) and the
    // next key the teacher types changes a parameter.
    QPushButton *next = running ? stop_ : run_;
    next->setEnabled(true);
    if (const QWidget *focused = window()->focusWidget(); focused && isAncestorOf(focused)) // even when the window is not active
        next->setFocus(Qt::OtherFocusReason);
    run_->setEnabled(!running);
    runAll_->setEnabled(!running);
    stop_->setEnabled(running);
    updateEnabled();
    if (running) {
        clock_.start();
        done_ = total_ = 0;
        showBusy(false);
        ticker_.start();
    } else {
        showBusy(false); // also when a stopped batch did not finish its experiment
        ticker_.stop();
        if (clock_.isValid())
            lastMs_ = clock_.elapsed();
    }
    tick();
}

void ExperimentPanel::setProgress(qint64 done, qint64 total)
{
    done_ = done;
    total_ = total;
    if (!showsBusy()) // the batch's share done is shown again when the CPython experiment ends
        showProgress();
}

bool ExperimentPanel::showsBusy() const
{
    return progress_->maximum() == 0;
}

void ExperimentPanel::showProgress()
{
    progress_->setRange(0, 1000);
    progress_->setValue(total_ > 0 ? int(double(done_) / double(total_) * 1000) : 0);
}

void ExperimentPanel::tick()
{
    if (!clock_.isValid())
        return elapsed_->setText(tr("Ready."));
    const QString t = QString::number(double(running_ ? clock_.elapsed() : lastMs_) / 1000.0, 'f', 1);
    elapsed_->setText(running_ ? tr("Running… %1 s").arg(t) : tr("Last batch took %1 s.").arg(t));
}

} // namespace ui
