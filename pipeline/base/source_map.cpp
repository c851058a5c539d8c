#include "base/source_map.h"

#include <algorithm>
#include <cstring>

namespace bb::base {

uint32_t SourceMap::add(std::string path, std::string content) {
    SourceFile f{std::move(path), std::move(content), {0}};
    // memchr from line to line: a byte-at-a-time loop was ~2 ns a byte, a
    // tenth of loading a big manuscript's main thread.
    const char* data = f.content.data();
    const char* end = data + f.content.size();
    for (const char* p = data; (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p))));)
        f.line_starts.push_back(static_cast<size_t>(++p - data));
    files_.push_back(std::move(f));
    return static_cast<uint32_t>(files_.size() - 1);
}

LineCol SourceMap::line_col(Span span) const {
    if (!span.known() || span.file >= files_.size()) return {};
    const SourceFile& f = files_[span.file];
    size_t off = std::min<size_t>(span.offset, f.content.size());
    size_t line = std::upper_bound(f.line_starts.begin(), f.line_starts.end(), off) -
                  f.line_starts.begin();
    size_t col = 1;
    for (size_t i = f.line_starts[line - 1]; i < off; ++i)
        if ((static_cast<unsigned char>(f.content[i]) & 0xC0) != 0x80) ++col;
    return {line, col};
}

std::string_view SourceMap::line_text(uint32_t file, size_t line) const {
    if (file >= files_.size()) return {};
    const SourceFile& f = files_[file];
    if (line == 0 || line > f.line_starts.size()) return {};
    size_t begin = f.line_starts[line - 1];
    size_t end = f.content.find('\n', begin);
    if (end == std::string::npos) end = f.content.size();
    if (end > begin && f.content[end - 1] == '\r') --end;
    return std::string_view(f.content).substr(begin, end - begin);
}

Span SourceMap::span_at(uint32_t file, size_t line0, size_t byte_column0) const {
    if (file >= files_.size()) return {};
    const SourceFile& f = files_[file];
    if (line0 >= f.line_starts.size()) return {file, static_cast<uint32_t>(f.content.size())};
    size_t off = std::min(f.line_starts[line0] + byte_column0, f.content.size());
    return {file, static_cast<uint32_t>(off)};
}

}  // namespace bb::base
