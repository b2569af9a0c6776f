// Colours and sizes shared by every chart; presentation mode swaps in larger sizes and a
// colour-blind-safe palette (Okabe–Ito).
#pragma once

#include "experiment/experiment.h"

#include <QBrush>
#include <QColor>
#include <QString>

class QChart;

namespace ui {

struct ChartStyle {
    QColor background, grid, text;
    QColor user, system; // this app's share of a core (CPU graphs)
    QColor other; // every other program's share: grey, so the experiment stands out
    QColor marker, bar, reference, whisker;
    qreal lineWidth = 1.0;
    int fontPointSize = 9;
    bool forProjector = false; // the presentation style
    static ChartStyle normal();
    static ChartStyle presentation();
};

// The style in use (set by the main window; read by every chart when it paints).
const ChartStyle &currentStyle();
void setPresentationStyle(bool on);

// One colour per strategy, the same on every chart, bar, timeline and legend (Okabe–Ito in
// presentation mode).
QColor strategyColour(cl::Strategy strategy);
// How a bar of that strategy is filled: its colour for the emulation, its colour striped with
// white for real CPython, so the two engines side by side tell apart without reading the labels.
QBrush strategyBrush(cl::Strategy strategy, cl::Engine engine);

// A Qt Charts chart's title, legend and axes in the style's sizes: Qt Charts does not follow the
// application's font, so presentation mode would leave them small.
void applyChartFonts(QChart *chart);

} // namespace ui
