// Compiled hyphenation patterns: read back they are libhyphen's own automaton,
// state for state, and anything that is not exactly such a file is refused.
#include "text/pattern_cache.h"

#include <gtest/gtest.h>
#include <hyphen.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <unistd.h>

#include "base/atomic_file.h"
#include "text/hyphenate.h"

namespace bb::text {
namespace {

namespace fs = std::filesystem;

struct FreeDict {
    void operator()(HyphenDict* d) const {
        if (d) hnj_hyphen_free(d);
    }
};
using Dict = std::unique_ptr<HyphenDict, FreeDict>;

std::string en_us() {
    std::string path = hyphenation_dictionary("en-US");
    EXPECT_FALSE(path.empty()) << "hyphen-en-us is a required package";
    return path;
}

std::string text_of(const std::string& path) {
    std::string text;
    EXPECT_TRUE(base::read_file(path, text)) << path;
    return text;
}

// Hyphenation points of `word` as libhyphen finds them with `dict`.
std::string hyphens(HyphenDict* dict, const std::string& word) {
    std::vector<char> hy(word.size() + 5, 0);
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    hnj_hyphen_hyphenate3(dict, word.c_str(), static_cast<int>(word.size()), hy.data(), nullptr, &rep, &pos, &cut, 2,
                          3, 2, 3);
    if (rep) {
        for (size_t i = 0; i < word.size(); ++i) std::free(rep[i]);
        std::free(rep);
        std::free(pos);
        std::free(cut);
    }
    return std::string(hy.data(), word.size());
}

// A folder of its own for each test, as BOOKBUILD_CACHE_DIR; restored after.
class CacheFolder {
public:
    CacheFolder() {
        root_ = fs::temp_directory_path() /
                ("bb-pattern-cache-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(root_);
        if (const char* v = std::getenv("BOOKBUILD_CACHE_DIR")) saved_ = v;
        ::setenv("BOOKBUILD_CACHE_DIR", root_.c_str(), 1);
    }
    ~CacheFolder() {
        if (saved_) ::setenv("BOOKBUILD_CACHE_DIR", saved_->c_str(), 1);
        else ::unsetenv("BOOKBUILD_CACHE_DIR");
        fs::remove_all(root_);
    }
    std::vector<fs::path> files() const {
        std::vector<fs::path> out;
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(root_ / "hyphen", ec)) out.push_back(e.path());
        return out;
    }
    const fs::path& root() const { return root_; }

private:
    fs::path root_;
    std::optional<std::string> saved_;
};

TEST(PatternCache, CompiledPatternsAreLibhyphensOwn) {
    const std::string path = en_us();
    Dict loaded(hnj_hyphen_load(path.c_str()));
    ASSERT_TRUE(loaded);
    const std::string text = text_of(path);
    const PatternSource source = PatternSource::of(text);
    Dict read(read_compiled_patterns(compile_patterns(*loaded, source), source));
    ASSERT_TRUE(read);
    EXPECT_TRUE(same_patterns(*loaded, *read));
    EXPECT_EQ(compile_patterns(*read, source), compile_patterns(*loaded, source)) << "one automaton, one file";
    ASSERT_NE(read->nextlevel, nullptr) << "en_US has libhyphen's default first level and the file's patterns";
    EXPECT_GT(read->nextlevel->num_states, 10000);
    for (std::string word : {"hyphenation", "relationship", "accountability", "masculinity", "grandfather's",
                             "counterproductive", "Beyoncé", "naïveté", "x"})
        EXPECT_EQ(hyphens(read.get(), word), hyphens(loaded.get(), word)) << word;
}

TEST(PatternCache, EverySmallInstalledDictionaryRoundTrips) {
    // German (1 MB, seconds to load) is left to the end-to-end use.
    int checked = 0;
    for (const auto& e : fs::directory_iterator("/usr/share/hyphen")) {
        if (e.path().extension() != ".dic" || e.is_symlink() || fs::file_size(e.path()) > 200000) continue;
        Dict loaded(hnj_hyphen_load(e.path().c_str()));
        if (!loaded) continue;
        const PatternSource source = PatternSource::of(text_of(e.path()));
        Dict read(read_compiled_patterns(compile_patterns(*loaded, source), source));
        ASSERT_TRUE(read) << e.path();
        EXPECT_TRUE(same_patterns(*loaded, *read)) << e.path();
        ++checked;
    }
    EXPECT_GE(checked, 1);
}

TEST(PatternCache, SamePatternsSeesOneChangedState) {
    const std::string path = en_us();
    Dict a(hnj_hyphen_load(path.c_str())), b(hnj_hyphen_load(path.c_str()));
    ASSERT_TRUE(a && b);
    EXPECT_TRUE(same_patterns(*a, *b));
    HyphenState& s = b->nextlevel->states[100];
    ASSERT_GT(s.num_trans, 0);
    s.trans[0].new_state += 1;
    EXPECT_FALSE(same_patterns(*a, *b));
}

TEST(PatternCache, RefusesAnotherSourceAndAnyDamage) {
    const std::string path = en_us();
    Dict loaded(hnj_hyphen_load(path.c_str()));
    ASSERT_TRUE(loaded);
    const PatternSource source = PatternSource::of(text_of(path));
    const std::string good = compile_patterns(*loaded, source);
    ASSERT_TRUE(Dict(read_compiled_patterns(good, source)));

    PatternSource other = source;
    other.hash ^= 1;
    EXPECT_FALSE(Dict(read_compiled_patterns(good, other))) << "the dictionary changed since it was compiled";
    other = source;
    other.size += 1;
    EXPECT_FALSE(Dict(read_compiled_patterns(good, other)));

    for (size_t cut = 0; cut < good.size(); cut += 997)
        EXPECT_FALSE(Dict(read_compiled_patterns(std::string_view(good).substr(0, cut), source))) << "cut at " << cut;
    EXPECT_FALSE(Dict(read_compiled_patterns(good + "x", source)));
    for (size_t at = 0; at < good.size(); at += 4099) {
        std::string bad = good;
        bad[at] = static_cast<char>(bad[at] ^ 0x20);
        EXPECT_FALSE(Dict(read_compiled_patterns(bad, source))) << "byte " << at << " changed";
    }
}

// Files whose checksum is right but whose automaton would send libhyphen out
// of its arrays or round in circles.
TEST(PatternCache, RefusesAnAutomatonOutOfRange) {
    const std::string path = en_us();
    const PatternSource source = PatternSource::of(text_of(path));
    auto refused_after = [&](auto&& damage) {
        Dict d(hnj_hyphen_load(path.c_str()));
        damage(*d->nextlevel);
        return !Dict(read_compiled_patterns(compile_patterns(*d, source), source));
    };
    EXPECT_FALSE(refused_after([](HyphenDict&) {})) << "undamaged";
    EXPECT_TRUE(refused_after([](HyphenDict& d) { d.states[0].trans[0].new_state = d.num_states; }));
    EXPECT_TRUE(refused_after([](HyphenDict& d) { d.states[0].trans[0].new_state = -2; }));
    EXPECT_TRUE(refused_after([](HyphenDict& d) { d.states[5].fallback_state = d.num_states; }));
    EXPECT_TRUE(refused_after([](HyphenDict& d) { d.states[5].fallback_state = 5; }));  // a loop
    EXPECT_TRUE(refused_after([](HyphenDict& d) {
        for (int s = 1; s < d.num_states; ++s)
            if (d.states[s].match) {
                std::free(d.states[s].match);
                d.states[s].match = strdup("0000000000000000000000000000001");  // longer than its state
                return;
            }
    }));
    EXPECT_TRUE(refused_after([](HyphenDict& d) {
        for (int s = 1; s < d.num_states; ++s)
            if (d.states[s].match && *d.states[s].match) {
                d.states[s].match[0] = 'x';
                return;
            }
    }));
}

TEST(PatternCache, LoadWritesTheCompiledFileAndReadsItNextTime) {
    CacheFolder folder;
    const std::string path = en_us();
    Dict first(load_patterns(path));
    ASSERT_TRUE(first);
    const std::vector<fs::path> files = folder.files();
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(files[0].filename().string().rfind("hyph_en_US-", 0), 0u) << files[0];

    // A compiled file of another automaton, made for these exact bytes: the
    // next load must take it, proving that it reads the cache.
    Dict changed(hnj_hyphen_load(path.c_str()));
    changed->lhmin = 7;
    const PatternSource source = PatternSource::of(text_of(path));
    ASSERT_EQ(base::write_file_atomically(files[0].string(), compile_patterns(*changed, source)), "");
    Dict second(load_patterns(path));
    ASSERT_TRUE(second);
    EXPECT_EQ(second->lhmin, 7);

    // A damaged file is loaded again from the dictionary and rewritten.
    ASSERT_EQ(base::write_file_atomically(files[0].string(), "bookbuild hyphen patterns 1\ngarbage"), "");
    Dict third(load_patterns(path));
    ASSERT_TRUE(third);
    EXPECT_TRUE(same_patterns(*third, *first));
    std::string rewritten;
    ASSERT_TRUE(base::read_file(files[0].string(), rewritten));
    Dict fourth(read_compiled_patterns(rewritten, source));
    ASSERT_TRUE(fourth);
    EXPECT_TRUE(same_patterns(*fourth, *first));
}

TEST(PatternCache, OffOrUnwritableStillLoads) {
    CacheFolder folder;
    ::setenv("BOOKBUILD_CACHE_DIR", "off", 1);
    EXPECT_EQ(pattern_cache_folder(), "");
    Dict off(load_patterns(en_us()));
    EXPECT_TRUE(off);
    EXPECT_FALSE(fs::exists(folder.root()));

    // A file where the folder should be: nothing can be written under it.
    ::setenv("BOOKBUILD_CACHE_DIR", folder.root().c_str(), 1);
    ASSERT_EQ(base::write_file_atomically(folder.root().string(), "not a folder"), "");
    Dict unwritable(load_patterns(en_us()));
    ASSERT_TRUE(unwritable);
    EXPECT_TRUE(same_patterns(*unwritable, *off));
}

TEST(PatternCache, FolderFollowsTheEnvironment) {
    CacheFolder folder;
    ::setenv("BOOKBUILD_CACHE_DIR", "/somewhere", 1);
    EXPECT_EQ(pattern_cache_folder(), "/somewhere/hyphen");
    ::unsetenv("BOOKBUILD_CACHE_DIR");
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    const std::optional<std::string> saved_xdg = xdg ? std::optional<std::string>(xdg) : std::nullopt;
    ::setenv("XDG_CACHE_HOME", "/xdg", 1);
    EXPECT_EQ(pattern_cache_folder(), "/xdg/bookbuild/hyphen");
    ::setenv("XDG_CACHE_HOME", "relative", 1);  // the XDG spec: only absolute paths count
    const char* home = std::getenv("HOME");
    if (home && *home == '/') {
        EXPECT_EQ(pattern_cache_folder(), std::string(home) + "/.cache/bookbuild/hyphen");
    }
    if (saved_xdg) ::setenv("XDG_CACHE_HOME", saved_xdg->c_str(), 1);
    else ::unsetenv("XDG_CACHE_HOME");
}

TEST(PatternCache, MissingDictionaryIsNull) {
    CacheFolder folder;
    EXPECT_EQ(load_patterns("/nonexistent/hyph_xx.dic"), nullptr);
    EXPECT_TRUE(folder.files().empty());
}

}  // namespace
}  // namespace bb::text
