// Charts to image files, for the slides.
#pragma once

#include <QImage>
#include <QString>

class QWidget;

namespace ui {

// Renders `widget` at `scale` (1 or 2) times its size. Works offscreen.
QImage renderWidget(QWidget *widget, int scale);
// Writes the PNG; on failure returns false and sets `error`.
bool exportPng(QWidget *widget, const QString &path, int scale, QString *error);
// Writes a scalable SVG of the widget (Qt SVG).
bool exportSvg(QWidget *widget, const QString &path, const QString &title, QString *error);
// PNG or SVG, chosen by the file's extension.
bool exportChart(QWidget *widget, const QString &path, int scale, QString *error);

} // namespace ui
