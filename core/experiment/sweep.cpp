#include "experiment/sweep.h"

#include "strategies/strategy.h"

#include <algorithm>

#include <QJsonArray>

namespace cl {

double amdahlSpeedup(double f, double n)
{
    return n <= 0 ? 0 : 1.0 / (f + (1.0 - f) / n);
}

double fitSerialFraction(const QList<QPair<int, double>> &points)
{
    // 1/S = f + (1 - f)/n  <=>  1/S - 1/n = f (1 - 1/n): least squares through the origin.
    double sxy = 0, sxx = 0;
    for (const auto &[n, s] : points) {
        if (n < 1 || s <= 0)
            continue;
        const double x = 1.0 - 1.0 / n, y = 1.0 / s - 1.0 / n;
        sxy += x * y;
        sxx += x * x;
    }
    return sxx > 0 ? std::clamp(sxy / sxx, 0.0, 1.0) : 0.0;
}

QList<ExperimentSpec> sweepBatch(const ExperimentSpec &base, int maxWorkers)
{
    QList<ExperimentSpec> batch;
    ExperimentSpec seq = base;
    seq.strategy = kBaselineStrategy;
    seq.workers = 1;
    batch.append(seq);
    for (int n = 1; n <= maxWorkers; ++n) {
        ExperimentSpec s = base;
        s.workers = n;
        batch.append(s);
    }
    return batch;
}

SweepResult sweepResult(const ExperimentSpec &base, const QList<ExperimentResult> &results, int cores)
{
    SweepResult r;
    r.workload = base.workload;
    r.strategy = base.strategy;
    r.gil = base.gil;
    r.cores = std::max(1, cores);
    if (results.isEmpty())
        return r;
    r.sequentialS = results.first().bestS();
    QList<QPair<int, double>> fit;
    if (!results.first().hasOkRun())
        return r; // no baseline: no speedup can be told
    for (qsizetype i = 1; i < results.size(); ++i) {
        const ExperimentResult &s = results[i];
        if (!s.hasOkRun())
            continue; // a failed point is not a time: left out of the chart and the fit
        const double best = s.bestS();
        const double speedup = best > 0 ? r.sequentialS / best : 0;
        r.points.append({s.workers, best, speedup});
        fit.append({s.workers, speedup});
    }
    r.serialFraction = fitSerialFraction(fit);
    return r;
}

QJsonObject toJson(const SweepResult &s)
{
    QJsonArray points;
    for (const SweepPoint &p : s.points)
        points.append(QJsonObject{{"workers", p.workers}, {"best_s", p.bestS}, {"speedup", p.speedup}, {"ideal", s.idealSpeedup(p.workers)},
            {"amdahl", amdahlSpeedup(s.serialFraction, p.workers)}});
    return QJsonObject{{"workload", toString(s.workload)}, {"strategy", toString(s.strategy)}, {"gil", s.gil}, {"cores", s.cores},
        {"sequential_s", s.sequentialS}, {"serial_fraction", s.serialFraction}, {"points", points}};
}

} // namespace cl
