#include "timingspage.h"

#include "resultsmodel.h"
#include "timingchart.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHeaderView>
#include <QTableView>

namespace ui {

TimingsPage::TimingsPage(QList<cl::LessonExperiment> lesson, QWidget *parent)
    : QSplitter(Qt::Vertical, parent), lesson_(std::move(lesson))
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

void TimingsPage::addRun(const ResultRow &row)
{
    model_->addRun(row);
    table_->scrollToBottom();
}

void TimingsPage::addResult(cl::Workload workload, const cl::StrategyResult &result)
{
    for (qsizetype i = 0; i < finished_.size(); ++i)
        if (finished_[i].workload == workload && finished_[i].result.strategy == result.strategy
            && finished_[i].result.workers == result.workers && finished_[i].result.gil == result.gil) {
            finished_.removeAt(i);
            break;
        }
    finished_.append({workload, result});
    shown_ = workload;
    refreshChart();
}

QList<cl::StrategyResult> TimingsPage::results(cl::Workload workload) const
{
    QList<cl::StrategyResult> out;
    for (const Finished &f : finished_)
        if (f.workload == workload)
            out.append(f.result);
    return out;
}

void TimingsPage::clear()
{
    model_->clear();
    finished_.clear();
    refreshChart();
}

std::optional<double> TimingsPage::notebookFigure(const cl::StrategyResult &r, cl::Workload w) const
{
    for (const auto &e : lesson_)
        if (e.spec.workload == w && e.spec.strategy == r.strategy && r.gil
            && (r.strategy == cl::Strategy::Async || e.spec.workers == r.workers) && r.itemsAsked == e.spec.items())
            return e.notebookS;
    return std::nullopt;
}

void TimingsPage::refreshChart()
{
    const QList<cl::StrategyResult> shown = results(shown_);
    QList<std::optional<double>> notebook;
    for (const auto &r : shown)
        notebook.append(notebookFigure(r, shown_));
    const QString title = shown.isEmpty() ? QString()
        : shown_ == cl::Workload::Cpu ? tr("CPU-bound: counting loop — best of N")
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
