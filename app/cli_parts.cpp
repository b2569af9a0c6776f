#include "cli_parts.h"

#include "cli.h"
#include "cli_common.h"

#include "fileops.h"
#include "streams.h"
#include "sysinfo.h"

#include <QCoreApplication>
#include <QDir>

namespace cli {

namespace {

void show(const cl::FileOpResult &r)
{
    out() << "In:  " << QString(r.python).replace(QLatin1Char('\n'), QStringLiteral("\n     ")) << "\n";
    if (!r.error.isEmpty())
        out() << "Err: " << r.error << "\n";
    else if (!r.output.isEmpty())
        out() << "Out: " << QString(r.output).replace(QLatin1Char('\n'), QStringLiteral("\n     ")) << "\n";
    out() << "\n" << Qt::flush;
}

} // namespace

int printFilesPart(const QString &requested)
{
    QString dir = requested;
    if (dir.isEmpty() && (dir = cl::makeWorkFolder()).isEmpty()) {
        err() << "concurrency-lab lesson: cannot create a folder under " << QDir::tempPath() << "\n" << Qt::flush;
        return kExitFailure;
    }
    if (!QDir(dir).exists()) {
        err() << "concurrency-lab lesson: " << cl::pythonOsError(ENOENT, dir) << "\n" << Qt::flush;
        return kExitFailure;
    }
    out() << "# Working folder: " << dir << "\n\n";
    const cl::FileLab lab(dir);
    const QString file = QStringLiteral("example.txt");
    show(lab.write(file, QStringLiteral("Технопарк\n")));  // In [75]
    show(lab.read(file));                                  // In [76]
    show(lab.append(file, QStringLiteral("МГТУ\n")));      // In [77]
    show(lab.showBytes(file));                             // In [78]
    show(lab.readLines(file));                             // In [79]
    show(lab.iterateLines(file));                          // In [82]
    show(lab.makeDir(QStringLiteral("park-python")));      // In [64]
    show(lab.removeDir(QStringLiteral("park-python")));
    show(lab.removeDir(QStringLiteral("park-python")));    // In [66]: [Errno 2]
    return 0;
}

int printStreamsPart()
{
    for (const cl::StreamInfo &s : cl::probeStandardStreams())
        out() << QStringLiteral("%1 (fd %2): %3%4%5\n").arg(s.name).arg(s.fd).arg(s.kind)
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
