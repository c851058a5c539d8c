#include "epub/page_marks.h"

namespace bb::epub {

namespace {
bool positioned(const model::PrintPage& page) { return !page.key.empty() || page.text.known(); }
}  // namespace

PageMarks::PageMarks(const model::PrintEdition* print, const Plan& plan) {
    if (!print) return;
    pages_ = print->pages;
    const auto& chunks = plan.chunks();
    size_t title = 0;
    if (const Chunk* t = plan.find(ChunkKind::TitlePage)) title = static_cast<size_t>(t - chunks.data());
    chunk_.reserve(pages_.size());
    for (size_t p = 0; p < pages_.size(); ++p) {
        const Chunk* c = pages_[p].chapter.empty() ? nullptr : plan.chunk_of(pages_[p].chapter);
        // The front matter's pages (title, imprint, contents) go with the
        // title page; a page of a chapter the EPUB does not have (none
        // should be) stays with the page before it.
        size_t index = c ? static_cast<size_t>(c - chunks.data()) : pages_[p].chapter.empty() || p == 0 ? title
                                                                                                         : chunk_[p - 1];
        chunk_.push_back(index);
    }
    of_chunk_.resize(chunks.size());
    for (size_t p = 0; p < pages_.size(); ++p)
        if (chunk_[p] < of_chunk_.size()) of_chunk_[chunk_[p]].push_back(p);
}

const std::vector<size_t>& PageMarks::pages_of(size_t chunk) const {
    static const std::vector<size_t> none;
    return chunk < of_chunk_.size() ? of_chunk_[chunk] : none;
}

std::string PageMarks::id(size_t index) const { return "page-" + pages_[index].label; }

void PageCursor::marker(Xml& x, size_t page) {
    const std::string& label = marks_.pages()[page].label;
    x.empty("span",
            {{"id", marks_.id(page)}, {"epub:type", "pagebreak"}, {"role", "doc-pagebreak"}, {"aria-label", label}});
}

size_t PageCursor::next_positioned() const {
    size_t j = cursor_;
    while (j < queue_.size() && !positioned(marks_.pages()[queue_[j]])) ++j;
    return j;
}

std::string PageCursor::begin() {
    // Pages before the chunk's first text (the title page and the rest of
    // the front matter) begin where the file begins.
    Xml x;
    while (cursor_ < queue_.size() && !positioned(marks_.pages()[queue_[cursor_]])) marker(x, queue_[cursor_++]);
    return x.finish();
}

void PageCursor::text(Xml& x, std::string_view text, base::Span span) {
    size_t written = 0;
    while (cursor_ < queue_.size()) {
        const size_t j = next_positioned();
        if (j == queue_.size()) break;
        const model::PrintPage& page = marks_.pages()[queue_[j]];
        if (!page.key.empty() || page.text.file != span.file || page.text.offset != span.offset || page.byte < written ||
            page.byte > text.size())
            break;
        // A page that begins inside a word (the print edition hyphenated it
        // across the leaf) gets its marker before the word: a marker inside
        // one would make a screen reader say it in two halves.
        size_t at = page.byte;
        while (at > written && text[at - 1] != ' ' && text[at - 1] != '\n') --at;
        x.text(text.substr(written, at - written));
        written = at;
        for (; cursor_ <= j; ++cursor_) marker(x, queue_[cursor_]);
    }
    x.text(text.substr(written));
}

void PageCursor::place(Xml& x, const std::string& key) {
    const size_t j = next_positioned();
    if (j == queue_.size() || marks_.pages()[queue_[j]].key != key) return;
    for (; cursor_ <= j; ++cursor_) marker(x, queue_[cursor_]);
}

std::string PageCursor::finish() {
    Xml x;
    for (; cursor_ < queue_.size(); ++cursor_) marker(x, queue_[cursor_]);
    return x.finish();
}

}  // namespace bb::epub
