// Hidden GUI benchmarks ([.bench]): they print figures for the closing notes; no timing asserts.
#include <catch2/catch.hpp>

#include "pages/cpupage.h"
#include "pages/experimentpanel.h"
#include "window/mainwindow.h"
#include "window/settings.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <malloc.h>
#include <time.h>

using namespace cl;

namespace {
// A real event loop: QTest::qWait sleeps 10 ms between batches of events, which would be
// measured as a stall.
void spin(int ms, const std::function<bool()> &done = {})
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done && done())
            loop.quit();
    });
    poll.start(5);
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}
qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}
struct Schedstat {
    qint64 waitNs = 0, slices = 0;
};

Schedstat schedstat()
{
    QFile f(QStringLiteral("/proc/thread-self/schedstat"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> fields = f.readAll().simplified().split(' ');
    return {fields.value(1).toLongLong(), fields.value(2).toLongLong()};
}
} // namespace

// Three figures per experiment: the longest gap between 1 ms heartbeats (what a user would feel),
// the longest stretch of the GUI thread's own work (what the app controls: CPU time between two
// heartbeats) and the GUI thread's mean wait in the run queue per time slice (the scheduler's
// share of the gaps, from /proc/thread-self/schedstat).
TEST_CASE("longest GUI-thread stall while each lesson experiment runs", "[.][bench]")
{
    qputenv("CONCURRENCY_LAB_WORKER", CL_APP_PATH);
    QTemporaryDir dir;
    ui::MainWindow w{ui::Settings(dir.filePath(QStringLiteral("s.ini")))};
    w.resize(1280, 800);
    w.show();
    QTest::qWait(1500);
    {
        QElapsedTimer paint;
        paint.start();
        for (int k = 0; k < 10; ++k)
            w.repaint();
        WARN("whole window repaint: " << double(paint.nsecsElapsed()) / 1e7 << " ms");
    }
    for (int i = -1; i < 7; ++i) {
        w.experimentPanel()->selectLesson(std::max(i, 0));
        ExperimentSpec spec = w.experimentPanel()->spec();
        spec.repeat = 1;
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0, worstGap = 0, lastCpu = threadCpuNs(), worstWork = 0;
        QTimer heartbeat;
        heartbeat.setTimerType(Qt::PreciseTimer);
        QObject::connect(&heartbeat, &QTimer::timeout, [&] {
            const qint64 now = clock.nsecsElapsed(), cpu = threadCpuNs();
            worstGap = std::max(worstGap, now - last);
            worstWork = std::max(worstWork, cpu - lastCpu);
            last = now;
            lastCpu = cpu;
        });
        const Schedstat before = schedstat();
        heartbeat.start(1);
        last = clock.nsecsElapsed();
        if (i < 0) {
            spin(3000); // the baseline: idle, graphs live
        } else {
            w.runSpec(spec);
            spin(60000, [&] { return !w.isRunning(); });
            REQUIRE_FALSE(w.isRunning());
        }
        const Schedstat after = schedstat();
        const double waitUs
            = after.slices > before.slices ? double(after.waitNs - before.waitNs) / double(after.slices - before.slices) / 1e3 : 0;
        WARN((i < 0 ? QStringLiteral("idle") : QStringLiteral("lesson experiment %1").arg(i + 1)).toStdString()
            << ": longest gap between heartbeats " << double(worstGap) / 1e6 << " ms; longest GUI-thread work " << double(worstWork) / 1e6
            << " ms; mean run-queue wait " << waitUs << " us per slice");
    }
}

TEST_CASE("one redraw of the CPU page with 128 simulated cores", "[.][bench]")
{
    for (int cores : {2, 128}) {
        ui::CpuPage panel;
        panel.resize(1280, 800);
        panel.show();
        for (int t = 0; t < 600; ++t) {
            CpuSample s{t * 100, {0.5, 0.1, 0, 0}, {}};
            for (int c = 0; c < cores; ++c)
                s.cores.insert(c, CpuLoad{double((t + c) % 50) / 100.0, double(c % 10) / 100.0, 0, 0});
            panel.addSamples({s});
        }
        QTest::qWait(100);
        QElapsedTimer t;
        t.start();
        constexpr int kFrames = 20;
        for (int i = 0; i < kFrames; ++i)
            panel.chartArea()->grab();
        WARN("CPU page, " << cores << " cores x 600 samples, 1280x800: " << double(t.nsecsElapsed()) / 1e6 / kFrames
                          << " ms per full redraw");
    }
}

#include "monitor/ownusage.h"
#include "notebook/fileops.h"

TEST_CASE("peak memory: iterating a 1 GiB file line by line vs reading it whole", "[.][bench]")
{
    QTemporaryDir dir;
    const cl::FileLab lab(dir.path());
    REQUIRE(lab.makeBigFile(QStringLiteral("big.txt"), qint64(1) << 30).ok);
    for (const bool whole : {false, true}) {
        malloc_trim(0);
        const qint64 before = cl::currentRssBytes();
        cl::resetPeakRss();
        QElapsedTimer t;
        t.start();
        const cl::FileOpResult r
            = whole ? lab.read(QStringLiteral("big.txt")) : lab.iterateLines(QStringLiteral("big.txt"), cl::TextEncoding::Utf8, 2);
        INFO(r.error.toStdString());
        REQUIRE(r.ok);
        WARN((whole ? "read whole: " : "iterate lines: ")
            << double(t.nsecsElapsed()) / 1e9 << " s, resident before " << double(before) / 1048576.0 << " MiB, peak "
            << double(cl::peakRssBytes()) / 1048576.0 << " MiB");
    }
}

#include "charts/timelineview.h"

TEST_CASE("one frame of the timeline with 1,000 lanes and 100,000 spans", "[.][bench]")
{
    QList<cl::Span> spans;
    for (int w = 0; w < 1000; ++w)
        for (int i = 0; i < 100; ++i)
            spans.append(cl::Span{w, cl::WorkerKind::Thread, i % 2 ? cl::WorkerState::WaitGil : cl::WorkerState::Running,
                i * 0.01 + w * 1e-5, (i + 1) * 0.01 + w * 1e-5});
    for (int maxLanes : {cl::TimelineModel::kDefaultMaxLanes, 1000}) {
        QElapsedTimer build;
        build.start();
        auto model = std::make_shared<cl::TimelineModel>(spans, 1.0, maxLanes);
        const double buildMs = double(build.nsecsElapsed()) / 1e6;
        ui::TimelineView view;
        view.resize(1280, 800);
        view.show();
        view.setModel(model, QStringLiteral("bench"));
        QTest::qWait(50);
        QElapsedTimer t;
        t.start();
        constexpr int kFrames = 20;
        for (int i = 0; i < kFrames; ++i) {
            view.setWindow({0.1 * (i % 5), 0.5 + 0.1 * (i % 5)}); // zooming and panning: a real redraw each time
            view.viewport()->repaint();
        }
        WARN(model->lanes().size() << " lanes shown of 1000 workers, 100000 spans: model built in " << buildMs << " ms, one frame "
                                   << double(t.nsecsElapsed()) / 1e6 / kFrames << " ms");
    }
}
