#include "pages/codepage.h"

#include "experiment/experiment.h"
#include "strategies/strategy.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSyntaxHighlighter>

namespace ui {

namespace {
// Comments dimmed, and the fixes — "FIXED:" and "ADDED:" — bold orange, so the class sees at
// once where the notebook was wrong.
class CommentHighlighter : public QSyntaxHighlighter {
public:
    CommentHighlighter(QTextDocument *doc, QString marker) : QSyntaxHighlighter(doc), marker_(std::move(marker)) { }

protected:
    void highlightBlock(const QString &text) override
    {
        const qsizetype at = text.indexOf(marker_);
        if (at < 0)
            return;
        QTextCharFormat comment;
        comment.setForeground(QColor(0x6a, 0x73, 0x7d));
        setFormat(int(at), int(text.size() - at), comment);
        static const QRegularExpression fix(QStringLiteral("\\b(FIXED|ADDED):"));
        for (auto m = fix.globalMatch(text, at); m.hasNext();) {
            const auto hit = m.next();
            QTextCharFormat mark;
            mark.setForeground(QColor(0xd5, 0x5e, 0x00));
            mark.setFontWeight(QFont::Bold);
            setFormat(int(hit.capturedStart()), int(text.size() - hit.capturedStart()), mark);
        }
    }

private:
    QString marker_;
};

QPlainTextEdit *codeView(QWidget *parent, const QString &commentMarker)
{
    auto *view = new QPlainTextEdit(parent);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::WidgetWidth); // all of it visible at any size, presentation mode too
    view->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    new CommentHighlighter(view->document(), commentMarker); // owned by the document
    return view;
}

QString readResource(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}
} // namespace

CodePage::CodePage(QList<cl::LessonExperiment> lesson, QWidget *parent) : QWidget(parent), lesson_(std::move(lesson))
{
    auto *layout = new QGridLayout(this);
    title_ = new QLabel(this);
    watchFor_ = new QLabel(this);
    watchFor_->setWordWrap(true);
    pythonLabel_ = new QLabel(this);
    cppLabel_ = new QLabel(this);
    for (QLabel *l : {title_, pythonLabel_, cppLabel_})
        l->setWordWrap(true); // never wider than the window: it fits 1366x768 in presentation mode too
    python_ = codeView(this, QStringLiteral("#"));
    cpp_ = codeView(this, QStringLiteral("//"));
    layout->addWidget(title_, 0, 0, 1, 2);
    layout->addWidget(watchFor_, 1, 0, 1, 2);
    layout->addWidget(pythonLabel_, 2, 0);
    layout->addWidget(cppLabel_, 2, 1);
    layout->addWidget(python_, 3, 0);
    layout->addWidget(cpp_, 3, 1);
    layout->setRowStretch(3, 1);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(1, 1);
    applyFont();
    showExperiment(0);
}

QString CodePage::codePath(const cl::ExperimentSpec &spec, const char *extension)
{
    return QStringLiteral(":/lesson/%1-%2.%3").arg(cl::toString(spec.workload), cl::toString(spec.strategy), QLatin1String(extension));
}

void CodePage::showExperiment(int row)
{
    if (row < 0 || row >= lesson_.size())
        return;
    row_ = row;
    python_->setPlainText(readResource(codePath(lesson_[row].spec, "py")));
    cpp_->setPlainText(readResource(codePath(lesson_[row].spec, "cpp")));
    retranslate();
}

QString CodePage::python() const
{
    return python_->toPlainText();
}

QString CodePage::cpp() const
{
    return cpp_->toPlainText();
}

void CodePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::FontChange) // presentation mode: the code grows with the rest
        applyFont();
    QWidget::changeEvent(event);
}

void CodePage::applyFont()
{
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(font().pointSizeF() * 1.1);
    python_->setFont(mono);
    cpp_->setFont(mono);
    QFont big = font();
    big.setPointSizeF(font().pointSizeF() * 1.4);
    big.setBold(true);
    title_->setFont(big);
}

void CodePage::retranslate()
{
    const cl::LessonExperiment &e = lesson_[row_];
    title_->setText(tr("%1 — the notebook's cell %2").arg(QCoreApplication::translate("Lesson", e.title), QLatin1String(e.cell)));
    watchFor_->setText(tr("<b>Watch for:</b> %1").arg(QCoreApplication::translate("Lesson", e.watchFor)));
    pythonLabel_->setText(tr("Python, as in the notebook (its bugs fixed and marked FIXED or ADDED)"));
    cppLabel_->setText(tr("C++, what this app runs for it"));
    python_->setToolTip(tr("Select and Ctrl+C to copy"));
    cpp_->setToolTip(tr("Select and Ctrl+C to copy"));
}

} // namespace ui
