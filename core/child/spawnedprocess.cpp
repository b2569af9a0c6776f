#include "child/spawnedprocess.h"

#include "child/childworker.h"
#include "child/forkserver.h"

#include <QFile>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace cl {

namespace {

QString errnoText(int e)
{
    return QString::fromLocal8Bit(std::strerror(e));
}

// How long kill() waits for a forkserver to report the worker it killed as reaped.
constexpr int kServerReapTimeoutMs = 3000;

} // namespace

// The child's ends (given to it) and ours, each closed on exec.
struct SpawnedProcess::Pipes {
    UniqueFd childIn, childOut, childErr;
    UniqueFd in, out, err;
};

SpawnedProcess::SpawnedProcess(QObject *parent) : QObject(parent) { }

SpawnedProcess::~SpawnedProcess()
{
    blockSignals(true);
    kill();
}

bool SpawnedProcess::failStart(const QString &why)
{
    pid_ = 0;
    error_ = why;
    return false;
}

bool SpawnedProcess::openPipes(Pipes &p, Stdin in)
{
    int fds[2];
    auto pipe = [&](UniqueFd &read, UniqueFd &write) {
        if (::pipe2(fds, O_CLOEXEC) != 0)
            return false;
        read.reset(fds[0]);
        write.reset(fds[1]);
        return true;
    };
    // Its stdin: a socket, so a write to a child that died fails with EPIPE instead of raising
    // SIGPIPE in a host that did not ignore it (MSG_NOSIGNAL); /dev/null when nothing is written.
    auto socket = [&](UniqueFd &theirs, UniqueFd &ours) {
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
            return false;
        theirs.reset(fds[0]);
        ours.reset(fds[1]);
        return ::shutdown(fds[0], SHUT_WR) == 0 && ::shutdown(fds[1], SHUT_RD) == 0;
    };
    const bool stdinOk
        = in == Stdin::Pipe ? socket(p.childIn, p.in) : (p.childIn.reset(::open("/dev/null", O_RDONLY | O_CLOEXEC)), bool(p.childIn));
    if (stdinOk && pipe(p.out, p.childOut) && pipe(p.err, p.childErr))
        return true;
    return failStart(errnoText(errno));
}

void SpawnedProcess::adopt(Pipes &p)
{
    in_ = std::move(p.in);
    out_ = std::move(p.out);
    err_ = std::move(p.err);
    outNotifier_ = std::make_unique<QSocketNotifier>(out_.get(), QSocketNotifier::Read);
    errNotifier_ = std::make_unique<QSocketNotifier>(err_.get(), QSocketNotifier::Read);
    connect(outNotifier_.get(), &QSocketNotifier::activated, this, [this] { readFrom(out_, outNotifier_, true); });
    connect(errNotifier_.get(), &QSocketNotifier::activated, this, [this] { readFrom(err_, errNotifier_, false); });
}

bool SpawnedProcess::start(const QString &program, const QStringList &arguments, Stdin in)
{
    Pipes p;
    if (!openPipes(p, in) || !spawn(program, arguments, {p.childIn.get(), p.childOut.get(), p.childErr.get()}))
        return false;
    adopt(p);
    return true;
}

bool SpawnedProcess::startDiscardingOutput(const QString &program, const QStringList &arguments)
{
    const UniqueFd null(::open("/dev/null", O_RDWR | O_CLOEXEC));
    if (!null)
        return failStart(errnoText(errno));
    return spawn(program, arguments, {null.get(), null.get(), null.get()});
}

bool SpawnedProcess::spawn(const QString &program, const QStringList &arguments, const std::array<int, 3> &stdio)
{
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    for (int target = 0; target < 3; ++target)
        posix_spawn_file_actions_adddup2(&actions, stdio[std::size_t(target)], target);
    const QByteArray path = QFile::encodeName(program);
    QList<QByteArray> args{path};
    for (const QString &a : arguments)
        args.append(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    if (ownGroup_) {
        posix_spawnattr_setpgroup(&attr, 0);
        posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    }
    const int rc = posix_spawn(&pid_, path.constData(), &actions, &attr, argv.data(), environ);
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&actions);
    return rc == 0 || failStart(errnoText(rc));
}

bool SpawnedProcess::startForked(const std::function<int()> &child, Stdin in)
{
    Pipes p;
    if (!openPipes(p, in))
        return false;
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(p.childIn.get(), 0);
        ::dup2(p.childOut.get(), 1);
        ::dup2(p.childErr.get(), 2);
        becomeForkedChild();
        _exit(child());
    }
    if (pid < 0)
        return failStart(errnoText(errno));
    pid_ = pid;
    adopt(p);
    return true;
}

bool SpawnedProcess::startVia(ForkServer &server, const QStringList &arguments, Stdin in)
{
    Pipes p;
    if (!openPipes(p, in))
        return false;
    QString why;
    auto status = server.fork(arguments, p.childIn.get(), p.childOut.get(), p.childErr.get(), &why);
    if (!status)
        return failStart(why);
    serverStatus_ = std::move(*status); // its pid follows there: not waited for, the hello comes first
    pidPending_ = true;
    adopt(p);
    return true;
}

bool SpawnedProcess::write(const QByteArray &bytes)
{
    qsizetype done = 0;
    while (in_ && done < bytes.size()) {
        const ssize_t n = ::send(in_.get(), bytes.constData() + done, std::size_t(bytes.size() - done), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return bool(in_);
}

void SpawnedProcess::readFrom(UniqueFd &fd, std::unique_ptr<QSocketNotifier> &notifier, bool isStdout)
{
    char buffer[16 * 1024];
    const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n > 0) {
        const QByteArray bytes(buffer, n);
        isStdout ? emit standardOutput(bytes) : emit standardError(bytes);
        return;
    }
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    closeStream(fd, notifier); // end of stream
    if (out_ || err_)
        return;
    if (reap(false))
        return finish();
    // Both streams closed but the child lives on: look again shortly, never block.
    reapPoll_ = new QTimer(this);
    connect(reapPoll_, &QTimer::timeout, this, [this] {
        if (reap(false))
            finish();
    });
    reapPoll_->start(5);
}

void SpawnedProcess::finish()
{
    if (finished_)
        return;
    finished_ = true;
    if (reapPoll_)
        reapPoll_->stop();
    emit finished();
}

void SpawnedProcess::closeStream(UniqueFd &fd, std::unique_ptr<QSocketNotifier> &notifier)
{
    notifier.reset();
    fd.reset();
}

void SpawnedProcess::setWaitStatus(int status)
{
    pid_ = 0;
    exitCode_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    termSignal_ = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

// The pid the forkserver answered with; false when it has not answered yet. A server that could
// not fork or died leaves nothing to reap, and says why.
bool SpawnedProcess::learnPid(int timeoutMs)
{
    bool closed = false;
    const auto pid = readStatusMessage(serverStatus_.get(), timeoutMs, &closed);
    if (!pid && !closed)
        return false;
    pidPending_ = false;
    if (pid && *pid > 0)
        return pid_ = pid_t(*pid), true;
    lost_ = pid ? QStringLiteral("its forkserver could not fork it: %1").arg(errnoText(-*pid))
                : QStringLiteral("its forkserver died before it answered");
    serverStatus_.reset();
    return true;
}

bool SpawnedProcess::reapFromServer(bool block)
{
    const int timeoutMs = block ? kServerReapTimeoutMs : 0;
    if (pidPending_ && !learnPid(timeoutMs)) {
        if (!block)
            return false;
        lost_ = QStringLiteral("its forkserver did not answer");
        serverStatus_.reset();
        return true;
    }
    if (!serverStatus_)
        return true; // it never ran
    bool closed = false;
    if (const auto status = readStatusMessage(serverStatus_.get(), timeoutMs, &closed)) {
        setWaitStatus(*status);
    } else if (closed || block) { // the server died (its workers die with it) or does not answer
        pid_ = 0;
        lost_ = closed ? QStringLiteral("its forkserver died") : QStringLiteral("its forkserver did not report it reaped");
    } else {
        return false;
    }
    serverStatus_.reset();
    return true;
}

// Kills a forkserver's worker: its pid first (it may not be known yet), and only while the
// server has not reported it reaped, since a reaped worker's pid may be someone else's by now.
void SpawnedProcess::killServed()
{
    if (pidPending_ && !learnPid(kServerReapTimeoutMs)) {
        lost_ = QStringLiteral("its forkserver did not answer");
        serverStatus_.reset();
        return;
    }
    if (serverStatus_ && !reapFromServer(false)) {
        ::kill(pid_, SIGKILL);
        reapFromServer(true);
    }
}

bool SpawnedProcess::reap(bool block)
{
    if (serverStatus_)
        return reapFromServer(block);
    if (pid_ <= 0)
        return true;
    int status = 0;
    rusage usage{};
    pid_t r;
    do
        r = ::wait4(pid_, &status, block ? 0 : WNOHANG, &usage);
    while (r < 0 && errno == EINTR);
    if (r != pid_)
        return false;
    const auto seconds = [](const timeval &tv) { return double(tv.tv_sec) + double(tv.tv_usec) / 1e6; };
    cpu_ = {seconds(usage.ru_utime), seconds(usage.ru_stime)};
    setWaitStatus(status);
    return true;
}

void SpawnedProcess::kill()
{
    if (serverStatus_) {
        killServed();
    } else if (pid_ > 0) {
        ::kill(ownGroup_ ? -pid_ : pid_, SIGKILL);
        if (!reap(true)) { // reaped now: no zombie is left behind
            pid_ = 0; // (or someone else reaped it: nothing left to wait for)
            termSignal_ = SIGKILL;
        }
    }
    in_.reset();
    closeStream(out_, outNotifier_);
    closeStream(err_, errNotifier_);
    if (!error_.isEmpty() || exitCode_ != -1 || termSignal_ != 0 || !lost_.isEmpty())
        finish();
}

} // namespace cl
