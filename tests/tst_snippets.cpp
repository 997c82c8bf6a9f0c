#include <demos/demoregistry.h>
#include <engine/lab.h>
#include <demokit/snippets.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The source snippets beside each demo: extracted from the real sources at build time.
class TestSnippets : public QObject
{
    Q_OBJECT
private slots:
    void everyDemoSnippetResolves();
    void snippetsAreTheRealSource();
    void extraction();
    void extractionErrors_data();
    void extractionErrors();

private:
    struct Extracted
    {
        int exitCode;
        QString output; // the generated file
        QString messages;
    };
    Extracted extract(const QString &source);
};

void TestSnippets::everyDemoSnippetResolves()
{
    QTemporaryDir dir;
    Lab lab;
    QVERIFY2(lab.start(), qPrintable(lab.errorString()));
    for (const DemoEntry &entry : DemoRegistry::all()) {
        std::unique_ptr<Demo> demo(
                DemoRegistry::create(entry.name, DemoRegistry::contextFor(&lab, dir.path())));
        QVERIFY2(!demo->snippetIds().isEmpty(), qPrintable(entry.name));
        for (const QString &id : demo->snippetIds()) {
            QVERIFY2(!snippet(id).trimmed().isEmpty(),
                     qPrintable(u"%1: no snippet \"%2\""_s.arg(entry.name, id)));
            // the engine's sources, or the server library's (the servers demo shows its servers)
            QVERIFY2(QRegularExpression(u"^src/[a-z]+/.+\\.cpp:\\d+$"_s)
                             .match(snippetLocation(id))
                             .hasMatch(),
                     qPrintable(snippetLocation(id)));
        }
    }
    QVERIFY(snippet(u"no-such-snippet"_s).isEmpty());
    QVERIFY(snippetLocation(u"no-such-snippet"_s).isEmpty());
}

void TestSnippets::snippetsAreTheRealSource()
{
    const QStringList ids = snippetIds();
    QVERIFY(ids.contains(u"pipeline-coroutines"_s));
    for (const QString &id : ids) {
        const QString location = snippetLocation(id);
        const qsizetype colon = location.lastIndexOf(u':');
        QFile file(QDir(QStringLiteral(ASYNCLAB_SOURCE_DIR)).filePath(location.left(colon)));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
        const int first = location.mid(colon + 1).toInt();
        // The first line of the snippet is the source line its location names.
        const QString firstLine = snippet(id).section(u'\n', 0, 0);
        QCOMPARE(lines.value(first - 1).trimmed(), firstLine.trimmed());
        QCOMPARE(lines.value(first - 2).trimmed(), u"//! [%1]"_s.arg(id));
    }
}

TestSnippets::Extracted TestSnippets::extract(const QString &source)
{
    QTemporaryDir dir;
    QDir(dir.path()).mkpath(u"src/sub"_s);
    QFile file(dir.filePath(u"src/sub/a.cpp"_s));
    if (!file.open(QIODevice::WriteOnly))
        return { -1, {}, file.errorString() };
    file.write(source.toUtf8());
    file.close();
    const QString output = dir.filePath(u"out.txt"_s);
    QProcess cmake;
    cmake.setProcessChannelMode(QProcess::MergedChannels);
    cmake.start(QStringLiteral(CMAKE_COMMAND),
                { u"-DSOURCE_DIR=%1"_s.arg(dir.filePath(u"src"_s)), u"-DROOT=%1"_s.arg(dir.path()),
                  u"-DOUTPUT=%1"_s.arg(output), u"-P"_s, QStringLiteral(EXTRACT_SCRIPT) });
    if (!cmake.waitForFinished(20000))
        return { -1, {}, u"cmake timed out"_s };
    QFile result(output);
    const QString text =
            result.open(QIODevice::ReadOnly) ? QString::fromUtf8(result.readAll()) : QString();
    return { cmake.exitCode(), text, QString::fromUtf8(cmake.readAll()) };
}

void TestSnippets::extraction()
{
    const Extracted e = extract(u"int x;\n"
                                "//! [outer]\n"
                                "void f()\n"
                                "{\n"
                                "    const char *s = \"a;b [c] \\\\ d\";\n"
                                "    //! [inner]\n"
                                "    if (x) {\n"
                                "\n"
                                "        g(s[0]);\n"
                                "    }\n"
                                "    //! [inner]\n"
                                "}\n"
                                "//! [outer]\n"_s);
    QVERIFY2(e.exitCode == 0, qPrintable(e.messages));
    QCOMPARE(e.output,
             u"@@snippet outer src/sub/a.cpp:3\n"
             "void f()\n"
             "{\n"
             "    const char *s = \"a;b [c] \\\\ d\";\n"
             "    if (x) {\n"
             "\n"
             "        g(s[0]);\n"
             "    }\n"
             "}\n"
             "@@snippet inner src/sub/a.cpp:7\n"
             "if (x) {\n"
             "\n"
             "    g(s[0]);\n"
             "}\n"_s);
}

void TestSnippets::extractionErrors_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("message");
    QTest::newRow("never closed") << u"//! [a]\nint x;\n"_s << u"never closed: a"_s;
    QTest::newRow("used twice") << u"//! [a]\n//! [a]\n//! [a]\nint x;\n//! [a]\n"_s
                                << u"\"a\" is used twice"_s;
}

void TestSnippets::extractionErrors()
{
    QFETCH(QString, source);
    QFETCH(QString, message);
    const Extracted e = extract(source);
    QVERIFY(e.exitCode != 0);
    QVERIFY2(e.messages.contains(message), qPrintable(e.messages));
}

QTEST_GUILESS_MAIN(TestSnippets)
#include "tst_snippets.moc"
