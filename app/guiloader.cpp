#include "guiloader.h"

#include "child/childworker.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstring>
#include <dlfcn.h>

namespace cli {

namespace {

struct Loaded {
    const ui::GuiApi *api = nullptr;
    QString error;
};

Loaded load()
{
    const QDir here = QFileInfo(cl::thisExecutable()).absoluteDir();
    QStringList tried;
    for (const QString &dir : {here.path(), QDir::cleanPath(here.filePath(QStringLiteral(CL_GUI_INSTALLED_DIR)))}) {
        const QString path = QDir(dir).filePath(QStringLiteral(CL_GUI_LIBRARY));
        if (!QFileInfo::exists(path)) {
            tried << path;
            continue;
        }
        // Bound as used, like a linked library; loaded for good.
        void *handle = ::dlopen(QFile::encodeName(path).constData(), RTLD_LAZY | RTLD_LOCAL);
        if (!handle)
            return {nullptr, QStringLiteral("cannot load the window's library: %1").arg(QString::fromLocal8Bit(::dlerror()))};
        const auto entry = reinterpret_cast<const ui::GuiApi *(*)()>(::dlsym(handle, kGuiEntryPoint));
        if (!entry)
            return {nullptr, QStringLiteral("%1 is not this version's window library (no %2)").arg(path, QLatin1String(kGuiEntryPoint))};
        const ui::GuiApi *api = entry();
        if (std::strcmp(api->version, CL_VERSION) != 0 || api->size != sizeof(ui::GuiApi))
            return {nullptr,
                QStringLiteral("%1 is from version %2, this program is %3")
                    .arg(path, QLatin1String(api->version), QStringLiteral(CL_VERSION))};
        return {api, {}};
    }
    return {nullptr, QStringLiteral("the window's library is missing (looked for %1)").arg(tried.join(QStringLiteral(" and ")))};
}

} // namespace

const ui::GuiApi *loadGui(QString *why)
{
    static const Loaded loaded = load(); // once per process; thread-safe
    if (!loaded.api && why)
        *why = loaded.error;
    return loaded.api;
}

const ui::GuiApi &gui()
{
    QString why;
    if (const ui::GuiApi *api = loadGui(&why))
        return *api;
    qFatal("%s", qPrintable(why)); // runWithWidgets() came from it: cannot happen
}

} // namespace cli
