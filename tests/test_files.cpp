#include <catch2/catch.hpp>

#include "helpers.h"
#include "monitor/systeminfo.h"
#include "notebook/fileops.h"
#include "notebook/streams.h"
#include "pages/filespage.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>

using namespace cl;

namespace {
struct Lab {
    QTemporaryDir dir;
    FileLab lab{dir.path()};
};
} // namespace

TEST_CASE("write, read, append, readlines and iterate reproduce the lesson", "[files]")
{
    Lab t;
    const auto w = t.lab.write(QStringLiteral("example.txt"), QStringLiteral("Технопарк\n"));
    REQUIRE(w.ok);
    CHECK(w.output == QLatin1String("10"));
    CHECK(t.lab.read(QStringLiteral("example.txt")).output == QStringLiteral("Технопарк\n"));
    REQUIRE(t.lab.append(QStringLiteral("example.txt"), QStringLiteral("МГТУ\n")).ok);
    CHECK(t.lab.readLines(QStringLiteral("example.txt")).output == QStringLiteral("['Технопарк\\n', 'МГТУ\\n']"));
    CHECK(t.lab.iterateLines(QStringLiteral("example.txt")).output == QStringLiteral("'Технопарк\\n'\n'МГТУ\\n'"));
    const auto bytes = t.lab.showBytes(QStringLiteral("example.txt"));
    CHECK(bytes.output.contains(QLatin1String("d0 a2 d0 b5")));
    CHECK(bytes.output.contains(QLatin1String("28 bytes")));
    const auto st = t.lab.stat(QStringLiteral("example.txt"));
    CHECK(st.ok);
    CHECK(st.output.startsWith(QLatin1String("size 28 bytes, -rw-")));
    CHECK(t.lab.list().output == QLatin1String("['example.txt']"));
    REQUIRE(t.lab.removeFile(QStringLiteral("example.txt")).ok);
    CHECK(t.lab.list().output == QLatin1String("[]"));
}

TEST_CASE("errors come out as Python prints them, with the real errno", "[files]")
{
    Lab t;
    const QString missing = t.lab.pathOf(QStringLiteral("park-python"));
    auto r = t.lab.removeDir(QStringLiteral("park-python"));
    CHECK_FALSE(r.ok);
    CHECK(r.errnoValue == ENOENT);
    CHECK(r.error == QStringLiteral("FileNotFoundError: [Errno 2] No such file or directory: '%1'").arg(missing));
    CHECK(t.lab.read(QStringLiteral("nope.txt")).errnoValue == ENOENT);
    CHECK(t.lab.stat(QStringLiteral("nope.txt")).errnoValue == ENOENT);
    CHECK(t.lab.removeFile(QStringLiteral("nope.txt")).errnoValue == ENOENT);
    CHECK(FileLab(t.dir.filePath(QStringLiteral("no/such/dir"))).list().errnoValue == ENOENT);

    REQUIRE(t.lab.makeDir(QStringLiteral("park-python")).ok);
    CHECK(t.lab.makeDir(QStringLiteral("park-python")).errnoValue == EEXIST); // already exists
    REQUIRE(t.lab.write(QStringLiteral("park-python/inside.txt"), QStringLiteral("x")).ok);
    CHECK(t.lab.removeDir(QStringLiteral("park-python")).errnoValue == ENOTEMPTY); // never recursive
    CHECK(QFile::exists(t.dir.filePath(QStringLiteral("park-python/inside.txt"))));

    REQUIRE(t.lab.write(QStringLiteral("plain.txt"), QStringLiteral("x")).ok);
    CHECK(t.lab.write(QStringLiteral("plain.txt/child.txt"), QStringLiteral("x")).errnoValue == ENOTDIR); // through a file
    CHECK(t.lab.makeDir(QStringLiteral("plain.txt/sub")).errnoValue == ENOTDIR);
    CHECK(t.lab.removeDir(QStringLiteral("plain.txt")).errnoValue == ENOTDIR);

    const QString longName(300, QLatin1Char('a'));
    const auto tooLong = t.lab.write(longName, QStringLiteral("x"));
    CHECK(tooLong.errnoValue == ENAMETOOLONG);
    CHECK(tooLong.error.startsWith(QLatin1String("OSError: [Errno 36] File name too long")));
}

TEST_CASE("non-ASCII names work", "[files]")
{
    Lab t;
    const QString name = QStringLiteral("пример — 例.txt");
    REQUIRE(t.lab.write(name, QStringLiteral("ok\n")).ok);
    CHECK(t.lab.read(name).output == QLatin1String("ok\n"));
    CHECK(t.lab.list().output == QStringLiteral("['%1']").arg(name));
    CHECK(t.lab.makeDir(QStringLiteral("папка")).ok);
    CHECK(t.lab.removeDir(QStringLiteral("папка")).ok);
}

TEST_CASE("encodings round-trip, and disagreeing ones show mojibake or a decode error", "[files][encoding]")
{
    const QString text = QStringLiteral("Технопарк МГТУ\n");
    for (TextEncoding e : allEncodings()) {
        INFO(toString(e).toStdString());
        const QByteArray bytes = encodeText(text, e);
        CHECK(decodeText(bytes, e).value_or(QString()) == text);
    }
    CHECK(encodeText(QStringLiteral("Т"), TextEncoding::Cp1251) == QByteArray("\xd2"));
    CHECK(encodeText(QStringLiteral("Т"), TextEncoding::Koi8r) == QByteArray("\xf4"));
    CHECK(encodeText(QStringLiteral("Т"), TextEncoding::Utf8) == QByteArray("\xd0\xa2"));

    Lab t;
    REQUIRE(t.lab.write(QStringLiteral("cp.txt"), text, TextEncoding::Cp1251).ok);
    const auto asUtf8 = t.lab.read(QStringLiteral("cp.txt"), TextEncoding::Utf8);
    CHECK_FALSE(asUtf8.ok);
    CHECK(
        asUtf8.error == QLatin1String("UnicodeDecodeError: 'utf-8' codec can't decode byte 0xd2 in position 0: invalid continuation byte"));
    REQUIRE(t.lab.write(QStringLiteral("utf.txt"), QStringLiteral("Технопарк\n")).ok);
    CHECK(t.lab.read(QStringLiteral("utf.txt"), TextEncoding::Cp1251).output == QStringLiteral("РўРµС…РЅРѕРїР°СЂРє\n"));
    CHECK(t.lab.read(QStringLiteral("cp.txt"), TextEncoding::Koi8r).output != text);

    QString why;
    CHECK(encodeText(QStringLiteral("例"), TextEncoding::Cp1251, &why).isEmpty());
    CHECK(why.contains(QLatin1String("can't encode")));
    CHECK(pyRepr(QStringLiteral("it's\t\"x\"\\")) == QStringLiteral("'it\\'s\\t\"x\"\\\\'"));
}

TEST_CASE("invalid UTF-8 in a file is an error, not a crash, also while iterating", "[files][encoding]")
{
    Lab t;
    QFile f(t.lab.pathOf(QStringLiteral("bad.txt")));
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("good line\n\xff\xfe broken\n");
    f.close();
    const auto r = t.lab.iterateLines(QStringLiteral("bad.txt"));
    CHECK_FALSE(r.ok);
    CHECK(r.error.contains(QLatin1String("line 2")));
    CHECK(r.error.contains(QLatin1String("0xff")));
    CHECK(t.lab.showBytes(QStringLiteral("bad.txt")).ok); // bytes are always shown
}

TEST_CASE("a big file is iterated line by line", "[files]")
{
    Lab t;
    const auto made = t.lab.makeBigFile(QStringLiteral("big.txt"), 3 << 20);
    REQUIRE(made.ok);
    CHECK(QFile(t.lab.pathOf(QStringLiteral("big.txt"))).size() == 3 << 20);
    const auto it = t.lab.iterateLines(QStringLiteral("big.txt"), TextEncoding::Utf8, 2);
    REQUIRE(it.ok);
    CHECK(it.output.contains(QLatin1String("lines in all, 3145728 bytes")));
    std::int64_t seen = 0;
    const auto stopped = t.lab.iterateLines(QStringLiteral("big.txt"), TextEncoding::Utf8, 2, [&](std::int64_t b) {
        seen = b;
        return false;
    });
    CHECK(stopped.error == QLatin1String("stopped"));
    CHECK(seen > 0);
}

TEST_CASE("the streams probe sees a file, a pipe and /dev/null", "[streams]")
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("вывод.txt"));
    QProcess toFile;
    toFile.setStandardOutputFile(out);
    toFile.setStandardInputFile(QProcess::nullDevice());
    toFile.start(QStringLiteral(CL_APP_PATH), {QStringLiteral("lesson"), QStringLiteral("--part"), QStringLiteral("streams")});
    REQUIRE(toFile.waitForFinished(30000));
    CHECK(toFile.exitCode() == 0);
    QFile f(out);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    CHECK(text.contains(QStringLiteral("stdout (fd 1): file → %1").arg(out)));
    CHECK(text.contains(QLatin1String("stdin (fd 0): /dev/null")));
    CHECK(text.contains(QLatin1String("where am I (stdout)")));

    QByteArray piped;
    REQUIRE(test::runApp({QStringLiteral("lesson"), QStringLiteral("--part"), QStringLiteral("streams")}, &piped) == 0);
    CHECK(piped.contains("stdout (fd 1): pipe"));
    CHECK(piped.contains("stderr (fd 2): pipe"));
    CHECK_FALSE(probeStream(987).kind.isEmpty()); // a closed descriptor is reported, not a crash
    CHECK(probeStream(987).kind == QLatin1String("closed"));
}

TEST_CASE("lesson --part files prints the notebook's cells, and --part system the system", "[cli][files]")
{
    QTemporaryDir dir;
    QByteArray out;
    REQUIRE(test::runApp(
                {QStringLiteral("lesson"), QStringLiteral("--part"), QStringLiteral("files"), QStringLiteral("--dir"), dir.path()}, &out)
        == 0);
    const QString text = QString::fromUtf8(out);
    CHECK(text.contains(QStringLiteral("['Технопарк\\n', 'МГТУ\\n']")));
    CHECK(text.contains(QStringLiteral("[Errno 2] No such file or directory: '%1/park-python'").arg(dir.path())));
    CHECK(QFile::exists(dir.filePath(QStringLiteral("example.txt"))));
    REQUIRE(test::runApp({QStringLiteral("lesson"), QStringLiteral("--part"), QStringLiteral("system")}, &out) == 0);
    CHECK(out.contains("Qt (running):"));
    CHECK(out.contains("Logical cores:"));
    QByteArray err;
    CHECK(test::runApp({QStringLiteral("lesson"), QStringLiteral("--part"), QStringLiteral("files"), QStringLiteral("--dir"),
                           dir.filePath(QStringLiteral("missing"))},
              nullptr, &err)
        == 1);
    CHECK(err.contains("[Errno 2]"));
    CHECK(test::runApp({QStringLiteral("lesson"), QStringLiteral("--part"), QStringLiteral("gpu")}) == 2);
}

TEST_CASE("physical cores are counted from /proc/cpuinfo", "[system]")
{
    const QByteArray two = "processor : 0\nphysical id : 0\ncore id : 0\n\nprocessor : 1\nphysical id : 0\ncore id : 1\n\n"
                           "processor : 2\nphysical id : 0\ncore id : 0\n\nprocessor : 3\nphysical id : 0\ncore id : 1\n";
    CHECK(physicalCoresFromCpuinfo(two) == 2);
    CHECK(physicalCoresFromCpuinfo("") == 0);
    const SystemInfo s = systemInfo();
    CHECK(s.logicalCores >= 1);
    CHECK(s.qtRunning == QLatin1String(qVersion()));
    CHECK(s.rows().size() == 15);
}

TEST_CASE("the Files page runs the lesson's operations off the GUI thread", "[window][files]")
{
    QTemporaryDir dir;
    ui::FilesPage page;
    page.setFolder(dir.path());
    QSignalSpy done(&page, &ui::FilesPage::operationFinished);
    for (const char *id : {"write", "append", "readlines", "rmdir"}) {
        page.runOperation(QLatin1String(id), false);
        REQUIRE(done.wait(10000));
    }
    CHECK(page.log().contains(QStringLiteral("['Технопарк\\n', 'МГТУ\\n']")));
    CHECK(page.log().contains(QLatin1String("[Errno 2] No such file or directory")));
    CHECK(ui::FilesPage::operationIds().size() == 12);
}

// ---- Hostile input: links, '..', FIFOs, odd folders and names (issue: hardening, items 11 and 12) ----

#include <QDir>
#include <QStandardPaths>

#include <chrono>
#include <fcntl.h>
#include <future>
#include <sys/stat.h>
#include <unistd.h>

namespace {

QByteArray bytesOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// A working folder `dir` inside a sandbox that also holds outside.txt and a folder outside/.
struct Sandbox {
    QTemporaryDir root;
    QString dir = root.filePath(QStringLiteral("dir"));
    QString outsideFile = root.filePath(QStringLiteral("outside.txt"));
    QString outsideDir = root.filePath(QStringLiteral("outside"));
    QByteArray secret = "do not touch\n";
    FileLab lab{dir};
    Sandbox()
    {
        REQUIRE(QDir().mkpath(dir));
        REQUIRE(QDir().mkpath(outsideDir));
        writeBytes(outsideFile, secret);
    }
    void link(const QString &target, const QString &name) const
    {
        REQUIRE(::symlink(QFile::encodeName(target).constData(), QFile::encodeName(lab.pathOf(name)).constData()) == 0);
    }
};

QStringList lessonArgs(const QString &dir)
{
    return {QStringLiteral("lesson"), QStringLiteral("--part"), QStringLiteral("files"), QStringLiteral("--dir"), dir};
}

} // namespace

TEST_CASE("no operation follows a symbolic link out of the folder: the file outside stays byte for byte", "[files]")
{
    Sandbox t;
    t.link(QStringLiteral("../outside.txt"), QStringLiteral("example.txt"));
    const QString name = QStringLiteral("example.txt");
    const QList<FileOpResult> results = {t.lab.write(name, QStringLiteral("Технопарк\n")), t.lab.append(name, QStringLiteral("МГТУ\n")),
        t.lab.read(name), t.lab.readLines(name), t.lab.iterateLines(name), t.lab.showBytes(name), t.lab.makeBigFile(name, 1 << 20)};
    for (const FileOpResult &r : results) {
        INFO(r.python.toStdString() << " -> " << r.error.toStdString());
        CHECK_FALSE(r.ok);
        CHECK(r.error.startsWith(QStringLiteral("Refused: '%1' is a symbolic link (→ '../outside.txt')").arg(t.lab.pathOf(name))));
        CHECK_FALSE(r.output.contains(QLatin1String("do not touch")));
    }
    const FileOpResult st = t.lab.stat(name); // the link itself
    CHECK(st.ok);
    CHECK(st.output.contains(QLatin1String("lrwxrwxrwx")));
    CHECK(t.lab.makeDir(name).errnoValue == EEXIST);
    CHECK(t.lab.removeDir(name).errnoValue == ENOTDIR);
    REQUIRE(t.lab.removeFile(name).ok); // removes the link, never its target
    CHECK(bytesOf(t.outsideFile) == t.secret);
    CHECK(QFileInfo(t.outsideFile).size() == t.secret.size());
}

TEST_CASE("a symlinked parent, '..', an absolute name and a NUL are refused with a message", "[files]")
{
    Sandbox t;
    t.link(t.outsideDir, QStringLiteral("sub"));
    const auto viaLink = t.lab.write(QStringLiteral("sub/new.txt"), QStringLiteral("x"));
    CHECK_FALSE(viaLink.ok);
    CHECK(viaLink.error.startsWith(QStringLiteral("Refused: '%1/sub' is a symbolic link").arg(t.dir)));
    CHECK_FALSE(t.lab.makeDir(QStringLiteral("sub/park-python")).ok);
    CHECK_FALSE(t.lab.read(QStringLiteral("sub/")).ok); // a trailing '/' follows a link in the kernel: not here
    CHECK(QDir(t.outsideDir).isEmpty());

    const auto up = t.lab.write(QStringLiteral("../outside.txt"), QStringLiteral("x"));
    CHECK(up.error.contains(QLatin1String("'..'")));
    const auto upInside = t.lab.removeFile(QStringLiteral("a/../../outside.txt"));
    CHECK(upInside.error.startsWith(QLatin1String("Refused:")));
    const auto absolute = t.lab.write(t.outsideFile, QStringLiteral("x"));
    CHECK(absolute.error.contains(QLatin1String("absolute name")));
    CHECK(t.lab.removeFile(t.outsideFile).error.startsWith(QLatin1String("Refused:")));
    const auto nul = t.lab.write(QStringLiteral("example.txt") + QChar(0) + QStringLiteral("x"), QStringLiteral("x"));
    CHECK(nul.error == QLatin1String("ValueError: embedded null byte"));
    CHECK_FALSE(t.lab.exists(QStringLiteral("example.txt")));
    CHECK(bytesOf(t.outsideFile) == t.secret);
}

TEST_CASE("errno as the system gives it, under Python's exception class", "[files]")
{
    Sandbox t;
    const QString file = t.lab.pathOf(QStringLiteral("plain.txt"));
    writeBytes(file, "x");
    const auto notDir = FileLab(file).write(QStringLiteral("example.txt"), QStringLiteral("x"));
    CHECK(notDir.errnoValue == ENOTDIR);
    CHECK(notDir.error == QStringLiteral("NotADirectoryError: [Errno 20] Not a directory: '%1/example.txt'").arg(file));

    const QString loop = t.lab.pathOf(QStringLiteral("loop"));
    REQUIRE(::symlink("loop", QFile::encodeName(loop).constData()) == 0);
    const auto looped = FileLab(loop).read(QStringLiteral("example.txt"));
    CHECK(looped.errnoValue == ELOOP);
    CHECK(looped.error.startsWith(QLatin1String("OSError: [Errno 40] Too many levels of symbolic links: ")));

    const QString longDir = t.dir + QLatin1Char('/') + QString(5000, QLatin1Char('d'));
    for (const FileLab &lab : {FileLab(longDir), t.lab}) {
        const QString name = lab.folder() == t.dir ? QStringLiteral("a/").repeated(2500) + QStringLiteral("x") : QStringLiteral("x");
        const auto tooLong = lab.makeDir(name);
        CHECK(tooLong.errnoValue == ENAMETOOLONG);
        CHECK(tooLong.error.startsWith(QLatin1String("OSError: [Errno 36] File name too long: ")));
    }

    REQUIRE(t.lab.makeDir(QStringLiteral("d")).ok);
    CHECK(t.lab.makeDir(QStringLiteral("d")).error.startsWith(QLatin1String("FileExistsError: [Errno 17] File exists")));
    CHECK(t.lab.read(QStringLiteral("d")).error.startsWith(QLatin1String("IsADirectoryError: [Errno 21] Is a directory")));
    CHECK(t.lab.write(QStringLiteral("d"), QStringLiteral("x")).error.startsWith(QLatin1String("IsADirectoryError: [Errno 21]")));
    CHECK(t.lab.removeFile(QStringLiteral("d")).error.startsWith(QLatin1String("IsADirectoryError: [Errno 21]")));
    CHECK(t.lab.removeFile(QStringLiteral("plain.txt/")).error.startsWith(QLatin1String("NotADirectoryError: [Errno 20]")));
    CHECK(QFile::exists(file)); // "plain.txt/" names a directory: the file is not removed
    CHECK(t.lab.write(QStringLiteral("new/"), QStringLiteral("x")).errnoValue == EISDIR);
    CHECK(t.lab.write(QString(), QStringLiteral("x")).errnoValue == ENOENT);

    CHECK(pythonExceptionName(EACCES) == QLatin1String("PermissionError"));
    CHECK(pythonExceptionName(EPERM) == QLatin1String("PermissionError"));
    CHECK(pythonExceptionName(ENOTEMPTY) == QLatin1String("OSError"));
    CHECK(pythonExceptionName(EAGAIN) == QLatin1String("BlockingIOError"));
    CHECK(pythonExceptionName(EPIPE) == QLatin1String("BrokenPipeError"));
    CHECK(pythonOsException(EACCES, QStringLiteral("/x")) == QLatin1String("PermissionError: [Errno 13] Permission denied: '/x'"));
}

TEST_CASE("lesson --part files: real errno, and exit 1 with a line on stderr when every cell fails", "[cli][files]")
{
    Sandbox t;
    const QString file = t.lab.pathOf(QStringLiteral("plain.txt"));
    writeBytes(file, "x");
    const QString loop = t.lab.pathOf(QStringLiteral("loop"));
    REQUIRE(::symlink("loop", QFile::encodeName(loop).constData()) == 0);
    const QString longDir = t.dir + QLatin1Char('/') + QString(5000, QLatin1Char('d'));
    const std::pair<QString, const char *> cases[] = {
        {file, "NotADirectoryError: [Errno 20] Not a directory"},
        {loop, "OSError: [Errno 40] Too many levels of symbolic links"},
        {longDir, "OSError: [Errno 36] File name too long"},
        {t.lab.pathOf(QStringLiteral("missing")), "FileNotFoundError: [Errno 2] No such file or directory"},
    };
    for (const auto &[dir, expected] : cases) {
        INFO(expected);
        QByteArray out, err;
        CHECK(test::runApp(lessonArgs(dir), &out, &err) == 1);
        CHECK(out.contains(expected));
        CHECK(err.contains("7 of 7 file operations failed; the first: " + QByteArray(expected)));
        CHECK(err.count('\n') == 1);
    }
    CHECK(bytesOf(file) == "x");
    CHECK(test::runApp(lessonArgs(QString())) == 2); // --dir "" is a usage error, not "a fresh folder"
}

TEST_CASE("lesson --part files never removes a park-python it did not make, nor writes through a link", "[cli][files]")
{
    for (const bool withFile : {true, false}) {
        Sandbox t;
        REQUIRE(t.lab.makeDir(QStringLiteral("park-python")).ok);
        if (withFile)
            writeBytes(t.lab.pathOf(QStringLiteral("park-python/notes.txt")), "mine\n");
        QByteArray out, err;
        CHECK(test::runApp(lessonArgs(t.dir), &out, &err) == 0);
        CHECK(QFileInfo(t.lab.pathOf(QStringLiteral("park-python"))).isDir());
        if (withFile)
            CHECK(bytesOf(t.lab.pathOf(QStringLiteral("park-python/notes.txt"))) == "mine\n");
        CHECK(QString::fromUtf8(out).contains(
            QStringLiteral("%1 was there before: the lesson removes only what it made").arg(t.lab.pathOf(QStringLiteral("park-python")))));
        CHECK_FALSE(out.contains("os.rmdir("));
        CHECK(out.contains("['Технопарк\\n', 'МГТУ\\n']"));
        CHECK(err.contains("1 of 7 file operations failed; the first: FileExistsError: [Errno 17]"));
    }
    Sandbox t;
    t.link(QStringLiteral("../outside.txt"), QStringLiteral("example.txt"));
    QByteArray out, err;
    CHECK(test::runApp(lessonArgs(t.dir), &out, &err) == 0); // the directory cells still work
    CHECK(bytesOf(t.outsideFile) == t.secret);
    CHECK(out.contains("Err: Refused: "));
    CHECK(err.contains("6 of 9 file operations failed"));

    Sandbox mine; // a user's own example.txt is not overwritten; the lesson's own from a rerun is
    writeBytes(mine.lab.pathOf(QStringLiteral("example.txt")), "my notes\n");
    CHECK(test::runApp(lessonArgs(mine.dir), &out) == 0);
    CHECK(bytesOf(mine.lab.pathOf(QStringLiteral("example.txt"))) == "my notes\n");
    CHECK(out.contains("was there before, with other content"));
    REQUIRE(mine.lab.removeFile(QStringLiteral("example.txt")).ok);
    for (int run = 0; run < 2; ++run)
        CHECK(test::runApp(lessonArgs(mine.dir), &out) == 0);
    CHECK(bytesOf(mine.lab.pathOf(QStringLiteral("example.txt"))) == "Технопарк\nМГТУ\n");
}

TEST_CASE("a FIFO never hangs an operation: it is refused, reading or writing", "[files]")
{
    Sandbox t;
    const QString fifo = t.lab.pathOf(QStringLiteral("example.txt"));
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0644) == 0);
    auto all = std::async(std::launch::async, [&] {
        const QString name = QStringLiteral("example.txt");
        return QList<FileOpResult>{t.lab.read(name), t.lab.readLines(name), t.lab.iterateLines(name), t.lab.showBytes(name),
            t.lab.write(name, QStringLiteral("x")), t.lab.append(name, QStringLiteral("x")), t.lab.makeBigFile(name, 1 << 20)};
    });
    const bool finished = all.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
    while (all.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready) // unblock, so a failure does not hang
        ::close(::open(QFile::encodeName(fifo).constData(), O_RDWR | O_NONBLOCK)); // an end for an open() waiting for one
    REQUIRE(finished);
    for (const FileOpResult &r : all.get()) {
        INFO(r.python.toStdString() << " -> " << r.error.toStdString());
        CHECK_FALSE(r.ok);
        CHECK(r.error.contains(QStringLiteral("'%1' is a FIFO (named pipe), not a regular file").arg(fifo)));
    }
    const int reader = ::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_NONBLOCK); // now a write could block
    REQUIRE(reader >= 0);
    const auto written = t.lab.write(QStringLiteral("example.txt"), QStringLiteral("x"));
    CHECK(written.error.contains(QLatin1String("FIFO")));
    char byte;
    CHECK(::read(reader, &byte, 1) == 0); // nothing was written into it
    ::close(reader);
    CHECK(t.lab.stat(QStringLiteral("example.txt")).output.contains(QLatin1String("prw-")));
}

TEST_CASE("non-ASCII folders and names work, and odd names show as Python's repr() shows them", "[files]")
{
    QTemporaryDir root;
    const QString folder = root.filePath(QStringLiteral("Технопарк — 例 ✓"));
    REQUIRE(QDir().mkpath(folder));
    const FileLab lab(folder);
    REQUIRE(lab.write(QStringLiteral("МГТУ.txt"), QStringLiteral("ок\n")).ok);
    CHECK(lab.read(QStringLiteral("МГТУ.txt")).output == QStringLiteral("ок\n"));
    REQUIRE(lab.makeDir(QStringLiteral("папка")).ok);
    REQUIRE(lab.write(QStringLiteral("папка/файл.txt"), QStringLiteral("x")).ok);
    CHECK(lab.stat(QStringLiteral("папка/")).ok);
    CHECK(lab.removeDir(QStringLiteral("папка/")).errnoValue == ENOTEMPTY);

    // a name that is not UTF-8, one with a right-to-left override and one with a C1 control
    const int fd = ::open(QFile::encodeName(folder) + "/bad\xff.txt", O_WRONLY | O_CREAT, 0644);
    REQUIRE(fd >= 0);
    ::close(fd);
    REQUIRE(lab.write(QStringLiteral("txt.\u202eexe"), QStringLiteral("x")).ok);
    REQUIRE(lab.write(QStringLiteral("c1\u0085"), QStringLiteral("x")).ok);
    const QString listed = lab.list().output;
    CHECK(listed.contains(QLatin1String("'bad\\udcff.txt'")));
    CHECK(listed.contains(QLatin1String("'txt.\\u202eexe'")));
    CHECK(listed.contains(QLatin1String("'c1\\x85'")));
    ::unlink(QFile::encodeName(folder) + "/bad\xff.txt"); // QDir cannot name it to remove it
    CHECK(pyRepr(QStringLiteral("😀 a\u00a0b")) == QStringLiteral("'😀 a\\xa0b'"));
    CHECK(fsDecode("\xd0\xa2\xff\xed\xa0\x80") == QStringLiteral("Т") + QChar(0xdcff) + QChar(0xdced) + QChar(0xdca0) + QChar(0xdc80));

    const QString link = root.filePath(QStringLiteral("ссылка"));
    REQUIRE(QFile::link(folder, link)); // a working folder that is itself a link is the user's choice: followed
    CHECK(FileLab(link).read(QStringLiteral("МГТУ.txt")).ok);
}

TEST_CASE("lesson --part files in a non-ASCII folder, through a linked folder, and with a FIFO for example.txt", "[cli][files]")
{
    QTemporaryDir root;
    const QString folder = root.filePath(QStringLiteral("Технопарк — 例 ✓"));
    REQUIRE(QDir().mkpath(folder));
    QByteArray out;
    REQUIRE(test::runApp(lessonArgs(folder), &out) == 0);
    CHECK(QString::fromUtf8(out).contains(QStringLiteral("# Working folder: %1\n").arg(folder)));
    CHECK(out.contains("['Технопарк\\n', 'МГТУ\\n']"));

    const QString link = root.filePath(QStringLiteral("ссылка"));
    REQUIRE(QFile::link(folder, link));
    REQUIRE(test::runApp(lessonArgs(link), &out) == 0);
    CHECK(QString::fromUtf8(out).contains(QStringLiteral("(a link to %1)").arg(folder)));

    const QString fifo = QDir(folder).filePath(QStringLiteral("example.txt"));
    REQUIRE(QFile::remove(fifo));
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0644) == 0);
    CHECK(test::runApp(lessonArgs(folder), &out, nullptr, 30000) == 0); // the old lesson blocked in open()
    CHECK(out.contains("is a FIFO (named pipe)"));
}

TEST_CASE("with $TMPDIR missing, no work folder is made in the current directory", "[cli][files]")
{
    QTemporaryDir cwd;
    QProcess p;
    p.setWorkingDirectory(cwd.path());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TMPDIR"), cwd.filePath(QStringLiteral("missing")));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CL_APP_PATH), {QStringLiteral("lesson"), QStringLiteral("--part"), QStringLiteral("files")});
    REQUIRE(p.waitForFinished(30000));
    CHECK(p.exitCode() == 1);
    CHECK(p.readAllStandardError().contains("cannot create a folder under " + QFile::encodeName(cwd.filePath(QStringLiteral("missing")))));
    CHECK(QDir(cwd.path()).isEmpty()); // Qt's temp path is empty then: a relative template lands here
}

TEST_CASE("the Files page asks before touching what it did not make, and never follows a link", "[window][files]")
{
    Sandbox t;
    ui::FilesPage page;
    page.setFolder(t.dir);
    QSignalSpy done(&page, &ui::FilesPage::operationFinished);
    auto run = [&](const char *id) {
        page.runOperation(QLatin1String(id), false);
        REQUIRE(done.wait(10000));
        return done.takeLast().first().value<FileOpResult>();
    };
    CHECK(page.confirmationQuestion(QStringLiteral("write")).isEmpty()); // nothing there yet
    CHECK(page.confirmationQuestion(QStringLiteral("rmdir")).isEmpty()); // In [66]: the error is the lesson
    CHECK(run("write").created);
    CHECK(page.confirmationQuestion(QStringLiteral("write")).isEmpty()); // its own file
    CHECK(page.confirmationQuestion(QStringLiteral("remove")).isEmpty());
    CHECK(run("mkdir").created);
    CHECK(page.confirmationQuestion(QStringLiteral("rmdir")).isEmpty());
    CHECK(run("rmdir").ok);
    CHECK(run("remove").ok);

    writeBytes(t.lab.pathOf(QStringLiteral("example.txt")), "someone else's\n"); // not made by the page
    REQUIRE(t.lab.makeDir(QStringLiteral("park-python")).ok);
    CHECK(page.confirmationQuestion(QStringLiteral("write")).contains(QLatin1String("Overwrite")));
    CHECK(page.confirmationQuestion(QStringLiteral("big")).contains(QLatin1String("Overwrite")));
    CHECK(page.confirmationQuestion(QStringLiteral("remove")).contains(t.lab.pathOf(QStringLiteral("example.txt"))));
    CHECK(page.confirmationQuestion(QStringLiteral("rmdir")).contains(t.lab.pathOf(QStringLiteral("park-python"))));
    REQUIRE(QFile::remove(t.lab.pathOf(QStringLiteral("example.txt"))));

    t.link(QStringLiteral("../outside.txt"), QStringLiteral("example.txt"));
    for (const char *id : {"write", "append", "read", "readlines", "iterate", "bytes", "big"}) {
        INFO(id);
        CHECK(run(id).error.startsWith(QLatin1String("Refused:")));
    }
    CHECK(bytesOf(t.outsideFile) == t.secret);
    CHECK(page.log().contains(QStringLiteral("is a symbolic link (→ '../outside.txt')")));

    page.setFolder(QString());
    page.runOperation(QStringLiteral("write"), false);
    CHECK_FALSE(page.isBusy());
    CHECK(page.log().contains(QLatin1String("Choose a working folder first.")));
}

TEST_CASE("a read-only folder gives PermissionError, as Python's open() does", "[cli][files]")
{
    Sandbox t;
    REQUIRE(::chmod(QFile::encodeName(t.root.path()).constData(), 0755) == 0);
    REQUIRE(::chmod(QFile::encodeName(t.dir).constData(), 0555) == 0);
    const char *expected = "PermissionError: [Errno 13] Permission denied: ";
    if (::geteuid() != 0) {
        CHECK(t.lab.write(QStringLiteral("example.txt"), QStringLiteral("x")).error.startsWith(QLatin1String(expected)));
        CHECK(t.lab.makeDir(QStringLiteral("park-python")).errnoValue == EACCES);
    } else if (!QStandardPaths::findExecutable(QStringLiteral("runuser")).isEmpty()) { // root writes anywhere: run as nobody
        const QTemporaryDir bin;
        const QString app = test::appCopyForOtherUsers(bin);
        REQUIRE_FALSE(app.isEmpty());
        QProcess p;
        p.start(QStringLiteral("runuser"),
            QStringList{QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"), app} + lessonArgs(t.dir));
        REQUIRE(p.waitForFinished(30000));
        CHECK(p.exitCode() == 1);
        CHECK(p.readAllStandardOutput().contains(expected));
        CHECK(p.readAllStandardError().contains("7 of 7 file operations failed; the first: " + QByteArray(expected)));
    }
    CHECK(QDir(t.dir).isEmpty());
    ::chmod(QFile::encodeName(t.dir).constData(), 0755);
}
