#include "strategies/keptthreads.h"

#include "run/experimentrun.h"
#include "strategies/blockingworker.h"
#include "util/clock.h"

namespace cl {

KeptThreads::~KeptThreads()
{
    {
        const std::lock_guard lock(mutex_);
        quit_ = true;
    }
    wake_.notify_all();
    threads_.clear(); // joins
}

void KeptThreads::serve(int i)
{
    setThreadName(namePattern_.arg(i));
    quint64 seen = 0;
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [&] { return quit_ || round_ != seen; });
        if (quit_)
            return;
        seen = round_;
        if (i >= active_)
            continue;
        const Job job = job_;
        const std::int64_t asked = std::exchange(startAsked_[std::size_t(i)], 0);
        lock.unlock();
        job(i, asked);
        lock.lock();
        if (--pending_ == 0)
            done_.notify_all();
    }
}

QString KeptThreads::runOnAll(int n, const Job &job, std::stop_source &abort)
{
    QString error;
    std::unique_lock lock(mutex_);
    job_ = job;
    active_ = pending_ = n;
    ++round_;
    startAsked_.resize(std::max(startAsked_.size(), std::size_t(n)));
    lock.unlock();
    wake_.notify_all();
    for (int i = int(threads_.size()); i < n; ++i) {
        {
            const std::lock_guard guard(mutex_);
            startAsked_[std::size_t(i)] = monotonicNs();
        }
        try {
            threads_.emplace_back([this, i] { serve(i); });
        } catch (const std::system_error &e) {
            error = cannotStartThread(QStringLiteral("thread %1 of %2").arg(i + 1).arg(n), e);
            abort.request_stop();
            const std::lock_guard guard(mutex_);
            pending_ -= n - i;
            active_ = i;
            break;
        }
    }
    lock.lock();
    done_.wait(lock, [&] { return pending_ <= 0; });
    job_ = {};
    return error;
}

} // namespace cl
