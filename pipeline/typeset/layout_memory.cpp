#include "typeset/layout_memory.h"

#include "model/fingerprint.h"

namespace bb::typeset {

std::vector<uint64_t> chapter_fingerprints(const model::Book& book, const std::vector<Chapter>& chapters) {
    const uint64_t context = model::context_fingerprint(book);
    std::vector<uint64_t> out;
    out.reserve(chapters.size());
    for (const Chapter& c : chapters) {
        // A guide is known by its content (it may move when another is
        // added before it); other chapters read only the context, so their
        // index says which they are.
        const uint64_t own = c.kind == Chapter::Kind::Guide ? model::fingerprint(book.guides[c.index]) : c.index;
        uint64_t h = context;
        for (uint64_t v : {static_cast<uint64_t>(c.kind), own, static_cast<uint64_t>(c.level),
                           static_cast<uint64_t>(c.number), static_cast<uint64_t>(c.topic_index),
                           static_cast<uint64_t>(c.first), static_cast<uint64_t>(c.end)})
            h = (h ^ v) * 0x100000001B3ull + (h >> 29);
        out.push_back(h);
    }
    return out;
}

}  // namespace bb::typeset
