// Font metrics and coverage on Charis SIL (fonts-sil-charis).
#include <gtest/gtest.h>
#include <hb.h>

#include <algorithm>
#include <cmath>
#include <thread>

#include "text/coverage.h"
#include "text/font_metrics.h"

using namespace bb::text;

namespace {
const char* kCharis = "/usr/share/fonts/truetype/charis/CharisSIL-Regular.ttf";
const char* kDejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

const Font& charis() {
    static std::unique_ptr<Font> f = Font::load(kCharis);
    return *f;
}
}  // namespace

TEST(Font, LoadsAndNamesItself) {
    ASSERT_NE(Font::load(kCharis), nullptr);
    EXPECT_EQ(charis().family_name(), "Charis SIL");
    EXPECT_EQ(charis().units_per_em(), 2048);
    EXPECT_GT(charis().ascender(), 700);
    EXPECT_LT(charis().descender(), -150);
    EXPECT_GT(charis().cap_height(), 600);
    EXPECT_GT(charis().x_height(), 400);
    std::string err;
    EXPECT_EQ(Font::load("/nonexistent/font.ttf", &err), nullptr);
    EXPECT_NE(err.find("/nonexistent/font.ttf"), std::string::npos);
    EXPECT_EQ(Font::load(BB_SOURCE_DIR "/CMakeLists.txt", &err), nullptr);
}

TEST(Font, AdvancesAreLibharuWidths) {
    // Independently: HarfBuzz's raw hmtx advance (font units at scale = upem)
    // times 1000 / upem, rounded toward zero -- the formula of libharu's /W.
    hb_blob_t* blob = hb_blob_create_from_file(kCharis);
    hb_face_t* face = hb_face_create(blob, 0);
    hb_font_t* font = hb_font_create(face);
    int upem = static_cast<int>(hb_face_get_upem(face));
    for (char32_t cp : {U'a', U'W', U'e', U' ', U'-', U'é', U'—', U'“', U'Ł', U'α', U'Ж', U'f', U'i'}) {
        hb_codepoint_t gid = 0;
        ASSERT_TRUE(hb_font_get_nominal_glyph(font, cp, &gid));
        int expected = static_cast<int>(std::trunc(hb_font_get_glyph_h_advance(font, gid) * 1000.0 / upem));
        EXPECT_EQ(charis().advance(cp), expected) << static_cast<unsigned>(cp);
    }
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    // And the values libharu 2.3.0 itself reported for this font with
    // HPDF_Font_GetUnicodeWidth (measured once with a throw-away program):
    EXPECT_EQ(charis().advance('a'), 508);
    EXPECT_EQ(charis().advance('W'), 931);
    EXPECT_EQ(charis().advance(' '), 292);
    EXPECT_EQ(charis().advance(U'é'), 490);
    EXPECT_EQ(charis().advance(U'—'), 1000);
    EXPECT_EQ(charis().advance(U'“'), 453);
    EXPECT_EQ(charis().advance(U'Ł'), 530);
    EXPECT_EQ(charis().advance(U'α'), 648);
    EXPECT_EQ(charis().advance(U'Ж'), 891);
    EXPECT_EQ(charis().advance(0x4E2D), 683);  // missing: the .notdef width libharu draws
}

TEST(Font, NoAdvanceIsWiderThanTheWidest) {
    // The paragraph builder measures only tokens that could be wider than a
    // line by this bound, so it must hold for every glyph a text can ask
    // for, .notdef included; and be a glyph's advance, not a loose guess.
    auto dejavu = Font::load(kDejaVu);
    ASSERT_NE(dejavu, nullptr);
    for (const Font* f : std::initializer_list<const Font*>{&charis(), dejavu.get()}) {
        ASSERT_GT(f->widest_advance(), 0) << f->path();
        int most = 0;
        for (char32_t cp = 0; cp <= 0xFFFF; ++cp) {
            if (cp >= 0xD800 && cp <= 0xDFFF) continue;
            ASSERT_LE(f->advance(cp), f->widest_advance()) << f->path() << " " << code_point_name(cp);
            most = std::max(most, f->advance(cp));
        }
        EXPECT_GE(most * 2, f->widest_advance()) << f->path();  // in reach of what characters print
    }
}

TEST(Font, Coverage) {
    for (char32_t cp : {U'é', U'—', U'“', U'Ł', U'α', U'Ω', U'Ж', U'я', U'ß'}) EXPECT_TRUE(charis().has_glyph(cp)) << static_cast<unsigned>(cp);
    EXPECT_FALSE(charis().has_glyph(0x4E2D));   // 中
    EXPECT_FALSE(charis().has_glyph(0x1F600));  // emoji, non-BMP: never coverable
    EXPECT_FALSE(charis().has_glyph(0x1D400));  // mathematical bold A: non-BMP even if present
}

TEST(Font, KerningAndWidth) {
    // Charis SIL 6 applies no pair kerning to Latin (HarfBuzz shapes "AV"
    // with plain advances); DejaVu Serif does (GPOS): A V is 1377 instead
    // of 1479 font units of 2048, i.e. round(-102 * 1000 / 2048) = -50.
    EXPECT_EQ(charis().kern('A', 'V'), 0);
    auto dejavu = Font::load("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf");
    ASSERT_NE(dejavu, nullptr);
    const Font& f = *dejavu;
    EXPECT_EQ(f.kern('A', 'V'), -50);
    EXPECT_LT(f.kern('T', 'o'), 0);
    EXPECT_EQ(f.kern('o', 'o'), 0);
    EXPECT_EQ(f.kern('A', 0x4E2D), 0);
    EXPECT_EQ(f.kern('A', 'V'), f.kern('A', 'V'));  // cached, stable
    int a = f.advance('A'), v = f.advance('V');
    EXPECT_EQ(a, 1479 * 1000 / 2048);
    EXPECT_EQ(f.width_units("AV", false), a + v);
    EXPECT_EQ(f.width_units("AV", true), a + v - 50);
    EXPECT_DOUBLE_EQ(f.width("AV", 10, false), (a + v) / 100.0);
    // A soft hyphen is never drawn: zero width.
    EXPECT_EQ(f.width_units("ab\u00ADc", true), f.width_units("abc", true));
    auto glyphs = f.shape("AVé");
    ASSERT_EQ(glyphs.size(), 3u);
    EXPECT_EQ(glyphs[0].kern_after, f.kern('A', 'V'));
    EXPECT_EQ(glyphs[2].offset, 2u);
    EXPECT_EQ(glyphs[2].kern_after, 0);
    int64_t sum = 0;
    for (const auto& g : glyphs) sum += g.advance + g.kern_after;
    EXPECT_EQ(sum, f.width_units("AVé", true));
}

TEST(Font, ThreadSafeKerning) {
    auto dejavu = Font::load("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf");
    const Font& f = *dejavu;
    std::vector<std::thread> threads;
    std::vector<int64_t> results(4);
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] { results[t] = f.width_units("AVATAR To Wo Ty P. “Yes,” L’Aquila Vaults"); });
    for (auto& t : threads) t.join();
    for (int t = 1; t < 4; ++t) EXPECT_EQ(results[t], results[0]);
}

TEST(FontSet, LoadsOnce) {
    FontSet set;
    const Font* a = set.get(kCharis);
    const Font* b = set.get(kCharis);
    EXPECT_EQ(a, b);
    EXPECT_EQ(set.size(), 1u);
    std::string err;
    EXPECT_EQ(set.get("/no/such.ttf", &err), nullptr);
    EXPECT_FALSE(err.empty());
    EXPECT_EQ(set.size(), 1u);
}

TEST(Coverage, UncoveredWithOffsetsAndFallback) {
    auto dejavu = Font::load(kDejaVu);
    ASSERT_NE(dejavu, nullptr);
    const Font* main_only[] = {&charis()};
    // "a中b😀" : 中 at byte 1, 😀 at byte 5.
    auto un = uncovered("a中b😀", main_only);
    ASSERT_EQ(un.size(), 2u);
    EXPECT_EQ(un[0].offset, 1u);
    EXPECT_EQ(un[0].cp, 0x4E2Du);
    EXPECT_EQ(un[1].offset, 5u);
    EXPECT_EQ(code_point_name(un[0].cp), "U+4E2D");
    EXPECT_EQ(code_point_name(0x1F600), "U+1F600");
    // Soft hyphen and zero-width space need no glyph.
    EXPECT_TRUE(uncovered("a\u00AD\u200Bb", main_only).empty());
    // DejaVu Sans has ☐ (U+2610) which Charis lacks: it becomes a fallback run.
    ASSERT_FALSE(charis().has_glyph(0x2610));
    ASSERT_TRUE(dejavu->has_glyph(0x2610));
    const Font* chain[] = {&charis(), dejavu.get()};
    EXPECT_TRUE(uncovered("x ☐ y", chain).empty());
    auto runs = split_by_coverage("x ☐ y", chain);
    ASSERT_EQ(runs.size(), 3u);
    EXPECT_EQ(runs[0].font, 0);
    EXPECT_EQ(runs[1].font, 1);
    EXPECT_EQ(runs[1].begin, 2u);  // the space before ☐ stays with Charis,
    EXPECT_EQ(runs[1].end, 6u);    // the one after it with DejaVu (spaces join the open run)
    EXPECT_EQ(runs[2].font, 0);
    EXPECT_EQ(covering_font(0x2610, chain), 1);
    EXPECT_EQ(covering_font(0x4E2D, chain), dejavu->has_glyph(0x4E2D) ? 1 : -1);
    // Runs of plain ASCII (skipped over a byte at a time in the main font's
    // run) end exactly where a fallback character starts, and a space right
    // after a fallback run stays with it.
    auto show = [&](std::string_view text) {
        std::string out;
        for (const auto& r : split_by_coverage(text, chain))
            out += std::to_string(r.font) + "[" + std::string(text.substr(r.begin, r.end - r.begin)) + "]";
        return out;
    };
    EXPECT_EQ(show("  plain text, no fallback."), "0[  plain text, no fallback.]");
    EXPECT_EQ(show("ab☐☐cd ☐ e\tf ☐"), "0[ab]1[☐☐]0[cd ]1[☐ ]0[e\tf ]1[☐]");
    EXPECT_EQ(show("☐ x"), "1[☐ ]0[x]");
    EXPECT_EQ(show("é and e\u0301 ☐\u0301x"), "0[é and e\u0301 ]1[☐\u0301]0[x]");
}

namespace bb::text {
namespace {

TEST(Font, DigitsInterchangeable) {
    // Every face the shipped styles use has tabular figures without digit
    // kerning, so a folio of as many digits never moves a line break.
    for (const char* name : {"CharisSIL-Regular.ttf", "CharisSIL-Bold.ttf", "CharisSIL-Italic.ttf",
                             "OpenSans-Regular.ttf", "OpenSans-Bold.ttf", "DejaVuSans.ttf"}) {
        auto f = Font::load(std::string(BB_SOURCE_DIR) + "/fonts/" + name);
        ASSERT_NE(f, nullptr) << name;
        EXPECT_TRUE(f->digits_interchangeable()) << name;
        EXPECT_EQ(f->advance('1'), f->advance('8')) << name;
    }
}

TEST(Font, DigitsNotInterchangeableWhenTheyKern) {
    // Liberation Serif kerns "11" (-37/1000 em) but not "10": "p. 111" is
    // narrower than "p. 100", so those folios may move a line break.
    auto f = Font::load("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->advance('1'), f->advance('0'));
    EXPECT_NE(f->kern('1', '1'), f->kern('1', '0'));
    EXPECT_FALSE(f->digits_interchangeable());
}

}  // namespace
}  // namespace bb::text
