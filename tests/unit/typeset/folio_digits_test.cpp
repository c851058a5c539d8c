// A paragraph set with one page number is taken, with another of as many
// digits, by the full pass (Flow::set_folio_digits_alike): the cached
// lines with the new digits are the lines set afresh, and only page
// numbers are put in (not other digits, and not for numbers of another
// length).
#include <gtest/gtest.h>

#include "book_fixture.h"
#include "text/font_metrics.h"
#include "typeset/flow.h"
#include "typeset/inlines.h"

namespace bb::typeset {
namespace {

/// A paragraph citing a guide that is on page `page`.
Pieces citing(const std::string& page) {
    model::Inline ref{model::InlineKind::Ref, "", "guide-7", fixture::text("Why he pulls away"), {}};
    model::Inlines content = fixture::text("In 1995, the second study (see ");
    content.push_back(ref);
    content.push_back(model::Inline{model::InlineKind::Text, ") found the pattern in 40 of 52 couples.", "", {}, {}});
    return flatten(content, false, false, "{title}, p. {page}", [&](const std::string&) { return page; });
}

struct Setting {
    base::SourceMap sources;
    base::Sink sink;
    style::Sheet sheet;
    text::FontSet font_set;
    std::unique_ptr<FontBook> fonts;
    Setting() {
        sheet = *fixture::default_sheet(sources, sink);
        fonts = std::make_unique<FontBook>(sheet, font_set, sink);
    }
    /// The text of every run of the lines, and their positions.
    std::string set(const Pieces& pieces, LayoutCache* cache, bool alike) {
        Flow f(sheet, *fonts, nullptr, "en", sink, cache);
        f.set_folio_digits_alike(alike);
        TextSpec spec;
        spec.family = sheet.text.font;
        spec.right_inset = 150;  // a narrow measure: several lines
        f.paragraph(pieces, spec);
        std::string out;
        for (const Slab& s : f.galley().slabs)
            for (const Item& item : s.items)
                if (const auto* t = std::get_if<TextRun>(&item))
                    out += t->text + "@" + std::to_string(t->x) + "," + std::to_string(t->width) + "\n";
        return out;
    }
    /// The lines the full pass draws for a paragraph citing page `final`
    /// after a measure pass set it citing page `measured` (through one
    /// cache).
    std::string after_measure(const std::string& measured, const std::string& final, bool alike) {
        LayoutCache cache;
        set(citing(measured), &cache, alike);
        cache.consume();
        return set(citing(final), &cache, alike);
    }
};

TEST(FolioDigits, FlattenRecordsWherePageNumbersAre) {
    Pieces p = citing("128");
    std::vector<std::string> found;
    for (const Piece& piece : p)
        for (const Folio& f : piece.folios) found.push_back(f.anchor + ":" + piece.text.substr(f.at, f.length));
    EXPECT_EQ(found, std::vector<std::string>{"guide-7:128"});
}

TEST(FolioDigits, TheFullPassTakesAParagraphSetWithOtherDigits) {
    Setting s;
    const std::string fresh = s.set(citing("307"), nullptr, false);
    ASSERT_NE(fresh.find("307"), std::string::npos) << fresh;
    EXPECT_EQ(s.after_measure("128", "307", true), fresh);
    // Other digits of the text stay as written: 1995, 40, 52.
    for (const char* kept : {"1995", "40", "52"}) EXPECT_NE(fresh.find(kept), std::string::npos) << kept;
}

TEST(FolioDigits, ANumberOfAnotherLengthIsSetAgain) {
    Setting s;
    EXPECT_EQ(s.after_measure("128", "1307", true), s.set(citing("1307"), nullptr, false));
}

TEST(FolioDigits, WithoutTheOptionOnlyTheSameTextIsShared) {
    Setting s;
    EXPECT_EQ(s.after_measure("128", "307", false), s.set(citing("307"), nullptr, false));
}

// Liberation Serif kerns "11" but not "10" (metrics_test.cpp): its digits
// are not interchangeable.
constexpr const char* kKerningDigits = "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf";

/// Whether the galley of one paragraph citing page 128 says its page numbers
/// set alike, with the text family's regular face (and, with `fallback`, a
/// fallback family's) replaced by `regular`.
bool galley_says_alike(const std::string& regular, const std::string& fallback = "") {
    Setting s;
    if (!regular.empty()) s.sheet.fonts[s.sheet.text.font].regular = regular;
    if (!fallback.empty()) {
        s.sheet.fonts["kerning-digits"] = s.sheet.fonts[s.sheet.text.font];
        s.sheet.fonts["kerning-digits"].regular = fallback;
        s.sheet.fallback.insert(s.sheet.fallback.begin(), "kerning-digits");
    }
    s.fonts = std::make_unique<FontBook>(s.sheet, s.font_set, s.sink);
    Flow f(s.sheet, *s.fonts, nullptr, "en", s.sink, nullptr);
    f.set_folio_digits_alike(true);
    TextSpec spec;
    spec.family = s.sheet.text.font;
    f.paragraph(citing("128"), spec);
    return f.galley().folio_digits_alike;
}

TEST(FolioDigits, TheGalleySaysWhetherItsPageNumbersSetAlike) {
    EXPECT_TRUE(galley_says_alike(""));
    EXPECT_FALSE(galley_says_alike(kKerningDigits));
    Setting s;
    Flow off(s.sheet, *s.fonts, nullptr, "en", s.sink, nullptr);
    EXPECT_FALSE(off.galley().folio_digits_alike) << "not tracked: only the same text sets alike";
}

TEST(FolioDigits, AFallbackThatSetsNoDigitIsNotAsked) {
    // The main face has all ten digits, so the fallback's kerning digits
    // never print a page number.
    EXPECT_TRUE(galley_says_alike("", kKerningDigits));
}

}  // namespace
}  // namespace bb::typeset
