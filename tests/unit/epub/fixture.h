#pragma once
// A small book and style built by hand, for the EPUB writer's tests (the
// loaders are tested on their own; these tests must not depend on them).
#include <zip.h>

#include <map>
#include <string>

#include "model/book.h"
#include "style/sheet.h"

namespace bb::epub::testing {

inline model::Inline text(std::string s) { return {model::InlineKind::Text, std::move(s), "", {}, {}}; }
inline model::Inlines inl(std::string s) { return {text(std::move(s))}; }
inline model::Block para(std::string s) {
    model::Block b;
    b.content = inl(std::move(s));
    return b;
}
/// A figure of tests/unit/epub/images/`src`.
inline model::Block figure(std::string src, std::string alt) {
    model::Block b;
    b.kind = model::BlockKind::Figure;
    b.src = std::move(src);
    b.alt = std::move(alt);
    return b;
}

inline style::Sheet make_sheet() {
    style::Sheet s;
    s.path = "styles/test.yaml";
    style::FontFamily serif{"serif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
                            "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf",
                            "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
                            "/usr/share/fonts/truetype/dejavu/DejaVuSerif-BoldItalic.ttf", true, true, true};
    style::FontFamily sans{"sans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "", 
                           "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "", false, true, false};
    sans.italic = sans.regular;
    sans.bold_italic = sans.bold;
    s.fonts = {{"serif", serif}, {"sans", sans}};
    s.text.font = "serif";
    s.text.size = 10;
    s.text.leading = 13.5;
    s.text.indent = 10;
    s.text.color = {0x1a, 0x1a, 0x1a};
    for (auto* h : {&s.part, &s.guide, &s.section, &s.subsection}) h->font = "sans";
    s.guide.size = 20;
    s.guide.leading = 24;
    s.section.size = 13;
    s.section.leading = 16;
    s.section.space_before = 13.5;
    s.faq.question_font = "sans";
    s.myth = {"The myth", {0xf4, 0xed, 0xe7}, {0x8a, 0x33, 0x24}, 6};
    s.example = {"The example", {0xf0, 0xf0, 0xec}, {0x6b, 0x6b, 0x6b}, 6};
    s.truth = {"The truth", {0xee, 0xf1, 0xea}, {0x4f, 0x6b, 0x45}, 6};
    s.colors = {{"accent", {0x8a, 0x33, 0x24}}, {"muted", {0x6b, 0x6b, 0x6b}}};
    s.labels = {{"contents", "Contents"}, {"directory-by-topic", "Browse by topic"}};
    return s;
}

/// Two guides (the second with a digit-led id), a directory with two entries.
inline model::Book make_book() {
    model::Book b;
    b.lang = "en";
    b.meta.title = "Test & <Book>";
    b.meta.subtitle = "A subtitle";
    b.meta.creators = {{"Ann Author", "aut"}, {"Ed Editor", "edt"}};
    b.meta.publisher = "Pub";
    b.meta.identifier = "urn:uuid:6f1c2a8e-4b7d-4c1e-9a35-2d8e7f0b5c41";
    b.meta.date = "2026-11-28";
    b.meta.description = "A book.";
    b.meta.subjects = {"Men's work"};
    b.topics = {{"attachment", "Attachment and closeness", {}}, {"unused", "Unused", {}}};

    model::Guide g;
    g.id = "pulling-away";
    g.topics = {"attachment"};
    g.title = inl("Why he pulls away");
    g.myth = model::Callout{inl("he\u2019s losing interest"), {para("Myth text.")}, {}};
    g.example = model::Callout{{}, {para("Example text.")}, {}};
    g.truth = model::Callout{{}, {para("Truth text.")}, {}};
    model::Section s1;
    s1.id = "mechanics";
    s1.anchor = "mechanics";
    s1.title = inl("The attachment mechanics");
    s1.blocks = {para("First paragraph."), para("Second paragraph.")};
    model::Section sub;
    sub.anchor = "pulling-away--s1-1";
    sub.title = inl("A subsection");
    sub.blocks = {para("Sub text.")};
    s1.subsections.push_back(sub);
    g.sections.push_back(s1);
    g.faq = model::Faq{"pulling-away--faq", inl("Common Questions"),
                       {{inl("Should I give him space?"), {para("Generally yes.")}, {}}}, {}};
    g.books = model::Books{"pulling-away--books", inl("Books on This Topic"), {}, {}};  // empty: left out
    g.practitioners = model::Practitioners{"pulling-away--practitioners", inl("Coaches"), {"1st-coach"}, true, {}};
    g.related = model::Related{"pulling-away--related", inl("Related Guides"), {"2nd-guide"}, {}};
    b.guides.push_back(g);

    model::Guide g2;
    g2.id = "2nd-guide";
    g2.topics = {"attachment"};
    g2.title = inl("Second guide");
    model::Section s2;
    s2.anchor = "2nd-guide--s1";
    s2.title = inl("Only section");
    model::Block p;
    p.content = {text("See "), {model::InlineKind::Ref, "", "mechanics", {text("The attachment mechanics")}, {}},
                 text(" and "), {model::InlineKind::Link, "", "https://example.org/a?b=1&c=2", {text("this")}, {}}};
    s2.blocks = {p};
    g2.sections.push_back(s2);
    g2.books = model::Books{"2nd-guide--books", inl("Books"), {{"Attached", "Amir Levine", "2010", "", "", {}}}, {}};
    b.guides.push_back(g2);

    b.directory.id = "directory";
    b.directory.title = inl("The Directory");
    model::Entry e;
    e.id = "1st-coach";
    e.topics = {"attachment"};
    e.name = inl("First Coach");
    e.location = inl("Portland, Oregon, USA");
    e.url = "https://coach.example/";
    e.description = {para("Works with men.")};
    b.directory.entries.push_back(e);
    return b;
}

/// Every entry of a ZIP held in memory, by name (and the names in order).
struct Unzipped {
    std::map<std::string, std::string> files;
    std::vector<std::string> order;
    std::map<std::string, int> method;  ///< compression method by name
};

inline Unzipped unzip(const std::string& bytes) {
    Unzipped out;
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &err);
    if (!za) return out;
    for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); ++i) {
        zip_stat_t st;
        zip_stat_index(za, i, 0, &st);
        std::string data(st.size, '\0');
        zip_file_t* f = zip_fopen_index(za, i, 0);
        zip_fread(f, data.data(), st.size);
        zip_fclose(f);
        out.files[st.name] = data;
        out.order.push_back(st.name);
        out.method[st.name] = st.comp_method;
    }
    zip_close(za);
    return out;
}

}  // namespace bb::epub::testing
