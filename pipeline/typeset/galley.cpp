#include "typeset/galley.h"

#include <algorithm>

namespace bb::typeset {

void append_galley(Galley& into, Galley&& from) {
    std::vector<uint32_t> font_map(from.fonts.size());
    for (size_t i = 0; i < from.fonts.size(); ++i) {
        auto it = std::find(into.fonts.begin(), into.fonts.end(), from.fonts[i]);
        if (it == into.fonts.end()) {
            into.fonts.push_back(from.fonts[i]);
            it = into.fonts.end() - 1;
        }
        font_map[i] = static_cast<uint32_t>(it - into.fonts.begin());
    }
    const int frame_offset = static_cast<int>(into.frames.size());
    into.frames.insert(into.frames.end(), from.frames.begin(), from.frames.end());
    const uint32_t para_offset = into.paragraphs;
    into.paragraphs += from.paragraphs;
    for (auto& s : from.slabs) {
        for (auto& item : s.items)
            if (auto* t = std::get_if<TextRun>(&item)) {
                if (t->font < font_map.size()) t->font = font_map[t->font];
                if (t->para) t->para += para_offset;
            }
        if (s.frame >= 0) s.frame += frame_offset;
        if (s.kind == Slab::Kind::Space && !into.slabs.empty() && into.slabs.back().kind == Slab::Kind::Space &&
            s.frame < 0 && into.slabs.back().frame < 0) {
            into.slabs.back().height = std::max(into.slabs.back().height, s.height);
            continue;
        }
        into.slabs.push_back(std::move(s));
    }
    from.slabs.clear();
}

}  // namespace bb::typeset
