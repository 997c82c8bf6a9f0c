#include <httpserver/openfilelimit.h>

#include <algorithm>

OpenFileLimit::Change OpenFileLimit::raise(rlim_t wanted)
{
    rlimit files {};
    if (getrlimit(RLIMIT_NOFILE, &files) != 0)
        return {};
    const Change unchanged { files.rlim_cur, files.rlim_cur };
    const rlim_t target = wanted ? wanted : Enough;
    if (target <= files.rlim_cur)
        return unchanged;
    if (target > files.rlim_max) {
        // Fails with EPERM without the privilege, or above nr_open: then the hard limit is all.
        const rlimit lifted { target, target };
        if (setrlimit(RLIMIT_NOFILE, &lifted) == 0)
            return { unchanged.before, target };
    }
    return set(std::min(target, files.rlim_max));
}

OpenFileLimit::Change OpenFileLimit::set(rlim_t soft)
{
    rlimit files {};
    if (getrlimit(RLIMIT_NOFILE, &files) != 0)
        return {};
    const Change unchanged { files.rlim_cur, files.rlim_cur };
    files.rlim_cur = std::min(soft, files.rlim_max);
    if (files.rlim_cur == unchanged.before || setrlimit(RLIMIT_NOFILE, &files) != 0)
        return unchanged;
    return { unchanged.before, files.rlim_cur };
}

rlim_t OpenFileLimit::current()
{
    rlimit files {};
    return getrlimit(RLIMIT_NOFILE, &files) == 0 ? files.rlim_cur : 0;
}
