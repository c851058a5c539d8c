#include "epub/write.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <set>

#include "base/atomic_file.h"
#include "base/threads.h"
#include "epub/chunks.h"
#include "epub/content.h"
#include "epub/coverage.h"
#include "epub/css.h"
#include "epub/fonts.h"
#include "text/font_metrics.h"
#include "text/font_subset.h"
#include "epub/nav.h"
#include "epub/package.h"
#include "epub/render.h"
#include "epub/zip.h"

namespace bb::epub {

namespace {

constexpr const char* kContainer =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
    "<rootfiles>\n"
    "<rootfile full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/>\n"
    "</rootfiles>\n"
    "</container>\n";

/// The media type of an image from its first bytes (the extension may lie).
std::string image_media_type(const std::string& data) {
    if (data.rfind("\x89PNG\r\n\x1a\n", 0) == 0) return "image/png";
    if (data.size() >= 3 && static_cast<unsigned char>(data[0]) == 0xFF &&
        static_cast<unsigned char>(data[1]) == 0xD8 && static_cast<unsigned char>(data[2]) == 0xFF)
        return "image/jpeg";
    if (data.rfind("GIF87a", 0) == 0 || data.rfind("GIF89a", 0) == 0) return "image/gif";
    return "";
}

/// What the book needs of the style's fallback families: which of them (in
/// the style's order) map a character the book uses and some face of a main
/// family lacks (none when the main families cover the text, so the EPUB
/// carries no font it does not need), and those characters.
struct Fallbacks {
    std::vector<std::string> families;
    std::set<char32_t> missing;  ///< used, lacking in some face of a main family
};

Fallbacks needed_fallbacks(const style::Sheet& sheet, const std::set<char32_t>& used, text::FontSet& fonts,
                           base::Sink& sink) {
    auto load = [&](const std::string& path) {
        std::string error;
        const text::Font* f = fonts.get(path, &error);
        if (!f) sink.error_in(path, "EPUB: cannot read this font file: " + error);
        return f;
    };
    Fallbacks out;
    for (const auto& family : families_used(sheet)) {
        const style::FontFamily& fam = sheet.family(family);
        const text::Font* font = load(fam.regular);
        if (!font) return {};
        std::vector<const text::Font*> faces{font};
        // The other faces the style gives are embedded too (faces_to_embed):
        // a character one of them lacks is drawn from a fallback as well.
        for (const std::string* path : {&fam.italic, &fam.bold, &fam.bold_italic})
            if (!path->empty() && *path != fam.regular)
                if (const text::Font* f = load(*path)) faces.push_back(f);
        for (char32_t c : used)
            for (const text::Font* f : faces)
                if (!f->has_glyph(c)) out.missing.insert(c);
    }
    std::set<char32_t> unmapped = out.missing;
    for (const auto& family : sheet.fallback) {
        if (unmapped.empty()) break;
        if (!sheet.fonts.count(family)) continue;
        const text::Font* font = load(sheet.family(family).regular);
        if (!font) continue;
        bool helps = false;
        for (auto it = unmapped.begin(); it != unmapped.end();)
            if (font->has_glyph(*it)) {
                helps = true;
                it = unmapped.erase(it);
            } else {
                ++it;
            }
        if (helps) out.families.push_back(family);
    }
    return out;
}

/// A mark drawn on the character before it: a reading system may draw the
/// pair from one font, so the fallback then needs the base characters too.
bool is_combining_mark(char32_t c) {
    return (c >= 0x300 && c <= 0x36F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
           (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F);
}

/// The glyphs a fallback face needs: a reading system draws from it only
/// the characters the main family's face lacks (CSS font matching is per
/// character), so those and the spaces; every glyph the book shows when one
/// of them is a combining mark.
std::set<char32_t> fallback_glyphs(const std::set<char32_t>& keep, const std::set<char32_t>& missing) {
    if (std::any_of(missing.begin(), missing.end(), is_combining_mark)) return keep;
    std::set<char32_t> out = missing;
    out.insert(U' ');
    for (char32_t c : keep)
        if (std::find(std::begin(CharacterCollector::kDrawnSpaces), std::end(CharacterCollector::kDrawnSpaces), c) !=
            std::end(CharacterCollector::kDrawnSpaces))
            out.insert(c);
    return out;
}

/// Every character a reading system may draw with the embedded fonts: the
/// text of the documents and the CSS (generated content such as bullets),
/// plus printable ASCII, which `characters_used` leaves out, and the spaces
/// drawn from the font that the text uses.
std::set<char32_t> glyphs_to_keep(const CharacterCollector& text) {
    std::set<char32_t> keep = text.result();
    for (char32_t c = 0x20; c < 0x7F; ++c) keep.insert(c);
    for (char32_t c : text.drawn_spaces()) keep.insert(c);
    return keep;
}

struct Rendered {
    std::vector<std::string> documents;  ///< per chunk
    ContentFacts facts;
    CharacterCollector used;  ///< the characters of every document
};

/// The chapters' and the navigation's XHTML, on every core, each chapter
/// with a Renderer of its own; kept when it is what one Renderer writing
/// them in order gives: the figures' file names are given in first use, so
/// a clash between two chapters' names (two sources with one URL-safe form)
/// is resolved by that order, and then the chapters with figures are written
/// again, in order, on one thread. A chapter without figures is the same
/// either way: it goes to `deflater` as soon as it is written, and its
/// characters (for the font subsets) are collected by the thread that wrote
/// it, while it is still in the cache.
Rendered render_chapters(const model::Book& book, const style::Sheet& sheet, const Plan& plan,
                         const std::vector<NavItem>& toc, const PageMarks& marks, const WriteOptions& options,
                         ZipDeflater& deflater, base::Sink& sink) {
    const std::vector<Chunk>& chunks = plan.chunks();
    Rendered out;
    out.documents.resize(chunks.size());
    std::vector<base::Sink> sinks(chunks.size(), base::Sink(sink.limit()));
    std::vector<ContentFacts> facts(chunks.size());
    // The biggest files first, the directory and then the navigation (its
    // page-list names every print page): taken last, one was written on one
    // core while the other had nothing left to do.
    std::vector<size_t> order;
    for (ChunkKind first : {ChunkKind::Directory, ChunkKind::Nav})
        for (size_t i = 0; i < chunks.size(); ++i)
            if (chunks[i].kind == first) order.push_back(i);
    for (size_t i = 0; i < chunks.size(); ++i)
        if (chunks[i].kind != ChunkKind::Directory && chunks[i].kind != ChunkKind::Nav) order.push_back(i);
    std::atomic<size_t> next{0};
    std::mutex used_mutex;
    base::run_on_threads(base::threads_for(options.jobs, chunks.size()), [&] {
        CharacterCollector used;
        for (size_t k; (k = next++) < order.size();) {
            const size_t i = order[k];
            if (chunks[i].kind == ChunkKind::Nav) {
                out.documents[i] = nav_document(book, plan, sheet, toc, &marks);
            } else {
                Renderer r(book, sheet, plan, sinks[i]);
                r.set_page_marks(&marks);
                out.documents[i] = chapter_document(r, chunks[i]);
                facts[i] = r.facts();
            }
            if (facts[i].image_order.empty()) {
                used.add(out.documents[i]);
                deflater.submit(out.documents[i]);
            }
            base::progress_advance(options.progress);
        }
        std::lock_guard<std::mutex> lock(used_mutex);
        out.used.add_all(used);
    });
    std::set<std::string> taken;
    bool as_in_order = true;
    for (const ContentFacts& f : facts) {
        for (const std::string& src : f.image_order) {
            auto [at, added] = out.facts.images.try_emplace(src);
            if (added) {
                at->second = unique_image_name(src, taken);
                out.facts.image_order.push_back(src);
            }
            if (at->second != f.images.at(src)) as_in_order = false;
        }
        out.facts.figures += f.figures;
        out.facts.figures_without_alt += f.figures_without_alt;
    }
    if (as_in_order) {
        for (const base::Sink& s : sinks) sink.add_all(s);
    } else {
        Renderer r(book, sheet, plan, sink);
        r.set_page_marks(&marks);
        for (size_t i = 0; i < chunks.size(); ++i) {
            if (facts[i].image_order.empty()) sink.add_all(sinks[i]);
            else out.documents[i] = chapter_document(r, chunks[i]);
        }
        out.facts = r.facts();  // every figure counted has a name: all are in the chapters written again
    }
    for (size_t i = 0; i < chunks.size(); ++i)
        if (!facts[i].image_order.empty()) {
            out.used.add(out.documents[i]);
            deflater.submit(out.documents[i]);
        }
    return out;
}

}  // namespace

std::optional<std::string> write(const model::Book& book, const style::Sheet& sheet, const WriteOptions& options,
                                 base::Sink& sink) {
    const size_t errors_before = sink.error_count();
    const Plan plan = Plan::make(book);
    const PageMarks marks(options.print, plan);

    // Content first: it tells which images there are (and so the
    // accessibility metadata).
    // Each chapter is deflated on another core as soon as it is final.
    ZipOptions zo;
    zo.level = options.deflate_level;
    zo.jobs = options.jobs;
    zo.memory = options.deflated;
    ZipDeflater deflater(zo);
    base::progress_phase(options.progress, "writing chapters", plan.chunks().size());
    const std::vector<NavItem> toc = toc_tree(book, plan, sheet);
    Rendered rendered = render_chapters(book, sheet, plan, toc, marks, options, deflater, sink);
    std::vector<std::string>& documents = rendered.documents;

    std::vector<ZipEntry> entries;
    entries.push_back({"mimetype", "application/epub+zip", true});
    entries.push_back({"META-INF/container.xml", kContainer, false});
    entries.push_back({"OEBPS/content.opf", "", false});  // filled in last
    entries.push_back({"OEBPS/toc.ncx", ncx_document(book, toc), false});
    deflater.submit(entries.back().data);
    rendered.used.add(entries.back().data);

    std::vector<ManifestItem> manifest;
    manifest.push_back({"ncx", "toc.ncx", "application/x-dtbncx+xml", ""});
    for (size_t i = 0; i < plan.chunks().size(); ++i) {
        const Chunk& c = plan.chunks()[i];
        std::string href = std::string(kTextDir) + c.file;
        manifest.push_back({c.manifest_id, href, "application/xhtml+xml", c.kind == ChunkKind::Nav ? "nav" : ""});
        entries.push_back({"OEBPS/" + href, std::move(documents[i]), false});
    }

    text::FontSet fonts;
    // Every entry's characters so far: the documents' (collected as they
    // were written) and the NCX's; the container and the mimetype are ASCII.
    CharacterCollector& used = rendered.used;
    const Fallbacks fallback = needed_fallbacks(sheet, glyphs_to_keep(used), fonts, sink);
    const std::vector<std::string>& fallbacks = fallback.families;
    const std::vector<FontFace> faces = faces_to_embed(sheet, fallbacks);
    manifest.push_back({"css", "css/book.css", "text/css", ""});
    entries.push_back({"OEBPS/css/book.css", stylesheet(sheet, faces, fallbacks), false});
    used.add(entries.back().data);
    // Each face carries only the glyphs the book can show (HarfBuzz's
    // subsetter, as for the PDF), keeping the layout tables for kerning.
    // On every core: keeping the layout tables makes HarfBuzz's closure the
    // slow part (~1 ms a Charis face), a tenth of a ten-guide EPUB on one.
    const std::set<char32_t> keep = glyphs_to_keep(used);
    const std::set<char32_t> keep_fallback = fallback_glyphs(keep, fallback.missing);
    const std::vector<std::string> main = families_used(sheet);
    std::vector<std::string> subsets(faces.size()), subset_errors(faces.size());
    std::atomic<size_t> next_face{0};
    base::run_on_threads(base::threads_for(options.jobs, faces.size()), [&] {
        for (size_t i; (i = next_face++) < faces.size();) {
            const bool is_fallback = std::find(main.begin(), main.end(), faces[i].family) == main.end();
            subsets[i] = text::subset_font(faces[i].source, is_fallback ? keep_fallback : keep,
                                           text::SubsetFor::Epub, subset_errors[i]);
        }
    });
    for (size_t i = 0; i < faces.size(); ++i) {
        if (subsets[i].empty()) {
            sink.error_in(faces[i].source, "EPUB: cannot embed this font: " + subset_errors[i]);
            continue;
        }
        manifest.push_back({fmt::format("font-{}", i + 1), faces[i].href, "font/ttf", ""});
        entries.push_back({"OEBPS/" + faces[i].href, std::move(subsets[i]), false});
        deflater.submit(entries.back().data);
    }

    size_t image_index = 0;
    for (const auto& [src, stored] : rendered.facts.images) {  // a std::map: sorted, so the order is fixed
        std::string path = options.manuscript_dir + "/images/" + src;
        std::string data;
        if (!base::read_file(path, data)) {
            sink.error_in(path, "EPUB: cannot read this image (figure src=\"" + src + "\")");
            continue;
        }
        std::string type = image_media_type(data);
        if (type.empty()) {
            sink.error_in(path, "EPUB: not a PNG, JPEG or GIF image");
            continue;
        }
        std::string href = "images/" + stored;
        manifest.push_back({fmt::format("img-{}", ++image_index), href, type, ""});
        entries.push_back({"OEBPS/" + href, std::move(data), true});  // already compressed
    }

    if (sink.error_count() > errors_before) return std::nullopt;

    const Accessibility a11y = derive_accessibility(book, rendered.facts, options.print);
    entries[2].data = package_document(book, plan, manifest, a11y, options.build_epoch);

    std::string error;
    auto bytes = make_zip(entries, options.build_epoch, error, zo, &deflater);
    if (!bytes) sink.error_in("", "EPUB: " + error);
    return bytes;
}

std::optional<size_t> write_file(const std::string& path, const model::Book& book, const style::Sheet& sheet,
                                 const WriteOptions& options, base::Sink& sink) {
    auto bytes = write(book, sheet, options, sink);
    if (!bytes) return std::nullopt;
    // base::write_file_atomically writes a PendingFile beside `path` and
    // renames it only once every byte is on disk.
    std::string error = base::write_file_atomically(path, *bytes);
    if (!error.empty()) {
        sink.error_in(path, "cannot write the EPUB: " + error);
        return std::nullopt;
    }
    return bytes->size();
}

}  // namespace bb::epub
