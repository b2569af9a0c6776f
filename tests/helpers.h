#pragma once

#include "experiment/experiment.h"

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <sys/types.h>

class QAbstractBarSeries;
namespace ui {
class TimingChart;
}

namespace test {

// A port on 127.0.0.1 with nothing listening (bound, then closed).
quint16 closedPort();
// The PIDs of this process's live children (from /proc).
QList<pid_t> childPids();
// Its children, their children and so on: a forkserver's workers too.
QList<pid_t> descendantPids();
// Runs the app binary; returns exit code, fills stdout/stderr.
int runApp(const QStringList &args, QByteArray *out = nullptr, QByteArray *err = nullptr, int timeoutMs = 60000);
// A copy of the app binary that another user (`runuser -u nobody`) can execute, inside `dir`:
// the build folder may sit under a home only root can enter. Empty when it cannot be made.
QString appCopyForOtherUsers(const QTemporaryDir &dir);
// `run cpu --strategy threads` with two small repeats and `extra` arguments; its exit code.
int runSmallThreads(const QStringList &extra);
// A small spec that finishes fast even under sanitizers.
cl::ExperimentSpec smallSpec(cl::Workload w, cl::Strategy s, int workers, qint64 items, const QString &url = {});
// Sum of pairwise overlaps of `Running` spans from different workers, in seconds.
double runningOverlap(const QList<cl::Span> &spans);
// The timing chart's bar series (built now if it waited to be shown), or null.
QAbstractBarSeries *barSeries(ui::TimingChart &chart);

} // namespace test
