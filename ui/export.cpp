#include "export.h"

#include <QCoreApplication>
#include <QPainter>
#include <QWidget>

namespace ui {

QImage renderWidget(QWidget *widget, int scale)
{
    widget->ensurePolished();
    QImage image(widget->size() * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(widget->palette().window().color());
    QPainter painter(&image);
    widget->render(&painter, {}, {}, QWidget::DrawChildren | QWidget::DrawWindowBackground);
    return image;
}

bool exportPng(QWidget *widget, const QString &path, int scale, QString *error)
{
    const QImage image = renderWidget(widget, scale);
    if (image.isNull() || !image.save(path, "PNG")) {
        if (error)
            *error = QCoreApplication::translate("ui::Export", "Cannot write %1").arg(path);
        return false;
    }
    return true;
}

} // namespace ui
