// `bookbuild handout`: one guide as a printed handout for a group's evening
// (issue 6): the guide, its questions, books, practitioners with QR codes and
// related guides, laid out with the handout style and optionally imposed
// 2-up or as a saddle-stitched booklet. On any error nothing is written.
#include <fmt/format.h>

#include <chrono>
#include <memory>
#include <optional>

#include "base/atomic_file.h"
#include "cli/commands.h"
#include "cli/handouts.h"
#include "cli/session.h"
#include "cli/watch.h"
#include "handout/book_place.h"
#include "handout/make.h"
#include "model/fingerprint.h"
#include "pdf/write.h"
#include "style/load.h"
#include "text/font_metrics.h"

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
    const std::map<std::string, std::string> folios =
        kept ? handout::anchor_folios(*job.book_doc) : std::map<std::string, std::string>{};
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

namespace {

struct HandoutFlags {
    std::vector<std::string> ids;
    bool all = false;
    std::string output;
    std::string book_style = "styles/default.yaml";
    std::string impose = "none";
    std::string sheet = "A4";
    bool crop_marks = false;
    bool book_folios = false;
};

}  // namespace

Runner add_handout_command(CLI::App& app) {
    auto options = std::make_shared<CommonOptions>();
    auto flags = std::make_shared<HandoutFlags>();
    CLI::App* cmd = app.add_subcommand("handout", "Make a printed handout of one or more guides");
    cmd->footer(
        "Lays out each guide on its own with the handout style: the guide, its common questions,\n"
        "its books, its practitioners with their contact details and a QR code of each URL, and\n"
        "related guides by title. Every page's footer says where the guide sits in the book\n"
        "(\"from Title, pp. 37-44\", from a layout of the whole book with --book-style).\n"
        "--impose 2up puts pages 1|2, 3|4 side by side on a landscape --sheet; booklet orders\n"
        "them for saddle stitching (print duplex, flip on the short edge, fold in half).\n"
        "Without -o, each guide goes to output/handouts/GUIDE-ID.pdf; with -o FILE, all the\n"
        "guides named go into that one file; with --all, -o is a folder.\n"
        "On any error (an unknown guide id among them) nothing is written.\n\n"
        "Examples:\n"
        "  bookbuild handout pulling-away -o pulling-away.pdf\n"
        "  bookbuild handout pulling-away --impose booklet --sheet Letter -o booklet.pdf\n"
        "  bookbuild handout --all -o output/handouts");
    add_common_options(*cmd, *options, "styles/handout.yaml");
    cmd->add_option("guides", flags->ids, "Ids of the guides to print (as in <guide id=...>)");
    cmd->add_flag("--all", flags->all, "One handout per guide of the book");
    cmd->add_option("-o,--output", flags->output,
                    "The PDF to write (default output/handouts/GUIDE-ID.pdf), or the folder with --all");
    cmd->add_option("--book-style", flags->book_style, "The book's style, for the book's page numbers")
        ->capture_default_str();
    cmd->add_option("--impose", flags->impose, "Imposition: none, 2up or booklet")
        ->check(CLI::IsMember({"none", "2up", "booklet"}))
        ->capture_default_str();
    cmd->add_option("--sheet", flags->sheet, "Sheet for 2up and booklet (landscape): A4 or Letter")
        ->check(CLI::IsMember({"A4", "Letter"}))
        ->capture_default_str();
    cmd->add_flag("--crop-marks", flags->crop_marks, "Crop marks around each page on the sheet (2up, booklet)");
    cmd->add_flag("--book-folios", flags->book_folios, "Number the pages as in the book");
    add_watch_option(*cmd, *options);
    return [cmd, options, flags]() -> int {
        if (!cmd->parsed()) return -1;
        if (flags->all == !flags->ids.empty()) {
            std::fprintf(stderr, "bookbuild handout: name one or more guide ids, or --all (not both)\n");
            return kUsage;
        }
        if (flags->crop_marks && flags->impose == "none") {
            std::fprintf(stderr, "bookbuild handout: --crop-marks needs --impose 2up or booklet\n");
            return kUsage;
        }
        const std::string output = flags->output.empty() ? std::string("output/handouts") : flags->output;
        auto build = [&](Session& session) -> int {
            const auto& book = session.book();
            HandoutJob job;
            for (const auto& id : flags->ids) {
                std::string error;
                if (const model::Guide* g = handout::find_guide(book, id, error)) job.guides.push_back(g);
                else session.fail(options->manuscript + "/book.xml", error);
            }
            if (flags->all)
                for (const auto& g : book.guides) job.guides.push_back(&g);
            if (session.report() != kOk) return kInputError;

            job.one_per_guide = flags->all || flags->output.empty();
            job.output = output;
            job.layout.image_dir = options->manuscript + "/images";
            job.layout.book_folios = flags->book_folios;
            job.imposition.mode = flags->impose == "2up"       ? impose::Mode::TwoUp
                                  : flags->impose == "booklet" ? impose::Mode::Booklet
                                                               : impose::Mode::None;
            impose::sheet_by_name(flags->sheet, job.imposition.sheet);
            job.imposition.crop_marks = flags->crop_marks;

            auto book_sheet = style::load(flags->book_style, session.sources(), session.sink());
            if (!book_sheet) {
                session.report();
                return kInputError;
            }
            return build_handouts(session, *book_sheet, session.sheet(), job);
        };
        // The handout lays the book out for its page numbers: the patterns
        // and fonts load beside the manuscript.
        if (options->watch) return watch_and_build(*options, {output}, /*lays_out=*/true, build);
        Session session(*options);
        bool ok = session.load(/*prepare_layout=*/true);
        session.report();
        if (!ok) return kInputError;
        return session.end(build(session));
    };
}

}  // namespace bb::cli
