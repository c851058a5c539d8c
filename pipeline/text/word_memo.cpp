#include "text/word_memo.h"

#include <memory>

namespace bb::text::paragraph_detail {

namespace {

// Words kept per setting and thread: a book of 1,000 generated guides uses
// ~5,500 distinct words, a long novel ~30,000; a few MB at most.
constexpr size_t kMaxWords = 1 << 16;

}  // namespace

uint64_t WordMemo::hash_of(std::string_view word) {
    return std::hash<std::string_view>{}(word);
}

const SetWord* WordMemo::find(std::string_view word) const {
    if (slots_.empty()) return nullptr;
    const uint64_t hash = hash_of(word);
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
    place({hash_of(word), static_cast<uint32_t>(entries_.size())});
}

void WordMemo::place(Slot slot) {
    const size_t mask = slots_.size() - 1;
    size_t i = slot.hash & mask;
    while (slots_[i].entry) i = (i + 1) & mask;
    slots_[i] = slot;
}

WordMemo& word_memo(const WordSetting& setting) {
    // A build uses a few dozen settings (faces, sizes, languages): a list.
    thread_local std::vector<std::pair<WordSetting, std::unique_ptr<WordMemo>>> memos;
    for (auto& [known, memo] : memos)
        if (known == setting) return *memo;
    memos.emplace_back(setting, std::make_unique<WordMemo>());
    return *memos.back().second;
}

}  // namespace bb::text::paragraph_detail
