#include "run/session.h"

#include "strategies/strategy.h"

namespace cl {

QString experimentKey(const ExperimentSpec &s)
{
    const StrategyDescriptor &strategy = describe(s.strategy);
    return QStringLiteral("%1/%2/%3/%4/%5/%6/%7/%8/%9")
        .arg(toString(s.workload), toString(s.strategy))
        .arg(s.effectiveWorkers())
        .arg(s.gil)
        .arg(s.items())
        .arg(s.switchIntervalUs)
        .arg(strategy.startsChildren ? toString(s.startMethod) : QString())
        .arg(strategy.poolable && s.pool)
        .arg(toString(s.engine));
}

Session::Session(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<cl::QueuedExperiment>();
    connect(&runner_, &Runner::progress, this, &Session::progress);
    connect(&runner_, &Runner::experimentStarted, this, [this](int index) {
        if (index < 0 || index >= batch_.size())
            return;
        current_ = index;
        // Numbered when it starts: an experiment a Stop kept from running takes no numbers.
        batch_[index].runsBefore = runsSoFar_.value(experimentKey(batch_[index].spec));
        emit experimentStarted(batch_[index]);
    });
    connect(&runner_, &Runner::runFinished, this,
        [this](int index, int repeat, const RunResult &run) { emit runFinished(batch_.value(index), repeat, run); });
    connect(&runner_, &Runner::experimentFinished, this, &Session::onExperimentFinished);
    connect(&runner_, &Runner::finished, this, [this](bool cancelled) {
        current_ = -1;
        emit batchFinished(cancelled);
    });
    connect(&runner_, &Runner::liveSpans, this, [this](const SpanSink::Snapshot &s) {
        if (current_ >= 0)
            emit liveSpans(batch_.value(current_), s);
    });
}

QueuedExperiment Session::queue(const PlannedExperiment &planned, BatchKind kind)
{
    return QueuedExperiment{planned.spec, planned.label, batches_, kind, runsSoFar_.value(experimentKey(planned.spec))};
}

bool Session::start(const QList<PlannedExperiment> &batch, BatchKind kind)
{
    if (runner_.isRunning() || batch.isEmpty())
        return false;
    ++batches_;
    batch_.clear();
    QList<ExperimentSpec> specs;
    for (const PlannedExperiment &p : batch) {
        batch_.append(queue(p, kind));
        specs.append(p.spec);
    }
    emit batchStarted(batch_);
    runner_.start(specs);
    return true;
}

void Session::onExperimentFinished(int index, const ExperimentResult &result)
{
    const QueuedExperiment e = batch_.value(index);
    runsSoFar_[experimentKey(e.spec)] += int(result.runs.size()); // what ran: a stopped one counts only its runs
    if (!result.runs.isEmpty())
        finished_.append({e, result});
    emit experimentFinished(e, result);
}

void Session::cancel()
{
    runner_.cancel();
}

void Session::load(const QList<ExperimentResult> &results, const ExperimentSpec &params, const QList<Translatable> &labels)
{
    ++batches_;
    QList<FinishedExperiment> loaded;
    for (qsizetype i = 0; i < results.size(); ++i) {
        const ExperimentResult &r = results[i];
        ExperimentSpec spec = params;
        spec.strategy = r.strategy;
        spec.workers = r.workers;
        spec.gil = r.gil;
        spec.engine = r.engine;
        spec.repeat = int(r.runs.size());
        (spec.workload == Workload::Cpu ? spec.steps : spec.requests) = r.itemsAsked;
        loaded.append({queue({spec, labels.value(i)}, BatchKind::Experiments), r});
        runsSoFar_[experimentKey(spec)] += int(r.runs.size());
    }
    finished_.append(loaded);
    emit this->loaded(loaded);
}

void Session::clear()
{
    finished_.clear();
    runsSoFar_.clear(); // runs are numbered from 1 again
    emit cleared();
}

} // namespace cl
