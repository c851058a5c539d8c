#pragma once
/// UTF-8 decoding and validation shared by every stage.
#include <cstddef>
#include <string>
#include <string_view>

namespace bb::base {

/// Decodes a code point that is not ASCII (next_code_point's slow path).
char32_t next_multibyte_code_point(std::string_view s, size_t& i);

/// Decodes one code point at `i` and advances `i`; returns U+FFFD on a bad
/// sequence (advancing one byte). Inline for ASCII: the line breaker calls
/// it for every character of the book, several times.
inline char32_t next_code_point(std::string_view s, size_t& i) {
    if (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) return static_cast<unsigned char>(s[i++]);
    return next_multibyte_code_point(s, i);
}

/// Appends the UTF-8 encoding of a code point that is not ASCII.
void append_multibyte_utf8(std::string& out, char32_t cp);

/// Appends the UTF-8 encoding of `cp`.
inline void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) out += static_cast<char>(cp);
    else append_multibyte_utf8(out, cp);
}

/// The first position from `i` on whose byte is not ASCII, or s.size():
/// eight bytes at a time (most of a book's text is ASCII).
size_t skip_ascii(std::string_view s, size_t i);

/// Byte offset of the first invalid UTF-8 sequence (overlong, surrogate,
/// out of range, truncated), or npos when `s` is valid.
size_t find_invalid_utf8(std::string_view s);

/// Number of code points.
size_t code_point_count(std::string_view s);

}  // namespace bb::base
