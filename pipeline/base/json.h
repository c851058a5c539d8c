#pragma once
/// Minimal JSON string quoting for diagnostics output.
#include <string>
#include <string_view>

namespace bb::base {
/// `s` as a JSON string literal, quotes included; control characters escaped.
std::string json_string(std::string_view s);
}  // namespace bb::base
