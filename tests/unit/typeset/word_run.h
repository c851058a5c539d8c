#pragma once
// One word as Flow makes it before join_run: a TextRun at 10 pt on the
// baseline y = 100 of line 1 of paragraph 3 (tests of typeset and pdf).
#include <string>
#include <utility>
#include <vector>

#include "typeset/paged_doc.h"

namespace fixture {

inline bb::typeset::TextRun word(const std::string& text, double x, double width,
                                 std::vector<bb::typeset::Kern> kerning = {}) {
    bb::typeset::TextRun t;
    t.text = text;
    t.size = 10;
    t.x = x;
    t.y = 100;
    t.width = width;
    t.kerning = std::move(kerning);
    t.para = 3;
    t.line = 1;
    return t;
}

}  // namespace fixture
