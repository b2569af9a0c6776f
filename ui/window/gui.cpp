#include "window/gui.h"

#include "experiment/beyond.h"

#include "charts/export.h"
#include "charts/timelineview.h"
#include "charts/timingchart.h"
#include "pages/experimentpanel.h"
#include "pages/filespage.h"
#include "pages/speeduppage.h"
#include "window/mainwindow.h"
#include "window/sessioncontrol.h"
#include "window/settings.h"

#include "util/clock.h"

#include <QApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QPointer>
#include <QTemporaryDir>
#include <QTimer>
#include <QVBoxLayout>

#include <cstdio>

namespace ui {

namespace {
void waitFor(int ms)
{
    QEventLoop loop; // sleeps between events: a busy wait would itself show on the CPU graphs
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Shows `widget` (offscreen when there is no display), lets it lay out, writes it as a PNG.
QString renderShown(QWidget &widget, QSize size, const QString &path)
{
    widget.resize(size);
    widget.show();
    waitFor(50);
    QString error;
    return exportPng(&widget, path, 1, &error) ? QString() : error;
}
} // namespace

namespace {
// CONCURRENCY_LAB_FIRST_PAINT=1: print CLOCK_MONOTONIC (ns) once the window has painted, and quit.
// A start-up probe: the caller notes the clock before starting the app.
class FirstPaintProbe : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !reported_) {
            reported_ = true;
            QTimer::singleShot(0, qApp, [] {
                std::printf("first-paint-ns %lld\n", static_cast<long long>(cl::monotonicNs()));
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool reported_ = false;
};
} // namespace

int runGui(QApplication &app, const QString &language, const cl::Recording *recording)
{
    QApplication::setApplicationDisplayName(QStringLiteral("Concurrency Lab"));
    installTranslations(language);
    MainWindow window;
    if (recording)
        window.sessionControl()->open(*recording);
    if (qEnvironmentVariableIntValue("CONCURRENCY_LAB_FIRST_PAINT") == 1)
        window.installEventFilter(new FirstPaintProbe(&window));
    window.show();
    return app.exec();
}

QString screenshot(const ScreenshotOptions &o)
{
    if (!MainWindow::pageNames().contains(o.page))
        return QStringLiteral("unknown page '%1' (%2)").arg(o.page, MainWindow::pageNames().join(QStringLiteral(", ")));
    const QTemporaryDir scratch; // fresh default settings: the user's own stay untouched
    MainWindow window(Settings(scratch.filePath(QStringLiteral("settings.ini"))));
    window.resize(o.size);
    if (!o.resultsJson.isEmpty()) {
        QFile f(o.resultsJson);
        if (!f.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read %1: %2").arg(o.resultsJson, f.errorString());
        QString error;
        const auto report = cl::reportFromJson(QJsonDocument::fromJson(f.readAll()).object(), &error);
        if (!report)
            return QStringLiteral("%1: %2").arg(o.resultsJson, error);
        window.loadResults(report->results, report->params.workload);
    }
    if (!o.recordingPath.isEmpty()) {
        QString error;
        const auto recording = cl::loadRecording(o.recordingPath, &error);
        if (!recording)
            return QStringLiteral("%1: %2").arg(o.recordingPath, error);
        window.sessionControl()->open(*recording);
    }
    window.showPage(o.page);
    if (o.presentation)
        window.setPresentationMode(true, false);
    window.show();
    window.resize(o.size);
    if (o.runLesson > 0) {
        const auto lesson = cl::lessonExperiments(window.server().url());
        if (o.runLesson > lesson.size())
            return QStringLiteral("no lesson experiment %1 (1 to %2)").arg(o.runLesson).arg(lesson.size());
        window.experimentPanel()->selectLesson(o.runLesson - 1);
        window.runSpec(window.experimentPanel()->spec());
    }
    const qsizetype beyond = cl::beyondExperiments({}, {}).size();
    for (int n : o.runBeyond) {
        if (n < 1 || n > beyond)
            return QStringLiteral("no experiment %1 beyond the notebook (1 to %2)").arg(n).arg(beyond);
        while (window.isRunning())
            waitFor(50);
        window.experimentPanel()->selectBeyond(n - 1);
        window.runBeyond(n - 1);
        window.showPage(o.page); // the race and the convoy switch to their page: the one asked for wins
    }
    if (o.page == QLatin1String("files")) { // show the lesson's sequence, In [75] to [66]
        FilesPage *files = window.filesPage();
        for (const char *id : {"write", "append", "readlines", "bytes", "rmdir"}) {
            files->runOperation(QLatin1String(id), false);
            while (files->isBusy())
                waitFor(10);
        }
    }
    waitFor(o.waitMs);
    if (o.page == QLatin1String("processes"))
        window.expandProcesses();
    const QImage image = window.grab().toImage();
    window.stop();
    if (image.isNull() || !image.save(o.path, "PNG"))
        return QStringLiteral("cannot write %1").arg(o.path);
    return {};
}

QString renderTimelinesPng(const cl::Report &report, const QString &path, int width)
{
    QWidget page;
    auto *layout = new QVBoxLayout(&page);
    int height = 0;
    for (const cl::ExperimentResult &r : report.results) {
        const cl::RunResult *best = r.bestRun();
        if (!best)
            continue;
        auto *view = new TimelineView(&page);
        view->setModel(std::make_shared<cl::TimelineModel>(best->spans, best->occupiedS()),
            QStringLiteral("%1%2 x%3, %4: best run, %5 s, %6 spans")
                .arg(r.engine == cl::Engine::Python ? QStringLiteral("CPython: ") : QString(), cl::toString(r.strategy))
                .arg(r.workers)
                .arg(cl::gilModeName(r.gil))
                .arg(best->wallS, 0, 'f', 3)
                .arg(best->spans.size()));
        const int h = std::min(420, view->contentHeight() + 4);
        view->setFixedHeight(h);
        view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        layout->addWidget(view);
        height += h + layout->spacing();
    }
    if (height == 0)
        return QStringLiteral("no finished run to draw");
    return renderShown(page, QSize(width, height + 24), path);
}

QString renderSweepPng(const cl::SweepResult &sweep, const QString &path, QSize size)
{
    SpeedupChart chart;
    chart.setSweep(sweep);
    return renderShown(chart, size, path);
}

QString renderTimingChartPng(const cl::Report &report, const QString &path, QSize size)
{
    TimingChart chart;
    QList<std::optional<double>> none(report.results.size());
    chart.setBars(report.params.workload == cl::Workload::Cpu ? QStringLiteral("CPU-bound: counting loop — best of N")
                                                              : QStringLiteral("IO-bound: HTTP requests — best of N"),
        timingBars(report.results, none));
    return renderShown(chart, size, path);
}

} // namespace ui
