#pragma once
/// Figures: `<figure src>` names a PNG or JPEG under manuscript/images that
/// must exist and, after symbolic links, stay inside the manuscript folder.
#include <string>

#include "base/diagnostics.h"
#include "manuscript/xml_tree.h"

namespace bb::manuscript {

/// Checks every figure's src below `root` against the files in `dir`/images.
void check_images(const XNode& root, const std::string& dir, base::Sink& sink);

}  // namespace bb::manuscript
