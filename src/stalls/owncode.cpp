#include <stalls/owncode.h>
#include <stalls/stackframe.h>

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace {
// Library file names of the system and the toolkits, by prefix: what no application writes.
const QStringList systemPrefixes = {
    u"ld-linux"_s,
    u"linux-vdso"_s,
    u"[vdso]"_s,
    u"libc."_s,
    u"libm."_s,
    u"libdl."_s,
    u"libpthread"_s,
    u"librt."_s,
    u"libresolv"_s,
    u"libstdc++"_s,
    u"libgcc_s"_s,
    u"libQt"_s,
    u"libglib"_s,
    u"libgobject"_s,
    u"libgio"_s,
    u"libgthread"_s,
    u"libgmodule"_s,
    u"libX"_s,
    u"libxcb"_s,
    u"libxkb"_s,
    u"libGL"_s,
    u"libEGL"_s,
    u"libgbm"_s,
    u"libdrm"_s,
    u"libvulkan"_s,
    u"libwayland"_s,
    u"libpython"_s,
    u"libicu"_s,
    u"libz."_s,
    u"libzstd"_s,
    u"liblzma"_s,
    u"libbz2"_s,
    u"libpng"_s,
    u"libjpeg"_s,
    u"libfreetype"_s,
    u"libfontconfig"_s,
    u"libharfbuzz"_s,
    u"libdbus"_s,
    u"libsystemd"_s,
    u"libudev"_s,
    u"libssl"_s,
    u"libcrypto"_s,
    u"libsqlite"_s,
    u"libdw"_s,
    u"libelf"_s,
    u"libasan"_s,
    u"libubsan"_s,
    u"libpcre"_s,
    u"libdouble-conversion"_s,
    u"libb2"_s,
    u"libmd4c"_s,
    u"libexpat"_s,
    u"libffi"_s,
    u"libasynclab-probe"_s,
    u"libLLVM"_s,
    u"libclang"_s,
    u"libgallium"_s,
    u"libgraphite"_s,
    u"libbrotli"_s,
    u"libgssapi"_s,
    u"libkrb5"_s,
    u"libsnappy"_s,
    u"libunwind"_s,
};
// Folders under a system library folder that hold the toolkits' plugins and modules.
const QStringList toolkitFolders = {
    u"qt6"_s,      u"qt5"_s,       u"dri"_s,   u"python3"_s, u"gdk-pixbuf"_s, u"gio"_s,
    u"gtk-"_s,     u"gstreamer"_s, u"vdpau"_s, u"gconv"_s,   u"alsa-lib"_s,   u"pulseaudio"_s,
    u"libproxy"_s, u"sasl2"_s,     u"perl"_s,  u"mesa"_s,    u"gallium"_s,
};
const QStringList systemLibraryFolders = {
    u"/lib"_s, u"/lib64"_s, u"/usr/lib"_s, u"/usr/lib64"_s, u"/usr/local/lib"_s,
};

bool isSystemLibraryFolder(const QString &folder)
{
    for (const QString &root : systemLibraryFolders) {
        // "/usr/lib" and its multiarch folder "/usr/lib/x86_64-linux-gnu"
        if (folder == root
            || (folder.startsWith(root + u'/') && folder.mid(root.size() + 1).contains(u"-linux-")
                && !folder.mid(root.size() + 1).contains(u'/')))
            return true;
    }
    return false;
}
} // namespace

OwnCode::OwnCode(QString executable, const QStringList &own) : m_executable(std::move(executable))
{
    for (const QString &glob : own) {
        m_globs.append(QRegularExpression::fromWildcard(
                glob, Qt::CaseSensitive, QRegularExpression::UnanchoredWildcardConversion));
    }
}

bool OwnCode::matchesOwnGlob(const QString &path) const
{
    for (const QRegularExpression &glob : m_globs) {
        if (glob.match(path).hasMatch())
            return true;
    }
    return false;
}

bool OwnCode::isInterpreter(const QString &modulePath)
{
    const QString name = QFileInfo(modulePath).fileName();
    return name.startsWith(u"python"_s) || name == u"qml"_s || name.startsWith(u"qmlscene"_s)
            || name == u"perl"_s;
}

bool OwnCode::isSystemModule(const QString &modulePath)
{
    const QFileInfo info(modulePath);
    const QString name = info.fileName();
    for (const QString &prefix : systemPrefixes) {
        if (name.startsWith(prefix))
            return true;
    }
    if (name.contains(u".cpython-"_s) || name.endsWith(u".abi3.so"_s) || isInterpreter(modulePath))
        return true;
    const QString folder = info.path();
    if (isSystemLibraryFolder(folder))
        return true; // a shared library of the system's, not one a program keeps for itself
    for (const QString &root : systemLibraryFolders) {
        if (!folder.startsWith(root + u'/'))
            continue;
        // "/usr/lib/x86_64-linux-gnu/qt6/plugins/...": a toolkit's; "/usr/lib/<arch>/qtcreator":
        // a program's private libraries and plugins.
        for (const QString &part : folder.mid(root.size() + 1).split(u'/')) {
            for (const QString &toolkit : toolkitFolders) {
                if (part.startsWith(toolkit))
                    return true;
            }
        }
    }
    return false;
}

bool OwnCode::isOwnModule(const QString &modulePath)
{
    if (modulePath.isEmpty())
        return false;
    if (auto it = m_modules.constFind(modulePath); it != m_modules.cend())
        return *it;
    bool own = false;
    if (matchesOwnGlob(modulePath))
        own = true;
    else if (modulePath == m_executable)
        own = !isInterpreter(modulePath);
    else
        own = !isSystemModule(modulePath);
    m_modules.insert(modulePath, own);
    return own;
}

bool OwnCode::isOwnSource(const QString &sourcePath) const
{
    if (matchesOwnGlob(sourcePath))
        return true;
    if (sourcePath.startsWith(u"/usr/include/"_s) || sourcePath.startsWith(u"/usr/lib/gcc/"_s))
        return false;
    return !QFileInfo(sourcePath).fileName().startsWith(u"moc_"_s);
}

bool OwnCode::isToolkitFunction(const QString &demangled)
{
    StackFrame frame; // its short name: no return type, no parameters
    frame.function = demangled;
    const QString function = frame.shortFunction();
    // The first name of a qualified name: "std" in "std::vector<int>::push_back(...)".
    qsizetype end = 0;
    while (end < function.size()
           && (function.at(end).isLetterOrNumber() || function.at(end) == u'_'))
        ++end;
    const QStringView first = QStringView(function).left(end);
    if (first.isEmpty() || first.startsWith(u"__") || first == u"std" || first == u"_GLOBAL"
        || first.startsWith(u"_Z") || first == u"_start" || first == u"operator")
        return true;
    // Qt's classes and namespaces: QList<...>, QtPrivate::, QtConcurrent::
    if (first.size() > 1 && first.at(0) == u'Q'
        && (first.at(1).isUpper() || first.startsWith(u"Qt")))
        return true;
    return function.endsWith(u"::qt_static_metacall"_s) || function.endsWith(u"::qt_metacall"_s)
            || function.endsWith(u"::qt_metacast"_s);
}
