#pragma once
/// Line-break opportunities in a paragraph's text (UAX #14 via libunibreak,
/// libraries.md 7), with bookbuild's rules on top:
/// - NBSP U+00A0, narrow NBSP U+202F, U+2011 and the word joiner never break
///   (libunibreak already respects them; kept here as a guarantee);
/// - a soft hyphen U+00AD is a hyphenation opportunity (drawn as "-" only when
///   a line ends there, never otherwise);
/// - inside URLs and e-mail addresses breaks are allowed only after one of
///   `/ . - ? & = _ @ # :`, and only after the last of a run of them ("://"
///   stays whole), never at the very end (like typst's URL special case),
///   never between letters.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace bb::text {

enum class BreakKind : uint8_t {
    Allowed,      ///< a line may end here (e.g. after a space, after "—")
    Mandatory,    ///< a line must end here (line feed, U+2028)
    SoftHyphen,   ///< after a U+00AD: a line may end here with a visible "-"
    Hyphen,       ///< after an explicit hyphen/dash inside a word ("well-|known")
};

/// An opportunity to end a line before byte `offset` (i.e. after the byte
/// offset-1). Offsets are strictly increasing and lie on code point
/// boundaries; the end of the text is not listed.
struct BreakPoint {
    size_t offset;
    BreakKind kind;
};

/// The break opportunities of `utf8` for BCP 47 `lang` ("en", "de-DE"...).
/// Thread-safe.
std::vector<BreakPoint> break_points(std::string_view utf8, std::string_view lang = "en");

/// Only the opportunities inside words (a "word" here: a run of characters
/// between ASCII spaces, tabs and line ends), as break_points gives them:
/// what a paragraph builder needs, as it breaks at the spaces itself. UAX #14
/// decides a break inside a word from that word's characters alone (its
/// rules reach across spaces only to the break after them), so the words
/// that cannot hold one are never given to libunibreak: ASCII letters,
/// digits and apostrophes, after opening brackets and quotes, before
/// closing punctuation (most words of a book; the typographic quotes'
/// classes change with the language, so words with them are given).
std::vector<BreakPoint> word_break_points(std::string_view utf8, std::string_view lang = "en");

/// A byte range [begin, end) of a text.
struct ByteRange {
    size_t begin, end;
};

/// word_break_points for the words of `parts` only (in order, each
/// beginning and ending at a word's edge): the same opportunities there,
/// none elsewhere. For a paragraph builder that already knows some words.
std::vector<BreakPoint> word_break_points(std::string_view utf8, std::span<const ByteRange> parts,
                                          std::string_view lang = "en");

/// libunibreak's answer for each byte of `utf8` (LINEBREAK_MUSTBREAK,
/// _ALLOWBREAK, _NOBREAK or _INSIDEACHAR: a break after that byte), as
/// set_linebreaks_utf8 gives it for the whole text; break_points' input.
std::vector<char> uax14_breaks(std::string_view utf8, std::string_view lang);

/// A byte range [begin, end) of the text that is a URL (scheme://..., www....)
/// or an e-mail address, without trailing sentence punctuation.
struct UrlRange {
    size_t begin, end;
};

/// URLs and e-mail addresses in `utf8` (heuristic, ASCII-based).
std::vector<UrlRange> find_urls(std::string_view utf8);

/// False when `utf8` has no "://", "www." or '@': then neither it nor any
/// part of it holds a URL (every URL find_urls finds has one of them).
bool may_hold_url(std::string_view utf8);

/// True when the whole of `word` looks like a URL or e-mail address.
bool is_url(std::string_view word);

/// Byte offsets (on code point boundaries, excluding 0 and size) where an
/// unbreakable `word` may be cut as a last resort (character-level breaks
/// for URLs and hashes wider than the measure).
std::vector<size_t> emergency_points(std::string_view word);

}  // namespace bb::text
