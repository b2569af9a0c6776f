// Every run of every experiment as a table row: copyable, exportable as CSV. Failed runs are
// tinted and cancelled ones greyed; the Status column says which.
#pragma once

#include "experiment/experiment.h"
#include "util/translatable.h"

#include <QAbstractTableModel>

namespace ui {

struct ResultRow {
    cl::Translatable experiment;
    cl::Workload workload = cl::Workload::Cpu;
    int run = 0;
    cl::RunResult result;
};

// "ok", "failed", "cancelled" in the UI's language.
QString statusName(cl::RunStatus status);

class ResultsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Experiment, Run, Status, Wall, User, System, PeakMem, Items, Errors, Finished, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void addRun(const ResultRow &row);
    void clear();
    // The language changed: headers, experiment names and statuses read anew.
    void retranslate();
    const QList<ResultRow> &rows() const { return rows_; }
    // Tab-separated (for the clipboard) or comma-separated (CSV) text of the given rows (all when empty).
    QString toText(QChar separator, QList<int> rows = {}) const;

private:
    QString cell(const ResultRow &r, int column) const;
    QVariant decoration(const ResultRow &r, int column, int role) const;
    QList<ResultRow> rows_;
};

} // namespace ui
