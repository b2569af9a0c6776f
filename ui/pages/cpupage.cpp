#include "pages/cpupage.h"

#include "charts/palette.h"
#include "util/clock.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
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
    total_ = new CpuGraph(history_, markers_, -1, area_);
    total_->setMinimumHeight(120);
    layout->addWidget(total_, 2);
    grid_ = new QGridLayout;
    grid_->setSpacing(4);
    layout->addLayout(grid_, 5);
    legend_ = new QLabel(area_);
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
        addMarker({cl::monotonicNs() / 1'000'000, true, e.label.text()});
    });
    connect(&session, &cl::Session::experimentFinished, this, [this](const cl::QueuedExperiment &e) {
        addMarker({cl::monotonicNs() / 1'000'000, false, e.label.text()});
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
    legend_->setText(tr("<span style='color:%1'>■</span> user  <span style='color:%2'>■</span> system  "
                        "<span style='color:%3'>│</span> experiment started  ┆ ended — last %4 s, newest on the right")
                         .arg(st.user.name(), st.system.name(), st.marker.name())
                         .arg(windowS_));
}

void CpuPage::addSample(const cl::CpuSample &sample)
{
    history_.append(sample);
    if (history_.cores() != shownCores_)
        rebuildGrid();
    total_->refresh();
    for (CpuGraph *g : std::as_const(graphs_))
        g->refresh();
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
    for (int i = 0; i < n; ++i) {
        auto *g = new CpuGraph(history_, markers_, shownCores_[i], area_);
        g->setMinimumHeight(minHeight);
        grid_->addWidget(g, i / columns, i % columns);
        graphs_.append(g);
    }
}

} // namespace ui
