#include "window/pythoncontrol.h"

#include "experiment/timeline.h"
#include "pages/timelinepage.h"
#include "window/settings.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QInputDialog>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

namespace {

cl::RunResult asRun(const cl::TreeRun &run)
{
    cl::RunResult r = cl::measuredRun(run);
    r.items = run.ok() ? 1 : 0;
    if (!run.ok())
        r.addError(run.failure());
    return r;
}

} // namespace

QString scriptSummary(const cl::TreeRun &run)
{
    const double mib = 1024.0 * 1024.0;
    const cl::SamplerReport &s = run.sampler;
    QString text = QCoreApplication::translate("ui::PythonControl",
        "%1 s: CPU %2 s user + %3 s system, memory %4 MiB (PSS); %5 threads in %6 processes, sampled %7 times a second; "
        "two or more running at once %8 % of the time")
                       .arg(run.wallS, 0, 'f', 2)
                       .arg(run.cpu.user, 0, 'f', 2)
                       .arg(run.cpu.sys, 0, 'f', 2)
                       .arg(double(s.peakPssBytes) / mib, 0, 'f', 1)
                       .arg(s.threads + s.processes)
                       .arg(s.processes)
                       .arg(s.hz(), 0, 'f', 0)
                       .arg(100.0 * cl::parallelShare(s.spans), 0, 'f', 0);
    if (!s.syscallsReadable)
        text += QLatin1Char('\n')
            + QCoreApplication::translate(
                "ui::PythonControl", "/proc/…/syscall is not readable here: the Timeline shows running and not running only");
    return text;
}

PythonControl::PythonControl(Settings &settings, TimelinePage &timeline, QWidget *window)
    : QObject(window), settings_(settings), timeline_(timeline), window_(window)
{
    connect(&runner_, &cl::ScriptRunner::probed, this, [this](const QString &python, const cl::PythonProbe &result) {
        if (python != interpreter())
            return; // an answer about an interpreter since replaced
        emit probed(result.info.has_value(), result.info ? result.info->summary() : result.error);
    });
    connect(&runner_, &cl::ScriptRunner::output, this,
        [this](const QByteArray &bytes, bool isError) { append(QString::fromLocal8Bit(bytes), isError); });
    connect(&runner_, &cl::ScriptRunner::liveSpans, this, [this](const cl::SpanSink::Snapshot &snapshot) {
        timeline_.showLive(QFileInfo(script_).fileName(), snapshot, cl::Strategy::Threads);
    });
    connect(&runner_, &cl::ScriptRunner::finished, this, &PythonControl::onFinished);
}

QString PythonControl::interpreter() const
{
    return settings_.pythonInterpreter();
}

void PythonControl::probe()
{
    runner_.probe(interpreter());
}

void PythonControl::chooseInterpreter()
{
    const QString current = interpreter().isEmpty() ? QStringLiteral("/usr/bin/python3") : interpreter();
    const QString chosen = QFileDialog::getOpenFileName(window_, tr("Python interpreter"), current);
    if (chosen.isEmpty())
        return;
    settings_.setPythonInterpreter(chosen);
    probe();
}

void PythonControl::runScript()
{
    if (runner_.isRunning())
        return;
    const QString file = QFileDialog::getOpenFileName(
        window_, tr("Run a Python script"), QFileInfo(script_).absolutePath(), tr("Python scripts (*.py);;All files (*)"));
    if (file.isEmpty())
        return;
    bool ok = false;
    const QString args = QInputDialog::getText(window_, tr("Run a Python script"),
        tr("Arguments for %1 (optional):").arg(QFileInfo(file).fileName()), QLineEdit::Normal, QString(), &ok);
    if (ok)
        runScriptFile(file, QProcess::splitCommand(args));
}

void PythonControl::runScriptFile(const QString &file, const QStringList &arguments)
{
    if (runner_.isRunning())
        return;
    script_ = file;
    showOutputWindow(file);
    runner_.start(interpreter(), file, arguments);
    emit runningChanged(true);
}

void PythonControl::showOutputWindow(const QString &script)
{
    if (!output_) {
        output_ = new QDialog(window_);
        output_->setObjectName(QStringLiteral("scriptOutput"));
        auto *layout = new QVBoxLayout(output_);
        text_ = new QPlainTextEdit(output_);
        text_->setReadOnly(true);
        text_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        layout->addWidget(text_);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, output_);
        QPushButton *stop = buttons->addButton(tr("Stop"), QDialogButtonBox::ActionRole);
        connect(stop, &QPushButton::clicked, this, &PythonControl::cancel);
        connect(this, &PythonControl::runningChanged, stop, &QWidget::setEnabled);
        connect(buttons, &QDialogButtonBox::rejected, output_, &QDialog::hide);
        layout->addWidget(buttons);
        output_->resize(720, 420);
    }
    output_->setWindowTitle(tr("%1 — output").arg(QFileInfo(script).fileName()));
    text_->clear();
    output_->show();
    output_->raise();
}

void PythonControl::append(const QString &text, bool isError)
{
    if (!text_)
        return;
    QTextCharFormat format;
    format.setForeground(isError ? QColor(0xb0, 0x20, 0x20) : text_->palette().text().color());
    QTextCursor cursor(text_->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text, format);
    text_->ensureCursorVisible();
}

void PythonControl::onFinished(const cl::TreeRun &run)
{
    emit runningChanged(false);
    const QString name = QFileInfo(script_).fileName();
    if (!run.startError.isEmpty()) {
        append(run.startError + QLatin1Char('\n'), true);
        return;
    }
    const QString status = run.ok() ? tr("Finished") : run.stopped ? tr("Stopped") : tr("Failed: %1").arg(run.failure());
    append(QStringLiteral("\n— %1. %2\n").arg(status, scriptSummary(run)), !run.ok());
    timeline_.addRun({[name] { return tr("Python script: %1").arg(name); }, cl::Workload::Cpu, asRun(run), cl::Strategy::Threads});
}

} // namespace ui
