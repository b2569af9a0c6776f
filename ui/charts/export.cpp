#include "charts/export.h"

#include "charts/palette.h"
#include "util/savefile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetrics>
#include <QPainter>
#include <QSvgGenerator>
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

QImage withTitle(const QImage &image, const QString &title)
{
    const ChartStyle &st = currentStyle();
    const qreal scale = image.devicePixelRatio();
    QFont font;
    font.setPointSize(st.fontPointSize + 3);
    font.setBold(true);
    const int band = QFontMetrics(font).height() + 12;
    const QSize logical = (QSizeF(image.size()) / scale).toSize();
    QImage out(QSize(logical.width(), logical.height() + band) * scale, QImage::Format_ARGB32_Premultiplied);
    out.setDevicePixelRatio(scale);
    out.fill(st.background);
    QPainter p(&out);
    p.setFont(font);
    p.setPen(st.text);
    p.drawText(QRect(10, 0, logical.width() - 20, band), Qt::AlignLeft | Qt::AlignVCenter, title);
    p.drawImage(QPoint(0, band), image);
    return out;
}

bool savePng(const QImage &image, const QString &path, QString *error)
{
    if (image.isNull()
        || !cl::saveWith(
            path, [&image](QIODevice &file) { return image.save(&file, "PNG"); }, nullptr)) {
        if (error)
            *error = QCoreApplication::translate("ui::Export", "Cannot write %1").arg(path);
        return false;
    }
    return true;
}

bool exportPng(QWidget *widget, const QString &path, int scale, QString *error)
{
    return savePng(renderWidget(widget, scale), path, error);
}

bool exportSvg(QWidget *widget, const QString &path, const QString &title, QString *error)
{
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(widget->size());
    svg.setViewBox(QRect(QPoint(0, 0), widget->size()));
    svg.setTitle(title);
    svg.setDescription(QStringLiteral("Concurrency Lab"));
    {
        QPainter painter;
        if (!painter.begin(&svg)) {
            if (error)
                *error = QCoreApplication::translate("ui::Export", "Cannot write %1").arg(path);
            return false;
        }
        widget->render(&painter, {}, {}, QWidget::DrawChildren | QWidget::DrawWindowBackground);
    }
    if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0) {
        if (error)
            *error = QCoreApplication::translate("ui::Export", "Cannot write %1").arg(path);
        return false;
    }
    return true;
}

bool exportChart(QWidget *widget, const QString &path, int scale, QString *error)
{
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive))
        return exportSvg(widget, path, QFileInfo(path).completeBaseName(), error);
    return exportPng(widget, path, scale, error);
}

} // namespace ui
