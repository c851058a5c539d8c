#include "typeset/line_runs.h"

#include <cmath>

namespace bb::typeset {

uint32_t code_points(const std::string& utf8) {
    uint32_t n = 0;
    for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

bool join_run(TextRun& line, const TextRun& next, int space_advance, uint32_t& line_code_points) {
    if (next.font != line.font || next.size != line.size || !(next.color == line.color) || next.y != line.y ||
        next.role != line.role || next.para != line.para || next.line != line.line || line.text.empty())
        return false;
    const double end = line.x + line.width;
    if (next.x < end - 0.01) return false;  // overlapping or out of order: not one line of text
    // In 1/1000 em, what the PDF writer draws between two runs on a line: a
    // space glyph and the difference to where the next one begins.
    const double gap = (next.x - end) * 1000.0 / next.size;
    const double adjust = gap - space_advance;
    const uint32_t space_index = line_code_points;
    line.text += ' ';
    const Kern space(space_index, adjust);
    if (space.hundredths != 0) line.kerning.push_back(space);
    for (Kern k : next.kerning) {
        k.index += space_index + 1;
        line.kerning.push_back(k);
    }
    line.text += next.text;
    line.width = next.x + next.width - line.x;
    line_code_points += 1 + code_points(next.text);
    return true;
}

}  // namespace bb::typeset
