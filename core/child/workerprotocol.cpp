#include "child/workerprotocol.h"

namespace cl {

void WorkerLineParser::feed(const QByteArray &bytes, ChildReport &report)
{
    qsizetype start = 0;
    for (qsizetype nl; (nl = bytes.indexOf('\n', start)) >= 0; start = nl + 1) {
        if (!discarding_)
            parseLine(pending_ + bytes.mid(start, nl - start), report);
        pending_.clear();
        discarding_ = false;
    }
    if (discarding_)
        return;
    pending_ += bytes.mid(start);
    if (pending_.size() > kMaxLine) {
        pending_.clear();
        discarding_ = true;
        ++report.garbageLines;
    }
}

void WorkerLineParser::finish(ChildReport &report)
{
    if (!pending_.isEmpty() && !discarding_)
        parseLine(pending_, report);
    pending_.clear();
    discarding_ = false;
}

void WorkerLineParser::parseLine(const QByteArray &raw, ChildReport &r)
{
    const QByteArray line = raw.trimmed();
    const QList<QByteArray> f = line.split(' ');
    bool ok = f.size() >= 2 && f[0] == kProtocolTag;
    const QByteArray &verb = ok ? f[1] : QByteArray();
    auto num = [&](int i) {
        bool good = false;
        const double v = i < f.size() ? f[i].toDouble(&good) : 0;
        ok = ok && good;
        return v;
    };
    if (verb == "hello" && f.size() == 3) {
        const qint64 pid = qint64(num(2));
        if (ok) {
            r.hello = true;
            r.pid = pid;
        }
    } else if (verb == "span" && f.size() == 5) {
        const auto state = workerStateFromString(QString::fromLatin1(f[2]));
        const double t0 = num(3), t1 = num(4);
        ok = ok && state && t1 >= t0;
        if (ok)
            r.tally.spans.append(Span{0, WorkerKind::Process, *state, t0, t1});
    } else if (verb == "lat" && f.size() == 3) {
        const double ms = num(2);
        if (ok)
            r.tally.latenciesMs.append(ms);
    } else if (verb == "progress" && f.size() == 3) {
        const qint64 items = qint64(num(2));
        if (ok)
            r.progress = std::max(r.progress, items);
    } else if (verb == "error" && f.size() >= 3) {
        r.tally.addError(QString::fromUtf8(line.mid(line.indexOf("error") + 6)), 0);
    } else if (verb == "done" && (f.size() == 7 || f.size() == 8)) {
        const double items = num(2), errors = num(3), rss = num(4), user = num(5), sys = num(6), pss = f.size() == 8 ? num(7) : 0;
        if (ok) {
            r.done = true;
            r.tally.items = qint64(items);
            r.tally.errors = qint64(errors);
            r.peakRssBytes = qint64(rss);
            r.pssBytes = qint64(pss);
            r.cpuUserS = user;
            r.cpuSysS = sys;
            r.progress = std::max(r.progress, r.tally.items);
        }
    } else {
        ok = false;
    }
    if (!ok)
        ++r.garbageLines;
}

void WorkerWriter::line(const QByteArray &text)
{
    const QByteArray l = QByteArray(kProtocolTag) + ' ' + text + '\n';
    std::fwrite(l.constData(), 1, std::size_t(l.size()), out_);
}

void WorkerWriter::hello(qint64 pid)
{
    line("hello " + QByteArray::number(pid));
    flush();
}
void WorkerWriter::span(WorkerState s, double t0, double t1)
{
    line("span " + toString(s).toLatin1() + ' ' + QByteArray::number(t0, 'f', 9) + ' ' + QByteArray::number(t1, 'f', 9));
}
void WorkerWriter::latency(double ms)
{
    line("lat " + QByteArray::number(ms, 'f', 3));
}
void WorkerWriter::progress(qint64 items)
{
    line("progress " + QByteArray::number(items));
    flush();
}
void WorkerWriter::error(const QString &message)
{
    line("error " + message.simplified().toUtf8());
}
void WorkerWriter::done(qint64 items, qint64 errors, qint64 peakRss, double user, double sys, qint64 pss)
{
    line("done " + QByteArray::number(items) + ' ' + QByteArray::number(errors) + ' ' + QByteArray::number(peakRss) + ' '
        + QByteArray::number(user, 'f', 6) + ' ' + QByteArray::number(sys, 'f', 6) + ' ' + QByteArray::number(pss));
    flush();
}

} // namespace cl
