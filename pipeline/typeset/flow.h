#pragma once
/// Flow: appends the book's blocks to a Galley as slabs, setting paragraphs
/// with text::set_paragraph (Knuth-Plass, justified or ragged) and attaching
/// the page-break rules: widows and orphans, headings kept with the lines
/// that follow, groups kept whole, frames (callout boxes).
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/diagnostics.h"
#include "style/sheet.h"
#include "text/hyphenate.h"
#include "text/paragraph.h"
#include "typeset/fonts.h"
#include "typeset/galley.h"
#include "typeset/inlines.h"

namespace bb::typeset {

Rgb rgb(const style::Color& c);

/// How a paragraph is set.
struct TextSpec {
    std::string family;
    bool bold = false, italic = false;
    double size = 10, leading = 13.5;
    Rgb color;
    bool justify = true;
    bool centered = false;     ///< ragged, each line centred (title page, part pages)
    bool right = false;        ///< ragged, each line flush right (attributions)
    double first_indent = 0;
    double left = 0, right_inset = 0;  ///< extra insets from the current block edges
    Role role = Role::Body;
    bool hyphenate = true;
    bool keep_whole = false;   ///< never break inside (headings, entries' names)
};

/// Results kept across layout passes (and shared by the flows of one pass):
/// a paragraph whose text, fonts and measure did not change is not set
/// again. (A word's kerning is not cached here: Font::kern is a lock-free
/// table look-up, cheaper than a locked map keyed by the word.)
class LayoutCache {
public:
    /// The cached result for `key`, computing it with `make` on a miss.
    const text::ParagraphResult& paragraph(const std::string& key,
                                           const std::function<text::ParagraphResult()>& make);
    /// From now on (the last pass) results are handed out once: `take`
    /// moves the entry out of the cache (computing it when absent, e.g. a
    /// second paragraph with the same key).
    void consume() { consume_ = true; }
    bool consuming() const { return consume_; }
    text::ParagraphResult take(const std::string& key, const std::function<text::ParagraphResult()>& make);

private:
    bool consume_ = false;
    std::mutex mutex_;
    std::unordered_map<std::string, std::unique_ptr<text::ParagraphResult>> paragraphs_;
};

class Flow {
public:
    Flow(const style::Sheet& sheet, FontBook& fonts, const text::Hyphenator* hyphenator, std::string lang,
         base::Sink& sink, LayoutCache* cache = nullptr);

    /// Sets `pieces` as one paragraph; returns the number of lines.
    size_t paragraph(const Pieces& pieces, const TextSpec& spec);
    /// A single line of text placed at `x` (relative to the current left
    /// edge) on a slab of height `leading`, not breakable; for labels.
    void label_line(const std::string& text, const TextSpec& spec, double x = 0);
    /// A contents entry: `title` set ragged short of a number column, then
    /// `leaders` from the end of its last line to `page`, set flush right.
    /// The whole entry links to `target`.
    void leader_entry(const Pieces& title, const TextSpec& spec, const std::string& page,
                      const std::string& leaders, const std::string& target);
    /// Vertical space, dropped at the top of a page.
    void space(double height);
    /// A space that is never dropped (inside frames).
    void strut(double height);
    /// A horizontal rule across the current width.
    void rule(double thickness, Rgb color, double space_above, double space_below);
    /// An image of the given size at x (relative to the current left edge).
    void image(const std::string& path, double x, double w, double h);
    /// Ends the page; the next content starts on a recto when asked.
    void page_break(bool recto, bool opening);

    /// The next `lines` lines stay on the page of the previous slab
    /// (headings: keep-with-next).
    void keep_with_next(int lines);
    /// Everything appended between begin_group and end_group stays together.
    void begin_group();
    void end_group();
    /// A hanging label (bullet, number) drawn on the first line of the next
    /// paragraph, right-aligned to end `gap` before the paragraph's left edge.
    void hang(const std::string& label, const TextSpec& spec, double gap);

    /// Insets from both edges for everything until pop_inset.
    void push_inset(double left, double right);
    void pop_inset();
    double left() const { return inset_left_; }
    double width() const { return measure_ - inset_left_ - inset_right_; }
    double measure() const { return measure_; }

    /// Starts a tinted frame around what follows (insets its content by
    /// padding + rule); end_frame closes it.
    void begin_frame(Rgb background, Rgb rule, double padding, double rule_width);
    void end_frame();

    /// Attached to the next content slab.
    void anchor(const std::string& id);
    /// The next content slab is the place `key` (model::print_key) names,
    /// for the EPUB page-list.
    void place(std::string key) { pending_key_ = std::move(key); }
    void outline(const std::string& title, int level, const std::string& anchor);
    void mark(const std::string& key, const std::string& value);

    Galley& galley() { return galley_; }
    /// Measure only: slabs get their heights, keeps and anchors but no
    /// items (a first layout pass only needs to know where anchors land).
    void set_measure_only(bool on) { measure_only_ = on; }
    /// With measure only, paragraphs are set as lines without their text
    /// (text::ParagraphOptions::lines_only): for a layout whose pages are
    /// all that is wanted, where no later pass takes a paragraph this one set.
    void set_lines_only(bool on) { lines_only_ = on; }
    /// Where paragraphs keep the words they set (text::ParagraphOptions::
    /// words); null (the default): none kept.
    void set_word_memos(text::WordMemos* words) { words_ = words; }
    /// Paragraphs that differ only in the digits of their page numbers
    /// share a cached result when every font they use has digits of one
    /// width that kern alike (Font::digits_interchangeable); the full pass
    /// puts its own numbers in.
    /// Off, the galley's folio_digits_alike is false (nothing sets alike
    /// but the same text).
    void set_folio_digits_alike(bool on) {
        folio_digits_alike_ = on;
        galley_.folio_digits_alike = on;
    }
    /// Width of `text` in the face of `spec` (no fallbacks), points.
    double text_width(const std::string& text, const TextSpec& spec);

private:
    void append(Slab s);
    /// `kerns`: the pairs already measured (text::Fragment::kerns); else,
    /// when `kerned`, each pair is asked of the font.
    TextRun run_of(const std::string& text, const text::Font* font, double size, double x, double y, Rgb color,
                   Role role, bool kerned, double width = -1,
                   const std::vector<std::pair<uint32_t, int>>* kerns = nullptr);
    uint32_t font_id(const text::Font* f);

    const style::Sheet& sheet_;
    FontBook& fonts_;
    const text::Hyphenator* hyphenator_;
    std::string lang_;
    base::Sink& sink_;
    LayoutCache* cache_;
    Galley galley_;
    std::vector<std::pair<const text::Font*, uint32_t>> font_ids_;  ///< font_id's answers so far
    double measure_ = 0;
    double inset_left_ = 0, inset_right_ = 0;
    std::vector<std::pair<double, double>> insets_;
    int keep_lines_ = 0;
    std::vector<size_t> groups_;
    std::vector<int> frames_open_;
    bool frame_start_pending_ = false;
    std::vector<std::string> pending_anchors_;
    std::string pending_key_;
    std::vector<OutlineEntry> pending_outline_;
    std::map<std::string, std::string> pending_marks_;
    struct Hang {
        std::string text;
        TextSpec spec;
        double gap = 0;
    };
    std::vector<Hang> hang_;
    bool measure_only_ = false;
    bool lines_only_ = false;
    text::WordMemos* words_ = nullptr;
    bool folio_digits_alike_ = false;
};

}  // namespace bb::typeset
