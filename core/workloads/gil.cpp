#include "workloads/gil.h"

namespace cl {

using namespace std::chrono_literals;

Gil::Gil(bool enabled, std::chrono::microseconds interval) : enabled_(enabled), interval_(interval) { }

bool Gil::acquire(int who, std::stop_token stop)
{
    if (!enabled_)
        return true;
    std::unique_lock lock(mutex_);
    while (locked_) {
        const auto saved = switchNumber_;
        const bool timedOut = cond_.wait_for(lock, interval_) == std::cv_status::timeout;
        if (stop.stop_requested())
            return false;
        if (timedOut && locked_ && switchNumber_ == saved)
            dropRequest_.store(true, std::memory_order_relaxed); // SET_GIL_DROP_REQUEST
    }
    take(who);
    return true;
}

bool Gil::tryAcquire(int who)
{
    if (!enabled_)
        return true;
    std::lock_guard lock(mutex_);
    if (locked_)
        return false;
    take(who);
    return true;
}

void Gil::take(int who)
{
    {
        std::lock_guard switchLock(switchMutex_);
        locked_ = true;
        if (lastHolder_ != who) {
            lastHolder_ = who;
            ++switchNumber_;
        }
        switchCond_.notify_all();
    }
    dropRequest_.store(false, std::memory_order_relaxed); // RESET_GIL_DROP_REQUEST
}

void Gil::release(int who, std::stop_token stop)
{
    if (!enabled_)
        return;
    {
        std::lock_guard lock(mutex_);
        locked_ = false;
        cond_.notify_one();
    }
    if (!dropRequest_.load(std::memory_order_relaxed))
        return;
    // FORCE_SWITCHING: do not grab the lock straight back; wait until the requester has it.
    std::unique_lock switchLock(switchMutex_);
    while (lastHolder_ == who && dropRequest_.load(std::memory_order_relaxed) && !stop.stop_requested()) {
        // Timed, so a requester that gave up (cancelled) cannot leave us waiting forever.
        switchCond_.wait_for(switchLock, 1ms);
    }
}

std::uint64_t Gil::switches() const
{
    std::lock_guard lock(mutex_);
    return switchNumber_ == 0 ? 0 : switchNumber_ - 1;
}

} // namespace cl
