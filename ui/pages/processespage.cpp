#include "pages/processespage.h"

#include "models/processmodel.h"

#include <QEvent>
#include <QHeaderView>

namespace ui {

ProcessesPage::ProcessesPage(QWidget *parent) : QTreeView(parent), model_(new ProcessModel(this))
{
    setModel(model_);
    setUniformRowHeights(true);
    header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The app open at the top, so its threads and its worker processes show without a click.
    connect(model_, &QAbstractItemModel::modelReset, this, [this] {
        for (int row = 0; row < model_->rowCount(); ++row)
            expand(model_->index(row, 0));
    });
    retranslate();
}

void ProcessesPage::setProcesses(const QList<cl::ProcessRow> &processes)
{
    model_->setProcesses(processes);
}

void ProcessesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QTreeView::changeEvent(event);
}

void ProcessesPage::retranslate()
{
    setToolTip(tr("This app's processes, live, like top: expand a process to see its threads"));
    model_->retranslate();
}

} // namespace ui
