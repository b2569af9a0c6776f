#include "models/resultsmodel.h"

#include <QDateTime>

#include <QColor>
#include <QCoreApplication>

namespace ui {

QString statusName(cl::RunStatus status)
{
    switch (status) {
    case cl::RunStatus::Ok:
        return QCoreApplication::translate("ui::ResultsModel", "ok");
    case cl::RunStatus::Failed:
        return QCoreApplication::translate("ui::ResultsModel", "failed");
    case cl::RunStatus::Cancelled:
        return QCoreApplication::translate("ui::ResultsModel", "cancelled");
    }
    return {};
}

int ResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}
int ResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ResultsModel::cell(const ResultRow &r, int column) const
{
    const cl::RunResult &x = r.result;
    switch (column) {
    case Experiment:
        return r.experiment.text();
    case Run:
        return QString::number(r.run + 1);
    case Status:
        return statusName(x.status);
    case Wall:
        return QString::number(x.wallS, 'f', 3);
    case User:
        return QString::number(x.cpuUserS, 'f', 3);
    case System:
        return QString::number(x.cpuSysS, 'f', 3);
    case PeakMem: // the experiment's own; results from before it was measured only have the peak
        return QString::number(double(x.memBytes > 0 ? x.memBytes : x.peakMemBytes) / (1024.0 * 1024.0), 'f', 1);
    case Items:
        return QString::number(x.items);
    case Errors:
        return QString::number(x.errors);
    case Finished: // local time, sortable, the same in every language and in the CSV
        return x.finishedAtMs > 0 ? QDateTime::fromMSecsSinceEpoch(x.finishedAtMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                  : QString();
    }
    return {};
}

QVariant ResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rows_.size())
        return {};
    const ResultRow &r = rows_[index.row()];
    if (role == Qt::DisplayRole)
        return cell(r, index.column());
    if (role == Qt::TextAlignmentRole && index.column() != Experiment && index.column() != Status)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return decoration(r, index.column(), role);
}

QVariant ResultsModel::decoration(const ResultRow &r, int column, int role) const
{
    const cl::RunStatus status = r.result.status;
    if (role == Qt::ToolTipRole && (column == Errors || column == Status) && !r.result.errorMessages.isEmpty())
        return r.result.errorMessages.join(QLatin1Char('\n'));
    // Fixed colours for both roles, so the text stays readable under a dark theme too.
    if (role == Qt::BackgroundRole && status == cl::RunStatus::Failed)
        return QColor(0xf6, 0xd0, 0xcc);
    if (role == Qt::ForegroundRole && status == cl::RunStatus::Failed)
        return QColor(0x80, 0x10, 0x08);
    if (role == Qt::ForegroundRole && status == cl::RunStatus::Cancelled)
        return QColor(0x80, 0x80, 0x80);
    return {};
}

QVariant ResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Experiment:
        return tr("Experiment");
    case Run:
        return tr("Run");
    case Status:
        return tr("Status");
    case Wall:
        return tr("Wall, s");
    case User:
        return tr("CPU user, s");
    case System:
        return tr("CPU system, s");
    case PeakMem:
        return tr("Own memory, MiB");
    case Items:
        return tr("Items");
    case Errors:
        return tr("Errors");
    case Finished:
        return tr("Finished at");
    }
    return {};
}

void ResultsModel::addRun(const ResultRow &row)
{
    beginInsertRows({}, int(rows_.size()), int(rows_.size()));
    rows_.append(row);
    // The table shows numbers: a run's spans and latencies (the timeline's) would make a long
    // lesson's history grow by hundreds of KiB per "Run all".
    rows_.last().result.spans = {};
    rows_.last().result.latenciesMs = {};
    endInsertRows();
}

void ResultsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!rows_.isEmpty())
        emit dataChanged(index(0, 0), index(int(rows_.size()) - 1, ColumnCount - 1), {Qt::DisplayRole, Qt::ToolTipRole});
}

void ResultsModel::clear()
{
    beginResetModel();
    rows_.clear();
    endResetModel();
}

QString ResultsModel::toText(QChar sep, QList<int> which) const
{
    if (which.isEmpty())
        for (int i = 0; i < rows_.size(); ++i)
            which.append(i);
    auto quote = [sep](QString s) {
        if (sep == QLatin1Char(',') && (s.contains(sep) || s.contains(QLatin1Char('"'))))
            s = QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        return s;
    };
    QStringList lines, header;
    for (int c = 0; c < ColumnCount; ++c)
        header << quote(headerData(c, Qt::Horizontal).toString());
    lines << header.join(sep);
    for (int r : std::as_const(which)) {
        QStringList cells;
        for (int c = 0; c < ColumnCount; ++c)
            cells << quote(cell(rows_[r], c));
        lines << cells.join(sep);
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace ui
