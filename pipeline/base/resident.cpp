#include "base/resident.h"

#include <unistd.h>

#include <cstdio>

namespace bb::base {

long resident_mb() {
    long pages = 0, resident = 0;
    FILE* f = std::fopen("/proc/self/statm", "r");
    if (!f) return 0;
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
    return resident * sysconf(_SC_PAGESIZE) / (1024 * 1024);
}

}  // namespace bb::base
