// A blocking HTTP GET, like `requests.get(url).text`, for a worker thread or a child process: one
// libcurl easy handle, kept from request to request. It is driven by a multi handle of its own
// only so that Stop is seen within a poll slice (~20 ms) instead of libcurl's once-a-second
// progress callback while a reply is awaited.
#pragma once

#include "workloads/http.h"

#include <stop_token>

using CURLM = void; // as <curl/curl.h> declares it

namespace cl {

class BlockingHttpClient {
public:
    explicit BlockingHttpClient(const HttpTarget &target);
    ~BlockingHttpClient();
    BlockingHttpClient(const BlockingHttpClient &) = delete;
    BlockingHttpClient &operator=(const BlockingHttpClient &) = delete;

    RequestOutcome get(const std::stop_token &stop = {});

private:
    HttpTransfer transfer_;
    CURLM *multi_;
};

// One request on a client of its own (a fresh handle each call).
RequestOutcome blockingGet(const HttpTarget &target, const std::stop_token &stop = {});

} // namespace cl
