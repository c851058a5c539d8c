#include "typeset/furniture.h"

#include <algorithm>

#include "typeset/flow.h"

namespace bb::typeset {

std::string fill_template(const std::string& tmpl, const std::map<std::string, std::string>& fields) {
    std::string out;
    for (size_t i = 0; i < tmpl.size();) {
        if (tmpl[i] == '{') {
            size_t close = tmpl.find('}', i);
            if (close != std::string::npos) {
                auto it = fields.find(tmpl.substr(i + 1, close - i - 1));
                out += it == fields.end() ? "" : it->second;
                i = close + 1;
                continue;
            }
        }
        out += tmpl[i++];
    }
    // A template made only of empty fields and separators prints nothing.
    bool any = false;
    for (char c : out) any = any || (c != ' ' && c != '|' && c != '-' && c != ':');
    return any ? out : "";
}

namespace {

struct Slot {
    const std::string* tmpl;
    int align;  // -1 left, 0 centre, 1 right
};

uint32_t font_index_of(PagedDoc& doc, const text::Font* f) { return doc.font_index(f->path()); }

/// `text` cut to `max_width` with an ellipsis, at a word boundary when it can.
std::string fit(const std::string& text, const text::Font* font, double size, double max_width) {
    if (font->width(text, size, false) <= max_width) return text;
    std::string s = text;
    while (!s.empty()) {
        size_t sp = s.find_last_of(' ');
        s = sp == std::string::npos ? std::string() : s.substr(0, sp);
        while (!s.empty() && (s.back() == ',' || s.back() == ':' || s.back() == ' ')) s.pop_back();
        if (font->width(s + "…", size, false) <= max_width) return s + "…";
    }
    return "";
}

}  // namespace

size_t furniture_items_max(const style::Sheet& sheet) {
    auto slots = [](const style::RunningLine& rl) {
        const size_t sides = !rl.inner.empty() + !rl.outer.empty();
        return sides + (rl.verso.empty() && rl.recto.empty() ? 0 : 1);
    };
    return slots(sheet.running.header) + slots(sheet.running.footer);
}

void add_furniture(PagedDoc& doc, const std::vector<PageFacts>& facts, size_t first, const style::Sheet& sheet,
                   FontBook& fonts, const std::string& book_title) {
    const double measure = sheet.page.width - sheet.page.inner - sheet.page.outer;
    const double size = sheet.text.size * 0.85;
    const Face& head_face = fonts.face(sheet.text.font, false, true);
    const Face& foot_face = fonts.face(sheet.text.font, false, false);
    if (!head_face.font || !foot_face.font) return;
    Rgb muted = rgb(sheet.text.color);
    if (auto it = sheet.colors.find("muted"); it != sheet.colors.end()) muted = rgb(it->second);
    const Rgb ink = rgb(sheet.text.color);
    // Header baseline a line and a half above the text block.
    const double head_y = sheet.page.top - sheet.text.leading * 1.5;
    // The folio sits three lines below the last baseline of the text block
    // (never in the outer quarter of the margin): any closer and pdftotext
    // takes it for one more line of the paragraph above, gluing it to a
    // word hyphenated at the foot of the page (measured: 2.7 lines merge).
    const double last_baseline =
        sheet.page.height - sheet.page.bottom - ((sheet.text.leading - sheet.text.size) / 2 + 0.2 * sheet.text.size);
    const double foot_y = std::min(last_baseline + sheet.text.leading * 3, sheet.page.height - sheet.page.bottom * 0.25);

    for (size_t i = first; i < doc.pages.size() && i < facts.size(); ++i) {
        const PageFacts& pf = facts[i];
        if (pf.blank) continue;
        Page& page = doc.pages[i];
        const bool verso = i % 2 == 1;
        // inner/outer: on a one-sided page the inner edge is the left one.
        const bool inner_left = !(sheet.page.two_sided && verso);
        const double left = text_left(sheet, i);
        std::map<std::string, std::string> fields = pf.marks;
        fields["book"] = book_title;
        fields["page"] = page.label;
        auto place = [&](const style::RunningLine& rl, double y, const Face& face, Rgb color, bool header) {
            if (header && pf.opening && sheet.running.suppress_on_first_page) return;
            const std::string& centre = verso ? rl.verso : rl.recto;
            Slot slots[] = {{&centre, 0},
                            {&rl.inner, inner_left ? -1 : 1},
                            {&rl.outer, inner_left ? 1 : -1}};
            for (const auto& slot : slots) {
                std::string text = fill_template(*slot.tmpl, fields);
                if (text.empty()) continue;
                text = fit(text, face.font, size, slot.align == 0 ? measure : measure * 0.48);
                double w = face.font->width(text, size, false);
                double x = slot.align < 0 ? left : slot.align > 0 ? left + measure - w : left + (measure - w) / 2;
                TextRun t;
                t.text = text;
                t.font = font_index_of(doc, face.font);
                t.size = size;
                t.x = x;
                t.y = y;
                t.width = w;
                t.color = color;
                t.role = Role::Furniture;
                page.items.push_back(std::move(t));
            }
        };
        place(sheet.running.header, head_y, head_face, muted, true);
        place(sheet.running.footer, foot_y, foot_face, ink, false);
    }
}

}  // namespace bb::typeset
