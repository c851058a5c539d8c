#include "typeset/line_runs.h"

#include <cmath>

namespace bb::typeset {

uint32_t code_points(std::string_view utf8) {
    uint32_t n = 0;
    for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

bool continues(const TextRun& line, uint32_t font, double size, Rgb color, double y, Role role, uint32_t para,
               uint32_t line_no, double x) {
    if (font != line.font || size != line.size || !(color == line.color) || y != line.y || role != line.role ||
        para != line.para || line_no != line.line || line.text.empty())
        return false;
    return x >= line.x + line.width - 0.01;  // else overlapping or out of order: not one line of text
}

uint32_t append_word(TextRun& line, std::string_view text, double x, double width, double size, int space_advance,
                     uint32_t& line_code_points) {
    // In 1/1000 em, what the PDF writer draws between two runs on a line: a
    // space glyph and the difference to where the next one begins.
    const double gap = (x - (line.x + line.width)) * 1000.0 / size;
    const Kern space(line_code_points, gap - space_advance);
    if (space.hundredths != 0) line.kerning.push_back(space);
    line.text += ' ';
    line.text += text;
    line.width = x + width - line.x;
    const uint32_t first = line_code_points + 1;
    line_code_points = first + code_points(text);
    return first;
}

bool join_run(TextRun& line, const TextRun& next, int space_advance, uint32_t& line_code_points) {
    if (!continues(line, next.font, next.size, next.color, next.y, next.role, next.para, next.line, next.x))
        return false;
    const uint32_t first = append_word(line, next.text, next.x, next.width, next.size, space_advance, line_code_points);
    for (Kern k : next.kerning) {
        k.index += first;
        line.kerning.push_back(k);
    }
    return true;
}

}  // namespace bb::typeset
