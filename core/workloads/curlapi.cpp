#include "workloads/curlapi.h"

#include <dlfcn.h>

namespace cl {

namespace {

constexpr const char *kLibrary = "libcurl.so.4";

template <typename Function> void resolve(void *library, Function &slot, const char *name, QString &error)
{
    slot = reinterpret_cast<Function>(dlsym(library, name));
    if (!slot && error.isEmpty())
        error = QStringLiteral("%1 has no %2: libcurl 7.66 or newer is needed").arg(QLatin1String(kLibrary), QLatin1String(name));
}

CurlApi load()
{
    CurlApi api;
    void *library = dlopen(kLibrary, RTLD_LAZY | RTLD_LOCAL); // stays loaded for the process's life
    if (!library) {
        api.error = QStringLiteral("cannot load libcurl (%1): install it with 'sudo apt-get install libcurl4'")
                        .arg(QString::fromLocal8Bit(dlerror()));
        return api;
    }
    QString &e = api.error;
    resolve(library, api.easy_init, "curl_easy_init", e);
    resolve(library, api.easy_cleanup, "curl_easy_cleanup", e);
    resolve(library, api.easy_setopt, "curl_easy_setopt", e);
    resolve(library, api.easy_getinfo, "curl_easy_getinfo", e);
    resolve(library, api.easy_strerror, "curl_easy_strerror", e);
    resolve(library, api.slist_append, "curl_slist_append", e);
    resolve(library, api.slist_free_all, "curl_slist_free_all", e);
    resolve(library, api.url, "curl_url", e);
    resolve(library, api.url_cleanup, "curl_url_cleanup", e);
    resolve(library, api.url_set, "curl_url_set", e);
    resolve(library, api.url_get, "curl_url_get", e);
    resolve(library, api.free, "curl_free", e);
    resolve(library, api.multi_init, "curl_multi_init", e);
    resolve(library, api.multi_cleanup, "curl_multi_cleanup", e);
    resolve(library, api.multi_setopt, "curl_multi_setopt", e);
    resolve(library, api.multi_add_handle, "curl_multi_add_handle", e);
    resolve(library, api.multi_remove_handle, "curl_multi_remove_handle", e);
    resolve(library, api.multi_perform, "curl_multi_perform", e);
    resolve(library, api.multi_poll, "curl_multi_poll", e);
    resolve(library, api.multi_info_read, "curl_multi_info_read", e);
    resolve(library, api.multi_socket_action, "curl_multi_socket_action", e);
    resolve(library, api.multi_strerror, "curl_multi_strerror", e);
    return api;
}

} // namespace

const CurlApi &curlApi()
{
    static const CurlApi api = load();
    return api;
}

} // namespace cl
