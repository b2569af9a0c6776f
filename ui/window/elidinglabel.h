// A status-line label that never makes the window wider: when there is no room it ends its text
// with "…" and keeps all of it in the tooltip (Russian in presentation mode is 1,100 px long).
#pragma once

#include <QLabel>

namespace ui {

class ElidingLabel : public QLabel {
    Q_OBJECT
public:
    using QLabel::QLabel;
    QSize minimumSizeHint() const override { return {fontMetrics().averageCharWidth() * 12, QLabel::minimumSizeHint().height()}; }

protected:
    void paintEvent(QPaintEvent *) override;
};

} // namespace ui
