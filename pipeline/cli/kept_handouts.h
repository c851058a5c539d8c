#pragma once
/// What a watch build of `all` remembers of each handout it wrote, so the
/// next build leaves a handout alone when nothing it is made from changed
/// (an edit to one guide of a hundred rewrites one handout, not a hundred).
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "handout/book_place.h"
#include "model/book.h"

namespace bb::cli {

struct KeptHandout {
    bool known = false;  ///< false: the file could not be read back (made again next time)
    uint64_t key = 0;    ///< handout_key of what it was made from
    uintmax_t size = 0;
    std::filesystem::file_time_type written{};
    size_t pages = 0;
    std::vector<base::Diagnostic> diagnostics;  ///< reported while it was made, reported again when kept
};

/// The book's folios (handout::anchor_folios) as one number: made once per
/// build, not once per handout (a thousand guides have ~15,000 anchors).
uint64_t folios_fingerprint(const std::map<std::string, std::string>& folios);

/// Everything a guide's handout is made from that can change between two
/// builds of one watch with the same style and options: the guide, what
/// it prints of the rest of the book (model::context_fingerprint,
/// `context`), its place in the book and every folio the book's layout
/// gives (`folios`, folios_fingerprint: a handout's page references point
/// into the book).
uint64_t handout_key(const model::Guide& guide, uint64_t context, const handout::BookPlace& place, uint64_t folios);

/// `path` is still the file `kept` describes (not removed or changed since).
bool still_written(const std::string& path, const KeptHandout& kept);

/// What to remember of the handout just written at `path`.
KeptHandout remember_handout(const std::string& path, uint64_t key, size_t pages,
                             std::vector<base::Diagnostic> diagnostics);

}  // namespace bb::cli
