// The window's CPython side: which interpreter runs the CPython engine (File → Python
// interpreter…, remembered), what it is (probed off the GUI thread and told to the panel), and
// File → Run a Python script…: any script of the teacher's, its output in a window of its own and
// its real threads and processes live on the Timeline page.
#pragma once

#include "run/scriptrunner.h"

#include <QObject>
#include <QPointer>

#include <QDialog>
class QPlainTextEdit;
class QWidget;

namespace ui {

class Settings;
class TimelinePage;

class PythonControl : public QObject {
    Q_OBJECT
public:
    PythonControl(Settings &settings, TimelinePage &timeline, QWidget *window);
    QString interpreter() const; // what ExperimentSpec::python gets
    bool isRunning() const { return runner_.isRunning(); }
    void cancel() { runner_.cancel(); }
    QDialog *outputWindow() const { return output_; }

public slots:
    void probe(); // the interpreter again: probed() follows
    void chooseInterpreter();
    void runScript(); // asks for the file and its arguments
    void runScriptFile(const QString &file, const QStringList &arguments);

signals:
    void probed(bool available, const QString &about);
    void runningChanged(bool running);

private:
    void showOutputWindow(const QString &script);
    void append(const QString &text, bool isError);
    void onFinished(const cl::TreeRun &run);

    Settings &settings_;
    TimelinePage &timeline_;
    QWidget *window_;
    cl::ScriptRunner runner_;
    QString script_; // the one running or last run
    QPointer<QDialog> output_;
    QPlainTextEdit *text_ = nullptr;
};

// The summary under a script's output: "Finished in 1.23 s: CPU 1.10 s user …".
QString scriptSummary(const cl::TreeRun &run);

} // namespace ui
