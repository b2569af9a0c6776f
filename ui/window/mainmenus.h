// The main window's menus, built once and retitled in place when the language changes (as a
// Qt Designer form does: public pointers, a setup and a retranslate). The window connects what
// the actions do and calls retranslate() on QEvent::LanguageChange.
#pragma once

#include <QCoreApplication>
#include <QList>

class QAction;
class QActionGroup;
class QMenu;
class QMenuBar;

namespace ui {

class MainMenus {
    Q_DECLARE_TR_FUNCTIONS(ui::MainMenus)
public:
    // `pageCount`: one View action per page, Alt+1 to Alt+N.
    MainMenus(QMenuBar *bar, int pageCount);
    void retranslate(const QStringList &pageTitles);
    // Checks the action of `group` whose data is `value` (export scale, sampling rate, language).
    static void check(QActionGroup *group, const QVariant &value);

    QAction *exportChart = nullptr, *exportAll = nullptr, *exportTrace = nullptr, *quit = nullptr;
    QAction *runScript = nullptr, *pythonInterpreter = nullptr;
    QAction *saveSession = nullptr, *openSession = nullptr, *replaySession = nullptr;
    QAction *run = nullptr, *runAll = nullptr, *stop = nullptr, *clearResults = nullptr;
    QAction *toggleServer = nullptr, *serverDelay = nullptr;
    QAction *presentation = nullptr;
    QAction *logScale = nullptr;
    QAction *shortcuts = nullptr, *about = nullptr;
    QList<QAction *> pages;
    // Exclusive and checkable; each action's data is what it chooses.
    QActionGroup *exportScale = nullptr; // int: 1, 2
    QActionGroup *samplingRate = nullptr; // int: Hz
    QActionGroup *cpuWindow = nullptr; // int: seconds of CPU history
    QActionGroup *language = nullptr; // QString: "en", "ru"

private:
    void buildFile(QMenuBar *bar);
    void buildRun(QMenuBar *bar);
    void buildView(QMenuBar *bar, int pageCount);
    void buildLanguage(QMenuBar *bar);
    void buildHelp(QMenuBar *bar);
    void retranslateFileAndRun();
    static QActionGroup *choices(QMenu *menu, const QVariantList &values);

    QMenu *file_ = nullptr, *scale_ = nullptr, *run_ = nullptr, *server_ = nullptr, *view_ = nullptr, *rate_ = nullptr, *window_ = nullptr,
          *language_ = nullptr, *help_ = nullptr;
};

} // namespace ui
