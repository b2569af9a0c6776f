// The speedup sweep: one strategy at 1, 2, ... N workers against sequential, with the ideal
// line and Amdahl's law fitted to the measurements.
#pragma once

#include "experiment/experiment.h"

#include <QJsonObject>

namespace cl {

struct SweepPoint {
    int workers = 1;
    double bestS = 0;
    double speedup = 0; // sequential / best
};

struct SweepResult {
    Workload workload = Workload::Cpu;
    Strategy strategy = Strategy::Threads;
    bool gil = true;
    int cores = 1;
    double sequentialS = 0;
    QList<SweepPoint> points;
    double serialFraction = 0;
    double idealSpeedup(int workers) const { return std::min(workers, cores); }
};

// Amdahl's law: the speedup with n workers when a fraction f of the work is serial.
double amdahlSpeedup(double serialFraction, double n);
// The least-squares serial fraction (on 1/speedup, where the law is linear in f), clamped to [0, 1].
double fitSerialFraction(const QList<QPair<int, double>> &workersAndSpeedup);

// The batch to run: sequential first, then `strategy` at 1..maxWorkers.
QList<ExperimentSpec> sweepBatch(const ExperimentSpec &base, int maxWorkers);
// From the batch's results (same order), the points and the Amdahl fit.
SweepResult sweepResult(const ExperimentSpec &base, const QList<ExperimentResult> &results, int cores);
QJsonObject toJson(const SweepResult &sweep);

} // namespace cl
