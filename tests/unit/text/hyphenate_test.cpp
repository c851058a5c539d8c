// Hyphenation with libhyphen and the Debian dictionaries.
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "text/hyphenate.h"

using namespace bb::text;

// libhyphen 2.8.8 leaks ~900 bytes when loading and freeing hyph_de_DE.dic
// (measured with a bare hnj_hyphen_load/hnj_hyphen_free under ASan): not
// ours, and once per dictionary. Keeps sanitizer builds of this test green.
extern "C" const char* __lsan_default_suppressions() { return "leak:libhyphen.so\n"; }

namespace {
const Hyphenator& en() { return hyphenator_for("en"); }
bool installed(const char* file) { return std::filesystem::exists(std::string("/usr/share/hyphen/") + file); }
}  // namespace

TEST(Hyphenate, English) {
    ASSERT_TRUE(en().available());
    EXPECT_EQ(en().charset(), "UTF-8");
    EXPECT_EQ(en().marked("hyphenation"), "hy-phen-ation");
    EXPECT_EQ(en().marked("typesetting"), "type-set-ting");
    EXPECT_EQ(en().marked("manuscript"), "man-u-script");
    EXPECT_EQ(en().points("hyphenation"), (std::vector<size_t>{2, 6}));
}

TEST(Hyphenate, CaseAndPunctuation) {
    // Capitals are lowercased for the patterns; offsets refer to the input.
    EXPECT_EQ(en().marked("Hyphenation"), "Hy-phen-ation");
    // Quotes and punctuation at the edges are stripped: “ is 3 bytes.
    EXPECT_EQ(en().marked("“hyphenation,”"), "“hy-phen-ation,”");
    EXPECT_EQ(en().marked("(typesetting)."), "(type-set-ting).");
    // Offsets are bytes, characters are counted as characters: "démodé".
    EXPECT_EQ(en().marked("démodé"), "dé-modé");
    // Possessive: the part before the apostrophe is hyphenated.
    EXPECT_EQ(en().marked("manuscript’s"), "man-u-script’s");
}

TEST(Hyphenate, Minimums) {
    // "table" is 5 letters: ta-ble would leave 3 after, 2 before: allowed.
    EXPECT_EQ(en().marked("table"), "ta-ble");
    // Four letters: below min_word 5.
    EXPECT_TRUE(en().points("into").empty());
    // Stricter limits: at least 3 before and 4 after the hyphen.
    Hyphenator strict("en", {5, 3, 4});
    for (size_t p : strict.points("hyphenation")) {
        EXPECT_GE(p, 3u);
        EXPECT_LE(p, std::string("hyphenation").size() - 4);
    }
    EXPECT_EQ(strict.marked("hyphenation"), "hyphen-ation");
    Hyphenator long_words("en", {12, 2, 3});
    EXPECT_TRUE(long_words.points("hyphenation").empty());  // 11 letters < 12
}

TEST(Hyphenate, NeverURLsNumbersOrHyphenatedWords) {
    EXPECT_TRUE(en().points("https://example.org/hyphenation").empty());
    EXPECT_TRUE(en().points("www.hyphenation.org").empty());
    EXPECT_TRUE(en().points("hyphenation@example.org").empty());
    EXPECT_TRUE(en().points("1234567890").empty());
    EXPECT_TRUE(en().points("hyphenation2").empty());
    EXPECT_TRUE(en().points("well-established").empty());
    EXPECT_TRUE(en().points("hy\u00ADphenation").empty());
    EXPECT_TRUE(en().points("").empty());
    EXPECT_TRUE(en().points("HYPHENATION").empty());  // all capitals: acronym or display
    EXPECT_EQ(en().marked("Hyphenation"), "Hy-phen-ation");
}

TEST(Hyphenate, OtherLanguagesViaIconv) {
    if (!installed("hyph_de_DE.dic")) GTEST_SKIP() << "hyphen-de not installed";
    const Hyphenator& de = hyphenator_for("de-DE");
    ASSERT_TRUE(de.available());
    EXPECT_EQ(de.charset(), "ISO-8859-1");
    EXPECT_EQ(de.marked("Schifffahrtsgesellschaft"), "Schiff-fahrts-ge-sell-schaft");
    EXPECT_EQ(de.marked("Größenordnung"), "Grö-ßen-ord-nung");
    if (installed("hyph_pl_PL.dic")) {
        EXPECT_EQ(hyphenator_for("pl").marked("przedsiębiorstwo"), "przed-się-bior-stwo");
    }
    if (installed("hyph_el_GR.dic")) {
        EXPECT_EQ(hyphenator_for("el").marked("πανεπιστήμιο"), "πα-νε-πι-στή-μιο");
    }
    if (installed("hyph_ru_RU.dic")) {
        const Hyphenator& ru = hyphenator_for("ru");
        EXPECT_EQ(ru.charset(), "KOI8-R");
        EXPECT_FALSE(ru.points("университет").empty());
        for (size_t p : ru.points("университет")) EXPECT_EQ(p % 2, 0u);  // on UTF-8 boundaries (2-byte letters)
    }
}

TEST(Hyphenate, DictionaryLookup) {
    EXPECT_EQ(hyphenation_dictionary("en"), "/usr/share/hyphen/hyph_en_US.dic");
    EXPECT_EQ(hyphenation_dictionary("en-US"), "/usr/share/hyphen/hyph_en_US.dic");
    EXPECT_EQ(hyphenation_dictionary("EN_us"), "/usr/share/hyphen/hyph_en_US.dic");
    EXPECT_EQ(hyphenation_dictionary("tlh"), "");  // Klingon: no patterns
    Hyphenator none("tlh");
    EXPECT_FALSE(none.available());
    EXPECT_TRUE(none.points("hyphenation").empty());
    Hyphenator nowhere("en", {}, "/nonexistent");
    EXPECT_FALSE(nowhere.available());
}

TEST(Hyphenate, SharedAcrossThreads) {
    const Hyphenator& h = en();
    std::vector<std::string> out(4);
    std::vector<std::thread> ts;
    for (int t = 0; t < 4; ++t)
        ts.emplace_back([&, t] {
            for (int k = 0; k < 200; ++k) out[t] = h.marked(k % 2 ? "typesetting" : "manuscript");
        });
    for (auto& t : ts) t.join();
    for (const auto& s : out) EXPECT_EQ(s, "type-set-ting");
}

TEST(Hyphenate, NewWordsFromManyThreadsAtOnceAsFromOne) {
    // Words no thread has seen, asked by four threads at once in different
    // orders (the patterns are read outside the memo's lock; a dictionary
    // in another charset converts under its own lock): the points are those
    // a single thread finds.
    const std::vector<std::string> stems = {"type", "set", "man", "u", "script", "ham", "bur", "ger", "pro",
                                            "gram", "re", "treat", "coach", "ing", "ful", "ness", "ation"};
    std::vector<std::string> words;
    for (size_t a = 0; a < stems.size(); ++a)
        for (size_t b = 0; b < stems.size(); ++b) words.push_back(stems[a] + stems[b] + stems[(a * b) % stems.size()]);
    std::vector<std::pair<const char*, std::vector<std::string>>> cases{{"en", words}};
    if (installed("hyph_el_GR.dic"))  // ISO-8859-7, and small (German's takes seconds to load)
        cases.push_back({"el", {"πανεπιστήμιο", "θάλασσα", "αρχιτεκτονική", "φιλοσοφία", "μαθηματικά",
                                "ελευθερία", "δημοκρατία"}});
    for (const auto& [lang, list] : cases) {
        Hyphenator alone(lang, {});
        ASSERT_TRUE(alone.available()) << lang;
        std::vector<std::string> expected;
        for (const auto& w : list) expected.push_back(alone.marked(w));
        Hyphenator shared(lang, {});
        std::vector<std::vector<std::string>> got(4, std::vector<std::string>(list.size()));
        std::vector<std::thread> ts;
        for (size_t t = 0; t < got.size(); ++t)
            ts.emplace_back([&, t] {
                for (size_t k = 0; k < list.size(); ++k) {
                    const size_t i = t % 2 ? list.size() - 1 - k : (k * 5 + t) % list.size();  // 5 is prime to both sizes (289, 7)
                    got[t][i] = shared.marked(list[i]);
                }
            });
        for (auto& t : ts) t.join();
        for (size_t t = 0; t < got.size(); ++t)
            for (size_t i = 0; i < list.size(); ++i)
                EXPECT_EQ(got[t][i], expected[i]) << lang << " thread " << t;
    }
}

TEST(Hyphenate, PatternsLoadedAheadServeEveryLaterHyphenator) {
    // Loaded ahead on another thread while Hyphenators of two limits are
    // made: they wait for the one load and hyphenate as without it.
    std::thread ahead([] { preload_patterns("en-GB"); });
    Hyphenator tight("en", {5, 2, 3}), loose("en", {4, 1, 2});
    ahead.join();
    preload_patterns("xx-unknown");  // no dictionary: nothing to load, no error
    ASSERT_TRUE(tight.available());
    EXPECT_EQ(tight.dictionary(), loose.dictionary());
    EXPECT_EQ(tight.marked("typesetting"), "type-set-ting");
    EXPECT_EQ(tight.marked("hyphenation"), en().marked("hyphenation"));
    EXPECT_FALSE(Hyphenator("xx-unknown").available());
}
