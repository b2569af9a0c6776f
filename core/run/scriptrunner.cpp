#include "run/scriptrunner.h"

#include "util/clock.h"

#include <QFileInfo>
#include <QPointer>

namespace cl {

namespace {
constexpr int kLivePollMs = 100;
} // namespace

ScriptRunner::ScriptRunner(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<cl::TreeRun>();
    qRegisterMetaType<cl::PythonProbe>();
    qRegisterMetaType<cl::SpanSink::Snapshot>();
    connect(&poll_, &QTimer::timeout, this, [this] {
        if (shared_)
            emit liveSpans(shared_->live.take());
    });
}

ScriptRunner::~ScriptRunner()
{
    cancel();
}

void ScriptRunner::start(const QString &python, const QString &script, const QStringList &arguments)
{
    if (running_)
        return;
    running_ = true;
    const quint64 generation = ++generation_;
    auto shared = std::make_shared<Shared>();
    shared_ = shared;
    emit started(script);
    QPointer<ScriptRunner> self(this);
    worker_ = std::jthread([self, shared, python, script, arguments, generation](std::stop_token stop) {
        const PythonProbe probe = probePython(python);
        TreeRun run;
        if (!probe.info) {
            run.startError = probe.error;
        } else {
            TreeRunOptions options;
            options.originNs = monotonicNs();
            options.live = &shared->live;
            options.onOutput = [self](const QByteArray &bytes, bool isError) {
                QMetaObject::invokeMethod(
                    self,
                    [self, bytes, isError] {
                        if (self)
                            emit self->output(bytes, isError);
                    },
                    Qt::QueuedConnection);
            };
            shared->live.beginRun(options.originNs);
            run = runTree(probe.info->program, QStringList{QStringLiteral("-u"), script} + arguments, stop, options);
        }
        QMetaObject::invokeMethod(
            self,
            [self, generation, run] {
                if (self)
                    self->onFinished(generation, run);
            },
            Qt::QueuedConnection);
    });
    poll_.start(kLivePollMs);
}

void ScriptRunner::cancel()
{
    if (!running_)
        return;
    worker_.request_stop();
    worker_.join(); // within one stop poll: the script's group is killed at once
}

void ScriptRunner::onFinished(quint64 generation, const TreeRun &run)
{
    if (generation != generation_)
        return;
    poll_.stop();
    if (shared_)
        emit liveSpans(shared_->live.take());
    running_ = false;
    emit finished(run);
}

void ScriptRunner::probe(const QString &python)
{
    if (probing_) { // never wait on the GUI thread for an interpreter that may hang: ask again after
        pendingProbe_ = python;
        return;
    }
    if (prober_.joinable())
        prober_.join(); // it has already posted its answer: this returns at once
    probing_ = true;
    QPointer<ScriptRunner> self(this);
    prober_ = std::jthread([self, python] {
        const PythonProbe result = probePython(python);
        QMetaObject::invokeMethod(
            self,
            [self, python, result] {
                if (self)
                    self->onProbed(python, result);
            },
            Qt::QueuedConnection);
    });
}

void ScriptRunner::onProbed(const QString &python, const PythonProbe &result)
{
    probing_ = false;
    emit probed(python, result);
    if (pendingProbe_) {
        const QString next = *std::exchange(pendingProbe_, std::nullopt);
        probe(next);
    }
}

} // namespace cl
