// The Files and directories page: each of the lesson's operations as a button, with its line of
// Python, the C++/Qt counterpart, the result and the error as Python prints it. Operations run off
// the GUI thread (a big file never freezes the window). What the page made itself it may
// overwrite or remove at once; anything else is removed or overwritten only once confirmed.
#pragma once

#include "notebook/fileops.h"

#include <QSet>
#include <QWidget>

#include <atomic>
#include <memory>
#include <thread>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace ui {

class FilesPage : public QWidget {
    Q_OBJECT
public:
    explicit FilesPage(QWidget *parent = nullptr);
    ~FilesPage() override; // stops a big file or an iteration, waits for any other operation
    QString folder() const;
    void setFolder(const QString &folder);
    bool isBusy() const { return busy_; }
    QString log() const;

    // The operations, as the buttons call them (tests call them too). `confirm` asks first where
    // something would be removed or overwritten.
    void runOperation(const QString &id, bool confirm = true);
    static QStringList operationIds();
    // What runOperation(id) would ask first; empty when it asks nothing (the page made the
    // entry itself, or there is none to lose).
    QString confirmationQuestion(const QString &id) const;

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
    QString targetPath(const QString &id) const;
    void start(const QString &id, const QString &title, std::function<cl::FileOpResult()> op);
    void show(const QString &title, const cl::FileOpResult &r, qint64 rssBeforeBytes, qint64 rssAfterBytes);
    void remember(const QString &id, const QString &path, const cl::FileOpResult &r);
    void showNotice(const QString &text);
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
    std::jthread worker_; // one operation at a time, off the GUI thread
    std::shared_ptr<std::atomic_bool> stop_ = std::make_shared<std::atomic_bool>(false);
    QSet<QString> made_; // paths of the files and directories this page created
};

} // namespace ui
