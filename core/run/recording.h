// A session as a file, to prepare a lesson at home and present it anywhere: every experiment
// with its parameters and runs (spans, latencies), the CPU history with the runs' start and end on
// the same clock, and the machine it was recorded on. JSON (see README, "Sessions").
#pragma once

#include "monitor/cpuload.h"
#include "run/history.h"

#include <QDateTime>

namespace cl {

struct RecordedMachine {
    QString cpuModel;
    int logicalCores = 0;
    int physicalCores = 0;
    QString os; // "Debian GNU/Linux 12 (bookworm), Linux 6.1.0"
    qint64 memoryBytes = 0;
    bool operator==(const RecordedMachine &) const = default;
};

struct Recording {
    static constexpr int kFormatVersion = 1;
    QString appVersion;
    QDateTime recordedAt; // UTC
    RecordedMachine machine;
    QList<HistoryEntry> experiments; // in the order they ran
    // Oldest first, on the recording machine's monotonic clock, like each run's startMonoMs.
    QList<CpuSample> cpu;
    bool operator==(const Recording &) const = default;
};

RecordedMachine thisMachine();
// "Intel Xeon …, 2 cores, Debian GNU/Linux 12"
QString describe(const RecordedMachine &machine);
// A recording of this machine, now.
Recording newRecording(QList<HistoryEntry> experiments, QList<CpuSample> cpu);

QJsonObject toJson(const Recording &recording);
// Nullopt with a one-line reason for a file that is not a session, is cut short, or comes from
// a newer version of the app.
std::optional<Recording> recordingFromJson(const QByteArray &bytes, QString *error);
bool saveRecording(const QString &path, const Recording &recording, QString *error);
std::optional<Recording> loadRecording(const QString &path, QString *error);

} // namespace cl
