// The lesson's code beside the experiment: for the selected experiment, the notebook's Python
// (its bugs fixed, each fix marked in a comment) and the C++ the app runs for it, side by side,
// under what to watch for. The texts are resources (resources/lesson/), in a monospaced font that
// grows with presentation mode.
#pragma once

#include "experiment/lesson.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace ui {

class CodePage : public QWidget {
    Q_OBJECT
public:
    explicit CodePage(QList<cl::LessonExperiment> lesson, QWidget *parent = nullptr);
    void showExperiment(int row);
    int shown() const { return row_; }
    QString python() const;
    QString cpp() const;

    // The resource holding an experiment's code: ":/lesson/cpu-threads.py" and ".cpp".
    static QString codePath(const cl::ExperimentSpec &spec, const char *extension);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void applyFont();

    QList<cl::LessonExperiment> lesson_;
    int row_ = 0;
    QLabel *title_ = nullptr;
    QLabel *watchFor_ = nullptr;
    QLabel *pythonLabel_ = nullptr;
    QLabel *cppLabel_ = nullptr;
    QPlainTextEdit *python_ = nullptr;
    QPlainTextEdit *cpp_ = nullptr;
};

} // namespace ui
