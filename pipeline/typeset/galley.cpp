#include "typeset/galley.h"

#include <algorithm>

namespace bb::typeset {

Galley full_copy(const Galley& g) {
    // Every field of a slab is copied below: a new one must be added there.
    static_assert(sizeof(Slab) == 72, "a Slab field was added or removed: copy it in full_copy");
    Galley out;
    out.fonts = g.fonts;
    out.paragraphs = g.paragraphs;
    out.frames = g.frames;
    out.folios = g.folios;
    out.folios_known = g.folios_known;
    out.folio_digits_alike = g.folio_digits_alike;
    out.slabs.resize(g.slabs.size());
    for (size_t i = 0; i < g.slabs.size(); ++i) {
        const Slab& s = g.slabs[i];
        Slab& c = out.slabs[i];
        c.height = s.height;
        c.items = s.items;
        if (s.extras) c.extras = std::make_unique<SlabExtras>(*s.extras);
        c.source_span = s.source_span;
        c.source_byte = s.source_byte;
        c.frame = s.frame;
        c.chapter = s.chapter;
        c.kind = s.kind;
        c.keep_with_next = s.keep_with_next;
        c.text_line = s.text_line;
        c.frame_start = s.frame_start;
        c.recto = s.recto;
        c.opening = s.opening;
    }
    return out;
}

Galley measure_copy(const Galley& g) {
    Galley out;
    out.fonts = g.fonts;
    out.paragraphs = g.paragraphs;
    out.frames = g.frames;
    out.folio_digits_alike = g.folio_digits_alike;
    out.slabs.reserve(g.slabs.size());
    for (const Slab& s : g.slabs) {
        Slab copy;
        copy.kind = s.kind;
        copy.height = s.height;
        if (s.extras && !s.extras->anchors.empty()) copy.extra().anchors = s.extras->anchors;
        if (s.extras && !s.extras->source_key.empty()) copy.extra().source_key = s.extras->source_key;
        copy.keep_with_next = s.keep_with_next;
        copy.text_line = s.text_line;
        copy.frame = s.frame;
        copy.frame_start = s.frame_start;
        copy.recto = s.recto;
        copy.opening = s.opening;
        copy.source_span = s.source_span;
        copy.source_byte = s.source_byte;
        copy.chapter = s.chapter;
        out.slabs.push_back(std::move(copy));
    }
    return out;
}

namespace {

bool frames_alike(const Frame& a, const Frame& b) {
    return a.padding == b.padding && a.rule_width == b.rule_width && a.left == b.left && a.width == b.width &&
           a.background == b.background && a.rule == b.rule;
}

bool slabs_alike(const Slab& a, const Slab& b) {
    static const std::vector<std::string> kNone;
    const auto& anchors_a = a.extras ? a.extras->anchors : kNone;
    const auto& anchors_b = b.extras ? b.extras->anchors : kNone;
    return a.kind == b.kind && a.height == b.height && a.keep_with_next == b.keep_with_next &&
           a.text_line == b.text_line && a.frame == b.frame && a.frame_start == b.frame_start && a.recto == b.recto &&
           a.opening == b.opening && a.chapter == b.chapter && anchors_a == anchors_b;
}

const std::string& source_key(const Slab& s) {
    static const std::string kNone;
    return s.extras ? s.extras->source_key : kNone;
}

bool sources_alike(const Slab& a, const Slab& b) {
    return a.source_span.file == b.source_span.file && a.source_span.offset == b.source_span.offset &&
           a.source_byte == b.source_byte && source_key(a) == source_key(b);
}

}  // namespace

bool paginates_alike(const Galley& a, const Galley& b, bool sources) {
    if (a.slabs.size() != b.slabs.size() || a.frames.size() != b.frames.size() ||
        !std::equal(a.frames.begin(), a.frames.end(), b.frames.begin(), frames_alike))
        return false;
    for (size_t i = 0; i < a.slabs.size(); ++i)
        if (!slabs_alike(a.slabs[i], b.slabs[i]) || (sources && !sources_alike(a.slabs[i], b.slabs[i]))) return false;
    return true;
}

bool reprint_folios(Galley& g, const std::function<std::string(const std::string&)>& page_of) {
    if (!g.folios_known) return false;
    std::vector<std::pair<TextRun*, std::string>> changes;
    for (const FolioSpot& spot : g.folios) {
        if (spot.slab >= g.slabs.size() || spot.item >= g.slabs[spot.slab].items.size()) return false;
        auto* run = std::get_if<TextRun>(&g.slabs[spot.slab].items[spot.item]);
        if (!run || spot.at + spot.length > run->text.size()) return false;
        std::string now = page_of(spot.anchor);
        if (now.size() != spot.length) return false;
        for (size_t k = 0; k < spot.length; ++k) {
            const char was = run->text[spot.at + k];
            if (was < '0' || was > '9' || now[k] < '0' || now[k] > '9') return false;
        }
        changes.emplace_back(run, std::move(now));
    }
    for (size_t i = 0; i < changes.size(); ++i)
        changes[i].first->text.replace(g.folios[i].at, g.folios[i].length, changes[i].second);
    return true;
}

}  // namespace bb::typeset
