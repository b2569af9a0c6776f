// The line protocol a child worker process speaks on stdout. One message per line:
//   CLW1 hello <pid>
//   CLW1 span <state> <t0_s> <t1_s>          times relative to the parent's run origin
//   CLW1 progress <items_so_far>
//   CLW1 error <message>
//   CLW1 done <items> <errors> <peak_rss_bytes> <cpu_user_s> <cpu_sys_s> [<pss_bytes>]
// Latencies ride on spans (io_wait) and on `lat <ms>` lines. Anything else is ignored and
// counted, so a child that prints garbage or dies mid-line cannot confuse the parent.
#pragma once

#include "experiment/experiment.h"
#include "workloads/worktally.h"

#include <QByteArray>
#include <cstdio>

namespace cl {

inline constexpr const char *kProtocolTag = "CLW1";

// What a child said. Its work fills the same tally a thread's does (spans as worker 0 of kind
// Process: the parent numbers them).
struct ChildReport {
    bool hello = false;
    qint64 pid = 0;
    qint64 progress = 0;
    bool done = false;
    WorkTally tally;
    qint64 peakRssBytes = 0;
    qint64 pssBytes = 0; // its proportional set size when it was done (0: an older worker did not say)
    double cpuUserS = 0, cpuSysS = 0;
    int garbageLines = 0;
};

class WorkerLineParser {
public:
    static constexpr qsizetype kMaxLine = 4096;
    // Feeds bytes; complete lines update `report`.
    void feed(const QByteArray &bytes, ChildReport &report);
    // The stream ended: a final line without newline still counts.
    void finish(ChildReport &report);

private:
    void parseLine(const QByteArray &line, ChildReport &report);
    QByteArray pending_;
    bool discarding_ = false; // inside an over-long line
};

// Formats messages for the child (written with one fwrite per line).
class WorkerWriter {
public:
    explicit WorkerWriter(std::FILE *out) : out_(out) { }
    void hello(qint64 pid);
    void span(WorkerState s, double t0, double t1);
    void latency(double ms);
    void progress(qint64 items);
    void error(const QString &message);
    void done(qint64 items, qint64 errors, qint64 peakRss, double user, double sys, qint64 pss);
    void flush() { std::fflush(out_); }

private:
    void line(const QByteArray &text);
    std::FILE *out_;
};

} // namespace cl
