// Layout + PDF end to end for books in German, French, Polish, Greek and
// Russian: every paragraph must come back from pdftotext, in order, with its
// Unicode intact (line-end hyphens and whitespace normalised).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "../typeset/book_fixture.h"
#include "base/utf8.h"
#include "pdf/write.h"
#include "typeset/layout.h"
#include "run_tool.h"

using namespace bb;
using bb::pdf::test::run;

namespace {

/// Whitespace collapsed to single spaces, and a hyphen at the end of a
/// line followed by a letter joined ("Gesell-\nschaft" -> "Gesellschaft").
/// Soft hyphens in the source are dropped as the layout drops them.
std::string normalise(const std::string& s, bool from_pdf) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
        size_t at = i;
        char32_t cp = base::next_code_point(s, i);
        if (cp == 0xAD) continue;
        if (from_pdf && cp == '-' && i < s.size() && s[i] == '\n') {
            ++i;  // a hyphen the line breaker added (words of the fixtures have no hard hyphen at a line end)
            continue;
        }
        if (cp == ' ' || cp == '\n' || cp == '\t' || cp == '\f' || cp == 0xA0) {
            if (!out.empty() && out.back() != ' ') out += ' ';
            continue;
        }
        out.append(s, at, i - at);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

struct Language {
    const char* lang;
    std::vector<const char*> paragraphs;
};

const Language kLanguages[] = {
    {"de",
     {"Die Donaudampfschifffahrtsgesellschaft veröffentlicht ihre Größenordnungen: Müller-Straße, "
      "Straßenbahnhaltestelle und Verantwortungsbewusstsein gehören zum täglichen Wortschatz der Männer.",
      "„Rückzug ist keine Gleichgültigkeit“, sagt die Therapeutin, „sondern häufig ein Versuch, die "
      "Unruhe zu regulieren, die Nähe auslöst.“ Gespräche in Männergruppen bieten Übungsräume."}},
    {"fr",
     {"« Il se retire parce qu’il perd tout intérêt », pense-t-on d’abord ; pourtant, l’anxiété suscitée "
      "par l’intimité grandissante explique bien mieux ce comportement œdipien, dit-elle.",
      "Les thérapeutes expérimentés recommandent la désescalade : éviter les ultimatums, laisser de "
      "l’espace, puis nommer calmement le schéma répété — c’est là que le changement commence."}},
    {"pl",
     {"Przedsiębiorstwo zatrudnia terapeutów, którzy pomagają mężczyznom zrozumieć źródła wycofania; "
      "źdźbło niepokoju, żółć frustracji i łódź bezpieczeństwa to obrazy używane w grupach wsparcia.",
      "Współpraca partnerów, świadomość własnych reakcji oraz cierpliwość zmieniają wzorzec stopniowo, "
      "ale trwale — mówi psychoterapeutka z Łodzi."}},
    {"el",
     {"Το πανεπιστήμιο δημοσίευσε μελέτη για την αποφυγή της οικειότητας: οι άνδρες που απομακρύνονται "
      "συχνά διαχειρίζονται το άγχος που προκαλεί η εγγύτητα, όχι την απώλεια ενδιαφέροντος.",
      "Η ψυχοθεραπεία και οι ομάδες ανδρών προσφέρουν ασφαλή χώρο εξάσκησης της παρουσίας, ώστε η "
      "σχέση να αντέχει μεγαλύτερη συναισθηματική ένταση."}},
    {"ru",
     {"Съешь же ещё этих мягких французских булок, да выпей чаю: психотерапевты объясняют, что "
      "отстранение мужчины чаще всего связано с тревогой, а не с потерей интереса к отношениям.",
      "Групповая работа с другими мужчинами даёт безопасное пространство, где можно постепенно "
      "расширять способность выдерживать близость и ответственность."}},
};

model::Book book_in(const Language& l) {
    model::Book b = fixture::book(0, 0, 0);
    b.lang = l.lang;
    b.meta.title = l.paragraphs[0];
    b.meta.title.resize(b.meta.title.find(' ', 20));
    model::Guide g;
    g.id = "g";
    g.title = fixture::text("Überschrift — Titre — Tytuł — Τίτλος — Заголовок");
    model::Section s;
    s.anchor = "s";
    s.title = fixture::text("Ελληνικά και кириллица");
    // Each paragraph three times at different measures (plain, in a callout,
    // in a list) so that lines break in different places.
    for (const char* p : l.paragraphs) s.blocks.push_back(fixture::para(p));
    model::Callout truth;
    for (const char* p : l.paragraphs) truth.blocks.push_back(fixture::para(p));
    g.truth = truth;
    g.sections = {s};
    b.guides = {g};
    b.directory.id = "directory";
    return b;
}

}  // namespace

TEST(Languages, EveryParagraphExtractsInOrder) {
    base::SourceMap sources;
    base::Sink sink;
    auto sheet = fixture::default_sheet(sources, sink);
    ASSERT_TRUE(sheet);
    text::FontSet fonts;
    for (const auto& l : kLanguages) {
        SCOPED_TRACE(l.lang);
        base::Sink s;
        model::Book book = book_in(l);
        typeset::PagedDoc doc = typeset::layout(book, *sheet, {}, fonts, s);
        for (const auto& d : s.all()) ADD_FAILURE() << d.message;  // no missing glyph, dictionary found
        pdf::PdfInfo info;
        info.title = book.meta.title;
        auto bytes = pdf::render(doc, info, s);
        ASSERT_TRUE(bytes);
        char tmpl[] = "/tmp/bb-lang-XXXXXX";
        int fd = mkstemp(tmpl);
        ASSERT_GE(fd, 0);
        ASSERT_EQ(write(fd, bytes->data(), bytes->size()), static_cast<ssize_t>(bytes->size()));
        close(fd);
        std::string check = run(std::string("qpdf --check ") + tmpl);
        EXPECT_NE(check.find("No syntax or stream encoding errors"), std::string::npos) << check;
        std::string text = normalise(run(std::string("pdftotext -enc UTF-8 ") + tmpl + " -"), true);
        unlink(tmpl);
        // The callout comes first in a guide, then the section: each
        // paragraph twice, in this order.
        size_t at = 0;
        for (int round = 0; round < 2; ++round)
            for (const char* p : l.paragraphs) {
                std::string want = normalise(p, false);
                size_t found = text.find(want, at);
                EXPECT_NE(found, std::string::npos) << "missing or out of order:\n" << want << "\nin:\n" << text;
                if (found != std::string::npos) at = found + want.size();
            }
    }
}

TEST(Languages, AWordIsHyphenatedWithTheBooksDictionary) {
    base::SourceMap sources;
    base::Sink sink;
    auto sheet = fixture::default_sheet(sources, sink);
    ASSERT_TRUE(sheet);
    text::FontSet fonts;
    model::Book book = book_in(kLanguages[0]);  // German: long compounds
    base::Sink s;
    typeset::PagedDoc doc = typeset::layout(book, *sheet, {}, fonts, s);
    size_t hyphens = 0;
    for (const auto& page : doc.pages)
        for (const auto& item : page.items)
            if (const auto* t = std::get_if<typeset::TextRun>(&item))
                if (t->role == typeset::Role::Body && t->text.size() > 3 && t->text.back() == '-' &&
                    t->text.find("Müller") == std::string::npos)
                    ++hyphens;
    EXPECT_GT(hyphens, 0u);
}

TEST(Languages, UnknownLanguageWarnsAndSetsWithoutHyphenation) {
    base::SourceMap sources;
    base::Sink sink;
    auto sheet = fixture::default_sheet(sources, sink);
    ASSERT_TRUE(sheet);
    text::FontSet fonts;
    model::Book book = book_in(kLanguages[0]);
    book.lang = "tlh";  // Klingon: no patterns installed
    base::Sink s;
    typeset::PagedDoc doc = typeset::layout(book, *sheet, {}, fonts, s);
    ASSERT_EQ(s.warning_count(), 1u);
    EXPECT_NE(s.all()[0].message.find("no hyphenation patterns for the book's language 'tlh'"), std::string::npos);
    EXPECT_FALSE(doc.pages.empty());
}

TEST(Languages, UncoveredCharacterIsAWarningNamingCodePointAndFonts) {
    base::SourceMap sources;
    base::Sink sink;
    auto sheet = fixture::default_sheet(sources, sink);
    ASSERT_TRUE(sheet);
    text::FontSet fonts;
    model::Book book = fixture::book(0, 0, 0);
    model::Guide g;
    g.id = "g";
    g.title = fixture::text("Title");
    model::Section s;
    s.anchor = "s";
    s.title = fixture::text("Section");
    model::Block p = fixture::para("A chess knight ♞ from the fallback font, and 中 from no font at all.");
    p.content[0].span = base::Span{0, 1234};
    s.blocks = {p};
    g.sections = {s};
    book.guides = {g};
    base::Sink diag;
    typeset::PagedDoc doc = typeset::layout(book, *sheet, {}, fonts, diag);
    ASSERT_EQ(diag.warning_count(), 1u);
    const auto& d = diag.all()[0];
    EXPECT_NE(d.message.find("U+4E2D"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("Charis SIL"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("DejaVu"), std::string::npos) << d.message;
    EXPECT_EQ(d.span.offset, 1234u);
    // The knight came from a fallback font, which is embedded.
    bool dejavu = false;
    for (const auto& f : doc.fonts) dejavu = dejavu || f.find("DejaVu") != std::string::npos;
    EXPECT_TRUE(dejavu);
}
