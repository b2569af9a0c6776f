// The Speedup page: one strategy at 1..N workers against sequential, the ideal line (linear up
// to the number of cores, then flat) and Amdahl's law fitted, with its serial fraction.
#pragma once

#include "run/session.h"

#include "experiment/sweep.h"

#include <QChartView>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace ui {

class SpeedupChart : public QChartView {
    Q_OBJECT
public:
    explicit SpeedupChart(QWidget *parent = nullptr);
    void setSweep(const cl::SweepResult &sweep);
    bool hasSweep() const { return sweep_.has_value(); }
    const std::optional<cl::SweepResult> &sweep() const { return sweep_; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    QChart *sweepChart(const cl::SweepResult &s) const;
    void addAxes(QChart *chart, const cl::SweepResult &s, double top) const;
    std::optional<cl::SweepResult> sweep_;
};

class SpeedupPage : public QWidget {
    Q_OBJECT
public:
    explicit SpeedupPage(QWidget *parent = nullptr);
    SpeedupChart *chart() const { return chart_; }
    // Takes the results of `session`'s sweeps and draws each sweep that completed.
    void watch(const cl::Session &session);
    void setRunning(bool running);
    void showSweep(const cl::SweepResult &sweep);

signals:
    // `base`: workload, strategy and GIL from this page; counts from the experiment panel.
    void sweepRequested(cl::Strategy strategy, bool gil, int maxWorkers, cl::Workload workload);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showSummary();
    void onSweepFinished(bool cancelled);
    QList<cl::ExperimentResult> sweepResults_; // of the sweep running now
    std::optional<cl::ExperimentSpec> sweepBase_;
    qsizetype sweepSize_ = 0;
    QComboBox *workload_ = nullptr;
    QComboBox *strategy_ = nullptr;
    QSpinBox *maxWorkers_ = nullptr;
    QCheckBox *gil_ = nullptr;
    QPushButton *run_ = nullptr;
    QLabel *summary_ = nullptr;
    SpeedupChart *chart_ = nullptr;
};

} // namespace ui
