#include "monitor/systemmonitor.h"

#include "util/clock.h"

#include <QFile>
#include <QTimer>

#include <unistd.h>

#include <utility>

namespace cl {

class SystemMonitor::Worker : public QObject {
    Q_OBJECT
public:
    Worker() : processes_(getpid(), fs_, sysconf(_SC_CLK_TCK), sysconf(_SC_PAGESIZE))
    {
        connect(timer_, &QTimer::timeout, this, &Worker::tick);
    }
    void setInterval(int ms) { timer_->start(ms); }
    void setSampleProcesses(bool on) { sampleProcesses_ = on; }

signals:
    void sampled(const cl::SystemSample &sample);

private:
    void tick()
    {
        const auto stat = parseProcStat(fs_.read(QStringLiteral("/proc/stat")));
        if (!stat)
            return;
        const qint64 now = monotonicNs() / 1'000'000;
        QList<ProcessRow> rows = sampleProcesses_ ? processes_.sample(now) : QList<ProcessRow>();
        if (previous_)
            emit sampled(SystemSample{sampleBetween(*previous_, *stat, now), std::move(rows)});
        previous_ = stat;
    }

    ProcFs fs_;
    ProcessSampler processes_;
    std::optional<ProcStat> previous_;
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
