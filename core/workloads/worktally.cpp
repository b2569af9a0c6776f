#include "workloads/worktally.h"

namespace cl {

void WorkTally::addError(const QString &message, qint64 count)
{
    errors += count;
    if (!message.isEmpty() && errorMessages.size() < 5 && !errorMessages.contains(message))
        errorMessages.append(message);
}

void WorkTally::merge(WorkTally &&o)
{
    items += o.items;
    for (const auto &m : std::as_const(o.errorMessages))
        addError(m, 0);
    errors += o.errors;
    latenciesMs.append(std::move(o.latenciesMs));
    spans.append(std::move(o.spans));
}

} // namespace cl
