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
