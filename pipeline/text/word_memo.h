#pragma once
/// The paragraph builder's memo of words. What a word between two spaces
/// becomes (its boxes with their widths and kerns, the penalties of its
/// hyphenation points and of the breaks inside it) depends only on the word
/// and its setting (font, size, hyphenation, options), and a book sets a few
/// thousand distinct words a million times: a WordMemos (owned by whoever
/// sets the paragraphs, e.g. a layout) keeps, per thread and setting, what
/// the builder made of each word, and the builder copies it instead of
/// measuring the word again. The memo's types are internal to paragraph.cpp
/// (its Segment is the builder's); callers see only WordMemos.
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/font_metrics.h"
#include "text/linebreak.h"

namespace bb::text::paragraph_detail {

/// A stretch of text in one run and one font: what a box stands for.
struct Segment {
    size_t run;
    const Font* font;
    double size;
    size_t begin, end;  ///< global byte offsets (end exclusive, may include invisibles)
    std::string text;   ///< visible text (invisibles removed; none when lines_only)
    char32_t first = 0, last = 0;
    int64_t units = 0;   ///< Font::width_units of text
    uint32_t count = 0;  ///< code points in text (0: nothing yet)
    std::vector<std::pair<uint32_t, int>> kerns;  ///< as Fragment::kerns
};

/// Everything besides a word's characters that decides what it becomes.
struct WordSetting {
    uint64_t font = 0;        ///< Font::id
    double size = 0;
    uint64_t hyphenator = 0;  ///< Hyphenator::id; 0: no automatic hyphenation
    std::string lang;         ///< for the breaks inside words (UAX #14 tailoring)
    double hyphen_penalty = 0, ex_hyphen_penalty = 0;
    bool kerning = false, lines_only = false;
    bool operator==(const WordSetting&) const = default;
};

/// What the builder made of one word: its items as it emitted them, boxes'
/// payloads indexing `segments`, whose offsets count from the word's first
/// byte (run 0: the caller's run is put in when copied).
struct SetWord {
    /// Sum of its characters' advance × size (1/1000 pt, no kerning), as the
    /// builder measures a word to see if it needs emergency breaks: a word
    /// wider than a paragraph's narrowest line is set afresh there.
    double width = 0;
    std::vector<Item> items;
    std::vector<Segment> segments;
};

/// One setting's words, for one thread: an open-addressing table (a
/// lookup per word of a book is most of the memo's cost: no division, no
/// chain of nodes). Words found stay where they are while words are added.
class WordMemo {
public:
    /// A word's key (its hash), to look it up with.
    static uint64_t key(std::string_view word);
    const SetWord* find(std::string_view word) const { return find(word, key(word)); }
    const SetWord* find(std::string_view word, uint64_t key) const;
    /// Looking up a paragraph's words is two cache misses each (the slot,
    /// then the entry): a caller that knows the words to come asks for the
    /// slot of one a few words ahead, then for the entry of the next
    /// (whose slot is in cache by then), so that `find` waits for neither.
    void prefetch_slot(uint64_t key) const;
    void prefetch_entry(uint64_t key) const;
    /// Keeps `set` for `word` unless the memo is full (a bound on memory for
    /// books of unusual vocabulary; words already kept keep being found).
    void add(std::string_view word, SetWord set);

private:
    struct Slot {
        uint64_t hash = 0;
        uint32_t entry = 0;  ///< index in entries_ + 1; 0: empty
    };
    struct Entry {
        std::string word;
        SetWord set;
    };
    void place(Slot slot);  ///< into the first empty slot from its hash on
    std::vector<Slot> slots_;
    std::deque<Entry> entries_;  ///< a deque: found words never move
};

}  // namespace bb::text::paragraph_detail

namespace bb::text {

/// The word memos of one layout, a set per thread (no lock on a look-up):
/// whoever sets the paragraphs owns it and lets it go when done, so its
/// memory (~10 MB per thread for 1,000 guides) is not held through the
/// rest of the build. Thread-safe.
class WordMemos {
public:
    WordMemos();
    ~WordMemos();
    WordMemos(const WordMemos&) = delete;
    WordMemos& operator=(const WordMemos&) = delete;
    /// The calling thread's memo for `setting`, made on first use.
    paragraph_detail::WordMemo& memo(const paragraph_detail::WordSetting& setting);

private:
    struct Shard;
    Shard& shard();
    const uint64_t id_;  ///< never reused: keys the threads' look-up of their shard
    std::mutex mutex_;   ///< guards shards_ (taken once per thread and memo set)
    std::vector<std::unique_ptr<Shard>> shards_;
};

}  // namespace bb::text
