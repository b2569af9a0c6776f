#include "window/helpdialogs.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

QString plain(QString text)
{
    return text.remove(QLatin1Char('&'));
}

void collect(const QMenu *menu, const QString &path, QList<QPair<QString, QString>> &out)
{
    for (const QAction *a : menu->actions()) {
        const QString name = path + QStringLiteral(" › ") + plain(a->text());
        if (a->menu())
            collect(a->menu(), name, out);
        else if (!a->shortcut().isEmpty())
            out.append({name, a->shortcut().toString(QKeySequence::NativeText)});
    }
}

} // namespace

QList<QPair<QString, QString>> shortcutList(const QMenuBar *bar)
{
    QList<QPair<QString, QString>> out;
    for (const QAction *a : bar->actions())
        if (a->menu())
            collect(a->menu(), plain(a->text()), out);
    return out;
}

void showShortcuts(QWidget *parent, const QMenuBar *bar)
{
    const auto rows = shortcutList(bar);
    QDialog dialog(parent);
    dialog.setWindowTitle(QCoreApplication::translate("ui::Help", "Keyboard shortcuts"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *table = new QTableWidget(int(rows.size()), 2, &dialog);
    table->setHorizontalHeaderLabels(
        {QCoreApplication::translate("ui::Help", "Keys"), QCoreApplication::translate("ui::Help", "What they do")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int i = 0; i < rows.size(); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(rows[i].second));
        table->setItem(i, 1, new QTableWidgetItem(rows[i].first));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(table);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(table->horizontalHeader()->length() + 60, 120 + table->verticalHeader()->length());
    dialog.exec();
}

void showAbout(QWidget *parent)
{
    QMessageBox::about(parent, QCoreApplication::translate("ui::Help", "About Concurrency Lab"),
        QCoreApplication::translate("ui::Help",
            "<h3>Concurrency Lab %1</h3>"
            "<p>Shows a class how a computer runs work sequentially, in threads, in child processes and "
            "asynchronously — live, with the lesson's experiments, an emulated GIL, per-core CPU graphs and "
            "a timeline of every worker.</p>"
            "<p>Built with Qt %2 (running on Qt %3).</p>")
            .arg(QStringLiteral(CL_VERSION), QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
}

} // namespace ui
