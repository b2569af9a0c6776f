#include "pages/systempage.h"

#include "monitor/systeminfo.h"

#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ui {

namespace {
QTableWidgetItem *cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}
} // namespace

SystemPage::SystemPage(QWidget *parent) : QWidget(parent), rows_(cl::systemInfo().rows())
{
    auto *layout = new QVBoxLayout(this);
    intro_ = new QLabel(this);
    intro_->setWordWrap(true);
    layout->addWidget(intro_);
    table_ = new QTableWidget(int(rows_.size()), 2, this);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    layout->addWidget(table_, 1);
    copy_ = new QPushButton(this);
    connect(copy_, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(lines().join(QLatin1Char('\n'))); });
    layout->addWidget(copy_, 0, Qt::AlignLeft);
    retranslate();
}

QStringList SystemPage::lines() const
{
    QStringList text;
    for (const auto &[what, value] : rows_)
        text << QCoreApplication::translate("SystemInfo", what) + QStringLiteral(": ") + value;
    return text;
}

void SystemPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SystemPage::retranslate()
{
    intro_->setText(tr("The lesson starts with <tt>sys.version</tt> and <tt>platform.uname()</tt>; this is the same for this app."));
    table_->setHorizontalHeaderLabels({tr("What"), tr("Value")});
    rows_ = cl::systemInfo().rows(); // some values carry units in the UI's language
    table_->setRowCount(int(rows_.size()));
    for (int i = 0; i < rows_.size(); ++i) {
        table_->setItem(i, 0, cell(QCoreApplication::translate("SystemInfo", rows_[i].first)));
        table_->setItem(i, 1, cell(rows_[i].second));
    }
    copy_->setText(tr("Copy all"));
    copy_->setToolTip(tr("Copy these lines to the clipboard"));
}

} // namespace ui
