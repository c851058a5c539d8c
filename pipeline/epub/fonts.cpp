#include "epub/fonts.h"

#include <algorithm>
#include <set>

namespace bb::epub {

std::string css_family(const std::string& family) { return "bb-" + family; }

std::vector<std::string> families_used(const style::Sheet& s) {
    std::vector<std::string> out;
    for (const std::string* f : {&s.text.font, &s.part.font, &s.guide.font, &s.section.font, &s.subsection.font,
                                 &s.faq.question_font})
        if (!f->empty() && s.fonts.count(*f) && std::find(out.begin(), out.end(), *f) == out.end())
            out.push_back(*f);
    return out;
}

std::vector<FontFace> faces_to_embed(const style::Sheet& sheet, const std::vector<std::string>& fallbacks) {
    std::vector<FontFace> out;
    std::set<std::string> names;
    std::vector<std::string> families = families_used(sheet);
    for (const auto& f : fallbacks)
        if (sheet.fonts.count(f) && std::find(families.begin(), families.end(), f) == families.end())
            families.push_back(f);
    for (const auto& name : families) {
        const style::FontFamily& fam = sheet.family(name);
        struct Want { const std::string* path; bool given, bold, italic; };
        const Want wants[] = {{&fam.regular, !fam.regular.empty(), false, false},
                              {&fam.italic, fam.italic_given, false, true},
                              {&fam.bold, fam.bold_given, true, false},
                              {&fam.bold_italic, fam.bold_italic_given, true, true}};
        for (const Want& w : wants) {
            if (!w.given || w.path->empty()) continue;
            std::string base = w.path->substr(w.path->find_last_of('/') + 1);
            // Keep only URL- and zip-safe characters in the stored name.
            std::string clean;
            for (char c : base)
                clean += ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                          c == '-' || c == '_')
                             ? c
                             : '_';
            std::string stem = clean, ext;
            if (auto dot = clean.rfind('.'); dot != std::string::npos && dot > 0) {
                stem = clean.substr(0, dot);
                ext = clean.substr(dot);
            }
            std::string file = stem + ext;
            for (int n = 2; names.count(file); ++n) file = stem + "-" + std::to_string(n) + ext;
            names.insert(file);
            out.push_back({name, *w.path, "fonts/" + file, w.bold, w.italic});
        }
    }
    return out;
}

}  // namespace bb::epub
