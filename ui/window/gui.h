// Entry points of the GUI: the app itself, the offscreen screenshot and chart renderers.
#pragma once

#include "experiment/resultjson.h"
#include "experiment/sweep.h"
#include "run/recording.h"
#include "window/language.h"

#include <QSize>
#include <QString>

class QApplication;

namespace ui {

// Shows the main window in `language` and runs the event loop; returns the exit code. The
// window switches language in place from its Language menu.
// The window; with `recording`, that session opened in it (concurrency-lab open FILE).
int runGui(QApplication &app, const QString &language, const cl::Recording *recording = nullptr);

struct ScreenshotOptions {
    QString path;
    QString page = QStringLiteral("cpu");
    QSize size{1280, 800};
    QString resultsJson; // optional: results to show on the timings page
    int waitMs = 2500; // let the live graphs fill
    bool presentation = false;
    int runLesson = 0; // 1..7: start that lesson experiment first and shoot while it runs
    QList<int> runBeyond; // 1..: run these experiments of the section beyond the notebook in turn (the last as runLesson)
    QString recordingPath = {}; // optional: a recorded session to open first
};
// Renders the main window to a PNG (works offscreen). Returns an error message or empty.
QString screenshot(const ScreenshotOptions &options);

// Renders each strategy's best run as a timeline, stacked, to a PNG. Error message or empty.
inline constexpr int kTimelinesPngWidth = 1200;
QString renderTimelinesPng(const cl::Report &report, const QString &path, int width = kTimelinesPngWidth);
// Renders the speedup chart of a sweep to a PNG. Error message or empty.
inline constexpr QSize kSweepPngSize{1000, 650};
QString renderSweepPng(const cl::SweepResult &sweep, const QString &path, QSize size = kSweepPngSize);

// Renders the timing chart of `report` to a PNG without a display. Error message or empty.
inline constexpr QSize kTimingChartPngSize{1200, 700};
QString renderTimingChartPng(const cl::Report &report, const QString &path, QSize size = kTimingChartPngSize);

} // namespace ui
