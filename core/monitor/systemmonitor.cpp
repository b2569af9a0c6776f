#include "monitor/systemmonitor.h"

#include "monitor/samplepacer.h"
#include "monitor/treecpu.h"
#include "util/clock.h"

#include <QFile>
#include <QTimer>

#include <unistd.h>

#include <utility>

namespace cl {

class SystemMonitor::Worker : public QObject {
    Q_OBJECT
public:
    Worker() : processes_(getpid(), fs_, sysconf(_SC_CLK_TCK), sysconf(_SC_PAGESIZE)), cpu_(fs_)
    {
        connect(timer_, &QTimer::timeout, this, &Worker::tick);
    }
    void setInterval(int ms)
    {
        pacer_.setInterval(ms);
        timer_->start(pacer_.waitMs());
    }
    void setSampleProcesses(bool on) { sampleProcesses_ = on; }
    void setActive(bool on)
    {
        const bool wasSlow = pacer_.slow();
        pacer_.setActive(on);
        if (wasSlow && !pacer_.slow()) {
            tick(); // a run starts: its first column is read at full rate, not averaged with idle time
            timer_->start(pacer_.waitMs());
        }
    }

signals:
    void sampled(const cl::SystemSample &sample);

private:
    void tick()
    {
        const qint64 now = monotonicNs() / 1'000'000;
        if (cpu_.started() && now - cpu_.previousMs() < pacer_.intervalMs() / 2)
            return; // a late tick's catch-up: an interval this short is mostly rounding, drawn as an empty column
        QList<ProcessRow> rows = sampleProcesses_ ? processes_.sample(now) : QList<ProcessRow>();
        const qint64 previousMs = cpu_.previousMs();
        const std::optional<CpuSample> cpu = cpu_.next(now);
        if (!cpu)
            return;
        if (const int wait = pacer_.next(*cpu); wait != timer_->interval())
            timer_->start(wait);
        emit sampled(SystemSample{pacer_.columns(*cpu, now - previousMs), std::move(rows)});
    }

    CachingProcFs fs_;
    ProcessSampler processes_;
    CpuLoadSampler cpu_;
    SamplePacer pacer_{kDefaultIntervalMs};
    bool sampleProcesses_ = false;
    QTimer *timer_ = new QTimer(this);
};

SystemMonitor::SystemMonitor(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<cl::SystemSample>();
    thread_.setObjectName(QStringLiteral("system-monitor"));
}

SystemMonitor::~SystemMonitor()
{
    thread_.quit();
    thread_.wait();
}

void SystemMonitor::start(int intervalMs)
{
    if (worker_)
        return setInterval(intervalMs);
    worker_ = new Worker; // parentless so it can move; deleted on the thread's finish
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &Worker::sampled, this, &SystemMonitor::sampled);
    thread_.start(QThread::LowPriority);
    if (!thread_.isRunning()) { // out of threads: no graphs, but no leak and no hang either
        qWarning("concurrency-lab: the CPU monitor could not start its thread");
        delete std::exchange(worker_, nullptr);
        return;
    }
    setInterval(intervalMs);
}

void SystemMonitor::setActive(bool on)
{
    if (worker_)
        QMetaObject::invokeMethod(worker_, [w = worker_, on] { w->setActive(on); });
}

void SystemMonitor::setSampleProcesses(bool on)
{
    if (worker_)
        QMetaObject::invokeMethod(worker_, [w = worker_, on] { w->setSampleProcesses(on); });
}

void SystemMonitor::setInterval(int intervalMs)
{
    intervalMs_ = std::clamp(intervalMs, 50, 1000);
    if (worker_)
        QMetaObject::invokeMethod(worker_, [w = worker_, ms = intervalMs_] { w->setInterval(ms); });
}

} // namespace cl

#include "systemmonitor.moc"
