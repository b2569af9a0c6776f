#include "workloads/blockinghttp.h"

#include "workloads/curlapi.h"

namespace cl {

namespace {
constexpr int kSliceMs = 20;
}

BlockingHttpClient::BlockingHttpClient(const HttpTarget &target) : transfer_(target), multi_(curlApi().multi_init()) { }

BlockingHttpClient::~BlockingHttpClient()
{
    curlApi().multi_cleanup(multi_);
}

RequestOutcome BlockingHttpClient::get(const std::stop_token &stop)
{
    transfer_.begin();
    curlApi().multi_add_handle(multi_, transfer_.handle());
    int running = 1;
    CURLcode result = CURLE_OK;
    while (running > 0) {
        if (stop.stop_requested()) {
            curlApi().multi_remove_handle(multi_, transfer_.handle()); // aborts the transfer, closes its connection
            RequestOutcome cancelled = transfer_.outcome(CURLE_ABORTED_BY_CALLBACK);
            cancelled.ok = false;
            cancelled.error = QStringLiteral("cancelled");
            return cancelled;
        }
        if (const CURLMcode rc = curlApi().multi_perform(multi_, &running); rc != CURLM_OK) {
            result = CURLE_FAILED_INIT;
            break;
        }
        if (running > 0)
            curlApi().multi_poll(multi_, nullptr, 0, kSliceMs, nullptr);
    }
    int queued = 0;
    while (CURLMsg *msg = curlApi().multi_info_read(multi_, &queued))
        if (msg->msg == CURLMSG_DONE)
            result = msg->data.result;
    curlApi().multi_remove_handle(multi_, transfer_.handle());
    return transfer_.outcome(result);
}

RequestOutcome blockingGet(const HttpTarget &target, const std::stop_token &stop)
{
    BlockingHttpClient client(target);
    return client.get(stop);
}

} // namespace cl
