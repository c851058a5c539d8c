#pragma once
// The PDF tests read what they write with the tools a reader's machine has
// (qpdf, pdffonts, pdftotext): this runs one and returns its output.
#include <cstdio>
#include <string>

namespace bb::pdf::test {

/// Runs `cmd` in a shell; its standard output and error, joined.
inline std::string run(const std::string& cmd) {
    std::string out;
    FILE* p = popen((cmd + " 2>&1").c_str(), "r");
    if (!p) return out;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
    return out;
}

}  // namespace bb::pdf::test
