// A dismissable banner over the charts for the first error of a batch, where the teacher looks
// (Qt 6.4 has no message widget of its own). Its text follows a language switch.
#pragma once

#include "run/session.h"

#include "experiment/experiment.h"
#include "util/translatable.h"

#include <QFrame>

class QLabel;
class QToolButton;

namespace ui {

// "async ×100: 100 of 100 requests failed: Connection refused (http://127.0.0.1:1/)": the first
// failed run of `result`, in the UI's language. `url` may be empty.
QString failureText(const QString &experiment, const cl::ExperimentResult &result, cl::Workload workload, const QString &url);

class ErrorBanner : public QFrame {
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget *parent = nullptr);
    // Shows the first error of each of `session`'s batches (and of results it loads), and how
    // many more experiments failed.
    void watch(const cl::Session &session);
    int failureCount() const { return failures_; } // experiments of the last batch that failed
    void showError(const cl::Translatable &message);
    void dismiss();
    QString text() const; // what it says now

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void reset();
    void note(const cl::Translatable &label, const cl::ExperimentResult &result, const cl::ExperimentSpec &spec);
    int failures_ = 0;
    cl::Translatable firstFailure_;

    cl::Translatable message_;
    QLabel *icon_ = nullptr;
    QLabel *label_ = nullptr;
    QToolButton *close_ = nullptr;
};

} // namespace ui
