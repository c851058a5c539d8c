// The paragraph setter: items from styled runs, breaking, justified positions.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <random>
#include <sstream>

#include "base/utf8.h"
#include "text/paragraph.h"
#include "text/word_memo.h"

using namespace bb::text;

namespace {

const Font& font(const char* path) {
    static FontSet set;
    const Font* f = set.get(path);
    EXPECT_NE(f, nullptr) << path;
    return *f;
}
const Font& regular() { return font("/usr/share/fonts/truetype/charis/CharisSIL-Regular.ttf"); }
const Font& bold() { return font("/usr/share/fonts/truetype/charis/CharisSIL-Bold.ttf"); }
const Font& dejavu() { return font("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"); }

const char* kSample =
    "Attachment theory is the explanatory framework here. Men with avoidant attachment styles, formed in "
    "childhood in response to caregivers who were unavailable, rejecting, or unreliable, develop a "
    "characteristic response to emotional closeness: it begins to feel dangerous as it deepens. The early "
    "stages of a relationship are manageable because the stakes are low. As genuine attachment develops and "
    "the relationship becomes something the man could genuinely lose, the threat-detection system activates. "
    "The behavior that follows is automatic and largely unconscious. What interrupts it is a combination of "
    "the partner de-escalating their pursuit, which allows the man’s nervous system to regulate rather than "
    "flee; the man developing enough self-awareness to recognize what is happening; and therapeutic work on "
    "the underlying attachment wound that is driving the pattern. For the man, the relevant work is "
    "understanding the origin of the avoidance and developing a gradually expanding tolerance for closeness.";

std::vector<std::string> sample_words() {
    std::istringstream in(kSample);
    std::vector<std::string> w;
    for (std::string s; in >> s;) w.push_back(s);
    return w;
}

// A deterministic "random" paragraph of n words drawn from the sample.
std::string random_paragraph(size_t n, unsigned seed) {
    auto words = sample_words();
    std::mt19937 rng(seed);
    std::string out;
    for (size_t k = 0; k < n; ++k) {
        if (k) out += ' ';
        out += words[rng() % words.size()];
    }
    return out;
}

StyledRun run(std::string text, const Font& f = regular(), double size = 10) {
    StyledRun r;
    r.text = std::move(text);
    r.font = &f;
    r.size = size;
    return r;
}

ParagraphOptions options(double measure, bool justify = true) {
    ParagraphOptions o;
    o.measure = Measure(measure);
    o.justify = justify;
    o.hyphenator = &hyphenator_for("en");
    return o;
}

// The words of the set paragraph: fragments joined, hyphens of broken words
// removed, gaps between fragments turned into spaces.
std::string reassemble(const ParagraphResult& r) {
    std::string out;
    for (const auto& line : r.lines) {
        for (size_t i = 0; i < line.fragments.size(); ++i) {
            const Fragment& f = line.fragments[i];
            if (i > 0) {
                const Fragment& p = line.fragments[i - 1];
                if (f.x > p.x + p.width + 0.5) out += ' ';
            }
            std::string t = f.text;
            if (i + 1 == line.fragments.size() && line.hyphen_added) {
                EXPECT_EQ(t.back(), '-');
                t.pop_back();
            }
            out += t;
        }
        if (!line.breaks_word) out += ' ';
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string strip_soft_hyphens(std::string s) {
    for (size_t p; (p = s.find("\u00AD")) != std::string::npos;) s.erase(p, 2);
    return s;
}

// Every line of `got` placed as in `want`: widths, ratios, hyphens and each
// fragment's place, width, run and offset; with `drawn`, also what each
// fragment draws (text, font, size, kerns).
void expect_same_lines(const ParagraphResult& want, const ParagraphResult& got, bool drawn) {
    EXPECT_EQ(got.overfull, want.overfull);
    ASSERT_EQ(got.lines.size(), want.lines.size());
    for (size_t i = 0; i < want.lines.size(); ++i) {
        const ParagraphLine& a = want.lines[i];
        const ParagraphLine& b = got.lines[i];
        EXPECT_EQ(b.width, a.width);
        EXPECT_EQ(b.ratio, a.ratio);
        EXPECT_EQ(b.hyphenated, a.hyphenated);
        EXPECT_EQ(b.hyphen_added, a.hyphen_added);
        EXPECT_EQ(b.breaks_word, a.breaks_word);
        EXPECT_EQ(b.ascent, a.ascent);
        ASSERT_EQ(b.fragments.size(), a.fragments.size()) << "line " << i;
        for (size_t k = 0; k < a.fragments.size(); ++k) {
            const Fragment& fa = a.fragments[k];
            const Fragment& fb = b.fragments[k];
            EXPECT_EQ(fb.x, fa.x);
            EXPECT_EQ(fb.width, fa.width);
            EXPECT_EQ(fb.run, fa.run);
            EXPECT_EQ(fb.offset, fa.offset);
            EXPECT_EQ(fb.style, fa.style);
            if (!drawn) continue;
            EXPECT_EQ(fb.text, fa.text);
            EXPECT_EQ(fb.font, fa.font);
            EXPECT_EQ(fb.size, fa.size);
            EXPECT_EQ(fb.kerns, fa.kerns);
        }
    }
}

}  // namespace

TEST(Paragraph, NeverWiderThanTheMeasureAndFlushWhenJustified) {
    for (double measure : {140.0, 200.0, 260.0, 330.0, 420.0}) {
        for (unsigned seed : {1u, 2u, 3u}) {
            std::vector<StyledRun> runs{run(random_paragraph(400, seed))};
            ParagraphResult r = set_paragraph(runs, options(measure));
            ASSERT_GT(r.lines.size(), 5u);
            EXPECT_TRUE(r.overfull.empty()) << measure;
            size_t consecutive = 0, max_consecutive = 0;
            for (size_t i = 0; i < r.lines.size(); ++i) {
                const ParagraphLine& line = r.lines[i];
                ASSERT_FALSE(line.fragments.empty());
                EXPECT_LE(line.width, measure + 0.01) << "measure " << measure << " line " << i;
                if (i + 1 < r.lines.size()) {
                    // Justified: the last fragment's right edge is the measure.
                    EXPECT_NEAR(line.width, measure, 0.01) << "measure " << measure << " line " << i;
                }
                EXPECT_DOUBLE_EQ(line.fragments.front().x, 0);
                for (size_t k = 0; k < line.fragments.size(); ++k) {
                    const Fragment& f = line.fragments[k];
                    EXPECT_DOUBLE_EQ(f.width, f.font->width(f.text, f.size, true));
                    if (k) {
                        EXPECT_GE(f.x, line.fragments[k - 1].x + line.fragments[k - 1].width - 1e-9);
                    }
                }
                consecutive = line.hyphenated ? consecutive + 1 : 0;
                max_consecutive = std::max(max_consecutive, consecutive);
            }
            EXPECT_LE(max_consecutive, 2u) << "measure " << measure;
            // The last line is set with natural spaces.
            EXPECT_LT(r.lines.back().width, measure + 0.01);
            EXPECT_LE(r.lines.back().ratio, 0);
            // Nothing lost or duplicated.
            EXPECT_EQ(reassemble(r), runs[0].text) << "measure " << measure;
        }
    }
}

TEST(Paragraph, HyphenatedLinesEndWithAHyphen) {
    std::vector<StyledRun> runs{run(random_paragraph(300, 7))};
    ParagraphResult r = set_paragraph(runs, options(150));
    size_t added = 0;
    for (const auto& line : r.lines) {
        if (!line.hyphenated) continue;
        const std::string& t = line.fragments.back().text;
        EXPECT_EQ(t.back(), '-');
        added += line.hyphen_added;
    }
    EXPECT_GT(added, 0u);  // a narrow measure needs some hyphenation
    EXPECT_GE(r.pass, 2);  // the pass with hyphenation points
}

TEST(Paragraph, NoHyphenationWhenNotAskedFor) {
    std::vector<StyledRun> runs{run(random_paragraph(300, 7))};
    ParagraphOptions o = options(200);
    o.hyphenator = nullptr;
    ParagraphResult r = set_paragraph(runs, o);
    EXPECT_TRUE(r.overfull.empty());
    for (const auto& line : r.lines) {
        const std::string& t = line.fragments.back().text;
        // Only explicit hyphens ("threat-", "self-") may end a line.
        if (line.hyphenated) {
            EXPECT_EQ(t.back(), '-');
            EXPECT_NE(std::string(kSample).find(t), std::string::npos) << t;
        }
    }
}

TEST(Paragraph, RaggedRightKeepsNaturalSpaces) {
    std::vector<StyledRun> runs{run(random_paragraph(200, 4))};
    ParagraphResult r = set_paragraph(runs, options(220, false));
    double space = regular().width(" ", 10);
    size_t short_lines = 0;
    for (const auto& line : r.lines) {
        EXPECT_LE(line.width, 220.01);
        for (size_t k = 1; k < line.fragments.size(); ++k) {
            const Fragment& p = line.fragments[k - 1];
            double gap = line.fragments[k].x - (p.x + p.width);
            // Either a word space (natural width) or no gap (inside a word).
            EXPECT_TRUE(std::abs(gap - space) < 1e-9 || std::abs(gap) < 1e-9) << gap;
        }
        short_lines += line.width < 215;
    }
    EXPECT_GT(short_lines, 0u);  // really ragged
}

TEST(Paragraph, FirstIndentAndVaryingMeasure) {
    std::vector<StyledRun> runs{run(random_paragraph(120, 5))};
    ParagraphOptions o = options(250);
    o.first_indent = 15;
    o.measure = Measure(std::vector<double>{250, 200});
    ParagraphResult r = set_paragraph(runs, o);
    ASSERT_GT(r.lines.size(), 2u);
    EXPECT_DOUBLE_EQ(r.lines[0].fragments.front().x, 15);
    EXPECT_NEAR(r.lines[0].width, 250, 0.01);
    EXPECT_DOUBLE_EQ(r.lines[0].measure, 250);
    for (size_t i = 1; i + 1 < r.lines.size(); ++i) {
        EXPECT_NEAR(r.lines[i].width, 200, 0.01);
        EXPECT_DOUBLE_EQ(r.lines[i].measure, 200);
    }
}

TEST(Paragraph, StyledRunsAndKerning) {
    // A bold word in the middle; DejaVu kerns "AV" and "To".
    std::vector<StyledRun> runs{run("To AVOID the "), run("bold", bold()), run("ness of it all.")};
    runs[1].bold = true;
    runs[1].style = 7;
    ParagraphResult r = set_paragraph(runs, options(1000));
    ASSERT_EQ(r.lines.size(), 1u);
    const auto& f = r.lines[0].fragments;
    // To | AVOID | the | bold | ness | of | it | all.
    ASSERT_EQ(f.size(), 8u);
    EXPECT_EQ(f[3].text, "bold");
    EXPECT_TRUE(f[3].bold);
    EXPECT_EQ(f[3].style, 7);
    EXPECT_EQ(f[3].run, 1u);
    EXPECT_EQ(f[4].text, "ness");
    EXPECT_EQ(f[4].run, 2u);
    EXPECT_EQ(f[4].offset, 0u);
    EXPECT_DOUBLE_EQ(f[4].x, f[3].x + f[3].width);  // no gap inside "boldness"
    EXPECT_EQ(f[1].offset, 3u);

    std::vector<StyledRun> dv{run("AVATAR To", dejavu())};
    ParagraphResult k = set_paragraph(dv, options(1000));
    const auto& g = k.lines[0].fragments;
    ASSERT_EQ(g.size(), 2u);
    EXPECT_TRUE(g[0].kerned);
    EXPECT_LT(g[0].width, dejavu().width("AVATAR", 10, false));  // kerning tightens it
    ParagraphOptions nokern = options(1000);
    nokern.kerning = false;
    ParagraphResult n = set_paragraph(dv, nokern);
    EXPECT_DOUBLE_EQ(n.lines[0].fragments[0].width, dejavu().width("AVATAR", 10, false));
}

TEST(Paragraph, KerningAcrossAHyphenationPointIsExact) {
    // DejaVu kerns "AV", "Av", "WA", "TY": hyphenated, these words still set
    // flush lines (each fragment's width is the font's width of its text,
    // checked in place(); a kerning error would show as a ragged edge).
    // Lines of a single word have no glue to stretch and are skipped.
    std::string text;
    for (int k = 0; k < 60; ++k) text += "AVAILABLE TYPEWRITER WAVY Available Typewriter ";
    text.pop_back();
    std::vector<StyledRun> dv{run(text, dejavu())};
    size_t hyphenated = 0;
    for (double m : {110.0, 150.0, 190.0, 230.0}) {
        ParagraphResult r = set_paragraph(dv, options(m));
        EXPECT_TRUE(r.overfull.empty());
        for (size_t i = 0; i + 1 < r.lines.size(); ++i) {
            const auto& line = r.lines[i];
            hyphenated += line.hyphen_added;
            for (const auto& f : line.fragments) EXPECT_DOUBLE_EQ(f.width, dejavu().width(f.text, 10, true));
            if (line.fragments.size() > 1) {
                EXPECT_NEAR(line.width, m, 0.01) << m << " " << i;
            }
        }
    }
    EXPECT_GT(hyphenated, 0u);
}

TEST(Paragraph, FragmentsCarryTheKerningTheyWereMeasuredWith) {
    // Fragment::kerns is what the drawing uses instead of asking the font
    // again: for every fragment (whole words, words hyphenated with an added
    // "-", a soft hyphen dropped), exactly the non-zero Font::kern pairs of
    // its text, by code point index.
    // DejaVu Sans kerns "ft", "ro", "ke", "rm" across these words'
    // hyphenation points (af-ter, Car-olina, Week-end, for-mat), so a
    // fragment that keeps such a word whole has a pair at the junction of
    // its two measured segments, and a broken one ends at the added hyphen.
    const Font& sans = font("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    std::string text;
    for (int k = 0; k < 40; ++k)
        text += "after Carolina Weekend format dangerous AVAILABLE Ta\u00ADble “AV” kerfuffle ";
    std::vector<StyledRun> dv{run(text, sans)};
    size_t pairs = 0;
    for (double m : {90.0, 110.0, 190.0}) {
        ParagraphResult r = set_paragraph(dv, options(m));
        for (const auto& line : r.lines)
            for (const auto& f : line.fragments) {
                std::vector<std::pair<uint32_t, int>> expected;
                uint32_t index = 0;
                char32_t prev = 0;
                for (size_t i = 0; i < f.text.size(); ++index) {
                    char32_t cp = bb::base::next_code_point(f.text, i);
                    if (index > 0)
                        if (int k = sans.kern(prev, cp)) expected.emplace_back(index - 1, k);
                    prev = cp;
                }
                EXPECT_EQ(f.kerns, expected) << f.text;
                pairs += expected.size();
            }
    }
    EXPECT_GT(pairs, 100u);
}

TEST(Paragraph, SoftHyphenNbspAndForcedBreak) {
    // SHY is never drawn; NBSP never breaks; \n forces a break.
    std::vector<StyledRun> runs{run("extra\u00ADordinary 100\u00A0km and more\nnext line")};
    ParagraphResult r = set_paragraph(runs, options(1000));
    ASSERT_EQ(r.lines.size(), 2u);
    const auto& f = r.lines[0].fragments;
    EXPECT_EQ(f[0].text, "extraordinary");
    EXPECT_EQ(f[1].text, "100");
    EXPECT_EQ(f[2].text, "km");
    EXPECT_NEAR(f[2].x - (f[1].x + f[1].width), regular().width("\u00A0", 10), 1e-9);
    EXPECT_LT(r.lines[0].width, 1000);  // the line before \n is not justified
    EXPECT_EQ(r.lines[1].fragments[0].text, "next");
    EXPECT_EQ(strip_soft_hyphens(reassemble(r)), "extraordinary 100 km and more next line");

    // At a narrow measure the soft hyphen is used, with a visible hyphen.
    std::vector<StyledRun> narrow{run("an extra\u00ADordinary thing")};
    ParagraphOptions o = options(regular().width("an extra-", 10) + 1);
    o.hyphenator = nullptr;
    ParagraphResult s = set_paragraph(narrow, o);
    ASSERT_GE(s.lines.size(), 2u);
    EXPECT_EQ(s.lines[0].fragments.back().text, "extra-");
    EXPECT_TRUE(s.lines[0].hyphenated);
    // "100 km" never splits even when "aaaa 100" would fill the line.
    std::vector<StyledRun> nb{run("aaaa 100\u00A0km")};
    ParagraphResult t = set_paragraph(nb, options(regular().width("aaaa 100", 10) + 0.5));
    ASSERT_EQ(t.lines.size(), 2u);
    ASSERT_EQ(t.lines[1].fragments.size(), 2u);
    EXPECT_EQ(t.lines[1].fragments[0].text, "100");
    EXPECT_EQ(t.lines[1].fragments[1].text, "km");
}

TEST(Paragraph, LongURLBreaksAfterSlashesNotOverfull) {
    std::vector<StyledRun> runs{
        run("Find it at https://www.example.org/directory/mens-groups/attachment-and-relationships/index.html "
            "where the list is kept.")};
    ParagraphResult r = set_paragraph(runs, options(150));
    EXPECT_TRUE(r.overfull.empty());
    for (const auto& line : r.lines) {
        EXPECT_LE(line.width, 150.01);
        const std::string& last = line.fragments.back().text;
        char c = last.back();
        // URL lines end after a separator (or at a normal word end).
        if (line.breaks_word) {
            EXPECT_TRUE(c == '/' || c == '.' || c == '-') << last;
        }
    }
    EXPECT_EQ(reassemble(r), runs[0].text);
}

// A URL is never hyphenated (a hyphen in it would be read as part of the
// address); the words around it are. Several measures, so some line ends
// fall inside the URL's long letter runs.
TEST(Paragraph, URLsAreNotHyphenatedButTheirNeighboursAre) {
    const std::string url = "https://example.org/understanding/relationships/responsibilities";
    std::vector<StyledRun> runs{run("Responsibilities and relationships: " + url +
                                    " understanding responsibilities relationships understanding.")};
    bool neighbour_hyphenated = false;
    for (double measure = 60; measure <= 160; measure += 4) {
        ParagraphResult r = set_paragraph(runs, options(measure));
        for (const auto& line : r.lines) {
            if (!line.hyphen_added) continue;
            const std::string& last = line.fragments.back().text;
            EXPECT_EQ(last.find("://"), std::string::npos) << measure << ": " << last;
            EXPECT_EQ(last.find(".org"), std::string::npos) << measure << ": " << last;
            EXPECT_EQ(last.find('/'), std::string::npos) << measure << ": " << last;
            neighbour_hyphenated = true;
        }
        EXPECT_EQ(reassemble(r), runs[0].text) << measure;
    }
    EXPECT_TRUE(neighbour_hyphenated);
}

TEST(Paragraph, UnbreakableHashUsesEmergencyBreaks) {
    std::string hash = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    std::vector<StyledRun> runs{run("Checksum " + hash + " verified.")};
    ParagraphResult r = set_paragraph(runs, options(120));
    EXPECT_TRUE(r.overfull.empty());
    EXPECT_EQ(r.pass, 5);
    for (const auto& line : r.lines) EXPECT_LE(line.width, 120.01);
    EXPECT_EQ(reassemble(r).find("Checksum"), 0u);
}

TEST(Paragraph, SingleGlyphWiderThanMeasureIsReported) {
    std::vector<StyledRun> runs{run("a W b", regular(), 100)};
    ParagraphResult r = set_paragraph(runs, options(50));
    ASSERT_FALSE(r.overfull.empty());
    EXPECT_TRUE(r.lines[r.overfull[0]].overfull);
}

TEST(Paragraph, MissingGlyphsAndFallback) {
    StyledRun r1 = run("box ☐ and 中 here");
    ParagraphResult a = set_paragraph(std::vector<StyledRun>{r1}, options(500));
    ASSERT_EQ(a.missing.size(), 2u);
    EXPECT_EQ(a.missing[0].cp, 0x2610u);
    EXPECT_EQ(a.missing[0].offset, 4u);
    r1.fallbacks = {&font("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")};
    ParagraphResult b = set_paragraph(std::vector<StyledRun>{r1}, options(500));
    ASSERT_EQ(b.missing.size(), 1u);  // DejaVu Sans has ☐ but not 中
    EXPECT_EQ(b.missing[0].cp, 0x4E2Du);
    bool fallback_used = false;
    for (const auto& f : b.lines[0].fragments) fallback_used |= f.text == "☐" && f.font == r1.fallbacks[0];
    EXPECT_TRUE(fallback_used);
}

TEST(Paragraph, SpacedDashNeverStartsALine) {
    std::string text;
    for (int k = 0; k < 40; ++k) text += "the nervous system sounds the alarm — and distance reduces it – mostly. ";
    text.pop_back();
    std::vector<StyledRun> runs{run(text)};
    size_t dash_ends = 0;
    for (double m : {120.0, 150.0, 180.0, 210.0, 240.0}) {
        ParagraphResult r = set_paragraph(runs, options(m));
        for (const auto& line : r.lines) {
            EXPECT_NE(line.fragments.front().text, "—") << m;
            EXPECT_NE(line.fragments.front().text, "–") << m;
            dash_ends += line.fragments.back().text == "—" || line.fragments.back().text == "–";
        }
        EXPECT_TRUE(r.overfull.empty());
    }
    EXPECT_GT(dash_ends, 0u);  // lines still break after a dash
}

TEST(Paragraph, EmptyInput) {
    EXPECT_TRUE(set_paragraph({}, options(100)).lines.empty());
    EXPECT_TRUE(set_paragraph(std::vector<StyledRun>{run("   ")}, options(100)).lines.empty());
}

TEST(Paragraph, Deterministic) {
    std::vector<StyledRun> runs{run(random_paragraph(300, 9))};
    ParagraphResult a = set_paragraph(runs, options(210));
    ParagraphResult b = set_paragraph(runs, options(210));
    ASSERT_EQ(a.lines.size(), b.lines.size());
    for (size_t i = 0; i < a.lines.size(); ++i) {
        ASSERT_EQ(a.lines[i].fragments.size(), b.lines[i].fragments.size());
        for (size_t k = 0; k < a.lines[i].fragments.size(); ++k) {
            EXPECT_EQ(a.lines[i].fragments[k].text, b.lines[i].fragments[k].text);
            EXPECT_EQ(a.lines[i].fragments[k].x, b.lines[i].fragments[k].x);
        }
    }
}

TEST(Paragraph, RandomInputKeepsInvariants) {
    // Pieces that exercise every path: SHY, NBSP, narrow NBSP, forced
    // breaks, ZWSP, combining marks, CJK and emoji (missing), URLs, dashes,
    // digits, long words, leading/trailing/multiple spaces.
    const char* pieces[] = {"word",   "hyphenation", " ",     "  ",          "\u00AD", "\u00A0", "\u202F",
                            "\n",     "\u200B",      "e\u0301", "中",         "😀",      "—",      "–",
                            "well-known", "https://example.org/a/b?c=d", "1234", "Łódź", "Ωμέγα",
                            "Жизнь", "AVATAR", "“quoted”", "supercalifragilisticexpialidocious", "\t"};
    std::mt19937 rng(2024);
    for (int trial = 0; trial < 200; ++trial) {
        std::vector<StyledRun> runs;
        int nruns = 1 + static_cast<int>(rng() % 3);
        for (int r = 0; r < nruns; ++r) {
            std::string t;
            int n = static_cast<int>(rng() % 40);
            for (int k = 0; k < n; ++k) t += pieces[rng() % (sizeof pieces / sizeof pieces[0])];
            runs.push_back(run(t, r % 2 ? bold() : regular(), 8 + rng() % 5));
        }
        double m = 40 + rng() % 300;
        ParagraphOptions o = options(m, rng() % 2 == 0);
        o.first_indent = rng() % 2 ? 12 : 0;
        ParagraphResult res = set_paragraph(runs, o);
        for (size_t i = 0; i < res.lines.size(); ++i) {
            const auto& line = res.lines[i];
            bool listed = std::find(res.overfull.begin(), res.overfull.end(), i) != res.overfull.end();
            EXPECT_EQ(line.overfull, listed);
            if (!line.overfull) {
                EXPECT_LE(line.width, m + 0.01) << "trial " << trial << " line " << i;
            }
            for (const auto& f : line.fragments) {
                EXPECT_FALSE(f.text.empty());
                EXPECT_EQ(f.text.find("\u00AD"), std::string::npos);  // SHY never drawn
                EXPECT_EQ(f.text.find(' '), std::string::npos);
                EXPECT_LT(f.run, runs.size());
                EXPECT_LE(f.offset, runs[f.run].text.size());
            }
        }
        // Overfull only when one unbreakable piece is too wide: with the
        // emergency breaks nothing here can be, except a glyph wider than
        // the measure (impossible at these sizes).
        EXPECT_TRUE(res.overfull.empty()) << "trial " << trial;
        if (!res.overfull.empty() && getenv("BB_DEBUG")) {
            for (const auto& r : runs) {
                std::printf("run %s %g \"", r.font == &bold() ? "bold" : "regular", r.size);
                for (unsigned char c : r.text) std::printf("\\x%02x", c);
                std::printf("\"\n");
            }
            std::printf("measure %g indent %g\n", m, o.first_indent);
            for (size_t i : res.overfull) {
                for (const auto& f : res.lines[i].fragments) std::printf("<%s>", f.text.c_str());
                std::printf(" width %g\n", res.lines[i].width);
            }
        }
    }
}

TEST(Paragraph, LinesOnlyBreaksAndPlacesAsTheFullSetting) {
    // Random mixes like those above, in DejaVu (which kerns "AV", "WA",
    // "TY") and Charis: every line, fragment place, width, source and
    // hyphen the same, only without text and kerns.
    const char* pieces[] = {"word", "hyphenation", " ", "\u00AD", "\u00A0", "\n", "e\u0301", "中", "—",
                            "well-known", "https://example.org/a/b?c=d", "AVATAR", "“quoted”", "TYPEWRITER",
                            "WAVY", "Available", "supercalifragilisticexpialidocious"};
    std::mt19937 rng(77);
    for (int trial = 0; trial < 100; ++trial) {
        std::vector<StyledRun> runs;
        for (int r = 0, nruns = 1 + static_cast<int>(rng() % 3); r < nruns; ++r) {
            std::string t;
            for (int k = 0, n = static_cast<int>(rng() % 40); k < n; ++k) t += pieces[rng() % std::size(pieces)];
            runs.push_back(run(t, r % 2 ? bold() : dejavu(), 8 + rng() % 5));
        }
        ParagraphOptions o = options(40 + rng() % 300, rng() % 2 == 0);
        ParagraphResult full = set_paragraph(runs, o);
        o.lines_only = true;
        ParagraphResult lines = set_paragraph(runs, o);
        SCOPED_TRACE(testing::Message() << "trial " << trial);
        EXPECT_EQ(lines.missing.size(), full.missing.size());
        expect_same_lines(full, lines, false);
        for (const ParagraphLine& line : lines.lines)
            for (const Fragment& f : line.fragments) {
                EXPECT_TRUE(f.text.empty());
                EXPECT_TRUE(f.kerns.empty());
            }
    }
}

TEST(Paragraph, WordsFromTheMemoSetAsWordsSetAfresh) {
    // The same random mixes set with the word memo (twice: the second time
    // every word kept is found) and without it: every line, fragment, kern,
    // offset and flag the same. Each trial's words come in two sizes and
    // two faces, so a memo answering for the wrong setting shows.
    const char* pieces[] = {"word",   "hyphenation", " ",        "  ",     "\u00AD",     "\u00A0",
                            "\u202F", "\n",          "\u200B",   "e\u0301", "中",          "—",
                            "well-known", "https://example.org/a/b?c=d", "1234", "Łódź", "AVATAR",
                            "“quoted”", "TYPEWRITER", "WAVY", "Available", "supercalifragilisticexpialidocious",
                            "\t",     "(Vowel)",     "To",       "Wave.",  "AV"};
    std::mt19937 rng(4321);
    WordMemos words;
    for (int trial = 0; trial < 150; ++trial) {
        std::vector<StyledRun> runs;
        for (int r = 0, nruns = 1 + static_cast<int>(rng() % 3); r < nruns; ++r) {
            std::string t;
            for (int k = 0, n = static_cast<int>(rng() % 40); k < n; ++k) t += pieces[rng() % std::size(pieces)];
            runs.push_back(run(t, rng() % 2 ? bold() : dejavu(), rng() % 2 ? 9 : 10.5));
            runs.back().source = static_cast<size_t>(r);
        }
        ParagraphOptions o = options(40 + rng() % 300, rng() % 2 == 0);
        o.lines_only = trial % 3 == 0;
        o.kerning = trial % 5 != 0;
        if (trial % 7 == 0) o.hyphenator = nullptr;
        const ParagraphResult fresh = set_paragraph(runs, o);
        o.words = &words;
        for (int time = 0; time < 2; ++time) {
            const ParagraphResult memo = set_paragraph(runs, o);
            SCOPED_TRACE(testing::Message() << "trial " << trial << " time " << time);
            EXPECT_EQ(memo.pass, fresh.pass);
            expect_same_lines(fresh, memo, true);
        }
    }
}
