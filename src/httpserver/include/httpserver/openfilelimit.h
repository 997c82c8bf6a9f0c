#pragma once

#include <sys/resource.h>

// The process's open-file limit. Ten thousand connections need more descriptors than the usual
// soft limit of 1024, and a client and a server in one process need two per connection.
namespace OpenFileLimit {

constexpr rlim_t Enough = 65536; // what "as far as allowed" asks for, at most

struct Change
{
    rlim_t before = 0; // the soft limit before
    rlim_t now = 0; // the soft limit in force afterwards
    bool raised() const { return now > before; }
};

// Lifts the soft limit to `wanted` (0: Enough). An unprivileged process stops at the hard limit;
// one allowed to raise it (CAP_SYS_RESOURCE, as root in a container is) lifts the hard limit
// too, up to the kernel's /proc/sys/fs/nr_open.
Change raise(rlim_t wanted = 0);

// Sets the soft limit to `soft`, at most the hard limit: to lower it on purpose or put it back.
Change set(rlim_t soft);

rlim_t current(); // the soft limit

} // namespace OpenFileLimit
