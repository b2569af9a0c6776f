// The lesson's seven experiments, with the notebook's parameters and figures.
#pragma once

#include "experiment/experiment.h"

namespace cl {

struct LessonExperiment {
    const char *title; // untranslated; translate with QCoreApplication::translate("Lesson", title)
    const char *cell; // the notebook cell, e.g. "In [63]"
    const char *watchFor; // untranslated note: what the class should look at
    double notebookS; // the notebook's "best of 3" on a 2011 MacBook Air
    ExperimentSpec spec;
};

// `url`: where the IO experiments download from (the demo server).
QList<LessonExperiment> lessonExperiments(const QString &url);

// Which lesson experiment `spec` is, if any: the same workload, strategy, workers and items, with
// the GIL on at its usual switch interval, fresh workers and spawned processes (as the notebook ran
// them). The URL and the repeats do not matter.
std::optional<int> lessonIndexOf(const ExperimentSpec &spec);

} // namespace cl
