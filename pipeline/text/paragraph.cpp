#include "text/paragraph.h"

#include <algorithm>
#include <limits>

#include "base/utf8.h"
#include "text/break_points.h"
#include "text/coverage.h"
#include "text/word_memo.h"

namespace bb::text {

namespace {

using paragraph_detail::Segment;
using paragraph_detail::SetWord;
using paragraph_detail::WordMemo;
using paragraph_detail::WordSetting;

constexpr size_t kNoSegment = std::numeric_limits<size_t>::max();
// Penalty of a character-level break inside an unbreakable word: only the
// last-resort pass sees these, and it should still prefer a loose line.
constexpr double kEmergencyPenalty = 5000;
// Payload of a penalty that draws a "-" when the line breaks there (the
// penalty's width is not a reliable sign: kerning corrections change it).
constexpr size_t kDrawsHyphen = 1;

bool is_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == '\r'; }
bool is_forced(char32_t cp) { return cp == '\n' || cp == 0x2028 || cp == 0x2029; }
bool is_token_end(char32_t cp) { return is_space(cp) || is_forced(cp) || cp == 0xA0 || cp == 0x202F; }
// What separates words for word_break_points (and for the word memo).
bool is_word_separator(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A range of the paragraph text drawn with one font of one run.
struct Span {
    size_t begin, end, run;
    const Font* font;
    WordMemo* memo;  // the words set in this font and size (null: none kept)
};

// A run of characters between spaces, NBSPs and forced breaks. When it is a
// word the memo may hold (`memo` not null): set from the memo (`known`) or
// set and then kept there.
struct Token {
    size_t begin, end, run;
    double width;  // as SetWord::width, when not known
    WordMemo* memo;
    const SetWord* known;
    uint64_t key;  // WordMemo::key of the word, when `memo`
};

// The longest word kept in a memo, in bytes (longer ones are rare, and
// mostly URLs).
constexpr size_t kLongestKeptWord = 48;

/// A Builder's working vectors, kept per thread from one paragraph to the
/// next (emptied, not freed): a big book sets a hundred thousand paragraphs.
struct BuildScratch {
    std::string text;
    std::vector<size_t> run_start;
    std::vector<Span> spans;
    std::vector<Token> tokens;
    std::vector<ByteRange> unknown;  // text outside the words found in the memo
    std::vector<uint8_t> kind, hyph, emerg;  // per byte (bytes, not bits: read for every character)
    std::vector<Item> items;
    std::vector<Segment> segments;
    std::vector<int64_t> units;
    std::vector<char32_t> last;
    std::vector<uint32_t> count;
};

BuildScratch& build_scratch() {
    thread_local BuildScratch scratch;
    return scratch;
}

class Builder {
public:
    /// One Builder at a time per thread (they share the thread's scratch).
    Builder(std::span<const StyledRun> runs, const ParagraphOptions& o) : runs_(runs), o_(o) {
        text_.clear();
        run_start_.clear();
        spans_.clear();
        tokens_.clear();
        items_.clear();
        segments_.clear();
    }

    ParagraphResult build() {
        ParagraphResult result;
        concatenate(result);
        if (text_.empty()) return result;
        mark_breaks();
        emit_items();
        bool any_box = std::any_of(items_.begin(), items_.end(),
                                   [](const Item& it) { return it.is_box() && it.payload != kNoSegment; });
        if (!any_box) return result;
        finish_paragraph(items_);
        BreakParams params = o_.params;
        double em = runs_.front().size;
        if (!o_.justify) params.line_end_stretch = o_.ragged_stretch_em * em;
        params.emergency_stretch = std::max(params.emergency_stretch, o_.emergency_stretch_em * em);
        BreakResult br = break_lines(items_, o_.measure, params);
        result.pass = br.pass;
        result.overfull = br.overfull;
        for (size_t li = 0; li < br.lines.size(); ++li) result.lines.push_back(place(br.lines[li], li));
        return result;
    }

private:
    void concatenate(ParagraphResult& result) {
        WordSetting setting;
        setting.hyphenator = hyphenate() ? o_.hyphenator->id() : 0;
        setting.lang = o_.lang;
        setting.hyphen_penalty = o_.hyphen_penalty;
        setting.ex_hyphen_penalty = o_.ex_hyphen_penalty;
        setting.kerning = o_.kerning;
        setting.lines_only = o_.lines_only;
        for (size_t r = 0; r < runs_.size(); ++r) {
            const StyledRun& run = runs_[r];
            size_t start = text_.size();
            run_start_.push_back(start);
            text_ += run.text;
            if (!run.font) continue;
            std::vector<const Font*> chain{run.font};
            chain.insert(chain.end(), run.fallbacks.begin(), run.fallbacks.end());
            setting.size = run.size;
            for (const auto& fr : split_by_coverage(run.text, chain)) {
                setting.font = chain[fr.font]->id();
                spans_.push_back({start + fr.begin, start + fr.end, r, chain[fr.font],
                                  o_.words ? &o_.words->memo(setting) : nullptr});
            }
            for (const auto& u : uncovered(run.text, chain)) result.missing.push_back({r, u.offset, u.cp});
        }
    }

    const Span* span_at(size_t pos) {
        while (span_i_ < spans_.size() && spans_[span_i_].end <= pos) ++span_i_;
        if (span_i_ < spans_.size() && spans_[span_i_].begin <= pos) return &spans_[span_i_];
        return nullptr;
    }

    bool hyphenate() const { return o_.hyphenator && o_.hyphenator->available(); }

    // Where the token starting at `i` ends: at a space, NBSP or forced
    // break, or the end of the text.
    size_t token_end(size_t i) const {
        while (i < text_.size()) {
            const unsigned char c = static_cast<unsigned char>(text_[i]);
            if (c < 0x80) {  // most characters: no decoding
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n') break;
                ++i;
                continue;
            }
            size_t k = i;
            if (is_token_end(base::next_code_point(text_, k))) break;
            i = k;
        }
        return i;
    }

    // The tokens of the text, and of those a word between ASCII spaces (as
    // word_break_points counts words) in one span, its memo and what it
    // holds for it: such a word is set the same wherever it stands, unless
    // it is wider than the narrowest line (then it has emergency breaks).
    // Returns the bytes of words found.
    size_t find_words(double min_measure) {
        auto separates = [&](size_t at) { return at == text_.size() || is_word_separator(text_[at]); };
        const Span* span = nullptr;  // the span at b while b < its end (looked up again after)
        size_t known = 0;
        span_i_ = 0;
        for (size_t i = 0; i < text_.size();) {
            const size_t b = i;
            i = token_end(i);
            if (i > b) {
                Token t{b, i, 0, 0, nullptr, nullptr, 0};
                if (i - b <= kLongestKeptWord && (b == 0 || separates(b - 1)) && separates(i)) {
                    if (!span || b >= span->end) span = span_at(b);
                    if (span && span->memo && span->end >= i) {
                        t.run = span->run;
                        t.memo = span->memo;
                        t.key = WordMemo::key(std::string_view(text_.data() + b, i - b));
                    }
                }
                tokens_.push_back(t);
            }
            if (i < text_.size()) base::next_code_point(text_, i);  // the separator
        }
        // The look-ups, each word's slot asked for two words ahead and its
        // entry one word ahead (WordMemo::prefetch_slot).
        auto memo_of = [&](size_t k) { return k < tokens_.size() ? tokens_[k].memo : nullptr; };
        for (size_t k = 0; k < tokens_.size(); ++k) {
            if (const WordMemo* m = memo_of(k + 2)) m->prefetch_slot(tokens_[k + 2].key);
            if (const WordMemo* m = memo_of(k + 1)) m->prefetch_entry(tokens_[k + 1].key);
            Token& t = tokens_[k];
            if (!t.memo) continue;
            t.known = t.memo->find(std::string_view(text_.data() + t.begin, t.end - t.begin), t.key);
            if (t.known && t.known->width / 1000.0 > min_measure) {
                t.memo = nullptr;
                t.known = nullptr;
            }
            if (t.known) known += t.end - t.begin;
        }
        return known;
    }

    // Break kinds and hyphenation points per byte offset, for the words
    // not found in the memo.
    void mark_breaks() {
        kind_.assign(text_.size() + 1, 0);
        hyph_.assign(text_.size() + 1, 0);
        emerg_.assign(text_.size() + 1, 0);
        double min_measure = *std::min_element(o_.measure.widths.begin(), o_.measure.widths.end());
        const bool hyphenate = this->hyphenate();
        const bool urls = hyphenate && may_hold_url(text_);  // else no word is a URL
        // A token wider than the narrowest line gets emergency break points.
        // No character is wider than its font's widest glyph, nor has fewer
        // than one byte: a token of fewer bytes than the narrowest line holds
        // of the widest glyph cannot be wider, and is not measured.
        double widest = 0;  // 1/1000 pt
        for (const Span& sp : spans_) {
            const int w = sp.font->widest_advance();
            widest = std::max(widest, w < 0 ? std::numeric_limits<double>::infinity() : w * runs_[sp.run].size);
        }
        const double widest_fitting = min_measure * 1000.0 * (1 - 1e-9);  // a margin for rounding
        const size_t known = find_words(min_measure);
        // Breaks at spaces are the glue's: only those inside words are
        // wanted, and only in words not found (UAX #14 decides a break
        // inside a word from that word alone).
        if (known < text_.size()) {
            unknown_.clear();
            size_t from = 0;  // the first byte after the last word found
            for (const Token& t : tokens_)
                if (t.known) {
                    if (t.begin > from) unknown_.push_back({from, t.begin});
                    from = t.end;
                }
            if (from < text_.size()) unknown_.push_back({from, text_.size()});
            for (const auto& bp : word_break_points(text_, unknown_, o_.lang))
                kind_[bp.offset] = static_cast<uint8_t>(1 + static_cast<int>(bp.kind));
        }
        span_i_ = 0;
        const Span* span = nullptr;
        for (Token& t : tokens_) {
            if (t.known) continue;
            const size_t b = t.begin, i = t.end;
            double width = 0;  // in 1/1000 pt: one division per token, not per character
            // (words to be kept are measured for the memo: other paragraphs
            // may have narrower lines)
            if (t.memo || static_cast<double>(i - b) * widest > widest_fitting)
                for (size_t p = b; p < i;) {
                    const size_t at = p;
                    const char32_t cp = base::next_code_point(text_, p);
                    if (!span || at >= span->end) span = span_at(at);
                    if (span && !is_invisible(cp)) width += span->font->advance(cp) * runs_[span->run].size;
                }
            t.width = width;
            width /= 1000.0;
            std::string_view tok(text_.data() + b, i - b);
            bool author_breaks = tok.find('-') != std::string_view::npos ||
                                 tok.find("\u2010") != std::string_view::npos ||
                                 tok.find("\u00AD") != std::string_view::npos;
            if (hyphenate && !author_breaks && !(urls && is_url(tok))) {
                // Sub-words between UAX #14 opportunities ("word—word").
                size_t s = b;
                for (size_t p = b + 1; p <= i; ++p) {
                    if (p < i && kind_[p] == 0) continue;
                    for (size_t h : o_.hyphenator->points(std::string_view(text_.data() + s, p - s)))
                        hyph_[s + h] = 1;
                    s = p;
                }
            }
            if (width > min_measure) {
                for (size_t p : emergency_points(tok)) emerg_[b + p] = 1;
                t.memo = nullptr;  // its emergency breaks hold only here
            }
        }
    }

    double space_width(const Span* s, char32_t cp) const {
        const Font* f = s ? s->font : runs_.front().font;
        double size = s ? runs_[s->run].size : runs_.front().size;
        return (f->has_glyph(cp) ? f->advance(cp) : f->advance(' ')) * size / 1000.0;
    }

    void flush() {
        if (!open()) return;  // nothing since the last flush: cur_ is empty
        cur_.end = cur_end_;
        // Font::width of cur_.text, added up as the characters came.
        double w = static_cast<double>(cur_units_) * cur_.size / 1000.0;
        // Kerning across an intra-word break between two segments of
        // the same run and font: counted in the first box when the word
        // stays whole, and taken back by the penalty's width when the
        // line breaks there (so both cases measure what is drawn).
        size_t n = items_.size();
        if (o_.kerning && n >= 2 && items_[n - 1].is_penalty() && items_[n - 2].is_box() &&
            items_[n - 2].payload != kNoSegment) {
            const Segment& a = segments_[items_[n - 2].payload];
            if (a.run == cur_.run && a.font == cur_.font && a.end == cur_.begin) {
                double k = a.font->kern(a.last, cur_.first) * a.size / 1000.0;
                items_[n - 2].width += k;
                items_[n - 1].width -= k;
            }
        }
        cur_.units = cur_units_;
        segments_.push_back(std::move(cur_));
        items_.push_back(Item::make_box(w, segments_.size() - 1));
        cur_ = Segment{};
        cur_units_ = 0;
    }

    // The segment being built has a character.
    bool open() const { return cur_.count != 0; }

    // Nothing but the indent since the paragraph start or a forced break.
    bool at_line_start() const {
        return items_.empty() || items_.back().is_forced_break() ||
               (items_.back().is_box() && items_.back().payload == kNoSegment);
    }

    // A place that must not break (before an NBSP's glue, before a spaced
    // dash). The author's glue can still give way in the last-resort pass,
    // when a chain of glued words is wider than the measure: an emergency
    // penalty is not a legal break before that pass, and it makes the glue
    // after it illegal too (glue breaks only after a box).
    static Item no_break() {
        Item p = Item::make_penalty(0, kEmergencyPenalty);
        p.emergency = true;
        return p;
    }

    // True when the first character after the spaces at `pos` is an em or
    // en dash.
    bool dash_follows(size_t pos) const {
        while (pos < text_.size() && (text_[pos] == ' ' || text_[pos] == '\t')) ++pos;
        if (pos >= text_.size()) return false;
        char32_t cp = base::next_code_point(text_, pos);
        return cp == 0x2014 || cp == 0x2013;
    }

    bool last_is_box() const {
        return open() ||
               (!items_.empty() && items_.back().is_box() && items_.back().payload != kNoSegment);
    }

    void emit_items() {
        if (o_.first_indent > 0) items_.push_back(Item::make_box(o_.first_indent, kNoSegment));
        span_i_ = 0;
        size_t next = 0;  // the first token not reached yet
        for (size_t i = 0; i < text_.size();) {
            while (next < tokens_.size() && (tokens_[next].begin < i || !tokens_[next].memo)) ++next;
            if (next < tokens_.size() && tokens_[next].begin == i) {
                const Token& t = tokens_[next++];
                if (t.known) {
                    // A known word's items are wherever the memo put them:
                    // asked for a few words ahead, they are in cache when
                    // copied.
                    if (next + 2 < tokens_.size() && tokens_[next + 2].known) {
                        __builtin_prefetch(tokens_[next + 2].known->items.data());
                        __builtin_prefetch(tokens_[next + 2].known->segments.data());
                    }
                    copy_word(t);
                    i = t.end;
                    continue;
                }
                const size_t items_before = items_.size(), segments_before = segments_.size();
                while (i < t.end) emit(i);
                flush();
                keep_word(t, items_before, segments_before);
                continue;
            }
            emit(i);
        }
        flush();
    }

    // The items and segments of a word found in the memo, in place.
    void copy_word(const Token& t) {
        const size_t first_segment = segments_.size();
        for (Item it : t.known->items) {
            if (it.is_box()) it.payload += first_segment;
            items_.push_back(it);
        }
        for (const Segment& seg : t.known->segments) {
            Segment& copy = segments_.emplace_back(seg);
            copy.run = t.run;
            copy.begin += t.begin;
            copy.end += t.begin;
        }
    }

    // Keeps what the word `t` became (the items and segments since the
    // given sizes) in its memo, offsets counted from the word.
    void keep_word(const Token& t, size_t items_before, size_t segments_before) {
        SetWord set;
        set.width = t.width;
        set.items.assign(items_.begin() + static_cast<std::ptrdiff_t>(items_before), items_.end());
        for (Item& it : set.items)
            if (it.is_box()) it.payload -= segments_before;
        set.segments.assign(segments_.begin() + static_cast<std::ptrdiff_t>(segments_before), segments_.end());
        for (Segment& seg : set.segments) {
            seg.run = 0;
            seg.begin -= t.begin;
            seg.end -= t.begin;
        }
        t.memo->add(std::string_view(text_.data() + t.begin, t.end - t.begin), std::move(set));
    }

    // The items of the character at `i`; moves `i` past it.
    void emit(size_t& i) {
        size_t at = i;
        char32_t cp = base::next_code_point(text_, i);
        const Span* s = span_at(at);
        if (is_space(cp)) {
            flush();
            if (at_line_start()) return;  // TeX skips spaces at the start of a paragraph
            if (items_.back().is_glue()) return;  // collapse runs of spaces
            double w = space_width(s, ' ');
            // A spaced dash never begins a line ("styles — formed"):
            // the space before it does not break (but in the last resort).
            if (dash_follows(i)) items_.push_back(no_break());
            items_.push_back(o_.justify ? Item::make_glue(w, w / 2, w / 3) : Item::make_glue(w, 0, 0));
            return;
        }
        if (is_forced(cp)) {
            flush();
            while (!items_.empty() && items_.back().is_glue()) items_.pop_back();
            items_.push_back(Item::make_penalty(0, kInfPenalty));
            items_.push_back(Item::make_glue(0, kFill, 0));
            items_.push_back(Item::make_penalty(0, -kInfPenalty));
            return;
        }
        if (cp == 0xA0 || cp == 0x202F) {
            flush();
            double w = space_width(s, cp);
            items_.push_back(no_break());
            if (cp == 0xA0 && o_.justify) items_.push_back(Item::make_glue(w, w / 2, w / 3));
            else items_.push_back(Item::make_glue(w, 0, 0));
            return;
        }
        if (!s) return;  // a run without a font: nothing to draw
        if (is_invisible(cp)) {  // never drawn, never a place to break before
            if (open()) cur_end_ = i;
            return;
        }
        // A break opportunity before this character, inside a word.
        int kind = kind_[at];
        bool hyph = hyph_[at], emerg = emerg_[at];
        if (last_is_box() && (kind != 0 || hyph || emerg)) {
            // The segment this break follows (the open one, or the last box).
            const Segment& before = open() ? cur_ : segments_[items_.back().payload];
            const struct {
                double size;
                const Font* font;
                char32_t last;
            } prev{before.size, before.font, before.last};
            flush();
            double size = prev.size;
            const Font* f = prev.font;
            auto hyphen_width = [&] {
                int units = f->advance('-') + (o_.kerning ? f->kern(prev.last, '-') : 0);
                return units * size / 1000.0;
            };
            BreakKind bk = static_cast<BreakKind>(std::max(kind, 1) - 1);
            if (kind != 0 && bk == BreakKind::SoftHyphen) {
                items_.push_back(Item::make_penalty(hyphen_width(), o_.hyphen_penalty, true, kDrawsHyphen));
            } else if (kind != 0 && bk == BreakKind::Hyphen) {
                items_.push_back(Item::make_penalty(0, o_.ex_hyphen_penalty, true));
            } else if (kind != 0) {
                items_.push_back(Item::make_penalty(0, 0));
            } else if (hyph) {
                Item p = Item::make_penalty(hyphen_width(), o_.hyphen_penalty, true, kDrawsHyphen);
                p.discretionary = true;
                items_.push_back(p);
            } else {
                Item p = Item::make_penalty(0, kEmergencyPenalty);
                p.emergency = true;
                items_.push_back(p);
            }
        }
        if (open() && (cur_.font != s->font || cur_.run != s->run)) flush();
        if (!open()) {
            cur_.run = s->run;
            cur_.font = s->font;
            cur_.size = runs_[s->run].size;
            cur_.begin = at;
        }
        cur_end_ = i;
        cur_units_ += cur_.font->advance(cp);
        if (!open()) {
            cur_.first = cp;
        } else if (o_.kerning) {
            if (int k = cur_.font->kern(cur_.last, cp)) {
                cur_units_ += k;
                if (!o_.lines_only) cur_.kerns.emplace_back(cur_.count - 1, k);
            }
        }
        cur_.last = cp;
        ++cur_.count;
        if (!o_.lines_only) base::append_utf8(cur_.text, cp);
    }

    ParagraphLine place(const Line& line, size_t index) {
        ParagraphLine out;
        out.measure = o_.measure.at(index);
        const Item& brk = items_[line.end];
        bool forced = brk.is_forced_break();
        double ratio = forced ? std::min(line.ratio, 0.0) : line.ratio;
        out.ratio = ratio;
        out.overfull = line.overfull;
        out.hyphenated = line.hyphenated;
        // Inside a word unless the break is a space or a forced break (the
        // builder's penalties sit between characters of one token, except
        // the no-break ones before an NBSP or a spaced dash, followed by glue).
        bool space_follows = line.end + 1 < items_.size() && items_[line.end + 1].is_glue();
        out.breaks_word = brk.is_penalty() && !forced && !space_follows;
        double x = 0;
        size_t prev_item = std::numeric_limits<size_t>::max();
        // Each fragment's Font::width_units and last character, added up
        // from its segments' (the text is not measured again).
        std::vector<int64_t>& units = units_scratch_;
        std::vector<char32_t>& last_cp = last_scratch_;
        std::vector<uint32_t>& count = count_scratch_;  // code points of each fragment's text
        units.clear();
        last_cp.clear();
        count.clear();
        // At most a fragment per box of text: sized once (grown one by one,
        // a line's list was allocated and moved four or five times).
        size_t boxes = 0;
        for (size_t k = line.begin; k < line.end; ++k)
            boxes += items_[k].is_box() && items_[k].payload != kNoSegment;
        out.fragments.reserve(boxes);
        for (size_t k = line.begin; k < line.end; ++k) {
            const Item& it = items_[k];
            if (it.is_glue()) {
                x += it.width + (ratio >= 0 ? ratio * it.stretch : ratio * it.shrink);
                continue;
            }
            if (!it.is_box()) continue;
            if (it.payload == kNoSegment) {
                x += it.width;
                continue;
            }
            const Segment& seg = segments_[it.payload];
            bool contiguous = prev_item != std::numeric_limits<size_t>::max() && !out.fragments.empty();
            for (size_t j = prev_item + 1; contiguous && j < k; ++j)
                if (!items_[j].is_penalty()) contiguous = false;
            Fragment* last = out.fragments.empty() ? nullptr : &out.fragments.back();
            if (contiguous && last && last->run == seg.run && last->font == seg.font &&
                segments_[items_[prev_item].payload].end == seg.begin) {
                const int k = o_.kerning ? seg.font->kern(last_cp.back(), seg.first) : 0;
                if (!o_.lines_only) {
                    last->text += seg.text;
                    if (k) last->kerns.emplace_back(count.back() - 1, k);
                    for (const auto& [at, v] : seg.kerns) last->kerns.emplace_back(count.back() + at, v);
                }
                units.back() += seg.units + k;
                last_cp.back() = seg.last;
                count.back() += seg.count;
            } else {
                Fragment f;
                f.text = seg.text;
                f.font = seg.font;
                f.size = seg.size;
                f.x = x;
                f.kerned = o_.kerning;
                const StyledRun& run = runs_[seg.run];
                f.bold = run.bold;
                f.italic = run.italic;
                f.style = run.style;
                f.run = seg.run;
                f.offset = seg.begin - run_start_[seg.run];
                f.kerns = seg.kerns;
                out.fragments.push_back(std::move(f));
                units.push_back(seg.units);
                last_cp.push_back(seg.last);
                count.push_back(seg.count);
            }
            x += it.width;
            prev_item = k;
        }
        // A hyphen drawn at the end of a line broken inside a word.
        if (brk.is_penalty() && brk.payload == kDrawsHyphen && !out.fragments.empty()) {
            Fragment& f = out.fragments.back();
            const int k = o_.kerning ? f.font->kern(last_cp.back(), '-') : 0;
            if (!o_.lines_only) {
                f.text += "-";
                if (k) f.kerns.emplace_back(count.back() - 1, k);
            }
            units.back() += f.font->advance('-') + k;
            ++count.back();
            out.hyphen_added = true;
        }
        for (size_t k = 0; k < out.fragments.size(); ++k) {
            Fragment& f = out.fragments[k];
            f.width = static_cast<double>(units[k]) * f.size / 1000.0;  // as Font::width computes it
            out.ascent = std::max(out.ascent, f.font->ascender() * f.size / 1000.0);
            out.descent = std::max(out.descent, -f.font->descender() * f.size / 1000.0);
        }
        if (!out.fragments.empty()) out.width = out.fragments.back().x + out.fragments.back().width;
        return out;
    }

    std::span<const StyledRun> runs_;
    const ParagraphOptions& o_;
    BuildScratch& scratch_ = build_scratch();
    std::string& text_ = scratch_.text;
    std::vector<size_t>& run_start_ = scratch_.run_start;
    std::vector<Span>& spans_ = scratch_.spans;
    std::vector<Token>& tokens_ = scratch_.tokens;
    std::vector<ByteRange>& unknown_ = scratch_.unknown;
    size_t span_i_ = 0;
    std::vector<uint8_t>& kind_ = scratch_.kind;  // 0 none, else 1 + BreakKind
    std::vector<uint8_t>& hyph_ = scratch_.hyph;
    std::vector<uint8_t>& emerg_ = scratch_.emerg;
    std::vector<Item>& items_ = scratch_.items;
    std::vector<Segment>& segments_ = scratch_.segments;
    Segment cur_{};
    std::vector<int64_t>& units_scratch_ = scratch_.units;
    std::vector<char32_t>& last_scratch_ = scratch_.last;
    std::vector<uint32_t>& count_scratch_ = scratch_.count;
    int64_t cur_units_ = 0;  // width of the open segment's text in 1/1000 em, kerning included
    size_t cur_end_ = 0;
};

}  // namespace

ParagraphResult set_paragraph(std::span<const StyledRun> runs, const ParagraphOptions& options) {
    if (runs.empty() || options.measure.widths.empty()) return {};
    Builder b(runs, options);
    return b.build();
}

}  // namespace bb::text
