// The Timings page: the CPU-bound and the IO-bound timing charts one above the other, over the table of
// every run (select rows, Ctrl+C copies). Each chart keeps the latest result of each strategy,
// workers and GIL, the lesson's experiments first and in the lesson's order, with the notebook's
// figures beside them. Sweeps belong to the Speedup page: their runs are in the table only.
#pragma once

#include "experiment/lesson.h"
#include "run/session.h"

#include <QSplitter>

#include <array>

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
    TimingChart *chart(cl::Workload w) const { return charts_[std::size_t(w)]; }
    TimingChart *chart() const { return chart(shown_); } // the latest workload's
    TimingChart *memoryChart() const { return memory_; }
    QWidget *chartArea() const { return chartArea_; } // both charts: what Export draws
    ResultsModel *model() const { return model_; }

    // Shows every run and every finished experiment of `session` from now on.
    void watch(const cl::Session &session);
    void addRun(const ResultRow &row);
    // Replaces an earlier result of the same strategy, workers and GIL; failed and stopped ones too.
    void addResult(const cl::ExperimentSpec &spec, const cl::ExperimentResult &result);
    QList<cl::ExperimentResult> results(cl::Workload workload) const;
    void clear();
    void setLogScale(bool on);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refreshCharts();
    void refreshChart(cl::Workload w);
    void refreshMemory();
    struct Finished;
    QList<const Finished *> ordered(cl::Workload w) const;
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
    std::array<TimingChart *, 2> charts_{};
    TimingChart *memory_ = nullptr; // both workloads' experiments: each one's own memory
    QSplitter *chartArea_ = nullptr;
    ResultsModel *model_ = nullptr;
    QTableView *table_ = nullptr;
    QAction *copy_ = nullptr;
};

} // namespace ui
