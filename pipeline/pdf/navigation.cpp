#include "pdf/navigation.h"

#include <hpdf_pages.h>

#include "base/utf8.h"
#include "pdf/number.h"

namespace bb::pdf {

namespace {

/// A PDF literal string's bytes: ( ) and \ escaped (a URI is ASCII here).
void literal(std::string& out, const std::string& s) {
    out += '(';
    for (char c : s) {
        if (c == '(' || c == ')' || c == '\\') out += '\\';
        out += c;
    }
    out += ')';
}

/// IRI to URI: non-ASCII bytes, controls and spaces percent-encoded.
std::string percent_encoded(const std::string& s) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (unsigned char c : s) {
        if (c >= 0x80 || c <= 0x20 || c == 0x7F) {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

/// A text string as PDF wants it for any script: UTF-16BE with its byte
/// order mark, in hex; soft hyphens dropped, characters beyond the BMP as
/// surrogate pairs.
void text_string(std::string& out, const std::string& utf8) {
    static const char hex[] = "0123456789ABCDEF";
    auto unit = [&](unsigned u) {
        for (int shift = 12; shift >= 0; shift -= 4) out += hex[(u >> shift) & 15];
    };
    out += "<FEFF";
    for (size_t i = 0; i < utf8.size();) {
        const char32_t cp = base::next_code_point(utf8, i);
        if (cp == 0xAD || (cp >= 0xD800 && cp <= 0xDFFF)) continue;
        if (cp > 0xFFFF) {
            const unsigned v = static_cast<unsigned>(cp) - 0x10000;
            unit(0xD800 + (v >> 10));
            unit(0xDC00 + (v & 0x3FF));
        } else {
            unit(static_cast<unsigned>(cp));
        }
    }
    out += '>';
}

}  // namespace

bool Navigation::place_of(const std::string& anchor, Place& place) const {
    auto it = doc_.anchors.find(anchor);
    if (it == doc_.anchors.end() || it->second.page >= pages_.size()) return false;
    place.page = it->second.page;
    place.top = doc_.pages[place.page].height - it->second.y;
    return true;
}

HPDF_Dict Navigation::add_object(HPDF_Doc pdf) {
    items_.push_back({this, items_.size()});  // reserved: the address stays
    HPDF_Dict dict = raw_dict(pdf, &items_.back());
    objects_.push_back(dict);
    return dict;
}

bool Navigation::add(HPDF_Doc pdf) {
    links_.reserve(doc_.links.size());
    for (const auto& l : doc_.links) {
        if (l.page >= pages_.size()) continue;
        Link link{&l, {}};
        if (l.uri.empty() && !place_of(l.anchor, link.to)) continue;
        links_.push_back(link);
    }
    // The outline's tree: entries nest by level under the last entry one
    // level up (a level deeper than that is taken as one deeper).
    std::vector<size_t> parents;  // parents[level] = last entry at that level
    for (const auto& o : doc_.outline) {
        Entry e{&o, {}};
        if (!place_of(o.anchor, e.to)) continue;
        size_t level = static_cast<size_t>(std::max(0, o.level));
        if (level > parents.size()) level = parents.size();
        const size_t me = entries_.size();
        e.parent = level == 0 ? SIZE_MAX : parents[level - 1];
        size_t& last = e.parent == SIZE_MAX ? top_last_ : entries_[e.parent].last;
        size_t& first = e.parent == SIZE_MAX ? top_first_ : entries_[e.parent].first;
        e.prev = last;
        if (last != SIZE_MAX) entries_[last].next = me;
        if (first == SIZE_MAX) first = me;
        last = me;
        ++(e.parent == SIZE_MAX ? top_count_ : entries_[e.parent].children);
        entries_.push_back(e);
        parents.resize(level);
        parents.push_back(me);
    }

    const size_t objects = links_.size() + (entries_.empty() ? 0 : 1 + entries_.size());
    items_.reserve(objects);
    make_room_for_objects(pdf, objects);
    objects_.reserve(objects);
    std::vector<HPDF_Array> annots(pages_.size(), nullptr);
    for (const Link& l : links_) {
        HPDF_Dict dict = add_object(pdf);
        if (!dict) return false;
        HPDF_Array& list = annots[l.area->page];
        if (!list) {
            list = HPDF_Array_New(pdf->mmgr);
            if (!list || HPDF_Dict_Add(pages_[l.area->page], "Annots", list) != HPDF_OK) return false;
        }
        if (HPDF_Array_Add(list, dict) != HPDF_OK) return false;
    }
    if (entries_.empty()) return true;
    HPDF_Dict root = add_object(pdf);
    if (!root || HPDF_Dict_Add(pdf->catalog, "Outlines", root) != HPDF_OK) return false;
    for (size_t i = 0; i < entries_.size(); ++i)
        if (!add_object(pdf)) return false;
    return HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE) == HPDF_OK;
}

void Navigation::body(size_t index, std::string& out) {
    if (index < links_.size()) return link_body(links_[index], out);
    if (index == links_.size()) return root_body(out);
    entry_body(entries_[index - links_.size() - 1], out);
}

void Navigation::reference(std::string& out, const void* obj) const {
    out += std::to_string(object_number(obj));
    out += " 0 R";
}

/// Its page, at its height, keeping the reader's zoom (0, ISO 32000-1
/// §12.3.2.2).
void Navigation::destination(std::string& out, const Place& to) const {
    out += "/Dest [";
    reference(out, pages_[to.page]);
    out += " /XYZ 0 ";
    append_number(out, to.top, 3);
    out += " 0]";
}

void Navigation::link_body(const Link& l, std::string& out) const {
    const typeset::LinkArea& a = *l.area;
    const double h = doc_.pages[a.page].height;
    out += "/Type /Annot /Subtype /Link /Rect [";
    for (double v : {a.x, h - a.y - a.h, a.x + a.w, h - a.y}) {
        append_number(out, v, 3);
        out += ' ';
    }
    out.back() = ']';
    out += " /Border [0 0 0] /P ";
    reference(out, pages_[a.page]);
    if (!a.uri.empty()) {
        out += " /A << /Type /Action /S /URI /URI ";
        literal(out, percent_encoded(a.uri));
        out += " >>";
    } else {
        out += ' ';
        destination(out, l.to);
    }
}

void Navigation::root_body(std::string& out) const {
    // Every entry is closed: the top level is what shows.
    const size_t base = links_.size() + 1;  // objects_[base + i] is entry i
    out += "/Type /Outlines /First ";
    reference(out, objects_[base + top_first_]);
    out += " /Last ";
    reference(out, objects_[base + top_last_]);
    out += " /Count ";
    out += std::to_string(top_count_);
}

void Navigation::entry_body(const Entry& e, std::string& out) const {
    const size_t base = links_.size() + 1;  // objects_[base + i] is entry i
    out += "/Title ";
    text_string(out, e.source->title);
    out += " /Parent ";
    reference(out, objects_[e.parent == SIZE_MAX ? links_.size() : base + e.parent]);
    auto key = [&](const char* name, size_t entry) {
        if (entry == SIZE_MAX) return;
        out += name;
        reference(out, objects_[base + entry]);
    };
    key(" /Prev ", e.prev);
    key(" /Next ", e.next);
    key(" /First ", e.first);
    key(" /Last ", e.last);
    // Closed: a negative count of the children it would show.
    if (e.children) out += " /Count -" + std::to_string(e.children);
    out += ' ';
    destination(out, e.to);
}

}  // namespace bb::pdf
