// `bookbuild handout`: one guide as a printed handout for a group's evening
// (issue 6): the guide, its questions, books, practitioners with QR codes and
// related guides, laid out with the handout style and optionally imposed
// 2-up or as a saddle-stitched booklet. On any error nothing is written.
#include <memory>

#include "cli/commands.h"
#include "cli/handouts.h"
#include "cli/session.h"
#include "cli/watch.h"
#include "handout/make.h"
#include "style/load.h"

namespace bb::cli {

namespace {

struct HandoutFlags {
    std::vector<std::string> ids;
    bool all = false;
    std::string output;
    std::string book_style = "styles/default.yaml";
    bool book_style_given = false;
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
    cmd->add_option("--book-style", flags->book_style,
                    "The book's style, for the book's page numbers (looked up as -s is)")
        ->capture_default_str()
        ->each([flags](const std::string&) { flags->book_style_given = true; });
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
        // The book's style, and without -s the handout style beside it (or
        // the book's own), as `bookbuild all` takes them: never the book's
        // style from one folder and the handout's from another.
        const std::string book_style = find_style(flags->book_style, flags->book_style_given, options->manuscript);
        if (!options->style_given) {
            const std::string beside = handout_style_beside(book_style);
            options->style = beside.empty() ? book_style : beside;
            options->style_given = true;
        }
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

            auto book_sheet = style::load(book_style, session.sources(), session.sink());
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
