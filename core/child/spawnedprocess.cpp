#include "child/spawnedprocess.h"

#include <QFile>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace cl {

SpawnedProcess::SpawnedProcess(QObject *parent) : QObject(parent) { }

SpawnedProcess::~SpawnedProcess()
{
    blockSignals(true);
    kill();
}

bool SpawnedProcess::start(const QString &program, const QStringList &arguments)
{
    int out[2], err[2];
    if (::pipe2(out, O_CLOEXEC) != 0)
        return error_ = QString::fromLocal8Bit(std::strerror(errno)), false;
    if (::pipe2(err, O_CLOEXEC) != 0) {
        ::close(out[0]);
        ::close(out[1]);
        return error_ = QString::fromLocal8Bit(std::strerror(errno)), false;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    const QByteArray path = QFile::encodeName(program);
    QList<QByteArray> args{path};
    for (const QString &a : arguments)
        args.append(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const int rc = posix_spawn(&pid_, path.constData(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    ::close(err[1]);
    if (rc != 0) {
        pid_ = 0;
        ::close(out[0]);
        ::close(err[0]);
        error_ = QString::fromLocal8Bit(std::strerror(rc));
        return false;
    }
    outFd_ = out[0];
    errFd_ = err[0];
    outNotifier_ = std::make_unique<QSocketNotifier>(outFd_, QSocketNotifier::Read);
    errNotifier_ = std::make_unique<QSocketNotifier>(errFd_, QSocketNotifier::Read);
    connect(outNotifier_.get(), &QSocketNotifier::activated, this, [this] { readFrom(outFd_, outNotifier_, true); });
    connect(errNotifier_.get(), &QSocketNotifier::activated, this, [this] { readFrom(errFd_, errNotifier_, false); });
    return true;
}

void SpawnedProcess::readFrom(int &fd, std::unique_ptr<QSocketNotifier> &notifier, bool isStdout)
{
    char buffer[16 * 1024];
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
        const QByteArray bytes(buffer, n);
        isStdout ? emit standardOutput(bytes) : emit standardError(bytes);
        return;
    }
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    closeFd(fd, notifier); // end of stream
    if (outFd_ >= 0 || errFd_ >= 0)
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

void SpawnedProcess::closeFd(int &fd, std::unique_ptr<QSocketNotifier> &notifier)
{
    notifier.reset();
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

bool SpawnedProcess::reap(bool block)
{
    if (pid_ <= 0)
        return true;
    int status = 0;
    pid_t r;
    do
        r = ::waitpid(pid_, &status, block ? 0 : WNOHANG);
    while (r < 0 && errno == EINTR);
    if (r != pid_)
        return false;
    pid_ = 0;
    exitCode_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    termSignal_ = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    return true;
}

void SpawnedProcess::kill()
{
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        if (!reap(true)) { // reaped now: no zombie is left behind
            pid_ = 0; // (or someone else reaped it: nothing left to wait for)
            termSignal_ = SIGKILL;
        }
    }
    closeFd(outFd_, outNotifier_);
    closeFd(errFd_, errNotifier_);
    if (!error_.isEmpty() || exitCode_ != -1 || termSignal_ != 0)
        finish();
}

} // namespace cl
