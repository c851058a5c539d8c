// pdf::write: walks a PagedDoc and draws it with libharu, set up as measured
// in notes §1 (UTF-8 Identity-H fonts, pre-subset with hb-subset, ToUnicode
// rewritten, deterministic /ID and dates).
#include "pdf/write.h"

#include <fmt/format.h>
#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include <cstring>
#include <set>

#include "base/atomic_file.h"
#include "base/env.h"
#include "base/utf8.h"
#include "text/font_subset.h"
#include "pdf/haru_fixes.h"

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

/// Owns the HPDF_Doc.
struct Doc {
    HaruError error;
    HPDF_Doc pdf = nullptr;
    Doc() { pdf = HPDF_New(on_error, &error); }
    ~Doc() {
        if (pdf) HPDF_Free(pdf);
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

HPDF_REAL channel(uint8_t v) { return static_cast<HPDF_REAL>(v / 255.0); }

/// IRI to URI: libharu writes annotation URIs byte for byte (§1.5).
std::string percent_encode_non_ascii(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (c >= 0x80 || c <= 0x20 || c == 0x7F)
            out += fmt::format("%{:02X}", c);
        else
            out += static_cast<char>(c);
    }
    return out;
}

/// PNG files libharu cannot read (interlaced ones crash it, §1.9) are refused
/// before it sees them.
std::string check_image(const std::string& path, bool& is_png) {
    std::string bytes;
    if (!base::read_file(path, bytes)) return "cannot read the image";
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

class Writer {
public:
    Writer(const PagedDoc& doc, const PdfInfo& info, base::Sink& sink, base::Progress* progress)
        : doc_(doc), info_(info), sink_(sink), progress_(progress) {}

    std::optional<std::string> run() {
        if (d_.failed()) return fail("cannot start libharu");
        HPDF_Doc pdf = d_.pdf;
        pdf->pdf_version = HPDF_VER_14;  // PNG alpha becomes an SMask (1.4)
        HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
        HPDF_UseUTFEncodings(pdf);
        HPDF_SetCurrentEncoder(pdf, "UTF-8");
        if (!load_fonts()) return std::nullopt;
        base::progress_phase(progress_, "writing pages", doc_.pages.size());
        for (const auto& page : doc_.pages) {
            if (!draw_page(page)) return std::nullopt;
            base::progress_advance(progress_);
        }
        base::progress_phase(progress_, "saving the PDF", 0);
        add_navigation();
        add_info();
        if (d_.failed()) return fail("while building the document");
        if (HPDF_SaveToStream(pdf) != HPDF_OK) return fail("while saving");
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

private:
    std::optional<std::string> fail(const std::string& what) {
        sink_.error_in("", fmt::format("PDF: {}: {}", what, d_.message()));
        return std::nullopt;
    }

    bool load_fonts() {
        std::vector<std::set<char32_t>> used(doc_.fonts.size());
        for (const auto& page : doc_.pages)
            for (const auto& item : page.items)
                if (const auto* t = std::get_if<typeset::TextRun>(&item)) {
                    if (t->font >= used.size()) {
                        sink_.error_in("", fmt::format("PDF: text run refers to font {} of {}", t->font, used.size()));
                        return false;
                    }
                    std::string s = drawable(t->text);
                    for (size_t i = 0; i < s.size();) used[t->font].insert(base::next_code_point(s, i));
                    used[t->font].insert(0x20);  // between runs merged into one TJ
                }
        fonts_.assign(doc_.fonts.size(), nullptr);
        bool ok = true;
        for (size_t f = 0; f < doc_.fonts.size(); ++f) {
            if (used[f].empty()) continue;
            std::string error;
            std::string bytes = text::subset_font(doc_.fonts[f], used[f], text::SubsetFor::Pdf, error);
            const char* name = bytes.empty() ? nullptr : load_ttf_bytes(d_.pdf, bytes, error);
            HPDF_Font font = name ? HPDF_GetFont(d_.pdf, name, "UTF-8") : nullptr;
            if (!font) {
                sink_.error_in(doc_.fonts[f], fmt::format("cannot embed this font: {}",
                                                          error.empty() ? d_.message() : error));
                ok = false;
                continue;
            }
            fix_tounicode(font);
            fonts_[f] = font;
        }
        return ok;
    }

    bool draw_page(const typeset::Page& p) {
        HPDF_Page page = HPDF_AddPage(d_.pdf);
        if (!page) {
            fail("cannot add a page");
            return false;
        }
        pages_.push_back(page);
        HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(p.width));
        HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(p.height));
        const double h = p.height;
        bool in_text = false;
        HPDF_Font cur_font = nullptr;
        double cur_size = -1;
        std::optional<typeset::Rgb> cur_fill;
        auto end_text = [&] {
            if (in_text) HPDF_Page_EndText(page);
            in_text = false;
        };
        auto set_fill = [&](const typeset::Rgb& c) {
            if (cur_fill && *cur_fill == c) return;
            HPDF_Page_SetRGBFill(page, channel(c.r), channel(c.g), channel(c.b));
            cur_fill = c;
        };
        for (size_t i = 0; i < p.items.size(); ++i) {
            const auto& item = p.items[i];
            if (const auto* t = std::get_if<typeset::TextRun>(&item)) {
                // Runs that continue one another on a line (same font, size,
                // colour and baseline, left to right) go out as one TJ with a
                // real space between words and the exact gap as adjustment:
                // one text matrix per line instead of one per word.
                size_t end = i + 1;
                while (end < p.items.size()) {
                    const auto* n = std::get_if<typeset::TextRun>(&p.items[end]);
                    const auto* prev = std::get_if<typeset::TextRun>(&p.items[end - 1]);
                    if (!n || n->font != t->font || n->size != t->size || !(n->color == t->color) ||
                        n->y != t->y || n->x < prev->x + prev->width - 0.01)
                        break;
                    ++end;
                }
                if (!in_text) {
                    HPDF_Page_BeginText(page);
                    in_text = true;
                }
                HPDF_Font font = fonts_[t->font];
                if (font != cur_font || t->size != cur_size) {
                    HPDF_Page_SetFontAndSize(page, font, static_cast<HPDF_REAL>(t->size));
                    cur_font = font;
                    cur_size = t->size;
                }
                set_fill(t->color);
                // Tm places every line absolutely; a raw TJ does not move the
                // line matrix, so libharu's own bookkeeping stays right.
                HPDF_Page_SetTextMatrix(page, 1, 0, 0, 1, static_cast<HPDF_REAL>(t->x),
                                        static_cast<HPDF_REAL>(h - t->y));
                show_line(page, font, p.items, i, end);
                i = end - 1;
            } else if (const auto* l = std::get_if<typeset::Line>(&item)) {
                end_text();
                HPDF_Page_SetRGBStroke(page, channel(l->color.r), channel(l->color.g), channel(l->color.b));
                HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(l->thickness));
                HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(l->x1), static_cast<HPDF_REAL>(h - l->y1));
                HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(l->x2), static_cast<HPDF_REAL>(h - l->y2));
                HPDF_Page_Stroke(page);
            } else if (const auto* r = std::get_if<typeset::Rect>(&item)) {
                end_text();
                set_fill(r->fill);
                HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(r->x), static_cast<HPDF_REAL>(h - r->y - r->h),
                                    static_cast<HPDF_REAL>(r->w), static_cast<HPDF_REAL>(r->h));
                HPDF_Page_Fill(page);
            } else if (const auto* im = std::get_if<typeset::Image>(&item)) {
                end_text();
                HPDF_Image image = load_image(im->path);
                if (!image) return false;
                HPDF_Page_DrawImage(page, image, static_cast<HPDF_REAL>(im->x),
                                    static_cast<HPDF_REAL>(h - im->y - im->h), static_cast<HPDF_REAL>(im->w),
                                    static_cast<HPDF_REAL>(im->h));
            }
        }
        end_text();
        if (d_.failed()) {
            fail(fmt::format("while drawing page {}", pages_.size()));
            return false;
        }
        return true;
    }

    /// Appends the code units of `text` as hex, with the run's kerning as TJ
    /// numbers (notes §1.6), and marks each glyph as used so libharu keeps
    /// it in the embedded font.
    static void append_run(std::string& op, HPDF_Font font, const std::string& text,
                           const std::vector<typeset::Kern>& kerning) {
        static const char hex[] = "0123456789ABCDEF";
        op += '<';
        size_t k = 0;
        uint32_t index = 0;
        for (size_t i = 0; i < text.size(); ++index) {
            char32_t cp = base::next_code_point(text, i);
            HPDF_Font_GetUnicodeWidth(font, static_cast<HPDF_UNICODE>(cp));
            for (int shift = 12; shift >= 0; shift -= 4) op += hex[(cp >> shift) & 0xF];
            while (k < kerning.size() && kerning[k].index < index) ++k;
            if (k < kerning.size() && kerning[k].index == index && kerning[k].adjust != 0 && i < text.size())
                op += fmt::format("> {} <", -kerning[k].adjust);
        }
        op += '>';
    }

    /// `[<0041> 80 <0056> <0020> -12.5 <0057>] TJ` for runs [from, to) of a
    /// line, written into the content stream: libharu has no TJ operator.
    /// Between runs a space glyph (so text extraction sees a word break) and
    /// the adjustment that puts the next run exactly at its x.
    void show_line(HPDF_Page page, HPDF_Font font, const std::vector<typeset::Item>& items, size_t from,
                   size_t to) {
        std::string op = "[";
        const double space = HPDF_Font_GetUnicodeWidth(font, 0x20);
        for (size_t i = from; i < to; ++i) {
            const auto& t = std::get<typeset::TextRun>(items[i]);
            if (i > from) {
                const auto& prev = std::get<typeset::TextRun>(items[i - 1]);
                double gap = (t.x - (prev.x + prev.width)) * 1000.0 / t.size;  // in 1/1000 em
                op += fmt::format(" <0020> {:.2f} ", space - gap);
            }
            std::string s = drawable(t.text);
            append_run(op, font, s, s == t.text ? t.kerning : std::vector<typeset::Kern>{});
        }
        op += "] TJ\n";
        HPDF_Stream_WriteStr(static_cast<HPDF_PageAttr>(page->attr)->stream, op.c_str());
    }

    HPDF_Image load_image(const std::string& path) {
        if (auto it = images_.find(path); it != images_.end()) return it->second;
        bool is_png = false;
        std::string problem = check_image(path, is_png);
        HPDF_Image image = nullptr;
        if (problem.empty()) {
            image = is_png ? HPDF_LoadPngImageFromFile(d_.pdf, path.c_str())
                           : HPDF_LoadJpegImageFromFile(d_.pdf, path.c_str());
            if (!image) problem = d_.message();
        }
        if (!image) sink_.error_in(path, "cannot embed this image: " + problem);
        images_[path] = image;
        return image;
    }

    HPDF_Destination destination(const std::string& anchor) {
        auto it = doc_.anchors.find(anchor);
        if (it == doc_.anchors.end() || it->second.page >= pages_.size()) return nullptr;
        const auto& a = it->second;
        HPDF_Page page = pages_[a.page];
        HPDF_Destination dst = HPDF_Page_CreateDestination(page);
        if (!dst) return nullptr;
        HPDF_Destination_SetXYZ(dst, 0, static_cast<HPDF_REAL>(doc_.pages[a.page].height - a.y), 1);
        // zoom 0 means "keep the reader's zoom" (ISO 32000-1 §12.3.2.2), but
        // libharu refuses it as an argument; patch the number afterwards.
        if (auto* zoom = static_cast<HPDF_Real>(HPDF_Array_GetItem(dst, 4, HPDF_OCLASS_REAL))) zoom->value = 0;
        return dst;
    }

    void add_navigation() {
        HPDF_Doc pdf = d_.pdf;
        HPDF_Encoder utf8 = HPDF_GetEncoder(pdf, "UTF-8");
        std::vector<HPDF_Outline> parents;  // parents[level] = last entry at that level
        for (const auto& o : doc_.outline) {
            HPDF_Destination dst = destination(o.anchor);
            if (!dst) continue;
            size_t level = static_cast<size_t>(std::max(0, o.level));
            if (level > parents.size()) level = parents.size();
            HPDF_Outline parent = level == 0 ? nullptr : parents[level - 1];
            HPDF_Outline entry = HPDF_CreateOutline(pdf, parent, drawable(o.title).c_str(), utf8);
            if (!entry) continue;
            HPDF_Outline_SetDestination(entry, dst);
            HPDF_Outline_SetOpened(entry, HPDF_FALSE);
            parents.resize(level);
            parents.push_back(entry);
        }
        if (!doc_.outline.empty()) HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
        for (const auto& l : doc_.links) {
            if (l.page >= pages_.size()) continue;
            HPDF_Page page = pages_[l.page];
            double h = doc_.pages[l.page].height;
            HPDF_Rect rect{static_cast<HPDF_REAL>(l.x), static_cast<HPDF_REAL>(h - l.y - l.h),
                           static_cast<HPDF_REAL>(l.x + l.w), static_cast<HPDF_REAL>(h - l.y)};
            HPDF_Annotation a = nullptr;
            if (!l.uri.empty()) {
                a = HPDF_Page_CreateURILinkAnnot(page, rect, percent_encode_non_ascii(l.uri).c_str());
            } else if (HPDF_Destination dst = destination(l.anchor)) {
                a = HPDF_Page_CreateLinkAnnot(page, rect, dst);
            }
            if (a) HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
        }
        for (const auto& r : doc_.labels) {
            if (r.first_page >= pages_.size()) continue;
            HPDF_PageNumStyle style = r.style == typeset::LabelStyle::LowerRoman ? HPDF_PAGE_NUM_STYLE_LOWER_ROMAN
                                                                                 : HPDF_PAGE_NUM_STYLE_DECIMAL;
            HPDF_AddPageLabel(pdf, static_cast<HPDF_UINT>(r.first_page), style, r.start, "");
        }
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
        // input gives the same file and a changed book a different id.
        std::string seed = content_digest_input();
        seed += '\0' + info_.title + '\0' + info_.author + '\0' + info_.subject + '\0' + info_.keywords + '\0' +
                info_.creator + '\0' + info_.lang + '\0' + (info_.epoch ? std::to_string(*info_.epoch) : "");
        unsigned char digest[16];
        digest16(seed, digest);
        set_document_id(pdf, digest);
    }

    /// What is drawn, compactly: text, fonts, positions in 1/100 pt, other
    /// items' geometry. Cheaper than the full trace for big books.
    std::string content_digest_input() const {
        std::string out;
        auto num = [&](double v) {
            long long q = static_cast<long long>(v * 100.0 + (v < 0 ? -0.5 : 0.5));
            out.append(reinterpret_cast<const char*>(&q), sizeof q);
        };
        for (const auto& f : doc_.fonts) out += f + '\0';
        for (const auto& page : doc_.pages) {
            out += '\f';
            num(page.width);
            num(page.height);
            for (const auto& item : page.items) {
                if (const auto* t = std::get_if<typeset::TextRun>(&item)) {
                    out += t->text;
                    out += '\0';
                    num(t->font);
                    num(t->size);
                    num(t->x);
                    num(t->y);
                } else if (const auto* l = std::get_if<typeset::Line>(&item)) {
                    out += 'L';
                    num(l->x1);
                    num(l->y1);
                    num(l->x2);
                    num(l->y2);
                } else if (const auto* r = std::get_if<typeset::Rect>(&item)) {
                    out += 'R';
                    num(r->x);
                    num(r->y);
                    num(r->w);
                    num(r->h);
                } else if (const auto* im = std::get_if<typeset::Image>(&item)) {
                    out += 'I' + im->path;
                    num(im->x);
                    num(im->y);
                }
            }
        }
        return out;
    }

    const PagedDoc& doc_;
    const PdfInfo& info_;
    base::Sink& sink_;
    base::Progress* progress_;
    Doc d_;
    std::vector<HPDF_Font> fonts_;
    std::vector<HPDF_Page> pages_;
    std::map<std::string, HPDF_Image> images_;
};

}  // namespace

std::optional<std::string> render(const PagedDoc& doc, const PdfInfo& info, base::Sink& sink,
                                  base::Progress* progress) {
    Writer w(doc, info, sink, progress);
    return w.run();
}

bool write(const PagedDoc& doc, const PdfInfo& info, const std::string& path, base::Sink& sink) {
    auto bytes = render(doc, info, sink);
    if (!bytes) return false;
    std::string err = base::write_file_atomically(path, *bytes);
    if (!err.empty()) {
        sink.error_in(path, "cannot write the PDF: " + err);
        return false;
    }
    return true;
}

}  // namespace bb::pdf
