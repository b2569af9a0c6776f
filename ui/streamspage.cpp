#include "streamspage.h"

#include "streams.h"
#include "sysinfo.h"

#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ui {

namespace {
QString kindText(const QString &kind)
{
    static const char *const kinds[] = {QT_TRANSLATE_NOOP("ui::StreamsPage", "terminal"), QT_TRANSLATE_NOOP("ui::StreamsPage", "pipe"),
                                        QT_TRANSLATE_NOOP("ui::StreamsPage", "file"), QT_TRANSLATE_NOOP("ui::StreamsPage", "socket"),
                                        QT_TRANSLATE_NOOP("ui::StreamsPage", "/dev/null"), QT_TRANSLATE_NOOP("ui::StreamsPage", "character device"),
                                        QT_TRANSLATE_NOOP("ui::StreamsPage", "closed"), QT_TRANSLATE_NOOP("ui::StreamsPage", "other")};
    for (const char *k : kinds)
        if (kind == QLatin1String(k))
            return QCoreApplication::translate("ui::StreamsPage", k);
    return kind;
}

QTableWidgetItem *cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}
} // namespace

StreamsPage::StreamsPage(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Every process starts with three open descriptors: 0 (stdin), 1 (stdout) and 2 (stderr). "
                                "In the lesson Jupyter had replaced them; here are this app's real ones. Start the app from a "
                                "terminal, with <tt>&gt; file</tt>, with <tt>| cat</tt> or from the desktop and see them change."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    table_ = new QTableWidget(3, 5, this);
    table_->setHorizontalHeaderLabels({tr("fd"), tr("Stream"), tr("Points to"), tr("Target"), tr("TTY")});
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(false);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    table_->setToolTip(tr("What /proc/self/fd/0, 1 and 2 point to"));
    layout->addWidget(table_);
    auto *buttons = new QHBoxLayout;
    for (int fd : {1, 2}) {
        auto *b = new QPushButton(fd == 1 ? tr("Write a line to stdout") : tr("Write a line to stderr"), this);
        b->setToolTip(fd == 1 ? tr("sys.stdout.write(\"where am I\\n\")") : tr("sys.stderr.write(\"where am I\\n\")"));
        connect(b, &QPushButton::clicked, this, [this, fd] {
            written_->setText(cl::writeLine(fd, QStringLiteral("where am I")));
            refresh();
        });
        buttons->addWidget(b);
    }
    auto *again = new QPushButton(tr("Look again"), this);
    connect(again, &QPushButton::clicked, this, &StreamsPage::refresh);
    buttons->addWidget(again);
    buttons->addStretch();
    layout->addLayout(buttons);
    written_ = new QLabel(this);
    written_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(written_);
    layout->addStretch();
    refresh();
}

void StreamsPage::refresh()
{
    const QList<cl::StreamInfo> streams = cl::probeStandardStreams();
    for (int row = 0; row < streams.size(); ++row) {
        const cl::StreamInfo &s = streams[row];
        table_->setItem(row, 0, cell(QString::number(s.fd)));
        table_->setItem(row, 1, cell(s.name));
        table_->setItem(row, 2, cell(kindText(s.kind)));
        table_->setItem(row, 3, cell(s.target));
        table_->setItem(row, 4, cell(s.isTty ? tr("yes") : tr("no")));
    }
}

QString StreamsPage::lastWrite() const { return written_->text(); }

SystemPage::SystemPage(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The lesson starts with <tt>sys.version</tt> and <tt>platform.uname()</tt>; this is the same for this app."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    const auto rows = cl::systemInfo().rows();
    auto *table = new QTableWidget(int(rows.size()), 2, this);
    table->setHorizontalHeaderLabels({tr("What"), tr("Value")});
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    QStringList text;
    for (int i = 0; i < rows.size(); ++i) {
        const QString label = QCoreApplication::translate("SystemInfo", rows[i].first);
        table->setItem(i, 0, cell(label));
        table->setItem(i, 1, cell(rows[i].second));
        text << label + QStringLiteral(": ") + rows[i].second;
    }
    layout->addWidget(table, 1);
    auto *copy = new QPushButton(tr("Copy all"), this);
    copy->setToolTip(tr("Copy these lines to the clipboard"));
    connect(copy, &QPushButton::clicked, this, [text] { QApplication::clipboard()->setText(text.join(QLatin1Char('\n'))); });
    layout->addWidget(copy, 0, Qt::AlignLeft);
}

} // namespace ui
