#include "child/forkserver.h"

#include "child/childworker.h"
#include "workloads/curlapi.h"

#include <QFile>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <poll.h>
#include <spawn.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <vector>

extern char **environ;

namespace cl {

namespace {

constexpr int kFdsPerRequest = 4;
constexpr std::size_t kMaxRequest = 64 * 1024;

QString errnoText(int e)
{
    return QString::fromLocal8Bit(std::strerror(e));
}

bool sendInt(int fd, qint32 value)
{
    return ::send(fd, &value, sizeof value, MSG_NOSIGNAL) == sizeof value;
}

// One request: its payload and descriptors (all closed if the message is not a valid request).
struct Request {
    QByteArray payload;
    std::vector<UniqueFd> fds;
};

// nullopt: the app closed the control socket (or it broke).
std::optional<Request> receive(int control)
{
    std::vector<char> buffer(kMaxRequest);
    iovec iov{buffer.data(), buffer.size()};
    alignas(cmsghdr) char space[CMSG_SPACE(sizeof(int) * kFdsPerRequest)];
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = space;
    msg.msg_controllen = sizeof space;
    ssize_t n;
    do
        n = ::recvmsg(control, &msg, MSG_CMSG_CLOEXEC);
    while (n < 0 && errno == EINTR);
    if (n <= 0)
        return std::nullopt;
    Request r;
    r.payload = QByteArray(buffer.data(), n);
    for (cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c))
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS)
            for (std::size_t i = 0; i < (c->cmsg_len - CMSG_LEN(0)) / sizeof(int); ++i) {
                int fd;
                std::memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof fd);
                r.fds.emplace_back(fd);
            }
    return r;
}

[[noreturn]] void runForkedWorker(const Request &r)
{
    for (int target = 0; target < 3; ++target)
        ::dup2(r.fds[std::size_t(target)].get(), target);
    becomeForkedChild();
    QStringList args;
    for (const QByteArray &a : r.payload.split('\0'))
        args.append(QString::fromLocal8Bit(a));
    QString error;
    const auto job = parseWorkerArguments(args, &error);
    if (!job) {
        std::fprintf(stderr, "concurrency-lab worker: %s\n", qPrintable(error));
        _exit(2);
    }
    const int code = serveWorker(*job, nullptr, stdout, stdin);
    std::fflush(stdout);
    _exit(code);
}

void forkOne(Request &r, std::map<pid_t, UniqueFd> &children)
{
    if (r.fds.size() != kFdsPerRequest)
        return; // not a request: its descriptors close, the client sees EOF
    UniqueFd status = std::move(r.fds[3]);
    const pid_t pid = ::fork();
    if (pid == 0)
        runForkedWorker(r);
    if (pid < 0) {
        sendInt(status.get(), -errno);
        return;
    }
    sendInt(status.get(), pid);
    children[pid] = std::move(status);
}

void reapAll(std::map<pid_t, UniqueFd> &children)
{
    int status = 0;
    pid_t pid;
    while ((pid = ::waitpid(-1, &status, WNOHANG)) > 0)
        if (auto it = children.find(pid); it != children.end()) {
            sendInt(it->second.get(), status);
            children.erase(it);
        }
}

} // namespace

int runForkServerMode(int, char **)
{
    dieWithParent(); // the app gone: so are we, and (theirs) our workers
    std::signal(SIGPIPE, SIG_IGN);
    // Like multiprocessing's set_forkserver_preload: the HTTP client's libraries loaded once here
    // (about 10 ms), not in every forked IO worker.
    (void)curlApi();
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, nullptr);
    const UniqueFd childSignals(::signalfd(-1, &chld, SFD_CLOEXEC));
    constexpr int control = 3;
    std::map<pid_t, UniqueFd> children;
    for (bool open = true; open;) {
        pollfd fds[2]{{control, POLLIN, 0}, {childSignals.get(), POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0 && errno != EINTR)
            break;
        if (fds[1].revents & POLLIN) {
            signalfd_siginfo info;
            [[maybe_unused]] const auto n = ::read(childSignals.get(), &info, sizeof info);
            reapAll(children);
        }
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            auto request = receive(control);
            if (request)
                forkOne(*request, children);
            open = request.has_value();
        }
    }
    for (const auto &[pid, status] : children)
        ::kill(pid, SIGKILL);
    while (!children.empty()) {
        int status = 0;
        const pid_t pid = ::waitpid(-1, &status, 0);
        if (pid < 0 && errno != EINTR)
            break;
        children.erase(pid);
    }
    return 0;
}

std::optional<qint32> readStatusMessage(int fd, int timeoutMs, bool *closed)
{
    *closed = false;
    pollfd p{fd, POLLIN, 0};
    int ready;
    do
        ready = ::poll(&p, 1, timeoutMs);
    while (ready < 0 && errno == EINTR);
    if (ready <= 0)
        return std::nullopt;
    qint32 value = 0;
    const ssize_t n = ::recv(fd, &value, sizeof value, MSG_DONTWAIT);
    if (n == sizeof value)
        return value;
    *closed = n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR);
    return std::nullopt;
}

ForkServer::~ForkServer()
{
    stop();
}

bool ForkServer::start(QString *error)
{
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) != 0) {
        *error = QStringLiteral("cannot start the forkserver: %1").arg(errnoText(errno));
        return false;
    }
    UniqueFd mine(pair[0]), theirs(pair[1]);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, theirs.get(), 3);
    QByteArray path = QFile::encodeName(executable_);
    QByteArray command(kForkServerCommand);
    char *argv[] = {path.data(), command.data(), nullptr};
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, path.constData(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        *error = QStringLiteral("cannot start the forkserver %1: %2").arg(executable_, errnoText(rc));
        return false;
    }
    pid_ = pid;
    control_ = std::move(mine);
    ++starts_;
    return true;
}

void ForkServer::stop()
{
    if (pid_ <= 0)
        return;
    control_.reset(); // EOF: the server kills and reaps its workers, then exits
    for (int waited = 0; waited < 2000; ++waited) {
        int status;
        if (const pid_t r = ::waitpid(pid_, &status, WNOHANG); r == pid_ || (r < 0 && errno != EINTR))
            return void(pid_ = 0);
        ::usleep(1000);
    }
    ::kill(pid_, SIGKILL); // wedged: its workers die with it (their parent-death signal)
    int status;
    ::waitpid(pid_, &status, 0);
    pid_ = 0;
}

std::optional<UniqueFd> ForkServer::request(const QByteArray &payload, const int (&stdio)[3], QString *error)
{
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) != 0) {
        *error = QStringLiteral("cannot ask the forkserver: %1").arg(errnoText(errno));
        return std::nullopt;
    }
    UniqueFd mine(pair[0]);
    const UniqueFd theirs(pair[1]); // closed here once sent: the server holds its own copy
    const int fds[kFdsPerRequest] = {stdio[0], stdio[1], stdio[2], theirs.get()};
    iovec iov{const_cast<char *>(payload.constData()), std::size_t(payload.size())};
    alignas(cmsghdr) char space[CMSG_SPACE(sizeof fds)] = {};
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = space;
    msg.msg_controllen = sizeof space;
    cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof fds);
    std::memcpy(CMSG_DATA(c), fds, sizeof fds);
    ssize_t sent;
    do
        sent = ::sendmsg(control_.get(), &msg, MSG_NOSIGNAL);
    while (sent < 0 && errno == EINTR);
    if (sent < 0) {
        *error = QStringLiteral("the forkserver is gone (%1)").arg(errnoText(errno));
        return std::nullopt;
    }
    return mine;
}

std::optional<UniqueFd> ForkServer::fork(const QStringList &arguments, int in, int out, int err, QString *error)
{
    const QByteArray payload = arguments.join(QChar(0)).toLocal8Bit();
    if (payload.size() > qsizetype(kMaxRequest)) {
        *error = QStringLiteral("worker arguments too long for the forkserver");
        return std::nullopt;
    }
    const int stdio[3] = {in, out, err};
    if (int status; pid_ > 0 && ::waitpid(pid_, &status, WNOHANG) == pid_) { // it died since the last request
        pid_ = 0;
        control_.reset();
    }
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (pid_ <= 0 && !start(error))
            return std::nullopt;
        if (auto status = request(payload, stdio, error))
            return status;
        stop(); // dead: reaped, and started afresh on the next attempt
    }
    return std::nullopt;
}

} // namespace cl
