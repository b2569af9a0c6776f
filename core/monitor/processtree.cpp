#include "monitor/processtree.h"

#include <QFile>

#include <array>
#include <charconv>
#include <string_view>

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

namespace cl {

namespace {
// Splits the fields after the name in place: this runs for every thread of the app's tree at up
// to 20 Hz, where splitting into byte arrays allocated 50 of them per line.
template <std::size_t N> std::size_t splitFields(std::string_view text, std::array<std::string_view, N> &out)
{
    std::size_t n = 0;
    for (std::size_t pos = 0; pos < text.size() && n < N;) {
        const std::size_t end = std::min(text.find_first_of(" \n", pos), text.size());
        if (end > pos)
            out[n++] = text.substr(pos, end - pos);
        pos = end + 1;
    }
    return n;
}

template <typename T> bool number(std::string_view s, T &out)
{
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
}
} // namespace

std::optional<PidStat> parsePidStat(const QByteArray &text)
{
    const auto open = text.indexOf('('), close = text.lastIndexOf(')');
    if (open < 0 || close < open || close + 2 > text.size())
        return std::nullopt;
    std::array<std::string_view, 37> f;
    const std::size_t n = splitFields(std::string_view(text.constData() + close + 2, std::size_t(text.size() - close - 2)), f);
    if (n < 22 || f[0].size() != 1)
        return std::nullopt;
    PidStat s;
    s.name = QString::fromUtf8(text.mid(open + 1, close - open - 1));
    s.state = f[0][0];
    std::string_view pid(text.constData(), std::size_t(open));
    while (!pid.empty() && pid.back() == ' ')
        pid.remove_suffix(1);
    const bool ok = number(pid, s.pid) && number(f[1], s.ppid) && number(f[11], s.utime) && number(f[12], s.stime)
        && number(f[17], s.threads) && number(f[19], s.startTicks) && number(f[21], s.rssPages);
    if (!ok)
        return std::nullopt;
    if (int cpu = -1; n > 36 && number(f[36], cpu) && cpu >= 0)
        s.processor = cpu;
    return s;
}

// Plain POSIX calls: this runs for every process on the machine at up to 20 Hz.
QByteArray ProcFs::read(const QString &path) const
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return {};
    char buffer[4096];
    QByteArray out;
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;)
        out.append(buffer, n);
    ::close(fd);
    return out;
}

CachingProcFs::~CachingProcFs()
{
    for (const int fd : std::as_const(open_))
        ::close(fd);
}

QByteArray CachingProcFs::read(const QString &path) const
{
    int fd = open_.value(path, -1);
    if (fd < 0) {
        if (open_.size() >= kOpen) {
            for (const int old : std::as_const(open_))
                ::close(old);
            open_.clear();
        }
        fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return {};
        open_.insert(path, fd);
    }
    char buffer[4096];
    QByteArray out;
    ssize_t n = 0;
    for (off_t at = 0; (n = ::pread(fd, buffer, sizeof buffer, at)) > 0; at += n)
        out.append(buffer, n);
    if (n < 0) { // the process or thread ended: its file stays unreadable
        ::close(fd);
        open_.remove(path);
        return {};
    }
    return out;
}

QStringList ProcFs::entries(const QString &dir) const
{
    QStringList out;
    DIR *d = ::opendir(QFile::encodeName(dir).constData());
    if (!d)
        return out;
    while (const dirent *e = ::readdir(d))
        if (e->d_name[0] != '.')
            out.append(QString::fromLatin1(e->d_name));
    ::closedir(d);
    return out;
}

ProcessSampler::ProcessSampler(qint64 rootPid, const ProcFs &fs, long ticksPerSecond, long pageSize)
    : root_(rootPid), fs_(fs), ticksPerSecond_(ticksPerSecond), pageSize_(pageSize)
{
}

double ProcessSampler::percent(QHash<qint64, quint64> &seen, QHash<qint64, quint64> &next, qint64 id, quint64 ticks, double seconds) const
{
    next.insert(id, ticks);
    const auto prev = seen.constFind(id);
    if (prev == seen.cend() || seconds <= 0 || ticks < *prev)
        return 0; // new, or counters went backwards (a recycled id)
    return double(ticks - *prev) / double(ticksPerSecond_) / seconds * 100.0;
}

QList<ThreadRow> ProcessSampler::threadsOf(qint64 pid, double seconds, QHash<qint64, quint64> &next)
{
    QList<ThreadRow> rows;
    const QString dir = QStringLiteral("/proc/%1/task").arg(pid);
    for (const QString &tid : fs_.entries(dir)) {
        const auto st = parsePidStat(fs_.read(dir + QLatin1Char('/') + tid + QStringLiteral("/stat")));
        if (!st)
            continue; // the thread ended meanwhile
        rows.append({st->pid, st->name, st->state, percent(tidTicks_, next, st->pid, st->utime + st->stime, seconds)});
    }
    return rows;
}

QHash<qint64, PidStat> allProcesses(const ProcFs &fs)
{
    QHash<qint64, PidStat> all;
    for (const QString &entry : fs.entries(QStringLiteral("/proc"))) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (numeric)
            if (const auto st = parsePidStat(fs.read(QStringLiteral("/proc/%1/stat").arg(pid))))
                all.insert(pid, *st);
    }
    return all;
}

QList<ProcessRow> ProcessSampler::sample(qint64 nowMs)
{
    const double seconds = lastMs_ < 0 ? 0 : double(nowMs - lastMs_) / 1000.0;
    lastMs_ = nowMs;
    const QHash<qint64, PidStat> all = allProcesses(fs_);
    QMultiHash<qint64, qint64> children;
    for (auto it = all.cbegin(); it != all.cend(); ++it)
        children.insert(it->ppid, it.key());
    QList<ProcessRow> rows;
    QHash<qint64, quint64> nextPid, nextTid;
    QList<qint64> queue{root_};
    while (!queue.isEmpty()) {
        const qint64 pid = queue.takeFirst();
        const auto st = all.constFind(pid);
        if (st == all.cend())
            continue;
        ProcessRow row{pid, st->ppid, st->name, st->state, st->threads, percent(pidTicks_, nextPid, pid, st->utime + st->stime, seconds),
            st->rssPages * pageSize_, {}};
        row.threadRows = threadsOf(pid, seconds, nextTid);
        rows.append(row);
        QList<qint64> kids = children.values(pid);
        std::sort(kids.begin(), kids.end());
        queue.append(kids);
    }
    pidTicks_ = nextPid;
    tidTicks_ = nextTid;
    return rows;
}

} // namespace cl
