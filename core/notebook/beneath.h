// Names inside a working folder, resolved one component at a time with openat(2) and
// O_NOFOLLOW: a symbolic link is never followed and a name never leaves the folder (no "..",
// no absolute names). The folder itself is opened as given: the user chose it, links and all.
#pragma once

#include "util/uniquefd.h"

#include <QByteArray>
#include <QString>

namespace cl {

// Where a name lives: the directory holding its last component, or why it cannot be reached.
struct Beneath {
    UniqueFd dir; // O_PATH descriptor of that directory; invalid on failure
    QByteArray leaf; // the last component: no '/', may be "." or empty
    bool wantsDirectory = false; // the name ended in '/'
    int err = 0; // errno of the step that failed, as the system gave it
    QString refusal; // or why the lab refuses the name (then err may be 0)
    bool ok() const { return bool(dir); }
};

Beneath resolveBeneath(const QString &folder, const QString &name);

// The folder as given (links followed), opened with O_DIRECTORY | O_CLOEXEC | `flags`.
UniqueFd openFolder(const QString &folder, int flags, int *err);

// `folder` + '/' + `name` as messages show it (an absolute `name` as it is).
QString joinPath(const QString &folder, const QString &name);

// What an entry is, not following links: "a symbolic link (→ '../x')", "a FIFO (named pipe)",
// "a directory", …; empty when there is none.
QString describeEntry(int dirFd, const QByteArray &leaf);
bool isSymlinkAt(int dirFd, const QByteArray &leaf);
// "Refused: 'path' is a symbolic link (→ 'x'); …": the lab's message for a link it met.
QString symlinkRefusal(const QString &displayPath, int dirFd, const QByteArray &leaf);

} // namespace cl
