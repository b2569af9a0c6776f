// Standard streams page: where descriptors 0, 1 and 2 lead, and a line written to each.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace ui {

class StreamsPage : public QWidget {
    Q_OBJECT
public:
    explicit StreamsPage(QWidget *parent = nullptr);
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    QLabel *intro_ = nullptr;
    QTableWidget *table_ = nullptr;
    QList<QPushButton *> writeButtons_; // stdout, stderr
    QPushButton *again_ = nullptr;
    QLabel *written_ = nullptr;
};

} // namespace ui
