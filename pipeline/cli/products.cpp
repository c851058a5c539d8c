#include "cli/products.h"

#include <fmt/format.h>

#include <chrono>
#include <memory>
#include <optional>

#include "base/atomic_file.h"
#include "base/stage_timer.h"
#include "cli/watch.h"
#include "epub/write.h"
#include "pdf/write.h"
#include "text/font_metrics.h"
#include "typeset/layout.h"
#include "typeset/print_edition.h"

namespace bb::cli {

namespace {

using Clock = std::chrono::steady_clock;
using base::ms_since;

/// The PDF's information dictionary from the manuscript's metadata.
pdf::PdfInfo pdf_info(const model::Book& book, int64_t epoch) {
    pdf::PdfInfo info;
    info.title = book.meta.title;
    if (!book.meta.subtitle.empty()) info.title += ": " + book.meta.subtitle;
    for (const auto& c : book.meta.creators) {
        if (!info.author.empty()) info.author += ", ";
        info.author += c.name;
    }
    info.subject = book.meta.description;
    for (const auto& s : book.meta.subjects) {
        if (!info.keywords.empty()) info.keywords += ", ";
        info.keywords += s;
    }
    info.epoch = epoch;
    info.lang = book.lang;
    return info;
}

/// The print edition's pages from the book's layout.
model::PrintEdition print_edition_of(const Session& session, const typeset::PagedDoc& layout) {
    const style::Sheet& s = session.sheet();
    constexpr double kPtPerMm = 72 / 25.4;
    std::string source = fmt::format("{}, print edition ({} pages, {:.0f} x {:.0f} mm)", session.book().meta.title,
                                     layout.pages.size(), s.page.width / kPtPerMm, s.page.height / kPtPerMm);
    return typeset::print_edition(layout, source);
}

}  // namespace

int build_epub(Session& session, const std::string& path) { return build_epub(session, path, nullptr); }

int build_epub(Session& session, const std::string& path, const typeset::PagedDoc* print_layout) {
    auto start = Clock::now();
    base::StageTimer stages;
    std::optional<model::PrintEdition> print;
    if (session.options().page_list) {
        typeset::PagedDoc own;
        if (!print_layout) {
            // The print layout's own warnings (an overfull line, say) are the
            // PDF's business; an EPUB build reports only its own problems.
            base::Sink scratch;
            typeset::LayoutOptions lo;
            lo.image_dir = session.options().manuscript + "/images";
            lo.progress = session.progress();
            lo.pages_only = true;
            lo.disposer = &session.disposer();
            lo.memory = session.layout_memory();
            own = typeset::layout(session.book(), session.sheet(), lo, session.fonts(), scratch);
            if (scratch.has_errors())
                session.sink().warning(session.book().meta.span,
                                       "the print layout failed (bookbuild pdf says why); the EPUB has no page-list");
            else
                print_layout = &own;
        }
        stages.lap("layout");
        if (print_layout) print = print_edition_of(session, *print_layout);
        // Its pages are freed on another thread while the EPUB is written.
        if (print_layout == &own) session.disposer().dispose(std::move(own));
        stages.lap("print edition");
    }
    epub::WriteOptions wo;
    wo.print = print ? &*print : nullptr;
    wo.build_epoch = session.build_epoch();
    wo.manuscript_dir = session.options().manuscript;
    wo.progress = session.progress();
    wo.deflated = session.kept() ? &session.kept()->deflated : nullptr;
    auto size = epub::write_file(path, session.book(), session.sheet(), wo, session.sink());
    stages.lap("epub");
    session.clear_progress();
    int code = session.report();
    if (!size) return kInputError;
    if (!session.options().quiet)
        std::printf("wrote %s (%zu KB, %lld ms)\n", path.c_str(), (*size + 1023) / 1024, ms_since(start));
    return code;
}

namespace {

/// `keep_layout` false: the caller has no use for the layout's items after
/// (`bookbuild pdf`), so the PDF writer frees them as it goes.
int make_pdf(Session& session, const std::string& path, typeset::PagedDoc& doc, bool keep_layout) {
    auto start = Clock::now();
    // BOOKBUILD_TIMING=1: the time of each stage on stderr (benchmarks).
    base::StageTimer stages;
    typeset::LayoutOptions lo;
    lo.image_dir = session.options().manuscript + "/images";
    lo.progress = session.progress();
    lo.disposer = &session.disposer();
    lo.memory = session.layout_memory();
    doc = typeset::layout(session.book(), session.sheet(), lo, session.fonts(), session.sink());
    stages.lap("layout");
    if (session.options().strict) session.sink().promote_warnings();
    if (session.report() != kOk) return kInputError;

    const pdf::PdfInfo info = pdf_info(session.book(), session.build_epoch());
    if (!keep_layout) session.release_book();
    // Without a layout to keep, this is `bookbuild pdf`: the process ends
    // once the file is written (unless it watches for the next change).
    auto size = pdf::write_file(doc, info, path, session.sink(), session.progress(), /*release_items=*/!keep_layout,
                                /*process_ends=*/!keep_layout && !session.options().watch);
    session.clear_progress();
    stages.lap("pdf");
    if (!size) {
        session.report();
        return kInputError;
    }
    int code = session.report();
    if (!session.options().quiet)
        std::printf("wrote %s (%zu pages, %llu KB, %lld ms)\n", path.c_str(), doc.pages.size(),
                    static_cast<unsigned long long>((*size + 1023) / 1024), ms_since(start));
    return code;
}

}  // namespace

int build_pdf(Session& session, const std::string& path) {
    typeset::PagedDoc layout;
    return make_pdf(session, path, layout, false);
}

int build_pdf(Session& session, const std::string& path, typeset::PagedDoc& doc) {
    return make_pdf(session, path, doc, true);
}

Runner add_product_command(CLI::App& app, const ProductCommand& product) {
    auto options = std::make_shared<CommonOptions>();
    options->output = product.default_output;
    CLI::App* cmd = app.add_subcommand(product.name, product.summary);
    cmd->footer(product.footer);
    add_common_options(*cmd, *options, "styles/default.yaml");
    cmd->add_option("-o,--output", options->output, product.output_help)->capture_default_str();
    add_watch_option(*cmd, *options);
    if (product.page_list_option)
        cmd->add_flag("!--no-page-list", options->page_list,
                      "Leave out the print edition's page-list (page-break markers and the nav's list of pages); "
                      "saves laying the book out as the PDF");
    auto build = product.build;
    const bool page_list_option = product.page_list_option;
    return [cmd, options, build, page_list_option]() -> int {
        if (!cmd->parsed()) return -1;
        // A PDF, and an EPUB with its page-list, lay the book out.
        const bool lays_out = !page_list_option || options->page_list;
        if (options->watch)
            return watch_and_build(*options, {options->output}, lays_out,
                                   [&](Session& session) { return build(session, options->output); });
        Session session(*options);
        bool ok = session.load(lays_out);
        session.report();
        if (!ok) return kInputError;
        return session.end(build(session, options->output));
    };
}

}  // namespace bb::cli
