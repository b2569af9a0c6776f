// A child process started with posix_spawn (vfork semantics in glibc: the app's page tables are
// not copied, so spawning 16 workers does not stall the GUI thread the way fork() did), with
// its stdout and stderr read through socket notifiers on the owner's event loop.
#pragma once

#include <QObject>
#include <QSocketNotifier>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <sys/types.h>

namespace cl {

class SpawnedProcess : public QObject {
    Q_OBJECT
public:
    explicit SpawnedProcess(QObject *parent = nullptr);
    ~SpawnedProcess() override; // kills and reaps a child still running

    // False (with `errorString()`) when the program could not be started.
    bool start(const QString &program, const QStringList &arguments);
    void kill(); // SIGKILL and reap; finished() follows at once
    bool isRunning() const { return pid_ > 0; }
    pid_t pid() const { return pid_; }
    QString errorString() const { return error_; }
    // After finished(): the exit code, or -1 and the signal that killed it.
    int exitCode() const { return exitCode_; }
    int termSignal() const { return termSignal_; }

signals:
    void standardOutput(const QByteArray &bytes);
    void standardError(const QByteArray &bytes);
    void finished(); // once: both streams closed and the child reaped, or killed

private:
    void readFrom(int &fd, std::unique_ptr<QSocketNotifier> &notifier, bool isStdout);
    bool reap(bool block);
    void finish();
    void closeFd(int &fd, std::unique_ptr<QSocketNotifier> &notifier);

    pid_t pid_ = 0;
    int outFd_ = -1, errFd_ = -1;
    std::unique_ptr<QSocketNotifier> outNotifier_, errNotifier_;
    QString error_;
    int exitCode_ = -1, termSignal_ = 0;
    bool finished_ = false;
    QTimer *reapPoll_ = nullptr;
};

} // namespace cl
