#include <serverlab/processcensus.h>

#include <cstdio>
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

namespace ProcessCensus {

namespace {
template<typename Visit>
int forEachTask(Visit visit)
{
    int count = 0;
    DIR *dir = opendir("/proc/self/task");
    if (!dir)
        return -1;
    while (const dirent *entry = readdir(dir)) {
        if (entry->d_name[0] != '.' && visit(entry->d_name))
            ++count;
    }
    closedir(dir);
    return count;
}
} // namespace

int threadsNamed(QByteArrayView prefix)
{
    return forEachTask([prefix](const char *tid) {
        char path[300];
        std::snprintf(path, sizeof path, "/proc/self/task/%s/comm", tid);
        const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return false; // the thread has just ended
        char name[32];
        const ssize_t n = ::read(fd, name, sizeof name);
        ::close(fd);
        return n > 0 && QByteArrayView(name, n).startsWith(prefix);
    });
}

int threads()
{
    return forEachTask([](const char *) { return true; });
}

qint64 residentKib()
{
    const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    char text[128];
    const ssize_t n = ::read(fd, text, sizeof text - 1);
    ::close(fd);
    if (n <= 0)
        return -1;
    text[n] = 0;
    long long size = 0;
    long long resident = 0;
    if (std::sscanf(text, "%lld %lld", &size, &resident) != 2)
        return -1;
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

} // namespace ProcessCensus
