// What workers did, tallied the same way everywhere: in a thread, on an event loop, and in a child
// process (whose report fills one too). A run's result is a tally plus its times and memory.
#pragma once

#include "experiment/span.h"

#include <QList>
#include <QStringList>

namespace cl {

struct WorkTally {
    qint64 items = 0; // steps counted or requests answered with 200
    qint64 errors = 0;
    QStringList errorMessages; // distinct, at most a few; the first is the first error seen
    QList<double> latenciesMs; // IO only, one per successful request
    QList<Span> spans;
    void addError(const QString &message, qint64 count = 1);
    void merge(WorkTally &&other);
    bool operator==(const WorkTally &) const = default;
};

} // namespace cl
