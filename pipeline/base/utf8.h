#pragma once
/// UTF-8 decoding and validation shared by every stage.
#include <cstddef>
#include <string>
#include <string_view>

namespace bb::base {

/// Decodes one code point at `i` and advances `i`; returns U+FFFD on a bad
/// sequence (advancing one byte).
char32_t next_code_point(std::string_view s, size_t& i);

/// Appends the UTF-8 encoding of `cp`.
void append_utf8(std::string& out, char32_t cp);

/// Byte offset of the first invalid UTF-8 sequence (overlong, surrogate,
/// out of range, truncated), or npos when `s` is valid.
size_t find_invalid_utf8(std::string_view s);

/// Number of code points.
size_t code_point_count(std::string_view s);

}  // namespace bb::base
