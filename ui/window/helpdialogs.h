// The Help menu's two windows: every keyboard shortcut of the menus, and About.
#pragma once

#include <QList>
#include <QPair>
#include <QString>

class QMenuBar;
class QWidget;

namespace ui {

// Each menu action with a shortcut: its menu and name ("Run › Run all of the lesson"), and the keys.
QList<QPair<QString, QString>> shortcutList(const QMenuBar *bar);
void showShortcuts(QWidget *parent, const QMenuBar *bar);
void showAbout(QWidget *parent);

} // namespace ui
