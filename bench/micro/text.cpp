// Text setting: hyphenation (libhyphen, memoised and cold), Knuth-Plass line
// breaking on a prepared item list (text::break_lines), and a whole
// paragraph (text::set_paragraph: items, kerning, hyphenation, breaking,
// fragment positions).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "common.h"
#include "text/font_metrics.h"
#include "text/hyphenate.h"
#include "text/linebreak.h"
#include "text/paragraph.h"

namespace {

/// The paragraphs (<p> contents, tags stripped) of the first guides of the
/// generated corpus: real-shaped text with accented and very long words.
const std::vector<std::string>& paragraphs() {
    static const std::vector<std::string> paras = [] {
        std::vector<std::string> out;
        namespace fs = std::filesystem;
        std::vector<fs::path> files;
        for (auto& e : fs::directory_iterator(fs::path(bb::bench::corpus(10)) / "guides")) files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (auto& f : files) {
            std::ifstream in(f);
            std::stringstream ss;
            ss << in.rdbuf();
            std::string xml = ss.str();
            for (size_t at = 0; (at = xml.find("<p>", at)) != std::string::npos;) {
                size_t end = xml.find("</p>", at);
                std::string p, raw = xml.substr(at + 3, end - at - 3);
                bool tag = false;
                for (char c : raw) {
                    if (c == '<') tag = true;
                    else if (c == '>') tag = false;
                    else if (!tag) p += c;
                }
                out.push_back(p);
                at = end;
            }
        }
        return out;
    }();
    return paras;
}

std::vector<std::string> words() {
    std::vector<std::string> out;
    for (const auto& p : paragraphs()) {
        std::istringstream in(p);
        for (std::string w; in >> w;) out.push_back(w);
    }
    return out;
}

const bb::text::Font& charis() {
    static auto font = bb::text::Font::load(BB_SOURCE_DIR "/fonts/CharisSIL-Regular.ttf");
    return *font;
}

void BM_HyphenateMemoised(benchmark::State& state) {
    const auto ws = words();
    const auto& h = bb::text::hyphenator_for("en");
    for (auto _ : state)
        for (const auto& w : ws) benchmark::DoNotOptimize(h.points(w));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * ws.size()));
}
BENCHMARK(BM_HyphenateMemoised)->Unit(benchmark::kMicrosecond);

void BM_HyphenateCold(benchmark::State& state) {
    const auto ws = words();
    for (auto _ : state) {
        state.PauseTiming();
        auto h = std::make_unique<bb::text::Hyphenator>("en");
        state.ResumeTiming();
        for (const auto& w : ws) benchmark::DoNotOptimize(h->points(w));
        state.PauseTiming();
        h.reset();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * ws.size()));
}
BENCHMARK(BM_HyphenateCold)->Unit(benchmark::kMicrosecond);

/// Knuth-Plass items of every paragraph: a box per word piece between
/// hyphenation points, flagged penalties at the points, interword glue.
std::vector<std::vector<bb::text::Item>> item_lists() {
    using bb::text::Item;
    const auto& font = charis();
    const auto& h = bb::text::hyphenator_for("en");
    const double size = 10, space = font.width(" ", size, false), hyphen = font.width("-", size, false);
    std::vector<std::vector<Item>> lists;
    for (const auto& p : paragraphs()) {
        std::vector<Item> items;
        items.push_back(Item::make_box(size));  // the indent
        std::istringstream in(p);
        bool first = true;
        for (std::string w; in >> w;) {
            if (!first) items.push_back(Item::make_glue(space, space / 2, space / 3));
            first = false;
            size_t from = 0;
            for (size_t point : h.points(w)) {
                items.push_back(Item::make_box(font.width(w.substr(from, point - from), size, true)));
                Item pen = Item::make_penalty(hyphen, 50, true);
                pen.discretionary = true;
                items.push_back(pen);
                from = point;
            }
            items.push_back(Item::make_box(font.width(w.substr(from), size, true)));
        }
        bb::text::finish_paragraph(items);
        lists.push_back(std::move(items));
    }
    return lists;
}

void BM_BreakLines(benchmark::State& state) {
    const auto lists = item_lists();
    bb::text::BreakParams params;
    params.emergency_stretch = 15;
    size_t lines = 0;
    for (auto _ : state)
        for (const auto& items : lists) {
            auto r = bb::text::break_lines(items, bb::text::Measure(320), params);
            lines += r.lines.size();
            benchmark::DoNotOptimize(r);
        }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * lists.size()));
    state.counters["lines/s"] = benchmark::Counter(static_cast<double>(lines), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_BreakLines)->Unit(benchmark::kMicrosecond);

void BM_SetParagraph(benchmark::State& state) {
    const auto& paras = paragraphs();
    bb::text::ParagraphOptions opt;
    opt.measure = bb::text::Measure(320);
    opt.first_indent = 10;
    opt.hyphenator = &bb::text::hyphenator_for("en");
    size_t lines = 0;
    for (auto _ : state)
        for (const auto& p : paras) {
            bb::text::StyledRun run;
            run.text = p;
            run.font = &charis();
            run.size = 10;
            auto r = bb::text::set_paragraph(std::span(&run, 1), opt);
            lines += r.lines.size();
            benchmark::DoNotOptimize(r);
        }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * paras.size()));
    state.counters["lines/s"] = benchmark::Counter(static_cast<double>(lines), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SetParagraph)->Unit(benchmark::kMicrosecond);

}  // namespace
