// style::load on small files in a temp folder: extends, fonts, templates,
// positions, defaults.
#include <algorithm>
#include <set>

#include "style/font_files.h"
#include "style/params.h"
#include "style_test_util.h"

using namespace bb::style;
using namespace bb::style::testing;

TEST(Load, MinimalStyleGetsTableDefaults) {
    TempDir d;
    Loaded r = load_text(d, fonts_block());
    ASSERT_TRUE(r.sheet) << r.all();
    const Sheet& s = *r.sheet;
    EXPECT_DOUBLE_EQ(s.text.size, 10);
    EXPECT_DOUBLE_EQ(s.text.indent, 10);         // default 1em
    EXPECT_DOUBLE_EQ(s.quote.indent, 20);        // default 2em
    EXPECT_EQ(s.guide.start, Start::Recto);
    EXPECT_EQ(s.running.footer.outer, "{page}");
    EXPECT_EQ(s.hyphenation.min_word, 5);
    EXPECT_TRUE(s.fallback.empty());
    EXPECT_EQ(s.lists.bullet, "•");
}

TEST(Load, EmFollowsTextSize) {
    TempDir d;
    Loaded r = load_text(d, fonts_block() + "text: {size: 12pt, leading: 1.25em, indent: 2em}\n"
                                            "headings: {guide: {size: 2em}}\n");
    ASSERT_TRUE(r.sheet) << r.all();
    EXPECT_DOUBLE_EQ(r.sheet->text.leading, 15);
    EXPECT_DOUBLE_EQ(r.sheet->text.indent, 24);
    EXPECT_DOUBLE_EQ(r.sheet->guide.size, 24);
}

TEST(Extends, DeepMergeKeyByKey) {
    TempDir d;
    d.write("base/parent.yaml", fonts_block() +
                                    "text: {size: 10pt, leading: 13pt, align: left}\n"
                                    "colors: {accent: \"#112233\"}\n"
                                    "headings: {guide: {color: accent, size: 20pt}}\n"
                                    "labels: {contents: Contents, part: Part}\n");
    Loaded r = load_text(d, "extends: base/parent.yaml\n"
                            "text: {size: 12pt}\n"
                            "colors: {accent: \"#aabbcc\"}\n"
                            "labels: {contents: Inhalt}\n"
                            "lists: {indent: 1em}\n");
    ASSERT_TRUE(r.sheet) << r.all();
    const Sheet& s = *r.sheet;
    EXPECT_DOUBLE_EQ(s.text.size, 12);       // overridden
    EXPECT_DOUBLE_EQ(s.text.leading, 13);    // inherited
    EXPECT_EQ(s.text.align, Align::Left);    // inherited
    EXPECT_DOUBLE_EQ(s.lists.indent, 12);    // child's em uses the merged size
    EXPECT_EQ(s.guide.color.hex(), "#aabbcc");  // parent's name resolved with child's colour
    EXPECT_DOUBLE_EQ(s.guide.size, 20);
    EXPECT_EQ(s.label("contents", ""), "Inhalt");
    EXPECT_EQ(s.label("part", ""), "Part");
}

TEST(Extends, ChainOfThree) {
    TempDir d;
    d.write("a.yaml", fonts_block() + "toc: {depth: 1}\n");
    d.write("sub/b.yaml", "extends: ../a.yaml\ntoc: {leaders: \"\"}\n");
    Loaded r = load_text(d, "extends: sub/b.yaml\npagination: {widows: 3}\n");
    ASSERT_TRUE(r.sheet) << r.all();
    EXPECT_EQ(r.sheet->toc.depth, 1);
    EXPECT_EQ(r.sheet->toc.leaders, "");
    EXPECT_EQ(r.sheet->pagination.widows, 3);
}

TEST(Extends, LoopIsReportedWithTheChain) {
    TempDir d;
    std::string a = d.write("a.yaml", "extends: b.yaml\n" + fonts_block());
    d.write("b.yaml", "extends: c.yaml\n");
    d.write("c.yaml", "extends: a.yaml\n");
    Loaded r = load_file(a);
    EXPECT_FALSE(r.sheet);
    ASSERT_EQ(r.lines.size(), 1u) << r.all();
    std::string dir = d.path().string() + "/";
    EXPECT_EQ(r.lines[0], dir + "c.yaml:1:10: error: extends loop: " + dir + "a.yaml -> " + dir + "b.yaml -> " +
                              dir + "c.yaml -> " + dir + "a.yaml");
}

TEST(Extends, SelfLoop) {
    TempDir d;
    Loaded r = load_text(d, "extends: style.yaml\n" + fonts_block());
    EXPECT_FALSE(r.sheet);
    ASSERT_EQ(r.lines.size(), 1u) << r.all();
    EXPECT_NE(r.lines[0].find("extends loop:"), std::string::npos);
}

TEST(Extends, ErrorsPointIntoTheFileHoldingTheKey) {
    TempDir d;
    d.write("parent.yaml", fonts_block() + "text:\n  size: 10pt\n  align: centre\n");
    Loaded r = load_text(d, "extends: parent.yaml\ntext:\n  leading: 12pt\n  font: sanss\n");
    EXPECT_FALSE(r.sheet);
    std::string dir = d.path().string() + "/";
    ASSERT_EQ(r.lines.size(), 2u) << r.all();
    // Child file first (it was read first), then the parent.
    EXPECT_EQ(r.lines[0].substr(0, r.lines[0].find(": error")), dir + "style.yaml:4:9");
    EXPECT_EQ(r.lines[1].substr(0, r.lines[1].find(": error")), dir + "parent.yaml:6:10");
}

TEST(Load, MissingTopFile) {
    Loaded r = load_file("/nonexistent/style.yaml");
    EXPECT_FALSE(r.sheet);
    ASSERT_EQ(r.lines.size(), 1u);
    EXPECT_EQ(r.lines[0], "/nonexistent/style.yaml: error: style file '/nonexistent/style.yaml' does not exist");
}

TEST(Load, TopLevelMustBeAMap) {
    TempDir d;
    Loaded r = load_text(d, "- a\n- b\n");
    EXPECT_FALSE(r.sheet);
    ASSERT_EQ(r.lines.size(), 1u) << r.all();
    EXPECT_NE(r.lines[0].find(":1:1: error: a style file is a map of settings"), std::string::npos) << r.lines[0];
}

TEST(Load, InvalidUtf8) {
    TempDir d;
    Loaded r = load_text(d, fonts_block() + "labels: {contents: \"Inhalt\xff\"}\n");
    EXPECT_FALSE(r.sheet);
    ASSERT_EQ(r.lines.size(), 1u) << r.all();
    EXPECT_NE(r.lines[0].find("not valid UTF-8"), std::string::npos);
}

TEST(Load, AllErrorsInOneRun) {
    TempDir d;
    Loaded r = load_text(d, fonts_block() +
                                "page: {size: A7, margins: {top: 1em}}\n"
                                "text: {size: 0pt, color: \"#12\"}\n"
                                "toc: {depth: 0}\n"
                                "nonsense: 1\n");
    EXPECT_FALSE(r.sheet);
    EXPECT_EQ(r.lines.size(), 6u) << r.all();
}

TEST(Load, SameFileSameSheet) {
    std::string path = std::string(BB_SOURCE_DIR) + "/styles/handout.yaml";
    Loaded a = load_file(path), b = load_file(path);
    ASSERT_TRUE(a.sheet && b.sheet);
    EXPECT_EQ(a.sheet->text.leading, b.sheet->text.leading);
    EXPECT_EQ(a.sheet->fonts.size(), b.sheet->fonts.size());
    EXPECT_EQ(a.sheet->running.header.outer, b.sheet->running.header.outer);
}

TEST(Templates, UnknownFieldPointsAtTheField) {
    TempDir d;
    Loaded r = load_text(d, fonts_block() + "running:\n  header: {recto: \"— {guid} —\"}\n");
    EXPECT_FALSE(r.sheet);
    ASSERT_EQ(r.lines.size(), 1u) << r.all();
    // `{guid}` is the 22nd character of the line (the dashes are one each).
    EXPECT_NE(r.lines[0].find("style.yaml:5:22: error: unknown field '{guid}' in 'running.header.recto'; "
                              "did you mean '{guide}'?"),
              std::string::npos)
        << r.lines[0];
}

TEST(Templates, AllFieldsAccepted) {
    TempDir d;
    Loaded r = load_text(d, fonts_block() +
                                "running:\n"
                                "  header: {verso: \"{book} · {part}\", recto: \"{guide}: {section}\"}\n"
                                "  footer: {inner: \"{page}\", outer: }\n"
                                "references: {print: \"{title} ({page})\"}\n");
    ASSERT_TRUE(r.sheet) << r.all();
    EXPECT_EQ(r.sheet->running.header.verso, "{book} · {part}");
    EXPECT_EQ(r.sheet->running.footer.outer, "");  // empty value = nothing printed
    EXPECT_EQ(r.sheet->reference_print, "{title} ({page})");
}

TEST(Params, TableIsWellFormed) {
    std::set<std::string> paths;
    for (const auto& p : parameters()) {
        EXPECT_TRUE(paths.insert(p.path).second) << "duplicate " << p.path;
        EXPECT_FALSE(p.doc.empty()) << p.path;
        EXPECT_TRUE(p.apply) << p.path;
        if (p.type == Type::Enum || p.type == Type::Template) {
            EXPECT_FALSE(p.choices.empty()) << p.path;
        }
        if (p.type == Type::Enum && p.fallback) {
            EXPECT_NE(std::find(p.choices.begin(), p.choices.end(), *p.fallback), p.choices.end()) << p.path;
        }
    }
    EXPECT_GT(paths.size(), 90u);
}

TEST(Extends, EmptyGroupInChildKeepsParentGroup) {
    TempDir d;
    d.write("parent.yaml", fonts_block() + "text: {size: 9pt}\n");
    Loaded r = load_text(d, "extends: parent.yaml\ntext:\nlabels:\n");
    ASSERT_TRUE(r.sheet) << r.all();
    EXPECT_DOUBLE_EQ(r.sheet->text.size, 9);
    EXPECT_TRUE(r.sheet->labels.empty());
}

TEST(Load, EmptyFamilyStillNeedsRegular) {
    TempDir d;
    Loaded r = load_text(d, fonts_block() + "  extra:\n");
    EXPECT_FALSE(r.sheet);
    ASSERT_EQ(r.lines.size(), 1u) << r.all();
    EXPECT_NE(r.lines[0].find("style.yaml:4:3: error: 'fonts.extra' needs a 'regular' key"), std::string::npos)
        << r.lines[0];
}

TEST(Load, ChildCanClearATemplate) {
    TempDir d;
    d.write("parent.yaml", fonts_block() + "running: {header: {verso: \"{book}\"}}\n");
    Loaded r = load_text(d, "extends: parent.yaml\nrunning:\n  header:\n    verso:\n");
    ASSERT_TRUE(r.sheet) << r.all();
    EXPECT_EQ(r.sheet->running.header.verso, "");
}

TEST(Load, AliasBombIsStopped) {
    TempDir d;
    std::string yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 9; ++i)
        yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + std::string("*a") +
                std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + ", *a" + std::to_string(i - 1) +
                ", *a" + std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + ", *a" +
                std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + ", *a" + std::to_string(i - 1) +
                ", *a" + std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + "]\n";
    Loaded r = load_text(d, yaml);
    EXPECT_FALSE(r.sheet);
    ASSERT_EQ(r.lines.size(), 1u) << r.all();
    EXPECT_NE(r.lines[0].find("expands to more than 100000 values"), std::string::npos) << r.lines[0];
}

TEST(Load, AnchorsAndAliasesWork) {
    TempDir d;
    Loaded r = load_text(d, fonts_block() +
                                "headings:\n"
                                "  section: &h {size: 12pt, leading: 15pt}\n"
                                "  subsection: *h\n");
    ASSERT_TRUE(r.sheet) << r.all();
    EXPECT_DOUBLE_EQ(r.sheet->subsection.leading, 15);
}

TEST(Load, PageSizeAsList) {
    TempDir d;
    Loaded r = load_text(d, fonts_block() + "page: {size: [5in, 203.2mm], margins: {top: 0, inner: 1cm}}\n");
    ASSERT_TRUE(r.sheet) << r.all();
    EXPECT_DOUBLE_EQ(r.sheet->page.width, 360);
    EXPECT_NEAR(r.sheet->page.height, 576, 1e-9);
    EXPECT_DOUBLE_EQ(r.sheet->page.top, 0);
    EXPECT_NEAR(r.sheet->page.inner, 28.3465, 1e-4);
}

TEST(Load, PageSizeListErrors) {
    TempDir d;
    Loaded r = load_text(d, fonts_block() + "page: {size: [1em, 0mm]}\n");
    EXPECT_FALSE(r.sheet);
    ASSERT_EQ(r.lines.size(), 2u) << r.all();
    EXPECT_NE(r.lines[0].find("style.yaml:4:15: error: 'page.size' cannot be in em"), std::string::npos) << r.lines[0];
    EXPECT_NE(r.lines[1].find("style.yaml:4:20: error: 'page.size' must be greater than zero"), std::string::npos)
        << r.lines[1];
}

TEST(Load, FamilyKeysAndFallbackChecked) {
    TempDir d;
    Loaded r = load_text(d, fonts_block() + "  mono: {reguler: x.ttf}\n  fallback: sans\n");
    EXPECT_FALSE(r.sheet);
    ASSERT_EQ(r.lines.size(), 3u) << r.all();
    EXPECT_NE(r.lines[0].find(":4:3: error: 'fonts.mono' needs a 'regular' key"), std::string::npos) << r.lines[0];
    EXPECT_NE(r.lines[1].find(":4:10: error: unknown key 'reguler' in 'fonts.mono'; did you mean 'regular'? "
                              "(allowed: regular, italic, bold, bold-italic)"),
              std::string::npos)
        << r.lines[1];
    EXPECT_NE(r.lines[2].find(":5:13: error: expected list of font families for 'fonts.fallback'"),
              std::string::npos)
        << r.lines[2];
}

TEST(Load, FreeMapsTakeAnyName) {
    TempDir d;
    Loaded r = load_text(d, fonts_block() +
                                "colors: {brand-red: \"#C00000\", paper: \"#fffff0\"}\n"
                                "text: {color: brand-red}\n"
                                "labels: {contents: Inhalt, anything-new: Neu}\n");
    ASSERT_TRUE(r.sheet) << r.all();
    EXPECT_EQ(r.sheet->colors.at("paper").hex(), "#fffff0");
    EXPECT_EQ(r.sheet->text.color.hex(), "#c00000");
    EXPECT_EQ(r.sheet->label("anything-new", ""), "Neu");
    EXPECT_EQ(r.sheet->label("missing", "fallback"), "fallback");
}

TEST(Load, ByteOrderMarkDoesNotShiftPositions) {
    TempDir d;
    Loaded r = load_text(d, "\xEF\xBB\xBFtext: {bogus: 1}\n" + fonts_block());
    EXPECT_FALSE(r.sheet);
    ASSERT_EQ(r.lines.size(), 1u) << r.all();
    // The mark is a character of line 1 for SourceMap; `bogus` follows it.
    EXPECT_NE(r.lines[0].find("style.yaml:1:9: error: unknown key 'bogus'"), std::string::npos) << r.lines[0];
}
