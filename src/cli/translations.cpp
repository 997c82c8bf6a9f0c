#include <cli/translations.h>

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <memory>

using namespace Qt::StringLiterals;

namespace {
// Keeps the translator when it loaded, parented to the application so it lives as long.
void install(std::unique_ptr<QTranslator> translator, bool loaded)
{
    if (loaded && QCoreApplication::installTranslator(translator.get()))
        translator.release()->setParent(QCoreApplication::instance());
}
} // namespace

void installTranslations()
{
    const QString catalogues = u":/i18n"_s;
    auto english = std::make_unique<QTranslator>();
    const bool englishLoaded = english->load(u"asynclab_en"_s, catalogues);
    install(std::move(english), englishLoaded);

    const QLocale locale;
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return;
    auto qt = std::make_unique<QTranslator>();
    const bool qtLoaded = qt->load(locale, u"qtbase"_s, u"_"_s,
                                   QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    install(std::move(qt), qtLoaded);
    auto own = std::make_unique<QTranslator>();
    const bool ownLoaded = own->load(locale, u"asynclab"_s, u"_"_s, catalogues);
    install(std::move(own), ownLoaded);
}
