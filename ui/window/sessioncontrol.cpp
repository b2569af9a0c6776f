#include "window/sessioncontrol.h"

#include "pages/cpupage.h"
#include "pages/timelinepage.h"
#include "window/replay.h"
#include "window/settings.h"

#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

namespace ui {

namespace {
constexpr qsizetype kCpuLogMax = 4 * 3600 * 10; // four hours at 10 Hz
constexpr qint64 kCpuBeforeFirstRunMs = 2000; // the idle cores just before the first experiment
} // namespace

SessionControl::SessionControl(
    cl::Session &session, CpuPage &cpu, TimelinePage &timeline, LabelFor label, Settings &settings, QWidget *window)
    : QObject(window), session_(session), cpu_(cpu), timeline_(timeline), label_(std::move(label)), settings_(settings), window_(window),
      startedAtMs_(QDateTime::currentMSecsSinceEpoch())
{
    bar_ = new QFrame(window);
    bar_->setFrameShape(QFrame::StyledPanel);
    bar_->setAutoFillBackground(true);
    QPalette p = bar_->palette();
    p.setColor(QPalette::Window, QColor(0xe8, 0xf0, 0xfe)); // a calm blue: not an error
    bar_->setPalette(p);
    auto *layout = new QHBoxLayout(bar_);
    about_ = new QLabel(bar_);
    about_->setWordWrap(true);
    replay_ = new QPushButton(bar_);
    backToLive_ = new QPushButton(bar_);
    layout->addWidget(about_, 1);
    layout->addWidget(replay_);
    layout->addWidget(backToLive_);
    bar_->hide();
    bar_->installEventFilter(this);
    connect(replay_, &QPushButton::clicked, this, &SessionControl::replay);
    connect(backToLive_, &QPushButton::clicked, this, &SessionControl::backToLive);
    retranslate();
}

SessionControl::~SessionControl() = default;

QWidget *SessionControl::bar() const
{
    return bar_;
}

bool SessionControl::isReplaying() const
{
    return player_ && player_->isPlaying();
}

void SessionControl::recordCpu(const QList<cl::CpuSample> &samples)
{
    cpuLog_.append(samples);
    if (cpuLog_.size() > kCpuLogMax)
        cpuLog_.remove(0, cpuLog_.size() - kCpuLogMax);
}

cl::Recording SessionControl::currentSession() const
{
    if (recording_)
        return *recording_; // saving an opened session saves it as it was recorded
    QList<cl::HistoryEntry> experiments;
    qint64 firstStartMs = std::numeric_limits<qint64>::max();
    for (const cl::FinishedExperiment &f : session_.finished()) {
        const auto ranToday = [this](const cl::RunResult &r) { return r.finishedAtMs >= startedAtMs_; };
        if (!std::any_of(f.result.runs.cbegin(), f.result.runs.cend(), ranToday))
            continue; // the run history of earlier sessions, or a results file
        experiments.append({f.experiment.spec, f.result});
        for (const cl::RunResult &r : f.result.runs)
            if (r.startMonoMs > 0)
                firstStartMs = std::min(firstStartMs, r.startMonoMs);
    }
    QList<cl::CpuSample> cpu;
    for (const cl::CpuSample &s : cpuLog_)
        if (s.tMs >= firstStartMs - kCpuBeforeFirstRunMs)
            cpu.append(s);
    return cl::newRecording(experiments, cpu);
}

void SessionControl::saveDialog()
{
    const cl::Recording session = currentSession();
    if (session.experiments.isEmpty()) {
        QMessageBox::information(window_, tr("Save session"), tr("Nothing to save yet: run an experiment first."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(window_, tr("Save session"),
        settings_.exportFolder() + QStringLiteral("/lesson.session.json"), tr("Concurrency Lab sessions (*.session.json *.json)"));
    if (path.isEmpty())
        return;
    settings_.setExportFolder(QFileInfo(path).absolutePath());
    QString why;
    if (!cl::saveRecording(path, session, &why))
        QMessageBox::warning(window_, tr("Save session"), why);
}

void SessionControl::openDialog()
{
    if (session_.isRunning()) {
        QMessageBox::information(window_, tr("Open session"), tr("Stop the experiment first."));
        return;
    }
    const QString path = QFileDialog::getOpenFileName(
        window_, tr("Open session"), settings_.exportFolder(), tr("Concurrency Lab sessions (*.session.json *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QString why;
    const auto recording = cl::loadRecording(path, &why);
    if (!recording) {
        QMessageBox::warning(window_, tr("Open session"), tr("%1 cannot be opened: %2").arg(QFileInfo(path).fileName(), why));
        return;
    }
    open(*recording);
}

void SessionControl::open(const cl::Recording &recording)
{
    if (player_)
        player_->stop();
    if (!recording_)
        live_ = session_.finished();
    recording_ = recording;
    session_.clear();
    for (const cl::HistoryEntry &e : recording.experiments)
        session_.load({e.result}, e.spec, {label_(e.spec)});
    delete player_;
    player_ = new SessionReplay(recording, label_, cpu_, timeline_, this);
    player_->showAll();
    connect(player_, &SessionReplay::finished, this, [this] {
        retranslate();
        emit replayFinished();
    });
    connect(player_, &SessionReplay::progressed, this, &SessionControl::retranslate);
    retranslate();
    bar_->show();
    emit recordingShown(true);
}

void SessionControl::replay()
{
    if (!player_)
        return;
    if (player_->isPlaying())
        player_->stop();
    else
        player_->start();
    retranslate();
}

void SessionControl::backToLive()
{
    if (!recording_)
        return;
    if (player_)
        player_->stop();
    delete player_;
    recording_.reset();
    session_.clear();
    timeline_.clear();
    cpu_.clear();
    cpu_.addSamples(cpuLog_.mid(std::max<qsizetype>(0, cpuLog_.size() - cpu_.history().capacity())));
    cl::Recording before; // the live pages as they were
    for (const cl::FinishedExperiment &f : std::exchange(live_, {})) {
        session_.load({f.result}, f.experiment.spec, {f.experiment.label});
        before.experiments.append({f.experiment.spec, f.result});
    }
    for (const RecordedRun &run : recordedRuns(before, label_))
        timeline_.addRun(run);
    bar_->hide();
    emit recordingShown(false);
}

void SessionControl::retranslate()
{
    if (recording_) {
        const QString when = QLocale().toString(recording_->recordedAt.toLocalTime(), QLocale::ShortFormat);
        QString text = tr("Recorded on %1 at %2 (Concurrency Lab %3)").arg(cl::describe(recording_->machine), when, recording_->appVersion);
        if (isReplaying())
            text += QStringLiteral(" — ")
                + tr("replaying: %1 of %2 s")
                      .arg(QLocale().toString(player_->playedS(), 'f', 1), QLocale().toString(player_->durationS(), 'f', 1));
        about_->setText(text);
    }
    replay_->setText(isReplaying() ? tr("Stop replay") : tr("Replay"));
    replay_->setToolTip(tr("Play the recorded CPU graphs and timeline again at real speed"));
    backToLive_->setText(tr("Back to live"));
    backToLive_->setToolTip(tr("Close the recording and show this machine's CPU and runs again"));
}

bool SessionControl::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == bar_ && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

} // namespace ui
