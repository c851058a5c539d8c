#include "base/suggest.h"

#include <algorithm>
#include <numeric>

namespace bb::base {

size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), 0);
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
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
