// The Timings page: the timing chart over the table of every run (select rows, Ctrl+C copies).
// It keeps the latest result of each strategy, workers and GIL per workload, and charts the
// workload of the latest one, with the notebook's figures beside the lesson's experiments.
#pragma once

#include "lesson.h"

#include <QSplitter>

class QAction;
class QTableView;

namespace ui {

class ResultsModel;
class TimingChart;
struct ResultRow;

class TimingsPage : public QSplitter
{
    Q_OBJECT
public:
    explicit TimingsPage(QList<cl::LessonExperiment> lesson, QWidget *parent = nullptr);
    TimingChart *chart() const { return chart_; }
    ResultsModel *model() const { return model_; }

    void addRun(const ResultRow &row);
    // Replaces an earlier result of the same strategy, workers and GIL; failed and stopped ones too.
    void addResult(cl::Workload workload, const cl::StrategyResult &result);
    QList<cl::StrategyResult> results(cl::Workload workload) const;
    void clear();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refreshChart();
    std::optional<double> notebookFigure(const cl::StrategyResult &r, cl::Workload w) const;
    void copySelection();

    struct Finished {
        cl::Workload workload;
        cl::StrategyResult result;
    };
    QList<cl::LessonExperiment> lesson_;
    QList<Finished> finished_;
    cl::Workload shown_ = cl::Workload::Cpu;
    TimingChart *chart_ = nullptr;
    ResultsModel *model_ = nullptr;
    QTableView *table_ = nullptr;
    QAction *copy_ = nullptr;
};

} // namespace ui
