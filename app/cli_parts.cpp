#include "cli_parts.h"

#include "cli.h"
#include "cli_common.h"

#include "monitor/systeminfo.h"
#include "notebook/fileops.h"
#include "notebook/streams.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdlib>
#include <memory>

namespace cli {

namespace {

QString indented(QString s)
{
    return s.replace(QLatin1Char('\n'), QStringLiteral("\n     "));
}

// The cells' outcome: how many ran, how many failed, and the first failure.
struct Tally {
    int ran = 0;
    int failed = 0;
    QString firstError;

    // Prints one cell as the notebook shows it. `expectFailure`: the cell shows an error on purpose (In [66]).
    void show(const cl::FileOpResult &r, bool expectFailure = false)
    {
        out() << "In:  " << indented(r.python) << "\n";
        if (!r.error.isEmpty())
            out() << "Err: " << indented(r.error) << "\n";
        else if (!r.output.isEmpty())
            out() << "Out: " << indented(r.output) << "\n";
        out() << "\n" << Qt::flush;
        ++ran;
        if (!r.ok && !expectFailure && failed++ == 0)
            firstError = r.error;
    }
};

void note(const QString &text)
{
    out() << "# " << text << "\n\n" << Qt::flush;
}

// May the lesson's open(…, 'w') replace what is at `file`? Yes when nothing is there, or what
// is there is what the lesson itself writes. A link, directory or FIFO is refused by the cells.
bool mayOverwrite(const cl::FileLab &lab, const QString &file)
{
    if (lab.kind(file) != cl::EntryKind::File)
        return true;
    if (QFileInfo(lab.pathOf(file)).size() > 64) // not the lesson's 28 bytes: not read whole to find out
        return false;
    const cl::FileOpResult r = lab.read(file);
    return r.ok && (r.output.isEmpty() || r.output == QStringLiteral("Технопарк\n") || r.output == QStringLiteral("Технопарк\nМГТУ\n"));
}

void fileCells(const cl::FileLab &lab, Tally &t)
{
    const QString file = QStringLiteral("example.txt");
    if (!mayOverwrite(lab, file))
        return note(QStringLiteral("%1 was there before, with other content: the lesson leaves it untouched and skips its "
                                   "cells (give an empty --dir, or none for a fresh folder)")
                        .arg(lab.pathOf(file)));
    t.show(lab.write(file, QStringLiteral("Технопарк\n"))); // In [75]
    t.show(lab.read(file)); // In [76]
    t.show(lab.append(file, QStringLiteral("МГТУ\n"))); // In [77]
    t.show(lab.showBytes(file)); // In [78]
    t.show(lab.readLines(file)); // In [79]
    t.show(lab.iterateLines(file)); // In [82]
}

// In [64] and [66]; the lesson removes only the directory it made itself.
void directoryCells(const cl::FileLab &lab, Tally &t)
{
    const QString dir = QStringLiteral("park-python");
    const cl::FileOpResult made = lab.makeDir(dir);
    t.show(made);
    if (made.created) {
        t.show(lab.removeDir(dir));
        t.show(lab.removeDir(dir), true); // [Errno 2], as in the notebook
    } else if (made.errnoValue == EEXIST) {
        note(QStringLiteral("%1 was there before: the lesson removes only what it made, so os.rmdir is skipped").arg(lab.pathOf(dir)));
    }
}

QString describeFolder(const QString &dir)
{
    if (!QFileInfo(dir).isSymLink())
        return dir;
    const std::unique_ptr<char, decltype(&std::free)> target(::realpath(QFile::encodeName(dir).constData(), nullptr), &std::free);
    return target ? QStringLiteral("%1 (a link to %2)").arg(dir, QFile::decodeName(target.get())) : dir; // none for a loop
}

} // namespace

int printFilesPart(const QString &requested)
{
    QString dir = requested;
    if (dir.isEmpty() && (dir = cl::makeWorkFolder()).isEmpty()) {
        err() << "concurrency-lab lesson: cannot create a folder under " << cl::configuredTempDir() << "; give one with --dir\n"
              << Qt::flush;
        return kExitFailure;
    }
    // No existence check first: each cell meets the folder as Python would, with the real errno.
    out() << "# Working folder: " << describeFolder(dir) << "\n\n";
    const cl::FileLab lab(dir);
    Tally tally;
    fileCells(lab, tally);
    directoryCells(lab, tally);
    if (tally.failed > 0)
        err() << "concurrency-lab lesson: " << tally.failed << " of " << tally.ran
              << " file operations failed; the first: " << tally.firstError << "\n"
              << Qt::flush;
    return tally.failed > 0 && tally.failed == tally.ran ? kExitFailure : 0;
}

int printStreamsPart()
{
    for (const cl::StreamInfo &s : cl::probeStandardStreams())
        out() << QStringLiteral("%1 (fd %2): %3%4%5\n")
                     .arg(s.name)
                     .arg(s.fd)
                     .arg(s.kind)
                     .arg(s.target.isEmpty() || s.target == s.kind ? QString() : QStringLiteral(" → ") + s.target)
                     .arg(s.isTty ? QStringLiteral(", a TTY") : QString());
    out() << Qt::flush;
    cl::writeLine(1, QStringLiteral("where am I (stdout)"));
    cl::writeLine(2, QStringLiteral("where am I (stderr)"));
    return 0;
}

int printSystemPart()
{
    for (const auto &[label, value] : cl::systemInfo().rows())
        out() << QStringLiteral("%1 %2\n").arg(QString::fromUtf8(label) + QLatin1Char(':'), -18).arg(value);
    out() << Qt::flush;
    return 0;
}

} // namespace cli
