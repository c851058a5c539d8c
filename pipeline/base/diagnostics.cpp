#include "base/diagnostics.h"

#include <fmt/format.h>

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

std::string render_text(const Diagnostic& d, const SourceMap& sources, bool color) {
    const char* sev = d.severity == Severity::Error ? "error" : "warning";
    std::string out;
    if (color)
        out = fmt::format("\033[1m{}:\033[0m \033[1;{}m{}:\033[0m \033[1m{}\033[0m\n",
                          location(d, sources), d.severity == Severity::Error ? 31 : 35, sev,
                          d.message);
    else
        out = fmt::format("{}: {}: {}\n", location(d, sources), sev, d.message);
    if (!d.span.known()) return out;
    LineCol lc = sources.line_col(d.span);
    std::string_view line = sources.line_text(d.span.file, lc.line);
    // Tabs stay tabs so the caret lines up in a terminal.
    std::string pad;
    size_t col = 1;
    for (size_t i = 0; i < line.size() && col < lc.column; ++i) {
        unsigned char c = static_cast<unsigned char>(line[i]);
        if ((c & 0xC0) == 0x80) continue;
        pad += c == '\t' ? '\t' : ' ';
        ++col;
    }
    out += fmt::format("    {}\n    {}^\n", line, pad);
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
