#include "run/pitfallrunner.h"

namespace cl {

PitfallRunner::PitfallRunner(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<cl::RaceSpec>();
    qRegisterMetaType<cl::RaceResult>();
    qRegisterMetaType<cl::ConvoySpec>();
    qRegisterMetaType<cl::ConvoyResult>();
}

PitfallRunner::~PitfallRunner()
{
    cancel();
    if (thread_.joinable())
        thread_.join();
}

void PitfallRunner::post(std::function<void()> deliver)
{
    QMetaObject::invokeMethod(this, std::move(deliver), Qt::QueuedConnection);
}

bool PitfallRunner::launch(std::function<void(std::stop_token)> work)
{
    if (running_)
        return false;
    if (thread_.joinable())
        thread_.join(); // the last one has ended: it posted its finish
    running_ = true;
    emit started();
    thread_ = std::jthread([this, work = std::move(work)](std::stop_token stop) {
        work(stop);
        post([this, cancelled = stop.stop_requested()] {
            running_ = false;
            emit finished(cancelled);
        });
    });
    return true;
}

bool PitfallRunner::startRaces(const QList<RaceSpec> &races)
{
    return launch([this, races](std::stop_token stop) {
        for (qsizetype i = 0; i < races.size() && !stop.stop_requested(); ++i) {
            const RaceResult r = runRace(races[i], stop);
            if (!r.stopped || !r.error.isEmpty())
                post([this, spec = races[i], r, done = i + 1, total = races.size()] {
                    emit raceFinished(spec, r);
                    emit progress(done, total);
                });
        }
    });
}

bool PitfallRunner::startConvoys(QList<ConvoySpec> convoys, QString *error)
{
    if (running_)
        return false;
    for (ConvoySpec &spec : convoys)
        if (spec.url.isEmpty()) {
            if (!fastServer_.isRunning() && !fastServer_.start(0, kConvoyServerDelayMs, error))
                return false;
            spec.url = fastServer_.url();
        }
    return launch([this, convoys](std::stop_token stop) {
        for (qsizetype i = 0; i < convoys.size() && !stop.stop_requested(); ++i) {
            const ConvoyResult r = runConvoy(convoys[i], stop);
            if (!r.stopped)
                post([this, spec = convoys[i], r, done = i + 1, total = convoys.size()] {
                    emit convoyFinished(spec, r);
                    emit progress(done, total);
                });
        }
    });
}

void PitfallRunner::cancel()
{
    thread_.request_stop();
}

} // namespace cl
