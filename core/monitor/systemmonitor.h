// Samples the CPU (/proc/stat) and the app's process tree on a thread of its own, always on,
// like `top` (at half rate on an idle machine: SamplePacer). Each sample arrives on the owner's
// thread as a value snapshot.
#pragma once

#include "monitor/cpuload.h"
#include "monitor/processtree.h"

#include <QObject>
#include <QThread>

namespace cl {

struct SystemSample {
    QList<CpuSample> cpu; // one per interval since the last delivery, oldest first (see SamplePacer)
    QList<ProcessRow> processes; // empty unless process sampling is on
};

class SystemMonitor : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 100;
    explicit SystemMonitor(QObject *parent = nullptr);
    ~SystemMonitor() override;

    void start(int intervalMs = kDefaultIntervalMs);
    void setInterval(int intervalMs);
    // The process tree costs a walk over /proc: only while someone looks at it.
    void setSampleProcesses(bool on);
    // While an experiment runs the monitor reads at full rate even when the cores are idle.
    void setActive(bool on);
    bool isRunning() const { return worker_ != nullptr; }
    int interval() const { return intervalMs_; }

signals:
    void sampled(const cl::SystemSample &sample);

private:
    class Worker;
    QThread thread_;
    Worker *worker_ = nullptr; // lives on thread_, deleted when it finishes
    int intervalMs_ = kDefaultIntervalMs;
};

} // namespace cl

Q_DECLARE_METATYPE(cl::SystemSample)
