// The System page: the lesson's sys.version and platform.uname(), for this app.
#pragma once

#include <QList>
#include <QPair>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace ui {

class SystemPage : public QWidget {
    Q_OBJECT
public:
    explicit SystemPage(QWidget *parent = nullptr);
    QStringList lines() const; // "label: value", in the UI's language

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    QList<QPair<const char *, QString>> rows_; // labels untranslated
    QLabel *intro_ = nullptr;
    QTableWidget *table_ = nullptr;
    QPushButton *copy_ = nullptr;
};

} // namespace ui
