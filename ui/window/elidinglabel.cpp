#include "window/elidinglabel.h"

#include <QPainter>
#include <QStyle>

namespace ui {

void ElidingLabel::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QRect r = contentsRect().adjusted(indent() > 0 ? indent() : 0, 0, 0, 0);
    const QString shown = fontMetrics().elidedText(text(), Qt::ElideRight, r.width());
    style()->drawItemText(&p, r, int(alignment()), palette(), isEnabled(), shown, foregroundRole());
    setToolTip(shown == text() ? QString() : text());
}

} // namespace ui
