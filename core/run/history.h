// Every finished experiment, kept across restarts: one JSON line each (a results document with
// one result, see README "JSON results", without spans and per-request latencies), so the
// Timings page shows earlier sessions' runs with their times after the app starts again.
#pragma once

#include "experiment/experiment.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace cl {

struct HistoryEntry {
    ExperimentSpec spec;
    ExperimentResult result;
    bool operator==(const HistoryEntry &) const = default;
};

// One experiment as a results document with one result (also a recorded session's), and back:
// nullopt when `json` is not one.
QJsonObject entryJson(const ExperimentSpec &spec, const ExperimentResult &result);
std::optional<HistoryEntry> entryFromJson(const QJsonObject &json);

class RunHistory {
public:
    static constexpr int kKeep = 300; // experiments; older ones are dropped when the file is rewritten

    explicit RunHistory(QString path) : path_(std::move(path)) { }
    const QString &path() const { return path_; }
    // Appends one experiment; false with `error` set when the file cannot be written.
    bool append(const ExperimentSpec &spec, const ExperimentResult &result, QString *error = nullptr) const;
    // The last kKeep experiments, oldest first. A line that is not one (a truncated write, an
    // edit, a newer version's) is skipped and counted in `skipped`.
    QList<HistoryEntry> load(int *skipped = nullptr) const;
    bool clear(QString *error = nullptr) const;

private:
    QString path_;
};

} // namespace cl
