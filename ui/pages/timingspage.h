// The Timings page: the timing chart over the table of every run (select rows, Ctrl+C copies).
// It keeps the latest result of each strategy, workers and GIL per workload, and charts the
// workload of the latest one, with the notebook's figures beside the lesson's experiments.
#pragma once

#include "experiment/lesson.h"
#include "run/session.h"

#include <QSplitter>

class QAction;
class QTableView;

namespace ui {

class ResultsModel;
class TimingChart;
struct ResultRow;

class TimingsPage : public QSplitter {
    Q_OBJECT
public:
    explicit TimingsPage(QList<cl::LessonExperiment> lesson, QWidget *parent = nullptr);
    TimingChart *chart() const { return chart_; }
    ResultsModel *model() const { return model_; }

    // Shows every run and every finished experiment of `session` from now on.
    void watch(const cl::Session &session);
    void addRun(const ResultRow &row);
    // Replaces an earlier result of the same strategy, workers and GIL; failed and stopped ones too.
    void addResult(const cl::ExperimentSpec &spec, const cl::ExperimentResult &result);
    QList<cl::ExperimentResult> results(cl::Workload workload) const;
    void clear();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refreshChart();
    void addFinished(const cl::QueuedExperiment &experiment, const cl::ExperimentResult &result);
    std::optional<double> notebookFigure(const cl::ExperimentSpec &spec) const;
    void copySelection();

    struct Finished {
        cl::ExperimentSpec spec;
        cl::ExperimentResult result;
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
