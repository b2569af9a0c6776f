#include "window/errorbanner.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPalette>
#include <QStyle>
#include <QToolButton>

#include <algorithm>
#include <climits>

namespace ui {

QString failureText(const QString &experiment, const cl::ExperimentResult &result, cl::Workload workload, const QString &url)
{
    const cl::RunResult *run = result.firstFailure();
    if (!run)
        return {};
    const qint64 asked = result.itemsAsked;
    const qint64 notDone = std::clamp<qint64>(asked - run->items, 0, asked);
    const QString why = run->errorMessages.value(0, QCoreApplication::translate("ui::ErrorBanner", "no message"));
    // One source text for one, another for many: the Russian forms come from the second's numerus.
    const int n = int(std::min<qint64>(asked, INT_MAX));
    QString text;
    if (workload == cl::Workload::Io)
        text = n == 1 ? QCoreApplication::translate("ui::ErrorBanner", "%1: %2 of 1 request failed: %3")
                      : QCoreApplication::translate("ui::ErrorBanner", "%1: %2 of %n requests failed: %3", nullptr, n);
    else
        text = n == 1 ? QCoreApplication::translate("ui::ErrorBanner", "%1: %2 of 1 step not done: %3")
                      : QCoreApplication::translate("ui::ErrorBanner", "%1: %2 of %n steps not done: %3", nullptr, n);
    text = text.arg(experiment, QString::number(notDone), why);
    if (!url.isEmpty())
        text += QStringLiteral(" (%1)").arg(url);
    return text;
}

ErrorBanner::ErrorBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("errorBanner"));
    // Fixed colours, readable in a light or a dark theme and on a projector. Through the palette,
    // not a style sheet: a style sheet pins the font, and the banner would stay small when
    // presentation mode enlarges the application's font.
    setFrameStyle(QFrame::Box | QFrame::Plain);
    QPalette colours = palette();
    colours.setColor(QPalette::Window, QColor(0xfb, 0xe3, 0xe0));
    colours.setColor(QPalette::WindowText, QColor(0xd0, 0x40, 0x30)); // the frame
    setPalette(colours);
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    icon_ = new QLabel(this);
    icon_->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(24, 24));
    label_ = new QLabel(this);
    label_->setWordWrap(true);
    label_->setTextFormat(Qt::PlainText);
    label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette text = label_->palette();
    text.setColor(QPalette::WindowText, QColor(0x60, 0x10, 0x08));
    label_->setPalette(text);
    close_ = new QToolButton(this);
    close_->setObjectName(QStringLiteral("dismissError"));
    close_->setAutoRaise(true);
    close_->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    connect(close_, &QToolButton::clicked, this, &ErrorBanner::dismiss);
    layout->addWidget(icon_, 0, Qt::AlignTop);
    layout->addWidget(label_, 1);
    layout->addWidget(close_, 0, Qt::AlignTop);
    hide();
    retranslate();
}

void ErrorBanner::watch(const cl::Session &session)
{
    connect(&session, &cl::Session::batchStarted, this, &ErrorBanner::reset);
    connect(&session, &cl::Session::experimentFinished, this,
        [this](const cl::QueuedExperiment &e, const cl::ExperimentResult &r) { note(e.label, r, e.spec); });
    connect(&session, &cl::Session::loaded, this, [this](const QList<cl::FinishedExperiment> &loaded) {
        reset();
        for (const cl::FinishedExperiment &f : loaded) {
            cl::ExperimentSpec spec = f.experiment.spec;
            spec.url.clear(); // not where this machine's run went
            note(f.experiment.label, f.result, spec);
        }
    });
}

void ErrorBanner::reset()
{
    failures_ = 0;
    dismiss();
}

void ErrorBanner::note(const cl::Translatable &label, const cl::ExperimentResult &result, const cl::ExperimentSpec &spec)
{
    if (!result.firstFailure())
        return;
    if (++failures_ == 1)
        firstFailure_
            = [label, result, workload = spec.workload, url = spec.url] { return failureText(label.text(), result, workload, url); };
    showError([first = firstFailure_, more = failures_ - 1] {
        if (more == 0)
            return first.text();
        return (more == 1 ? tr("%1 (and 1 more experiment failed)") : tr("%1 (and %n more experiments failed)", nullptr, more))
            .arg(first.text());
    });
}

void ErrorBanner::showError(const cl::Translatable &message)
{
    message_ = message;
    retranslate();
    show();
}

void ErrorBanner::dismiss()
{
    hide();
    message_ = {};
}

QString ErrorBanner::text() const
{
    return label_->text();
}

void ErrorBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void ErrorBanner::retranslate()
{
    label_->setText(message_.text());
    close_->setToolTip(tr("Dismiss"));
    close_->setAccessibleName(tr("Dismiss"));
}

} // namespace ui
