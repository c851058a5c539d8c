#include "text/font_metrics.h"

#include <hb-ot.h>
#include <hb.h>

#include <sys/mman.h>

#include <algorithm>
#include <cmath>

#include "base/utf8.h"
#include "text/face_facts.h"

namespace bb::text {

namespace {

constexpr char32_t kSoftHyphen = 0xAD;

}  // namespace

std::unique_ptr<Font> Font::load(const std::string& path, std::string* error) {
    auto fail = [&](std::string msg) -> std::unique_ptr<Font> {
        if (error) *error = std::move(msg);
        return nullptr;
    };
    hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
    if (!blob) return fail("cannot read font file " + path);
    std::unique_ptr<Font> f(new Font());
    f->path_ = path;
    static std::atomic<uint64_t> ids{0};
    f->id_ = ++ids;
    f->blob_ = blob;
    f->face_ = hb_face_create(blob, 0);
    if (hb_face_get_glyph_count(f->face_) == 0) return fail(path + " is not a TrueType/OpenType font");
    hb_blob_t* glyf = hb_face_reference_table(f->face_, HB_TAG('g', 'l', 'y', 'f'));
    bool has_glyf = hb_blob_get_length(glyf) > 0;
    hb_blob_destroy(glyf);
    if (!has_glyf) return fail(path + " has no TrueType outlines (glyf table); the PDF writer needs TrueType, not CFF");
    f->font_ = hb_font_create(f->face_);  // scale = upem: positions in font units
    f->upem_ = static_cast<int>(hb_face_get_upem(f->face_));
    if (f->upem_ <= 0) return fail(path + " has an invalid units-per-em");
    hb_font_make_immutable(f->font_);
    f->family_ = name_entry(f->face_, HB_OT_NAME_ID_FONT_FAMILY);
    f->style_name_ = name_entry(f->face_, HB_OT_NAME_ID_FONT_SUBFAMILY);

    const VerticalMetrics m = vertical_metrics(f->font_, f->upem_);
    f->ascender_ = m.ascender;
    f->descender_ = m.descender;
    f->line_gap_ = m.line_gap;
    f->cap_height_ = m.cap_height;
    f->x_height_ = m.x_height;
    f->notdef_advance_ = glyph_advance(f->font_, 0, f->upem_);
    f->widest_advance_ = text::widest_advance(f->face_, f->upem_);

    f->covers_ascii_ = true;
    for (char32_t c = 0x20; c < 0x7F; ++c) f->covers_ascii_ = f->covers_ascii_ && f->has_glyph(c);
    return f;
}

Font::~Font() {
    if (uint16_t* table = kern_table_.load()) munmap(table, kKernTableBytes);
    hb_font_destroy(font_);
    hb_face_destroy(face_);
    hb_blob_destroy(blob_);
}

const int32_t* Font::make_bmp_block(unsigned high) const {
    static const std::array<int32_t, 256> kNone = [] {
        std::array<int32_t, 256> a;
        a.fill(-1);
        return a;
    }();
    std::lock_guard<std::mutex> lock(bmp_mutex_);
    if (const int32_t* made = bmp_[high].load(std::memory_order_relaxed)) return made;  // by another thread
    std::unique_ptr<int32_t[]> block(new int32_t[256]);
    bool any = false;
    for (unsigned low = 0; low < 256; ++low) {
        hb_codepoint_t gid = 0;
        const bool has = hb_font_get_nominal_glyph(font_, (high << 8) | low, &gid) && gid != 0;
        block[low] = has ? glyph_advance(font_, gid, upem_) : -1;
        any = any || has;
    }
    const int32_t* made = kNone.data();
    if (any) {
        bmp_blocks_[high] = std::move(block);
        made = bmp_blocks_[high].get();
    }
    bmp_[high].store(made, std::memory_order_release);
    return made;
}

uint16_t* Font::kern_table() const {
    if (uint16_t* table = kern_table_.load(std::memory_order_acquire)) return table;
    // Fresh anonymous pages read as zeros and are only backed once written:
    // the few rows a book's text uses, not the whole table.
    void* pages = mmap(nullptr, kKernTableBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (pages == MAP_FAILED) return nullptr;  // the locked map serves instead
    uint16_t* expected = nullptr;
    if (kern_table_.compare_exchange_strong(expected, static_cast<uint16_t*>(pages), std::memory_order_acq_rel))
        return static_cast<uint16_t*>(pages);
    munmap(pages, kKernTableBytes);  // another thread made it first
    return expected;
}

int Font::kern_first_time(char32_t left, char32_t right) const {
    if (!has_glyph(left) || !has_glyph(right)) return 0;
    const int l = kern_slot(left), r = kern_slot(right);
    if (l >= 0 && r >= 0) {
        if (uint16_t* table = kern_table()) {
            std::atomic_ref<uint16_t> entry(table[static_cast<size_t>(l * kKernSlots + r)]);
            uint16_t known = entry.load(std::memory_order_relaxed);
            if (known) return static_cast<int>(known) - kKernBias;
            int value = shape_pair(left, right);
            entry.store(static_cast<uint16_t>(value + kKernBias), std::memory_order_relaxed);
            return value;
        }
    }
    uint64_t key = (static_cast<uint64_t>(left) << 32) | right;
    {
        std::lock_guard<std::mutex> lock(kern_mutex_);
        auto it = kern_cache_.find(key);
        if (it != kern_cache_.end()) return it->second;
    }
    int value = shape_pair(left, right);
    std::lock_guard<std::mutex> lock(kern_mutex_);
    kern_cache_.emplace(key, value);
    return value;
}

namespace {

/// One HarfBuzz buffer per thread, emptied for each shaping: a book's first
/// pairs are a few thousand shapings of two letters, a third of whose time
/// was making and freeing a buffer.
struct ShapeBuffer {
    hb_buffer_t* buf = hb_buffer_create();
    ~ShapeBuffer() { hb_buffer_destroy(buf); }
};

}  // namespace

std::vector<int> Font::shaped_advances(const std::vector<uint32_t>& text) const {
    // Kerning on and every substitution that would change the
    // glyph/character correspondence off (libharu draws by code point).
    // Mark positioning moves marks, never an advance: off too, which saves
    // its lookups on every pair (3 % of a ten-guide build's instructions).
    thread_local ShapeBuffer shape_buffer;
    hb_buffer_t* buf = shape_buffer.buf;
    hb_buffer_clear_contents(buf);  // and its properties: set again below
    hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_CHARACTERS);
    hb_buffer_add_utf32(buf, text.data(), static_cast<int>(text.size()), 0, static_cast<int>(text.size()));
    // A fixed language keeps the result independent of the process locale
    // (HarfBuzz's default language comes from setlocale).
    static const hb_language_t english = hb_language_from_string("en", -1);
    hb_buffer_set_language(buf, english);
    hb_buffer_guess_segment_properties(buf);
    hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
    static const hb_feature_t features[] = {
        {HB_TAG('k', 'e', 'r', 'n'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
        {HB_TAG('l', 'i', 'g', 'a'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
        {HB_TAG('c', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
        {HB_TAG('c', 'a', 'l', 't'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
        {HB_TAG('r', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
        {HB_TAG('m', 'a', 'r', 'k'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
        {HB_TAG('m', 'k', 'm', 'k'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    };
    hb_shape(font_, buf, features, sizeof features / sizeof features[0]);
    unsigned n = 0;
    hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
    hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, nullptr);
    std::vector<int> out;
    if (n == text.size()) {
        out.reserve(n);
        // Each glyph's change from its plain advance: the kerning after it.
        for (unsigned i = 0; i < n; ++i)
            out.push_back(pos[i].x_advance - hb_font_get_glyph_h_advance(font_, info[i].codepoint));
    }
    return out;
}

int Font::shape_pair(char32_t left, char32_t right) const {
    std::vector<int> delta = shaped_advances({static_cast<uint32_t>(left), static_cast<uint32_t>(right)});
    if (delta.size() != 2 || delta[0] == 0) return 0;
    return static_cast<int>(std::lround(delta[0] * 1000.0 / upem_));
}

bool Font::digits_interchangeable() const {
    std::call_once(digits_once_, [this] {
        std::vector<uint32_t> neighbours;
        for (uint32_t c = 0x20; c < 0x7F; ++c) neighbours.push_back(c);
        // No-break and thin spaces, dashes, quotes, ellipsis.
        for (uint32_t c : {0xA0, 0x2009, 0x202F, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026})
            neighbours.push_back(c);
        // One shaping per digit of "n d n" for every neighbour n (a pair at a
        // time was thousands of shapings per font): a digit's kerning against
        // any neighbour, on either side, shows in these advances. Pairs that
        // do not involve the digit are the same in every string.
        auto kerning_around = [&](uint32_t digit) {
            std::vector<uint32_t> text;
            for (uint32_t n : neighbours) text.insert(text.end(), {n, digit, n});
            return shaped_advances(text);
        };
        bool same = true;
        const std::vector<int> zero = kerning_around('0');
        for (char32_t d = '1'; d <= '9' && same; ++d)
            same = !zero.empty() && advance(d) == advance('0') && kerning_around(d) == zero;
        digits_interchangeable_ = same;
    });
    return digits_interchangeable_;
}

int64_t Font::width_units(std::string_view utf8, bool kerning) const {
    int64_t total = 0;
    char32_t prev = 0;
    bool have_prev = false;
    for (size_t i = 0; i < utf8.size();) {
        char32_t cp = base::next_code_point(utf8, i);
        if (cp == kSoftHyphen) continue;
        total += advance(cp);
        if (kerning && have_prev) total += kern(prev, cp);
        prev = cp;
        have_prev = true;
    }
    return total;
}

double Font::width(std::string_view utf8, double size, bool kerning) const {
    return static_cast<double>(width_units(utf8, kerning)) * size / 1000.0;
}

std::vector<Font::Glyph> Font::shape(std::string_view utf8, bool kerning) const {
    std::vector<Glyph> out;
    for (size_t i = 0; i < utf8.size();) {
        size_t at = i;
        char32_t cp = base::next_code_point(utf8, i);
        if (cp == kSoftHyphen) continue;
        if (kerning && !out.empty()) out.back().kern_after = kern(out.back().cp, cp);
        out.push_back({at, cp, advance(cp), 0});
    }
    return out;
}

const Font* FontSet::get(const std::string& path, std::string* error) {
    Slot* slot;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        auto& s = slots_[path];
        if (!s) s = std::make_unique<Slot>();
        slot = s.get();
    }
    std::call_once(slot->once, [&] {
        slot->font = Font::load(path, &slot->error);
        slot->loaded.store(slot->font.get(), std::memory_order_release);
    });
    if (!slot->font && error) *error = slot->error;
    return slot->font.get();
}

size_t FontSet::size() const {
    std::lock_guard<std::mutex> lock(mutex_);
    size_t n = 0;
    for (const auto& [path, slot] : slots_) n += slot->loaded.load(std::memory_order_acquire) != nullptr;
    return n;
}

}  // namespace bb::text
