#pragma once
/// Total-fit line breaking after D. E. Knuth and M. F. Plass, "Breaking
/// Paragraphs into Lines", Software: Practice and Experience 11(11),
/// 1119-1184 (1981), as implemented in TeX: The Program §§813-890: boxes,
/// glue and penalties; badness 100 r^3; demerits (line_penalty + b)^2 +/- p^2;
/// four fitness classes with adj_demerits; double/final hyphen demerits;
/// pretolerance / tolerance / emergency passes; looseness (§875).
///
/// The list must end the way TeX ends a paragraph: glue with `fill` stretch
/// (\parfillskip) then a forced break (penalty <= -10000); `finish_paragraph`
/// appends both. Any forced penalty inside the list is a mandatory break.
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace bb::text {

/// Penalty at or above: never break; at or below: must break (TeX's 10000).
inline constexpr double kInfPenalty = 10000;
/// Stretch standing for TeX's "fil" order (\parfillskip, ragged right
/// helpers): large enough that finite stretch is negligible next to it.
inline constexpr double kFill = 1e7;

/// One item of the paragraph list. `payload` is free for the caller (index
/// of the text piece a box stands for).
struct Item {
    enum class Type : uint8_t { Box, Glue, Penalty };
    Type type = Type::Box;
    double width = 0;
    double stretch = 0, shrink = 0;  ///< glue only
    double penalty = 0;              ///< penalty only
    bool flagged = false;            ///< penalty only: a hyphen break (TeX's flagged penalty)
    /// penalty only: a hyphenation point found by the hyphenator (not typed
    /// by the author). Ignored in the first pass (pretolerance), as TeX only
    /// hyphenates when the first pass fails.
    bool discretionary = false;
    /// penalty only: a character-level break inside an unbreakable word
    /// (URL, hash). Used only in the last-resort pass, when the paragraph
    /// cannot be set without an overfull line otherwise.
    bool emergency = false;
    size_t payload = 0;

    static Item make_box(double width, size_t payload = 0);
    static Item make_glue(double width, double stretch, double shrink, size_t payload = 0);
    static Item make_penalty(double width, double penalty, bool flagged = false, size_t payload = 0);
    bool is_box() const { return type == Type::Box; }
    bool is_glue() const { return type == Type::Glue; }
    bool is_penalty() const { return type == Type::Penalty; }
    bool is_forced_break() const { return is_penalty() && penalty <= -kInfPenalty; }
};

/// Appends \parfillskip (glue 0 plus kFill) and a forced break.
void finish_paragraph(std::vector<Item>& items);

/// Line lengths: line i (0-based) has width widths[i]; lines past the end
/// use the last entry. One entry = every line the same. Must not be empty.
struct Measure {
    std::vector<double> widths;
    Measure() = default;
    Measure(double w) : widths{w} {}  // NOLINT: a plain number is a uniform measure
    Measure(std::vector<double> w) : widths(std::move(w)) {}
    double at(size_t line) const { return line < widths.size() ? widths[line] : widths.back(); }
};

/// TeX's parameters with plain TeX's defaults (\pretolerance 100,
/// \tolerance 200, \linepenalty 10, \adjdemerits 10000,
/// \doublehyphendemerits 10000, \finalhyphendemerits 5000,
/// \emergencystretch 0 -- the paragraph builder passes 1.5 em), plus
/// bookbuild's line_end_stretch, max_consecutive_hyphens and max_active.
struct BreakParams {
    double pretolerance = 100;   ///< first pass (no hyphenation points); < 0 skips it
    double tolerance = 200;      ///< second pass
    double line_penalty = 10;
    double adj_demerits = 10000;
    double double_hyphen_demerits = 10000;
    double final_hyphen_demerits = 5000;
    double emergency_stretch = 0;  ///< points of background stretch in the third pass
    int looseness = 0;             ///< TeX §875: prefer this many more/fewer lines
    /// At most this many lines in a row may end at a flagged (hyphen) break;
    /// 0 = unlimited (TeX has only double_hyphen_demerits, which narrow
    /// measures overrule; typographers' "ladder" limit is 2 or 3). Enforced
    /// in every pass; dropped only if a paragraph cannot be set otherwise.
    int max_consecutive_hyphens = 2;
    /// Stretch added at the end of every line, TeX's \rightskip stretch: > 0
    /// gives ragged-right setting with total-fit (not greedy) breaks when the
    /// interword glue has no stretch. Line positions keep natural spaces.
    double line_end_stretch = 0;
    /// Active nodes kept per pass; when exceeded the ones with the highest
    /// total demerits are dropped (0 = unbounded). Only pathological input
    /// (very long lines, huge tolerance) reaches the default.
    size_t max_active = 512;
    /// The passes that keep every line that fits however loose (4 and 5)
    /// are first run with a bound on the total demerits, which gives the
    /// same lines without the nodes that cannot win (when line_penalty and
    /// the extra demerits are not negative and no break has a negative
    /// finite penalty; else they run unbounded anyway); false runs them
    /// without it (to compare the two).
    bool bounded_last_passes = true;
};

/// One line of the solution.
struct Line {
    size_t begin;       ///< first item of the line (after discarding glue/penalties at the break)
    size_t end;         ///< index of the break item (glue or penalty); the line is items [begin, end)
                        ///< plus, when items[end] is a penalty, its width (e.g. a hyphen)
    /// Adjustment ratio that makes the line exactly as wide as the measure
    /// with the items' own glue: >0 stretch, <0 shrink (-1 when overfull);
    /// 0 when the line is short and has no stretch (ragged lines). Background
    /// stretch (line_end_stretch, emergency_stretch) only ranks breaks.
    double ratio;
    double natural;     ///< natural width including the break penalty's width
    int fitness;        ///< 0 very loose, 1 loose, 2 decent, 3 tight
    bool hyphenated;    ///< ends at a flagged penalty
    bool overfull;      ///< wider than the measure even fully shrunk
};

struct BreakResult {
    std::vector<Line> lines;
    /// Indices into `lines` of overfull lines (a box wider than the measure
    /// with no break inside it). Empty whenever any solution fits.
    std::vector<size_t> overfull;
    /// Pass that produced the result: 1 pretolerance, 2 tolerance, 3
    /// emergency stretch, 4 any fitting line (tolerance ignored), 5 with
    /// emergency (character-level) breaks.
    int pass = 0;
    double demerits = 0;
    /// Largest active list seen in the passes run (for tuning max_active;
    /// passes 4 and 5 count their bounded runs too, so it can be smaller
    /// than an unbounded pass would have needed).
    size_t peak_active = 0;
    /// Break item indices only (lines[i].end), for callers that want a list.
    std::vector<size_t> breaks() const;
};

/// Breaks `items` into lines of `measure` with total fit. Always returns a
/// solution covering every item: it tries the passes in order and takes the
/// first with no overfull line; if none exists, the last pass' result, with
/// the unavoidable overfull lines listed. An empty list gives no lines.
BreakResult break_lines(std::span<const Item> items, const Measure& measure,
                        const BreakParams& params = {});

/// TeX's badness of stretching `shortfall` with `stretch` (or shrinking):
/// 100 r^3 rounded like TeX, 10000 ("infinitely bad") past r ~ 4.64 or when
/// there is nothing to stretch; for shortfall < 0 beyond the shrink, 10001.
double badness(double shortfall, double stretch_or_shrink);

}  // namespace bb::text
