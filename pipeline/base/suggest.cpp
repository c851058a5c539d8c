#include "base/suggest.h"

#include <algorithm>

namespace bb::base {

size_t edit_distance(std::string_view a, std::string_view b) {
    // Optimal string alignment: a swapped pair of letters ("titel") counts as
    // one edit, the most common typo in names.
    const size_t w = b.size() + 1;
    std::vector<size_t> d((a.size() + 1) * w);
    for (size_t i = 0; i <= a.size(); ++i) d[i * w] = i;
    for (size_t j = 0; j <= b.size(); ++j) d[j] = j;
    for (size_t i = 1; i <= a.size(); ++i)
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t v = std::min({d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                v = std::min(v, d[(i - 2) * w + j - 2] + 1);
            d[i * w + j] = v;
        }
    return d[a.size() * w + b.size()];
}

std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates) {
    size_t best = SIZE_MAX;
    const std::string* pick = nullptr;
    for (const auto& c : candidates) {
        size_t d = edit_distance(word, c);
        if (d < best) best = d, pick = &c;
    }
    if (!pick || best == 0) return std::nullopt;
    size_t allowed = std::max<size_t>(1, std::max(word.size(), pick->size()) / 3);
    if (best > allowed) return std::nullopt;
    return *pick;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates,
                         std::string_view quote_open, std::string_view quote_close) {
    auto c = closest(word, candidates);
    if (!c) return "";
    return "; did you mean " + std::string(quote_open) + *c + std::string(quote_close) + "?";
}

std::string join_alternatives(const std::vector<std::string>& names, std::string_view quote_open,
                              std::string_view quote_close) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
        out += std::string(quote_open) + names[i] + std::string(quote_close);
    }
    return out;
}

}  // namespace bb::base
