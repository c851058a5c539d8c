#include "text/hyphenate.h"

#include <atomic>

#include <hyphen.h>
#include <iconv.h>
#include <locale.h>
#include <wctype.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <map>

#include "base/utf8.h"
#include "text/pattern_cache.h"

namespace bb::text {

namespace {

// Case mapping and letter tests need Unicode tables; glibc's C.UTF-8 locale
// has them (Latin, Greek, Cyrillic), and a locale_t keeps this thread-safe
// without touching the process locale.
locale_t utf8_locale() {
    static locale_t loc = [] {
        locale_t l = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
        if (!l) l = newlocale(LC_CTYPE_MASK, "en_US.UTF-8", static_cast<locale_t>(0));
        return l;
    }();
    return loc;
}

bool is_letter(char32_t cp) {
    if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    locale_t loc = utf8_locale();
    if (loc) return iswalpha_l(static_cast<wint_t>(cp), loc);
    // Without the locale: Latin-1/Extended, Greek, Cyrillic letters.
    return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x370 && cp <= 0x52F) ||
           (cp >= 0x1E00 && cp <= 0x1FFF);
}

char32_t to_lower(char32_t cp) {
    if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    locale_t loc = utf8_locale();
    return loc ? static_cast<char32_t>(towlower_l(static_cast<wint_t>(cp), loc)) : cp;
}

bool is_apostrophe(char32_t cp) {
    return cp == '\'' || cp == 0x2019;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return out;
}

// iconv names for the charset lines Debian's dictionaries use.
std::string iconv_name(const std::string& cset) {
    std::string c = cset;
    while (!c.empty() && (c.back() == '\r' || c.back() == ' ')) c.pop_back();
    if (c.rfind("ISO8859-", 0) == 0) return "ISO-8859-" + c.substr(8);
    if (c == "microsoft-cp1251") return "CP1251";
    return c;
}

}  // namespace

std::string hyphenation_dictionary(std::string_view lang, const std::string& dir) {
    namespace fs = std::filesystem;
    std::string tag(lang);
    std::replace(tag.begin(), tag.end(), '-', '_');
    std::string language = lower_ascii(tag.substr(0, tag.find('_')));
    if (language.empty()) return {};
    std::string region;
    // The region is the last subtag of length 2 (skips scripts like "Latn").
    for (size_t p = tag.find('_'); p != std::string::npos;) {
        size_t q = tag.find('_', p + 1);
        std::string sub = tag.substr(p + 1, q == std::string::npos ? std::string::npos : q - p - 1);
        if (sub.size() == 2) {
            region = sub;
            for (char& c : region) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
        p = q;
    }
    static const std::map<std::string, std::string> usual = {
        {"en", "US"}, {"de", "DE"}, {"fr", "FR"}, {"pl", "PL"}, {"ru", "RU"}, {"el", "GR"}, {"it", "IT"},
        {"es", "ES"}, {"pt", "PT"}, {"nl", "NL"}, {"sv", "SE"}, {"da", "DK"}, {"nb", "NO"}, {"nn", "NO"},
        {"cs", "CZ"}, {"sk", "SK"}, {"hu", "HU"}, {"uk", "UA"}, {"ro", "RO"}, {"hr", "HR"}, {"sl", "SI"},
        {"lt", "LT"}, {"lv", "LV"}, {"ca", "ES"}, {"gl", "ES"}, {"fi", "FI"}, {"et", "EE"}, {"bg", "BG"},
        {"sr", "RS"}, {"be", "BY"}, {"is", "IS"}, {"ga", "IE"}, {"af", "ZA"}, {"id", "ID"}, {"te", "IN"}};
    std::vector<std::string> names;
    if (!region.empty()) names.push_back("hyph_" + language + "_" + region + ".dic");
    if (auto it = usual.find(language); it != usual.end())
        names.push_back("hyph_" + language + "_" + it->second + ".dic");
    names.push_back("hyph_" + language + ".dic");
    std::error_code ec;
    for (const auto& n : names)
        if (fs::is_regular_file(fs::path(dir) / n, ec)) return (fs::path(dir) / n).string();
    // Any other region of the language, first in name order (deterministic).
    std::vector<std::string> found;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        std::string n = e.path().filename().string();
        if (n.rfind("hyph_" + language + "_", 0) == 0 && n.size() > 4 && n.substr(n.size() - 4) == ".dic")
            found.push_back(e.path().string());
    }
    std::sort(found.begin(), found.end());
    return found.empty() ? std::string() : found.front();
}

namespace {

/// A dictionary file's patterns, loaded once for the process: every
/// Hyphenator that reads the file (any tag, any limits) shares them, and a
/// caller may start the loading ahead (preload_patterns). Freed at exit.
struct Patterns {
    std::once_flag once;
    HyphenDict* dict = nullptr;  ///< null when libhyphen cannot read the file
    ~Patterns() {
        if (dict) hnj_hyphen_free(dict);
    }
};

/// The patterns of `file` (a path hyphenation_dictionary found), loading
/// them on first use; a thread asking while another loads them waits.
HyphenDict* patterns_of(const std::string& file) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<Patterns>> loaded;
    std::error_code ec;
    std::string key = std::filesystem::canonical(file, ec).string();
    if (ec) key = file;
    Patterns* p;
    {
        std::lock_guard<std::mutex> lock(mutex);
        std::unique_ptr<Patterns>& slot = loaded[key];
        if (!slot) slot = std::make_unique<Patterns>();
        p = slot.get();
    }
    std::call_once(p->once, [&] { p->dict = load_patterns(file); });
    return p->dict;
}

}  // namespace

void preload_patterns(std::string_view lang) {
    if (lang.empty()) return;  // book.xml unreadable: load() will say why
    const std::string file = hyphenation_dictionary(lang);
    if (!file.empty()) patterns_of(file);
}

struct Hyphenator::Impl {
    std::mutex mutex;        ///< the memo
    std::mutex iconv_mutex;  ///< to_dict keeps a conversion state
    iconv_t to_dict = reinterpret_cast<iconv_t>(-1);
    bool utf8 = true;
    /// Looked up by string_view (no key copy for a word seen before).
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::vector<size_t>, Hash, std::equal_to<>> memo;
};

Hyphenator::Hyphenator(std::string_view lang, HyphenationLimits limits, const std::string& dir)
    : lang_(lang), limits_(limits), impl_(std::make_unique<Impl>()) {
    static std::atomic<uint64_t> ids{0};
    id_ = ++ids;
    path_ = hyphenation_dictionary(lang, dir);
    if (path_.empty()) return;
    HyphenDict* d = patterns_of(path_);
    if (!d) {
        path_.clear();
        return;
    }
    charset_ = iconv_name(d->cset);
    impl_->utf8 = charset_ == "UTF-8" || charset_ == "utf-8";
    if (!impl_->utf8) {
        impl_->to_dict = iconv_open(charset_.c_str(), "UTF-8");
        if (impl_->to_dict == reinterpret_cast<iconv_t>(-1)) {  // unknown charset: unusable
            path_.clear();
            return;
        }
    }
    dict_ = d;
}

Hyphenator::~Hyphenator() {
    if (impl_ && impl_->to_dict != reinterpret_cast<iconv_t>(-1)) iconv_close(impl_->to_dict);
}

namespace {

/// One thread's memo of one Hyphenator: open addressing over a power-of-two
/// table (a node-based map's prime modulo and pointer chases were most of
/// the look-up, about 4 % of a big build), the points themselves in a deque
/// so the references handed out stay valid as the table grows.
class PointsMemo {
public:
    const std::vector<size_t>* find(std::string_view word, size_t hash) const {
        if (slots_.empty()) return nullptr;
        for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
            const Slot& s = slots_[i];
            if (s.points == kEmpty) return nullptr;
            if (s.hash == hash && s.word == word) return &points_[s.points];
        }
    }
    const std::vector<size_t>& add(std::string_view word, size_t hash, std::vector<size_t> points) {
        if ((count_ + 1) * 2 > slots_.size()) grow();
        points_.push_back(std::move(points));
        place(Slot{hash, std::string(word), static_cast<uint32_t>(points_.size() - 1)});
        ++count_;
        return points_.back();
    }

private:
    static constexpr uint32_t kEmpty = UINT32_MAX;
    struct Slot {
        size_t hash = 0;
        std::string word;
        uint32_t points = kEmpty;  ///< index into points_
    };
    void place(Slot&& slot) {
        size_t i = slot.hash & mask_;
        while (slots_[i].points != kEmpty) i = (i + 1) & mask_;
        slots_[i] = std::move(slot);
    }
    void grow() {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
        mask_ = slots_.size() - 1;
        for (Slot& s : old)
            if (s.points != kEmpty) place(std::move(s));
    }
    std::vector<Slot> slots_;
    size_t mask_ = 0, count_ = 0;
    std::deque<std::vector<size_t>> points_;
};

}  // namespace

const std::vector<size_t>& Hyphenator::points(std::string_view word) const {
    static const std::vector<size_t> kNone;
    if (!dict_ || word.empty()) return kNone;
    // Fewer bytes than min_word means fewer characters: no point to find,
    // and most words of a text are that short (no lock, no look-up).
    if (word.size() < static_cast<size_t>(std::max(limits_.min_word, 1))) return kNone;
    // This thread's memo first: no lock (two layout threads asking the
    // shared memo for every word spent a few per cent of a big build
    // waiting for each other). Keyed by the hyphenator's id, never reused.
    thread_local std::unordered_map<uint64_t, PointsMemo> own;
    thread_local uint64_t last_id = 0;
    thread_local PointsMemo* last = nullptr;
    if (last_id != id_ || !last) {
        last = &own[id_];
        last_id = id_;
    }
    const size_t hash = std::hash<std::string_view>{}(word);
    if (const std::vector<size_t>* known = last->find(word, hash)) return *known;
    return last->add(word, hash, shared_points(word));
}

std::vector<size_t> Hyphenator::shared_points(std::string_view word) const {
    {
        std::lock_guard<std::mutex> lock(impl_->mutex);
        if (auto it = impl_->memo.find(word); it != impl_->memo.end()) return it->second;
    }
    // Computed outside the lock: at the start of a book every word is new,
    // and two layout threads waiting on each other's words set chapters one
    // at a time. Both may compute a word at once; they find the same points.
    std::vector<size_t> result = compute_points(word);
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->memo.emplace(std::string(word), result);
    return result;
}

std::vector<size_t> Hyphenator::compute_points(std::string_view word) const {
    // Decode with offsets; offsets has one extra entry: the end.
    std::vector<char32_t> cps;
    std::vector<size_t> offsets;
    for (size_t i = 0; i < word.size();) {
        offsets.push_back(i);
        cps.push_back(base::next_code_point(word, i));
    }
    offsets.push_back(word.size());

    std::vector<size_t> result;
    // Never hyphenate numbers, URLs, addresses, or words that already break.
    if (word.find("://") != std::string_view::npos || word.find("www.") != std::string_view::npos) return result;
    for (char32_t cp : cps)
        if ((cp >= '0' && cp <= '9') || cp == '@' || cp == '/' || cp == '-' || cp == 0xAD || cp == 0x2010 ||
            cp == 0x2011 || cp == '_' || cp == '\\')
            return result;

    size_t first = 0, last = cps.size();  // letters-only core [first, last)
    while (first < last && !is_letter(cps[first])) ++first;
    while (last > first && !is_letter(cps[last - 1])) --last;
    size_t upper = 0, lower = 0;
    for (size_t k = first; k < last; ++k) {
        if (!is_letter(cps[k]) && !is_apostrophe(cps[k])) return result;
        if (is_letter(cps[k])) (to_lower(cps[k]) == cps[k] ? lower : upper)++;
    }
    // All capitals: an acronym or a display word (NASA, AVATAR); leave whole.
    if (upper >= 2 && lower == 0) return result;

    // Hyphenate each apostrophe-separated segment ("children’s" -> "children").
    auto* dict = static_cast<HyphenDict*>(dict_);
    for (size_t s = first; s < last;) {
        size_t e = s;
        while (e < last && !is_apostrophe(cps[e])) ++e;
        size_t n = e - s;
        if (n >= static_cast<size_t>(std::max(limits_.min_word, 1))) {
            std::string lowered;
            for (size_t k = s; k < e; ++k) base::append_utf8(lowered, to_lower(cps[k]));
            std::string input;
            bool ok = true;
            if (impl_->utf8) {
                input = lowered;
            } else {  // one byte per character after conversion
                input.assign(n * 4 + 8, '\0');
                char* in = lowered.data();
                size_t in_left = lowered.size();
                char* out = input.data();
                size_t out_left = input.size();
                std::lock_guard<std::mutex> lock(impl_->iconv_mutex);
                iconv(impl_->to_dict, nullptr, nullptr, nullptr, nullptr);
                if (iconv(impl_->to_dict, &in, &in_left, &out, &out_left) == static_cast<size_t>(-1)) ok = false;
                input.resize(input.size() - out_left);
                if (input.size() != n) ok = false;
            }
            if (ok) {
                std::vector<char> hy(input.size() + 5, 0);
                char** rep = nullptr;
                int* pos = nullptr;
                int* cut = nullptr;
                hnj_hyphen_hyphenate3(dict, input.c_str(), static_cast<int>(input.size()), hy.data(), nullptr, &rep,
                                      &pos, &cut, limits_.min_before, limits_.min_after, 0, 0);
                // hy[c] & 1: a break after CHARACTER c of the segment.
                for (size_t c = 0; c + 1 < n; ++c) {
                    if (!(hy[c] & 1)) continue;
                    if (rep && rep[c]) continue;  // non-standard (spelling-changing) break: skip
                    size_t before = c + 1, after = n - before;
                    if (before < static_cast<size_t>(limits_.min_before) ||
                        after < static_cast<size_t>(limits_.min_after))
                        continue;
                    result.push_back(offsets[s + before]);
                }
                if (rep) {
                    for (size_t k = 0; k < input.size(); ++k) free(rep[k]);
                    free(rep);
                    free(pos);
                    free(cut);
                }
            }
        }
        s = e < last ? e + 1 : e;
    }
    return result;
}

std::string Hyphenator::marked(std::string_view word) const {
    std::string out;
    size_t prev = 0;
    for (size_t p : points(word)) {
        out.append(word.substr(prev, p - prev));
        out += '-';
        prev = p;
    }
    out.append(word.substr(prev));
    return out;
}

const Hyphenator& hyphenator_for(std::string_view lang, HyphenationLimits limits) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<Hyphenator>> cache;
    // Keyed by the dictionary file (symlinks resolved), not by the tag: Debian
    // links de, de-AT, de-CH ... to one 1 MB file that hnj_hyphen_load takes
    // seconds to read, so every tag of a language must share one load, and
    // the cache stays bounded by the files installed (found by fuzzing: each
    // new tag loaded the German patterns again, 5 s of CPU each).
    std::error_code ec;
    std::string file = hyphenation_dictionary(lang);
    std::string canonical = file.empty() ? std::string() : std::filesystem::canonical(file, ec).string();
    if (ec) canonical = file;
    std::string key = canonical + "|" + std::to_string(limits.min_word) + "|" + std::to_string(limits.min_before) +
                      "|" + std::to_string(limits.min_after);
    std::lock_guard<std::mutex> lock(mutex);
    auto& slot = cache[key];
    if (!slot) slot = std::make_unique<Hyphenator>(lang, limits);
    return *slot;
}

}  // namespace bb::text
