// Font lookup order and the TrueType checks.
#include <sys/stat.h>

#include "style/font_files.h"
#include "style_test_util.h"

using namespace bb::style;
using namespace bb::style::testing;

namespace {
const std::string kCharis = "/usr/share/fonts/truetype/charis/CharisSIL-Regular.ttf";
const std::string kOpenSans = "/usr/share/fonts/truetype/open-sans/OpenSans-Regular.ttf";

/// Copies a real TrueType file to `dest` (a copy, so the canonical path stays there).
void copy_font(const std::string& from, const fs::path& dest) {
    fs::create_directories(dest.parent_path());
    fs::copy_file(from, dest, fs::copy_options::overwrite_existing);
}
}  // namespace

TEST(FontSniff, Signatures) {
    EXPECT_EQ(sniff_font(std::string("\0\1\0\0rest", 8)), FontKind::TrueType);
    EXPECT_EQ(sniff_font("true...."), FontKind::TrueType);
    EXPECT_EQ(sniff_font("OTTO...."), FontKind::OpenTypeCff);
    EXPECT_EQ(sniff_font("ttcf...."), FontKind::Collection);
    EXPECT_EQ(sniff_font("wOFF...."), FontKind::Other);
    EXPECT_EQ(sniff_font("tru"), FontKind::Other);
    EXPECT_EQ(sniff_font(""), FontKind::Other);
}

TEST(FontLookup, StyleFolderThenFontsBesideThenCwd) {
    TempDir d;
    StyleDir dir{"proj/styles", d.path() / "proj/styles"};
    // Only in ../fonts/ beside the style: found there.
    copy_font(kOpenSans, d.path() / "proj/fonts/Face.ttf");
    auto r = find_font("Face.ttf", dir);
    ASSERT_TRUE(r.value) << r.error;
    EXPECT_EQ(*r.value, fs::canonical(d.path() / "proj/fonts/Face.ttf").string());
    // Also in the style's own folder: that one wins.
    copy_font(kCharis, d.path() / "proj/styles/Face.ttf");
    r = find_font("Face.ttf", dir);
    ASSERT_TRUE(r.value) << r.error;
    EXPECT_EQ(*r.value, fs::canonical(d.path() / "proj/styles/Face.ttf").string());
    // Rule 3: fonts/ in the current directory.
    auto cands = font_candidates("X.ttf", dir);
    ASSERT_EQ(cands.size(), 3u);
    EXPECT_EQ(cands[0].display, "proj/styles/X.ttf");
    EXPECT_EQ(cands[1].display, "proj/fonts/X.ttf");
    EXPECT_EQ(cands[2].display, "fonts/X.ttf");
    EXPECT_EQ(cands[2].absolute, (fs::current_path() / "fonts/X.ttf").lexically_normal());
}

TEST(FontLookup, CurrentDirectoryFonts) {
    TempDir d;
    copy_font(kCharis, d.path() / "cwd/fonts/Only.ttf");
    fs::path old = fs::current_path();
    fs::current_path(d.path() / "cwd");
    auto r = find_font("Only.ttf", StyleDir{"elsewhere", d.path() / "elsewhere"});
    fs::current_path(old);
    ASSERT_TRUE(r.value) << r.error;
    EXPECT_EQ(*r.value, fs::canonical(d.path() / "cwd/fonts/Only.ttf").string());
}

TEST(FontLookup, AbsolutePathsAsIs) {
    auto r = find_font(kCharis, StyleDir{"x", "/nonexistent"});
    ASSERT_TRUE(r.value) << r.error;
    EXPECT_EQ(*r.value, kCharis);
    auto missing = find_font("/nonexistent/F.ttf", StyleDir{"x", "/x"});
    EXPECT_EQ(missing.error, "font file '/nonexistent/F.ttf' not found (looked for /nonexistent/F.ttf)");
}

TEST(FontLookup, SymlinkIsStoredCanonical) {
    TempDir d;
    fs::create_directories(d.path() / "fonts");
    fs::create_symlink(kCharis, d.path() / "fonts/Link.ttf");
    auto r = find_font("Link.ttf", StyleDir{"styles", d.path() / "styles"});
    ASSERT_TRUE(r.value) << r.error;
    EXPECT_EQ(*r.value, kCharis);
}

TEST(FontLookup, DanglingSymlinkSaysInstall) {
    TempDir d;
    fs::create_directories(d.path() / "fonts");
    fs::create_symlink("/nonexistent/Gone.ttf", d.path() / "fonts/Gone.ttf");
    auto r = find_font("Gone.ttf", StyleDir{"styles", d.path() / "styles"});
    EXPECT_EQ(r.error,
              "font file 'fonts/Gone.ttf' is a link to '/nonexistent/Gone.ttf', which does not exist; install "
              "the font packages (./bookbuild setup)");
}

TEST(FontChecks, FakeCffDirectoryAndJunk) {
    TempDir d;
    d.write("f/Cff.otf", "OTTO\x00\x0a\x00\x80 not really a font");
    d.write("f/Junk.ttf", "hello");
    d.write("f/Tiny.ttf", "\x00\x01");
    d.write("f/Coll.ttc", "ttcf\x00\x02\x00\x00");
    fs::create_directories(d.path() / "f/Dir.ttf");
    StyleDir dir{"f", d.path() / "f"};
    EXPECT_EQ(find_font("Cff.otf", dir).error,
              "font file 'f/Cff.otf' is OpenType with CFF outlines, which libharu cannot embed; use a TrueType "
              "(.ttf) font");
    EXPECT_EQ(find_font("Junk.ttf", dir).error, "font file 'f/Junk.ttf' is not a TrueType font");
    EXPECT_EQ(find_font("Tiny.ttf", dir).error, "font file 'f/Tiny.ttf' is not a TrueType font");
    EXPECT_NE(find_font("Coll.ttc", dir).error.find("is a TrueType collection (.ttc), which is not supported"),
              std::string::npos);
    EXPECT_EQ(find_font("Dir.ttf", dir).error, "font file 'f/Dir.ttf' is a directory, not a font file");
    EXPECT_EQ(find_font("", dir).error, "empty font file name");
}

TEST(FontChecks, ThroughTheLoaderWithGivenFlags) {
    TempDir d;
    copy_font(kCharis, d.path() / "fonts/R.ttf");
    copy_font(kCharis, d.path() / "fonts/B.ttf");
    d.write("styles/s.yaml",
            "fonts:\n"
            "  serif: {regular: R.ttf, bold: B.ttf}\n"
            "  sans: {regular: R.ttf}\n"
            "  extra: {regular: R.ttf, italic: Nope.ttf}\n");
    Loaded r = load_file((d.path() / "styles/s.yaml").string());
    EXPECT_FALSE(r.sheet);
    ASSERT_EQ(r.lines.size(), 1u) << r.all();
    EXPECT_NE(r.lines[0].find("s.yaml:4:35: error: font file 'Nope.ttf' not found"), std::string::npos) << r.lines[0];

    d.write("styles/s.yaml", "fonts:\n  serif: {regular: R.ttf, bold: B.ttf}\n  sans: {regular: R.ttf}\n");
    r = load_file((d.path() / "styles/s.yaml").string());
    ASSERT_TRUE(r.sheet) << r.all();
    const FontFamily& serif = r.sheet->family("serif");
    EXPECT_EQ(serif.name, "serif");
    EXPECT_TRUE(serif.bold_given);
    EXPECT_FALSE(serif.italic_given);
    EXPECT_FALSE(serif.bold_italic_given);
    EXPECT_EQ(serif.regular, fs::canonical(d.path() / "fonts/R.ttf").string());
    EXPECT_EQ(serif.face(true, true), fs::canonical(d.path() / "fonts/B.ttf").string());
    EXPECT_EQ(serif.face(false, true), serif.regular);
}
