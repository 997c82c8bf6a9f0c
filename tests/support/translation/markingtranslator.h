#pragma once

#include <QSet>
#include <QString>
#include <QTranslator>

// Translates every text of the committed catalogue into itself between markers, so a text shown
// without them either did not go through tr() or QCoreApplication::translate(), or went through a
// tr() that lupdate cannot see (a free function's tr() has no context), and no translator could
// ever translate it. Qt's own texts (contexts QShortcut, QTabBar...) are Qt's catalogue's.
class MarkingTranslator : public QTranslator
{
public:
    // What the translator puts around every text it translates.
    static constexpr QChar Open = QChar(0xE000);
    static constexpr QChar Close = QChar(0xE001);

    // The project's committed catalogue, translations/asynclab_en.ts.
    static QString projectCatalogue();
    // Reads the (context, source text) pairs of a Qt Linguist catalogue.
    bool loadCatalogue(const QString &path);
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override;

    // The part of a text outside every marked stretch (marked stretches nest: "%1 of %2" around
    // two translated words).
    static QString unmarked(const QString &text);

private:
    QSet<QString> m_texts;
};
