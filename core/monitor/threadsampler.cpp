#include "monitor/threadsampler.h"

#include "monitor/processtree.h"
#include "util/clock.h"

#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace cl {

namespace {

// The text of a small /proc file; empty when it is gone or unreadable (`denied`: for want of permission).
QByteArray readProc(const char *path, bool *denied = nullptr)
{
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 && denied)
        *denied = errno == EACCES || errno == EPERM;
    if (fd < 0)
        return {};
    char buf[4096];
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && denied)
        *denied = errno == EACCES || errno == EPERM;
    ::close(fd);
    return n > 0 ? QByteArray(buf, qsizetype(n)) : QByteArray();
}

QList<pid_t> numericEntries(const char *dir)
{
    QList<pid_t> out;
    DIR *d = ::opendir(dir);
    if (!d)
        return out;
    while (const dirent *e = ::readdir(d))
        if (e->d_name[0] >= '0' && e->d_name[0] <= '9')
            out.append(pid_t(std::atol(e->d_name)));
    ::closedir(d);
    return out;
}

std::int64_t threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

bool isOneOf(long nr, std::initializer_list<long> numbers)
{
    return std::find(numbers.begin(), numbers.end(), nr) != numbers.end();
}

constexpr std::int64_t kTreeIntervalNs = 10'000'000;
constexpr std::int64_t kMemoryIntervalNs = 50'000'000;
constexpr std::int64_t kStopCheckNs = 5'000'000; // how late stop() can be
constexpr std::size_t kKeptLanes = 256; // threads whose files stay open (two descriptors each)
#ifdef SYS_poll
constexpr long kPoll = SYS_poll;
#else
constexpr long kPoll = -1; // not on this architecture
#endif
#ifdef SYS_select
constexpr long kSelect = SYS_select;
#else
constexpr long kSelect = -1; // not on this architecture
#endif
#ifdef SYS_epoll_wait
constexpr long kEpollWait = SYS_epoll_wait;
#else
constexpr long kEpollWait = -1; // not on this architecture
#endif
#ifdef SYS_accept
constexpr long kAccept = SYS_accept;
#else
constexpr long kAccept = -1; // not on this architecture
#endif
#ifdef SYS_epoll_pwait2
constexpr long kEpollPwait2 = SYS_epoll_pwait2;
#else
constexpr long kEpollPwait2 = -1; // not on this architecture
#endif

} // namespace

std::optional<WorkerState> classifyThread(char state, const QByteArray &syscall, const std::function<bool(int)> &isSocket)
{
    // The system call first: a thread in state R inside futex() was woken and has not returned yet
    // (CPython's GIL waiter wakes every switch interval to ask for it, and sleeps again).
    if (state == 'Z' || state == 'X')
        return std::nullopt;
    if (syscall.startsWith("running") || (syscall.isEmpty() && state == 'R'))
        return WorkerState::Running;
    if (syscall.isEmpty())
        return std::nullopt;
    const QList<QByteArray> f = syscall.simplified().split(' ');
    bool ok = false;
    const long nr = f.value(0).toLong(&ok);
    if (!ok)
        return std::nullopt;
    const auto arg = [&f](int i) { return f.value(i + 1).toULongLong(nullptr, 16); };
    if (nr == SYS_futex) // CPython waits for its GIL with a timeout (the switch interval); joins and queues without
        return arg(3) != 0 ? std::optional(WorkerState::WaitGil) : std::nullopt;
    if (isOneOf(nr,
            {kPoll, kSelect, kEpollWait, kAccept, kEpollPwait2, SYS_ppoll, SYS_pselect6, SYS_epoll_pwait, SYS_connect, SYS_accept4,
                SYS_recvfrom, SYS_recvmsg, SYS_recvmmsg, SYS_sendto, SYS_sendmsg}))
        return WorkerState::WaitIo;
    if (isOneOf(nr, {SYS_read, SYS_readv}) && isSocket && isSocket(int(arg(0))))
        return WorkerState::WaitIo;
    return std::nullopt;
}

ThreadSampler::ThreadSampler(pid_t root, std::int64_t originNs, SpanSink *live, Options options)
    : root_(root), origin_(originNs), live_(live), options_(options), thread_([this] { loop(); })
{
}

ThreadSampler::~ThreadSampler()
{
    stop();
}

SamplerReport ThreadSampler::stop()
{
    if (!thread_.joinable())
        return report_;
    stopping_ = true;
    thread_.join();
    closeAll(double(monotonicNs() - origin_) / 1e9);
    return report_;
}

// Paced with clock_nanosleep in slices of at most kStopCheckNs, looking at an atomic flag between
// them: std::stop_token's callbacks and timed condition-variable waits on the steady clock are
// reported as races by the ThreadSanitizer of GCC 12 (it has no interceptor for
// pthread_cond_clockwait), and this needs neither.
void ThreadSampler::loop()
{
    const std::int64_t first = monotonicNs();
    std::int64_t now = first;
    while (!stopping_) {
        const std::int64_t cpuBefore = threadCpuNs();
        sweep(now);
        // The sweep's own CPU time, not its wall time: a sampler preempted by the very threads it
        // watches (both cores busy) would otherwise slow itself down to tens of milliseconds.
        const std::int64_t cost = threadCpuNs() - cpuBefore;
        const auto interval = std::max<std::int64_t>(std::chrono::nanoseconds(options_.minInterval).count(),
            std::min<std::int64_t>(std::int64_t(double(cost) / options_.budget), 100'000'000));
        for (std::int64_t next = now + interval, t = monotonicNs(); t < next && !stopping_; t = monotonicNs()) {
            const std::int64_t until = std::min(next, t + kStopCheckNs);
            const timespec ts{time_t(until / 1'000'000'000), long(until % 1'000'000'000)};
            clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nullptr);
        }
        now = monotonicNs();
    }
    report_.seconds = double(now - first) / 1e9;
    report_.ownCpuS = double(threadCpuNs()) / 1e9;
}

// The root and its descendants, found through each thread's children file: looked for again every
// kTreeIntervalNs only (a child process is seen within that), the threads of each every sweep.
QList<pid_t> ThreadSampler::processes(std::int64_t nowNs)
{
    if (!pids_.isEmpty() && nowNs - lastTreeNs_ < kTreeIntervalNs)
        return pids_;
    lastTreeNs_ = nowNs;
    QList<pid_t> out{root_};
    for (qsizetype i = 0; i < out.size(); ++i) {
        const QByteArray task = "/proc/" + QByteArray::number(out[i]) + "/task/";
        for (pid_t tid : numericEntries(task.constData()))
            for (const QByteArray &child : readProc((task + QByteArray::number(tid) + "/children").constData()).split(' '))
                if (const pid_t pid = pid_t(child.toLong()); pid > 0 && !out.contains(pid))
                    out.append(pid);
    }
    pids_ = out;
    return out;
}

void ThreadSampler::sweep(std::int64_t nowNs)
{
    ++sweep_;
    ++report_.sweeps;
    const double t = double(nowNs - origin_) / 1e9;
    const QList<pid_t> pids = processes(nowNs);
    for (pid_t pid : pids)
        for (pid_t tid : numericEntries(("/proc/" + QByteArray::number(pid) + "/task").constData()))
            sampleThread(pid, tid, t);
    lastT_ = t;
    for (auto it = lanes_.begin(); it != lanes_.end();) {
        Lane &lane = it->second;
        if (lane.seenAt == sweep_) {
            ++it;
            continue;
        }
        moveTo(lane, std::nullopt, t); // exited
        exitedTicks_[0] += lane.ticks[0];
        exitedTicks_[1] += lane.ticks[1];
        it = lanes_.erase(it);
    }
    if (nowNs - lastMemoryNs_ >= kMemoryIntervalNs) {
        lastMemoryNs_ = nowNs;
        sampleMemory(pids);
    }
}

// A /proc file kept open and read again from its start: a thread's stat and syscall files cost one
// pread a sweep instead of an open, a read and a close. Opened on first use; `denied` as readProc.
QByteArray ThreadSampler::readKept(UniqueFd &fd, const QByteArray &path, bool *denied)
{
    if (!fd && lanes_.size() <= kKeptLanes)
        fd.reset(::open(path.constData(), O_RDONLY | O_CLOEXEC));
    if (!fd)
        return readProc(path.constData(), denied);
    char buf[4096];
    const ssize_t n = ::pread(fd.get(), buf, sizeof buf, 0);
    if (n < 0 && denied)
        *denied = errno == EACCES || errno == EPERM;
    return n > 0 ? QByteArray(buf, qsizetype(n)) : QByteArray();
}

void ThreadSampler::sampleThread(pid_t pid, pid_t tid, double t)
{
    auto it = lanes_.find(tid);
    const bool isNew = it == lanes_.end();
    if (isNew)
        it = lanes_.emplace(tid, Lane{}).first;
    Lane &lane = it->second;
    const QByteArray dir = "/proc/" + QByteArray::number(pid) + "/task/" + QByteArray::number(tid);
    const std::optional<PidStat> stat = parsePidStat(readKept(lane.statFile, dir + "/stat"));
    if (!stat) {
        if (isNew)
            lanes_.erase(it); // gone before it was ever seen
        return;
    }
    if (isNew) {
        lane.kind = tid == root_ ? WorkerKind::Main : tid == pid ? WorkerKind::Process : WorkerKind::Thread;
        lane.worker = tid == root_ ? 0 : nextWorker_++;
        ++(tid == pid ? report_.processes : report_.threads);
        moveTo(lane, WorkerState::Starting, sweep_ == 1 ? 0.0 : lastT_); // it started since the previous sweep
    }
    lane.seenAt = sweep_;
    lane.ticks[0] = stat->utime;
    lane.ticks[1] = stat->stime;
    bool denied = false;
    const QByteArray syscall = readKept(lane.syscallFile, dir + "/syscall", &denied);
    if (denied)
        report_.syscallsReadable = false;
    const auto isSocket = [pid](int fd) {
        char target[64] = {};
        const QByteArray link = "/proc/" + QByteArray::number(pid) + "/fd/" + QByteArray::number(fd);
        return ::readlink(link.constData(), target, sizeof target - 1) > 0 && qstrncmp(target, "socket:", 7) == 0;
    };
    moveTo(lane, classifyThread(stat->state, syscall, isSocket), t);
}

void ThreadSampler::moveTo(Lane &lane, std::optional<WorkerState> state, double t)
{
    if (lane.state == state)
        return;
    if (lane.state) {
        const Span span{lane.worker, lane.kind, *lane.state, lane.since, t};
        report_.spans.append(span);
        if (live_)
            live_->closed(span);
    }
    lane.state = state;
    lane.since = t;
    if (live_ && state)
        live_->opened(lane.worker, lane.kind, *state, origin_ + std::int64_t(t * 1e9));
    else if (live_)
        live_->finished(lane.worker);
}

void ThreadSampler::sampleMemory(const QList<pid_t> &pids)
{
    static const long pageSize = sysconf(_SC_PAGESIZE);
    qint64 rss = 0, pss = 0;
    for (pid_t pid : pids) {
        const QByteArray proc = "/proc/" + QByteArray::number(pid);
        if (const auto stat = parsePidStat(readProc((proc + "/stat").constData())))
            rss += stat->rssPages * pageSize;
        pss += std::max<qint64>(0, parsePss(readProc((proc + "/smaps_rollup").constData())));
    }
    report_.peakRssBytes = std::max(report_.peakRssBytes, rss);
    report_.peakPssBytes = std::max(report_.peakPssBytes, pss);
}

void ThreadSampler::closeAll(double t)
{
    quint64 ticks[2] = {exitedTicks_[0], exitedTicks_[1]};
    for (auto &[tid, lane] : lanes_) {
        moveTo(lane, std::nullopt, t);
        ticks[0] += lane.ticks[0];
        ticks[1] += lane.ticks[1];
    }
    lanes_.clear();
    const double perSecond = double(sysconf(_SC_CLK_TCK));
    report_.treeCpu = CpuTimes{double(ticks[0]) / perSecond, double(ticks[1]) / perSecond};
}

} // namespace cl
