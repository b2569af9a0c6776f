// Switching the language from the menu happens in place: every page speaks the new language,
// and nothing the window holds is lost — results, CPU history, the timeline and its pinned run,
// and a run in progress, which goes on undisturbed.
#include <catch2/catch.hpp>

#include "charts/cpugraph.h"
#include "charts/timingchart.h"
#include "helpers.h"
#include "models/processmodel.h"
#include "models/resultsmodel.h"
#include "pages/cpupage.h"
#include "pages/experimentpanel.h"
#include "pages/filespage.h"
#include "pages/speeduppage.h"
#include "pages/timelinepage.h"
#include "window/language.h"
#include "window/mainwindow.h"
#include "window/settings.h"

#include <QActionGroup>
#include <QChart>
#include <QGroupBox>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace cl;

namespace {
struct EnglishAfterwards { // the other tests expect the untranslated UI
    ~EnglishAfterwards()
    {
        ui::installTranslations(QStringLiteral("en"));
        QCoreApplication::processEvents();
    }
};

struct Window : EnglishAfterwards {
    QTemporaryDir dir;
    ui::MainWindow w{ui::Settings(dir.filePath(QStringLiteral("s.ini")))};
    Window()
    {
        qputenv("CONCURRENCY_LAB_WORKER", CL_APP_PATH); // child workers are the app, not this test binary
        w.show();
    }
    template <class T> T *child(const char *name = nullptr) const { return w.findChild<T *>(name ? QLatin1String(name) : QString()); }
    QAction *languageAction(const char *code) const { return w.findChild<QAction *>(QStringLiteral("language-") + QLatin1String(code)); }
    void switchTo(const char *code)
    {
        QAction *a = languageAction(code);
        REQUIRE(a);
        a->trigger(); // as the menu does
        QTest::qWait(20); // QEvent::LanguageChange is posted
    }
};

// One text from every page, the menus and the status bar.
QStringList visibleTexts(const Window &win)
{
    QStringList t;
    for (int i = 0; i < win.w.pages()->count(); ++i)
        t << win.w.pages()->tabText(i);
    for (QAction *menu : win.w.menuBar()->actions())
        t << menu->text();
    t << win.child<QPushButton>("runButton")->text() << win.w.experimentPanel()->findChild<QGroupBox *>()->title()
      << win.w.cpuPage()->findChild<ui::CpuGraph *>()->toolTip()
      << win.w.resultsModel()->headerData(ui::ResultsModel::Experiment, Qt::Horizontal).toString()
      << win.w.timingChart()->currentChart()->title() << win.w.timelinePage()->findChild<QPushButton *>()->text()
      << win.w.speedupPage()->chart()->chart()->title()
      << win.child<ui::ProcessModel>()->headerData(ui::ProcessModel::Name, Qt::Horizontal).toString()
      << win.child<QPushButton>("write")->text() << win.w.pages()->widget(7)->findChild<QTableWidget *>()->horizontalHeaderItem(1)->text()
      << win.w.pages()->widget(8)->findChild<QPushButton *>()->text() << win.w.pages()->widget(4)->findChild<QGroupBox *>()->title()
      << win.w.pages()->widget(4)->findChild<QTableWidget *>(QStringLiteral("convoyTable"))->horizontalHeaderItem(0)->text();
    static const QRegularExpression digits(QStringLiteral("[0-9]"));
    for (QLabel *label : win.w.statusBar()->findChildren<QLabel *>()) // the state, the demo server's, other programs' load:
        t << label->text().replace(digits, QStringLiteral("#")); // their live figures may change meanwhile
    return t;
}

void requireAllDiffer(const QStringList &a, const QStringList &b)
{
    REQUIRE(a.size() == b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        INFO(a[i].toStdString() << " | " << b[i].toStdString());
        CHECK(a[i] != b[i]);
    }
}

void checkAllEqual(const QStringList &a, const QStringList &b)
{
    REQUIRE(a.size() == b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        INFO(i);
        CHECK(a[i].toStdString() == b[i].toStdString());
    }
}

struct Held { // what the window holds, which a switch must keep
    int rows = 0, timelineRuns = 0;
    bool pinned = false;
    qsizetype cpuSamples = 0;
};

Held held(const Window &win)
{
    return {win.w.resultsModel()->rowCount(), win.w.timelinePage()->runCount(),
        !win.w.timelinePage()->pinned()->isHidden() && win.w.timelinePage()->pinned()->model() != nullptr,
        win.w.cpuPage()->history().size()};
}

void checkKept(const Held &before, const Held &now)
{
    CHECK(now.rows == before.rows);
    CHECK(now.timelineRuns == before.timelineRuns);
    CHECK(now.pinned == before.pinned);
    CHECK(now.cpuSamples >= before.cpuSamples);
}

void runToEnd(Window &win, ExperimentSpec spec)
{
    win.w.runSpec(spec);
    REQUIRE(QTest::qWaitFor([&] { return !win.w.isRunning(); }, 60000));
}
} // namespace

TEST_CASE("the language switches in place from the menu and the window keeps everything", "[window][i18n]")
{
    Window win;
    REQUIRE(win.languageAction("en"));
    CHECK(win.languageAction("en")->isChecked());
    CHECK(win.languageAction("en")->actionGroup()->isExclusive());
    ExperimentSpec spec = test::smallSpec(Workload::Cpu, Strategy::Threads, 2, 20'000);
    spec.repeat = 2;
    runToEnd(win, spec);
    win.w.timelinePage()->pinCurrent();
    REQUIRE(QTest::qWaitFor([&] { return win.w.cpuPage()->history().size() >= 2; }, 5000));
    const Held before = held(win);
    REQUIRE(before.rows == 2);
    REQUIRE(before.pinned);
    const QStringList english = visibleTexts(win);

    win.switchTo("ru");
    CHECK(win.languageAction("ru")->isChecked());
    CHECK_FALSE(win.languageAction("en")->isChecked());
    CHECK(win.w.pages()->tabText(0) == QStringLiteral("Загрузка ЦП"));
    requireAllDiffer(english, visibleTexts(win));
    checkKept(before, held(win));
    CHECK(ui::Settings(win.dir.filePath(QStringLiteral("s.ini"))).language() == QLatin1String("ru"));

    win.switchTo("en");
    CHECK(win.languageAction("en")->isChecked());
    checkAllEqual(visibleTexts(win), english);
    checkKept(before, held(win));
}

TEST_CASE("switching the language during a run leaves the run undisturbed", "[window][i18n]")
{
    Window win;
    ExperimentSpec endless = test::smallSpec(Workload::Cpu, Strategy::Processes, 2, 50'000'000'000);
    endless.repeat = 1;
    win.w.runSpec(endless);
    REQUIRE(win.w.isRunning());
    REQUIRE(QTest::qWaitFor([] { return test::childPids().size() >= 2; }, 20000));
    REQUIRE(QTest::qWaitFor([&] { return win.w.statusText().startsWith(QStringLiteral("Running:")); }, 5000));
    const QList<pid_t> workers = test::childPids();
    const QStringList english = visibleTexts(win);
    REQUIRE(win.w.cpuPage()->markers().size() == 1); // the run's start line on the CPU graphs
    const QString englishMarker = win.w.cpuPage()->markers().first().label.text();

    win.switchTo("ru");
    CHECK(win.w.cpuPage()->markers().first().label.text() != englishMarker); // its label follows the switch
    CHECK(win.w.isRunning());
    CHECK(win.w.statusText().startsWith(QStringLiteral("Выполняется"))); // "Running: …", recomputed
    CHECK_FALSE(win.child<QPushButton>("runButton")->isEnabled());
    requireAllDiffer(english, visibleTexts(win));
    win.switchTo("en");
    win.switchTo("ru");
    win.switchTo("en");
    CHECK(win.w.isRunning());
    CHECK(test::childPids() == workers); // the same workers, still counting
    checkAllEqual(visibleTexts(win), english);

    win.w.stop();
    REQUIRE(QTest::qWaitFor([&] { return !win.w.isRunning(); }, 10000));
    CHECK(win.w.statusText() == QStringLiteral("Stopped."));
    CHECK(win.w.resultsModel()->rowCount() == 1);
    CHECK(test::childPids().isEmpty());
}
