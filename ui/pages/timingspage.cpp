#include "pages/timingspage.h"

#include "charts/timingchart.h"
#include "models/resultsmodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHeaderView>
#include <QTableView>

#include <algorithm>
#include <limits>

namespace ui {

TimingsPage::TimingsPage(QList<cl::LessonExperiment> lesson, QWidget *parent) : QSplitter(Qt::Vertical, parent), lesson_(std::move(lesson))
{
    chartArea_ = new QSplitter(Qt::Vertical, this); // one above the other: each keeps the full width for its labels
    for (TimingChart *&chart : charts_)
        chart = new TimingChart(chartArea_);
    memory_ = new TimingChart(chartArea_);
    memory_->setUnit(TimingChart::Unit::MiB);
    model_ = new ResultsModel(this);
    table_ = new QTableView(this);
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    copy_ = new QAction(table_);
    copy_->setShortcut(QKeySequence::Copy);
    copy_->setShortcutContext(Qt::WidgetShortcut);
    connect(copy_, &QAction::triggered, this, &TimingsPage::copySelection);
    table_->addAction(copy_);
    table_->setContextMenuPolicy(Qt::ActionsContextMenu);
    addWidget(chartArea_);
    addWidget(table_);
    setStretchFactor(0, 3);
    setStretchFactor(1, 1);
    retranslate();
}

void TimingsPage::watch(const cl::Session &session)
{
    connect(&session, &cl::Session::runFinished, this, [this](const cl::QueuedExperiment &e, int repeat, const cl::RunResult &run) {
        addRun({e.label, e.spec.workload, e.runNumber(repeat) - 1, run});
    });
    connect(&session, &cl::Session::experimentFinished, this, &TimingsPage::addFinished);
    connect(&session, &cl::Session::loaded, this, [this](const QList<cl::FinishedExperiment> &loaded) {
        for (const cl::FinishedExperiment &f : loaded) {
            for (int repeat = 0; repeat < f.result.runs.size(); ++repeat)
                addRun({f.experiment.label, f.experiment.spec.workload, f.experiment.runNumber(repeat) - 1, f.result.runs[repeat]});
            addFinished(f.experiment, f.result);
        }
    });
    connect(&session, &cl::Session::cleared, this, &TimingsPage::clear);
}

void TimingsPage::addFinished(const cl::QueuedExperiment &e, const cl::ExperimentResult &result)
{
    if (!result.runs.isEmpty() && e.kind != cl::BatchKind::Sweep) // nothing ran, or the Speedup page's
        addResult(e.spec, result);
}

void TimingsPage::setLogScale(bool on)
{
    for (TimingChart *c : {charts_[0], charts_[1], memory_})
        c->setLogScale(on);
}

void TimingsPage::addRun(const ResultRow &row)
{
    model_->addRun(row);
    table_->scrollToBottom();
}

void TimingsPage::addResult(const cl::ExperimentSpec &spec, const cl::ExperimentResult &result)
{
    const cl::Workload workload = spec.workload;
    for (qsizetype i = 0; i < finished_.size(); ++i)
        if (cl::experimentKey(finished_[i].spec) == cl::experimentKey(spec)) { // the same experiment: its newest result
            finished_.removeAt(i);
            break;
        }
    finished_.append({spec, result});
    shown_ = workload;
    refreshCharts();
}

QList<cl::ExperimentResult> TimingsPage::results(cl::Workload workload) const
{
    QList<cl::ExperimentResult> out;
    for (const Finished &f : finished_)
        if (f.spec.workload == workload)
            out.append(f.result);
    return out;
}

void TimingsPage::clear()
{
    model_->clear();
    finished_.clear();
    refreshCharts();
}

std::optional<double> TimingsPage::notebookFigure(const cl::ExperimentSpec &spec) const
{
    if (const auto i = cl::lessonIndexOf(spec))
        return lesson_.value(*i).notebookS;
    return std::nullopt;
}

void TimingsPage::refreshCharts()
{
    for (cl::Workload w : {cl::Workload::Cpu, cl::Workload::Io})
        refreshChart(w);
    // A workload with no result yet gives its room to the other; with none at all, CPU waits.
    const bool anyIo = !results(cl::Workload::Io).isEmpty(), anyCpu = !results(cl::Workload::Cpu).isEmpty();
    chart(cl::Workload::Cpu)->setVisible(anyCpu || !anyIo);
    chart(cl::Workload::Io)->setVisible(anyIo);
    refreshMemory();
}

// Every experiment's own memory in one chart, CPU-bound then IO-bound, the lesson's order first:
// "async: less memory" is a claim of the lesson.
void TimingsPage::refreshMemory()
{
    QList<cl::ExperimentResult> shown;
    QStringList workloads, details;
    for (cl::Workload w : {cl::Workload::Cpu, cl::Workload::Io})
        for (const Finished *f : ordered(w)) {
            shown.append(f->result);
            workloads.append(w == cl::Workload::Cpu ? tr("CPU") : tr("IO"));
            details.append(cl::runDetails(f->spec));
        }
    memory_->setBars(
        shown.isEmpty() ? QString() : tr("Memory: each experiment's own — median of N"), memoryBars(shown, workloads, details));
    memory_->setVisible(!shown.isEmpty());
}

// A workload's experiments: the lesson's first, in the lesson's order, then the others as they came.
QList<const TimingsPage::Finished *> TimingsPage::ordered(cl::Workload w) const
{
    QList<const Finished *> order;
    for (const Finished &f : std::as_const(finished_))
        if (f.spec.workload == w)
            order.append(&f);
    auto rank = [](const Finished *f) { return cl::lessonIndexOf(f->spec).value_or(std::numeric_limits<int>::max()); };
    std::stable_sort(order.begin(), order.end(), [&](const Finished *a, const Finished *b) { return rank(a) < rank(b); });
    return order;
}

void TimingsPage::refreshChart(cl::Workload w)
{
    const QList<const Finished *> order = ordered(w);
    QList<cl::ExperimentResult> shown;
    QList<std::optional<double>> notebook;
    QStringList details;
    for (const Finished *f : std::as_const(order)) {
        shown.append(f->result);
        notebook.append(notebookFigure(f->spec));
        details.append(cl::runDetails(f->spec));
    }
    const QString title = shown.isEmpty() ? QString()
        : w == cl::Workload::Cpu          ? tr("CPU-bound: counting loop — best of N")
                                          : tr("IO-bound: HTTP requests — best of N");
    chart(w)->setBars(title, timingBars(shown, notebook, details));
}

void TimingsPage::copySelection()
{
    QList<int> rows;
    for (const QModelIndex &i : table_->selectionModel()->selectedRows())
        rows.append(i.row());
    std::sort(rows.begin(), rows.end());
    QApplication::clipboard()->setText(model_->toText(QLatin1Char('\t'), rows));
}

void TimingsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QSplitter::changeEvent(event);
}

void TimingsPage::retranslate()
{
    table_->setToolTip(tr("Every run; select rows and press Ctrl+C to copy them"));
    copy_->setText(tr("Copy"));
    model_->retranslate();
    refreshCharts(); // their labels and titles are made here
}

} // namespace ui
