#pragma once
/// libhyphen's patterns compiled once per machine, as TeX keeps its patterns
/// in a format file: hnj_hyphen_load builds its automaton from the text of a
/// dictionary through a slow hash (en_US ~20 ms, a third of a ten-guide
/// build's critical path; Debian's de_DE 4.5 s), so the automaton it builds
/// is kept in a cache file and read back on later builds (en_US ~2 ms,
/// de_DE 60-90 ms).
///
/// The cache never changes a result: a compiled file is used only when it
/// names the exact bytes of its dictionary (size and 64-bit hash), and only
/// when every count and state number in it is in range; anything else is
/// loaded by libhyphen again and the file rewritten. Outputs are identical
/// with and without it (tests/unit/text/pattern_cache_test.cpp).
#include <cstdint>
#include <string>
#include <string_view>

struct _HyphenDict;

namespace bb::text {

/// The folder of compiled patterns: $BOOKBUILD_CACHE_DIR when set ("off"
/// turns the cache off), else $XDG_CACHE_HOME/bookbuild/hyphen, else
/// ~/.cache/bookbuild/hyphen; "" when off or no home is known.
std::string pattern_cache_folder();

/// The patterns of the dictionary file `path`, as hnj_hyphen_load would
/// return them (free with hnj_hyphen_free), from the cache when it holds
/// them, else loaded and (best effort) written to it. Null when the file
/// cannot be read or libhyphen cannot load it.
_HyphenDict* load_patterns(const std::string& path);

/// The identity of a dictionary's text: its size and a 64-bit FNV-1a hash.
struct PatternSource {
    uint64_t size = 0, hash = 0;
    static PatternSource of(std::string_view text);
    bool operator==(const PatternSource&) const = default;
};

/// A loaded automaton as a compiled file for `source`.
std::string compile_patterns(const _HyphenDict& dict, PatternSource source);

/// The automaton of a compiled file, or null when the file is not one for
/// `source` or anything in it is out of range.
_HyphenDict* read_compiled_patterns(std::string_view bytes, PatternSource source);

/// True when two automata are the same, state for state.
bool same_patterns(const _HyphenDict& a, const _HyphenDict& b);

}  // namespace bb::text
