#include "pages/streamspage.h"

#include "notebook/streams.h"

#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>
#include <QEvent>
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
    intro_ = new QLabel(this);
    intro_->setWordWrap(true);
    layout->addWidget(intro_);
    table_ = new QTableWidget(3, 5, this);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(false);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    layout->addWidget(table_);
    auto *buttons = new QHBoxLayout;
    for (int fd : {1, 2}) {
        auto *b = new QPushButton(this);
        connect(b, &QPushButton::clicked, this, [this, fd] {
            written_->setText(cl::writeLine(fd, QStringLiteral("where am I")));
            refresh();
        });
        buttons->addWidget(b);
        writeButtons_.append(b);
    }
    again_ = new QPushButton(this);
    connect(again_, &QPushButton::clicked, this, &StreamsPage::refresh);
    buttons->addWidget(again_);
    buttons->addStretch();
    layout->addLayout(buttons);
    written_ = new QLabel(this);
    written_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(written_);
    layout->addStretch();
    retranslate();
}

void StreamsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void StreamsPage::retranslate()
{
    intro_->setText(tr("Every process starts with three open descriptors: 0 (stdin), 1 (stdout) and 2 (stderr). "
                       "In the lesson Jupyter had replaced them; here are this app's real ones. Start the app from a "
                       "terminal, with <tt>&gt; file</tt>, with <tt>| cat</tt> or from the desktop and see them change."));
    table_->setHorizontalHeaderLabels({tr("fd"), tr("Stream"), tr("Points to"), tr("Target"), tr("TTY")});
    table_->setToolTip(tr("What /proc/self/fd/0, 1 and 2 point to"));
    writeButtons_[0]->setText(tr("Write a line to stdout"));
    writeButtons_[0]->setToolTip(tr("sys.stdout.write(\"where am I\\n\")"));
    writeButtons_[1]->setText(tr("Write a line to stderr"));
    writeButtons_[1]->setToolTip(tr("sys.stderr.write(\"where am I\\n\")"));
    again_->setText(tr("Look again"));
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

} // namespace ui
