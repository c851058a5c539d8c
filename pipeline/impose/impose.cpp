#include "impose/impose.h"

#include <algorithm>

namespace bb::impose {

using namespace bb::typeset;

bool sheet_by_name(const std::string& name, SheetSize& out) {
    if (name == "A4") out = {841.89, 595.28};
    else if (name == "Letter") out = {792, 612};
    else return false;
    return true;
}

std::vector<Slot> arrange(size_t page_count, Mode mode) {
    std::vector<Slot> slots;
    int n = static_cast<int>(page_count);
    if (mode == Mode::TwoUp) {
        for (int i = 0; i < n; i += 2) slots.push_back({i, i + 1 < n ? i + 1 : -1});
    } else if (mode == Mode::Booklet) {
        int padded = (n + 3) / 4 * 4;
        auto page = [&](int i) { return i < n ? i : -1; };
        // Sheet k: front = (last-2k | first+2k), back = (first+2k+1 | last-2k-1).
        for (int lo = 0, hi = padded - 1; lo < hi; lo += 2, hi -= 2) {
            slots.push_back({page(hi), page(lo)});
            slots.push_back({page(lo + 1), page(hi - 1)});
        }
    } else {
        for (int i = 0; i < n; ++i) slots.push_back({i, -1});
    }
    return slots;
}

namespace {

// Affine map of one logical page into a half sheet: uniform scale then shift.
struct Place {
    double scale = 1, dx = 0, dy = 0;
    double x(double v) const { return dx + v * scale; }
    double y(double v) const { return dy + v * scale; }
};

void place_items(const Page& from, const Place& t, std::vector<Item>& to) {
    for (const Item& item : from.items) {
        if (const auto* r = std::get_if<TextRun>(&item)) {
            TextRun c = *r;
            c.x = t.x(r->x), c.y = t.y(r->y), c.size = r->size * t.scale, c.width = r->width * t.scale;
            to.push_back(c);
        } else if (const auto* l = std::get_if<Line>(&item)) {
            Line c = *l;
            c.x1 = t.x(l->x1), c.y1 = t.y(l->y1), c.x2 = t.x(l->x2), c.y2 = t.y(l->y2);
            c.thickness = l->thickness * t.scale;
            to.push_back(c);
        } else if (const auto* b = std::get_if<Rect>(&item)) {
            Rect c = *b;
            c.x = t.x(b->x), c.y = t.y(b->y), c.w = b->w * t.scale, c.h = b->h * t.scale;
            to.push_back(c);
        } else if (const auto* im = std::get_if<Image>(&item)) {
            Image c = *im;
            c.x = t.x(im->x), c.y = t.y(im->y), c.w = im->w * t.scale, c.h = im->h * t.scale;
            to.push_back(c);
        }
    }
}

// Short hairlines just outside each corner of the placed page.
constexpr double kMarkGap = 3, kMarkLength = 9, kMarkReach = kMarkGap + kMarkLength;

void crop_marks(double x, double y, double w, double h, std::vector<Item>& to) {
    const double gap = kMarkGap, len = kMarkLength, t = 0.3;
    for (double cx : {x, x + w})
        for (double cy : {y, y + h}) {
            double sx = cx == x ? -1 : 1, sy = cy == y ? -1 : 1;
            to.push_back(Line{cx + sx * gap, cy, cx + sx * (gap + len), cy, t, {}});
            to.push_back(Line{cx, cy + sy * gap, cx, cy + sy * (gap + len), t, {}});
        }
}

}  // namespace

PagedDoc impose(const PagedDoc& doc, const Options& options) {
    if (options.mode == Mode::None) return doc;
    PagedDoc out;
    out.fonts = doc.fonts;
    out.outline = doc.outline;
    const double half = options.sheet.width / 2;
    // Where each logical page went: sheet index and its placement.
    std::vector<std::pair<size_t, Place>> where(doc.pages.size());
    for (const Slot& slot : arrange(doc.pages.size(), options.mode)) {
        Page sheet;
        sheet.width = options.sheet.width;
        sheet.height = options.sheet.height;
        int sides[2] = {slot.left, slot.right};
        for (int side = 0; side < 2; ++side) {
            int index = sides[side];
            if (index < 0) continue;
            const Page& page = doc.pages[static_cast<size_t>(index)];
            // Crop marks need room outside the trimmed page.
            double room = options.crop_marks ? 2 * kMarkReach : 0;
            double scale = std::min({(half - room) / page.width, (options.sheet.height - room) / page.height, 1.0});
            double w = page.width * scale, h = page.height * scale;
            Place t{scale, side * half + (half - w) / 2, (options.sheet.height - h) / 2};
            place_items(page, t, sheet.items);
            if (options.crop_marks) crop_marks(t.dx, t.dy, w, h, sheet.items);
            where[static_cast<size_t>(index)] = {out.pages.size(), t};
        }
        out.pages.push_back(std::move(sheet));
    }
    for (const LinkArea& l : doc.links) {
        if (l.page >= where.size()) continue;
        auto [sheet, t] = where[l.page];
        out.links.push_back({sheet, t.x(l.x), t.y(l.y), l.w * t.scale, l.h * t.scale, l.uri, l.anchor});
    }
    for (const auto& [id, a] : doc.anchors) {
        if (a.page >= where.size()) continue;
        auto [sheet, t] = where[a.page];
        out.anchors[id] = {sheet, t.y(a.y)};
    }
    return out;
}

}  // namespace bb::impose
