#include "text/pattern_cache.h"

#include <hyphen.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include "base/atomic_file.h"

namespace bb::text {

namespace {

// Version 1 of the compiled form. Written and read on one machine, so
// integers are in its own byte order; a file from another machine fails the
// source check or the checksum and is loaded again.
constexpr std::string_view kMagic = "bookbuild hyphen patterns 1\n";
constexpr int kMaxLevels = 4;  // libhyphen makes one or two

uint64_t fnv1a(std::string_view bytes) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

class Writer {
public:
    template <class T>
    void put(T v) {
        out.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    void bytes(const char* p, size_t n) {
        put<uint32_t>(static_cast<uint32_t>(n));
        out.append(p, n);
    }
    // A C string, or none (-1).
    void text(const char* s) {
        if (!s) return put<int32_t>(-1);
        put<int32_t>(static_cast<int32_t>(std::strlen(s)));
        out += s;
    }
    std::string out;
};

class Reader {
public:
    explicit Reader(std::string_view in) : in_(in) {}
    template <class T>
    bool get(T& v) {
        if (in_.size() < sizeof v) return false;
        std::memcpy(&v, in_.data(), sizeof v);
        in_.remove_prefix(sizeof v);
        return true;
    }
    // A malloc'd copy of `n` bytes with a NUL after them.
    char* copy(size_t n) {
        if (n > in_.size()) return nullptr;
        char* s = static_cast<char*>(std::malloc(n + 1));
        if (!s) return nullptr;
        std::memcpy(s, in_.data(), n);
        s[n] = 0;
        in_.remove_prefix(n);
        return s;
    }
    // The string `text` wrote: ok and null for none.
    bool text(char*& s) {
        int32_t n;
        s = nullptr;
        if (!get(n) || n < -1) return false;
        if (n == -1) return true;
        s = copy(static_cast<size_t>(n));
        return s != nullptr && std::strlen(s) == static_cast<size_t>(n);
    }
    size_t left() const { return in_.size(); }

private:
    std::string_view in_;
};

// The bytes of a level's NOHYPHEN list: nohyphenl + 1 NUL-terminated strings,
// as hnj_hyphen_hyphenate3 walks them.
size_t nohyphen_bytes(const HyphenDict& d) {
    size_t n = 0;
    for (int i = 0; i <= d.nohyphenl; ++i) n += std::strlen(d.nohyphen + n) + 1;
    return n;
}

void write_level(Writer& w, const HyphenDict& d) {
    w.put(d.lhmin);
    w.put(d.rhmin);
    w.put(d.clhmin);
    w.put(d.crhmin);
    w.put<int32_t>(d.nohyphenl);
    w.put<uint8_t>(d.nohyphen != nullptr);
    if (d.nohyphen) w.bytes(d.nohyphen, nohyphen_bytes(d));
    w.put<int32_t>(d.num_states);
    w.out.append(d.cset, MAX_NAME);
    w.put<int32_t>(d.utf8);
    for (int s = 0; s < d.num_states; ++s) {
        const HyphenState& st = d.states[s];
        w.text(st.match);
        w.text(st.repl);
        // libhyphen leaves these unset on states without a replacement and
        // reads them only with one: written as 0 then, so that one
        // dictionary always compiles to the same bytes.
        w.put<signed char>(st.repl ? st.replindex : 0);
        w.put<signed char>(st.repl ? st.replcut : 0);
        w.put<int32_t>(st.fallback_state);
        w.put<int32_t>(st.num_trans);
        for (int t = 0; t < st.num_trans; ++t) {
            w.put(st.trans[t].ch);
            w.put<int32_t>(st.trans[t].new_state);
        }
    }
}

HyphenDict* new_level() {
    auto* d = static_cast<HyphenDict*>(std::calloc(1, sizeof(HyphenDict)));
    return d;
}

// Every state number in range, and no match longer than its state's string
// allows (hnj_hyphen_hyphenate3 writes a match's digits before the position
// it has reached: a longer one would write before its buffer).
bool level_is_sound(const HyphenDict& d) {
    const int n = d.num_states;
    std::vector<int> depth(static_cast<size_t>(n), -1);
    depth[0] = 0;
    std::vector<int> todo{0};
    while (!todo.empty()) {
        const int s = todo.back();
        todo.pop_back();
        const HyphenState& st = d.states[s];
        for (int t = 0; t < st.num_trans; ++t) {
            const int to = st.trans[t].new_state;
            if (to <= 0 || to >= n) return false;
            if (depth[static_cast<size_t>(to)] >= 0) {
                if (depth[static_cast<size_t>(to)] != depth[static_cast<size_t>(s)] + 1) return false;
                continue;
            }
            depth[static_cast<size_t>(to)] = depth[static_cast<size_t>(s)] + 1;
            todo.push_back(to);
        }
    }
    for (int s = 0; s < n; ++s) {
        const HyphenState& st = d.states[s];
        // A fallback is a proper suffix, so shorter: the search for a
        // letter's transition ends (-1 starts it again from the root).
        const int fb = st.fallback_state;
        if (fb < -1 || fb >= n || (fb >= 0 && depth[static_cast<size_t>(fb)] >= depth[static_cast<size_t>(s)]))
            return false;
        if (!st.match) continue;
        const size_t len = std::strlen(st.match);
        if (depth[static_cast<size_t>(s)] < 0 || len > static_cast<size_t>(depth[static_cast<size_t>(s)]) + 1)
            return false;
        for (size_t k = 0; k < len; ++k)
            if (st.match[k] < '0' || st.match[k] > '9') return false;
    }
    return true;
}

// One level into `d` (allocated, zeroed); false when the bytes do not make one.
bool read_level(Reader& r, HyphenDict& d) {
    uint8_t has_nohyphen;
    int32_t nohyphenl, num_states, utf8;
    if (!r.get(d.lhmin) || !r.get(d.rhmin) || !r.get(d.clhmin) || !r.get(d.crhmin) || !r.get(nohyphenl) ||
        nohyphenl < 0 || !r.get(has_nohyphen))
        return false;
    d.nohyphenl = nohyphenl;
    if (has_nohyphen) {
        uint32_t n;
        if (!r.get(n) || !(d.nohyphen = r.copy(n))) return false;
        // nohyphenl + 1 strings, each ending inside the bytes.
        size_t at = 0;
        for (int i = 0; i <= nohyphenl; ++i) {
            const void* end = at < n ? std::memchr(d.nohyphen + at, 0, n - at) : nullptr;
            if (!end) return false;
            at = static_cast<size_t>(static_cast<const char*>(end) - d.nohyphen) + 1;
        }
    }
    // Each state takes at least 18 bytes: a count that cannot fit is a bad file.
    if (!r.get(num_states) || num_states < 1 || static_cast<size_t>(num_states) > r.left() / 18 + 1) return false;
    char cset[MAX_NAME];
    for (char& c : cset)
        if (!r.get(c)) return false;
    std::memcpy(d.cset, cset, MAX_NAME);
    d.cset[MAX_NAME - 1] = 0;
    if (!r.get(utf8)) return false;
    d.utf8 = utf8;
    d.states = static_cast<HyphenState*>(std::calloc(static_cast<size_t>(num_states), sizeof(HyphenState)));
    if (!d.states) return false;
    d.num_states = num_states;  // from here hnj_hyphen_free can free what is read
    for (int s = 0; s < num_states; ++s) {
        HyphenState& st = d.states[s];
        int32_t fallback, num_trans;
        if (!r.text(st.match) || !r.text(st.repl) || !r.get(st.replindex) || !r.get(st.replcut) ||
            !r.get(fallback) || !r.get(num_trans) || num_trans < 0 || static_cast<size_t>(num_trans) > r.left() / 5)
            return false;
        st.fallback_state = fallback;
        if (num_trans == 0) continue;
        st.trans = static_cast<HyphenTrans*>(std::malloc(static_cast<size_t>(num_trans) * sizeof(HyphenTrans)));
        if (!st.trans) return false;
        st.num_trans = num_trans;
        for (int t = 0; t < num_trans; ++t) {
            int32_t to;
            if (!r.get(st.trans[t].ch) || !r.get(to)) return false;
            st.trans[t].new_state = to;
        }
    }
    return level_is_sound(d);
}

bool same_text(const char* a, const char* b) { return (!a && !b) || (a && b && std::strcmp(a, b) == 0); }

bool same_level(const HyphenDict& a, const HyphenDict& b) {
    if (a.lhmin != b.lhmin || a.rhmin != b.rhmin || a.clhmin != b.clhmin || a.crhmin != b.crhmin ||
        a.nohyphenl != b.nohyphenl || (a.nohyphen == nullptr) != (b.nohyphen == nullptr) ||
        a.num_states != b.num_states || a.utf8 != b.utf8 || std::strncmp(a.cset, b.cset, MAX_NAME) != 0)
        return false;
    if (a.nohyphen) {
        const size_t n = nohyphen_bytes(a);
        if (n != nohyphen_bytes(b) || std::memcmp(a.nohyphen, b.nohyphen, n) != 0) return false;
    }
    for (int s = 0; s < a.num_states; ++s) {
        const HyphenState &x = a.states[s], &y = b.states[s];
        if (!same_text(x.match, y.match) || !same_text(x.repl, y.repl) ||
            (x.repl && (x.replindex != y.replindex || x.replcut != y.replcut)) ||
            x.fallback_state != y.fallback_state || x.num_trans != y.num_trans)
            return false;
        for (int t = 0; t < x.num_trans; ++t)
            if (x.trans[t].ch != y.trans[t].ch || x.trans[t].new_state != y.trans[t].new_state) return false;
    }
    return true;
}

std::string compiled_path(const std::string& folder, const std::string& dictionary, PatternSource source) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(source.hash));
    return (std::filesystem::path(folder) / (std::filesystem::path(dictionary).stem().string() + "-" + hex + ".bin"))
        .string();
}

// libhyphen's own load of the text already read (no second read of the file).
HyphenDict* load_text(std::string& text) {
    FILE* f = fmemopen(text.data(), text.size(), "r");
    if (!f) return nullptr;
    HyphenDict* d = hnj_hyphen_load_file(f);
    std::fclose(f);
    return d;
}

}  // namespace

PatternSource PatternSource::of(std::string_view text) { return {text.size(), fnv1a(text)}; }

std::string pattern_cache_folder() {
    if (const char* v = std::getenv("BOOKBUILD_CACHE_DIR"); v && *v)
        return std::string_view(v) == "off" ? std::string() : (std::filesystem::path(v) / "hyphen").string();
    if (const char* v = std::getenv("XDG_CACHE_HOME"); v && *v == '/')
        return (std::filesystem::path(v) / "bookbuild" / "hyphen").string();
    if (const char* v = std::getenv("HOME"); v && *v == '/')
        return (std::filesystem::path(v) / ".cache" / "bookbuild" / "hyphen").string();
    return {};
}

std::string compile_patterns(const HyphenDict& dict, PatternSource source) {
    Writer body;
    int levels = 0;
    for (const HyphenDict* d = &dict; d && levels < kMaxLevels; d = d->nextlevel) ++levels;
    body.put<int32_t>(levels);
    for (const HyphenDict* d = &dict; d && levels-- > 0; d = d->nextlevel) write_level(body, *d);
    Writer w;
    w.out = kMagic;
    w.put(source.size);
    w.put(source.hash);
    w.put(fnv1a(body.out));
    return w.out + body.out;
}

HyphenDict* read_compiled_patterns(std::string_view bytes, PatternSource source) {
    if (bytes.substr(0, kMagic.size()) != kMagic) return nullptr;
    Reader head(bytes.substr(kMagic.size()));
    PatternSource named;
    uint64_t checksum;
    if (!head.get(named.size) || !head.get(named.hash) || !head.get(checksum) || !(named == source)) return nullptr;
    const std::string_view body = bytes.substr(bytes.size() - head.left());
    if (fnv1a(body) != checksum) return nullptr;
    Reader r(body);
    int32_t levels;
    if (!r.get(levels) || levels < 1 || levels > kMaxLevels) return nullptr;
    HyphenDict* first = nullptr;
    HyphenDict** link = &first;
    for (int i = 0; i < levels; ++i) {
        HyphenDict* d = new_level();
        if (!d) break;
        *link = d;  // linked first, so that hnj_hyphen_free frees a half-read level too
        link = &d->nextlevel;
        if (!read_level(r, *d)) {
            hnj_hyphen_free(first);
            return nullptr;
        }
    }
    if (!first || r.left() != 0) {
        if (first) hnj_hyphen_free(first);
        return nullptr;
    }
    return first;
}

bool same_patterns(const HyphenDict& a, const HyphenDict& b) {
    const HyphenDict *x = &a, *y = &b;
    for (int i = 0; x && y && i < kMaxLevels; ++i, x = x->nextlevel, y = y->nextlevel)
        if (!same_level(*x, *y)) return false;
    return x == nullptr && y == nullptr;
}

HyphenDict* load_patterns(const std::string& path) {
    std::string text;
    if (!base::read_file(path, text)) return nullptr;
    const PatternSource source = PatternSource::of(text);
    const std::string folder = pattern_cache_folder();
    const std::string compiled = folder.empty() ? std::string() : compiled_path(folder, path, source);
    std::string bytes;
    if (!compiled.empty() && base::read_file(compiled, bytes))
        if (HyphenDict* d = read_compiled_patterns(bytes, source)) return d;
    HyphenDict* d = load_text(text);
    // Best effort: a read-only or full disk only costs the next build the load.
    if (d && !compiled.empty()) base::write_file_atomically(compiled, compile_patterns(*d, source));
    return d;
}

}  // namespace bb::text
