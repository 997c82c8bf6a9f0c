#include <stalls/symbolizer.h>

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <cstdlib>
#include <cxxabi.h>
#include <dwarf.h>
#include <elfutils/libdwfl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
const Dwfl_Callbacks callbacks = {
    dwfl_linux_proc_find_elf,
    dwfl_standard_find_debuginfo,
    nullptr,
    nullptr,
};

QString demangle(const char *name)
{
    if (!name)
        return {};
    int status = 0;
    char *demangled = abi::__cxa_demangle(name, nullptr, nullptr, &status);
    if (status != 0 || !demangled)
        return QString::fromUtf8(name);
    QString result = QString::fromUtf8(demangled);
    std::free(demangled);
    // Copies the optimiser specialised ("f(int) [clone .constprop.0]") are still f.
    static const QRegularExpression clone(u" \\[clone [^\\]]*\\]"_s);
    result.remove(clone);
    return result;
}

QString dieFunctionName(Dwarf_Die *die)
{
    Dwarf_Attribute attribute;
    // Follows DW_AT_abstract_origin and DW_AT_specification to the declaration that has names.
    for (int name : { DW_AT_linkage_name, DW_AT_MIPS_linkage_name }) {
        if (dwarf_attr_integrate(die, name, &attribute)) {
            if (const char *linkage = dwarf_formstring(&attribute))
                return demangle(linkage);
        }
    }
    if (const char *name = dwarf_diename(die))
        return QString::fromUtf8(name);
    return {};
}

QString cleanPath(const char *file, const char *compDir)
{
    if (!file)
        return {};
    QString path = QString::fromUtf8(file);
    if (QDir::isRelativePath(path) && compDir)
        path = QString::fromUtf8(compDir) + u'/' + path;
    return QDir::cleanPath(path);
}
} // namespace

Symbolizer::Symbolizer(const QString &sourceRoot, const QString &buildRoot,
                       const QStringList &ownGlobs)
    : m_sourceRoot(sourceRoot.isEmpty() ? QString() : QDir::cleanPath(sourceRoot) + u'/'),
      m_buildRoot(buildRoot.isEmpty() ? QString() : QDir::cleanPath(buildRoot) + u'/'),
      m_executable(QFileInfo(u"/proc/self/exe"_s).canonicalFilePath()),
      m_pid(getpid()),
      m_ownGlobs(ownGlobs),
      m_ownCode(m_executable, ownGlobs)
{
}

void Symbolizer::setProcess(pid_t pid)
{
    Q_ASSERT(!m_dwfl);
    m_pid = pid;
    m_executable = QFileInfo(u"/proc/%1/exe"_s.arg(pid)).canonicalFilePath();
    m_ownCode = OwnCode(m_executable, m_ownGlobs);
}

Symbolizer::~Symbolizer()
{
    if (m_dwfl)
        dwfl_end(m_dwfl);
}

QString Symbolizer::defaultSourceRoot()
{
    return QStringLiteral(ASYNCLAB_SOURCE_DIR);
}

QString Symbolizer::defaultBuildRoot()
{
    return QStringLiteral(ASYNCLAB_BINARY_DIR);
}

Dwfl *Symbolizer::beginSession()
{
    return dwfl_begin(&callbacks);
}

bool Symbolizer::ensureReported(quintptr address)
{
    if (m_dwfl && dwfl_addrmodule(m_dwfl, address))
        return true;
    // First use, or a library loaded since the last report (a plugin): report /proc/self/maps
    // again. Modules already known are kept with their loaded debug information.
    if (!m_dwfl)
        m_dwfl = beginSession();
    if (!m_dwfl)
        return false;
    dwfl_report_begin_add(m_dwfl);
    dwfl_linux_proc_report(m_dwfl, m_pid);
    dwfl_report_end(m_dwfl, nullptr, nullptr);
    return dwfl_addrmodule(m_dwfl, address) != nullptr;
}

bool Symbolizer::isOwn(const StackFrame &frame, bool ownModule) const
{
    const QString &path = frame.path;
    if (path.isEmpty()) // no line tables: the module and the name say it
        return ownModule && !frame.function.isEmpty()
                && !OwnCode::isToolkitFunction(frame.function);
    if (!m_sourceRoot.isEmpty()) {
        return path.startsWith(m_sourceRoot)
                && (m_buildRoot.isEmpty() || !path.startsWith(m_buildRoot));
    }
    return (ownModule && m_ownCode.isOwnSource(path)) || m_ownCode.matchesOwnGlob(path);
}

Stack Symbolizer::symbolize(quintptr address, bool exact)
{
    const quintptr key = address * 2 + (exact ? 1 : 0);
    if (auto it = m_cache.constFind(key); it != m_cache.cend())
        return *it;
    Stack frames = lookUp(address, exact);
    m_cache.insert(key, frames);
    return frames;
}

Stack Symbolizer::lookUp(quintptr address, bool exact)
{
    StackFrame outer;
    outer.address = address;
    const Dwarf_Addr pc = exact || address == 0 ? address : address - 1;
    if (!ensureReported(pc))
        return { outer };
    Dwfl_Module *module = dwfl_addrmodule(m_dwfl, pc);
    const char *mainFile = nullptr;
    const char *moduleName = dwfl_module_info(module, nullptr, nullptr, nullptr, nullptr, nullptr,
                                              &mainFile, nullptr);
    const QString modulePath = QString::fromUtf8(mainFile ? mainFile : moduleName);
    const QString canonical = QFileInfo(modulePath).canonicalFilePath();
    const bool ownModule = m_ownCode.isOwnModule(canonical.isEmpty() ? modulePath : canonical);
    outer.module = QFileInfo(modulePath).fileName();
    // Where the address is in its file, and which build that file is: enough for anyone to look
    // the frame up later (eu-addr2line -e MODULE OFFSET, or a debuginfod server by build id).
    Dwarf_Addr moduleBias = 0;
    if (dwfl_module_getelf(module, &moduleBias))
        outer.offset = address - moduleBias;
    const unsigned char *buildId = nullptr;
    GElf_Addr buildIdAddress = 0;
    if (const int length = dwfl_module_build_id(module, &buildId, &buildIdAddress); length > 0)
        outer.buildId = QString::fromLatin1(
                QByteArray(reinterpret_cast<const char *>(buildId), length).toHex());

    GElf_Off offset = 0;
    GElf_Sym symbol;
    if (const char *name =
                dwfl_module_addrinfo(module, pc, &offset, &symbol, nullptr, nullptr, nullptr))
        outer.function = demangle(name);

    Dwarf_Addr bias = 0;
    Dwarf_Die *cu = dwfl_module_addrdie(module, pc, &bias);
    Dwarf_Attribute compDirAttribute;
    const char *compDir =
            cu ? dwarf_formstring(dwarf_attr(cu, DW_AT_comp_dir, &compDirAttribute)) : nullptr;

    // Where the line table puts the address: the innermost inlined call when there is one.
    QString innermostPath;
    int innermostLine = 0;
    if (Dwfl_Line *line = dwfl_module_getsrc(module, pc)) {
        int lineNumber = 0;
        if (const char *file =
                    dwfl_lineinfo(line, nullptr, &lineNumber, nullptr, nullptr, nullptr)) {
            innermostPath = cleanPath(file, compDir);
            innermostLine = lineNumber;
        }
    }

    // The chain of inlined calls at the address, as `eu-addr2line -i` finds it: the innermost
    // scope, then the concrete scopes that contain it. Each DW_TAG_inlined_subroutine names the
    // inlined function, and its DW_AT_call_file/line is where the enclosing function called it.
    Stack frames;
    Dwarf_Die *scopes = nullptr;
    int scopeCount = cu ? dwarf_getscopes(cu, pc - bias, &scopes) : 0;
    if (scopeCount > 0) {
        Dwarf_Die innermost = scopes[0];
        std::free(scopes);
        scopes = nullptr;
        scopeCount = dwarf_getscopes_die(&innermost, &scopes);
    }
    if (scopeCount > 0) {
        Dwarf_Files *files = nullptr;
        size_t fileCount = 0;
        if (dwarf_getsrcfiles(cu, &files, &fileCount) != 0)
            files = nullptr;
        QString path = innermostPath;
        int line = innermostLine;
        for (int i = 0; i < scopeCount; ++i) {
            Dwarf_Die *scope = &scopes[i];
            const int tag = dwarf_tag(scope);
            if (tag != DW_TAG_inlined_subroutine && tag != DW_TAG_subprogram)
                continue;
            StackFrame frame;
            frame.address = address;
            frame.module = outer.module;
            frame.offset = outer.offset;
            frame.buildId = outer.buildId;
            frame.path = path;
            frame.line = line;
            frame.inlined = tag == DW_TAG_inlined_subroutine;
            frame.function = frame.inlined || outer.function.isEmpty() ? dieFunctionName(scope)
                                                                       : outer.function;
            frames.append(frame);
            if (tag == DW_TAG_subprogram)
                break;
            // The caller's position: where this inlined copy was called from.
            Dwarf_Attribute attribute;
            Dwarf_Word fileIndex = 0;
            Dwarf_Word callLine = 0;
            path.clear();
            line = 0;
            if (files
                && dwarf_formudata(dwarf_attr(scope, DW_AT_call_file, &attribute), &fileIndex) == 0
                && fileIndex < fileCount) {
                path = cleanPath(dwarf_filesrc(files, fileIndex, nullptr, nullptr), compDir);
            }
            if (dwarf_formudata(dwarf_attr(scope, DW_AT_call_line, &attribute), &callLine) == 0)
                line = int(callLine);
        }
    }
    std::free(scopes);
    if (frames.isEmpty()) {
        outer.path = innermostPath;
        outer.line = innermostLine;
        frames.append(outer);
    }
    for (StackFrame &frame : frames) {
        // A program built without line tables still names its functions in its symbol table.
        frame.own = isOwn(frame, ownModule);
        frame.file = frame.own && !m_sourceRoot.isEmpty() ? frame.path.mid(m_sourceRoot.size())
                                                          : frame.path;
    }
    return frames;
}

Stack Symbolizer::symbolizeSample(const void *const *frames, int depth)
{
    // frames[0] is in the handler, then comes the kernel's signal trampoline (__restore_rt in the
    // C library), then the interrupted instruction. Under a sanitizer an interceptor may add one.
    int first = 0;
    for (int i = 0; i < std::min(depth, 6); ++i) {
        const Stack at = symbolize(quintptr(frames[i]), false);
        if (!at.isEmpty() && at.constLast().function.contains(u"__restore_rt"_s)) {
            first = i + 1;
            break;
        }
    }
    if (first == 0)
        first = std::min(depth, 2);
    Stack stack;
    for (int i = first; i < depth; ++i)
        stack += symbolize(quintptr(frames[i]), i == first);
    return stack;
}
