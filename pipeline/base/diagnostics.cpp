#include "base/diagnostics.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/json.h"

namespace bb::base {

void Sink::add(Diagnostic d) {
    if (d.severity == Severity::Error) {
        ++errors_;
        if (kept_errors_ >= limit_) return;
        ++kept_errors_;
    } else {
        ++warnings_;
    }
    items_.push_back(std::move(d));
}

void Sink::add_all(const Sink& other, uint32_t file_offset) {
    for (Diagnostic d : other.items_) {
        if (d.span.known()) d.span.file += file_offset;
        add(std::move(d));
    }
    errors_ += other.dropped();
}

void Sink::error(Span span, std::string message) {
    add({Severity::Error, span, {}, std::move(message)});
}

void Sink::warning(Span span, std::string message) {
    add({Severity::Warning, span, {}, std::move(message)});
}

void Sink::error_in(std::string file, std::string message) {
    add({Severity::Error, {}, std::move(file), std::move(message)});
}

void Sink::promote_warnings() {
    for (auto& d : items_)
        if (d.severity == Severity::Warning) {
            d.severity = Severity::Error;
            --warnings_;
            ++errors_;
            ++kept_errors_;
        }
}

std::string location(const Diagnostic& d, const SourceMap& sources) {
    if (!d.span.known()) return d.file.empty() ? "bookbuild" : d.file;
    LineCol lc = sources.line_col(d.span);
    return fmt::format("{}:{}:{}", sources.file(d.span.file).path, lc.line, lc.column);
}

namespace {
/// Control characters (C0 but tab, DEL) shown as their Unicode control
/// pictures (U+2400 + c, U+2421), so a NUL does not cut the output and an
/// ESC from a hostile file cannot drive the terminal.
std::string visible(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char ch : s) {
        unsigned char c = static_cast<unsigned char>(ch);
        if (c < 0x20 && c != '\t')
            out += fmt::format("\xE2\x90{:c}", static_cast<char>(0x80 + c));
        else if (c == 0x7F)
            out += "\xE2\x90\xA1";
        else
            out += ch;
    }
    return out;
}

/// At most this many bytes of a source line are quoted on each side of the
/// caret, so a megabyte-long line does not flood the terminal.
constexpr size_t kExcerptBytes = 100;

/// Start of the UTF-8 sequence holding byte `i` of `s`.
size_t char_start(std::string_view s, size_t i) {
    while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return i;
}
}  // namespace

std::string render_text(const Diagnostic& d, const SourceMap& sources, bool color) {
    const char* sev = d.severity == Severity::Error ? "error" : "warning";
    std::string out;
    if (color)
        out = fmt::format("\033[1m{}:\033[0m \033[1;{}m{}:\033[0m \033[1m{}\033[0m\n",
                          location(d, sources), d.severity == Severity::Error ? 31 : 35, sev,
                          visible(d.message));
    else
        out = fmt::format("{}: {}: {}\n", location(d, sources), sev, visible(d.message));
    if (!d.span.known()) return out;
    LineCol lc = sources.line_col(d.span);
    std::string_view line = sources.line_text(d.span.file, lc.line);
    // A long line is quoted around the caret only, marked with "…".
    std::string_view before_mark, after_mark;
    if (line.size() > 2 * kExcerptBytes) {
        auto continuation = [&](size_t i) { return (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80; };
        size_t caret = 0;  // the byte where the column starts
        for (size_t col = 1; caret < line.size() && col < lc.column; ++col) {
            ++caret;
            while (caret < line.size() && continuation(caret)) ++caret;
        }
        size_t from = caret > kExcerptBytes ? char_start(line, caret - kExcerptBytes) : 0;
        size_t to = caret + kExcerptBytes < line.size() ? char_start(line, caret + kExcerptBytes) : line.size();
        size_t column = 1;  // the caret's column within the quoted part
        for (size_t i = from; i < caret; ++i)
            if (!continuation(i)) ++column;
        if (from > 0) before_mark = "…";
        if (to < line.size()) after_mark = "…";
        line = line.substr(from, to - from);
        lc.column = column;
    }
    // Tabs stay tabs so the caret lines up in a terminal.
    std::string pad(before_mark.empty() ? 0 : 1, ' ');
    size_t col = 1;
    for (size_t i = 0; i < line.size() && col < lc.column; ++i) {
        unsigned char c = static_cast<unsigned char>(line[i]);
        if ((c & 0xC0) == 0x80) continue;
        pad += c == '\t' ? '\t' : ' ';
        ++col;
    }
    out += fmt::format("    {}{}{}\n    {}^\n", before_mark, visible(line), after_mark, pad);
    return out;
}

std::string render_json(const Diagnostic& d, const SourceMap& sources) {
    std::string file = d.file;
    LineCol lc;
    if (d.span.known()) {
        file = sources.file(d.span.file).path;
        lc = sources.line_col(d.span);
    }
    return fmt::format(R"({{"file":{},"line":{},"column":{},"severity":"{}","message":{}}})",
                       json_string(file), lc.line, lc.column,
                       d.severity == Severity::Error ? "error" : "warning",
                       json_string(d.message));
}

}  // namespace bb::base
