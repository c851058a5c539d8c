#include "text/word_memo.h"

#include <memory>

namespace bb::text::paragraph_detail {

namespace {

// Words kept per setting and thread: a book of 1,000 generated guides uses
// ~5,500 distinct words, a long novel ~30,000; a few MB at most.
constexpr size_t kMaxWords = 1 << 16;

}  // namespace

const SetWord* WordMemo::find(std::string_view word) const {
    auto it = words_.find(word);
    return it == words_.end() ? nullptr : &it->second;
}

void WordMemo::add(std::string_view word, SetWord set) {
    if (words_.size() < kMaxWords) words_.emplace(std::string(word), std::move(set));
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
