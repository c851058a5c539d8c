// build_handouts: the handouts of some guides from a loaded Session, for
// `bookbuild handout` and `bookbuild all` (in a watch build of `all`, the
// handouts whose inputs did not change are left as written).
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

#include "base/atomic_file.h"
#include "cli/handouts.h"
#include "handout/book_place.h"
#include "handout/make.h"
#include "model/fingerprint.h"
#include "pdf/write.h"

namespace bb::cli {

int build_handouts(Session& session, const style::Sheet& book_sheet, const style::Sheet& handout_sheet,
                   const HandoutJob& job) {
    const auto& book = session.book();
    // The session's fonts: loaded while the manuscript was (bookbuild
    // handout) or for the book's PDF (bookbuild all).
    text::FontSet& fonts = session.fonts();
    std::optional<handout::HandoutMaker> maker_storage;
    if (job.book_doc)
        maker_storage.emplace(book, *job.book_doc, handout_sheet, job.layout, job.imposition, fonts, session.sink());
    else
        maker_storage.emplace(book, book_sheet, handout_sheet, job.layout, job.imposition, fonts, session.sink());
    handout::HandoutMaker& maker = *maker_storage;
    // In a watch build of `all`, a handout whose inputs did not change
    // since the last build is left as that build wrote it.
    KeptBetweenBuilds* kept = job.one_per_guide && job.book_doc ? session.kept() : nullptr;
    const uint64_t context = kept ? model::context_fingerprint(book) : 0;
    const uint64_t folios = kept ? folios_fingerprint(handout::anchor_folios(*job.book_doc)) : 0;
    auto path_of = [&](const model::Guide& g) { return job.output + "/" + g.id + ".pdf"; };
    std::vector<uint64_t> keys(job.guides.size());
    std::vector<bool> unchanged(job.guides.size(), false);
    // The diagnostics of each handout (made and rendered), to remember.
    std::vector<std::vector<base::Diagnostic>> reported(job.guides.size());
    auto since = [&](size_t from) {
        const auto& all = session.sink().all();
        return std::vector<base::Diagnostic>(all.begin() + static_cast<std::ptrdiff_t>(std::min(from, all.size())),
                                             all.end());
    };
    std::vector<typeset::PagedDoc> docs(job.guides.size());
    base::progress_phase(session.progress(), "laying out handouts", job.guides.size());
    for (size_t i = 0; i < job.guides.size(); ++i) {
        const model::Guide& g = *job.guides[i];
        if (kept) {
            keys[i] = handout_key(g, context, maker.place(g), folios);
            auto it = kept->handouts.find(path_of(g));
            if (it != kept->handouts.end() && it->second.key == keys[i] && still_written(it->first, it->second)) {
                unchanged[i] = true;
                for (const auto& d : it->second.diagnostics) session.sink().add(d);
                reported[i] = it->second.diagnostics;
                base::progress_advance(session.progress());
                continue;
            }
        }
        const size_t before = session.sink().all().size();
        docs[i] = maker.make(g);
        if (kept) reported[i] = since(before);
        base::progress_advance(session.progress());
    }
    if (session.options().strict) session.sink().promote_warnings();
    if (session.report() != kOk) return kInputError;

    pdf::PdfInfo base_info;
    for (const auto& c : book.meta.creators) {
        if (!base_info.author.empty()) base_info.author += ", ";
        base_info.author += c.name;
    }
    base_info.subject = "A handout from " + book.meta.title;
    base_info.epoch = session.build_epoch();

    struct Output {
        std::string path, bytes;
        size_t pages = 0;
        size_t guide = SIZE_MAX;  ///< index into job.guides (one handout per guide)
    };
    std::vector<Output> outputs;
    auto render = [&](const typeset::PagedDoc& doc, const std::string& title, const std::string& path,
                      size_t guide = SIZE_MAX) {
        pdf::PdfInfo info = base_info;
        info.title = title;
        const size_t before = session.sink().all().size();
        auto bytes = pdf::render(doc, info, session.sink());
        if (kept && guide != SIZE_MAX) {
            auto more = since(before);
            reported[guide].insert(reported[guide].end(), more.begin(), more.end());
        }
        base::progress_advance(session.progress());
        if (bytes) outputs.push_back({path, std::move(*bytes), doc.pages.size(), guide});
        return bytes.has_value();
    };
    bool ok = true;
    base::progress_phase(session.progress(), "writing handouts", job.one_per_guide ? docs.size() : 1);
    size_t left_alone = 0;
    if (job.one_per_guide) {
        for (size_t i = 0; i < docs.size(); ++i) {
            if (unchanged[i]) {
                ++left_alone;
                base::progress_advance(session.progress());
                continue;
            }
            ok = render(docs[i], model::plain_text(job.guides[i]->title), path_of(*job.guides[i]), i) && ok;
        }
    } else {
        std::string title;
        for (const model::Guide* g : job.guides) title += (title.empty() ? "" : "; ") + model::plain_text(g->title);
        ok = render(handout::concatenate(docs), title, job.output);
    }
    session.clear_progress();
    if (!ok) {
        session.report();
        return kInputError;
    }
    for (const auto& out : outputs) {
        if (std::string err = base::write_file_atomically(out.path, out.bytes); !err.empty()) {
            session.fail(out.path, "cannot write the handout: " + err);
            session.report();
            return kInputError;
        }
        if (kept && out.guide != SIZE_MAX)
            kept->handouts[out.path] = remember_handout(out.path, keys[out.guide], out.pages, reported[out.guide]);
        if (!session.options().quiet)
            std::printf("wrote %s (%zu pages, %zu KB)\n", out.path.c_str(), out.pages, (out.bytes.size() + 1023) / 1024);
    }
    if (left_alone > 0 && !session.options().quiet)
        std::printf("left %zu handout%s as the last build wrote %s (unchanged)\n", left_alone,
                    left_alone == 1 ? "" : "s", left_alone == 1 ? "it" : "them");
    return session.report();
}

}  // namespace bb::cli
