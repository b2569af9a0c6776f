// The window's library: its entry points for the executable (guiapi.h).
#include "window/guiapi.h"

#include <QApplication>

namespace {

int runWindow(int &argc, char **argv, const QString &language, const cl::Recording *recording)
{
    QApplication app(argc, argv);
    return ui::runGui(app, ui::chooseLanguage(language), recording);
}

int runWithWidgets(int &argc, char **argv, const std::function<int()> &body)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // headless rendering needs no display
    QApplication app(argc, argv);
    return body();
}

void useLanguage(const QString &requested)
{
    ui::installTranslations(ui::chooseLanguage(requested));
}

constexpr ui::GuiApi kApi{CL_VERSION, sizeof(ui::GuiApi), runWindow, runWithWidgets, useLanguage, ui::screenshot, ui::renderTimelinesPng,
    ui::renderSweepPng, ui::renderTimingChartPng};

} // namespace

extern "C" __attribute__((visibility("default"))) const ui::GuiApi *concurrencyLabGui()
{
    return &kApi;
}
