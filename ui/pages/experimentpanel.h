// The left panel: the lesson's seven experiments and, in a second section, those beyond the
// notebook (Python 3.12–3.14); the parameters of a custom run; and the Run / Run all / Stop
// controls with progress and elapsed time.
#pragma once

#include "experiment/beyond.h"
#include "experiment/lesson.h"
#include "run/session.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace ui {

class ExperimentPanel : public QWidget {
    Q_OBJECT
public:
    explicit ExperimentPanel(const QList<cl::LessonExperiment> &lesson, QWidget *parent = nullptr);

    cl::ExperimentSpec spec() const; // the form's parameters
    void setSpec(const cl::ExperimentSpec &spec);
    int serverDelayMs() const;
    void setServerDelayMs(int ms);
    // What runs the experiments: the emulation, the machine's CPython, or both one after the other.
    QList<cl::Engine> engines() const;
    void setEngines(const QList<cl::Engine> &engines);
    // Whether CPython can run here; `about` says which one it is, or why not (the choices that need
    // it are greyed out with that as their tooltip).
    void setPython(bool available, const QString &about);
    // Follows `session`: running or not, and its progress.
    void watch(const cl::Session &session);
    void setRunning(bool running);
    void setProgress(qint64 done, qint64 total);
    // Work that reports nothing until it ends (a CPython experiment, a teacher's script): the bar
    // shows that it is busy instead of standing still, until off or the run ends.
    void showBusy(bool on);
    void selectLesson(int row);
    // The experiment `index` of the section beyond the notebook that runs several experiments.
    void selectBeyond(int index);
    // Run: the selected row of the second section, or the form's experiment.
    void runSelected();

signals:
    void runRequested(const cl::ExperimentSpec &spec);
    void runAllRequested();
    void stopRequested();
    void serverDelayChanged(int ms);
    void enginesChanged(const QList<cl::Engine> &engines);
    void lessonSelected(int row); // the Code page follows it
    void beyondRequested(int index); // run that experiment of the section beyond the notebook

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildLessonList();
    QWidget *buildForm();
    QWidget *buildControls();
    void retranslate();
    void retranslateLesson();
    void retranslateForm();
    void retranslateFields();
    void onLessonSelected(int row);
    int beyondIndexOf(int row) const; // -1: not a row of the second section
    int rowOfBeyond(int index) const;
    void showWatchFor(int row);
    void onCustomized();
    void updateEnabled();
    void tick();

    QList<cl::LessonExperiment> lesson_;
    QList<cl::BeyondExperiment> beyond_; // the second section
    QGroupBox *lessonBox_ = nullptr;
    QGroupBox *formBox_ = nullptr;
    QFormLayout *form_ = nullptr;
    QListWidget *list_ = nullptr;
    QLabel *watchFor_ = nullptr;
    QComboBox *workload_ = nullptr;
    QComboBox *strategy_ = nullptr;
    QSpinBox *workers_ = nullptr;
    QSpinBox *steps_ = nullptr;
    QSpinBox *requests_ = nullptr;
    QSpinBox *delay_ = nullptr;
    QLineEdit *url_ = nullptr;
    QComboBox *gil_ = nullptr; // GIL (default CPython) or free-threaded
    QSpinBox *switchMs_ = nullptr; // the GIL's switch interval, sys.setswitchinterval
    QComboBox *startMethod_ = nullptr; // processes: spawn, fork or forkserver
    QCheckBox *pool_ = nullptr; // keep the workers across repeats
    QComboBox *engine_ = nullptr; // emulated, CPython, both
    QString pythonAbout_; // the interpreter, or why there is none
    bool pythonAvailable_ = false;
    cl::Strategy shownStrategy_ = cl::Strategy::Sequential; // what the strategy box showed before the teacher changed it
    QSpinBox *repeat_ = nullptr;
    QPushButton *run_ = nullptr;
    QPushButton *runAll_ = nullptr;
    QPushButton *stop_ = nullptr;
    QProgressBar *progress_ = nullptr;
    QLabel *elapsed_ = nullptr;
    QElapsedTimer clock_;
    QTimer ticker_;
    bool running_ = false;
    qint64 lastMs_ = 0;
    qint64 done_ = 0, total_ = 0; // the batch's progress, also while the busy indicator shows
    bool showsBusy() const; // the bar's range is 0..0
    void showProgress();
};

} // namespace ui
