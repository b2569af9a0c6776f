#include "window/language.h"

#include "window/settings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace ui {

namespace {
// The translators this file installed are the application's children of this name; each one's
// language is its object name's suffix.
constexpr QLatin1String kTranslatorName("concurrency-lab-translator:");

QList<QTranslator *> ourTranslators()
{
    QList<QTranslator *> ours;
    for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>(QString(), Qt::FindDirectChildrenOnly))
        if (t->objectName().startsWith(kTranslatorName))
            ours.append(t);
    return ours;
}

void install(const QString &language, const QString &file, const QString &dir)
{
    auto *t = new QTranslator(QCoreApplication::instance());
    t->setObjectName(kTranslatorName + language);
    if (t->load(file, dir))
        QCoreApplication::installTranslator(t);
    else
        delete t;
}
} // namespace

QStringList uiLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("ru")};
}

QString chooseLanguage(const QString &requested)
{
    if (uiLanguages().contains(requested))
        return requested;
    const QString saved = Settings().language();
    if (uiLanguages().contains(saved))
        return saved;
    return QLocale().language() == QLocale::Russian ? QStringLiteral("ru") : QStringLiteral("en");
}

void installTranslations(const QString &language)
{
    if (!QCoreApplication::instance())
        return;
    // Install the new ones before removing the old: the UI never passes through a half-translated state.
    const QList<QTranslator *> old = ourTranslators();
    if (language == QLatin1String("ru")) {
        install(language, QStringLiteral(":/i18n/concurrency-lab_ru.qm"), QString());
        install(language, QStringLiteral("qtbase_ru"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    }
    qDeleteAll(old); // a translator removes itself from the application when it is destroyed
}

QString installedLanguage()
{
    const QList<QTranslator *> ours = ourTranslators();
    return ours.isEmpty() ? QStringLiteral("en") : ours.first()->objectName().mid(kTranslatorName.size());
}

} // namespace ui
