#include "window/mainmenus.h"

#include "window/language.h"

#include <QActionGroup>
#include <QMenu>
#include <QMenuBar>

namespace ui {

MainMenus::MainMenus(QMenuBar *bar, int pageCount)
{
    buildFile(bar);
    buildRun(bar);
    server_ = bar->addMenu(QString());
    toggleServer = server_->addAction(QString());
    serverDelay = server_->addAction(QString());
    buildView(bar, pageCount);
    buildLanguage(bar);
    buildHelp(bar);
}

void MainMenus::buildHelp(QMenuBar *bar)
{
    help_ = bar->addMenu(QString());
    shortcuts = help_->addAction(QString());
    shortcuts->setShortcut(QKeySequence(Qt::Key_F1));
    about = help_->addAction(QString());
}

QActionGroup *MainMenus::choices(QMenu *menu, const QVariantList &values)
{
    auto *group = new QActionGroup(menu);
    group->setExclusive(true);
    for (const QVariant &v : values) {
        QAction *a = menu->addAction(QString());
        a->setCheckable(true);
        a->setData(v);
        group->addAction(a);
    }
    return group;
}

void MainMenus::check(QActionGroup *group, const QVariant &value)
{
    for (QAction *a : group->actions())
        if (a->data() == value)
            a->setChecked(true);
}

void MainMenus::buildFile(QMenuBar *bar)
{
    file_ = bar->addMenu(QString());
    openSession = file_->addAction(QString());
    openSession->setShortcut(QKeySequence::Open);
    saveSession = file_->addAction(QString());
    saveSession->setShortcut(QKeySequence::Save);
    replaySession = file_->addAction(QString());
    replaySession->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    replaySession->setEnabled(false); // while a recorded session is open
    file_->addSeparator();
    exportChart = file_->addAction(QString());
    exportChart->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAll = file_->addAction(QString());
    exportAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    exportTrace = file_->addAction(QString());
    exportTrace->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    scale_ = file_->addMenu(QString());
    exportScale = choices(scale_, {1, 2});
    file_->addSeparator();
    runScript = file_->addAction(QString());
    runScript->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    pythonInterpreter = file_->addAction(QString());
    file_->addSeparator();
    quit = file_->addAction(QString());
    quit->setShortcut(QKeySequence::Quit);
}

void MainMenus::buildRun(QMenuBar *bar)
{
    run_ = bar->addMenu(QString());
    run = run_->addAction(QString());
    run->setShortcut(QKeySequence(Qt::Key_F5));
    runAll = run_->addAction(QString());
    runAll->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F5));
    stop = run_->addAction(QString());
    stop->setShortcut(QKeySequence(Qt::Key_Escape));
    run_->addSeparator();
    clearResults = run_->addAction(QString());
}

void MainMenus::buildView(QMenuBar *bar, int pageCount)
{
    view_ = bar->addMenu(QString());
    presentation = view_->addAction(QString());
    presentation->setShortcut(QKeySequence(Qt::Key_F11));
    presentation->setCheckable(true);
    logScale = view_->addAction(QString());
    logScale->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    logScale->setCheckable(true);
    for (int i = 0; i < pageCount; ++i)
        pages.append(view_->addAction(QString()));
    for (int i = 0; i < pageCount && i < 10; ++i) // Alt+1 … Alt+9, then Alt+0 for the tenth
        pages[i]->setShortcut(QKeySequence(Qt::ALT | (i < 9 ? Qt::Key_1 + i : Qt::Key_0)));
    rate_ = view_->addMenu(QString());
    samplingRate = choices(rate_, {1, 2, 5, 10, 20});
    window_ = view_->addMenu(QString());
    cpuWindow = choices(window_, {10, 20, 60});
}

void MainMenus::buildLanguage(QMenuBar *bar)
{
    language_ = bar->addMenu(QString());
    QVariantList codes;
    for (const QString &code : uiLanguages())
        codes.append(code);
    language = choices(language_, codes);
    for (QAction *a : language->actions())
        a->setObjectName(QStringLiteral("language-") + a->data().toString());
    // Each language is named in itself, so whoever cannot read the current one still finds theirs.
    language->actions().at(0)->setText(QStringLiteral("English"));
    language->actions().at(1)->setText(QStringLiteral("Русский"));
}

void MainMenus::retranslate(const QStringList &pageTitles)
{
    retranslateFileAndRun();
    server_->setTitle(tr("&Server"));
    toggleServer->setText(tr("&Start or stop the demo server"));
    serverDelay->setText(tr("Set the &delay…"));
    view_->setTitle(tr("&View"));
    presentation->setText(tr("&Presentation mode"));
    presentation->setToolTip(tr("Full screen, larger fonts, thicker lines, colour-blind-safe colours"));
    logScale->setText(tr("Timings on a &log scale"));
    logScale->setToolTip(tr("Each decade of seconds the same height, so 0.1 s bars show beside 10 s ones"));
    for (qsizetype i = 0; i < pages.size(); ++i)
        pages[i]->setText(pageTitles.value(i));
    rate_->setTitle(tr("CPU &sampling rate"));
    window_->setTitle(tr("CPU &history shown"));
    for (QAction *a : cpuWindow->actions())
        a->setText(tr("Last %1 s").arg(a->data().toInt()));
    for (QAction *a : samplingRate->actions())
        a->setText(tr("%1 Hz").arg(a->data().toInt()));
    language_->setTitle(tr("&Language"));
    help_->setTitle(tr("&Help"));
    shortcuts->setText(tr("&Keyboard shortcuts"));
    about->setText(tr("&About Concurrency Lab"));
}

void MainMenus::retranslateFileAndRun()
{
    file_->setTitle(tr("&File"));
    exportChart->setText(tr("&Export chart as PNG…"));
    exportAll->setText(tr("Export &all…"));
    exportTrace->setText(tr("Export &trace…"));
    exportTrace->setToolTip(tr("Every run on the Timings page and the CPU graphs as a trace for Perfetto UI (ui.perfetto.dev) or "
                               "chrome://tracing"));
    scale_->setTitle(tr("Export &scale"));
    exportScale->actions().at(0)->setText(tr("1× (screen)"));
    exportScale->actions().at(1)->setText(tr("2× (projector)"));
    openSession->setText(tr("&Open session…"));
    openSession->setToolTip(tr("Show a session saved here or on another machine, as it was recorded"));
    saveSession->setText(tr("&Save session…"));
    saveSession->setToolTip(
        tr("Every experiment run since the app started, with its timeline, and the CPU history: to present on another machine"));
    replaySession->setText(tr("&Replay session"));
    replaySession->setToolTip(tr("Play the opened session's CPU graphs and timeline again at real speed"));
    runScript->setText(tr("Run a &Python script…"));
    runScript->setToolTip(
        tr("Run any Python file on the machine's CPython: timed, its threads and processes on the Timeline, its output shown"));
    pythonInterpreter->setText(tr("Python &interpreter…"));
    pythonInterpreter->setToolTip(tr("Which python3 runs the CPython engine and your scripts"));
    quit->setText(tr("&Quit"));
    run_->setTitle(tr("&Run"));
    run->setText(tr("&Run"));
    run->setToolTip(tr("Run the experiment with the panel's parameters"));
    runAll->setText(tr("Run &all of the lesson"));
    stop->setText(tr("&Stop"));
    clearResults->setText(tr("&Clear results"));
}

} // namespace ui
