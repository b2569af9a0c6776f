// `lesson --part files|streams|system`: the notebook's first half, printed from this app.
#pragma once

#include <QString>

namespace cli {

int printFilesPart(const QString &dir); // dir empty: a fresh folder under the temp dir
int printStreamsPart();
int printSystemPart();

} // namespace cli
