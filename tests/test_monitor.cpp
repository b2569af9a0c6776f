#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include <unistd.h>

#include "monitor/cpuload.h"
#include "monitor/processtree.h"
#include "monitor/samplepacer.h"
#include "monitor/treecpu.h"

#include <QAbstractItemModelTester>
#include <QFontMetrics>
#include <QLabel>
#include <QScreen>
#include <QSignalSpy>
#include <QTest>

#include "charts/cpugraph.h"
#include "models/processmodel.h"
#include "pages/cpupage.h"

using namespace cl;

namespace {
QByteArray statText(const QList<QList<quint64>> &cores, bool withTotal = true)
{
    QByteArray out;
    QList<quint64> total(10, 0);
    QByteArray lines;
    for (int c = 0; c < cores.size(); ++c) {
        if (cores[c].isEmpty())
            continue; // offline
        lines += "cpu" + QByteArray::number(c);
        for (int i = 0; i < 10; ++i) {
            const quint64 v = cores[c].value(i);
            lines += ' ' + QByteArray::number(v);
            total[i] += v;
        }
        lines += '\n';
    }
    if (withTotal) {
        out += "cpu ";
        for (quint64 v : total)
            out += ' ' + QByteArray::number(v);
        out += '\n';
    }
    return out + lines + "intr 12345 0 0\nctxt 999\nbtime 1700000000\nprocs_running 2\n";
}
} // namespace

TEST_CASE("/proc/stat of one core gives user and system shares", "[monitor]")
{
    const auto a = parseProcStat(statText({{100, 0, 50, 850, 0, 0, 0, 0, 0, 0}}));
    const auto b = parseProcStat(statText({{160, 0, 70, 870, 0, 0, 0, 0, 0, 0}}));
    REQUIRE(a);
    REQUIRE(b);
    const CpuSample s = sampleBetween(*a, *b, 100);
    REQUIRE(s.cores.size() == 1);
    CHECK(s.cores[0].user == Approx(0.6));
    CHECK(s.cores[0].system == Approx(0.2));
    CHECK(s.all.busy() == Approx(0.8));
}

TEST_CASE("/proc/stat of two cores: one busy, one idle", "[monitor]")
{
    const auto a = parseProcStat(statText({{0, 0, 0, 0}, {0, 0, 0, 0}}));
    const auto b = parseProcStat(statText({{100, 0, 0, 0}, {0, 0, 0, 100}}));
    const CpuSample s = sampleBetween(*a, *b, 100);
    CHECK(s.cores[0].busy() == Approx(1.0));
    CHECK(s.cores[1].busy() == Approx(0.0));
    CHECK(s.all.busy() == Approx(0.5)); // one core's worth out of two
}

TEST_CASE("/proc/stat of 64 cores, nice, irq and steal counted", "[monitor]")
{
    QList<QList<quint64>> before(64, QList<quint64>{0, 0, 0, 0, 0, 0, 0, 0, 0, 0}), after;
    for (int c = 0; c < 64; ++c)
        after.append({quint64(c), 10, 5, quint64(100 - c - 30), 5, 3, 2, 5, 0, 0});
    const CpuSample s = sampleBetween(*parseProcStat(statText(before)), *parseProcStat(statText(after)), 100);
    REQUIRE(s.cores.size() == 64);
    CHECK(s.cores[0].user == Approx(10.0 / 100.0));
    CHECK(s.cores[63].user == Approx(73.0 / 100.0));
    CHECK(s.cores[20].system == Approx(10.0 / 100.0));
    CHECK(s.cores[20].iowait == Approx(0.05));
    CHECK(s.cores[20].steal == Approx(0.05));
}

TEST_CASE("a core that goes offline disappears, and comes back without nonsense", "[monitor]")
{
    const auto a = parseProcStat(statText({{10, 0, 0, 90}, {10, 0, 0, 90}}));
    const auto offline = parseProcStat(statText({{20, 0, 0, 180}, {}}));
    const auto back = parseProcStat(statText({{30, 0, 0, 270}, {0, 0, 0, 5}})); // its counters restarted
    REQUIRE(offline);
    CHECK(offline->cores.size() == 1);
    const CpuSample s1 = sampleBetween(*a, *offline, 100);
    CHECK(s1.cores.size() == 1);
    const CpuSample s2 = sampleBetween(*a, *back, 200);
    CHECK(s2.cores[1].busy() == 0.0); // went backwards: an empty interval
    CHECK(s2.cores[0].busy() == Approx(20.0 / 200.0));
    CpuHistory h(3);
    h.append(s1);
    h.append(s2);
    CHECK(h.cores() == QList<int>{0, 1});
}

TEST_CASE("counters that wrap or go backwards give zero, not a spike", "[monitor]")
{
    CpuCounters a{std::numeric_limits<quint64>::max() - 5, 0, 0, 100, 0, 0, 0, 0};
    CpuCounters b{10, 0, 0, 200, 0, 0, 0, 0};
    const CpuLoad l = loadBetween(a, b);
    CHECK(l.busy() == 0.0);
    CHECK(l.iowait == 0.0);
    CHECK_FALSE(parseProcStat("garbage\n"));
    CHECK_FALSE(parseProcStat("cpu  1 2 x 4\n"));
}

TEST_CASE("the history keeps the newest samples in order", "[monitor]")
{
    CpuHistory h(3);
    for (int i = 0; i < 5; ++i)
        h.append(CpuSample{i, {}, {}});
    REQUIRE(h.size() == 3);
    CHECK(h.at(0).tMs == 2);
    CHECK(h.last().tMs == 4);
    h.setCapacity(2);
    CHECK(h.at(0).tMs == 3);
}

namespace {
class FakeProc : public ProcFs {
public:
    QHash<QString, QByteArray> files;
    QByteArray read(const QString &path) const override { return files.value(path); }
    QStringList entries(const QString &dir) const override
    {
        QSet<QString> out;
        const QString prefix = dir + QLatin1Char('/');
        for (auto it = files.cbegin(); it != files.cend(); ++it)
            if (it.key().startsWith(prefix))
                out.insert(it.key().mid(prefix.size()).section(QLatin1Char('/'), 0, 0));
        return {out.begin(), out.end()};
    }
    void stat(qint64 pid, qint64 ppid, const char *name, quint64 utime, quint64 stime, int threads, qint64 rss, const QString &path = {},
        int processor = 0)
    {
        QByteArray text = QByteArray::number(pid) + " (" + name + ") R " + QByteArray::number(ppid) + " 1 1 0 -1 4194304 100 0 0 0 "
            + QByteArray::number(utime) + ' ' + QByteArray::number(stime) + " 0 0 20 0 " + QByteArray::number(threads) + " 0 12345 1000000 "
            + QByteArray::number(rss) + " 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 " + QByteArray::number(processor) + " 0 0\n";
        files.insert(path.isEmpty() ? QStringLiteral("/proc/%1/stat").arg(pid) : path, text);
    }
};
} // namespace

TEST_CASE("the monitor slows down on an idle machine and returns to full rate at once", "[monitor]")
{
    SamplePacer pacer(100);
    const CpuLoad idle{0.02, 0.01, 0, 0};
    const CpuLoad busy{0.5, 0.1, 0, 0};
    const auto reading = [](qint64 t, CpuLoad core0, CpuLoad core1) { return CpuSample{t, {}, {{0, core0}, {1, core1}}}; };

    for (int i = 0; i < SamplePacer::kQuietSamples - 1; ++i)
        CHECK(pacer.next(reading(i * 100, idle, idle)) == 100);
    CHECK(pacer.next(reading(1000, idle, idle)) == 300); // a second with no core above 10 %
    CHECK(pacer.slow());
    CHECK(pacer.next(reading(1200, idle, busy)) == 100); // one busy core is enough

    for (int i = 0; i < 2 * SamplePacer::kQuietSamples; ++i)
        pacer.next(reading(1300 + i * 100, idle, idle));
    REQUIRE(pacer.slow());
    pacer.setActive(true); // an experiment starts: full rate even before it shows on a core
    CHECK(pacer.waitMs() == 100);
    for (int i = 0; i < 2 * SamplePacer::kQuietSamples; ++i)
        CHECK(pacer.next(reading(4000 + i * 100, idle, idle)) == 100);
    pacer.setActive(false);
    CHECK_FALSE(pacer.slow()); // and a quiet second again before it slows down
}

TEST_CASE("a slow reading is drawn as one column per interval with its load", "[monitor]")
{
    const SamplePacer pacer(100);
    const CpuSample reading{5000, {0.3, 0.1, 0, 0}, {{0, {0.6, 0.2, 0, 0}}, {1, {0, 0, 0, 0}}}};
    CHECK(pacer.columns(reading, 100).size() == 1);
    CHECK(pacer.columns(reading, 130).size() == 1); // a late tick is still one interval
    CHECK(pacer.slowFactor() == 3);
    CHECK(pacer.columns(reading, 5000).size() == pacer.slowFactor()); // a stall is not drawn as seconds
    CHECK(SamplePacer(200).slowFactor() == 1); // 5 Hz and slower: no slower still
    CHECK(SamplePacer(50).slowFactor() == 6); // 20 Hz: about 300 ms too
    const QList<CpuSample> three = pacer.columns(reading, 300);
    REQUIRE(three.size() == 3);
    CHECK(three[0].tMs == 4800);
    CHECK(three[1].tMs == 4900);
    CHECK(three[2].tMs == 5000);
    for (const CpuSample &s : three) {
        CHECK(s.cores[0].user == Approx(0.6)); // the average over 300 ms, not three times the load
        CHECK(s.all.busy() == Approx(0.4));
    }
}

TEST_CASE("/proc/<pid>/stat parses names with spaces and parentheses", "[processes]")
{
    const auto s = parsePidStat("42 (my (odd) app) S 1 1 1 0 -1 0 0 0 0 0 250 50 0 0 20 0 3 0 100 2000 300 0\n");
    REQUIRE(s);
    CHECK(s->pid == 42);
    CHECK(s->name == QLatin1String("my (odd) app"));
    CHECK(s->state == 'S');
    CHECK(s->utime == 250);
    CHECK(s->stime == 50);
    CHECK(s->threads == 3);
    CHECK(s->rssPages == 300);
    CHECK_FALSE(parsePidStat("nonsense"));
}

TEST_CASE("the process table shows the app's tree with CPU % per process and thread", "[processes]")
{
    FakeProc fs;
    auto snapshot = [&](quint64 t) {
        fs.files.clear();
        fs.stat(100, 1, "concurrency-lab", 2 * t, 0, 2, 1000);
        fs.stat(100, 1, "concurrency-lab", t, 0, 1, 0, QStringLiteral("/proc/100/task/100/stat"));
        fs.stat(101, 100, "runner", t, 0, 1, 0, QStringLiteral("/proc/100/task/101/stat"));
        fs.stat(200, 100, "concurrency-lab", t, 0, 1, 500); // a child worker at 100 %
        fs.stat(300, 1, "unrelated", 5 * t, 0, 1, 10);
    };
    ProcessSampler sampler(100, fs, 100, 4096);
    snapshot(0);
    CHECK(sampler.sample(0).size() == 2);
    snapshot(100); // one second later: 100 ticks more per thread
    const QList<ProcessRow> rows = sampler.sample(1000);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].pid == 100);
    CHECK(rows[0].cpuPercent == Approx(200.0));
    CHECK(rows[0].rssBytes == 1000 * 4096);
    REQUIRE(rows[0].threadRows.size() == 2);
    CHECK(rows[0].threadRows[0].cpuPercent == Approx(100.0));
    CHECK(rows[1].pid == 200);
    CHECK(rows[1].cpuPercent == Approx(100.0));

    fs.files.remove(QStringLiteral("/proc/200/stat")); // the child exited
    CHECK(sampler.sample(2000).size() == 1);

    ui::ProcessModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setProcesses(rows);
    REQUIRE(model.rowCount() == 1); // the app at the top, its worker process under it
    const QModelIndex app = model.index(0, 0);
    CHECK(model.data(model.index(0, ui::ProcessModel::Cpu)).toString() == QLatin1String("200 %"));
    REQUIRE(model.rowCount(app) == 3); // its two threads, then the child process
    CHECK(model.data(model.index(2, ui::ProcessModel::Pid, app)).toString() == QLatin1String("200"));
    CHECK(model.data(model.index(2, ui::ProcessModel::Cpu, app)).toString() == QLatin1String("100 %"));
    CHECK(model.parent(model.index(2, 0, app)) == app);
    model.setProcesses(rows); // the same shape: updated in place
    CHECK(model.rowCount(model.index(0, 0)) == 3);
    model.setProcesses(rows.mid(0, 1));
    CHECK(model.rowCount() == 1);
    CHECK(model.rowCount(model.index(0, 0)) == 2);
}

TEST_CASE("the app's own CPU is put on the core each of its threads and children ran on", "[processes][monitor]")
{
    for (const bool childrenFiles : {true, false}) {
        INFO((childrenFiles ? "through the children files" : "through every process's parent"));
        FakeProc fs;
        auto snapshot = [&](quint64 t) {
            fs.files.clear();
            fs.stat(100, 1, "concurrency-lab", t / 2 + t / 5, t / 10, 2, 1000); // the whole process: its threads' sum
            fs.stat(100, 1, "concurrency-lab", t / 2, 0, 1, 0, QStringLiteral("/proc/100/task/100/stat"), 0); // GUI, core 0
            fs.stat(101, 100, "runner", t / 5, t / 10, 1, 0, QStringLiteral("/proc/100/task/101/stat"), 1); // core 1
            fs.stat(200, 100, "concurrency-lab", t, 0, 1, 500); // a child worker, busy on core 1
            fs.stat(200, 100, "concurrency-lab", t, 0, 1, 500, QStringLiteral("/proc/200/task/200/stat"), 1);
            fs.stat(300, 1, "unrelated", 5 * t, 0, 1, 10, {}, 0);
            fs.stat(300, 1, "unrelated", 5 * t, 0, 1, 10, QStringLiteral("/proc/300/task/300/stat"), 0);
            if (childrenFiles) {
                fs.files.insert(QStringLiteral("/proc/100/task/100/children"), "");
                fs.files.insert(QStringLiteral("/proc/100/task/101/children"), "200 ");
            }
        };
        snapshot(0);
        cl::TreeCpuSampler sampler(100, fs, 100);
        CHECK(sampler.tree() == QList<qint64>{100, 200});
        cl::CpuSample s{0, {0.5, 0.5}, {{0, {1.0, 0}}, {1, {0.8, 0.2}}}};
        sampler.attribute(s, 0); // the first reading
        CHECK(s.cores[0].own() == 0);
        snapshot(100); // a second later
        sampler.attribute(s, 1.0);
        // Core 1: the runner (0.2 user + 0.1 system) and the child (1.0) read 1.3 of a core that
        // was busy 1.0: full, keeping the split; the 0.3 that cannot have run there ran on core 0.
        CHECK(s.cores[1].own() == Approx(1.0));
        CHECK(s.cores[1].ownSystem == Approx(0.1 / 1.3));
        CHECK(s.cores[1].other() < 1e-9);
        CHECK(s.cores[0].ownUser == Approx(0.5 + 0.3 * 1.2 / 1.3)); // the GUI thread and the spill
        CHECK(s.cores[0].ownSystem == Approx(0.3 * 0.1 / 1.3));
        CHECK(s.cores[0].other() == Approx(0.2)); // the unrelated process is not ours
        CHECK(s.all.own() == Approx(0.9)); // all 1.8 cores of it

        // A second later nothing of the app ran: its threads are not read, and nothing is put anywhere.
        for (auto path : {QStringLiteral("/proc/100/task/100/stat"), QStringLiteral("/proc/100/task/101/stat")})
            fs.files.remove(path);
        fs.stat(200, 100, "concurrency-lab", 100, 0, 1, 500);
        fs.stat(200, 100, "concurrency-lab", 100, 0, 1, 500, QStringLiteral("/proc/200/task/200/stat"), 1);
        cl::CpuSample quiet{0, {0.5, 0.5}, {{0, {1.0, 0}}, {1, {1.0, 0}}}};
        sampler.attribute(quiet, 1.0);
        CHECK(quiet.all.own() == 0);
        CHECK(quiet.cores[1].other() == Approx(1.0));
    }
}

TEST_CASE("a thread that hopped between cores is not drawn as other programs on the core it left", "[processes][monitor]")
{
    FakeProc fs;
    auto snapshot = [&](quint64 t) { // one thread, busy the whole second, last seen on core 1
        fs.files.clear();
        fs.stat(100, 1, "concurrency-lab", t, 0, 1, 1000);
        fs.stat(100, 1, "concurrency-lab", t, 0, 1, 0, QStringLiteral("/proc/100/task/100/stat"), 1);
        fs.files.insert(QStringLiteral("/proc/100/task/100/children"), "");
    };
    snapshot(0);
    cl::TreeCpuSampler sampler(100, fs, 100);
    cl::CpuSample first{0, {}, {{0, {}}, {1, {}}}};
    sampler.attribute(first, 0);
    snapshot(100);
    SECTION("half a second on each core")
    {
        cl::CpuSample s{0, {0.5, 0}, {{0, {0.5, 0}}, {1, {0.5, 0}}}};
        sampler.attribute(s, 1.0);
        CHECK(s.cores[0].own() == Approx(0.5));
        CHECK(s.cores[1].own() == Approx(0.5));
        CHECK(s.cores[0].other() < 1e-9);
        CHECK(s.all.own() == Approx(0.5));
    }
    SECTION("and another program on the core it left")
    {
        cl::CpuSample s{0, {0.7, 0}, {{0, {0.9, 0}}, {1, {0.5, 0}}}};
        sampler.attribute(s, 1.0);
        CHECK(s.cores[0].own() == Approx(0.5));
        CHECK(s.cores[0].other() == Approx(0.4));
        CHECK(s.cores[1].other() < 1e-9);
    }
}

TEST_CASE("a kept-open /proc file reads its new contents each time, and nothing once it is gone", "[processes][monitor]")
{
    cl::CachingProcFs fs;
    auto cpuTicks = [&] {
        const auto st = parsePidStat(fs.read(QStringLiteral("/proc/self/task/%1/stat").arg(gettid())));
        REQUIRE(st);
        return st->utime + st->stime;
    };
    const quint64 before = cpuTicks();
    for (const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(60); std::chrono::steady_clock::now() < end;) { }
    CHECK(cpuTicks() > before); // the same descriptor, read again from the start
    QString path;
    std::thread([&] {
        path = QStringLiteral("/proc/self/task/%1/stat").arg(gettid());
        CHECK_FALSE(fs.read(path).isEmpty()); // kept open
    }).join();
    // The thread ended: once the kernel has let go of it (a moment after the join), its kept
    // descriptor reads nothing, and so does every later read.
    bool gone = false;
    for (const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(5); !gone && std::chrono::steady_clock::now() < end;)
        gone = fs.read(path).isEmpty();
    CHECK(gone);
    CHECK(fs.read(path).isEmpty());
    CHECK(fs.read(QStringLiteral("/proc/nonexistent")).isEmpty());
}

TEST_CASE("a thread that started since the last reading counts from zero, an older one from its first reading", "[processes][monitor]")
{
    FakeProc fs;
    auto stat = [&](qint64 tid, quint64 utime, quint64 started) {
        QByteArray text = QByteArray::number(tid) + " (w) R 1 1 1 0 -1 0 0 0 0 0 " + QByteArray::number(utime) + " 0 0 0 20 0 1 0 "
            + QByteArray::number(started) + " 1000 10 0 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0\n";
        fs.files.insert(QStringLiteral("/proc/100/task/%1/stat").arg(tid), text);
    };
    fs.stat(100, 1, "concurrency-lab", 0, 0, 1, 10);
    stat(100, 0, 500);
    cl::TreeCpuSampler sampler(100, fs, 100);
    cl::CpuSample s{0, {}, {{0, {1.0, 0}}}};
    sampler.attribute(s, 0, 1000); // the first readings, at 10 s after boot
    fs.stat(100, 1, "concurrency-lab", 80, 0, 1, 10);
    stat(101, 30, 1005); // a worker started at 10.05 s: its 0.3 s are this interval's
    stat(102, 50, 900); // an older thread not read before: only from now on
    sampler.attribute(s, 1.0, 1100);
    CHECK(s.cores[0].ownUser == Approx(0.3));
}

TEST_CASE("the app's tree is looked for again only when a process or thread was created", "[processes][monitor]")
{
    FakeProc fs;
    fs.stat(100, 1, "concurrency-lab", 0, 0, 1, 1000);
    fs.stat(100, 1, "concurrency-lab", 0, 0, 1, 0, QStringLiteral("/proc/100/task/100/stat"));
    fs.files.insert(QStringLiteral("/proc/100/task/100/children"), "");
    fs.files.insert(QStringLiteral("/proc/loadavg"), "0.10 0.20 0.30 1/200 4000\n");
    cl::TreeCpuSampler sampler(100, fs, 100);
    CHECK(sampler.tree() == QList<qint64>{100});
    fs.files.insert(QStringLiteral("/proc/100/task/100/children"), "200"); // impossible without a new pid
    CHECK(sampler.tree() == QList<qint64>{100});
    fs.files.insert(QStringLiteral("/proc/loadavg"), "0.10 0.20 0.30 1/201 200\n");
    CHECK(sampler.tree() == QList<qint64>{100, 200});
    fs.files.remove(QStringLiteral("/proc/loadavg")); // unreadable: looked for every time
    fs.files.insert(QStringLiteral("/proc/100/task/100/children"), "");
    CHECK(sampler.tree() == QList<qint64>{100});
}

namespace {
cl::CpuSample sampleAt(int i)
{
    cl::CpuSample s;
    s.tMs = 100 * i;
    const double user = (i * 37 % 100) / 200.0, system = (i * 13 % 50) / 200.0;
    cl::CpuLoad l{user, system};
    l.ownUser = user * double(i % 3) / 2.0;
    l.ownSystem = system / 2.0;
    s.all = l;
    s.cores.insert(0, l);
    return s;
}
} // namespace

TEST_CASE("the CPU graph scrolled on screen shows what it paints from scratch", "[monitor][window]")
{
    // Wide graphs (a sample spans pixels) and narrow ones (pixels share samples); a history that
    // fills up and then wraps; samples one at a time and two at a time (an idle machine); a
    // labelled start marker and an end marker that scroll with the data.
    for (const auto &[width, capacity, every] :
        {std::tuple{300, 50, 1}, std::tuple{300, 600, 1}, std::tuple{97, 40, 1}, std::tuple{420, 80, 2}}) {
        INFO("width " << width << ", capacity " << capacity << ", painted every " << every << " samples");
        cl::CpuHistory history(capacity);
        const QList<ui::TimeMarker> markers{{100 * capacity / 2 + 50, true, QStringLiteral("2 threads")}, {100 * capacity, false, {}}};
        ui::CpuGraph graph(history, markers, 0);
        graph.setMarkerLabels(true);
        graph.resize(width, 120);
        graph.show();
        REQUIRE(QTest::qWaitForWindowExposed(&graph));
        for (int i = 0; i < capacity + capacity / 2; ++i) {
            history.append(sampleAt(i));
            if (i % every == 0)
                graph.refresh();
            QCoreApplication::sendPostedEvents(nullptr, QEvent::UpdateRequest);
        }
        graph.refresh();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::UpdateRequest);
        // What the window shows (scrolled, painted strip by strip) against a paint of the whole.
        // The header's figures are repainted twice a second and the leftmost column may hold a
        // sample that has just left the history: only the plot right of that column is compared.
        const QImage shown = graph.screen()->grabWindow(graph.winId()).toImage().convertToFormat(QImage::Format_RGB32);
        const QImage whole = graph.grab().toImage().convertToFormat(QImage::Format_RGB32);
        const int top = QFontMetrics(graph.font()).height() + 8, left = width / 4;
        const QRect plot(left, top, width - left, 120 - top);
        CHECK(shown.copy(plot) == whole.copy(plot));
    }
}

TEST_CASE("the Live CPU page warns while other programs take over a quarter of a core, and enlarges a clicked core", "[monitor][window]")
{
    ui::CpuPage page;
    page.resize(800, 600);
    page.show();
    QSignalSpy warnings(&page, &ui::CpuPage::otherLoadWarning);
    qint64 t = 0;
    auto feed = [&](double otherPerCore, int count) {
        for (int i = 0; i < count; ++i) {
            cl::CpuLoad l{otherPerCore + 0.2, 0};
            l.ownUser = 0.2; // the app's own share is never "other"
            page.addSamples({{t += 100, l, {{0, l}, {1, l}}}});
        }
    };
    feed(0.05, 20); // 0.1 of a core in all: quiet
    CHECK(warnings.isEmpty());
    CHECK_FALSE(page.findChild<QLabel *>(QStringLiteral("otherLoadWarning"))->isVisible());
    feed(0.3, 20); // 0.6 of a core
    REQUIRE_FALSE(warnings.isEmpty());
    CHECK(warnings.last().at(0).toBool());
    CHECK(page.otherLoad() == Approx(0.6));
    CHECK(page.findChild<QLabel *>(QStringLiteral("otherLoadWarning"))->isVisible());
    feed(0.0, 20);
    CHECK_FALSE(warnings.last().at(0).toBool());
    CHECK_FALSE(page.findChild<QLabel *>(QStringLiteral("otherLoadWarning"))->isVisible());

    QList<ui::CpuGraph *> graphs = page.findChildren<ui::CpuGraph *>();
    REQUIRE(graphs.size() == 3); // the total and two cores
    ui::CpuGraph *core1 = *std::find_if(graphs.begin(), graphs.end(), [](auto *g) { return g->core() == 1; });
    QTest::mouseClick(core1, Qt::LeftButton);
    CHECK(page.enlarged() == 1);
    for (ui::CpuGraph *g : graphs)
        CHECK(g->isVisible() == (g->core() == 1));
    QTest::mouseClick(core1, Qt::LeftButton); // again: every graph
    CHECK(page.enlarged() == ui::CpuPage::kAllGraphs);
    for (ui::CpuGraph *g : graphs)
        CHECK(g->isVisible());
}
