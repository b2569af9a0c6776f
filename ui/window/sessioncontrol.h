// Sessions as files, for the window: File → Save session keeps every experiment shown (with its
// spans and latencies), the CPU history since the first of them and this machine; File → Open
// session shows them on every page as they were recorded, under a bar that says where and when,
// with Replay (the CPU graphs and the Timeline at real speed) and Back to live.
#pragma once

#include "run/recording.h"
#include "run/session.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QLabel;
class QPushButton;
class QFrame;

namespace ui {

class CpuPage;
class Settings;
class SessionReplay;
class TimelinePage;

class SessionControl : public QObject {
    Q_OBJECT
public:
    using LabelFor = std::function<cl::Translatable(const cl::ExperimentSpec &)>;
    SessionControl(cl::Session &session, CpuPage &cpu, TimelinePage &timeline, LabelFor label, Settings &settings, QWidget *window);
    ~SessionControl() override;

    QWidget *bar() const; // "Recorded on … at …", Replay, Back to live; hidden while live
    bool showsRecording() const { return recording_.has_value(); }
    bool isReplaying() const;
    // The live monitor's samples, kept for Save session (the CPU page keeps only its window).
    void recordCpu(const QList<cl::CpuSample> &samples);
    cl::Recording currentSession() const;

public slots:
    void saveDialog();
    void openDialog();
    void open(const cl::Recording &recording);
    void replay(); // from the start, or stop a replay under way
    void backToLive();

signals:
    void replayFinished();
    void recordingShown(bool shown); // a recording opened, or the live view back

private:
    void retranslate();
    bool eventFilter(QObject *watched, QEvent *event) override;

    cl::Session &session_;
    CpuPage &cpu_;
    TimelinePage &timeline_;
    LabelFor label_;
    Settings &settings_;
    QWidget *window_;
    QFrame *bar_ = nullptr;
    QLabel *about_ = nullptr;
    QPushButton *replay_ = nullptr;
    QPushButton *backToLive_ = nullptr;
    std::optional<cl::Recording> recording_;
    QPointer<SessionReplay> player_;
    QList<cl::CpuSample> cpuLog_;
    QList<cl::FinishedExperiment> live_; // what the pages showed before a recording was opened
    qint64 startedAtMs_; // when the app started: a saved session is what ran since (not earlier days' history)
};

} // namespace ui
