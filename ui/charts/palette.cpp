#include "charts/palette.h"

#include <QAbstractAxis>
#include <QChart>
#include <QCoreApplication>
#include <QLegend>
#include <QPainter>
#include <QPixmap>

namespace ui {

ChartStyle ChartStyle::normal()
{
    return {.background = QColor(0x10, 0x14, 0x18),
        .grid = QColor(0x3a, 0x40, 0x48),
        .text = QColor(0xe0, 0xe4, 0xe8),
        .user = QColor(0x3c, 0xc8, 0x50),
        .system = QColor(0xe8, 0x4a, 0x3c),
        .other = QColor(0x6c, 0x72, 0x7a),
        .marker = QColor(0xf0, 0xc0, 0x30),
        .bar = QColor(0x3a, 0x7b, 0xd5),
        .reference = QColor(0xe0, 0x60, 0x20),
        .whisker = QColor(0x20, 0x20, 0x20),
        .lineWidth = 1.0,
        .fontPointSize = 9};
}

ChartStyle ChartStyle::presentation()
{
    // Okabe–Ito: bluish green / vermillion / yellow / blue / orange, distinguishable in all common colour-blindness.
    return {.background = QColor(0x00, 0x00, 0x00),
        .grid = QColor(0x50, 0x50, 0x50),
        .text = QColor(0xff, 0xff, 0xff),
        .user = QColor(0x00, 0x9e, 0x73),
        .system = QColor(0xd5, 0x5e, 0x00),
        .other = QColor(0x80, 0x80, 0x80),
        .marker = QColor(0xf0, 0xe4, 0x42),
        .bar = QColor(0x00, 0x72, 0xb2),
        .reference = QColor(0xe6, 0x9f, 0x00),
        .whisker = QColor(0x00, 0x00, 0x00),
        .lineWidth = 2.5,
        .fontPointSize = 14,
        .forProjector = true};
}

namespace {
ChartStyle &style()
{
    static ChartStyle s = ChartStyle::normal(); // the deliberate one: a display preference
    return s;
}
} // namespace

const ChartStyle &currentStyle()
{
    return style();
}
void setPresentationStyle(bool on)
{
    style() = on ? ChartStyle::presentation() : ChartStyle::normal();
}

QColor strategyColour(cl::Strategy strategy)
{
    // sequential, threads, processes, async, interpreters; then round again for any newer strategy
    static constexpr QRgb normal[] = {0x5b8def, 0xe6a23c, 0xb36ae2, 0x2bb3a6, 0xe05a7a};
    static constexpr QRgb presentation[] = {0x0072b2, 0xe69f00, 0xcc79a7, 0x56b4e9, 0xd55e00};
    const auto i = std::size_t(strategy) % std::size(normal);
    return QColor::fromRgb(currentStyle().forProjector ? presentation[i] : normal[i]);
}

QBrush strategyBrush(cl::Strategy strategy, cl::Engine engine)
{
    const QColor colour = strategyColour(strategy);
    if (engine == cl::Engine::Emulated)
        return colour;
    constexpr int kTile = 12; // one stripe per tile, seamless
    QPixmap tile(kTile, kTile);
    tile.fill(colour);
    QPainter p(&tile);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(255, 255, 255, 150), 3));
    p.drawLine(0, kTile, kTile, 0);
    p.drawLine(-kTile / 2, kTile / 2, kTile / 2, -kTile / 2);
    p.drawLine(kTile / 2, kTile + kTile / 2, kTile + kTile / 2, kTile / 2);
    return QBrush(tile);
}

void applyChartFonts(QChart *chart)
{
    const int size = currentStyle().fontPointSize;
    auto sized = [](QFont f, int points) {
        f.setPointSize(points);
        return f;
    };
    chart->setTitleFont(sized(chart->titleFont(), size + 2));
    chart->legend()->setFont(sized(chart->legend()->font(), size));
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsFont(sized(axis->labelsFont(), size));
        axis->setTitleFont(sized(axis->titleFont(), size));
    }
}

} // namespace ui
