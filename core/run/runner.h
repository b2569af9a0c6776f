// Runs experiments off the calling thread: one worker thread per batch, cancellable at once.
// Results come back as value snapshots through queued signals; a generation counter drops
// anything a cancelled batch still delivers.
#pragma once

#include "experiment/experiment.h"
#include "run/spansink.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>
#include <thread>

namespace cl {

class Runner : public QObject {
    Q_OBJECT
public:
    explicit Runner(QObject *parent = nullptr);
    ~Runner() override;

    bool isRunning() const { return running_; }

public slots:
    // Runs every spec with its repeats, in order. Ignored while a batch is running.
    void start(const QList<cl::ExperimentSpec> &batch);
    // Stops the batch: threads stop, children are killed and reaped, requests aborted.
    void cancel();

signals:
    void experimentStarted(int index, const cl::ExperimentSpec &spec);
    void progress(qint64 done, qint64 total);
    void runFinished(int index, int repeat, const cl::RunResult &run);
    void experimentFinished(int index, const cl::ExperimentResult &result);
    void finished(bool cancelled);
    // The running run's spans so far (closed since the last snapshot, plus every open one).
    void liveSpans(const cl::SpanSink::Snapshot &snapshot);

private:
    struct Shared {
        std::atomic<qint64> done{0};
        SpanSink live;
    };
    void runBatch(const QList<cl::ExperimentSpec> &batch, quint64 generation, Shared &shared, std::stop_token stop);
    void failToStart(const cl::ExperimentSpec &spec, quint64 generation, const QString &why);
    void pollProgress();
    void onBatchDone(quint64 generation, bool cancelled);

    std::shared_ptr<Shared> shared_;
    std::jthread worker_;
    QTimer poll_;
    qint64 total_ = 0;
    quint64 generation_ = 0;
    bool running_ = false;
};

} // namespace cl

Q_DECLARE_METATYPE(cl::SpanSink::Snapshot)
