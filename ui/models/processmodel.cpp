#include "models/processmodel.h"

#include <QCoreApplication>

namespace ui {

QString stateName(char state)
{
    switch (state) {
    case 'R':
        return QCoreApplication::translate("ui::ProcessModel", "running");
    case 'S':
        return QCoreApplication::translate("ui::ProcessModel", "sleeping");
    case 'D':
        return QCoreApplication::translate("ui::ProcessModel", "waiting for disk");
    case 'Z':
        return QCoreApplication::translate("ui::ProcessModel", "zombie");
    case 'T':
    case 't':
        return QCoreApplication::translate("ui::ProcessModel", "stopped");
    default:
        return QString(QLatin1Char(state));
    }
}

QModelIndex ProcessModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const QList<int> &siblings = parent.isValid() ? nodes_[int(parent.internalId())].children : roots_;
    return createIndex(row, column, quintptr(siblings[row]));
}

QModelIndex ProcessModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int up = nodes_[int(child.internalId())].parent;
    return up < 0 ? QModelIndex() : createIndex(nodes_[up].row, 0, quintptr(up));
}

int ProcessModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(roots_.size());
    return parent.column() == 0 ? int(nodes_[int(parent.internalId())].children.size()) : 0;
}

int ProcessModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

// What a process and a thread have alike: an id, a name, a state and the CPU they use.
QVariant ProcessModel::commonData(qint64 id, const QString &name, char state, double cpuPercent, int column, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return column == Name || column == State ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Pid:
        return QString::number(id);
    case Name:
        return name;
    case State:
        return stateName(state);
    case Cpu:
        return QStringLiteral("%1 %").arg(cpuPercent, 0, 'f', 0);
    }
    return {};
}

QVariant ProcessModel::processData(const cl::ProcessRow &p, int column, int role) const
{
    if (role == Qt::DisplayRole && column == Threads)
        return p.threads;
    if (role == Qt::DisplayRole && column == Memory)
        return tr("%1 MiB").arg(double(p.rssBytes) / (1024.0 * 1024.0), 0, 'f', 1);
    return commonData(p.pid, p.name, p.state, p.cpuPercent, column, role);
}

QVariant ProcessModel::threadData(const cl::ThreadRow &t, int column, int role) const
{
    return commonData(t.tid, t.name, t.state, t.cpuPercent, column, role);
}

QVariant ProcessModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node &n = nodes_[int(index.internalId())];
    const cl::ProcessRow &p = rows_[n.process];
    return n.thread < 0 ? processData(p, index.column(), role) : threadData(p.threadRows[n.thread], index.column(), role);
}

QVariant ProcessModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Pid:
        return tr("PID / TID");
    case Name:
        return tr("Name");
    case State:
        return tr("State");
    case Threads:
        return tr("Threads");
    case Cpu:
        return tr("CPU (of one core)");
    case Memory:
        return tr("Resident memory");
    }
    return {};
}

void ProcessModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    changed(State, State);
}

// Every row's columns [first, last] changed, under each parent.
void ProcessModel::changed(int first, int last)
{
    auto under = [&](const QModelIndex &parent, qsizetype count) {
        if (count > 0)
            emit dataChanged(index(0, first, parent), index(int(count) - 1, last, parent), {Qt::DisplayRole});
    };
    under({}, roots_.size());
    for (qsizetype i = 0; i < nodes_.size(); ++i)
        under(createIndex(nodes_[i].row, 0, quintptr(i)), nodes_[i].children.size());
}

// The tree: each process under its parent when that is in the table (the app's workers under the
// app), its threads first, then its child processes.
void ProcessModel::buildTree()
{
    nodes_.clear();
    roots_.clear();
    QHash<qint64, int> nodeOfPid;
    for (int i = 0; i < rows_.size(); ++i) {
        nodeOfPid.insert(rows_[i].pid, int(nodes_.size()));
        nodes_.append(Node{-1, 0, i, -1, {}});
    }
    auto adopt = [this](int parent, int child) {
        QList<int> &siblings = parent < 0 ? roots_ : nodes_[parent].children;
        nodes_[child].parent = parent;
        nodes_[child].row = int(siblings.size());
        siblings.append(child);
    };
    for (int i = 0; i < rows_.size(); ++i) {
        for (int t = 0; t < rows_[i].threadRows.size(); ++t) {
            nodes_.append(Node{-1, 0, i, t, {}});
            adopt(i, int(nodes_.size()) - 1);
        }
        adopt(nodeOfPid.value(rows_[i].ppid, -1), i);
    }
}

void ProcessModel::setProcesses(const QList<cl::ProcessRow> &rows)
{
    bool sameShape = rows.size() == rows_.size();
    for (qsizetype i = 0; sameShape && i < rows.size(); ++i)
        sameShape = rows[i].pid == rows_[i].pid && rows[i].ppid == rows_[i].ppid && rows[i].threadRows.size() == rows_[i].threadRows.size();
    if (!sameShape) {
        beginResetModel();
        rows_ = rows;
        buildTree();
        endResetModel();
        return;
    }
    rows_ = rows;
    changed(0, ColumnCount - 1);
}

} // namespace ui
