#include "monitor/processtree.h"

#include <QFile>

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

namespace cl {

std::optional<PidStat> parsePidStat(const QByteArray &text)
{
    const auto open = text.indexOf('('), close = text.lastIndexOf(')');
    if (open < 0 || close < open)
        return std::nullopt;
    const QList<QByteArray> f = text.mid(close + 2).trimmed().split(' ');
    if (f.size() < 22 || f[0].size() != 1)
        return std::nullopt;
    PidStat s;
    bool ok[6] = {};
    s.pid = text.left(open).trimmed().toLongLong(&ok[0]);
    s.name = QString::fromUtf8(text.mid(open + 1, close - open - 1));
    s.state = f[0][0];
    s.ppid = f[1].toLongLong(&ok[1]);
    s.utime = f[11].toULongLong(&ok[2]);
    s.stime = f[12].toULongLong(&ok[3]);
    s.threads = f[17].toInt(&ok[4]);
    s.rssPages = f[21].toLongLong(&ok[5]);
    if (!std::all_of(std::begin(ok), std::end(ok), [](bool b) { return b; }))
        return std::nullopt;
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

QList<ProcessRow> ProcessSampler::sample(qint64 nowMs)
{
    const double seconds = lastMs_ < 0 ? 0 : double(nowMs - lastMs_) / 1000.0;
    lastMs_ = nowMs;
    QHash<qint64, PidStat> all;
    QMultiHash<qint64, qint64> children;
    for (const QString &entry : fs_.entries(QStringLiteral("/proc"))) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        if (const auto st = parsePidStat(fs_.read(QStringLiteral("/proc/%1/stat").arg(pid)))) {
            all.insert(pid, *st);
            children.insert(st->ppid, pid);
        }
    }
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
