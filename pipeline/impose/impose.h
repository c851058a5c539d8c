#pragma once
/// Imposition: a pure function from the pages of a document to the sides of
/// printed sheets (design.md: PagedDoc -> PagedDoc). Two logical pages go side
/// by side on a landscape sheet, scaled to fit and centred. `booklet` orders
/// them for saddle stitching so a duplex print (flipped on the short edge)
/// folded in half reads in order; `two_up` keeps reading order (1|2, 3|4).
#include <string>
#include <vector>

#include "typeset/paged_doc.h"

namespace bb::impose {

enum class Mode { None, TwoUp, Booklet };

struct SheetSize {
    double width = 0, height = 0;  ///< landscape, points
};

/// "A4" or "Letter" (landscape); false when unknown.
bool sheet_by_name(const std::string& name, SheetSize& out);

struct Options {
    Mode mode = Mode::None;
    SheetSize sheet{841.89, 595.28};
    bool crop_marks = false;
};

/// Which logical page (index into the input, or -1 for a blank) goes left and
/// right on each sheet side, in output order.
struct Slot {
    int left = -1, right = -1;
};
std::vector<Slot> arrange(size_t page_count, Mode mode);

/// Returns the imposed document (the input itself for Mode::None). Links and
/// anchors follow their pages; outline entries keep their anchors.
typeset::PagedDoc impose(const typeset::PagedDoc& doc, const Options& options);

}  // namespace bb::impose
