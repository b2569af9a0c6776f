#include "pages/pitfallspage.h"

#include <QEvent>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

QTableWidget *table(QWidget *parent, int columns)
{
    auto *t = new QTableWidget(0, columns, parent);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->hide();
    // Every column shares the width: in presentation mode at 1366x768 the figures on the right
    // stay on screen; a long name is cut at its end instead.
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    t->setTextElideMode(Qt::ElideRight);
    return t;
}

void setRow(QTableWidget *t, int row, const QStringList &cells)
{
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells[c]);
        if (c >= 2) // the figures
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        t->setItem(row, c, item);
    }
}

QString number(double v, int decimals)
{
    return QLocale().toString(v, 'f', decimals);
}

} // namespace

QString convoyBeside(const cl::ConvoySpec &s)
{
    if (s.cpuThreads == 0)
        return PitfallsPage::tr("alone");
    const bool threads = s.cpuIn == cl::ConvoySpec::CpuIn::Threads;
    if (s.cpuThreads == 1)
        return threads ? PitfallsPage::tr("beside a CPU-bound thread") : PitfallsPage::tr("beside a CPU-bound process");
    return (threads ? PitfallsPage::tr("beside %1 CPU-bound threads") : PitfallsPage::tr("beside %1 CPU-bound processes"))
        .arg(s.cpuThreads);
}

PitfallsPage::PitfallsPage(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    // A titled box: what to see, over a table of the variants.
    auto section = [this, layout](QGroupBox *&box, QLabel *&hint, QTableWidget *&rows, const char *name) {
        box = new QGroupBox(this);
        auto *v = new QVBoxLayout(box);
        hint = new QLabel(box);
        hint->setWordWrap(true);
        rows = table(box, 6);
        rows->setObjectName(QLatin1String(name));
        v->addWidget(hint);
        v->addWidget(rows);
        layout->addWidget(box);
    };
    section(raceBox_, raceHint_, races_, "raceTable");
    section(convoyBox_, convoyHint_, convoys_, "convoyTable");
    retranslate();
}

void PitfallsPage::watch(const cl::PitfallRunner &runner)
{
    connect(&runner, &cl::PitfallRunner::raceFinished, this, &PitfallsPage::addRace);
    connect(&runner, &cl::PitfallRunner::convoyFinished, this, &PitfallsPage::addConvoy);
}

void PitfallsPage::clearRaces()
{
    raceRows_.clear();
    races_->setRowCount(0);
}

void PitfallsPage::clearConvoys()
{
    convoyRows_.clear();
    convoys_->setRowCount(0);
}

void PitfallsPage::addRace(const cl::RaceSpec &spec, const cl::RaceResult &result)
{
    raceRows_.append({spec, result});
    races_->setRowCount(int(raceRows_.size()));
    rewriteRows();
}

void PitfallsPage::addConvoy(const cl::ConvoySpec &spec, const cl::ConvoyResult &result)
{
    convoyRows_.append({spec, result});
    convoys_->setRowCount(int(convoyRows_.size()));
    rewriteRows();
}

void PitfallsPage::rewriteRows()
{
    for (int i = 0; i < raceRows_.size(); ++i) {
        const auto &[s, r] = raceRows_[i];
        setRow(races_, i,
            {cl::gilModeName(s.gil), s.lock ? tr("with a lock") : tr("no lock"), QLocale().toString(r.expected), QLocale().toString(r.got),
                r.error.isEmpty() ? tr("%1 (%2 %)").arg(QLocale().toString(r.lost()), number(r.lostPercent(), 2)) : r.error,
                tr("%1 ms").arg(number(r.wallS * 1000, 1))});
    }
    for (int i = 0; i < convoyRows_.size(); ++i) {
        const auto &[s, r] = convoyRows_[i];
        const bool ok = r.error.isEmpty() && r.io.errors == 0;
        setRow(convoys_, i,
            {convoyBeside(s), cl::gilModeName(s.gil), tr("%1 ms").arg(number(s.switchIntervalUs / 1000.0, 1)),
                ok ? tr("%1 ms").arg(number(r.latency.p50, 2)) : (r.error.isEmpty() ? r.io.errorMessages.value(0) : r.error),
                ok ? tr("%1 ms").arg(number(r.latency.p99, 2)) : QString(), ok ? number(r.requestsPerS, 0) : QString()});
    }
}

void PitfallsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PitfallsPage::retranslate()
{
    raceBox_->setTitle(tr("Race: count += 1 in 2 threads"));
    raceHint_->setText(tr("CPython switches threads only between bytecodes' backward jumps and calls, never inside count += 1: "
                          "with the GIL nothing is lost. Free-threaded, two threads read the same value and one update is lost; "
                          "a lock makes it exact again, and slower."));
    races_->setHorizontalHeaderLabels({tr("Python build"), tr("Lock"), tr("Expected"), tr("Got"), tr("Lost"), tr("Time")});
    convoyBox_->setTitle(tr("The convoy effect: one thread making requests"));
    convoyHint_->setText(
        tr("After each request the IO thread needs the GIL back, and a CPU-bound thread gives it up only after "
           "the switch interval (set beside the Python build): latency grows by that much, requests per second "
           "collapse. Its requests go to a server of its own that answers in 1 ms. The IO thread's timeline and its latency "
           "histogram are on the Timeline page."));
    convoys_->setHorizontalHeaderLabels(
        {tr("IO thread"), tr("Python build"), tr("Switch interval"), tr("p50"), tr("p99"), tr("Requests/s")});
    rewriteRows();
}

} // namespace ui
