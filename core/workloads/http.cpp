#include "workloads/http.h"

#include "util/clock.h"
#include "workloads/curlapi.h"

#include <QFileInfo>
#include <QUrl>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netdb.h>
#include <sys/resource.h>

namespace cl {

namespace {

constexpr long kMaxRedirects = 10;
// Most of an easy handle's memory is its receive buffer (16 KiB by default); the lesson's replies
// are a few hundred bytes, and 4 KiB still takes a web page in a handful of reads.
constexpr long kBufferBytes = 4 * 1024;

struct UrlDeleter {
    void operator()(CURLU *u) const { curlApi().url_cleanup(u); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlDeleter>;

QByteArray urlPart(CURLU *url, CURLUPart part, unsigned flags = 0)
{
    char *text = nullptr;
    if (curlApi().url_get(url, part, &text, flags) != CURLUE_OK || !text)
        return {};
    QByteArray out(text);
    curlApi().free(text);
    return out;
}

// The URL parsed by libcurl, nullopt and the reason for anything but http(s) with a host.
UrlHandle parseUrl(const QString &text, QString *error)
{
    if (!curlApi().loaded()) {
        *error = curlApi().error;
        return nullptr;
    }
    UrlHandle url(curlApi().url());
    const QByteArray utf8 = text.toUtf8();
    if (!url || curlApi().url_set(url.get(), CURLUPART_URL, utf8.constData(), 0) != CURLUE_OK
        || urlPart(url.get(), CURLUPART_HOST).isEmpty()) {
        *error = QStringLiteral("not a URL: '%1'").arg(text);
        return nullptr;
    }
    const QByteArray scheme = urlPart(url.get(), CURLUPART_SCHEME).toLower();
    if (scheme != "http" && scheme != "https") {
        *error = QStringLiteral("not an http:// or https:// URL: '%1'").arg(text);
        return nullptr;
    }
    return url;
}

// "host:port:a,b" for CURLOPT_RESOLVE: every address the host has, IPv6 ones in brackets.
std::optional<QByteArray> pinAddresses(const QByteArray &host, const QByteArray &port, QString *error)
{
    QByteArray bare = host;
    if (bare.startsWith('[') && bare.endsWith(']'))
        bare = bare.mid(1, bare.size() - 2);
    unsigned char numeric[sizeof(in6_addr)];
    if (inet_pton(AF_INET, bare.constData(), numeric) == 1 || inet_pton(AF_INET6, bare.constData(), numeric) == 1)
        return QByteArray(); // an address already: nothing to resolve
    const QByteArray lower = bare.toLower();
    if (lower == "localhost" || lower.endsWith(".localhost")) // RFC 6761, as libcurl: never asked of a resolver,
        return bare + ':' + port + ":127.0.0.1,[::1]"; // which a bare container may not have
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *found = nullptr;
    const QByteArray ace = QUrl::toAce(QString::fromUtf8(bare));
    const QByteArray name = ace.isEmpty() ? bare : ace;
    if (const int rc = getaddrinfo(name.constData(), port.constData(), &hints, &found); rc != 0 || !found) {
        *error = QStringLiteral("cannot resolve host '%1': %2").arg(QString::fromUtf8(bare), QString::fromUtf8(gai_strerror(rc)));
        return std::nullopt;
    }
    QByteArray addresses;
    for (const addrinfo *a = found; a; a = a->ai_next) {
        char text[INET6_ADDRSTRLEN] = {};
        const void *raw = a->ai_family == AF_INET6
            ? static_cast<const void *>(&reinterpret_cast<const sockaddr_in6 *>(a->ai_addr)->sin6_addr)
            : static_cast<const void *>(&reinterpret_cast<const sockaddr_in *>(a->ai_addr)->sin_addr);
        if (!inet_ntop(a->ai_family, raw, text, sizeof text))
            continue;
        const QByteArray one = a->ai_family == AF_INET6 ? '[' + QByteArray(text) + ']' : QByteArray(text);
        if (!addresses.split(',').contains(one))
            addresses += (addresses.isEmpty() ? "" : ",") + one;
    }
    freeaddrinfo(found);
    return name + ':' + port + ':' + addresses;
}

QString outOfDescriptors()
{
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    return QStringLiteral("out of file descriptors (the limit is %1; each connection needs one): use fewer --connections")
        .arg(qulonglong(limit.rlim_cur));
}

} // namespace

QString checkHttpUrl(const QString &url)
{
    QString error;
    return parseUrl(url, &error) ? QString() : error;
}

std::optional<HttpTarget> resolveHttpTarget(const HttpOptions &options, QString *error)
{
    const UrlHandle url = parseUrl(options.url, error);
    if (!url)
        return std::nullopt;
    if (!options.caCert.isEmpty() && !QFileInfo(options.caCert).isReadable()) {
        *error = QStringLiteral("cannot read the CA certificate file '%1'").arg(options.caCert);
        return std::nullopt;
    }
    const QByteArray port = urlPart(url.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
    auto pinned = pinAddresses(urlPart(url.get(), CURLUPART_HOST), port, error);
    if (!pinned)
        return std::nullopt;
    return HttpTarget{options, urlPart(url.get(), CURLUPART_URL), *pinned};
}

HttpTransfer::HttpTransfer(const HttpTarget &target) : easy_(curlApi().easy_init()), errorText_(new char[CURL_ERROR_SIZE]())
{
    const HttpOptions &o = target.options;
    curlApi().easy_setopt(easy_, CURLOPT_URL, target.url.constData());
    if (!target.pinnedAddresses.isEmpty()) {
        pinned_ = curlApi().slist_append(nullptr, target.pinnedAddresses.constData());
        curlApi().easy_setopt(easy_, CURLOPT_RESOLVE, pinned_);
    }
    curlApi().easy_setopt(easy_, CURLOPT_PROTOCOLS_STR, "http,https");
    curlApi().easy_setopt(easy_, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curlApi().easy_setopt(easy_, CURLOPT_FOLLOWLOCATION, 1L);
    curlApi().easy_setopt(easy_, CURLOPT_MAXREDIRS, kMaxRedirects);
    curlApi().easy_setopt(easy_, CURLOPT_ACCEPT_ENCODING, ""); // every encoding this libcurl decodes
    curlApi().easy_setopt(easy_, CURLOPT_TIMEOUT_MS, long(o.timeoutMs));
    curlApi().easy_setopt(easy_, CURLOPT_NOSIGNAL, 1L); // many threads: no SIGALRM for timeouts
    curlApi().easy_setopt(easy_, CURLOPT_BUFFERSIZE, kBufferBytes);
    curlApi().easy_setopt(easy_, CURLOPT_USERAGENT, "concurrency-lab");
    curlApi().easy_setopt(easy_, CURLOPT_ERRORBUFFER, errorText_.get());
    curlApi().easy_setopt(easy_, CURLOPT_WRITEFUNCTION, &HttpTransfer::onBody);
    curlApi().easy_setopt(easy_, CURLOPT_WRITEDATA, this);
    if (!o.caCert.isEmpty())
        curlApi().easy_setopt(easy_, CURLOPT_CAINFO, o.caCert.toLocal8Bit().constData()); // libcurl copies strings
    if (o.insecure) {
        curlApi().easy_setopt(easy_, CURLOPT_SSL_VERIFYPEER, 0L);
        curlApi().easy_setopt(easy_, CURLOPT_SSL_VERIFYHOST, 0L);
    }
    if (!o.keepAlive) {
        curlApi().easy_setopt(easy_, CURLOPT_FRESH_CONNECT, 1L);
        curlApi().easy_setopt(easy_, CURLOPT_FORBID_REUSE, 1L);
    }
}

HttpTransfer::~HttpTransfer()
{
    curlApi().easy_cleanup(easy_);
    curlApi().slist_free_all(pinned_);
}

void HttpTransfer::begin()
{
    errorText_[0] = '\0';
    bodyBytes_ = 0;
    startNs_ = monotonicNs();
}

std::size_t HttpTransfer::onBody(char *, std::size_t size, std::size_t count, void *self)
{
    static_cast<HttpTransfer *>(self)->bodyBytes_ += std::int64_t(size * count);
    return size * count;
}

// libcurl's own words, and the system's reason when it hides it ("Couldn't connect to server").
QString HttpTransfer::errorText(int curlCode, int osError) const
{
    QString text = errorText_[0] ? QString::fromUtf8(errorText_.get()) : QString::fromUtf8(curlApi().easy_strerror(CURLcode(curlCode)));
    const QString reason = QString::fromLocal8Bit(std::strerror(osError));
    if (osError != 0 && !text.contains(reason))
        text += QStringLiteral(" ([Errno %1] %2)").arg(osError).arg(reason);
    return text;
}

RequestOutcome HttpTransfer::outcome(int curlCode) const
{
    RequestOutcome out;
    out.latencyMs = double(monotonicNs() - startNs_) / 1e6;
    out.bodyBytes = bodyBytes_;
    long status = 0;
    curlApi().easy_getinfo(easy_, CURLINFO_RESPONSE_CODE, &status);
    out.status = int(status);
    long osError = 0;
    curlApi().easy_getinfo(easy_, CURLINFO_OS_ERRNO, &osError);
    if (curlCode != CURLE_OK && (osError == EMFILE || osError == ENFILE))
        out.error = outOfDescriptors();
    else if (curlCode != CURLE_OK)
        out.error = errorText(curlCode, int(osError));
    else if (out.status / 100 != 2)
        out.error = QStringLiteral("HTTP status %1").arg(out.status);
    out.ok = out.error.isEmpty();
    return out;
}

} // namespace cl
