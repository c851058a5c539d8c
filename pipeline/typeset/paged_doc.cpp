#include "typeset/paged_doc.h"

#include <fmt/format.h>

#include <cmath>

namespace bb::typeset {

uint32_t PagedDoc::font_index(const std::string& path) {
    for (size_t i = 0; i < fonts.size(); ++i)
        if (fonts[i] == path) return static_cast<uint32_t>(i);
    fonts.push_back(path);
    return static_cast<uint32_t>(fonts.size() - 1);
}

namespace {

// Rounded to 0.1 pt; "-0.0" is printed as "0.0" so goldens do not flip on
// the sign of a rounding error.
std::string num(double v) {
    double r = std::round(v * 10.0) / 10.0;
    if (r == 0) r = 0;
    return fmt::format("{:.1f}", r);
}

std::string hex(const Rgb& c) { return fmt::format("#{:02x}{:02x}{:02x}", c.r, c.g, c.b); }

std::string base_name(const std::string& path) {
    auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Text is quoted so leading/trailing spaces and empty runs stay visible.
std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

const char* style_name(LabelStyle s) {
    switch (s) {
        case LabelStyle::Decimal: return "decimal";
        case LabelStyle::LowerRoman: return "roman";
    }
    return "?";
}

char role_char(Role r) {
    switch (r) {
        case Role::Body: return 'b';
        case Role::Ragged: return 'r';
        case Role::Heading: return 'h';
        case Role::Label: return 'l';
        case Role::Caption: return 'c';
        case Role::Furniture: return 'f';
        case Role::Display: return 'd';
    }
    return '?';
}

}  // namespace

std::string trace(const PagedDoc& doc) {
    std::string out;
    for (size_t i = 0; i < doc.fonts.size(); ++i) out += fmt::format("font {} {}\n", i, base_name(doc.fonts[i]));
    for (const auto& l : doc.labels)
        out += fmt::format("labels from page {} {} {}\n", l.first_page + 1, style_name(l.style), l.start);
    for (size_t p = 0; p < doc.pages.size(); ++p) {
        const Page& page = doc.pages[p];
        out += fmt::format("page {} [{}] {}x{}\n", p + 1, page.label, num(page.width), num(page.height));
        if (p < doc.starts.size()) {
            const PageStart& s = doc.starts[p];
            const std::string& chapter = s.chapter < doc.chapters.size() ? doc.chapters[s.chapter] : "?";
            if (!s.at.key.empty())
                out += fmt::format("  starts in '{}' at {}\n", chapter, s.at.key);
            else if (s.at.span.known())
                out += fmt::format("  starts in '{}' at file {} byte {} + {}\n", chapter, s.at.span.file,
                                   s.at.span.offset, s.at.byte);
            else
                out += fmt::format("  starts in '{}' with no manuscript text\n", chapter);
        }
        for (const Item& item : page.items) {
            if (const auto* t = std::get_if<TextRun>(&item)) {
                out += fmt::format("  text {}{} {} {} @{},{} w{} {} {}", role_char(t->role),
                                   t->para ? fmt::format("{}.{}", t->para, t->line) : std::string(), t->font,
                                   num(t->size), num(t->x), num(t->y), num(t->width), hex(t->color), quoted(t->text));
                // Kerning and the justified spaces of a line (code point
                // index: adjustment in 1/1000 em), so spacing shows in a diff.
                for (size_t k = 0; k < t->kerning.size(); ++k)
                    out += fmt::format("{}{}:{}", k ? "," : " k", t->kerning[k].index, num(t->kerning[k].adjust()));
                out += '\n';
            } else if (const auto* l = std::get_if<Line>(&item))
                out += fmt::format("  line {},{} {},{} t{} {}\n", num(l->x1), num(l->y1), num(l->x2), num(l->y2),
                                   num(l->thickness), hex(l->color));
            else if (const auto* r = std::get_if<Rect>(&item))
                out += fmt::format("  rect @{},{} {}x{} {}\n", num(r->x), num(r->y), num(r->w), num(r->h),
                                   hex(r->fill));
            else if (const auto* im = std::get_if<Image>(&item))
                out += fmt::format("  image @{},{} {}x{} {}\n", num(im->x), num(im->y), num(im->w), num(im->h),
                                   base_name(im->path));
        }
    }
    for (const auto& [id, a] : doc.anchors) out += fmt::format("anchor {} page {} y {}\n", id, a.page + 1, num(a.y));
    for (const auto& o : doc.outline) out += fmt::format("outline {} {} -> {}\n", o.level, quoted(o.title), o.anchor);
    for (const auto& l : doc.links)
        out += fmt::format("link page {} @{},{} {}x{} -> {}\n", l.page + 1, num(l.x), num(l.y), num(l.w), num(l.h),
                           l.uri.empty() ? "#" + l.anchor : l.uri);
    return out;
}

std::string roman(int n) {
    static const std::pair<int, const char*> kDigits[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                          {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                          {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"},
                                                          {1, "i"}};
    std::string out;
    for (const auto& [value, digits] : kDigits)
        for (; n >= value; n -= value) out += digits;
    return out;
}

}  // namespace bb::typeset
