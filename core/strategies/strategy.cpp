#include "strategies/strategy.h"

#include "child/forkserver.h"
#include "python/pythonrun.h"

#include <QCoreApplication>

namespace cl {

// Each strategy's run function, in the file of the same name in this folder.
Measured runSequential(const RunContext &run);
Measured runThreads(const RunContext &run);
Measured runProcesses(const RunContext &run);
Measured runAsync(const RunContext &run);
Measured runInterpreters(const RunContext &run);

const QList<StrategyDescriptor> &strategyTable()
{
    using K = WorkerKind;
    // clang-format off
    //        id                    key           name                                              kind        GIL    one    task/req resolve pool   children max      lesson (cpu, io)  run
    static const QList<StrategyDescriptor> table{
        {Strategy::Sequential, "sequential", QT_TRANSLATE_NOOP("Strategy", "sequential"), K::Main,    false, true,  false, false, false, false, 1,       {1, 1},    runSequential,
         QT_TRANSLATE_NOOP("Strategy", "One worker: one core busy at a time, every wait one after another.")},
        {Strategy::Threads,    "threads",    QT_TRANSLATE_NOOP("Strategy", "threads"),    K::Thread,  true,  false, false, false, true,  false, 1024,    {2, 64},   runThreads,
         QT_TRANSLATE_NOOP("Strategy", "With the GIL the threads take turns: CPU-bound work stays at one core's worth, while IO waits overlap. Free-threaded, they fill the cores.")},
        {Strategy::Interpreters, "interpreters", QT_TRANSLATE_NOOP("Strategy", "subinterpreters"), K::Interpreter, true, false, false, false, true, false, 1024, {2, 64}, runInterpreters,
         QT_TRANSLATE_NOOP("Strategy", "A GIL per interpreter (Python 3.12+): CPU-bound work fills the cores inside one process, and no lane ever waits for a GIL.")},
        {Strategy::Processes,  "processes",  QT_TRANSLATE_NOOP("Strategy", "processes"),  K::Process, true,  false, false, true,  true,  true,  256,     {2, 16},   runProcesses,
         QT_TRANSLATE_NOOP("Strategy", "A process per worker, each with its own interpreter and GIL: every core busy, after a start-up cost.")},
        {Strategy::Async,      "async",      QT_TRANSLATE_NOOP("Strategy", "async"),      K::Task,    false, false, true,  false, false, false, 100'000, {2, 100},  runAsync,
         QT_TRANSLATE_NOOP("Strategy", "One thread, one event loop: the IO waits overlap, the CPU work does not.")},
    };
    // clang-format on
    return table;
}

RunResources::RunResources() = default;
RunResources::~RunResources() = default;

const StrategyDescriptor &describe(Strategy s)
{
    const auto &table = strategyTable();
    for (const auto &d : table)
        if (d.id == s)
            return d;
    return table.first(); // unreachable for a valid enumerator
}

QString StrategyDescriptor::displayName() const
{
    return QCoreApplication::translate("Strategy", name);
}

QString StrategyDescriptor::watchForText() const
{
    return QCoreApplication::translate("Strategy", watchFor);
}

QString toString(Strategy s)
{
    return QLatin1String(describe(s).key);
}

std::optional<Strategy> strategyFromString(const QString &s)
{
    for (const auto &d : strategyTable())
        if (s.compare(QLatin1String(d.key), Qt::CaseInsensitive) == 0)
            return d.id;
    return std::nullopt;
}

QStringList strategyKeys(bool sweepableOnly)
{
    QStringList keys;
    for (const auto &d : strategyTable())
        if (!sweepableOnly || d.sweepable())
            keys.append(QLatin1String(d.key));
    return keys;
}

QList<Strategy> allStrategies()
{
    QList<Strategy> out;
    for (const auto &d : strategyTable())
        out.append(d.id);
    return out;
}

} // namespace cl
