#pragma once
/// Facts read from a font face with HarfBuzz, in 1/1000 em: shared by the
/// layout's metrics (font_metrics) and the PDF's font program (font_subset),
/// so what the PDF states about a face is what the layout measured with.
#include <hb-ot.h>
#include <hb.h>

#include <string>

namespace bb::text {

/// Font units to 1/1000 em, truncated toward zero (unsigned integer
/// arithmetic, the rule libharu's /W widths followed and the PDF writer's
/// /W widths still follow: a width measured is a width drawn).
int to_thousandths(hb_position_t font_units, int upem);

/// Name table entry `id` (English when there is one), "" when absent.
std::string name_entry(hb_face_t* face, hb_ot_name_id_t id);

/// Vertical metrics: the horizontal extents (OS/2 typo metrics when
/// USE_TYPO_METRICS, else hhea) and the OS/2 cap and x heights (0 if absent).
struct VerticalMetrics {
    int ascender = 0, descender = 0, line_gap = 0, cap_height = 0, x_height = 0;
};
VerticalMetrics vertical_metrics(hb_font_t* font, int upem);

/// Advance of glyph `gid` in 1/1000 em (to_thousandths).
int glyph_advance(hb_font_t* font, hb_codepoint_t gid, int upem);

/// The widest advance of any glyph in 1/1000 em (to_thousandths), read from
/// the `hmtx` table itself (not hhea's advanceWidthMax, which a font may
/// get wrong); -1 when the tables cannot be read.
int widest_advance(hb_face_t* face, int upem);

}  // namespace bb::text
