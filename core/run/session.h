// The session: the one owner of what ran. It owns the runner, the batch being run (each
// experiment's spec and label), the numbering of runs and every finished experiment. Pages
// subscribe to its signals themselves; each signal carries the experiment it is about, so nobody
// looks a label up by comparing strings.
#pragma once

#include "experiment/experiment.h"
#include "run/runner.h"
#include "util/translatable.h"

#include <QHash>
#include <QObject>

namespace cl {

// What a batch is for: a sweep's experiments feed the Speedup page, the others the Timings page.
enum class BatchKind { Experiments, Lesson, Sweep };

struct PlannedExperiment {
    ExperimentSpec spec;
    Translatable label; // "CPU: 2 threads", in the UI's language whenever it is read
};

struct QueuedExperiment {
    ExperimentSpec spec;
    Translatable label;
    int batch = 0; // which batch of the session (1, 2, …)
    BatchKind kind = BatchKind::Experiments;
    int runsBefore = 0; // runs of it earlier in the session, set when it starts: its run 1 is run runsBefore + 1
    int runNumber(int repeat) const { return runsBefore + repeat + 1; }
};

struct FinishedExperiment {
    QueuedExperiment experiment;
    ExperimentResult result;
};

class Session : public QObject {
    Q_OBJECT
public:
    explicit Session(QObject *parent = nullptr);

    bool isRunning() const { return runner_.isRunning(); }
    // Runs the batch, numbered on from the session's earlier runs; false (nothing happens) while
    // a batch runs or when it is empty.
    bool start(const QList<PlannedExperiment> &batch, BatchKind kind = BatchKind::Experiments);
    // Stops at once: threads stop, children are killed and reaped, requests aborted.
    void cancel();
    // Results read from a file join the session as if they had run (a batch of their own).
    void load(const QList<ExperimentResult> &results, const ExperimentSpec &params, const QList<Translatable> &labels);
    void clear();

    const QList<FinishedExperiment> &finished() const { return finished_; }

signals:
    void batchStarted(const QList<cl::QueuedExperiment> &batch);
    void experimentStarted(const cl::QueuedExperiment &experiment);
    void runFinished(const cl::QueuedExperiment &experiment, int repeat, const cl::RunResult &run);
    void experimentFinished(const cl::QueuedExperiment &experiment, const cl::ExperimentResult &result);
    void batchFinished(bool cancelled);
    void progress(qint64 done, qint64 total);
    // The running run's spans so far.
    void liveSpans(const cl::QueuedExperiment &experiment, const cl::SpanSink::Snapshot &snapshot);
    void cleared();
    // Results read from a file (see load()): shown as results, never as runs that happened now.
    void loaded(const QList<cl::FinishedExperiment> &experiments);

private:
    QueuedExperiment queue(const PlannedExperiment &planned, BatchKind kind);
    void onExperimentFinished(int index, const ExperimentResult &result);

    Runner runner_;
    QList<QueuedExperiment> batch_;
    int current_ = -1;
    int batches_ = 0;
    QHash<QString, int> runsSoFar_; // per experiment (its identity, see experimentKey)
    QList<FinishedExperiment> finished_;
};

// Two specs are the same experiment when they run the same work the same way.
QString experimentKey(const ExperimentSpec &spec);

} // namespace cl

Q_DECLARE_METATYPE(cl::QueuedExperiment)
Q_DECLARE_METATYPE(cl::FinishedExperiment)
