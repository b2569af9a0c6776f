// The results file: {"workload", "params", "results": [...]} (see README, "JSON results").
#pragma once

#include "experiment/experiment.h"

#include <QJsonObject>

namespace cl {

struct Report {
    ExperimentSpec params; // workload and shared parameters (strategy and workers: per result)
    QList<ExperimentResult> results;
};

QJsonObject toJson(const Report &report);
// Reads a document written by toJson(); nullopt with `error` set when it is not one.
std::optional<Report> reportFromJson(const QJsonObject &json, QString *error);

} // namespace cl
