#include "run/runner.h"

#include "run/experimentrun.h"

#include <pthread.h>
#include <system_error>

namespace cl {

Runner::Runner(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<cl::ExperimentSpec>();
    qRegisterMetaType<cl::RunResult>();
    qRegisterMetaType<cl::ExperimentResult>();
    qRegisterMetaType<cl::SpanSink::Snapshot>();
    poll_.setInterval(100);
    connect(&poll_, &QTimer::timeout, this, &Runner::pollProgress);
}

Runner::~Runner()
{
    worker_.request_stop();
    // std::jthread joins here: every child process is reaped before the Runner is gone.
}

void Runner::start(const QList<ExperimentSpec> &batch)
{
    if (running_ || batch.isEmpty())
        return;
    if (worker_.joinable())
        worker_.join(); // the previous batch has already signalled its end
    running_ = true;
    const quint64 generation = ++generation_;
    shared_ = std::make_shared<Shared>();
    total_ = 0;
    for (const auto &spec : batch)
        total_ += spec.items() * spec.repeat;
    emit progress(0, total_);
    poll_.start();
    try {
        worker_ = std::jthread(
            [this, batch, generation, shared = shared_](std::stop_token stop) { runBatch(batch, generation, *shared, stop); });
    } catch (const std::system_error &e) { // out of threads: the batch fails, the app goes on
        failToStart(batch.first(), generation, cannotStartThread(QStringLiteral("the runner thread"), e));
    }
}

void Runner::failToStart(const ExperimentSpec &spec, quint64 generation, const QString &why)
{
    const RunResult run = failedRun(spec, why);
    const ExperimentResult result{spec.strategy, spec.effectiveWorkers(), spec.gil, {run}, spec.items(), spec.engine};
    QMetaObject::invokeMethod(
        this,
        [this, generation, spec, run, result] {
            if (generation != generation_)
                return;
            emit experimentStarted(0, spec);
            emit runFinished(0, 0, run);
            emit experimentFinished(0, result);
            onBatchDone(generation, false);
        },
        Qt::QueuedConnection);
}

void Runner::runBatch(const QList<ExperimentSpec> &batch, quint64 generation, Shared &shared, std::stop_token stop)
{
    pthread_setname_np(pthread_self(), "runner");
    auto post = [this, generation](auto fn) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, fn] {
                if (generation == generation_)
                    fn();
            },
            Qt::QueuedConnection);
    };
    for (int i = 0; i < batch.size() && !stop.stop_requested(); ++i) {
        const ExperimentSpec &spec = batch[i];
        post([this, i, spec] { emit experimentStarted(i, spec); });
        int repeat = 0;
        ExperimentResult r = runExperiment(
            spec, stop, &shared.done,
            [&](const RunResult &run) {
                post([this, i, repeat, run] { emit runFinished(i, repeat, run); });
                ++repeat;
            },
            &shared.live);
        post([this, i, r] { emit experimentFinished(i, r); });
    }
    const bool cancelled = stop.stop_requested();
    QMetaObject::invokeMethod(
        this, [this, generation, cancelled] { onBatchDone(generation, cancelled); }, Qt::QueuedConnection);
}

void Runner::cancel()
{
    if (!running_)
        return;
    worker_.request_stop();
    // The worker thread notices within ~50 ms; finished(true) follows from onBatchDone.
}

void Runner::pollProgress()
{
    if (!shared_)
        return;
    emit progress(shared_->done.load(std::memory_order_relaxed), total_);
    if (running_) {
        SpanSink::Snapshot s = shared_->live.take();
        if (!s.closed.isEmpty() || !s.open.isEmpty())
            emit liveSpans(s);
    }
}

void Runner::onBatchDone(quint64 generation, bool cancelled)
{
    if (generation != generation_)
        return;
    poll_.stop();
    running_ = false; // the last poll reports the progress, but no live spans of a run that has ended
    pollProgress();
    emit finished(cancelled);
}

} // namespace cl
