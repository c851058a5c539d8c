#pragma once
/// Hyphenation points with libhyphen (Debian `hyphen-*` dictionaries).
///
/// libhyphen traps handled here (libraries.md 5): its output is per
/// CHARACTER; patterns are lowercase; non-UTF-8 dictionaries (de, pl, el, ru,
/// ...) need the word converted to their 8-bit charset with iconv first.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bb::text {

/// Minimums in characters (code points). The defaults follow the style file's
/// defaults (hyphenation: min-word 5, before 2, after 3) and TeX's English
/// \lefthyphenmin=2 \righthyphenmin=3: short fragments look like typos.
struct HyphenationLimits {
    int min_word = 5;    ///< words shorter than this are never hyphenated
    int min_before = 2;  ///< characters before a hyphen
    int min_after = 3;   ///< characters after a hyphen
};

/// The dictionary file for a BCP 47 tag in `dir`, or "" when none is
/// installed. Tries language-REGION as given, then the language's usual
/// region (en -> en_US, de -> de_DE, fr -> fr_FR, pl -> pl_PL, ru -> ru_RU,
/// el -> el_GR, ...), then any `hyph_<lang>*.dic`.
std::string hyphenation_dictionary(std::string_view lang, const std::string& dir = "/usr/share/hyphen");

/// Loads the patterns of `lang`'s dictionary (if one is installed) for the
/// Hyphenators made later: libhyphen takes ~8 ms over the English ones, the
/// longest single wait of a small build, so a caller that can guess the
/// language early starts this on another thread. Safe from any thread.
void preload_patterns(std::string_view lang);

/// Hyphenator for one language. Thread-safe: results are memoised per word,
/// in a memo of each thread and one shared memo behind a mutex; a new word
/// is hyphenated outside that lock (libhyphen only reads the patterns; an
/// 8-bit dictionary's iconv state has a lock of its own), so a shared
/// instance per language is cheapest.
class Hyphenator {
public:
    /// Loads the dictionary for `lang` (see hyphenation_dictionary; its
    /// patterns once per process, shared). When no dictionary exists,
    /// `available()` is false and `points` returns {}.
    explicit Hyphenator(std::string_view lang, HyphenationLimits limits = {},
                        const std::string& dir = "/usr/share/hyphen");
    ~Hyphenator();
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;

    bool available() const { return dict_ != nullptr; }
    /// Distinct for every Hyphenator made, never reused.
    uint64_t id() const { return id_; }
    const std::string& language() const { return lang_; }
    /// Path of the loaded dictionary ("" when unavailable).
    const std::string& dictionary() const { return path_; }
    /// The dictionary's charset line ("UTF-8", "ISO8859-1", ...).
    const std::string& charset() const { return charset_; }
    const HyphenationLimits& limits() const { return limits_; }

    /// Byte offsets inside `word` (UTF-8) where a hyphen may be inserted: a
    /// point p means "word[0,p) + '-' / word[p,...)". Leading and trailing
    /// punctuation (quotes, brackets, commas, ...) is stripped before
    /// hyphenating, and offsets refer to the original `word`. Returns {} for
    /// words shorter than min_word letters, words with digits, '@', "://",
    /// "www.", '/', an explicit hyphen or soft hyphen (those break at their
    /// hyphen instead), words in all capitals (acronyms), or any character
    /// that is not a letter after stripping (apostrophes excepted). The
    /// reference stays valid while the calling thread runs.
    const std::vector<size_t>& points(std::string_view word) const;

    /// `word` with "-" at every point ("hy-phen-ation"), for tests and traces.
    std::string marked(std::string_view word) const;

private:
    /// The points from the shared memo, computing them on a miss.
    std::vector<size_t> shared_points(std::string_view word) const;
    /// The points of `word` from the patterns (libhyphen reads the
    /// dictionary only, so threads may ask at once).
    std::vector<size_t> compute_points(std::string_view word) const;

    struct Impl;
    uint64_t id_ = 0;  ///< distinct for every Hyphenator made (keys the threads' memos)
    std::string lang_, path_, charset_;
    HyphenationLimits limits_;
    void* dict_ = nullptr;  // HyphenDict*
    std::unique_ptr<Impl> impl_;
};

/// One shared Hyphenator per (dictionary file, limits), created on first use
/// and kept for the run: tags that resolve to the same file share it. Never
/// null; check available().
const Hyphenator& hyphenator_for(std::string_view lang, HyphenationLimits limits = {});

}  // namespace bb::text
