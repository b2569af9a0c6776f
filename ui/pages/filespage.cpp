#include "pages/filespage.h"

#include "monitor/ownusage.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

namespace ui {

namespace {
struct Operation {
    const char *id;
    const char *label;
    const char *tip;
};
// The buttons, in the lesson's order.
const Operation kOperations[] = {
    {"write", QT_TRANSLATE_NOOP("ui::FilesPage", "Write (w)"),
        QT_TRANSLATE_NOOP("ui::FilesPage", "open(path, 'w'): create or truncate, then write the text (In [75])")},
    {"read", QT_TRANSLATE_NOOP("ui::FilesPage", "Read all"),
        QT_TRANSLATE_NOOP("ui::FilesPage", "f.read(): the whole file as one string (In [76])")},
    {"append", QT_TRANSLATE_NOOP("ui::FilesPage", "Append (a)"),
        QT_TRANSLATE_NOOP("ui::FilesPage", "open(path, 'a'): add the text at the end (In [77])")},
    {"bytes", QT_TRANSLATE_NOOP("ui::FilesPage", "Show bytes"),
        QT_TRANSLATE_NOOP("ui::FilesPage", "The file's bytes in hex and as text, like !cat (In [78])")},
    {"readlines", QT_TRANSLATE_NOOP("ui::FilesPage", "Read lines"),
        QT_TRANSLATE_NOOP("ui::FilesPage", "f.readlines(): the list of lines (In [79])")},
    {"iterate", QT_TRANSLATE_NOOP("ui::FilesPage", "Iterate lines"),
        QT_TRANSLATE_NOOP("ui::FilesPage", "for line in f: one line at a time, without loading the file (In [82])")},
    {"stat", QT_TRANSLATE_NOOP("ui::FilesPage", "Stat"), QT_TRANSLATE_NOOP("ui::FilesPage", "os.stat(): size, permissions, modified time")},
    {"list", QT_TRANSLATE_NOOP("ui::FilesPage", "List folder"), QT_TRANSLATE_NOOP("ui::FilesPage", "os.listdir(): the folder's entries")},
    {"mkdir", QT_TRANSLATE_NOOP("ui::FilesPage", "Make directory"),
        QT_TRANSLATE_NOOP("ui::FilesPage", "os.mkdir(): make the directory (In [64])")},
    {"rmdir", QT_TRANSLATE_NOOP("ui::FilesPage", "Remove directory"),
        QT_TRANSLATE_NOOP("ui::FilesPage", "os.rmdir(): only an empty directory, never recursive (In [66])")},
    {"remove", QT_TRANSLATE_NOOP("ui::FilesPage", "Remove file"), QT_TRANSLATE_NOOP("ui::FilesPage", "os.remove(): delete the file")},
    {"big", QT_TRANSLATE_NOOP("ui::FilesPage", "Make a big file"),
        QT_TRANSLATE_NOOP("ui::FilesPage", "Write a big text file, then iterate over it: memory stays flat")},
};
} // namespace

FilesPage::FilesPage(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildLocation());
    layout->addWidget(buildButtons());
    log_ = new QPlainTextEdit(this);
    log_->setReadOnly(true);
    log_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(log_, 1);
    newTemporaryFolder();
    retranslate();
}

FilesPage::~FilesPage()
{
    stop_->store(true);
    if (worker_.joinable())
        worker_.join();
}

QWidget *FilesPage::buildLocation()
{
    auto *w = new QWidget(this);
    form_ = new QFormLayout(w);
    folder_ = new QLineEdit(w);
    browse_ = new QPushButton(w);
    fresh_ = new QPushButton(w);
    connect(browse_, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Working folder"), folder());
        if (!dir.isEmpty())
            setFolder(dir);
    });
    connect(fresh_, &QPushButton::clicked, this, &FilesPage::newTemporaryFolder);
    addFormRow({folder_, browse_, fresh_});
    fileName_ = new QLineEdit(QStringLiteral("example.txt"), w);
    addFormRow({fileName_});
    text_ = new QLineEdit(QStringLiteral("Технопарк"), w);
    appendText_ = new QLineEdit(QStringLiteral("МГТУ"), w);
    appendLabel_ = new QLabel(w);
    addFormRow({text_, appendLabel_, appendText_});
    dirName_ = new QLineEdit(QStringLiteral("park-python"), w);
    addFormRow({dirName_});
    writeEncoding_ = new QComboBox(w);
    readEncoding_ = new QComboBox(w);
    for (cl::TextEncoding e : cl::allEncodings()) {
        writeEncoding_->addItem(cl::toString(e), int(e));
        readEncoding_->addItem(cl::toString(e), int(e));
    }
    writeAsLabel_ = new QLabel(w);
    readAsLabel_ = new QLabel(w);
    addFormRow({writeAsLabel_, writeEncoding_, readAsLabel_, readEncoding_, nullptr});
    return w;
}

// A row of the form: its label (set by retranslate) and `widgets` side by side; nullptr: a stretch.
void FilesPage::addFormRow(std::initializer_list<QWidget *> widgets)
{
    auto *row = new QHBoxLayout;
    for (QWidget *widget : widgets)
        widget ? row->addWidget(widget, qobject_cast<QLineEdit *>(widget) ? 1 : 0) : row->addStretch();
    auto *label = new QLabel(form_->parentWidget());
    form_->addRow(label, row);
    formLabels_.append(label);
}

QWidget *FilesPage::buildButtons()
{
    auto *w = new QWidget(this);
    auto *grid = new QGridLayout(w);
    constexpr int kColumns = 3; // narrow enough for a laptop's screen in presentation mode, in Russian too
    int i = 0;
    for (const Operation &op : kOperations) {
        auto *b = new QPushButton(w);
        b->setObjectName(QLatin1String(op.id));
        connect(b, &QPushButton::clicked, this, [this, id = QString::fromLatin1(op.id)] { runOperation(id); });
        grid->addWidget(b, i / kColumns, i % kColumns);
        buttons_.append(b);
        ++i;
    }
    bigMiB_ = new QSpinBox(w);
    bigMiB_->setRange(1, 4096);
    bigMiB_->setValue(256);
    grid->addWidget(bigMiB_, i / kColumns, i % kColumns);
    return w;
}

void FilesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate(); // the log keeps what was printed, in the language it was printed in
    if (event->type() == QEvent::FontChange) { // presentation mode: the log grows with the rest
        QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        fixed.setPointSizeF(font().pointSizeF());
        log_->setFont(fixed);
    }
    QWidget::changeEvent(event);
}

void FilesPage::retranslate()
{
    const QString labels[] = {tr("Folder"), tr("File"), tr("Write"), tr("Directory"), tr("Encoding")};
    for (qsizetype i = 0; i < formLabels_.size(); ++i)
        formLabels_[i]->setText(labels[i]);
    folder_->setToolTip(tr("The working folder: every name below is relative to it"));
    browse_->setText(tr("Browse…"));
    fresh_->setText(tr("New temporary folder"));
    fresh_->setToolTip(tr("A fresh, empty folder under the system's temporary directory"));
    fileName_->setToolTip(tr("The file to work on, inside the folder: no '..', no absolute name, and a symbolic link is never followed; "
                             "any language, up to 255 bytes"));
    text_->setToolTip(tr("What Write writes; a newline is added, as in the lesson"));
    appendLabel_->setText(tr("append"));
    appendText_->setToolTip(tr("What Append adds; a newline is added, as in the lesson"));
    dirName_->setToolTip(tr("The directory Make directory and Remove directory work on"));
    writeAsLabel_->setText(tr("write as"));
    readAsLabel_->setText(tr("read as"));
    writeEncoding_->setToolTip(tr("The encoding Write and Append use"));
    readEncoding_->setToolTip(tr("The encoding the reads use: a different one than the file's shows mojibake or an error"));
    retranslateButtons();
    log_->setToolTip(tr("Each operation: the lesson's Python, the C++/Qt counterpart, the result or the error"));
}

void FilesPage::retranslateButtons()
{
    for (qsizetype i = 0; i < buttons_.size(); ++i) {
        buttons_[i]->setText(tr(kOperations[i].label));
        buttons_[i]->setToolTip(tr(kOperations[i].tip));
    }
    bigMiB_->setSuffix(tr(" MiB"));
    bigMiB_->setToolTip(tr("The size of the big file"));
}

QStringList FilesPage::operationIds()
{
    QStringList ids;
    for (const Operation &op : kOperations)
        ids << QLatin1String(op.id);
    return ids;
}

QString FilesPage::folder() const
{
    return folder_->text();
}
void FilesPage::setFolder(const QString &folder)
{
    folder_->setText(folder);
}
QString FilesPage::log() const
{
    return log_->toPlainText();
}

void FilesPage::newTemporaryFolder()
{
    const QString dir = cl::makeWorkFolder();
    setFolder(dir); // never the temp dir itself, where other people's files live
    if (dir.isEmpty())
        showNotice(tr("Could not make a new folder under %1: choose a working folder.").arg(cl::configuredTempDir()));
}

void FilesPage::showNotice(const QString &text)
{
    log_->appendHtml(QStringLiteral("<span style='color:#d04030'>%1</span><br>").arg(text.toHtmlEscaped()));
}

cl::TextEncoding FilesPage::encoding(QComboBox *box) const
{
    return cl::TextEncoding(box->currentData().toInt());
}

std::function<cl::FileOpResult()> FilesPage::operation(const QString &id) const
{
    const cl::FileLab lab(folder());
    const QString name = fileName_->text();
    const QString text = text_->text() + QLatin1Char('\n');
    const QString more = appendText_->text() + QLatin1Char('\n');
    const QString dir = dirName_->text();
    const cl::TextEncoding we = encoding(writeEncoding_), re = encoding(readEncoding_);
    const qint64 big = qint64(bigMiB_->value()) << 20;
    const auto keepGoing = [stop = stop_](qint64) { return !stop->load(); }; // closing the window stops
    if (id == QLatin1String("write"))
        return [=] { return lab.write(name, text, we); };
    if (id == QLatin1String("append"))
        return [=] { return lab.append(name, more, we); };
    if (id == QLatin1String("read"))
        return [=] { return lab.read(name, re); };
    if (id == QLatin1String("readlines"))
        return [=] { return lab.readLines(name, re); };
    if (id == QLatin1String("iterate"))
        return [=] { return lab.iterateLines(name, re, 20, keepGoing); };
    if (id == QLatin1String("bytes"))
        return [=] { return lab.showBytes(name); };
    if (id == QLatin1String("stat"))
        return [=] { return lab.stat(name); };
    if (id == QLatin1String("list"))
        return [=] { return lab.list(); };
    if (id == QLatin1String("mkdir"))
        return [=] { return lab.makeDir(dir); };
    if (id == QLatin1String("rmdir"))
        return [=] { return lab.removeDir(dir); };
    if (id == QLatin1String("remove"))
        return [=] { return lab.removeFile(name); };
    if (id == QLatin1String("big"))
        return [=] {
            cl::FileOpResult made = lab.makeBigFile(name, big, keepGoing);
            if (!made.ok)
                return made;
            cl::FileOpResult it = lab.iterateLines(name, cl::TextEncoding::Utf8, 3, keepGoing);
            it.created = made.created;
            it.python = made.python + QStringLiteral("\n") + it.python;
            it.output = made.output + QStringLiteral("\n") + it.output;
            return it;
        };
    return {};
}

QString FilesPage::targetPath(const QString &id) const
{
    const bool directory = id == QLatin1String("mkdir") || id == QLatin1String("rmdir");
    return cl::FileLab(folder()).pathOf(directory ? dirName_->text() : fileName_->text());
}

QString FilesPage::confirmationQuestion(const QString &id) const
{
    const bool overwrites = id == QLatin1String("write") || id == QLatin1String("big");
    const bool removes = id == QLatin1String("remove") || id == QLatin1String("rmdir");
    const QString path = targetPath(id);
    if ((!overwrites && !removes) || made_.contains(path))
        return {};
    const cl::FileLab lab(folder());
    const cl::EntryKind kind = lab.kind(id == QLatin1String("rmdir") ? dirName_->text() : fileName_->text());
    if (overwrites) // only a regular file can be overwritten: the lab refuses links, FIFOs and the like
        return kind == cl::EntryKind::File ? tr("%1 exists. Overwrite it?").arg(path) : QString();
    if (kind == cl::EntryKind::Missing) // nothing to lose: the error is the lesson (In [66])
        return {};
    return id == QLatin1String("remove") ? tr("Remove the file %1?").arg(path)
                                         : tr("Remove the directory %1? (Only an empty one can be removed.)").arg(path);
}

bool FilesPage::confirmed(const QString &id)
{
    const QString question = confirmationQuestion(id);
    return question.isEmpty()
        || QMessageBox::question(this, tr("Please confirm"), question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        == QMessageBox::Yes;
}

void FilesPage::runOperation(const QString &id, bool confirm)
{
    auto op = operation(id);
    if (busy_ || !op)
        return;
    if (folder().isEmpty())
        return showNotice(tr("Choose a working folder first."));
    if (confirm && !confirmed(id))
        return;
    for (const Operation &o : kOperations)
        if (id == QLatin1String(o.id))
            start(id, tr(o.label), std::move(op));
}

void FilesPage::remember(const QString &id, const QString &path, const cl::FileOpResult &r)
{
    if (r.created)
        made_.insert(path);
    else if (r.ok && (id == QLatin1String("remove") || id == QLatin1String("rmdir")))
        made_.remove(path);
}

QString FilesPage::shownPart(const QString &output)
{
    constexpr qsizetype kShown = 20'000; // "Read all" of a big file must not flood the log (and the GUI thread)
    if (output.size() <= kShown)
        return output;
    return output.left(kShown) + QLatin1Char('\n') + tr("… %1 characters in all, the first %2 shown").arg(output.size()).arg(kShown);
}

void FilesPage::start(const QString &id, const QString &title, std::function<cl::FileOpResult()> op)
{
    busy_ = true;
    for (QPushButton *b : std::as_const(buttons_))
        b->setEnabled(false);
    // Resident memory before and after, read-only: resetting the process's peak counter here
    // would corrupt the peak memory of an experiment running at the same time.
    const qint64 before = cl::currentRssBytes();
    if (worker_.joinable())
        worker_.join(); // the last operation has shown its result: it has ended
    try {
        worker_ = std::jthread([this, id, target = targetPath(id), title, op = std::move(op), before] {
            const cl::FileOpResult r = op();
            const qint64 after = cl::currentRssBytes(); // the result, a whole file read, is still held
            QMetaObject::invokeMethod(
                this,
                [=, this] {
                    remember(id, target, r);
                    show(title, r, before, after);
                },
                Qt::QueuedConnection);
        });
    } catch (const std::system_error &e) { // out of threads (ulimit -u): say so, stay usable
        cl::FileOpResult r;
        r.error = tr("Could not start a thread for the operation: %1").arg(QString::fromLocal8Bit(e.code().message().c_str()));
        show(title, r, before, before);
    }
}

void FilesPage::show(const QString &title, const cl::FileOpResult &r, qint64 rssBefore, qint64 rssAfter)
{
    busy_ = false;
    for (QPushButton *b : std::as_const(buttons_))
        b->setEnabled(true);
    auto esc = [](const QString &s) {
        return s.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")).replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
    };
    QString html = QStringLiteral(
        "<b>%1</b><br><span style='color:#3a7bd5'>&gt;&gt;&gt; %2</span><br><span style='color:#888'>// C++: %3</span><br>")
                       .arg(esc(title), esc(r.python), esc(r.cpp));
    if (!r.error.isEmpty())
        html += QStringLiteral("<span style='color:#d04030'>%1</span>").arg(esc(r.error));
    else
        html += r.output.isEmpty() ? tr("(done, nothing printed)").toHtmlEscaped() : esc(shownPart(r.output));
    html += QStringLiteral("<br><span style='color:#888'>%1</span><br>")
                .arg(esc(tr("memory: %1 MiB resident before, %2 MiB after")
                             .arg(double(rssBefore) / 1048576.0, 0, 'f', 1)
                             .arg(double(rssAfter) / 1048576.0, 0, 'f', 1)));
    log_->appendHtml(html);
    emit operationFinished(r);
}

} // namespace ui
