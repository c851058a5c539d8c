#pragma once
/// "did you mean …?" for near misses of names (elements, attributes, ids, keys).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bb::base {

/// Edit distance (insert, delete, substitute, swap of neighbours = 1 each).
size_t edit_distance(std::string_view a, std::string_view b);

/// The closest candidate when it is near enough to be a plausible typo
/// (distance at most max(1, length/3)); ties go to the first candidate.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);

/// "; did you mean 'x'?" or "" when nothing is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates,
                         std::string_view quote_open = "'", std::string_view quote_close = "'");

/// "a, b or c" for listing allowed names in messages.
std::string join_alternatives(const std::vector<std::string>& names, std::string_view quote_open = "",
                              std::string_view quote_close = "");

}  // namespace bb::base
