// Standard streams page: where descriptors 0, 1 and 2 lead, and a line written to each.
#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;

namespace ui {

class StreamsPage : public QWidget
{
    Q_OBJECT
public:
    explicit StreamsPage(QWidget *parent = nullptr);
    void refresh();
    QString lastWrite() const;

private:
    QTableWidget *table_ = nullptr;
    QLabel *written_ = nullptr;
};

class SystemPage : public QWidget
{
    Q_OBJECT
public:
    explicit SystemPage(QWidget *parent = nullptr);
};

} // namespace ui
