// The shipped styles load cleanly, set every key, and the handout overrides.
#include <fstream>
#include <sstream>

#include "style/params.h"
#include "style/values.h"
#include "style/yaml_tree.h"
#include "style_test_util.h"

using namespace bb::style;
using namespace bb::style::testing;

namespace {
const std::string kRoot = BB_SOURCE_DIR;
constexpr double kMm = 72.0 / 25.4;

std::string read(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
}  // namespace

TEST(ShippedStyles, DefaultLoadsWithoutDiagnostics) {
    Loaded r = load_file(kRoot + "/styles/default.yaml");
    EXPECT_EQ(r.all(), "");
    ASSERT_TRUE(r.sheet);
    const Sheet& s = *r.sheet;
    EXPECT_NEAR(s.page.width, 148 * kMm, 1e-9);
    EXPECT_NEAR(s.page.height, 210 * kMm, 1e-9);
    EXPECT_NEAR(s.page.inner, 20 * kMm, 1e-9);
    EXPECT_TRUE(s.page.two_sided);
    EXPECT_EQ(s.text.font, "serif");
    EXPECT_DOUBLE_EQ(s.text.size, 10);
    EXPECT_DOUBLE_EQ(s.text.leading, 13.5);
    EXPECT_DOUBLE_EQ(s.text.indent, 10);  // 1em of 10pt
    EXPECT_DOUBLE_EQ(s.lists.indent, 12);  // 1.2em
    EXPECT_EQ(s.text.align, Align::Justify);
    EXPECT_EQ(s.text.color.hex(), "#1a1a1a");
    EXPECT_EQ(s.guide.color.hex(), "#8a3324");
    EXPECT_EQ(s.guide.start, Start::Recto);
    EXPECT_EQ(s.section.start, Start::Flow);
    EXPECT_EQ(s.myth.label, "The myth");
    EXPECT_EQ(s.running.header.verso, "{book}");
    EXPECT_EQ(s.running.footer.outer, "{page}");
    EXPECT_EQ(s.reference_print, "{title}, p. {page}");
    EXPECT_EQ(s.toc.depth, 2);
    EXPECT_EQ(s.label("contents", "x"), "Contents");
    EXPECT_EQ(s.fallback, (std::vector<std::string>{"dejavu-serif", "dejavu-sans"}));
    ASSERT_TRUE(s.fonts.count("serif"));
    const FontFamily& serif = s.family("serif");
    EXPECT_TRUE(serif.italic_given && serif.bold_given && serif.bold_italic_given);
    EXPECT_EQ(serif.regular, "/usr/share/fonts/truetype/charis/CharisSIL-Regular.ttf");
    EXPECT_EQ(serif.face(true, true), "/usr/share/fonts/truetype/charis/CharisSIL-BoldItalic.ttf");
    EXPECT_EQ(s.path, kRoot + "/styles/default.yaml");
}

TEST(ShippedStyles, HandoutLoadsAndOverrides) {
    Loaded r = load_file(kRoot + "/styles/handout.yaml");
    EXPECT_EQ(r.all(), "");
    ASSERT_TRUE(r.sheet);
    const Sheet& s = *r.sheet;
    EXPECT_DOUBLE_EQ(s.text.size, 11);
    EXPECT_DOUBLE_EQ(s.text.leading, 15);
    EXPECT_NEAR(s.page.width, 210 * kMm, 1e-9);
    EXPECT_FALSE(s.page.two_sided);
    EXPECT_EQ(s.guide.start, Start::Flow);
    EXPECT_EQ(s.part.start, Start::Flow);
    EXPECT_EQ(s.text.align, Align::Left);
    // Inherited key by key: the guide heading keeps the default's font and colour.
    EXPECT_EQ(s.guide.font, "sans");
    EXPECT_EQ(s.guide.color.hex(), "#8a3324");
    EXPECT_EQ(s.myth.label, "The myth");
    EXPECT_DOUBLE_EQ(s.myth.padding, 8);
    // em lengths follow the handout's own text size (1.2em of 11pt).
    EXPECT_DOUBLE_EQ(s.lists.indent, 1.2 * 11);
    EXPECT_EQ(s.toc.depth, 1);
    EXPECT_EQ(s.family("serif").regular, "/usr/share/fonts/truetype/charis/CharisSIL-Regular.ttf");
}

TEST(ShippedStyles, DefaultSetsEveryKeyOfTheTable) {
    // The design is meant to be visible in one file: every non-wildcard key
    // of the table is written in default.yaml itself.
    bb::base::SourceMap sources;
    uint32_t f = sources.add("default.yaml", read(kRoot + "/styles/default.yaml"));
    std::vector<bb::base::Diagnostic> errors;
    bool syntax_error = false;
    Tree root = parse_yaml(sources, f, errors, syntax_error);
    ASSERT_TRUE(errors.empty());
    size_t checked = 0;
    for (const auto& p : parameters()) {
        if (p.path.find('*') != std::string::npos) continue;
        const Tree* node = &root;
        size_t start = 0;
        while (node && start <= p.path.size()) {
            size_t dot = p.path.find('.', start);
            std::string seg = p.path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
            const TreeEntry* e = node->find(seg);
            node = e ? &e->value : nullptr;
            if (dot == std::string::npos) break;
            start = dot + 1;
        }
        EXPECT_TRUE(node != nullptr) << "styles/default.yaml does not set " << p.path;
        ++checked;
    }
    EXPECT_GE(checked, 90u);
    // And every family a heading or the text names is one it defines.
    EXPECT_TRUE(root.find("fonts")->value.find("serif"));
}

TEST(ShippedStyles, FontsFolderHoldsEveryFaceTheStylesUse) {
    Loaded r = load_file(kRoot + "/styles/default.yaml");
    ASSERT_TRUE(r.sheet);
    for (const auto& [name, fam] : r.sheet->fonts) {
        for (const std::string* face : {&fam.regular, &fam.italic, &fam.bold, &fam.bold_italic}) {
            if (face->empty()) continue;
            std::string base = fs::path(*face).filename().string();
            EXPECT_TRUE(fs::exists(kRoot + "/fonts/" + base)) << base;
        }
    }
}

TEST(ShippedStyles, ReadmeReferenceMatchesTheTable) {
    std::string readme = read(kRoot + "/pipeline/style/README.md");
    std::string table = reference_markdown();
    EXPECT_NE(readme.find(table), std::string::npos)
        << "pipeline/style/README.md is out of date; its reference table should be:\n"
        << table;
}
