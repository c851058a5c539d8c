#pragma once
/// The XHTML document of each chunk: title page, preface, part, guide, FAQ
/// chapter, directory. Semantic HTML with `epub:type` and the matching
/// DPUB-ARIA role on each structural element (EPUB 3.3 §, DPUB-ARIA 1.0).
#include <string>

#include "epub/chunks.h"
#include "epub/render.h"

namespace bb::epub {

/// The href of the stylesheet from a file in text/.
inline constexpr const char* kCssHref = "../css/book.css";

/// The complete XHTML document of `chunk` (any kind but Nav).
std::string chapter_document(Renderer& r, const Chunk& chunk);

/// Inside of <body> for a guide (guide.cpp).
std::string guide_body(Renderer& r, const model::Guide& guide);
/// Inside of <body> for the directory, ending with "Browse by topic" (directory.cpp).
std::string directory_body(Renderer& r, const Chunk& chunk);
/// Questions with their answers: a heading per question at `level` (shared
/// by a guide's FAQ and the FAQ chapter).
void questions(Renderer& r, Xml& x, const std::vector<model::Qa>& qas, int level);

/// "h1" .. "h6" for a level (clamped).
std::string heading_tag(int level);

}  // namespace bb::epub
