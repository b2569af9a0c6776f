#include "helpers.h"

#include "charts/timingchart.h"

#include <QAbstractBarSeries>
#include <QChart>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QTcpServer>

#include <unistd.h>

namespace test {

quint16 closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    const quint16 port = s.serverPort();
    s.close();
    return port;
}

namespace {
// Every process's parent, from /proc/PID/stat.
QMap<pid_t, pid_t> parents()
{
    QMap<pid_t, pid_t> out;
    for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray stat = f.readAll();
        const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1)
            out.insert(pid.toInt(), fields[1].toInt());
    }
    return out;
}
} // namespace

QList<pid_t> childPids()
{
    const QMap<pid_t, pid_t> all = parents();
    QList<pid_t> out;
    for (auto it = all.begin(); it != all.end(); ++it)
        if (it.value() == getpid())
            out.append(it.key());
    return out;
}

QList<pid_t> descendantPids()
{
    const QMap<pid_t, pid_t> all = parents();
    QList<pid_t> out{getpid()};
    for (qsizetype i = 0; i < out.size(); ++i)
        for (auto it = all.begin(); it != all.end(); ++it)
            if (it.value() == out[i])
                out.append(it.key());
    return out.mid(1);
}

int runApp(const QStringList &args, QByteArray *out, QByteArray *err, int timeoutMs)
{
    QProcess p;
    p.start(QStringLiteral(CL_APP_PATH), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (out)
        *out = p.readAllStandardOutput();
    if (err)
        *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
}

QString appCopyForOtherUsers(const QTemporaryDir &dir)
{
    const auto readAndEnter = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther;
    const QString app = dir.filePath(QStringLiteral("concurrency-lab"));
    if (!QFile::setPermissions(dir.path(), readAndEnter) || !QFile::copy(QStringLiteral(CL_APP_PATH), app))
        return {};
    return app;
}

cl::ExperimentSpec smallSpec(cl::Workload w, cl::Strategy s, int workers, qint64 items, const QString &url)
{
    cl::ExperimentSpec spec;
    spec.workload = w;
    spec.strategy = s;
    spec.workers = workers;
    spec.steps = items;
    spec.requests = items;
    spec.url = url;
    spec.repeat = 1;
    spec.timeoutMs = 5000;
    spec.workerExecutable = QStringLiteral(CL_APP_PATH);
    return spec;
}

double runningOverlap(const QList<cl::Span> &spans)
{
    double total = 0;
    for (qsizetype i = 0; i < spans.size(); ++i)
        for (qsizetype j = i + 1; j < spans.size(); ++j) {
            const auto &a = spans[i], &b = spans[j];
            if (a.worker == b.worker || a.state != cl::WorkerState::Running || b.state != cl::WorkerState::Running)
                continue;
            total += std::max(0.0, std::min(a.t1, b.t1) - std::max(a.t0, b.t0));
        }
    return total;
}

int runSmallThreads(const QStringList &extra)
{
    return runApp(QStringList{QStringLiteral("run"), QStringLiteral("cpu"), QStringLiteral("--strategy"), QStringLiteral("threads"),
                      QStringLiteral("--steps"), QStringLiteral("200000"), QStringLiteral("--repeat"), QStringLiteral("2")}
        + extra);
}

QAbstractBarSeries *barSeries(ui::TimingChart &chart)
{
    for (QAbstractSeries *s : chart.currentChart()->series())
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(s))
            return bars;
    return nullptr;
}

} // namespace test
