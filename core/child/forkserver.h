// The forkserver start method (multiprocessing's, Python 3.14's default on Linux): a small
// single-threaded process, this binary started once in the hidden `forkserver` mode, forks each
// worker on request. Forking it costs a fraction of a millisecond, and the child inherits no
// threads, locks or sockets of the app's.
//
// The protocol, on a SOCK_SEQPACKET socket pair (fd 3 in the server):
//   request: the worker's arguments joined by NUL bytes, with four descriptors attached: the
//            child's stdin, stdout and stderr, and a status socket;
//   reply, on the status socket: the child's pid (int32; minus errno when fork failed), and once
//            the server has reaped it, its wait status (int32). EOF before that: the server died.
// When the app closes the control socket (or dies), the server kills and reaps its children and exits.
#pragma once

#include "util/uniquefd.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <sys/types.h>

namespace cl {

inline constexpr const char *kForkServerCommand = "forkserver";

// The server; argv[1] is "forkserver". Returns the process exit code.
int runForkServerMode(int argc, char **argv);

class ForkServer {
public:
    explicit ForkServer(QString executable) : executable_(std::move(executable)) { }
    ~ForkServer(); // the server kills and reaps its workers and exits; then it is reaped
    ForkServer(const ForkServer &) = delete;
    ForkServer &operator=(const ForkServer &) = delete;

    // Starts the server if it is not running and asks it to fork a worker with `arguments`
    // (without the leading "worker") on the given stdin, stdout and stderr. Returns at once,
    // without waiting for the answer: the worker's status socket, where its pid arrives and then
    // its wait status (readStatusMessage). A server found dead is started again once; nullopt
    // (with `error`) when that fails too.
    std::optional<UniqueFd> fork(const QStringList &arguments, int in, int out, int err, QString *error);
    pid_t pid() const { return pid_; }
    int starts() const { return starts_; } // how many times the server was started

private:
    bool start(QString *error);
    void stop();
    std::optional<UniqueFd> request(const QByteArray &payload, const int (&stdio)[3], QString *error);

    QString executable_;
    pid_t pid_ = 0;
    UniqueFd control_;
    int starts_ = 0;
};

// Reads one int32 message from a status socket, waiting up to `timeoutMs` (0: do not wait).
// nullopt: nothing yet; `closed` set when the server's end is gone.
std::optional<qint32> readStatusMessage(int fd, int timeoutMs, bool *closed);

} // namespace cl
