// A child process, with its stdout and stderr read through socket notifiers on the owner's event
// loop and (optionally) a pipe to its stdin. Three ways to start one, multiprocessing's start
// methods: posix_spawn of a program (spawn: vfork semantics in glibc, the app's page tables are not
// copied, so spawning 16 workers does not stall the GUI thread), fork() of this process running a
// function (fork), or a request to a forkserver (forkserver).
#pragma once

#include "monitor/ownusage.h"
#include "util/uniquefd.h"

#include <QObject>
#include <QSocketNotifier>
#include <QStringList>
#include <QTimer>

#include <array>
#include <functional>
#include <memory>
#include <sys/types.h>

namespace cl {

class ForkServer;

class SpawnedProcess : public QObject {
    Q_OBJECT
public:
    enum class Stdin { Null, Pipe };
    explicit SpawnedProcess(QObject *parent = nullptr);
    ~SpawnedProcess() override; // kills and reaps a child still running

    // Each false (with `errorString()`) when the child could not be started.
    bool start(const QString &program, const QStringList &arguments, Stdin in = Stdin::Null);
    // `child` runs in a fork of this process with the pipes on descriptors 0-2 and nothing else
    // open (becomeForkedChild); its return value is the exit code. Only what is safe after fork() in a multi-threaded
    // process belongs there: no locks other threads may hold, no threads.
    bool startForked(const std::function<int()> &child, Stdin in = Stdin::Null);
    bool startVia(ForkServer &server, const QStringList &arguments, Stdin in = Stdin::Null);
    // Spawned with its output to /dev/null and nothing to read: usable from any thread (no
    // notifiers); kill() and the destructor still kill and reap it.
    bool startDiscardingOutput(const QString &program, const QStringList &arguments);

    // Before start(): the child leads a process group of its own, and kill() kills the whole group
    // (the child's own children too). Spawned programs only.
    void setOwnProcessGroup(bool on) { ownGroup_ = on; }
    pid_t pid() const { return pid_; } // 0 once reaped
    // After finished(): the CPU time of the child and of every descendant it waited for (wait4).
    CpuTimes cpuTimes() const { return cpu_; }

    bool write(const QByteArray &bytes); // to its stdin (Stdin::Pipe: a socket); false when it is gone
    void kill(); // SIGKILL and reap; finished() follows at once
    QString errorString() const { return error_; } // it could not start
    QString lostReason() const { return lost_; } // its forkserver died: exit status unknown
    // After finished(): the exit code, or -1 and the signal that killed it.
    int exitCode() const { return exitCode_; }
    int termSignal() const { return termSignal_; }

signals:
    void standardOutput(const QByteArray &bytes);
    void standardError(const QByteArray &bytes);
    void finished(); // once: both streams closed and the child reaped, or killed

private:
    struct Pipes;
    bool openPipes(Pipes &pipes, Stdin in);
    void adopt(Pipes &pipes);
    bool failStart(const QString &why);
    bool spawn(const QString &program, const QStringList &arguments, const std::array<int, 3> &stdio);
    void readFrom(UniqueFd &fd, std::unique_ptr<QSocketNotifier> &notifier, bool isStdout);
    bool reap(bool block);
    bool learnPid(int timeoutMs);
    bool reapFromServer(bool block);
    void killServed();
    void setWaitStatus(int status);
    void finish();
    void closeStream(UniqueFd &fd, std::unique_ptr<QSocketNotifier> &notifier);

    pid_t pid_ = 0;
    UniqueFd in_, out_, err_;
    UniqueFd serverStatus_; // started by a forkserver: its pid, then its wait status come from there
    bool pidPending_ = false; // asked a forkserver, its pid not read yet
    std::unique_ptr<QSocketNotifier> outNotifier_, errNotifier_;
    QString error_, lost_;
    int exitCode_ = -1, termSignal_ = 0;
    bool finished_ = false;
    bool ownGroup_ = false;
    CpuTimes cpu_;
    QTimer *reapPoll_ = nullptr;
};

} // namespace cl
