#include "base/process_end.h"

#include <cstdio>
#include <cstdlib>

namespace bb::base {

int end_process(int code) {
    if (kLeakChecked) return code;
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(code);
}

}  // namespace bb::base
