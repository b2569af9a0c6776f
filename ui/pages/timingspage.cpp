#include "pages/timingspage.h"

#include "charts/timingchart.h"
#include "models/resultsmodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHeaderView>
#include <QTableView>

namespace ui {

TimingsPage::TimingsPage(QList<cl::LessonExperiment> lesson, QWidget *parent) : QSplitter(Qt::Vertical, parent), lesson_(std::move(lesson))
{
    chart_ = new TimingChart(this);
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
    addWidget(chart_);
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
    if (!result.runs.isEmpty()) // stopped before its first run: nothing to show
        addResult(e.spec, result);
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
        if (finished_[i].spec.workload == workload && finished_[i].result.strategy == result.strategy
            && finished_[i].result.workers == result.workers && finished_[i].result.gil == result.gil) {
            finished_.removeAt(i);
            break;
        }
    finished_.append({spec, result});
    shown_ = workload;
    refreshChart();
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
    refreshChart();
}

std::optional<double> TimingsPage::notebookFigure(const cl::ExperimentSpec &spec) const
{
    if (const auto i = cl::lessonIndexOf(spec))
        return lesson_.value(*i).notebookS;
    return std::nullopt;
}

void TimingsPage::refreshChart()
{
    QList<cl::ExperimentResult> shown;
    QList<std::optional<double>> notebook;
    for (const Finished &f : std::as_const(finished_))
        if (f.spec.workload == shown_) {
            shown.append(f.result);
            notebook.append(notebookFigure(f.spec));
        }
    const QString title = shown.isEmpty() ? QString()
        : shown_ == cl::Workload::Cpu     ? tr("CPU-bound: counting loop — best of N")
                                          : tr("IO-bound: HTTP requests — best of N");
    chart_->setBars(title, timingBars(shown, notebook));
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
    refreshChart(); // its labels and title are made here
}

} // namespace ui
