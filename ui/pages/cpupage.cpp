#include "pages/cpupage.h"

#include "charts/palette.h"
#include "util/clock.h"

#include <QDateTime>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QVBoxLayout>

#include <cmath>

namespace ui {

CpuPage::CpuPage(QWidget *parent) : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    area_ = new QWidget(this);
    auto *layout = new QVBoxLayout(area_);
    warning_ = new QLabel(area_);
    warning_->setWordWrap(true);
    warning_->setObjectName(QStringLiteral("otherLoadWarning"));
    QPalette amber = warning_->palette(); // a palette, not a style sheet: its font follows presentation mode
    amber.setColor(QPalette::Window, QColor(0x5a, 0x3a, 0x00));
    amber.setColor(QPalette::WindowText, Qt::white);
    warning_->setPalette(amber);
    warning_->setAutoFillBackground(true);
    warning_->setMargin(6);
    warning_->hide();
    layout->addWidget(warning_);
    total_ = new CpuGraph(history_, markers_, -1, area_);
    total_->setMinimumHeight(120);
    total_->setMarkerLabels(true);
    connect(total_, &CpuGraph::clicked, this, &CpuPage::enlarge);
    layout->addWidget(total_, 2);
    grid_ = new QGridLayout;
    grid_->setSpacing(4);
    layout->addLayout(grid_, 5);
    legend_ = new QLabel(area_);
    legend_->setObjectName(QStringLiteral("cpuLegend"));
    legend_->setWordWrap(true); // never wider than the graphs: the newest samples are on the right
    layout->addWidget(legend_);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(area_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    retranslate();
}

void CpuPage::watch(const cl::Session &session)
{
    connect(&session, &cl::Session::experimentStarted, this, [this](const cl::QueuedExperiment &e) {
        addMarker({cl::monotonicNs() / 1'000'000, true, e.label});
    });
    connect(&session, &cl::Session::experimentFinished, this, [this](const cl::QueuedExperiment &e) {
        addMarker({cl::monotonicNs() / 1'000'000, false, e.label});
    });
}

void CpuPage::changeEvent(QEvent *event)
{
    // The graphs retitle themselves. A font change comes with presentation mode, whose palette
    // the legend's colours follow.
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CpuPage::retranslate()
{
    const ChartStyle &st = currentStyle();
    legend_->setText(tr("This app: <span style='color:%1'>■</span> user  <span style='color:%2'>■</span> system   "
                        "<span style='color:%3'>■</span> other programs   "
                        "<span style='color:%4'>┃</span> experiment started  ┆ ended — last %5 s, newest on the right; "
                        "click a graph to enlarge it")
                         .arg(st.user.name(), st.system.name(), st.other.name(), st.marker.name())
                         .arg(windowS_));
    warning_->setText(warningText());
}

QString CpuPage::exportTitle() const
{
    return tr("CPU per core — this app in colour, other programs in grey — the %1 s up to %2")
        .arg(windowS_)
        .arg(QLocale().toString(QDateTime::currentDateTime(), QLocale::NarrowFormat));
}

QString CpuPage::warningText() const
{
    return tr("Other programs are using %1 of a core. The experiment shares the CPU with them: its timings "
              "will be slower and noisier and the GIL picture less clear. Close them before the class.")
        .arg(QLocale().toString(otherLoad_, 'f', 1));
}

// The average over two seconds, with a little hysteresis so the warning does not flicker.
void CpuPage::updateOtherLoad()
{
    const qsizetype n = std::min<qsizetype>(history_.size(), 20);
    double sum = 0;
    for (qsizetype i = history_.size() - n; i < history_.size(); ++i)
        for (const cl::CpuLoad &l : history_.at(i).cores)
            sum += l.other();
    otherLoad_ = n > 0 ? sum / double(n) : 0;
    const bool warn = warned_ ? otherLoad_ > kOtherLoadWarning * 0.6 : otherLoad_ > kOtherLoadWarning;
    if (!warn && !warned_)
        return;
    warning_->setText(warningText());
    warning_->setVisible(warn);
    warned_ = warn;
    emit otherLoadWarning(warn, otherLoad_); // while on, with each new figure
}

void CpuPage::enlarge(int core)
{
    enlarged_ = enlarged_ == core ? kAllGraphs : core;
    total_->setVisible(enlarged_ == kAllGraphs || enlarged_ < 0);
    for (CpuGraph *g : std::as_const(graphs_))
        g->setVisible(enlarged_ == kAllGraphs || enlarged_ == g->core());
}

// One frame per delivery, however many samples it brings (three at a time on an idle machine).
void CpuPage::addSamples(const QList<cl::CpuSample> &samples)
{
    const qint64 before = history_.appended();
    for (const cl::CpuSample &s : samples)
        history_.append(s);
    if (history_.cores() != shownCores_)
        rebuildGrid();
    if (history_.appended() / 5 != before / 5)
        updateOtherLoad();
    total_->refresh();
    for (CpuGraph *g : std::as_const(graphs_))
        g->refresh();
}

void CpuPage::clear()
{
    history_.clear();
    markers_.clear();
    rebuildGrid();
    total_->refresh();
}

void CpuPage::setCursorTime(qint64 monotonicMs)
{
    total_->setCursorTime(monotonicMs);
    for (CpuGraph *g : std::as_const(graphs_))
        g->setCursorTime(monotonicMs);
}

void CpuPage::addMarker(const TimeMarker &marker)
{
    markers_.append(marker);
    while (markers_.size() > 200)
        markers_.removeFirst();
}

void CpuPage::setWindow(int seconds, int hz)
{
    windowS_ = seconds;
    history_.setCapacity(qsizetype(seconds) * hz);
    retranslate();
    total_->update();
    for (CpuGraph *g : std::as_const(graphs_))
        g->update();
}

void CpuPage::rebuildGrid()
{
    qDeleteAll(graphs_);
    graphs_.clear();
    shownCores_ = history_.cores();
    const int n = int(shownCores_.size());
    const int columns = std::max(1, int(std::ceil(std::sqrt(double(n) * 1.6))));
    const int rows = (n + columns - 1) / columns;
    const int minHeight = rows > 8 ? 36 : 60;
    enlarged_ = kAllGraphs;
    total_->show();
    for (int i = 0; i < n; ++i) {
        auto *g = new CpuGraph(history_, markers_, shownCores_[i], area_);
        g->setMinimumHeight(minHeight);
        connect(g, &CpuGraph::clicked, this, &CpuPage::enlarge);
        grid_->addWidget(g, i / columns, i % columns);
        graphs_.append(g);
    }
}

} // namespace ui
