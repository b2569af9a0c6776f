// The UI's language: which one to start in, and switching the installed translations. Widgets
// follow a switch themselves: installing or removing a translator sends QEvent::LanguageChange.
#pragma once

#include <QString>
#include <QStringList>

namespace ui {

// The languages the UI speaks, as codes: "en", "ru".
QStringList uiLanguages();
// "en", "ru": explicit; empty: the saved choice, else the system locale.
QString chooseLanguage(const QString &requested);
// Installs the app's and Qt's translations for `language` (none for English), replacing the
// ones installed before. The translators belong to the application object.
void installTranslations(const QString &language);
// The language of the translations installed now ("en" when none).
QString installedLanguage();

} // namespace ui
