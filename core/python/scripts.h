// The lesson's experiments as Python scripts (resources/python, built into the binary and
// installed beside it): each reads its parameters from its command line, does only the work and
// prints its count, so the app measures it from outside like its own runs.
#pragma once

#include "experiment/experiment.h"

#include <QByteArray>
#include <QStringList>
#include <QTemporaryDir>

namespace cl {

// The scripts' file names, and one's text from the resources (empty when there is no such script).
QStringList pythonScriptNames();
QByteArray pythonScriptSource(const QString &name);

// Every script written into a fresh temporary directory (they import each other), removed with it.
class ScriptDir {
public:
    ScriptDir();
    bool ok() const { return error_.isEmpty(); }
    QString error() const { return error_; }
    QString path() const { return dir_.path(); }
    QString file(const QString &name) const { return dir_.filePath(name); }

private:
    QTemporaryDir dir_;
    QString error_;
};

struct ScriptCall {
    QString script; // empty: the lesson has no script for this experiment
    QStringList arguments;
};
// The script that runs `spec` and its arguments.
ScriptCall pythonScriptFor(const ExperimentSpec &spec);

} // namespace cl
