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

} // namespace ui
