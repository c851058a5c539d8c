// pdf::write: walks a PagedDoc and draws it with libharu, set up as measured
// in notes §1 (UTF-8 Identity-H fonts, pre-subset with hb-subset, ToUnicode
// rewritten, deterministic /ID and dates).
#include "pdf/write.h"

#include <fmt/format.h>
#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include <array>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <set>

#include "base/atomic_file.h"
#include "base/env.h"
#include "base/process_end.h"
#include "base/stage_timer.h"
#include "base/threads.h"
#include "base/utf8.h"
#include "pdf/content.h"
#include "pdf/font_embed.h"
#include "pdf/haru_fixes.h"
#include "pdf/navigation.h"
#include "pdf/png_direct.h"
#include "text/font_subset.h"

namespace bb::pdf {

using typeset::PagedDoc;

namespace {

struct HaruError {
    HPDF_STATUS code = 0, detail = 0;
};

void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) {
    auto* e = static_cast<HaruError*>(user);
    if (e->code == 0) {
        e->code = code;
        e->detail = detail;
    }
}


/// Marks in `flags` (one byte per BMP code point, made on first use) the
/// code points `text` draws, and the space between runs merged into one TJ.
void mark_drawn(const std::string& text, std::vector<unsigned char>& flags) {
    if (flags.empty()) flags.assign(0x10000, 0);
    for (size_t i = 0; i < text.size();) {
        const unsigned char b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {
            flags[b] = 1;
            ++i;
            continue;
        }
        char32_t cp = base::next_code_point(text, i);
        if (cp != 0xAD && cp <= 0xFFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) flags[cp] = 1;
    }
    flags[0x20] = 1;
}

/// Owns the HPDF_Doc.
struct Doc {
    HaruError error;
    HPDF_Doc pdf = nullptr;
    bool left_to_exit = false;  ///< the process ends next: the system frees it
    Doc() { pdf = HPDF_New(on_error, &error); }
    ~Doc() {
        if (pdf && !left_to_exit) HPDF_Free(pdf);
    }
    bool failed() const { return error.code != 0 || !pdf; }
    std::string message() const { return fmt::format("libharu error 0x{:04X} (detail {})", error.code, error.detail); }
};

/// Text as libharu can draw it: BMP only (its CIDs are UTF-16 code units),
/// no soft hyphen (DejaVu and others draw it as a visible glyph, §1.3).
std::string drawable(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        char32_t cp = base::next_code_point(s, i);
        if (cp == 0xAD || cp > 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF)) continue;
        base::append_utf8(out, cp);
    }
    return out;
}

/// PNG files libharu cannot read (interlaced ones crash it, §1.9) are refused
/// before it sees them.
std::string check_image(const std::string& bytes, bool& is_png) {
    static const char png_sig[] = "\x89PNG\r\n\x1a\n";
    if (bytes.size() >= 8 && std::memcmp(bytes.data(), png_sig, 8) == 0) {
        is_png = true;
        if (bytes.size() < 29) return "truncated PNG";
        if (bytes[28] != 0) return "interlaced PNG images are not supported; save it without interlacing";
        return "";
    }
    if (bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
        static_cast<unsigned char>(bytes[1]) == 0xD8) {
        is_png = false;
        return "";
    }
    return "not a PNG or JPEG image";
}

HPDF_Date date_of(int64_t epoch) {
    base::UtcTime t = base::utc_time(epoch);
    HPDF_Date d{};
    d.year = t.year;
    d.month = t.month;
    d.day = t.day;
    d.hour = t.hour;
    d.minutes = t.minute;
    d.seconds = t.second;
    d.ind = 'Z';
    return d;
}

/// The pages' content streams as the threads deflate them, read by
/// libharu's save as it reaches each page (set_late_page_contents): the
/// save runs while later pages are still being made. Once every page is
/// in, `all_in` runs (once, on the thread that saw it).
class ContentFeed final : public LateData {
public:
    /// `progress` (may be null) advances by a page each time the save takes one.
    ContentFeed(size_t pages, std::function<void()> all_in, base::Progress* progress)
        : packed_(pages), state_(pages, kWaiting), all_in_(std::move(all_in)), progress_(progress) {}

    void deliver(size_t i, std::string&& packed, bool ok) {
        {
            std::lock_guard lock(mu_);
            packed_[i] = std::move(packed);
            state_[i] = ok ? kReady : kFailed;
            ++delivered_;
        }
        ready_.notify_all();
    }

    std::string_view wait(size_t i) override {
        base::progress_advance(progress_);
        std::unique_lock lock(mu_);
        ready_.wait(lock, [&] { return state_[i] != kWaiting; });
        // libharu reads the pages in order: at the last one, every page's
        // digest is made and the document id can be set before the trailer.
        if (i + 1 == packed_.size()) {
            ready_.wait(lock, [&] { return delivered_ == packed_.size(); });
            if (all_in_) all_in_();
        }
        return state_[i] == kReady ? std::string_view(packed_[i]) : std::string_view();
    }

    /// Waits for every page; true when each was deflated.
    bool all_made() {
        std::unique_lock lock(mu_);
        ready_.wait(lock, [&] { return delivered_ == packed_.size(); });
        return std::find(state_.begin(), state_.end(), kFailed) == state_.end();
    }

private:
    enum : char { kWaiting, kReady, kFailed };
    std::mutex mu_;
    std::condition_variable ready_;
    std::vector<std::string> packed_;
    std::vector<char> state_;
    size_t delivered_ = 0;
    std::function<void()> all_in_;
    base::Progress* progress_;
};

class Writer {
public:
    /// `releasable`: the same document as `doc`, whose items may be freed
    /// page by page once drawn (null: leave them).
    Writer(const PagedDoc& doc, const PdfInfo& info, base::Sink& sink, base::Progress* progress,
           PagedDoc* releasable = nullptr)
        : doc_(doc), info_(info), sink_(sink), progress_(progress), releasable_(releasable) {}

    /// The whole document in libharu; false after reporting.
    bool build() {
        if (d_.failed()) return !fail("cannot start libharu");
        HPDF_Doc pdf = d_.pdf;
        pdf->pdf_version = HPDF_VER_14;  // PNG alpha becomes an SMask (1.4)
        HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
        HPDF_UseUTFEncodings(pdf);
        HPDF_SetCurrentEncoder(pdf, "UTF-8");
        base::StageTimer timer;
        // The content streams are made and deflated on other threads from
        // as soon as each page's resources are named (plan_pages), while
        // this one subsets the fonts and gives libharu the pages, links and
        // outline; libharu's save then reads each page's stream as it
        // reaches it (ContentFeed).
        if (!plan_pages()) return false;
        timer.lap("pdf: fonts drawn and resources named");
        start_content();
        if (!embed_fonts()) return false;
        timer.lap("pdf: fonts");
        if (!add_pages()) return false;
        timer.lap("pdf: pages");
        if (!add_navigation() || d_.failed()) return failed("while adding the links and outline");
        timer.lap("pdf: links and outline");
        // The save writes the pages as their streams come (ContentFeed).
        base::progress_phase(progress_, "writing pages", doc_.pages.size());
        add_info();
        if (d_.failed()) return !fail("while building the document");
        // The pages' streams last in the file: the save writes the links,
        // outline and fonts while the threads still make pages, instead of
        // on one core after the last page.
        std::vector<HPDF_Dict> contents;
        contents.reserve(pages_.size());
        for (HPDF_Page page : pages_) contents.push_back(static_cast<HPDF_PageAttr>(page->attr)->contents);
        if (!write_last(d_.pdf, contents)) return !fail("while ordering the objects");
        return true;
    }

    /// The process exits after this writer: its libharu document is not
    /// freed (except under the sanitizers).
    void leave_to_exit() { d_.left_to_exit = !base::kLeakChecked; }

    /// The built document as bytes.
    std::optional<std::string> bytes() {
        HPDF_Doc pdf = d_.pdf;
        if (HPDF_SaveToStream(pdf) != HPDF_OK) return fail("while saving");
        if (!pages_made()) {
            sink_.error_in("", "PDF: cannot deflate the page contents");
            return std::nullopt;
        }
        HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
        std::string bytes(size, '\0');
        HPDF_UINT32 got = size;
        HPDF_ResetStream(pdf);
        if (size && HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &got) != HPDF_OK &&
            got != size)
            return fail("while reading the saved document");
        bytes.resize(got);
        return bytes;
    }

    /// The built document written to `path` as libharu saves it (no copy of
    /// it in memory: save_to_file), atomically (base::write_file_atomically_by). Its size,
    /// or nullopt after reporting (the target untouched).
    std::optional<uint64_t> save(const std::string& path) {
        uint64_t size = 0;
        std::string error = base::write_file_atomically_by(path, [&](const std::string& temp) -> std::string {
            std::string io_error;
            if (!save_to_file(d_.pdf, temp, io_error)) return io_error.empty() ? d_.message() : io_error;
            if (!pages_made()) return "cannot deflate the page contents";
            std::error_code ec;
            size = std::filesystem::file_size(temp, ec);
            return ec ? ec.message() : "";
        });
        if (!error.empty()) {
            sink_.error_in(path, "cannot write the PDF: " + error);
            return std::nullopt;
        }
        return size;
    }

private:
    bool failed(const std::string& what) {
        fail(what);
        return false;
    }

    std::optional<std::string> fail(const std::string& what) {
        sink_.error_in("", fmt::format("PDF: {}: {}", what, d_.message()));
        return std::nullopt;
    }

    /// Before anything goes to libharu: which code points each font draws,
    /// each page's resource names (as libharu will give them, checked in
    /// add_pages) and each font's space width: all that page_content needs.
    bool plan_pages() {
        // Which BMP code points each font draws, as one byte per code point
        // (bits were a set insert, then a bit operation per character of a
        // 6,000-page book): ASCII is marked without decoding. The pages are
        // shared out to the cores in contiguous ranges, their marks joined.
        using Marks = std::vector<std::vector<unsigned char>>;
        const size_t n = doc_.pages.size();
        const unsigned jobs = base::threads_for(0, std::max<size_t>(1, n / 64));
        std::vector<Marks> marks(jobs, Marks(doc_.fonts.size()));
        std::vector<size_t> bad_page(jobs, SIZE_MAX), bad_font(jobs, 0);
        resources_.assign(n, PageResources{});
        plans_.assign(n, PagePlan{});
        for (PageResources& r : resources_) r.font_names.resize(doc_.fonts.size());
        std::atomic<unsigned> next_range{0};
        base::run_on_threads(jobs, [&] {
            const unsigned r = next_range++;
            Marks& drawn = marks[r];
            for (size_t p = n * r / jobs; p < n * (r + 1) / jobs; ++p)
                for (const auto& item : doc_.pages[p].items)
                    if (const auto* t = std::get_if<typeset::TextRun>(&item)) {
                        if (t->font >= drawn.size()) {
                            bad_page[r] = p;
                            bad_font[r] = t->font;
                            return;
                        }
                        mark_drawn(t->text, drawn[t->font]);
                        name_font(p, t->font);
                    } else if (const auto* im = std::get_if<typeset::Image>(&item)) {
                        name_image(p, im->path);
                    }
        });
        for (unsigned r = 0; r < jobs; ++r)
            if (bad_page[r] != SIZE_MAX) {
                sink_.error_in("", fmt::format("PDF: a text run on page {} refers to font {} of {}", bad_page[r] + 1,
                                               bad_font[r], doc_.fonts.size()));
                return false;
            }
        Marks& drawn = marks[0];
        for (unsigned r = 1; r < jobs; ++r)
            for (size_t f = 0; f < drawn.size(); ++f) {
                const std::vector<unsigned char>& more = marks[r][f];
                if (more.empty()) continue;
                if (drawn[f].empty()) drawn[f].assign(0x10000, 0);
                for (size_t cp = 0; cp < more.size(); ++cp) drawn[f][cp] |= more[cp];
            }
        used_.assign(doc_.fonts.size(), {});
        for (size_t f = 0; f < drawn.size(); ++f)
            for (size_t cp = 0; cp < drawn[f].size(); ++cp)
                if (drawn[f][cp]) used_[f].insert(static_cast<char32_t>(cp));
        // The space's width as the embedded program will give it (read
        // without subsetting: the subsets are made while pages are drawn).
        font_facts_.assign(doc_.fonts.size(), FontFacts{});
        for (size_t f = 0; f < doc_.fonts.size(); ++f) {
            font_facts_[f].short_codes = uses_short_codes(used_[f]);  // as pack_font decides
            if (!used_[f].empty())
                if (std::optional<int> w = text::pdf_advance(doc_.fonts[f], 0x20)) font_facts_[f].space = *w;
        }
        return true;
    }

    /// The fonts' subsets, made and deflated on every core, then given to
    /// libharu in font order (so the file does not depend on the threads).
    bool embed_fonts() {
        const std::vector<std::set<char32_t>>& used = used_;
        fonts_.assign(doc_.fonts.size(), nullptr);
        std::vector<std::optional<PackedFont>> packed(doc_.fonts.size());
        std::vector<std::string> errors(doc_.fonts.size());
        std::atomic<size_t> next{0};
        base::run_on_threads(base::threads_for(0, doc_.fonts.size()), [&] {
            for (size_t f; (f = next++) < doc_.fonts.size();)
                if (!used[f].empty()) packed[f] = pack_font(doc_.fonts[f], used[f], errors[f]);
        });
        bool ok = true;
        for (size_t f = 0; f < doc_.fonts.size(); ++f) {
            if (used[f].empty()) continue;
            HPDF_Dict font = packed[f] ? embed_font(d_.pdf, *packed[f], errors[f]) : nullptr;
            if (!font) {
                sink_.error_in(doc_.fonts[f], "cannot embed this font: " + errors[f]);
                ok = false;
                continue;
            }
            fonts_[f] = font;
            packed[f].reset();
        }
        return ok;
    }

    /// Page p's resource names, in the order libharu names them: "F1", "F2"
    /// … for fonts, "X1", "X2" … for images, in first use on the page
    /// (HPDF_Page_GetLocalFontName, HPDF_Page_GetXObjectName).
    void name_font(size_t p, size_t font) {
        std::string& name = resources_[p].font_names[font];
        if (!name.empty()) return;
        plans_[p].fonts.push_back(font);
        name = 'F';
        name += std::to_string(plans_[p].fonts.size());
    }

    void name_image(size_t p, const std::string& path) {
        auto [it, added] = resources_[p].image_names.try_emplace(path);
        if (!added) return;
        plans_[p].images.push_back(path);
        it->second = 'X';
        it->second += std::to_string(plans_[p].images.size());
    }

    /// The pages in libharu, their resources registered as plan_pages named
    /// them (checked), their contents to be read from the ContentFeed.
    bool add_pages() {
        const size_t n = doc_.pages.size();
        // One Pages node holds at most HPDF_LIMIT_MAX_ARRAY (32,767) kids: a
        // book of 5,000 guides has more pages, so big books get a two-level
        // page tree (which viewers also prefer); smaller ones keep one node.
        if (n > 8191 && HPDF_SetPagesConfiguration(d_.pdf, 256) != HPDF_OK)
            return failed("cannot set up the page tree");
        make_room_for_objects(d_.pdf, 4 * n);  // a page, its contents, their /Length, its resources
        for (size_t i = 0; i < n; ++i) {
            const typeset::Page& p = doc_.pages[i];
            HPDF_Page page = HPDF_AddPage(d_.pdf);
            if (!page) {
                fail("cannot add a page");
                return false;
            }
            pages_.push_back(page);
            HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(p.width));
            HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(p.height));
            const PageResources& r = resources_[i];
            for (size_t f : plans_[i].fonts) {
                const char* name = HPDF_Page_GetLocalFontName(page, fonts_[f]);
                if (!name) return failed(fmt::format("while drawing page {}", i + 1));
                if (r.font_names[f] != name) return misnamed(i, name);
            }
            for (const std::string& path : plans_[i].images) {
                HPDF_Image image = load_image(path);
                if (!image) return false;
                const char* name = HPDF_Page_GetXObjectName(page, image);
                if (!name) return failed(fmt::format("while drawing page {}", i + 1));
                if (r.image_names.at(path) != name) return misnamed(i, name);
            }
            if (!set_late_page_contents(page, *feed_, i)) return failed("while adding the page contents");
        }
        if (d_.failed()) return failed("while adding pages");
        return true;
    }

    bool misnamed(size_t page, const char* name) {
        sink_.error_in("", fmt::format("PDF: libharu named a resource of page {} '{}', not as planned", page + 1, name));
        return false;
    }

    /// The content streams, made and deflated by page_content/deflate_pages
    /// on other threads while this one subsets the fonts and adds the pages,
    /// outline and links to libharu (which is not thread-safe, so
    /// everything that touches it stays on this thread) and then saves:
    /// libharu reads each page's stream from the ContentFeed when the save
    /// reaches it. Each page's deflated stream is digested as it is made,
    /// for the document's /ID.
    void start_content() {
        const size_t n = doc_.pages.size();
        const unsigned jobs = base::job_limit();
        page_digests_.assign(n, {});
        feed_ = std::make_unique<ContentFeed>(
            n, [this] { set_document_id(d_.pdf, document_id().data()); }, progress_);
        content_ = base::Background([this, n, jobs] {
            deflate_pages(
                n, jobs,
                [&](size_t i) {
                    std::string plain = page_content(doc_.pages[i], resources_[i], font_facts_);
                    // Only this thread touches page i's items (the main
                    // thread reads pages' sizes and the links meanwhile).
                    if (releasable_) std::vector<typeset::Item>().swap(releasable_->pages[i].items);
                    return plain;
                },
                [&](size_t i, std::string&& packed, bool ok) {
                    // The deflated stream (the same bytes on any number of
                    // threads) is a third of the operators to digest.
                    digest16(packed, page_digests_[i].data());
                    feed_->deliver(i, std::move(packed), ok);
                });
        });
    }

    /// After a save: false when a page's stream could not be made (the
    /// saved file has it empty).
    bool pages_made() { return !feed_ || feed_->all_made(); }

    HPDF_Image load_image(const std::string& path) {
        if (auto it = images_.find(path); it != images_.end()) return it->second;
        bool is_png = false;
        std::string bytes, problem;
        if (!base::read_file(path, bytes)) problem = "cannot read the image";
        if (problem.empty()) problem = check_image(bytes, is_png);
        HPDF_Image image = nullptr;
        if (problem.empty()) {
            const auto* data = reinterpret_cast<const HPDF_BYTE*>(bytes.data());
            const auto size = static_cast<HPDF_UINT>(bytes.size());
            if (!is_png)
                image = HPDF_LoadJpegImageFromMem(d_.pdf, data, size);
            else if (std::optional<DirectPng> direct = direct_png(bytes))
                image = embed_direct_png(d_.pdf, *direct);
            else if ((image = HPDF_LoadPngImageFromMem(d_.pdf, data, size)))
                deflate_soft_mask(image);
            if (!image) problem = d_.message();
        }
        if (!image) sink_.error_in(path, "cannot embed this image: " + problem);
        images_[path] = image;
        return image;
    }

    /// The links and outline (navigation.h), then the page labels.
    bool add_navigation() {
        HPDF_Doc pdf = d_.pdf;
        navigation_ = std::make_unique<Navigation>(doc_, pages_);
        if (!navigation_->add(pdf)) return false;
        for (const auto& r : doc_.labels) {
            if (r.first_page >= pages_.size()) continue;
            HPDF_PageNumStyle style = r.style == typeset::LabelStyle::LowerRoman ? HPDF_PAGE_NUM_STYLE_LOWER_ROMAN
                                                                                 : HPDF_PAGE_NUM_STYLE_DECIMAL;
            HPDF_AddPageLabel(pdf, static_cast<HPDF_UINT>(r.first_page), style, r.start, "");
        }
        return true;
    }

    void add_info() {
        HPDF_Doc pdf = d_.pdf;
        auto set = [&](HPDF_InfoType type, const std::string& v) {
            if (!v.empty()) HPDF_SetInfoAttr(pdf, type, drawable(v).c_str());
        };
        set(HPDF_INFO_TITLE, info_.title);
        set(HPDF_INFO_AUTHOR, info_.author);
        set(HPDF_INFO_SUBJECT, info_.subject);
        set(HPDF_INFO_KEYWORDS, info_.keywords);
        set(HPDF_INFO_CREATOR, info_.creator);
        set_language(pdf, info_.lang);
        if (info_.epoch) {
            HPDF_Date d = date_of(*info_.epoch);
            HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, d);
            HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, d);
        }
        // The id is derived from what is drawn and the metadata, so the same
        // input gives the same file and a changed book a different id: set
        // when every page is made (ContentFeed), before the save reaches
        // the trailer.
        // (A document of no pages has no content to wait for.)
        const std::array<unsigned char, 16> unknown{};
        set_document_id(pdf, doc_.pages.empty() ? document_id().data() : unknown.data());
    }

    std::array<unsigned char, 16> document_id() const {
        Digest16 seed;
        add_content(seed);
        seed.add(std::string(1, '\0') + info_.title + '\0' + info_.author + '\0' + info_.subject + '\0' +
                 info_.keywords + '\0' + info_.creator + '\0' + info_.lang + '\0' +
                 (info_.epoch ? std::to_string(*info_.epoch) : ""));
        std::array<unsigned char, 16> digest;
        seed.finish(digest.data());
        return digest;
    }

    /// What is drawn: the fonts' files, each page's size and the digest of
    /// its deflated content stream (text as glyph codes, positions,
    /// kerning, other items), the images' files.
    void add_content(Digest16& out) const {
        auto num = [&](double v) {
            long long q = static_cast<long long>(v * 100.0 + (v < 0 ? -0.5 : 0.5));
            out.add(reinterpret_cast<const char*>(&q), sizeof q);
        };
        for (const auto& f : doc_.fonts) {
            out.add(f);
            out.add('\0');
        }
        for (size_t i = 0; i < doc_.pages.size(); ++i) {
            out.add('\f');
            num(doc_.pages[i].width);
            num(doc_.pages[i].height);
            if (i < page_digests_.size())
                out.add(reinterpret_cast<const char*>(page_digests_[i].data()), page_digests_[i].size());
        }
        for (const auto& [path, image] : images_) {
            out.add('I');
            out.add(path);
            out.add('\0');
        }
    }

    const PagedDoc& doc_;
    const PdfInfo& info_;
    base::Sink& sink_;
    base::Progress* progress_;
    PagedDoc* releasable_;
    Doc d_;
    std::vector<HPDF_Font> fonts_;
    std::vector<FontFacts> font_facts_;
    std::vector<HPDF_Page> pages_;
    std::vector<PageResources> resources_;
    /// Each page's fonts and images in first use (the order libharu names them).
    struct PagePlan {
        std::vector<size_t> fonts;
        std::vector<std::string> images;
    };
    std::vector<PagePlan> plans_;
    std::vector<std::set<char32_t>> used_;  ///< code points each font draws
    std::vector<std::array<unsigned char, 16>> page_digests_;
    std::map<std::string, HPDF_Image> images_;
    std::unique_ptr<Navigation> navigation_;
    std::unique_ptr<ContentFeed> feed_;
    // Last: joined first, before what the threads read and write goes.
    base::Background content_;
};

}  // namespace

std::optional<std::string> render(const PagedDoc& doc, const PdfInfo& info, base::Sink& sink,
                                  base::Progress* progress) {
    Writer w(doc, info, sink, progress);
    if (!w.build()) return std::nullopt;
    return w.bytes();
}

std::optional<uint64_t> write_file(PagedDoc& doc, const PdfInfo& info, const std::string& path, base::Sink& sink,
                                   base::Progress* progress, bool release_items, bool process_ends) {
    base::StageTimer timer;
    std::optional<uint64_t> size;
    {
        Writer w(doc, info, sink, progress, release_items ? &doc : nullptr);
        if (process_ends) w.leave_to_exit();
        if (!w.build()) return std::nullopt;
        timer.lap("pdf: built");
        size = w.save(path);
        timer.lap("pdf: saved");
    }
    timer.lap(process_ends && !base::kLeakChecked ? "pdf: libharu's document left to the system"
                                                  : "pdf: libharu's document freed");
    return size;
}

bool write(const PagedDoc& doc, const PdfInfo& info, const std::string& path, base::Sink& sink) {
    Writer w(doc, info, sink, nullptr);
    return w.build() && w.save(path);
}

}  // namespace bb::pdf
