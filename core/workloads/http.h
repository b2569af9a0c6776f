// What every strategy's HTTP client shares: the URL checked and its host resolved once before the
// run, and one libcurl transfer configured in one place (HTTPS against the system's CA store,
// redirects, chunked and compressed bodies, IPv6, a proxy from the environment).
#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>

using CURL = void; // as <curl/curl.h> declares it
struct curl_slist;

namespace cl {

// How an IO run asks: from the command line, the window or a worker's arguments.
struct HttpOptions {
    QString url;
    int timeoutMs = 5000; // per request, redirects included
    QString caCert; // a CA certificate file to trust besides the system's (a teacher's own server)
    bool insecure = false; // do not verify the server's certificate at all
    bool keepAlive = false; // reuse connections; off: a fresh connection per request, like requests.get
    bool operator==(const HttpOptions &) const = default;
};

// The options checked, with the URL's host resolved once, before the run, so no request waits
// for DNS and a name that does not resolve fails the run at once.
struct HttpTarget {
    HttpOptions options;
    QByteArray url; // as libcurl normalised it
    QByteArray pinnedAddresses; // "host:port:address[,address…]" (CURLOPT_RESOLVE); empty for an address; empty for an IP address
};

// Nullopt with the reason in `error` for anything but an http:// or https:// URL with a host that
// resolves, or a CA file that cannot be read.
std::optional<HttpTarget> resolveHttpTarget(const HttpOptions &options, QString *error);
// The URL part of that check alone (no DNS): empty when it is an http:// or https:// URL.
QString checkHttpUrl(const QString &url);

struct RequestOutcome {
    bool ok = false; // a 2xx status (after redirects) and the whole body read
    int status = 0;
    double latencyMs = 0;
    std::int64_t bodyBytes = 0;
    QString error; // empty when ok
};

// One libcurl easy handle set up for a target, reusable request after request. Not movable:
// libcurl keeps pointers to its members.
class HttpTransfer {
public:
    explicit HttpTransfer(const HttpTarget &target);
    ~HttpTransfer();
    HttpTransfer(const HttpTransfer &) = delete;
    HttpTransfer &operator=(const HttpTransfer &) = delete;

    CURL *handle() const { return easy_; }
    void begin(); // before each request: clears the last one's counts and starts its clock
    std::int64_t startNs() const { return startNs_; }
    RequestOutcome outcome(int curlCode) const; // after it ended with that CURLcode

private:
    QString errorText(int curlCode, int osError) const;
    static std::size_t onBody(char *data, std::size_t size, std::size_t count, void *self);
    CURL *easy_;
    curl_slist *pinned_ = nullptr;
    std::unique_ptr<char[]> errorText_;
    std::int64_t bodyBytes_ = 0;
    std::int64_t startNs_ = 0;
};

} // namespace cl
