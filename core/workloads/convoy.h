// The convoy effect (Beazley, 2010; bpo-7946): one thread making requests one after another while
// K CPU-bound threads run in the same process. With the GIL, each time the IO thread comes back
// from a blocking call it must wait for a CPU thread to give the GIL up — up to a switch interval —
// so its latency grows by milliseconds and its requests per second collapse. Free-threaded, or
// with the CPU work in child processes (a GIL each), it does not.
#pragma once

#include "experiment/experiment.h"
#include "run/spansink.h"

#include <QString>

#include <stop_token>

namespace cl {

// The demo server's delay for the convoy: a reply takes a millisecond (a quick query), long enough
// that a CPU-bound thread waiting for the GIL always gets it while the IO thread waits, as it does
// over a real network. With replies faster than a thread wakes up, who gets the GIL is a race.
inline constexpr int kConvoyServerDelayMs = 1;

struct ConvoySpec {
    enum class CpuIn { Threads, Processes };
    int cpuThreads = 1; // K: CPU-bound workers running beside the IO thread
    qint64 requests = 200; // the IO thread's, one after another
    bool gil = true;
    CpuIn cpuIn = CpuIn::Threads;
    int switchIntervalUs = kDefaultSwitchIntervalUs;
    QString url; // what the IO thread GETs (the demo server)
    int timeoutMs = 5000;
    QString workerExecutable; // CPU in processes: the binary run in worker mode (empty: this one)
};

QString toString(ConvoySpec::CpuIn where);
std::optional<ConvoySpec::CpuIn> cpuInFromString(const QString &s);

struct ConvoyResult {
    WorkTally io; // the IO thread's requests: latency per request as the Python code sees it (GIL wait included)
    LatencySummary latency;
    double wallS = 0; // the IO thread's, first request to last
    double requestsPerS = 0;
    qint64 cpuSteps = 0; // what the CPU threads counted meanwhile (threads only)
    QList<Span> spans; // worker 0: the IO thread; 1..K: the CPU threads (threads only)
    qint64 startMonoMs = 0; // when it started on CLOCK_MONOTONIC, ms: lines it up with the CPU samples
    bool stopped = false;
    QString error; // nothing could run (a bad URL, a thread or process that could not start)
};

// Empty when the spec can run; otherwise a one-line reason.
QString validate(const ConvoySpec &spec);
// `live` (optional) receives the spans as they happen.
ConvoyResult runConvoy(const ConvoySpec &spec, std::stop_token stop = {}, SpanSink *live = nullptr);

} // namespace cl
