// libcurl, loaded on first use (dlopen, RTLD_LOCAL) rather than linked: a process that never makes
// a request (the window until an IO run, a CPU worker) does not map it and its 30-odd libraries,
// and one that does keeps them out of the global symbol scope every other symbol is looked up in.
// Linked, they cost each spawned child 7 ms (23 ms instead of 16 ms from exec to exit), most of it
// the dynamic loader's symbol lookups (see README, "Why libcurl is loaded at run time").
#pragma once

#define CURL_DISABLE_TYPECHECK
#include <curl/curl.h>

#include <QString>

namespace cl {

struct CurlApi {
    decltype(&::curl_easy_init) easy_init = nullptr;
    decltype(&::curl_easy_cleanup) easy_cleanup = nullptr;
    decltype(&::curl_easy_setopt) easy_setopt = nullptr;
    decltype(&::curl_easy_getinfo) easy_getinfo = nullptr;
    decltype(&::curl_easy_strerror) easy_strerror = nullptr;
    decltype(&::curl_slist_append) slist_append = nullptr;
    decltype(&::curl_slist_free_all) slist_free_all = nullptr;
    decltype(&::curl_url) url = nullptr;
    decltype(&::curl_url_cleanup) url_cleanup = nullptr;
    decltype(&::curl_url_set) url_set = nullptr;
    decltype(&::curl_url_get) url_get = nullptr;
    decltype(&::curl_free) free = nullptr;
    decltype(&::curl_multi_init) multi_init = nullptr;
    decltype(&::curl_multi_cleanup) multi_cleanup = nullptr;
    decltype(&::curl_multi_setopt) multi_setopt = nullptr;
    decltype(&::curl_multi_add_handle) multi_add_handle = nullptr;
    decltype(&::curl_multi_remove_handle) multi_remove_handle = nullptr;
    decltype(&::curl_multi_perform) multi_perform = nullptr;
    decltype(&::curl_multi_poll) multi_poll = nullptr;
    decltype(&::curl_multi_info_read) multi_info_read = nullptr;
    decltype(&::curl_multi_socket_action) multi_socket_action = nullptr;
    decltype(&::curl_multi_strerror) multi_strerror = nullptr;
    QString error; // why it could not be loaded; empty when every function above is there
    bool loaded() const { return error.isEmpty(); }
};

// Loaded once per process (thread-safe); the same table afterwards, even when loading failed.
const CurlApi &curlApi();

} // namespace cl
