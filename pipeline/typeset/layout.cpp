#include "typeset/layout.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <memory>
#include <thread>

#include "base/resident.h"
#include "base/stage_timer.h"
#include "base/threads.h"
#include "text/hyphenate.h"
#include "text/word_memo.h"
#include "typeset/book_flow.h"
#include "typeset/flow.h"
#include "typeset/folio_estimate.h"
#include "typeset/fonts.h"
#include "typeset/front_matter.h"
#include "typeset/layout_memory.h"
#include "typeset/furniture.h"
#include "typeset/paginate.h"

namespace bb::typeset {

namespace {

using PageMap = std::map<std::string, std::string>;

/// Roman numbers for the front matter (title pages, contents, preface),
/// arabic from the page where the first chapter after them begins.
void label_pages(PagedDoc& doc, const std::vector<Chapter>& chapters) {
    size_t first_body = chapters.size();
    for (size_t c = 0; c < chapters.size(); ++c)
        if (chapters[c].kind != Chapter::Kind::Preface) {
            first_body = c + 1;  // PageStart::chapter counts from 1
            break;
        }
    size_t body = doc.pages.size();
    for (size_t p = 0; p < doc.starts.size(); ++p)
        if (doc.starts[p].chapter >= first_body) {
            body = p;
            break;
        }
    for (size_t p = 0; p < doc.pages.size(); ++p)
        doc.pages[p].label = p < body ? roman(static_cast<int>(p + 1)) : std::to_string(p - body + 1);
    doc.labels.clear();
    if (body > 0) doc.labels.push_back(LabelRange{0, LabelStyle::LowerRoman, 1});
    if (body < doc.pages.size()) doc.labels.push_back(LabelRange{body, LabelStyle::Decimal, 1});
}

/// How one layout pass runs.
struct Pass {
    bool measure_only = false;  ///< a measure pass: pages without items
    /// Chapters are set with their items even in measure passes, kept in
    /// the memo, and the last pass takes them from there, printing the
    /// final page numbers in place (reprint_folios), instead of setting
    /// every chapter again.
    bool keep_items = false;
    /// Cache every paragraph (LayoutCache), not only the directory's: the
    /// passes without the shortcuts set most chapters again each time.
    bool cache_all = true;
    /// Where the paragraphs keep the words they set (null: none kept).
    text::WordMemos* words = nullptr;
    /// The full pass copies each chapter it lays out here, with the page
    /// numbers it printed, for the next build (LayoutMemory; null: none).
    std::vector<MeasuredChapter>* keep = nullptr;
};

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Whether a chapter a measure pass set when a page reference printed
/// `before` would be set alike now that it prints `now`: the same text, or
/// numbers of as many digits in fonts where every digit has one width and
/// kerns alike (then every line breaks where it did, so the slabs' heights,
/// keeps and anchors are the same; the full pass prints the real numbers).
/// Without this, one guide growing by a page changed every later folio and
/// so every chapter that cites one: a whole extra measure pass.
bool sets_alike(const std::string& before, const std::string& now, const Galley& set) {
    if (before == now) return true;
    return set.folio_digits_alike && before.size() == now.size() && all_digits(before) && all_digits(now);
}

/// True when a measure pass assuming `pages` would reuse every chapter in
/// `measured` as it is.
bool reuses_every_chapter(const std::vector<MeasuredChapter>& measured, const PageMap& pages) {
    return std::all_of(measured.begin(), measured.end(), [&](const MeasuredChapter& m) {
        return m.valid && std::all_of(m.reads.begin(), m.reads.end(), [&](const auto& read) {
                   auto it = pages.find(read.first);
                   return sets_alike(read.second, it == pages.end() ? "" : it->second, m.galley);
               });
    });
}

/// The book's chapters and the order the threads take them in (biggest
/// first: set last, one would keep a thread busy while the others idle):
/// the same for every pass, so made once.
struct ChapterPlan {
    std::vector<Chapter> chapters;
    std::vector<size_t> order;
    unsigned threads = 1;

    ChapterPlan(const model::Book& book, unsigned jobs) : chapters(chapters_of(book)) {
        order.resize(chapters.size());
        for (size_t i = 0; i < order.size(); ++i) order[i] = i;
        threads = base::threads_for(jobs, chapters.size());
        if (threads > 1) {
            const std::vector<double> sizes = chapter_sizes(book, chapters);
            std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return sizes[a] > sizes[b]; });
        }
    }
};

/// What a measure pass leaves for the next one: the title pages and
/// contents as it set them. A pass in which they and every chapter set
/// again would paginate as in the pass before (paginates_alike) cuts the
/// book into the same pages: it skips joining and paginating the book and
/// says so in `repeated` (a big book's join and pagination take longer than
/// setting again the few chapters whose page references changed).
struct LastMeasure {
    bool known = false;
    Galley front;           ///< measure copy
    bool repeated = false;  ///< out: this pass made no PagedDoc; its pages are the last pass's
};

/// One complete layout with page references taken from `pages`. `memo`
/// (may be null) keeps each chapter's galley between passes; the last pass
/// takes galleys from it only when they were kept with their items.
PagedDoc layout_once(const model::Book& book, const style::Sheet& sheet, const LayoutOptions& options,
                     const ChapterPlan& plan, FontBook& fonts, const text::Hyphenator* hyphenator,
                     const PageMap* pages, LayoutCache& cache, Pass pass, base::Sink& sink,
                     std::vector<MeasuredChapter>* memo = nullptr, const PageMap* guesses = nullptr,
                     LayoutStats* stats = nullptr, LastMeasure* last = nullptr) {
    const bool measure_only = pass.measure_only;
    LayoutCache* paragraphs = pass.cache_all ? &cache : nullptr;
    PageOf page_of = [pages, guesses](const std::string& anchor) -> std::string {
        if (!pages) {  // first pass: a number with the digits the page will probably have
            if (guesses)
                if (auto it = guesses->find(anchor); it != guesses->end()) return it->second;
            return "00";
        }
        auto it = pages->find(anchor);
        return it == pages->end() ? "" : it->second;
    };
    auto flow_owner = std::make_unique<Flow>(sheet, fonts, hyphenator, book.lang, sink, paragraphs);
    Flow& flow = *flow_owner;
    flow.set_measure_only(measure_only);
    flow.set_lines_only(options.pages_only);
    flow.set_word_memos(pass.words);
    flow.set_folio_digits_alike(options.shortcuts);
    // The title pages and contents, set while the threads set the chapters
    // (on one thread when there is one).
    size_t front = 0;
    auto set_front_matter = [&] {
        std::vector<std::string> names;
        for (const std::string& family : {sheet.text.font, sheet.guide.font}) {
            const Face& f = fonts.face(family, false, false);
            if (f.font && (names.empty() || names.back() != f.font->family_name()))
                names.push_back(f.font->family_name());
        }
        front = flow_title_pages(flow, book, sheet, names);
        flow_contents(flow, book, sheet, page_of);
    };
    base::Background front_matter;
    if (plan.threads > 1) front_matter = base::Background(set_front_matter);
    else set_front_matter();
    FlowContext ctx{options.image_dir, page_of};
    // Chapters share nothing but read-only inputs and thread-safe caches:
    // each is set on its own Flow, by a few threads, then joined in reading
    // order, so the result does not depend on the number of threads.
    const std::vector<Chapter>& chapters = plan.chapters;
    base::progress_phase(options.progress, measure_only ? "measuring chapters" : "laying out chapters", chapters.size());
    std::vector<Galley> galleys(chapters.size());
    // What a measure pass paginates: the chapters' galleys where they are
    // (in `galleys`, or kept in `memo` for the next pass: not copied).
    std::vector<const Galley*> to_paginate(measure_only ? chapters.size() : 0);
    std::vector<base::Sink> sinks(chapters.size(), base::Sink(sink.limit()));
    std::atomic<size_t> next{0}, reused{0}, reprinted{0};
    std::atomic<bool> alike{last && last->known};  // every chapter set again paginates as before
    // Where each page's text begins matters to an EPUB's page-list (whose
    // answer is a measure pass's pages); the PDF's last pass finds it anew.
    const bool sources = options.pages_only;
    if (memo) memo->resize(chapters.size());
    const std::vector<size_t>& order = plan.order;
    auto work = [&] {
        for (size_t k = next++; k < chapters.size(); k = next++) {
            const size_t i = order[k];
            MeasuredChapter* m = memo ? &(*memo)[i] : nullptr;
            if (m && m->valid && std::all_of(m->reads.begin(), m->reads.end(), [&](const auto& r) {
                    return sets_alike(r.second, page_of(r.first), m->galley);
                })) {
                if (measure_only) {
                    to_paginate[i] = &m->galley;
                    base::progress_advance(options.progress);
                    ++reused;
                    continue;
                }
                // The last pass: the chapter as a measure pass set it, with
                // today's page numbers printed in (else it is set again).
                if (pass.keep_items && reprint_folios(m->galley, page_of)) {
                    if (std::any_of(m->reads.begin(), m->reads.end(),
                                    [&](const auto& r) { return r.second != page_of(r.first); }))
                        ++reprinted;
                    if (pass.keep) {
                        MeasuredChapter& k = (*pass.keep)[i];
                        k = {true, m->reads, full_copy(m->galley), m->diagnostics};
                        for (auto& read : k.reads) read.second = page_of(read.first);  // as reprinted
                    }
                    galleys[i] = std::move(m->galley);
                    for (auto& d : m->diagnostics) sinks[i].add(std::move(d));
                    m->valid = false;
                    base::progress_advance(options.progress);
                    ++reused;
                    continue;
                }
            }
            std::vector<std::pair<std::string, std::string>> reads;
            FlowContext own{options.image_dir, [&](const std::string& anchor) {
                                std::string folio = page_of(anchor);
                                reads.emplace_back(anchor, folio);
                                return folio;
                            }};
            // With the shortcuts only the directory's paragraphs are cached
            // (a book's worth of set paragraphs is ~130 MB at N = 1000): it
            // prints the page of every guide and entry ("Browse by topic"),
            // so it is the chapter a later pass most often sets again.
            const bool directory = chapters[i].kind == Chapter::Kind::Directory;
            Flow f(sheet, fonts, hyphenator, book.lang, sinks[i], directory ? &cache : paragraphs);
            f.set_measure_only(measure_only && !pass.keep_items);
            f.set_lines_only(options.pages_only);
            f.set_word_memos(pass.words);
            f.set_folio_digits_alike(options.shortcuts);
            flow_chapter(f, chapters[i], book, sheet, m ? own : ctx, sinks[i]);
            base::progress_advance(options.progress);
            for (Slab& s : f.galley().slabs) s.chapter = static_cast<uint32_t>(i + 1);
            if (m && measure_only) {
                if (alike && !(m->valid && paginates_alike(f.galley(), m->galley, sources))) alike = false;
                m->valid = true;
                m->reads = std::move(reads);
                m->galley = std::move(f.galley());
                m->diagnostics = sinks[i].all();
                to_paginate[i] = &m->galley;
            } else {
                if (m) m->valid = false;
                alike = false;
                if (pass.keep) (*pass.keep)[i] = {true, std::move(reads), full_copy(f.galley()), sinks[i].all()};
                galleys[i] = std::move(f.galley());
                if (measure_only) to_paginate[i] = &galleys[i];
            }
        }
    };
    auto t0 = std::chrono::steady_clock::now();
    base::run_on_threads(plan.threads, work);
    front_matter.wait();
    if (base::timing_enabled())
        std::fprintf(stderr, "timing:   chapters: %zu of %zu set again, %lld ms\n", chapters.size() - reused.load(),
                     chapters.size(), base::ms_since(t0));
    if (stats && !measure_only) {
        stats->chapters_taken = memo ? reused.load() : 0;
        stats->chapters_reprinted = reprinted.load();
    }
    if (last && measure_only) {
        Galley front_now = measure_copy(flow.galley());
        last->repeated = alike && paginates_alike(front_now, last->front, sources);
        last->front = std::move(front_now);
        last->known = true;
        if (last->repeated) {
            for (const base::Sink& s : sinks)
                for (const auto& d : s.all()) sink.add(d);
            return {};
        }
    }
    for (size_t i = 0; i < chapters.size(); ++i)
        for (const auto& d : sinks[i].all()) sink.add(d);

    // The front matter and the chapters are paginated where they are, as
    // one galley (not joined into one: paginate.h).
    PagedDoc doc;
    std::vector<PageFacts> facts;
    if (measure_only) {
        std::vector<const Galley*> parts{&flow.galley()};
        parts.insert(parts.end(), to_paginate.begin(), to_paginate.end());
        paginate_measure(parts, sheet, doc, facts);
    } else {
        std::vector<Galley*> parts{&flow.galley()};
        for (Galley& g : galleys) parts.push_back(&g);
        paginate(parts, sheet, doc, facts);
    }
    // What pagination left of the galleys (slabs without their items) is
    // freed on another thread when there is one.
    if (options.disposer) options.disposer->dispose(std::move(galleys));
    doc.chapters.push_back("");
    for (const Chapter& c : chapters) doc.chapters.push_back(chapter_id(book, c));
    // A page with no content of its own (a blank verso) belongs to the
    // chapter before it: it is the back of that chapter's last leaf.
    for (size_t p = 0; p < doc.starts.size(); ++p)
        if (doc.starts[p].chapter == kNoChapter) doc.starts[p].chapter = p ? doc.starts[p - 1].chapter : 0;
    label_pages(doc, chapters);
    // The title page and the imprint carry no furniture.
    for (size_t i = 0; i < front && i < facts.size(); ++i) facts[i].blank = true;
    if (!measure_only) add_furniture(doc, facts, 0, sheet, fonts, book.meta.title);
    // What the flow kept (its caches of set text) goes on another thread,
    // after the last pass: the PDF writer starts meanwhile.
    if (!measure_only && options.disposer) options.disposer->dispose(std::move(flow_owner));
    return doc;
}

/// Moves the chapters `memory` holds under this layout's fingerprints into
/// `measured` (renumbered: a guide may have moved), as if a measure pass of
/// this layout had set them; the memory keeps nothing else.
void take_from_memory(LayoutMemory& memory, const std::vector<uint64_t>& prints,
                      std::vector<MeasuredChapter>& measured) {
    measured.resize(prints.size());
    memory.taken = 0;
    for (size_t i = 0; i < prints.size(); ++i) {
        auto it = memory.chapters.find(prints[i]);
        if (it == memory.chapters.end() || !it->second.valid) continue;
        measured[i] = std::move(it->second);
        for (Slab& s : measured[i].galley.slabs) s.chapter = static_cast<uint32_t>(i + 1);
        ++memory.taken;
    }
    memory.chapters.clear();
}

/// Keeps this layout's chapters and final pages for the next layout.
void keep_in_memory(LayoutMemory& memory, const std::vector<uint64_t>& prints,
                    std::vector<MeasuredChapter>& measured, const PageMap& pages) {
    memory.chapters.clear();
    for (size_t i = 0; i < measured.size() && i < prints.size(); ++i)
        if (measured[i].valid) memory.chapters.emplace(prints[i], std::move(measured[i]));
    memory.pages.assign(pages.begin(), pages.end());
}

PageMap page_map(const PagedDoc& doc) {
    PageMap m;
    for (const auto& [id, pos] : doc.anchors)
        if (pos.page < doc.pages.size()) m[id] = doc.pages[pos.page].label;
    return m;
}

}  // namespace

const text::Hyphenator* prepare_layout(const style::Sheet& sheet, const std::string& lang, text::FontSet& fonts,
                                       unsigned jobs) {
    const text::HyphenationLimits limits{sheet.hyphenation.min_word, sheet.hyphenation.min_before,
                                         sheet.hyphenation.min_after};
    std::vector<std::string> paths;
    for (const auto& [name, family] : sheet.fonts)
        for (bool bold : {false, true})
            for (bool italic : {false, true}) paths.push_back(family.face(bold, italic));
    std::sort(paths.begin(), paths.end());
    paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
    const text::Hyphenator* hyphenator = nullptr;
    std::atomic<size_t> next{0};
    // Task 0 is the patterns (the biggest single piece), then one per font.
    base::run_on_threads(base::threads_for(jobs, paths.size() + 1), [&] {
        for (size_t i; (i = next++) <= paths.size();) {
            if (i == 0) {
                if (sheet.text.hyphenate) hyphenator = &text::hyphenator_for(lang, limits);
            } else {
                fonts.get(paths[i - 1]);
            }
        }
    });
    return hyphenator;
}

PagedDoc layout(const model::Book& book, const style::Sheet& sheet, const LayoutOptions& options,
                text::FontSet& font_set, base::Sink& sink, LayoutStats* stats) {
    FontBook fonts(sheet, font_set, sink);
    const auto warm_start = std::chrono::steady_clock::now();
    const text::Hyphenator* hyphenator =
        prepare_layout(sheet, book.lang, font_set, options.jobs);
    if (base::timing_enabled())
        std::fprintf(stderr, "timing: layout fonts and patterns %lld ms\n", base::ms_since(warm_start));
    if (hyphenator) {
        if (!hyphenator->available()) {
            sink.warning(book.meta.span,
                         fmt::format("no hyphenation patterns for the book's language '{}' (a Debian hyphen-* "
                                     "package); the text is set without hyphenation",
                                     book.lang));
            hyphenator = nullptr;
        }
    }
    // Measure-only passes (slab heights, keeps and anchors; no items) until
    // every anchor lands on the page the pass before assumed, then one full
    // pass with those pages: the same book as laying out fully each time
    // (a measure pass breaks lines and pages exactly as a full one), with one
    // PagedDoc alive at a time. Only the full pass's diagnostics are kept, so
    // each problem is reported once.
    auto timed = [&](const char* what, int pass, auto&& run) {
        auto t0 = std::chrono::steady_clock::now();
        std::clock_t c0 = std::clock();
        run();
        if (base::timing_enabled())
            std::fprintf(stderr, "timing: layout pass %d (%s) %lld ms, %lld ms CPU, %ld MB resident\n", pass, what,
                         base::ms_since(t0), static_cast<long long>((std::clock() - c0) * 1000 / CLOCKS_PER_SEC),
                         base::resident_mb());
    };
    PageMap assumed;
    bool have_assumed = false, settled = false;
    std::vector<MeasuredChapter> measured;
    LastMeasure last_measure;
    PagedDoc pages;  // the last measure pass, kept when options.pages_only
    auto cache_owner = std::make_unique<LayoutCache>();
    LayoutCache& cache = *cache_owner;
    // The words the passes set (text/word_memo.h): let go after the last
    // pass that sets most chapters, or its memory (~10 MB a thread at
    // N = 1000) would be held through the full pass and the writer.
    auto words = std::make_unique<text::WordMemos>();
    auto let_go_words = [&] {
        if (options.disposer) options.disposer->dispose(std::move(words));
        words.reset();
    };
    // The cached paragraphs and measured chapters, once the layout is done
    // with them: freed on another thread when there is a disposer (the
    // writer starts meanwhile), else here, before it allocates its document.
    auto let_go = [&] {
        let_go_words();
        if (options.disposer) {
            options.disposer->dispose(std::move(measured));
            options.disposer->dispose(std::move(cache_owner));
        }
        std::vector<MeasuredChapter>().swap(measured);
        cache_owner.reset();
    };
    int pass = 0;
    PageMap guesses;
    // Measure passes keep chapters with their items for the last pass
    // (not for an EPUB's page-list, which needs no items).
    const bool keep_items = options.shortcuts && !options.pages_only && options.max_passes > 1;
    const ChapterPlan plan(book, options.jobs);
    // Chapters the last layout of this book set that still hold (--watch).
    // (A PDF's chapters are kept with their items, an EPUB page-list's
    // without: a memory of the other kind is not used.)
    LayoutMemory* memory = (keep_items || options.pages_only) && options.shortcuts && options.max_passes > 1
                               ? options.memory
                               : nullptr;
    std::vector<uint64_t> prints;
    if (memory) {
        if (memory->items != keep_items) *memory = LayoutMemory{};
        memory->items = keep_items;
        const auto t0 = std::chrono::steady_clock::now();
        prints = chapter_fingerprints(book, plan.chapters);
        take_from_memory(*memory, prints, measured);
        if (base::timing_enabled())
            std::fprintf(stderr, "timing: layout memory: %zu of %zu chapters kept from the last build, %lld ms\n",
                         memory->taken, prints.size(), base::ms_since(t0));
        if (!memory->pages.empty()) {
            assumed = PageMap(memory->pages.begin(), memory->pages.end());
            have_assumed = true;
        }
    }
    if (options.max_passes > 1) {
        if (options.shortcuts && !have_assumed) guesses = estimate_folios(book, plan.chapters, sheet);
        while (pass < options.max_passes && !settled) {
            ++pass;
            base::Sink scratch(sink.limit());
            PageMap now;
            timed("measure", pass, [&] {
                PagedDoc measure = layout_once(book, sheet, options, plan, fonts, hyphenator,
                                               have_assumed ? &assumed : nullptr, cache,
                                               Pass{true, keep_items, !options.shortcuts, words.get()},
                                               scratch, &measured, &guesses, nullptr,
                                               options.shortcuts ? &last_measure : nullptr);
                if (last_measure.repeated) {
                    now = assumed;  // the last pass's pages, which it found (else this pass would not run)
                    if (stats) ++stats->passes_repeated;
                    return;
                }
                now = page_map(measure);
                if (options.pages_only) pages = std::move(measure);
            });
            // Settled when this pass found the pages it assumed, or when the
            // next pass would set no chapter again (every page number each
            // one printed is the same, or sets alike): it would find these
            // pages again, so it need not run.
            const bool confirmed = have_assumed && now == assumed;
            settled = confirmed || (options.shortcuts && reuses_every_chapter(measured, now));
            if (!confirmed) {
                assumed = std::move(now);
                have_assumed = true;
            }
            if (settled && options.pages_only) {
                // The pass that confirmed the pages is the book as the full
                // pass would draw it: its pages are the answer.
                for (const auto& d : scratch.all()) sink.add(d);
                if (stats) stats->passes = pass;
                if (memory) keep_in_memory(*memory, prints, measured, assumed);
                let_go();
                return pages;
            }
        }
        if (!settled)
            sink.warning(book.meta.span, fmt::format("page references did not settle after {} layout passes; some "
                                                     "may be off by a page",
                                                     options.max_passes));
    }
    if (!keep_items) std::vector<MeasuredChapter>().swap(measured);
    // The full pass takes the chapters the measure passes kept, setting
    // few or none again: it needs no words.
    if (keep_items) let_go_words();
    // The last use of each cached paragraph: the full pass takes them out of
    // the cache, so the cache shrinks as the document grows.
    cache.consume();
    base::Sink last(sink.limit());
    PagedDoc doc;
    // For the next build: every chapter as this pass lays it out (a PDF's;
    // a page-list layout that gets here did not settle, and keeps nothing).
    const bool keeping = memory && keep_items;
    std::vector<MeasuredChapter> kept(keeping ? plan.chapters.size() : 0);
    timed("full", pass + 1, [&] {
        doc = layout_once(book, sheet, options, plan, fonts, hyphenator, have_assumed ? &assumed : nullptr, cache,
                          Pass{false, keep_items, !options.shortcuts, words.get(), keeping ? &kept : nullptr}, last,
                          keep_items ? &measured : nullptr,
                          nullptr, stats);
    });
    if (keeping) keep_in_memory(*memory, prints, kept, assumed);
    else if (memory) *memory = LayoutMemory{};
    // What is left in the cache (paragraphs set for page numbers that were
    // not the final ones) and the measured chapters.
    let_go();
    for (const auto& d : last.all()) sink.add(d);
    if (stats) stats->passes = pass + 1;
    return doc;
}

}  // namespace bb::typeset
