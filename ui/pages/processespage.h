// The Processes page: this app's process tree, live, like top: the app, its worker processes
// and every thread, with CPU and memory.
#pragma once

#include "monitor/processtree.h"

#include <QTreeView>

namespace ui {

class ProcessModel;

class ProcessesPage : public QTreeView {
    Q_OBJECT
public:
    explicit ProcessesPage(QWidget *parent = nullptr);
    void setProcesses(const QList<cl::ProcessRow> &processes);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    ProcessModel *model_ = nullptr;
};

} // namespace ui
