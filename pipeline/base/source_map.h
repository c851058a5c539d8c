#pragma once
/// Source files and positions. Every model node carries a Span (file, byte
/// offset); line and column are computed only when a diagnostic is printed.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bb::base {

/// A position in one source file: index into the SourceMap and a byte offset.
struct Span {
    static constexpr uint32_t kNoFile = UINT32_MAX;
    uint32_t file = kNoFile;
    uint32_t offset = 0;
    bool known() const { return file != kNoFile; }
};

/// 1-based line and column; the column counts code points, not bytes.
struct LineCol {
    size_t line = 0;
    size_t column = 0;
};

/// One loaded file: the name shown in diagnostics and its exact bytes.
struct SourceFile {
    std::string path;     ///< as shown to the user (relative when given relative)
    std::string content;  ///< the bytes exactly as read
    std::vector<size_t> line_starts;
};

/// Owns the text of every file read in a run so diagnostics can quote it.
class SourceMap {
public:
    /// Registers a file and returns its index for Spans.
    uint32_t add(std::string path, std::string content);
    const SourceFile& file(uint32_t index) const { return files_.at(index); }
    size_t size() const { return files_.size(); }
    LineCol line_col(Span span) const;
    /// The text of the given 1-based line, without its newline.
    std::string_view line_text(uint32_t file, size_t line) const;
    /// Span for a 1-based line/column pair given in bytes (as yaml-cpp reports).
    Span span_at(uint32_t file, size_t line0, size_t byte_column0) const;

private:
    std::vector<SourceFile> files_;
};

}  // namespace bb::base
