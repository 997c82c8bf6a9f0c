#include <stalls/stackframe.h>

using namespace Qt::StringLiterals;

namespace {
// "(anonymous namespace)::readFile" reads better as "readFile"; the file says where it is.
QString withoutAnonymous(QString name)
{
    return name.remove(u"(anonymous namespace)::"_s);
}

// A function template's demangled name starts with its return type: "void std::__sort<...>".
// The name is after the last space outside template arguments ("Foo::operator bool" keeps its).
QString withoutReturnType(const QString &name)
{
    int depth = 0;
    qsizetype cut = -1;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (c == u'<' || c == u'{' || c == u'(')
            ++depth;
        else if (c == u'>' || c == u'}' || c == u')')
            --depth;
        else if (c == u' ' && depth == 0 && !QStringView(name).left(i).endsWith(u"operator"))
            cut = i;
    }
    return cut < 0 ? name : name.mid(cut + 1);
}
} // namespace

QString StackFrame::shortFunction() const
{
    // Cut at the first '(' outside template arguments and lambda names that opens the parameter
    // list, stepping over "(anonymous namespace)" and the "()" of "operator()".
    static const QString anonymous = u"(anonymous namespace)"_s;
    int depth = 0;
    for (qsizetype i = 0; i < function.size(); ++i) {
        const QChar c = function.at(i);
        if (c == u'<' || c == u'{') {
            ++depth;
        } else if (c == u'>' || c == u'}') {
            --depth;
        } else if (c == u'(' && depth == 0) {
            if (QStringView(function).mid(i).startsWith(anonymous)) {
                i += anonymous.size() - 1;
                continue;
            }
            if (QStringView(function).left(i).endsWith(u"operator") && i + 1 < function.size()
                && function.at(i + 1) == u')') {
                ++i;
                continue;
            }
            return withoutReturnType(withoutAnonymous(function.left(i)));
        }
    }
    return withoutReturnType(withoutAnonymous(function));
}

QString StackFrame::location() const
{
    if (function.isEmpty() && !module.isEmpty())
        return u"%1+0x%2"_s.arg(module).arg(offset, 0, 16); // "libfoo.so+0x1a2b"
    const QString name = function.isEmpty() ? u"0x%1"_s.arg(address, 0, 16) : shortFunction();
    if (file.isEmpty())
        return module.isEmpty() ? name : u"%1 (%2)"_s.arg(name, module);
    return u"%1 (%2:%3)"_s.arg(name, file).arg(line);
}
