// A blocking HTTP GET, like `requests.get(url).text`: a fresh connection per request.
// Plain POSIX sockets, so it works in any thread and in a child process without a Qt
// application object. Waits in short slices so a stop request ends it within ~50 ms.
#pragma once

#include "workloads/http.h"

#include <stop_token>

namespace cl {

struct RequestOutcome {
    bool ok = false; // status 200 and the whole body read
    int status = 0;
    double latencyMs = 0;
    QString error; // empty when ok
};

RequestOutcome blockingGet(const HttpTarget &target, int timeoutMs, std::stop_token stop = {});

} // namespace cl
