// The Files and directories page: each of the lesson's operations as a button, with its line of
// Python, the C++/Qt counterpart, the result and the error as Python prints it. Operations run off
// the GUI thread (a big file never freezes the window); removals and overwrites ask first.
#pragma once

#include "fileops.h"

#include <QPointer>
#include <QThread>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace ui {

class FilesPage : public QWidget
{
    Q_OBJECT
public:
    explicit FilesPage(QWidget *parent = nullptr);
    ~FilesPage() override; // waits for an operation still running
    QString folder() const;
    void setFolder(const QString &folder);
    bool isBusy() const { return busy_; }
    QString log() const;

    // The operations, as the buttons call them (tests call them too). `confirm` asks first where
    // something would be removed or overwritten.
    void runOperation(const QString &id, bool confirm = true);
    static QStringList operationIds();

signals:
    void operationFinished(const cl::FileOpResult &result);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildLocation();
    void addFormRow(std::initializer_list<QWidget *> widgets);
    QWidget *buildButtons();
    void retranslate();
    void retranslateButtons();
    std::function<cl::FileOpResult()> operation(const QString &id) const;
    bool confirmed(const QString &id);
    void start(const QString &title, std::function<cl::FileOpResult()> op);
    void show(const QString &title, const cl::FileOpResult &r, qint64 rssBeforeBytes, qint64 rssAfterBytes);
    static QString shownPart(const QString &output);
    cl::TextEncoding encoding(QComboBox *box) const;
    void newTemporaryFolder();

    QFormLayout *form_ = nullptr;
    QList<QLabel *> formLabels_; // Folder, File, Write, Directory, Encoding
    QLineEdit *folder_ = nullptr;
    QPushButton *browse_ = nullptr;
    QPushButton *fresh_ = nullptr;
    QLabel *appendLabel_ = nullptr;
    QLabel *writeAsLabel_ = nullptr;
    QLabel *readAsLabel_ = nullptr;
    QLineEdit *fileName_ = nullptr;
    QLineEdit *text_ = nullptr;
    QLineEdit *appendText_ = nullptr;
    QLineEdit *dirName_ = nullptr;
    QComboBox *writeEncoding_ = nullptr;
    QComboBox *readEncoding_ = nullptr;
    QSpinBox *bigMiB_ = nullptr;
    QPlainTextEdit *log_ = nullptr;
    QList<QPushButton *> buttons_;
    bool busy_ = false;
    QPointer<QThread> worker_;
};

} // namespace ui
