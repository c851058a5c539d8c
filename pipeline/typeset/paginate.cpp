#include "typeset/paginate.h"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <span>
#include <unordered_map>

#include "base/threads.h"
#include "typeset/furniture.h"

namespace bb::typeset {

double text_left(const style::Sheet& sheet, size_t index) {
    bool verso = sheet.page.two_sided && index % 2 == 1;
    return verso ? sheet.page.outer : sheet.page.inner;
}

namespace {

/// The parts read in order as one galley, without moving a slab:
/// pagination reads each slab where its part keeps it (joining them first
/// moved a big book's quarter of a million slabs into a new array, ~40 ms of
/// one core at N = 1000, and held both for a while). A space right after a
/// space (in a part after the first, as Flow would have set them) is left
/// out and the first takes the greater height (here, not in its galley: a
/// measure pass's galleys are kept for the next pass). Frames keep their
/// part's numbering; fonts and paragraph numbers are renumbered as the
/// items move onto the pages.
class Joined {
public:
    /// Parts whose items may be moved onto the pages (`take`).
    explicit Joined(std::span<Galley* const> parts) : owned_(parts) { join({parts.begin(), parts.end()}); }
    /// Parts only read (a measure pass).
    explicit Joined(std::span<const Galley* const> parts) { join({parts.begin(), parts.end()}); }

    size_t size() const { return refs_.size(); }
    const Slab& slab(size_t i) const { return parts_[refs_[i].part]->slabs[refs_[i].slab]; }
    /// Slab `i` to move items out of (only for parts given as mutable).
    Slab& take(size_t i) const {
        assert(!owned_.empty() && "a measure pagination takes nothing");
        return owned_[refs_[i].part]->slabs[refs_[i].slab];
    }
    /// Slab `i`'s height: a space that absorbed the next has the greater.
    double height(size_t i) const {
        const Slab& s = slab(i);
        if (s.kind != Slab::Kind::Space || taller_.empty()) return s.height;
        auto it = taller_.find(i);
        return it == taller_.end() ? s.height : it->second;
    }
    /// The frame of slab `i` (which has one).
    const Frame& frame(size_t i) const {
        return parts_[refs_[i].part]->frames[static_cast<size_t>(slab(i).frame)];
    }
    /// Slab `i`'s frame numbered as in the joined galley, -1 for none.
    long frame_id(size_t i) const {
        const int f = slab(i).frame;
        return f < 0 ? -1 : static_cast<long>(frame_base_[refs_[i].part]) + f;
    }
    /// Renumbers a run's font and paragraph from slab `i`'s part to the book's.
    void renumber(size_t i, TextRun& t) const {
        const std::vector<uint32_t>& map = font_maps_[refs_[i].part];
        if (t.font < map.size()) t.font = map[t.font];
        if (t.para) t.para += para_base_[refs_[i].part];
    }
    const std::vector<std::string>& fonts() const { return fonts_; }

private:
    void join(std::vector<const Galley*> parts) {
        parts_ = std::move(parts);
        size_t total = 0;
        for (const Galley* g : parts_) total += g->slabs.size();
        refs_.reserve(total);
        font_maps_.resize(parts_.size());
        para_base_.resize(parts_.size());
        frame_base_.resize(parts_.size());
        uint32_t paragraphs = 0, frames = 0;
        for (uint32_t p = 0; p < parts_.size(); ++p) {
            const Galley& g = *parts_[p];
            for (const std::string& font : g.fonts) {
                auto it = std::find(fonts_.begin(), fonts_.end(), font);
                if (it == fonts_.end()) it = fonts_.insert(fonts_.end(), font);
                font_maps_[p].push_back(static_cast<uint32_t>(it - fonts_.begin()));
            }
            para_base_[p] = paragraphs;
            paragraphs += g.paragraphs;
            frame_base_[p] = frames;
            frames += static_cast<uint32_t>(g.frames.size());
            for (uint32_t i = 0; i < g.slabs.size(); ++i) {
                const Slab& s = g.slabs[i];
                // The first part is what the others were appended to: its
                // own spaces were never merged.
                if (p > 0 && s.kind == Slab::Kind::Space && s.frame < 0 && !refs_.empty()) {
                    const size_t before = refs_.size() - 1;
                    if (slab(before).kind == Slab::Kind::Space && slab(before).frame < 0) {
                        taller_[before] = std::max(height(before), s.height);
                        continue;
                    }
                }
                refs_.push_back({p, i});
            }
        }
    }

    struct Ref {
        uint32_t part, slab;
    };
    std::span<Galley* const> owned_;
    std::vector<const Galley*> parts_;
    std::vector<Ref> refs_;
    std::unordered_map<size_t, double> taller_;  // merged spaces' heights, by ref index
    std::vector<std::string> fonts_;
    std::vector<std::vector<uint32_t>> font_maps_;
    std::vector<uint32_t> para_base_, frame_base_;
};

struct Draft {
    std::vector<std::pair<size_t, double>> placed;  // slab index, y from the text block top
    bool blank = false, opening = false;
    bool full = false;  // ended because the next slab did not fit (not at a chapter end)
};

/// Flush bottoms: on a page that ended because it was full, the space left
/// at the foot goes into the page's vertical spaces (between blocks, never
/// between lines of a paragraph), each at most doubled; what cannot be
/// absorbed stays at the foot. Facing pages then end on the same line.
void justify_vertically(Draft& d, const Joined& g, double body_h) {
    if (!d.full || d.placed.size() < 2) return;
    const auto& [last, last_y] = d.placed.back();
    double leftover = body_h - (last_y + g.height(last));
    double stretch = 0;
    for (size_t k = 1; k + 1 < d.placed.size(); ++k)
        if (g.slab(d.placed[k].first).kind == Slab::Kind::Space) stretch += g.height(d.placed[k].first);
    if (leftover <= 0.01 || stretch <= 0) return;
    const double ratio = std::min(1.0, leftover / stretch);
    double shift = 0;
    for (size_t k = 1; k < d.placed.size(); ++k) {
        d.placed[k].second += shift;
        const size_t si = d.placed[k].first;
        if (g.slab(si).kind == Slab::Kind::Space && k + 1 < d.placed.size()) shift += g.height(si) * ratio;
    }
}

/// Moves an item by (dx, dy).
void shift(Item& item, double dx, double dy) {
    std::visit(
        [&](auto& it) {
            using T = std::decay_t<decltype(it)>;
            if constexpr (std::is_same_v<T, Line>) {
                it.x1 += dx;
                it.x2 += dx;
                it.y1 += dy;
                it.y2 += dy;
            } else {
                it.x += dx;
                it.y += dy;
            }
        },
        item);
}

std::vector<Draft> cut(const Joined& g, const style::Sheet& sheet, size_t first_index) {
    const double body_h = sheet.page.height - sheet.page.top - sheet.page.bottom;
    const double eps = 0.01;
    std::vector<Draft> pages;
    bool open = false;
    bool want_recto = false, want_opening = false;
    double y = 0;
    size_t i = 0;
    auto page_index = [&] { return first_index + pages.size(); };
    while (i < g.size()) {
        const Slab& s = g.slab(i);
        if (s.kind == Slab::Kind::Break) {
            open = false;
            want_recto = want_recto || s.recto;
            want_opening = want_opening || s.opening;
            ++i;
            continue;
        }
        if (!open) {
            if (s.kind == Slab::Kind::Space) {
                ++i;
                continue;
            }
            if (want_recto && sheet.page.two_sided && page_index() % 2 == 1) {
                Draft blank;
                blank.blank = true;
                pages.push_back(blank);
            }
            Draft d;
            d.opening = want_opening;
            want_recto = want_opening = false;
            pages.push_back(d);
            open = true;
            // A frame continued from the previous page starts one padding
            // down, inside its own background.
            y = (s.frame >= 0 && !s.frame_start) ? g.frame(i).padding : 0;
        }
        Draft& page = pages.back();
        if (page.placed.empty() || y + g.height(i) <= body_h + eps) {
            page.placed.emplace_back(i, y);
            y += g.height(i);
            ++i;
            continue;
        }
        // The slab does not fit: end the page after the last slab where a
        // break is allowed; if the whole page is one kept block, break here.
        size_t keep = page.placed.size();
        for (size_t k = page.placed.size(); k-- > 0;) {
            if (!g.slab(page.placed[k].first).keep_with_next) {
                keep = k + 1;
                break;
            }
        }
        i = page.placed[keep - 1].first + 1;
        page.placed.resize(keep);
        // Trailing spaces are not content: the page ends with its last line.
        while (page.placed.size() > 1 && g.slab(page.placed.back().first).kind == Slab::Kind::Space)
            page.placed.pop_back();
        page.full = true;
        open = false;
    }
    return pages;
}

/// One page made from its draft, with what it adds to the document, kept
/// apart so that pages are made on several threads and joined in order.
struct MadePage {
    Page page;
    PageStart start{kNoChapter, {}};
    std::vector<LinkArea> links;
    std::vector<std::pair<std::string, AnchorPos>> anchors;
    std::vector<OutlineEntry> outline;
    std::vector<std::pair<std::string, std::string>> marks;  ///< running-head fields set, in order
};

/// Page `index` of the document: the draft's slabs moved into place (each
/// slab is on one page only, so pages can be made at once). A `measure`
/// page takes only what a measure pass reads (the slabs' anchors and
/// sources, the callouts' backgrounds), and leaves the slabs as they are.
MadePage make_page(const Draft& draft, size_t index, const Joined& g, const style::Sheet& sheet, size_t furniture,
                   bool measure) {
    MadePage out;
    Page& page = out.page;
    page.width = sheet.page.width;
    page.height = sheet.page.height;
    page.label = std::to_string(index + 1);
    out.start.blank = draft.blank;
    const double left = text_left(sheet, index), top = sheet.page.top;
    // The callout backgrounds first (drawn under the text), then every
    // slab's items, then the furniture: the list is sized once (grown
    // item by item it held ~60 % more than it used at N = 1000).
    std::vector<Item> backgrounds;
    size_t count = furniture;  // a measure pass's pages have no items: nothing reserved
    for (size_t k = 0; k < draft.placed.size(); ++k) {
        const auto [si, y] = draft.placed[k];
        const Slab& s = g.slab(si);
        if (!measure) count += s.items.size();
        // A frame piece: from its first slab on this page to its last.
        const long frame = g.frame_id(si);
        if (frame >= 0 && (k == 0 || g.frame_id(draft.placed[k - 1].first) != frame)) {
            const Frame& f = g.frame(si);
            size_t e = k;
            while (e + 1 < draft.placed.size() && g.frame_id(draft.placed[e + 1].first) == frame) ++e;
            double y0 = s.frame_start ? y : y - f.padding;
            const auto [last_si, last_y] = draft.placed[e];
            double y1 = last_y + g.height(last_si);
            bool continues = last_si + 1 < g.size() && g.frame_id(last_si + 1) == frame;
            if (continues) y1 += f.padding;
            backgrounds.push_back(Rect{left + f.left, top + y0, f.width, y1 - y0, f.background});
            if (f.rule_width > 0)
                backgrounds.push_back(Line{left + f.left + f.rule_width / 2, top + y0,
                                           left + f.left + f.rule_width / 2, top + y1, f.rule_width, f.rule});
        }
    }
    if (count > furniture || !backgrounds.empty()) page.items.reserve(backgrounds.size() + count);
    for (Item& b : backgrounds) page.items.push_back(std::move(b));
    for (const auto& [si, y] : draft.placed) {
        const Slab& s = g.slab(si);
        if (s.kind == Slab::Kind::Content && out.start.chapter == kNoChapter) out.start.chapter = s.chapter;
        if (!out.start.at.known() && s.source_known()) out.start.at = s.source();
        if (s.extras)
            for (const auto& a : s.extras->anchors) out.anchors.emplace_back(a, AnchorPos{index, top + y});
        if (measure) continue;
        Slab& taken = g.take(si);
        for (Item& item : taken.items) {
            if (auto* t = std::get_if<TextRun>(&item)) g.renumber(si, *t);
            shift(item, left, top + y);
            page.items.push_back(std::move(item));
        }
        std::vector<Item>().swap(taken.items);  // its buffer too: the galley lives until the book is paged
        if (s.extras) {
            for (LinkArea l : s.extras->links) {
                l.page = index;
                l.x += left;
                l.y += top + y;
                out.links.push_back(std::move(l));
            }
            for (const auto& o : s.extras->outline) out.outline.push_back(o);
            for (const auto& [key, value] : s.extras->marks) out.marks.emplace_back(key, value);
        }
    }
    return out;
}

void paginate_joined(const Joined& g, bool measure, const style::Sheet& sheet, PagedDoc& doc,
                     std::vector<PageFacts>& facts) {
    doc.fonts = g.fonts();
    const size_t first = doc.pages.size();
    std::vector<Draft> drafts = cut(g, sheet, first);
    const double body_h = sheet.page.height - sheet.page.top - sheet.page.bottom;
    for (auto& d : drafts) justify_vertically(d, g, body_h);
    const size_t furniture = furniture_items_max(sheet);
    // The pages are made on every core (moving a full pass's items into
    // place was most of a big book's serial pagination), then joined in
    // order: links, anchors and outline entries as one thread would have
    // added them, running-head fields carried from page to page.
    std::vector<MadePage> made(drafts.size());
    std::atomic<size_t> next{0};
    base::run_on_threads(base::threads_for(0, drafts.size() / 32 + 1), [&] {
        for (size_t d; (d = next++) < drafts.size();)
            made[d] = make_page(drafts[d], first + d, g, sheet, furniture, measure);
    });
    std::map<std::string, std::string> carried = facts.empty() ? std::map<std::string, std::string>{}
                                                                : facts.back().marks;
    doc.pages.reserve(doc.pages.size() + made.size());
    for (size_t d = 0; d < made.size(); ++d) {
        MadePage& m = made[d];
        PageFacts pf;
        pf.blank = drafts[d].blank;
        pf.opening = drafts[d].opening;
        // The first value a field gets on the page wins; fields not set on
        // the page keep the value carried from before.
        std::map<std::string, std::string> first_marks;
        for (auto& [key, value] : m.marks) {
            first_marks.emplace(key, value);
            carried[key] = value;
        }
        pf.marks = carried;
        for (const auto& [key, value] : first_marks) pf.marks[key] = value;
        for (LinkArea& l : m.links) doc.links.push_back(std::move(l));
        for (auto& [id, pos] : m.anchors) doc.anchors[id] = pos;
        for (OutlineEntry& o : m.outline) doc.outline.push_back(std::move(o));
        doc.pages.push_back(std::move(m.page));
        doc.starts.push_back(m.start);
        facts.push_back(std::move(pf));
    }
}

}  // namespace

void paginate(Galley&& galley, const style::Sheet& sheet, PagedDoc& doc, std::vector<PageFacts>& facts) {
    Galley* parts[] = {&galley};
    paginate(parts, sheet, doc, facts);
}

void paginate(std::span<Galley* const> parts, const style::Sheet& sheet, PagedDoc& doc,
              std::vector<PageFacts>& facts) {
    paginate_joined(Joined(parts), false, sheet, doc, facts);
}

void paginate_measure(std::span<const Galley* const> parts, const style::Sheet& sheet, PagedDoc& doc,
                      std::vector<PageFacts>& facts) {
    paginate_joined(Joined(parts), true, sheet, doc, facts);
}

}  // namespace bb::typeset
