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
const T* find_by_id(const std::vector<T>& items, const std::string& id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& t) { return t.id == id; });
    return it == items.end() ? nullptr : &*it;
}
}  // namespace

std::string plain_text(const Inlines& content) {
    std::string out;
    append_plain(content, out);
    return out;
}

const Guide* Book::find_guide(const std::string& id) const { return find_by_id(guides, id); }
const Entry* Book::find_entry(const std::string& id) const { return find_by_id(directory.entries, id); }
const Topic* Book::find_topic(const std::string& id) const { return find_by_id(topics, id); }

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
