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
    return createIndex(row, column, parent.isValid() ? quintptr(parent.row()) : kTopLevel);
}

QModelIndex ProcessModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    return createIndex(int(child.internalId()), 0, kTopLevel);
}

int ProcessModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(rows_.size());
    if (parent.internalId() == kTopLevel && parent.column() == 0 && parent.row() < rows_.size())
        return int(rows_[parent.row()].threadRows.size());
    return 0;
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
        return QStringLiteral("%1 MiB").arg(double(p.rssBytes) / (1024.0 * 1024.0), 0, 'f', 1);
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
    if (index.internalId() == kTopLevel)
        return index.row() < rows_.size() ? processData(rows_[index.row()], index.column(), role) : QVariant();
    const int parentRow = int(index.internalId());
    if (parentRow >= rows_.size() || index.row() >= rows_[parentRow].threadRows.size())
        return {};
    return threadData(rows_[parentRow].threadRows[index.row()], index.column(), role);
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
    if (rows_.isEmpty())
        return;
    emit dataChanged(index(0, State), index(int(rows_.size()) - 1, State), {Qt::DisplayRole});
    for (int i = 0; i < rows_.size(); ++i)
        if (!rows_[i].threadRows.isEmpty())
            emit dataChanged(
                index(0, State, index(i, 0)), index(int(rows_[i].threadRows.size()) - 1, State, index(i, 0)), {Qt::DisplayRole});
}

void ProcessModel::setProcesses(const QList<cl::ProcessRow> &rows)
{
    bool sameShape = rows.size() == rows_.size();
    for (qsizetype i = 0; sameShape && i < rows.size(); ++i)
        sameShape = rows[i].pid == rows_[i].pid && rows[i].threadRows.size() == rows_[i].threadRows.size();
    if (!sameShape) {
        beginResetModel();
        rows_ = rows;
        endResetModel();
        return;
    }
    rows_ = rows;
    if (rows_.isEmpty())
        return;
    emit dataChanged(index(0, 0), index(int(rows_.size()) - 1, ColumnCount - 1));
    for (int i = 0; i < rows_.size(); ++i)
        if (!rows_[i].threadRows.isEmpty())
            emit dataChanged(index(0, 0, index(i, 0)), index(int(rows_[i].threadRows.size()) - 1, ColumnCount - 1, index(i, 0)));
}

} // namespace ui
