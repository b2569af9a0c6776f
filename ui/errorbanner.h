// A dismissable banner over the charts for the first error of a batch, where the teacher looks
// (Qt 6.4 has no message widget of its own). Its text follows a language switch.
#pragma once

#include "experiment.h"
#include "translatable.h"

#include <QFrame>

class QLabel;
class QToolButton;

namespace ui {

// "async ×100: 100 of 100 requests failed: Connection refused (http://127.0.0.1:1/)": the first
// failed run of `result`, in the UI's language. `url` may be empty.
QString failureText(const QString &experiment, const cl::StrategyResult &result, cl::Workload workload, const QString &url);

class ErrorBanner : public QFrame
{
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget *parent = nullptr);
    void showError(const Translatable &message);
    void dismiss();
    QString text() const; // what it says now

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    Translatable message_;
    QLabel *icon_ = nullptr;
    QLabel *label_ = nullptr;
    QToolButton *close_ = nullptr;
};

} // namespace ui
