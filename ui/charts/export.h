// Charts to image files, for the slides.
#pragma once

#include <QImage>
#include <QString>

class QWidget;

namespace ui {

// Renders `widget` at `scale` (1 or 2) times its size. Works offscreen.
QImage renderWidget(QWidget *widget, int scale);
// `image` with `title` over it, in the chart style's colours and size: a PNG that says what it is.
QImage withTitle(const QImage &image, const QString &title);
// Writes `image` as a PNG; on failure returns false and sets `error`.
bool savePng(const QImage &image, const QString &path, QString *error);
// Writes the PNG; on failure returns false and sets `error`.
bool exportPng(QWidget *widget, const QString &path, int scale, QString *error);
// Writes a scalable SVG of the widget (Qt SVG).
bool exportSvg(QWidget *widget, const QString &path, const QString &title, QString *error);
// PNG or SVG, chosen by the file's extension.
bool exportChart(QWidget *widget, const QString &path, int scale, QString *error);

} // namespace ui
