// text::pdf_font_program: what the PDF embeds for a face must be what the
// layout measured with (widths) and what the subset holds (glyph ids).
#include <gtest/gtest.h>
#include <hb.h>

#include "text/font_metrics.h"
#include "text/font_subset.h"

using namespace bb::text;

namespace {
const char* kCharis = "/usr/share/fonts/truetype/charis/CharisSIL-Regular.ttf";
const char* kCharisBoldItalic = "/usr/share/fonts/truetype/charis/CharisSIL-BoldItalic.ttf";

/// The glyph the subset's own cmap gives `cp`.
uint32_t subset_glyph(const std::string& bytes, char32_t cp) {
    hb_blob_t* blob = hb_blob_create(bytes.data(), static_cast<unsigned>(bytes.size()), HB_MEMORY_MODE_READONLY,
                                     nullptr, nullptr);
    hb_face_t* face = hb_face_create(blob, 0);
    hb_font_t* font = hb_font_create(face);
    hb_codepoint_t gid = 0;
    hb_font_get_nominal_glyph(font, cp, &gid);
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return gid;
}
}  // namespace

TEST(PdfFontProgram, WidthsAreTheLayoutsAndGlyphsTheSubsets) {
    // U+4E00 is not in Charis: drawn (if ever) as .notdef, as wide as the
    // layout measured it.
    const std::set<char32_t> cps = {' ', 'A', 'V', 'f', 0xE9, 0x142, 0x3C0, 0x2014, 0x201C, 0x4E00};
    std::string error;
    auto program = pdf_font_program(kCharis, cps, error);
    ASSERT_TRUE(program) << error;
    auto font = Font::load(kCharis);
    ASSERT_TRUE(font);
    ASSERT_EQ(program->glyphs.size(), cps.size());
    auto cp = cps.begin();
    for (const auto& g : program->glyphs) {
        EXPECT_EQ(static_cast<uint32_t>(g.cp), static_cast<uint32_t>(*cp++));
        EXPECT_EQ(g.width, font->advance(g.cp)) << std::hex << static_cast<uint32_t>(g.cp);
        if (font->has_glyph(g.cp)) {
            EXPECT_NE(g.gid, 0u) << std::hex << static_cast<uint32_t>(g.cp);
            EXPECT_EQ(g.gid, subset_glyph(program->bytes, g.cp)) << std::hex << static_cast<uint32_t>(g.cp);
        } else {
            EXPECT_EQ(g.gid, 0u);
        }
    }
    EXPECT_EQ(program->default_width, font->advance(0x4E00));
    EXPECT_EQ(program->postscript_name, "CharisSIL");
    EXPECT_EQ(program->ascent, font->ascender());
    EXPECT_EQ(program->descent, font->descender());
    EXPECT_EQ(program->cap_height, font->cap_height());
    EXPECT_LT(program->bbox[0], 0);
    EXPECT_GT(program->bbox[3], program->ascent / 2);
    EXPECT_EQ(program->italic_angle, 0);
    EXPECT_EQ(program->weight_class, 400);
    EXPECT_FALSE(program->fixed_pitch);
}

TEST(PdfFontProgram, ReadsSlantAndWeight) {
    std::string error;
    auto program = pdf_font_program(kCharisBoldItalic, {'a'}, error);
    ASSERT_TRUE(program) << error;
    EXPECT_LT(program->italic_angle, -5);
    EXPECT_GE(program->weight_class, 700);
    EXPECT_EQ(program->postscript_name, "CharisSIL-BoldItalic");
}

TEST(PdfFontProgram, UnreadableFileIsAnError) {
    std::string error;
    EXPECT_FALSE(pdf_font_program("/nonexistent/font.ttf", {'a'}, error));
    EXPECT_FALSE(error.empty());
    error.clear();
    EXPECT_FALSE(pdf_font_program("/etc/hostname", {'a'}, error));
    EXPECT_FALSE(error.empty());
}
