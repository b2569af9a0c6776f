// The "async" strategy: one thread, one event loop, many tasks (like asyncio.gather).
// Runs on the calling thread, in a local QEventLoop, until every task is done or `stop`.
#pragma once

#include "experiment/experiment.h"
#include "run/spansink.h"
#include "workloads/http.h"
#include "workloads/worktally.h"

#include <atomic>
#include <stop_token>

namespace cl {

struct AsyncGetOptions {
    HttpTarget target;
    qint64 requests = 100;
    int connections = 100; // at most this many requests in flight at once; 0 = no limit
};

// All GETs in flight at once (up to the connection limit) on one libcurl multi handle, driven by
// this thread's event loop (no QNetworkAccessManager: it opens only 6 connections per host). One
// span per request; the target's timeout applies to each.
WorkTally runAsyncGets(const AsyncGetOptions &options, std::int64_t originNs, std::stop_token stop, std::atomic<qint64> *progress = nullptr,
    SpanSink *live = nullptr);

// CPU-bound tasks on one loop: each counts its share in chunks and yields to the loop between
// chunks, so the tasks interleave on one core and nothing runs in parallel.
WorkTally runAsyncCpu(const QList<qint64> &shares, std::int64_t originNs, std::stop_token stop, std::atomic<qint64> *progress = nullptr,
    SpanSink *live = nullptr);

} // namespace cl
