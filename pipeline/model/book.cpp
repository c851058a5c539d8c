#include "model/book.h"

#include <algorithm>

namespace bb::model {

namespace {
void append_plain(const Inlines& content, std::string& out) {
    for (const Inline& in : content) {
        if (in.kind == InlineKind::Text) out += in.text;
        else append_plain(in.children, out);
    }
}

template <class T>
const T* find_by_id(const IdIndex& index, int which, const std::vector<T>& items, const std::string& id) {
    size_t at = index.find(which, items, id);
    return at == std::string::npos ? nullptr : &items[at];
}
}  // namespace

IdIndex& IdIndex::operator=(const IdIndex&) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (int i = 0; i < 3; ++i) {
        maps_[i].clear();
        sizes_[i] = SIZE_MAX;
    }
    return *this;
}

template <class T>
size_t IdIndex::find(int which, const std::vector<T>& items, const std::string& id) const {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        auto& map = maps_[which];
        if (sizes_[which] != items.size()) {
            map.clear();
            for (size_t i = 0; i < items.size(); ++i) map.emplace(items[i].id, i);
            sizes_[which] = items.size();
        }
        auto it = map.find(id);
        if (it != map.end() && it->second < items.size() && items[it->second].id == id) return it->second;
    }
    // Not indexed (or the vector changed since): the plain search decides.
    auto it = std::find_if(items.begin(), items.end(), [&](const T& t) { return t.id == id; });
    return it == items.end() ? std::string::npos : static_cast<size_t>(it - items.begin());
}

std::string plain_text(const Inlines& content) {
    std::string out;
    append_plain(content, out);
    return out;
}

const Guide* Book::find_guide(const std::string& id) const { return find_by_id(index, 0, guides, id); }
const Entry* Book::find_entry(const std::string& id) const { return find_by_id(index, 1, directory.entries, id); }
const Topic* Book::find_topic(const std::string& id) const { return find_by_id(index, 2, topics, id); }

const char* to_string(EntryKind k) {
    switch (k) {
        case EntryKind::Coach: return "coach";
        case EntryKind::Program: return "program";
        case EntryKind::Retreat: return "retreat";
        case EntryKind::Group: return "group";
    }
    return "coach";
}

const char* to_string(EntryFormat f) {
    switch (f) {
        case EntryFormat::InPerson: return "in-person";
        case EntryFormat::Online: return "online";
        case EntryFormat::Hybrid: return "hybrid";
    }
    return "in-person";
}

}  // namespace bb::model
