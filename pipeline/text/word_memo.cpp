#include "text/word_memo.h"

#include <atomic>
#include <memory>

namespace bb::text::paragraph_detail {

namespace {

// Words kept per setting and thread: a book of 1,000 generated guides uses
// ~5,500 distinct words, a long novel ~30,000. An entry with its items and
// segments is ~300 bytes: ~20 MB at worst.
constexpr size_t kMaxWords = 1 << 16;

}  // namespace

uint64_t WordMemo::key(std::string_view word) {
    return std::hash<std::string_view>{}(word);
}

void WordMemo::prefetch_slot(uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[key & (slots_.size() - 1)]);
}

void WordMemo::prefetch_entry(uint64_t key) const {
    if (slots_.empty()) return;
    const Slot& slot = slots_[key & (slots_.size() - 1)];
    if (slot.entry && slot.hash == key) __builtin_prefetch(&entries_[slot.entry - 1]);
}

const SetWord* WordMemo::find(std::string_view word, uint64_t hash) const {
    if (slots_.empty()) return nullptr;
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot& slot = slots_[i];
        if (slot.entry == 0) return nullptr;
        if (slot.hash == hash) {
            const Entry& e = entries_[slot.entry - 1];
            if (e.word == word) return &e.set;
        }
    }
}

void WordMemo::add(std::string_view word, SetWord set) {
    if (entries_.size() >= kMaxWords || find(word)) return;
    // At most half full: probes stay short.
    if ((entries_.size() + 1) * 2 > slots_.size()) {
        std::vector<Slot> old(slots_.size() ? slots_.size() * 2 : 1024);
        old.swap(slots_);
        for (const Slot& s : old)
            if (s.entry) place(s);
    }
    entries_.push_back({std::string(word), std::move(set)});
    place({key(word), static_cast<uint32_t>(entries_.size())});
}

void WordMemo::place(Slot slot) {
    const size_t mask = slots_.size() - 1;
    size_t i = slot.hash & mask;
    while (slots_[i].entry) i = (i + 1) & mask;
    slots_[i] = slot;
}

}  // namespace bb::text::paragraph_detail

namespace bb::text {

using paragraph_detail::WordMemo;
using paragraph_detail::WordSetting;

/// One thread's memos: a build uses a few dozen settings (faces, sizes,
/// languages), a list.
struct WordMemos::Shard {
    std::vector<std::pair<WordSetting, std::unique_ptr<WordMemo>>> memos;
};

namespace {
std::atomic<uint64_t> next_memos_id{0};
}  // namespace

WordMemos::WordMemos() : id_(++next_memos_id) {}
WordMemos::~WordMemos() = default;

WordMemos::Shard& WordMemos::shard() {
    // This thread's shard of each set it used (a few per process: entries
    // of sets since freed are never matched, as ids are not reused).
    thread_local std::vector<std::pair<uint64_t, Shard*>> mine;
    for (size_t k = mine.size(); k-- > 0;)
        if (mine[k].first == id_) return *mine[k].second;
    std::lock_guard<std::mutex> lock(mutex_);
    shards_.push_back(std::make_unique<Shard>());
    mine.emplace_back(id_, shards_.back().get());
    return *shards_.back();
}

WordMemo& WordMemos::memo(const WordSetting& setting) {
    Shard& s = shard();
    for (auto& [known, memo] : s.memos)
        if (known == setting) return *memo;
    s.memos.emplace_back(setting, std::make_unique<WordMemo>());
    return *s.memos.back().second;
}

}  // namespace bb::text
