#include "typeset/flow.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <span>

#include "base/utf8.h"
#include "text/coverage.h"
#include "text/paragraph.h"
#include "typeset/line_runs.h"

namespace bb::typeset {

Rgb rgb(const style::Color& c) { return Rgb{c.r, c.g, c.b}; }

namespace {
/// Sizes a line's first run for the words after it in the same font and
/// size, which join_run will add (a space and their kerns each): one
/// allocation each for its text and kerning instead of a doubling per few
/// words and a quarter of their capacity unused.
void reserve_line_run(TextRun& run, const text::Fragment& first, std::span<const text::Fragment> after) {
    size_t text = run.text.size(), kerns = run.kerning.size();
    for (const text::Fragment& f : after) {
        if (f.font != first.font || f.size != first.size) break;
        text += 1 + f.text.size();
        kerns += 1 + f.kerns.size();
    }
    run.text.reserve(text);
    run.kerning.reserve(kerns);
}

/// Where `line` begins in the manuscript: its first fragment that comes from
/// a model Text inline (a bullet or a printed ", p. 12" does not).
SourcePos source_of(const Pieces& pieces, const text::ParagraphLine& line) {
    for (const auto& f : line.fragments) {
        const Piece& p = pieces[static_cast<size_t>(f.style)];
        for (const Origin& o : p.origins)
            if (f.offset >= o.at && f.offset < o.at + o.length)
                return SourcePos{o.span, static_cast<uint32_t>(f.offset - o.at), {}};
    }
    return {};
}

/// Whether a page number in `run` sets like any other of as many digits:
/// all ten digits come from one face of its chain (coverage takes each
/// character from the first face that has it) and that face's digits are
/// interchangeable. Only that face is asked: a fallback never sets a digit
/// the main font has.
bool digits_set_alike(const text::StyledRun& run) {
    auto decide = [](const text::Font* f) -> int {  // 1: all ten here, 0: none, -1: some
        int have = 0;
        for (char32_t d = '0'; d <= '9'; ++d) have += f->has_glyph(d) ? 1 : 0;
        if (have == 0) return 0;
        return have == 10 && f->digits_interchangeable() ? 1 : -1;
    };
    if (int d = decide(run.font)) return d > 0;
    for (const text::Font* f : run.fallbacks)
        if (int d = decide(f)) return d > 0;
    return false;
}

bool in_folio(const Piece& p, size_t at) {
    return std::any_of(p.folios.begin(), p.folios.end(),
                       [&](const Folio& f) { return at >= f.at && at < f.at + f.length; });
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Walks fragment `f`'s text along its piece's from `f.offset`: calls
/// `shown(i, j)` for each byte i of the fragment that shows byte j of the
/// piece (the piece's soft hyphens are not drawn; a page number's digits may
/// differ, in a result set with other numbers). Stops at the hyphen added at
/// a break. Returns the end of what the fragment shows of the piece.
template <class Shown>
size_t walk_fragment(const text::Fragment& f, const Piece& p, Shown&& shown) {
    size_t i = 0, j = f.offset;
    while (i < f.text.size() && j < p.text.size()) {
        if (f.text[i] == p.text[j] || (is_digit(f.text[i]) && is_digit(p.text[j]) && in_folio(p, j))) {
            shown(i++, j++);
        } else if (p.text.compare(j, 2, "\xC2\xAD") == 0) {
            j += 2;
        } else {
            break;
        }
    }
    return j;
}

/// Gives a paragraph result the page numbers `pieces` print, in place of
/// those it was set with: the same count of digits, each as wide as any
/// other (Flow::set_folio_digits_alike), so only the digits differ.
void take_folios(text::ParagraphResult& result, const Pieces& pieces) {
    for (auto& line : result.lines)
        for (auto& f : line.fragments) {
            const Piece& p = pieces[static_cast<size_t>(f.style)];
            if (!p.folios.empty()) walk_fragment(f, p, [&](size_t i, size_t j) { f.text[i] = p.text[j]; });
        }
}

/// Where in `f.text` the page numbers of `p` that fragment `f` shows begin
/// (byte, folio). False when a page number is only partly in the fragment.
bool folios_in(const text::Fragment& f, const Piece& p, std::vector<std::pair<uint32_t, const Folio*>>& out) {
    const size_t end = walk_fragment(f, p, [&](size_t i, size_t j) {
        for (const Folio& folio : p.folios)
            if (folio.at == j) out.emplace_back(static_cast<uint32_t>(i), &folio);
    });
    // [f.offset, end) of the piece is what the fragment shows.
    return std::none_of(p.folios.begin(), p.folios.end(), [&](const Folio& folio) {
        const size_t last = folio.at + folio.length;
        const bool overlaps = folio.at < end && last > f.offset;
        return overlaps && !(folio.at >= f.offset && last <= end);
    });
}

/// Where the baseline sits in a line slab of height `leading`: the extra
/// leading split evenly above and below an em box whose baseline is at 0.8 em.
double baseline_in(double size, double leading) { return (leading - size) / 2 + 0.8 * size; }
}  // namespace

const text::ParagraphResult& LayoutCache::paragraph(const std::string& key,
                                                    const std::function<text::ParagraphResult()>& make) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (auto it = paragraphs_.find(key); it != paragraphs_.end()) return *it->second;
    }
    auto result = std::make_unique<text::ParagraphResult>(make());
    std::lock_guard<std::mutex> lock(mutex_);
    auto [it, inserted] = paragraphs_.emplace(key, std::move(result));
    return *it->second;
}

text::ParagraphResult LayoutCache::take(const std::string& key, const std::function<text::ParagraphResult()>& make) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (auto it = paragraphs_.find(key); it != paragraphs_.end()) {
            text::ParagraphResult r = std::move(*it->second);
            paragraphs_.erase(it);
            return r;
        }
    }
    return make();
}

Flow::Flow(const style::Sheet& sheet, FontBook& fonts, const text::Hyphenator* hyphenator, std::string lang,
           base::Sink& sink, LayoutCache* cache)
    : sheet_(sheet), fonts_(fonts), hyphenator_(hyphenator), lang_(std::move(lang)), sink_(sink), cache_(cache) {
    measure_ = sheet.page.width - sheet.page.inner - sheet.page.outer;
}

uint32_t Flow::font_id(const text::Font* f) {
    // Asked for every word: the faces met so far are compared as pointers,
    // not as paths (an index, once given, keeps its meaning).
    for (const auto& [font, id] : font_ids_)
        if (font == f) return id;
    const std::string& path = f->path();
    auto& v = galley_.fonts;
    uint32_t id = static_cast<uint32_t>(std::find(v.begin(), v.end(), path) - v.begin());
    if (id == v.size()) v.push_back(path);
    font_ids_.emplace_back(f, id);
    return id;
}

TextRun Flow::run_of(const std::string& text, const text::Font* font, double size, double x, double y, Rgb color,
                     Role role, bool kerned, double width,
                     const std::vector<std::pair<uint32_t, int>>* kerns) {
    TextRun t;
    t.text = text;
    t.font = font_id(font);
    t.size = size;
    t.x = x;
    t.y = y;
    t.color = color;
    t.role = role;
    t.width = width >= 0 ? width : font->width(text, size, kerned);
    if (kerned && kerns) {
        // The pairs set_paragraph measured (Fragment::kerns).
        t.kerning.reserve(kerns->size());
        for (const auto& [index, k] : *kerns) t.kerning.emplace_back(index, k);
    } else if (kerned) {
        // The pairs as Font::shape finds them (soft hyphens skipped), without
        // building its per-glyph vector.
        uint32_t index = 0;
        char32_t prev = 0;
        for (size_t i = 0; i < text.size();) {
            char32_t cp = base::next_code_point(text, i);
            if (cp == 0xAD) continue;
            if (index > 0)
                if (int k = font->kern(prev, cp)) t.kerning.emplace_back(index - 1, k);
            prev = cp;
            ++index;
        }
    }
    return t;
}

void Flow::append(Slab s) {
    if (s.kind == Slab::Kind::Content) {
        if (!pending_anchors_.empty() || !pending_outline_.empty() || !pending_marks_.empty()) {
            SlabExtras& x = s.extra();
            x.anchors.insert(x.anchors.end(), pending_anchors_.begin(), pending_anchors_.end());
            pending_anchors_.clear();
            x.outline.insert(x.outline.end(), pending_outline_.begin(), pending_outline_.end());
            pending_outline_.clear();
            for (auto& [k, v] : pending_marks_) x.marks[k] = v;
            pending_marks_.clear();
        }
        if (!pending_key_.empty()) s.extra().source_key = std::move(pending_key_);
        pending_key_.clear();
    }
    if (!frames_open_.empty() && s.kind != Slab::Kind::Break) {
        s.frame = frames_open_.back();
        s.frame_start = frame_start_pending_;
        frame_start_pending_ = false;
    }
    auto& slabs = galley_.slabs;
    if (!slabs.empty() && s.kind != Slab::Kind::Break) {
        if (keep_lines_ > 0) slabs.back().keep_with_next = true;
        if (!groups_.empty() && groups_.back() < slabs.size()) slabs.back().keep_with_next = true;
    }
    if (s.text_line && keep_lines_ > 0) --keep_lines_;
    if (s.kind == Slab::Kind::Break) keep_lines_ = 0;
    slabs.push_back(std::move(s));
}

double Flow::text_width(const std::string& text, const TextSpec& spec) {
    const Face& face = fonts_.face(spec.family, spec.bold, spec.italic);
    return face.font ? face.font->width(text, spec.size, true) : 0;
}

size_t Flow::paragraph(const Pieces& pieces, const TextSpec& spec) {
    std::vector<text::StyledRun> runs;
    // Characters beyond the BMP cannot be drawn by libharu (its CIDs are
    // UTF-16 code units): warn with the real code point, then set U+FFFD in
    // their place so what is measured is what is drawn.
    Pieces bmp_only;
    const Pieces* source = &pieces;
    for (size_t i = 0; i < pieces.size(); ++i) {
        const Piece& p = pieces[i];
        // Only a four-byte sequence (lead byte F0-F4) is beyond the BMP.
        if (std::none_of(p.text.begin(), p.text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xF0; }))
            continue;
        bool any = false;
        for (size_t k = 0; k < p.text.size();) {
            char32_t cp = base::next_code_point(p.text, k);
            if (cp <= 0xFFFF) continue;
            if (!any && source == &pieces) bmp_only = pieces;
            any = true;
            source = &bmp_only;
            const Face& face = fonts_.face(spec.family, spec.bold || p.bold, p.italic);
            sink_.warning(p.span, fmt::format("{} is outside the Basic Multilingual Plane, which the PDF fonts "
                                              "cannot encode; it prints as U+FFFD (fonts: {})",
                                              text::code_point_name(cp), face.chain_name()));
        }
        if (any) {
            std::string clean;
            for (size_t k = 0; k < p.text.size();) {
                char32_t cp = base::next_code_point(p.text, k);
                base::append_utf8(clean, cp > 0xFFFF ? char32_t{0xFFFD} : cp);
            }
            bmp_only[i].text = std::move(clean);
        }
    }
    for (size_t i = 0; i < source->size(); ++i) {
        const Piece& p = (*source)[i];
        const Face& face = fonts_.face(spec.family, spec.bold || p.bold, p.italic);
        if (!face.font) return 0;
        text::StyledRun r;
        r.text = p.text;
        r.font = face.font;
        r.fallbacks = face.fallbacks;
        r.size = spec.size;
        r.bold = spec.bold || p.bold;
        r.italic = p.italic;
        r.style = static_cast<int>(i);
        r.source = p.span.offset;
        runs.push_back(std::move(r));
    }
    if (runs.empty()) return 0;
    double left = inset_left_ + spec.left;
    double width = measure_ - inset_left_ - inset_right_ - spec.left - spec.right_inset;
    text::ParagraphOptions o;
    o.words = words_;
    o.measure = text::Measure(width);
    o.justify = spec.justify && !spec.centered && !spec.right;
    o.first_indent = spec.first_indent;
    o.hyphenator = spec.hyphenate && sheet_.text.hyphenate ? hyphenator_ : nullptr;
    o.lang = lang_;
    o.lines_only = measure_only_ && lines_only_;
    // Whether this paragraph's page numbers set alike with others of as
    // many digits (for the cache key and for Galley::folio_digits_alike).
    bool digits_alike = false;
    if (folio_digits_alike_) {
        bool any = false;
        digits_alike = true;
        for (size_t i = 0; i < runs.size(); ++i)
            if (!(*source)[i].folios.empty()) {
                any = true;
                digits_alike = digits_alike && digits_set_alike(runs[i]);
            }
        digits_alike = any && digits_alike;
        if (any && !digits_alike) galley_.folio_digits_alike = false;
    }
    text::ParagraphResult uncached;
    const text::ParagraphResult* result = &uncached;
    if (cache_) {
        // Everything set_paragraph reads, in a key: text, fonts, sizes,
        // measure and options (the pieces' positions are not part of it).
        // Fixed-size fields as raw bytes and texts with their lengths: a
        // unique key without formatting numbers per paragraph.
        std::string key;
        auto raw = [&key](const auto& v) { key.append(reinterpret_cast<const char*>(&v), sizeof v); };
        raw(width);
        raw(o.justify);
        raw(o.first_indent);
        raw(o.hyphenator);
        raw(o.lines_only);
        raw(lang_.size());
        key += lang_;
        raw(runs.size());
        // Page numbers as zeros when any others of as many digits set
        // alike: a paragraph set in a measure pass, with the page numbers
        // of that pass, is then the full pass's too (take_folios).
        const bool folios = source == &pieces && digits_alike;
        for (size_t i = 0; i < runs.size(); ++i) {
            const auto& r = runs[i];
            raw(r.font);
            raw(r.size);
            raw(r.fallbacks.size());
            for (const auto* f : r.fallbacks) raw(f);
            raw(r.text.size());
            const size_t at = key.size();
            key += r.text;
            if (folios)
                for (const Folio& folio : pieces[i].folios)
                    for (size_t k = at + folio.at; k < at + folio.at + folio.length && k < key.size(); ++k)
                        if (key[k] >= '0' && key[k] <= '9') key[k] = '0';
        }
        auto make = [&] { return text::set_paragraph(runs, o); };
        if (cache_->consuming()) {
            uncached = cache_->take(key, make);
            if (folios) take_folios(uncached, pieces);
        } else {
            result = &cache_->paragraph(key, make);
        }
    } else {
        uncached = text::set_paragraph(runs, o);
    }
    const text::ParagraphResult& res = *result;

    for (const auto& m : res.missing) {
        if (m.cp == 0xFFFD && source != &pieces) continue;  // already reported above
        const Piece& p = pieces[m.run];
        const Face& face = fonts_.face(spec.family, spec.bold || p.bold, p.italic);
        base::Span at = p.span;
        sink_.warning(at, fmt::format("{} is in no font of the chain ({}); it will print as a blank box",
                                      text::code_point_name(m.cp), face.chain_name()));
    }
    for (size_t i : res.overfull) {
        const auto& line = res.lines[i];
        const Piece& p = pieces[line.fragments.empty() ? 0 : line.fragments.front().run];
        sink_.warning(p.span, fmt::format("a line of this paragraph is {:.1f}pt wider than the measure",
                                          line.width - line.measure));
    }

    const size_t n = res.lines.size();
    const int orphans = std::max(1, sheet_.pagination.orphans), widows = std::max(1, sheet_.pagination.widows);
    const double base = baseline_in(spec.size, spec.leading);
    const uint32_t para = ++galley_.paragraphs;
    for (size_t li = 0; li < n; ++li) {
        const auto& line = res.lines[li];
        Slab s;
        s.height = spec.leading;
        s.text_line = true;
        s.set_source(source_of(pieces, line));
        double shift = 0;
        if (spec.centered) shift = (width - line.width) / 2;
        if (spec.right) shift = width - line.width;
        bool linked_prev = false;
        static const std::vector<text::Fragment> kNone;
        const std::vector<text::Fragment>& fragments = measure_only_ ? kNone : line.fragments;
        uint32_t line_code_points = 0;  // of the run at s.items.back(), for join_run
        std::vector<std::pair<uint32_t, const Folio*>> spots;
        for (size_t fi = 0; fi < fragments.size(); ++fi) {
            const text::Fragment& f = fragments[fi];
            const double x = left + shift + f.x;
            const Piece& p = pieces[static_cast<size_t>(f.style)];
            if (!p.uri.empty() || !p.anchor.empty()) {
                // Words of one link on one line make one clickable area,
                // spaces included.
                std::vector<LinkArea>& links = s.extra().links;
                if (!links.empty() && links.back().uri == p.uri && links.back().anchor == p.anchor && linked_prev)
                    links.back().w = x + f.width - links.back().x;
                else
                    links.push_back(LinkArea{0, x, 0, f.width, spec.leading, p.uri, p.anchor});
                linked_prev = true;
            } else {
                linked_prev = false;
            }
            // The page numbers this fragment prints, for FolioSpots.
            spots.clear();
            const Piece& shown = (*source)[static_cast<size_t>(f.style)];
            if (!shown.folios.empty() && (source != &pieces || !folios_in(f, shown, spots)))
                galley_.folios_known = false;
            const size_t length = f.text.size();
            // The word goes onto the line's run when it continues it (no
            // TextRun of its own), else it starts a run.
            TextRun* line_run = s.items.empty() ? nullptr : std::get_if<TextRun>(&s.items.back());
            const uint32_t font = font_id(f.font);
            if (line_run && continues(*line_run, font, f.size, spec.color, base, spec.role, para,
                                      static_cast<uint32_t>(li), x)) {
                const uint32_t first =
                    append_word(*line_run, f.text, x, f.width, f.size, f.font->advance(' '), line_code_points);
                if (f.kerned)
                    for (const auto& [index, k] : f.kerns) line_run->kerning.emplace_back(index + first, k);
            } else {
                TextRun t = run_of(f.text, f.font, f.size, x, base, spec.color, spec.role, f.kerned, f.width, &f.kerns);
                t.para = para;
                t.line = static_cast<uint32_t>(li);
                line_code_points = code_points(t.text);
                reserve_line_run(t, f, std::span(fragments).subspan(fi + 1));
                s.items.push_back(std::move(t));
            }
            const auto& run = std::get<TextRun>(s.items.back());
            for (const auto& [at, folio] : spots)
                galley_.folios.push_back(FolioSpot{static_cast<uint32_t>(galley_.slabs.size()),
                                                   static_cast<uint32_t>(s.items.size() - 1),
                                                   static_cast<uint32_t>(run.text.size() - length + at),
                                                   folio->length, folio->anchor});
        }
        if (li == 0 && measure_only_) hang_.clear();
        if (li == 0 && !hang_.empty()) {
            for (const auto& h : hang_) {
                const Face& face = fonts_.face(h.spec.family, h.spec.bold, h.spec.italic);
                if (!face.font) continue;
                double w = face.font->width(h.text, h.spec.size, true);
                s.items.push_back(run_of(h.text, face.font, h.spec.size, left - h.gap - w, base, h.spec.color,
                                         Role::Label, true));
            }
            hang_.clear();
        }
        // Widows and orphans (in lines, from the style): a page may end after
        // line k (1-based) only if k >= orphans and n - k >= widows.
        size_t k = li + 1;
        s.keep_with_next = spec.keep_whole ? k < n : (k < n && (k < static_cast<size_t>(orphans) ||
                                                                 n - k < static_cast<size_t>(widows)));
        append(std::move(s));
    }
    return n;
}

void Flow::label_line(const std::string& text, const TextSpec& spec, double x) {
    const Face& face = fonts_.face(spec.family, spec.bold, spec.italic);
    if (!face.font) return;
    Slab s;
    s.height = spec.leading;
    s.text_line = true;
    s.items.push_back(run_of(text, face.font, spec.size, inset_left_ + spec.left + x,
                             baseline_in(spec.size, spec.leading), spec.color, spec.role, true));
    append(std::move(s));
}

void Flow::leader_entry(const Pieces& title, const TextSpec& spec, const std::string& page,
                        const std::string& leaders, const std::string& target) {
    const Face& face = fonts_.face(spec.family, spec.bold, spec.italic);
    if (!face.font) return;
    const double column = spec.size * 2.5;  // room for a four-digit folio
    Pieces linked = title;
    for (auto& p : linked) {
        p.anchor = target;
        p.origins.clear();  // a contents line is not where its heading's text is
    }
    TextSpec t = spec;
    t.justify = false;
    t.keep_whole = true;
    t.right_inset += column + spec.size;
    size_t before = galley_.slabs.size();
    if (paragraph(linked, t) == 0 || galley_.slabs.size() == before) return;
    // The number is set in the entry's face alone, right-aligned: another of
    // as many digits keeps its place when that face's digits are alike.
    if (folio_digits_alike_ && !page.empty() && !face.font->digits_interchangeable())
        galley_.folio_digits_alike = false;
    if (measure_only_) return;
    Slab& last = galley_.slabs.back();
    double end = inset_left_ + spec.left;
    for (const auto& item : last.items)
        if (const auto* r = std::get_if<TextRun>(&item)) end = std::max(end, r->x + r->width);
    const double right = measure_ - inset_right_;
    const double num_w = face.font->width(page, spec.size, false);
    const double base = last.items.empty() ? spec.leading * 0.75 : std::get<TextRun>(last.items.front()).y;
    // Leaders: one run of "leader + space" units starting on a multiple of
    // the unit width, so the dots of every entry line up in columns.
    // Leaders in the regular weight even after a bold entry: a row of bold
    // dots is darker than the text it leads to.
    const Face& light = fonts_.face(spec.family, false, spec.italic);
    const text::Font* dot_font = light.font ? light.font : face.font;
    const std::string unit = leaders + " ";
    const double uw = dot_font->width(unit, spec.size, false);
    if (!leaders.empty() && uw > 0) {
        double start = std::ceil((end + spec.size * 0.5) / uw) * uw;
        int count = static_cast<int>((right - num_w - spec.size * 0.5 - start) / uw);
        if (count > 0) {
            std::string dots;
            for (int i = 0; i < count; ++i) dots += unit;
            TextRun d = run_of(dots, dot_font, spec.size, start, base, spec.color, Role::Label, false);
            last.items.push_back(std::move(d));
        }
    }
    TextRun n = run_of(page, face.font, spec.size, right - num_w, base, spec.color, Role::Label, false);
    std::vector<LinkArea>& links = last.extra().links;
    if (!links.empty() && links.back().anchor == target)
        links.back().w = right - links.back().x;  // the whole line, leaders and folio too
    else
        links.push_back(LinkArea{0, n.x, 0, n.width, spec.leading, "", target});
    last.items.push_back(std::move(n));
    if (!page.empty())
        galley_.folios.push_back(FolioSpot{static_cast<uint32_t>(galley_.slabs.size() - 1),
                                           static_cast<uint32_t>(last.items.size() - 1), 0,
                                           static_cast<uint32_t>(page.size()), target});
}

void Flow::hang(const std::string& label, const TextSpec& spec, double gap) { hang_.push_back({label, spec, gap}); }

void Flow::space(double height) {
    if (height <= 0) return;
    // Two spaces in a row: the larger wins (like CSS margins collapsing), so
    // "space after a heading" and "space before a paragraph" do not add up.
    auto& slabs = galley_.slabs;
    if (!slabs.empty() && slabs.back().kind == Slab::Kind::Space && frames_open_.empty()) {
        slabs.back().height = std::max(slabs.back().height, height);
        return;
    }
    Slab s;
    s.kind = frames_open_.empty() ? Slab::Kind::Space : Slab::Kind::Content;
    s.height = height;
    append(std::move(s));
}

void Flow::strut(double height) {
    Slab s;
    s.height = height;
    append(std::move(s));
}

void Flow::rule(double thickness, Rgb color, double above, double below) {
    Slab s;
    s.height = above + thickness + below;
    double y = above + thickness / 2;
    s.items.push_back(Line{inset_left_, y, measure_ - inset_right_, y, thickness, color});
    append(std::move(s));
}

void Flow::image(const std::string& path, double x, double w, double h) {
    Slab s;
    s.height = h;
    s.items.push_back(Image{path, inset_left_ + x, 0, w, h});
    append(std::move(s));
}

void Flow::page_break(bool recto, bool opening) {
    Slab s;
    s.kind = Slab::Kind::Break;
    s.recto = recto;
    s.opening = opening;
    append(std::move(s));
}

void Flow::keep_with_next(int lines) { keep_lines_ = std::max(keep_lines_, lines); }

void Flow::begin_group() { groups_.push_back(galley_.slabs.size()); }
void Flow::end_group() {
    if (!groups_.empty()) groups_.pop_back();
}

void Flow::push_inset(double left, double right) {
    insets_.emplace_back(left, right);
    inset_left_ += left;
    inset_right_ += right;
}

void Flow::pop_inset() {
    if (insets_.empty()) return;
    inset_left_ -= insets_.back().first;
    inset_right_ -= insets_.back().second;
    insets_.pop_back();
}

void Flow::begin_frame(Rgb background, Rgb rule, double padding, double rule_width) {
    Frame f;
    f.background = background;
    f.rule = rule;
    f.padding = padding;
    f.rule_width = rule_width;
    f.left = inset_left_;
    f.width = measure_ - inset_left_ - inset_right_;
    galley_.frames.push_back(f);
    frames_open_.push_back(static_cast<int>(galley_.frames.size() - 1));
    frame_start_pending_ = true;
    strut(padding);
    galley_.slabs.back().keep_with_next = true;  // top padding stays with the first line
    push_inset(padding + rule_width, padding);
}

void Flow::end_frame() {
    if (frames_open_.empty()) return;
    pop_inset();
    // The bottom padding stays with the last line, so no page starts with an
    // empty piece of box.
    if (!galley_.slabs.empty()) galley_.slabs.back().keep_with_next = true;
    strut(galley_.frames[static_cast<size_t>(frames_open_.back())].padding);
    frames_open_.pop_back();
}

void Flow::anchor(const std::string& id) { pending_anchors_.push_back(id); }
void Flow::outline(const std::string& title, int level, const std::string& anchor) {
    pending_outline_.push_back({title, level, anchor});
}
void Flow::mark(const std::string& key, const std::string& value) { pending_marks_[key] = value; }

}  // namespace bb::typeset
