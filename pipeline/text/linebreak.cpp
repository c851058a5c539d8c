// Knuth & Plass total-fit line breaking. Reference: D. E. Knuth and M. F.
// Plass, "Breaking Paragraphs into Lines", Software: Practice and Experience
// 11(11):1119-1184, 1981; and TeX: The Program (Knuth 1986) §§813-890, whose
// section numbers are cited below. Differences from TeX, on purpose:
// - widths are doubles in points (no scaled integers, no fil orders: kFill);
// - totals come from prefix sums instead of TeX's delta nodes (same result,
//   simpler code; the break width of §837 is the prefix sum at the first box
//   after the break);
// - after TeX's three passes, a fourth ignores the tolerance and a fifth adds
//   the caller's character-level emergency breaks, so that no line is wider
//   than the measure unless a single unbreakable box is.
// The fourth and fifth passes, which keep every line that fits however
// loose, are first run with an upper bound on the total demerits (see
// run_bounded): the same answer, without the nodes that cannot win.
#include "text/linebreak.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace bb::text {

Item Item::make_box(double width, size_t payload) {
    Item it;
    it.type = Type::Box;
    it.width = width;
    it.payload = payload;
    return it;
}

Item Item::make_glue(double width, double stretch, double shrink, size_t payload) {
    Item it;
    it.type = Type::Glue;
    it.width = width;
    it.stretch = stretch;
    it.shrink = shrink;
    it.payload = payload;
    return it;
}

Item Item::make_penalty(double width, double penalty, bool flagged, size_t payload) {
    Item it;
    it.type = Type::Penalty;
    it.width = width;
    it.penalty = penalty;
    it.flagged = flagged;
    it.payload = payload;
    return it;
}

void finish_paragraph(std::vector<Item>& items) {
    // TeX removes a trailing space before \parfillskip (§816): a break there
    // would end the paragraph with an empty line.
    while (!items.empty() && items.back().is_glue()) items.pop_back();
    items.push_back(Item::make_penalty(0, kInfPenalty));
    items.push_back(Item::make_glue(0, kFill, 0));
    items.push_back(Item::make_penalty(0, -kInfPenalty));
}

std::vector<size_t> BreakResult::breaks() const {
    std::vector<size_t> out;
    out.reserve(lines.size());
    for (const auto& l : lines) out.push_back(l.end);
    return out;
}

double badness(double shortfall, double stretch) {
    // §108: badness(t, s) ~ 100 (t/s)^3, 10000 when "infinitely bad".
    if (shortfall == 0) return 0;
    if (stretch <= 0) return 10000;
    double r = shortfall / stretch;
    if (r > 4.6416) return 10000;  // 100 r^3 >= 10000
    return std::floor(100 * r * r * r + 0.5);
}

namespace {

constexpr double kAwful = std::numeric_limits<double>::infinity();

enum Fitness { VeryLoose = 0, Loose = 1, Decent = 2, Tight = 3 };

struct Node {
    size_t pos;          // break item index (npos for the paragraph start)
    size_t line;         // lines ended so far
    int fitness;
    double total;        // total demerits up to here
    size_t parent;       // node index, npos for the start
    double tw, ty, tz;   // prefix sums at the first item of the next line
    size_t next_begin;   // first item of the next line
    bool flagged;        // the break is a hyphen
    bool overfull;       // the line ending here is overfull (artificial break)
    int hyphen_run;      // lines in a row ending at a hyphen, up to this one
};

/// Best candidate per (line class, fitness class) at one break (§829-§836).
/// The run of hyphenated lines is part of the key, like the fitness class,
/// so that the limit does not cost optimality.
struct Candidate {
    size_t line_class;
    int hyphen_run;
    double d[4];
    size_t from[4];
};

/// The breaker's working vectors, kept per thread from one paragraph to the
/// next: a big book breaks a hundred thousand paragraphs, and fresh vectors
/// for each (two of them at every legal break) were a third of the whole
/// build's allocations.
struct BreakScratch {
    std::vector<double> sw, sy, sz;
    std::vector<Node> nodes;
    std::vector<size_t> active, keep;
    std::vector<Candidate> cands;
};

BreakScratch& break_scratch() {
    thread_local BreakScratch scratch;
    return scratch;
}

struct Pass {
    double tolerance;
    bool hyphenate;      // use discretionary (hyphenator) penalties
    bool emergency;      // use emergency (character-level) penalties
    double background;   // extra stretch per line (\rightskip + emergency stretch)
    bool last_resort;    // never fail: artificial breaks for unavoidable overfull lines
    bool uncapped;       // badness beyond 10000 still ranks lines
    bool hyphen_limit;   // enforce max_consecutive_hyphens
};

class Breaker {
public:
    Breaker(std::span<const Item> items, const Measure& measure, const BreakParams& params)
        : items_(items), measure_(measure), p_(params) {
        size_t n = items.size();
        sw_.assign(n + 1, 0);
        sy_.assign(n + 1, 0);
        sz_.assign(n + 1, 0);
        for (size_t i = 0; i < n; ++i) {
            const Item& it = items[i];
            if (!it.is_penalty() && (it.width < 0 || it.stretch < 0)) widths_grow_ = false;
            bool counts = !it.is_penalty();
            sw_[i + 1] = sw_[i] + (counts ? it.width : 0);
            sy_[i + 1] = sy_[i] + (it.is_glue() ? it.stretch : 0);
            sz_[i + 1] = sz_[i] + (it.is_glue() ? it.shrink : 0);
        }
    }

    // Runs one pass; false when it found no way to the end. With a finite
    // `bound`, nodes whose total demerits exceed it are not made, and the
    // run gives up (false) where the last resort would break artificially:
    // see run_bounded for why a bounded run that succeeds is exact.
    bool run(const Pass& pass, BreakResult& out, double bound = kAwful) {
        nodes_.clear();
        active_.clear();
        pass_ = pass;
        bound_ = bound;
        gave_up_ = false;
        // A line whose shortfall exceeds its stretch times this ratio has a
        // badness above the tolerance (100 r^3 >= tolerance + 0.5 rounds to
        // more than it), so it is skipped before badness() is computed; the
        // margin covers the rounding of the product. No skipping when the
        // tolerance admits every line or badness is uncapped.
        too_loose_ = pass.tolerance < 10000 && !pass.uncapped
                         ? std::cbrt((pass.tolerance + 0.5) / 100) * (1 + 1e-9)
                         : kAwful;
        // A bounded uncapped run makes no line whose own demerits,
        // (line_penalty + badness)^2, pass the bound (totals start at 0 and
        // only grow), so a line looser than that is skipped the same way.
        if (pass.uncapped && bound < kAwful) {
            const double worst = std::sqrt(bound) - p_.line_penalty;  // badness
            if (worst < 1e12) too_loose_ = std::cbrt(std::max(0.0, worst) / 100) * (1 + 1e-9);
        }
        size_t first = first_after(std::string::npos);
        nodes_.push_back({std::string::npos, 0, Decent, 0, std::string::npos, sw_[first], sy_[first], sz_[first],
                          first, false, false, 0});
        active_.push_back(0);
        for (size_t b = 0; b < items_.size(); ++b) {
            const Item& it = items_[b];
            bool legal = false;
            if (it.is_glue()) legal = b > 0 && items_[b - 1].is_box();
            else if (it.is_penalty()) {
                legal = it.penalty < kInfPenalty;
                if (it.discretionary && !pass.hyphenate) legal = false;
                if (it.emergency && !pass.emergency) legal = false;
            }
            if (!legal) continue;
            if (all_too_loose(b)) continue;
            try_break(b);
            peak_active_ = std::max(peak_active_, active_.size());
            if (active_.empty() || gave_up_) return false;
        }
        return finish(out);
    }

private:
    // First item of a line that starts after a break at `b` (§837, §879):
    // glue and penalties are discarded up to the next box, but never past a
    // forced break.
    size_t first_after(size_t b) const {
        size_t j = b == std::string::npos ? 0 : b + 1;
        while (j < items_.size() && !items_[j].is_box() && !items_[j].is_forced_break()) ++j;
        return j;
    }

    double line_width(size_t line) const { return measure_.at(line); }

    /// True when every active node's line would be too loose to end at `b`
    /// (not forced): try_break would keep them all and add none, so it
    /// need not run. With one measure, the oldest node's line is the
    /// longest and has the most stretch: if it is too loose, so is every
    /// shorter one (shortfall only grows and stretch only shrinks). Most
    /// breaks inside a line are such.
    /// (Only when no box or glue is narrower than nothing and no glue
    /// stretches negatively: else a longer line can be the tighter one.)
    bool all_too_loose(size_t b) const {
        if (measure_.widths.size() != 1 || active_.empty() || !widths_grow_) return false;
        const Item& brk = items_[b];
        if (brk.is_forced_break()) return false;
        const Node& oldest = nodes_[active_.front()];
        const double natural = sw_[b] - oldest.tw + (brk.is_penalty() ? brk.width : 0);
        const double stretch = sy_[b] - oldest.ty + pass_.background;
        const double shortfall = measure_.widths.front() - natural;
        return shortfall > 0 && shortfall > stretch * too_loose_ && stretch < kFill;
    }

    void try_break(size_t b) {
        const Item& brk = items_[b];
        double pw = brk.is_penalty() ? brk.width : 0;
        bool forced = brk.is_forced_break();
        bool is_final = b + 1 == items_.size();
        std::vector<Candidate>& cands = cands_;
        cands.clear();
        auto candidate_for = [&](size_t cls, int run) -> Candidate& {
            for (auto& c : cands)
                if (c.line_class == cls && c.hyphen_run == run) return c;
            cands.push_back({cls, run, {kAwful, kAwful, kAwful, kAwful}, {0, 0, 0, 0}});
            return cands.back();
        };
        bool hyphen_break = brk.is_penalty() && brk.flagged && !is_final;
        std::vector<size_t>& keep = keep_;
        keep.clear();
        // Nodes deactivated here because their line would be overfull, for
        // an artificial break in the last-resort passes (§851, §854).
        size_t best_overfull = std::string::npos;
        double best_overflow = kAwful;
        for (size_t ai : active_) {
            const Node& a = nodes_[ai];
            double L = line_width(a.line);
            double natural = sw_[b] - a.tw + pw;
            double stretch = sy_[b] - a.ty + pass_.background;
            double shrink = sz_[b] - a.tz;
            double bad;
            int fit;
            bool overfull = false;
            if (natural <= L) {
                double shortfall = L - natural;
                if (shortfall > 0 && shortfall > stretch * too_loose_ && stretch < kFill) {
                    if (!forced) keep.push_back(ai);  // too loose now; a later break may fit
                    continue;
                }
                if (pass_.uncapped && shortfall > 0) {
                    double r = stretch > 0 ? shortfall / stretch : 1e3;
                    bad = std::min(100 * r * r * r, 1e12);
                } else {
                    bad = stretch >= kFill ? 0 : badness(shortfall, stretch);
                }
                fit = bad > 99 ? VeryLoose : bad > 12 ? Loose : Decent;
            } else {
                double excess = natural - L;
                if (excess > shrink + 1e-9) {
                    overfull = true;
                    bad = 10001;
                } else {
                    bad = badness(excess, shrink);
                }
                fit = bad > 12 ? Tight : Decent;
            }
            if (overfull) {
                if (excess_less(natural - L - shrink, a, best_overflow, best_overfull)) {
                    best_overflow = natural - L - shrink;
                    best_overfull = ai;
                }
                continue;  // deactivated (§851)
            }
            if (!forced) keep.push_back(ai);
            if (bad > pass_.tolerance) continue;
            int run = hyphen_break ? a.hyphen_run + 1 : 0;
            if (pass_.hyphen_limit && p_.max_consecutive_hyphens > 0 && run > p_.max_consecutive_hyphens) continue;
            // Demerits (§859).
            double d = p_.line_penalty + bad;
            d = d * d;
            if (brk.is_penalty()) {
                if (brk.penalty >= 0) d += brk.penalty * brk.penalty;
                else if (brk.penalty > -kInfPenalty) d -= brk.penalty * brk.penalty;
            }
            // §859: TeX ends a paragraph with try_break(eject_penalty,
            // hyphenated), so a hyphen on the next-to-last line costs
            // final_hyphen_demerits; two hyphens in a row cost double.
            if (a.flagged) {
                if (is_final) d += p_.final_hyphen_demerits;
                else if (brk.is_penalty() && brk.flagged) d += p_.double_hyphen_demerits;
            }
            if (std::abs(fit - a.fitness) > 1) d += p_.adj_demerits;
            d += a.total;
            Candidate& c = candidate_for(line_class(a.line + 1), run);
            if (d < c.d[fit]) {
                c.d[fit] = d;
                c.from[fit] = ai;
            }
        }
        // A bounded run cannot tell whether a node it did not make would
        // have survived here: it leaves the artificial break to a full run.
        if (pass_.last_resort && cands.empty() && keep.empty() && bound_ < kAwful) {
            gave_up_ = true;
            return;
        }
        // §851/§854: in the last resort, when nothing else survives, break
        // here anyway from the node whose line overflows least.
        if (pass_.last_resort && cands.empty() && keep.empty() && best_overfull != std::string::npos) {
            Candidate& c = candidate_for(line_class(nodes_[best_overfull].line + 1),
                                         hyphen_break ? nodes_[best_overfull].hyphen_run + 1 : 0);
            c.d[Decent] = nodes_[best_overfull].total;
            c.from[Decent] = best_overfull;
            artificial_ = best_overfull;
        } else {
            artificial_ = std::string::npos;
        }
        std::swap(active_, keep);  // the old list's buffer is the next break's `keep`
        size_t next = first_after(b);
        // New nodes in the order of their keys, not of the active node that
        // first named the key: a bounded run, which lacks some active
        // nodes, then makes its nodes in the same order as a full run.
        if (cands.size() > 1)
            std::sort(cands.begin(), cands.end(), [](const Candidate& x, const Candidate& y) {
                return x.line_class != y.line_class ? x.line_class < y.line_class : x.hyphen_run < y.hyphen_run;
            });
        for (const auto& c : cands) {
            double minimum = *std::min_element(std::begin(c.d), std::end(c.d));
            for (int f = 0; f < 4; ++f) {
                // §836: a class more than adj_demerits worse than the best can
                // never win later, since adjacency costs at most that much.
                if (c.d[f] == kAwful || c.d[f] > minimum + p_.adj_demerits) continue;
                if (c.d[f] > bound_) continue;
                const Node& from = nodes_[c.from[f]];
                bool art = c.from[f] == artificial_;
                nodes_.push_back({b, from.line + 1, f, c.d[f], c.from[f], sw_[next], sy_[next], sz_[next], next,
                                  hyphen_break, art, c.hyphen_run});
                active_.push_back(nodes_.size() - 1);
            }
        }
        if (p_.max_active > 0 && active_.size() > p_.max_active) {
            std::stable_sort(active_.begin(), active_.end(),
                             [&](size_t x, size_t y) { return nodes_[x].total < nodes_[y].total; });
            active_.resize(p_.max_active);
            std::sort(active_.begin(), active_.end());
        }
    }

    bool excess_less(double overflow, const Node& a, double best_overflow, size_t best) const {
        if (best == std::string::npos) return true;
        if (overflow < best_overflow - 1e-9) return true;
        return std::abs(overflow - best_overflow) <= 1e-9 && a.total < nodes_[best].total;
    }

    size_t line_class(size_t line) const {
        // §848 easy_line: past the last special width all lines are alike.
        if (p_.looseness != 0) return line;
        return std::min(line, measure_.widths.size() - 1);
    }

    bool finish(BreakResult& out) {
        // Nodes at the last item are the candidates (§873-§875).
        size_t end = items_.size() - 1;
        size_t best = std::string::npos;
        for (size_t ai : active_)
            if (nodes_[ai].pos == end && (best == std::string::npos || nodes_[ai].total < nodes_[best].total))
                best = ai;
        if (best == std::string::npos) return false;
        actual_looseness_ = 0;
        if (p_.looseness != 0) {  // §875
            size_t best_line = nodes_[best].line;
            long actual = 0;
            double fewest = nodes_[best].total;
            for (size_t ai : active_) {
                const Node& r = nodes_[ai];
                if (r.pos != end) continue;
                long diff = static_cast<long>(r.line) - static_cast<long>(best_line);
                if ((diff < actual && p_.looseness <= diff) || (diff > actual && p_.looseness >= diff)) {
                    best = ai;
                    actual = diff;
                    fewest = r.total;
                } else if (diff == actual && r.total < fewest) {
                    best = ai;
                    fewest = r.total;
                }
            }
            actual_looseness_ = static_cast<int>(actual);
        }
        std::vector<size_t> chain;
        for (size_t k = best; k != 0 && k != std::string::npos; k = nodes_[k].parent) chain.push_back(k);
        std::reverse(chain.begin(), chain.end());
        out.lines.clear();
        out.overfull.clear();
        out.demerits = nodes_[best].total;
        size_t prev = 0;
        for (size_t k : chain) {
            const Node& n = nodes_[k];
            const Node& a = nodes_[prev];
            Line line;
            line.begin = a.next_begin;
            line.end = n.pos;
            const Item& brk = items_[n.pos];
            double pw = brk.is_penalty() ? brk.width : 0;
            double L = line_width(a.line);
            line.natural = sw_[n.pos] - a.tw + pw;
            double stretch = sy_[n.pos] - a.ty, shrink = sz_[n.pos] - a.tz;
            // The ratio that makes the line exactly L with its own glue
            // (background stretch only ranks breaks, like TeX's emergency
            // stretch; the caller justifies with the real glue).
            if (line.natural < L) line.ratio = stretch > 0 ? (L - line.natural) / stretch : 0;
            else if (line.natural > L) line.ratio = shrink > 0 ? -(line.natural - L) / shrink : 0;
            else line.ratio = 0;
            line.overfull = line.natural - shrink > L + 1e-9;
            if (line.overfull) line.ratio = shrink > 0 ? -1 : 0;
            line.fitness = n.fitness;
            line.hyphenated = brk.is_penalty() && brk.flagged && n.pos + 1 != items_.size();
            if (line.overfull) out.overfull.push_back(out.lines.size());
            out.lines.push_back(line);
            prev = k;
        }
        return true;
    }

    std::span<const Item> items_;
    const Measure& measure_;
    const BreakParams& p_;
    Pass pass_{};
    double too_loose_ = kAwful;  ///< see run()
    double bound_ = kAwful;      ///< see run()
    bool widths_grow_ = true;    ///< no negative width or stretch (all_too_loose)
    bool gave_up_ = false;       ///< a bounded run met an artificial break
    BreakScratch& scratch_ = break_scratch();  // one Breaker at a time per thread
    std::vector<double>& sw_ = scratch_.sw;
    std::vector<double>& sy_ = scratch_.sy;
    std::vector<double>& sz_ = scratch_.sz;
    std::vector<Node>& nodes_ = scratch_.nodes;
    std::vector<size_t>& active_ = scratch_.active;
    std::vector<size_t>& keep_ = scratch_.keep;
    std::vector<Candidate>& cands_ = scratch_.cands;
    size_t artificial_ = std::string::npos;

public:
    int actual_looseness_ = 0;  // of the last successful run (§875)
    size_t peak_active_ = 0;    // over every run
};

/// True when no line can lower a path's total demerits: no legal break
/// has a negative (finite) penalty and no extra demerit is negative. Then
/// a path's total only grows along it, which run_bounded relies on. The
/// line penalty must not be negative either: run() skips lines by their
/// badness, which bounds their demerits only when it is not.
bool demerits_only_grow(std::span<const Item> items, const BreakParams& p) {
    if (p.line_penalty < 0 || p.adj_demerits < 0 || p.double_hyphen_demerits < 0 || p.final_hyphen_demerits < 0)
        return false;
    return std::none_of(items.begin(), items.end(), [](const Item& it) {
        return it.is_penalty() && it.penalty < 0 && it.penalty > -kInfPenalty;
    });
}

/// An uncapped pass (every line that fits is kept, however loose) tried
/// first with an upper bound on the total demerits: nodes above it are not
/// made. Where demerits only grow, every node a full run makes at or
/// below the bound, it makes the same way, from a predecessor at or below
/// it (new nodes are made in key order, so in the same order too): a
/// bounded run holds exactly the full run's nodes at or below the bound.
/// If it reaches the end, the full run's best end node is among them;
/// a bounded run that gives up (no end node under the bound, or a place
/// where the full run might break artificially) is followed by a looser
/// bound and at last by the full run. Most such paragraphs end near 10^5
/// (a few lines over the tolerance), where an unbounded run also drags
/// along every line up to badness 10^12.
bool run_bounded(Breaker& breaker, const Pass& pass, BreakResult& out, bool bounded) {
    if (bounded)
        for (double bound : {1e6, 1e8, 1e10})
            if (breaker.run(pass, out, bound)) return true;
    return breaker.run(pass, out);
}

}  // namespace

BreakResult break_lines(std::span<const Item> items, const Measure& measure, const BreakParams& params) {
    BreakResult result;
    if (items.empty() || measure.widths.empty()) return result;
    // The list must end with a forced break; accept lists that do not by
    // treating their end as one (on a copy).
    std::vector<Item> fixed;
    if (!items.back().is_forced_break()) {
        fixed.assign(items.begin(), items.end());
        finish_paragraph(fixed);
        items = fixed;
    }
    bool has_discretionary = false, has_emergency = false;
    for (const auto& it : items) {
        has_discretionary |= it.is_penalty() && it.discretionary;
        has_emergency |= it.is_penalty() && it.emergency;
    }
    Breaker breaker(items, measure, params);
    double bg = params.line_end_stretch;
    double em = bg + std::max(0.0, params.emergency_stretch);
    // §863: pretolerance without hyphenation; then tolerance with it; then
    // emergency stretch; then (ours) any fitting line; then emergency breaks.
    // §873: a pass that cannot reach the requested looseness is not final.
    auto done = [&](bool ok) {
        result.peak_active = breaker.peak_active_;
        return ok && breaker.actual_looseness_ == params.looseness;
    };
    if (params.pretolerance >= 0) {
        if (done(breaker.run({params.pretolerance, false, false, bg, false, false, true}, result))) {
            result.pass = 1;
            return result;
        }
    }
    // Pass 2 repeats pass 1 when it adds neither hyphenation points nor tolerance.
    bool same_as_first = params.pretolerance >= 0 && !has_discretionary && params.tolerance <= params.pretolerance;
    if (!same_as_first && done(breaker.run({params.tolerance, true, false, bg, false, false, true}, result))) {
        result.pass = 2;
        return result;
    }
    if (params.emergency_stretch > 0 && done(breaker.run({params.tolerance, true, false, em, false, false, true}, result))) {
        result.pass = 3;
        return result;
    }
    // Only the paragraphs that get here (~2 %) are looked at for bounding.
    const bool bounded = params.bounded_last_passes && params.looseness == 0 && demerits_only_grow(items, params);
    // A box wider than every line is overfull wherever it stands: pass 4
    // then breaks artificially, where a bounded run would only give up.
    const double widest_line = *std::max_element(measure.widths.begin(), measure.widths.end());
    const bool overflows = std::any_of(items.begin(), items.end(),
                                       [&](const Item& it) { return it.is_box() && it.width > widest_line; });
    if (!run_bounded(breaker, {kAwful, true, false, em, true, true, true}, result, bounded && !overflows))
        run_bounded(breaker, {kAwful, true, false, em, true, true, false}, result, bounded && !overflows);
    result.pass = 4;
    result.peak_active = breaker.peak_active_;
    if (result.overfull.empty() || !has_emergency) return result;
    BreakResult last;
    if (!run_bounded(breaker, {kAwful, true, true, em, true, true, true}, last, bounded))
        run_bounded(breaker, {kAwful, true, true, em, true, true, false}, last, bounded);
    last.pass = 5;
    last.peak_active = breaker.peak_active_;
    if (last.overfull.size() <= result.overfull.size()) return last;
    return result;
}

}  // namespace bb::text
