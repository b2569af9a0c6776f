// The GIL's classic pitfalls for the window: the race's and the convoy's variants, one after
// another on a thread of their own. Each result comes back as a value on the owner's thread; Stop
// ends the one running at once. The convoy gets a demo server of its own that answers in a
// millisecond (kConvoyServerDelayMs), whatever the lesson's server is set to.
#pragma once

#include "server/demoserver.h"
#include "workloads/convoy.h"
#include "workloads/race.h"

#include <QObject>

#include <functional>
#include <stop_token>
#include <thread>

namespace cl {

class PitfallRunner : public QObject {
    Q_OBJECT
public:
    explicit PitfallRunner(QObject *parent = nullptr);
    ~PitfallRunner() override; // stops and joins

    bool isRunning() const { return running_; }
    // False (nothing happens) while one runs; the convoy also when its server cannot start.
    bool startRaces(const QList<RaceSpec> &races);
    // A convoy with no URL gets the runner's own demo server.
    bool startConvoys(QList<ConvoySpec> convoys, QString *error);
    void cancel();

signals:
    void started();
    void raceFinished(const cl::RaceSpec &spec, const cl::RaceResult &result);
    void convoyFinished(const cl::ConvoySpec &spec, const cl::ConvoyResult &result);
    void progress(qint64 done, qint64 total); // variants done of those asked for
    void finished(bool cancelled);

private:
    bool launch(std::function<void(std::stop_token)> work);
    // Runs `deliver` on the owner's thread (dropped if the runner is gone by then).
    void post(std::function<void()> deliver);

    DemoServer fastServer_; // the convoy's, started on first use
    std::jthread thread_;
    bool running_ = false;
};

} // namespace cl

Q_DECLARE_METATYPE(cl::RaceSpec)
Q_DECLARE_METATYPE(cl::RaceResult)
Q_DECLARE_METATYPE(cl::ConvoySpec)
Q_DECLARE_METATYPE(cl::ConvoyResult)
