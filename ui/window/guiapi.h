// What the executable asks of the window's library. The executable links QtCore and QtNetwork
// only and loads this library (Widgets, Charts, Svg and the pages) for the commands that draw:
// a spawned worker or a headless run then maps 29 shared libraries instead of 60 (`--version`:
// 4 ms of CPU instead of 9.5; a spawned CPU worker's first message after 5 ms instead of 13).
#pragma once

#include "window/gui.h"

#include <cstddef>
#include <functional>

namespace ui {

struct GuiApi {
    // First, and first for good: a library from another build is refused before anything is called.
    const char *version; // CL_VERSION
    std::size_t size; // sizeof(GuiApi)
    // The window in `language` ("en", "ru"; empty: the saved choice or the system's), with
    // `recording` opened in it when not null; returns the exit code.
    int (*runWindow)(int &argc, char **argv, const QString &language, const cl::Recording *recording);
    // Runs `body` with a QApplication (offscreen unless a platform is chosen), for headless commands
    // that render charts; returns what `body` returns.
    int (*runWithWidgets)(int &argc, char **argv, const std::function<int()> &body);
    void (*useLanguage)(const QString &requested); // installs the translations chooseLanguage picks
    QString (*screenshot)(const ScreenshotOptions &options);
    QString (*renderTimelinesPng)(const cl::Report &report, const QString &path, int width);
    QString (*renderSweepPng)(const cl::SweepResult &sweep, const QString &path, QSize size);
    QString (*renderTimingChartPng)(const cl::Report &report, const QString &path, QSize size);
};

} // namespace ui

// The one symbol the library exports for the executable: its table of entry points.
extern "C" const ui::GuiApi *concurrencyLabGui();
inline constexpr char kGuiEntryPoint[] = "concurrencyLabGui";
