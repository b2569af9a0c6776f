// The window's library (ui/window/guiapi.h), loaded on first use: only the commands that draw
// pay for Qt Widgets, Charts and Svg.
#pragma once

#include "window/guiapi.h"

#include <QString>

namespace cli {

// The library's entry points, or null with why in `*why`. Looked for beside the executable (the
// build tree) and then where `cmake --install` puts it.
const ui::GuiApi *loadGui(QString *why);

// loadGui() for a command that is running already under runWithWidgets(): it is loaded then.
const ui::GuiApi &gui();

} // namespace cli
