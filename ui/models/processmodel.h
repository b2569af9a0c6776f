// The app's process tree as `top` shows it: one row per process, its threads beneath.
#pragma once

#include "monitor/processtree.h"

#include <QAbstractItemModel>

namespace ui {

class ProcessModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Pid, Name, State, Threads, Cpu, Memory, ColumnCount };
    using QAbstractItemModel::QAbstractItemModel;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces the rows; keeps rows that stay in place so expansion and selection survive.
    void setProcesses(const QList<cl::ProcessRow> &rows);
    const QList<cl::ProcessRow> &processes() const { return rows_; }
    // The language changed: headers and state names read anew.
    void retranslate();

private:
    QVariant commonData(qint64 id, const QString &name, char state, double cpuPercent, int column, int role) const;
    QVariant processData(const cl::ProcessRow &p, int column, int role) const;
    QVariant threadData(const cl::ThreadRow &t, int column, int role) const;
    void buildTree();
    void changed(int firstColumn, int lastColumn);

    struct Node {
        int parent = -1; // the parent's node, -1 at the top
        int row = 0; // the row under the parent
        int process = 0; // index in rows_
        int thread = -1; // index in its threadRows, -1 for the process itself
        QList<int> children;
    };
    QList<cl::ProcessRow> rows_;
    QList<Node> nodes_; // rows_.size() process nodes first (node i is rows_[i]), then the threads
    QList<int> roots_;
};

QString stateName(char state);

} // namespace ui
