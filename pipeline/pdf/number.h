#pragma once
/// Numbers as the PDF writer prints them.
#include <cmath>
#include <string>

namespace bb::pdf {

/// Appends `v` rounded to `decimals` (0–6) places, without trailing zeros
/// ("12.5", "-3", "0.125"): what PDF readers parse, and the same bytes on
/// every machine (no locale, no printf).
inline void append_number(std::string& out, double v, int decimals) {
    static const long long scale[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    const long long s = scale[decimals];
    long long q = std::llround(v * static_cast<double>(s));
    if (q < 0) {
        out += '-';
        q = -q;
    }
    long long whole = q / s, frac = q % s;
    char buf[24];
    int n = 0;
    do {
        buf[n++] = static_cast<char>('0' + whole % 10);
        whole /= 10;
    } while (whole);
    while (n) out += buf[--n];
    if (frac == 0) return;
    int digits = decimals;
    while (frac % 10 == 0) {
        frac /= 10;
        --digits;
    }
    out += '.';
    char f[8];
    for (int i = digits - 1; i >= 0; --i) {
        f[i] = static_cast<char>('0' + frac % 10);
        frac /= 10;
    }
    out.append(f, static_cast<size_t>(digits));
}

}  // namespace bb::pdf
