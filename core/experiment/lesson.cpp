#include "experiment/lesson.h"

#include <QtGlobal>

namespace cl {

namespace {
ExperimentSpec make(Workload w, Strategy s, int workers, const QString &url)
{
    ExperimentSpec spec;
    spec.workload = w;
    spec.strategy = s;
    spec.workers = workers;
    spec.url = url;
    return spec;
}

// The notebook ran Python 3.5 on macOS, where multiprocessing forked its children (spawn became
// macOS's default in 3.8); its module-level result_queue only works that way. Run like that, real
// CPython's processes are as fast as the notebook's; spawned, each child first starts an
// interpreter and imports the cell's module again, which outweighs a 0.25 s count here.
ExperimentSpec forked(ExperimentSpec spec)
{
    spec.startMethod = StartMethod::Fork;
    return spec;
}
} // namespace

QList<LessonExperiment> lessonExperiments(const QString &url)
{
    using W = Workload;
    using S = Strategy;
    return {
        {QT_TRANSLATE_NOOP("Lesson", "CPU: sequential"), "In [60]", QT_TRANSLATE_NOOP("Lesson", "One core at 100 %, the others idle."),
            1.37, make(W::Cpu, S::Sequential, 1, url)},
        {QT_TRANSLATE_NOOP("Lesson", "CPU: 2 threads"), "In [63]",
            QT_TRANSLATE_NOOP(
                "Lesson", "Total CPU stays at one core's worth, hopping between cores: the GIL lets one thread run at a time."),
            1.43, make(W::Cpu, S::Threads, 2, url)},
        {QT_TRANSLATE_NOOP("Lesson", "CPU: 2 processes"), "In [65]",
            QT_TRANSLATE_NOOP("Lesson", "Two cores at 100 %: each process has its own interpreter and its own GIL."), 0.736,
            forked(make(W::Cpu, S::Processes, 2, url))},
        {QT_TRANSLATE_NOOP("Lesson", "IO: 100 requests, sequential"), "In [86]",
            QT_TRANSLATE_NOOP("Lesson", "The cores stay idle: the program spends its time waiting for the server."), 11.1,
            make(W::Io, S::Sequential, 1, url)},
        {QT_TRANSLATE_NOOP("Lesson", "IO: 64 threads"), "In [93]",
            QT_TRANSLATE_NOOP("Lesson", "Threads release the GIL while they wait, so the waits overlap."), 0.452,
            make(W::Io, S::Threads, 64, url)},
        {QT_TRANSLATE_NOOP("Lesson", "IO: 16 processes"), "In [90]",
            QT_TRANSLATE_NOOP("Lesson", "Processes overlap the waits too, but cost more to start."), 0.842,
            forked(make(W::Io, S::Processes, 16, url))},
        {QT_TRANSLATE_NOOP("Lesson", "IO: async, all at once"), "In [94]",
            QT_TRANSLATE_NOOP("Lesson", "One thread, every request in flight at once: the fastest and the lightest."), 0.232,
            make(W::Io, S::Async, 100, url)},
    };
}

std::optional<int> lessonIndexOf(const ExperimentSpec &spec)
{
    const QList<LessonExperiment> lesson = lessonExperiments({});
    for (qsizetype i = lesson.size() - 1; i >= 0; --i) {
        const ExperimentSpec &l = lesson[i].spec;
        if (l.workload == spec.workload && l.strategy == spec.strategy && l.effectiveWorkers() == spec.effectiveWorkers() && spec.gil
            && l.items() == spec.items() && l.pool == spec.pool && l.startMethod == spec.startMethod
            && l.switchIntervalUs == spec.switchIntervalUs)
            return int(i);
    }
    return std::nullopt;
}

} // namespace cl
