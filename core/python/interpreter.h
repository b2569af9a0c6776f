// The machine's real CPython: which one, what it is, and which of the lesson's scripts it can run.
#pragma once

#include "experiment/experiment.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace cl {

inline constexpr char kDefaultPython[] = "python3";

struct PythonInfo {
    QString program; // what the app runs: the interpreter's own sys.executable (not a launcher before it)
    QString version; // "3.11.2"
    QString implementation; // "CPython"
    bool freeThreadedBuild = false; // Py_GIL_DISABLED: 3.13t, 3.14t
    bool gilEnabled = true; // sys._is_gil_enabled() where it exists
    QString startMethod; // multiprocessing's default here: "fork" (3.11–3.13), "forkserver" (3.14)
    QStringList modules; // of requests, aiohttp and concurrent.interpreters, those it can import
    bool has(const QString &module) const { return modules.contains(module); }
    // "CPython 3.11.2, GIL, start method fork (/usr/bin/python3)"
    QString summary() const;
    bool operator==(const PythonInfo &) const = default;
};

struct PythonProbe {
    std::optional<PythonInfo> info;
    QString error; // why there is none: not found, not runnable, not Python
};

// Finds `python` (a path, or a name looked up on PATH; empty: python3) and asks it what it is.
// Blocks for as long as the interpreter takes to start (tens of ms): not on the GUI thread.
PythonProbe probePython(const QString &python, int timeoutMs = 10'000);

// Empty when `spec` can run on this interpreter; otherwise why not, in one line: the lesson has no
// script for it, a module the script needs is missing, or it needs a newer or free-threaded build.
QString pythonUnavailable(const ExperimentSpec &spec, const PythonInfo &info);

} // namespace cl
