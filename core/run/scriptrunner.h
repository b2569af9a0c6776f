// Runs a Python script of the teacher's off the GUI thread (File → Run a Python script…), and
// probes an interpreter the same way: the window never waits for python3. The script's output
// and its threads' spans come back as it runs, its result when it ends, all by queued signals.
#pragma once

#include "python/interpreter.h"
#include "python/pythonrun.h"
#include "run/spansink.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>
#include <thread>

namespace cl {

class ScriptRunner : public QObject {
    Q_OBJECT
public:
    explicit ScriptRunner(QObject *parent = nullptr);
    ~ScriptRunner() override; // stops a script still running and waits for it

    bool isRunning() const { return running_; }
    // Ignored while a script runs. `python`: a path or a name on PATH (empty: python3).
    void start(const QString &python, const QString &script, const QStringList &arguments);
    void cancel(); // kills the script's whole process tree at once
    // Asks `python` what it is, on a thread of its own: probed() follows.
    void probe(const QString &python);

signals:
    void started(const QString &script);
    void output(const QByteArray &bytes, bool isError);
    void liveSpans(const cl::SpanSink::Snapshot &snapshot);
    void finished(const cl::TreeRun &run);
    void probed(const QString &python, const cl::PythonProbe &result);

private:
    struct Shared {
        SpanSink live;
    };
    void onFinished(quint64 generation, const cl::TreeRun &run);
    void onProbed(const QString &python, const cl::PythonProbe &result);

    std::shared_ptr<Shared> shared_;
    std::jthread worker_;
    std::jthread prober_;
    QTimer poll_;
    quint64 generation_ = 0;
    bool running_ = false;
    bool probing_ = false; // a probe is under way (GUI thread only)
    std::optional<QString> pendingProbe_; // asked for meanwhile
};

} // namespace cl

Q_DECLARE_METATYPE(cl::TreeRun)
Q_DECLARE_METATYPE(cl::PythonProbe)
