// The results file: {"workload", "params", "results": [...]} (see README, "JSON results").
#pragma once

#include "experiment/experiment.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cl {

struct Report {
    ExperimentSpec params; // workload and shared parameters (strategy and workers: per result)
    QList<ExperimentResult> results;
};

QJsonObject toJson(const Report &report);
// A run's spans as the results document writes them (also `python --json`).
QJsonArray spansJson(const QList<Span> &spans);
// Reads a document written by toJson(); nullopt with `error` set when it is not one.
std::optional<Report> reportFromJson(const QJsonObject &json, QString *error);

} // namespace cl
