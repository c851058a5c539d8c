#include "typeset/layout_memory.h"

#include <atomic>

#include "base/threads.h"
#include "model/fingerprint.h"

namespace bb::typeset {

std::vector<uint64_t> chapter_fingerprints(const model::Book& book, const std::vector<Chapter>& chapters) {
    // A guide is known by its content (it may move when another is added
    // before it); other chapters read only the context, so their index
    // says which they are. The guides and the context are hashed on every
    // core (a 1,000-guide book: ~18 ms on one).
    std::vector<uint64_t> own(chapters.size());
    uint64_t context = 0;
    std::atomic<size_t> next{0};
    base::run_on_threads(base::threads_for(0, chapters.size() + 1), [&] {
        for (size_t k; (k = next++) <= chapters.size();) {
            if (k == chapters.size()) {
                context = model::context_fingerprint(book);
                continue;
            }
            const Chapter& c = chapters[k];
            own[k] = c.kind == Chapter::Kind::Guide ? model::fingerprint(book.guides[c.index]) : c.index;
        }
    });
    std::vector<uint64_t> out;
    out.reserve(chapters.size());
    for (size_t k = 0; k < chapters.size(); ++k) {
        const Chapter& c = chapters[k];
        uint64_t h = context;
        for (uint64_t v : {static_cast<uint64_t>(c.kind), own[k], static_cast<uint64_t>(c.level),
                           static_cast<uint64_t>(c.number), static_cast<uint64_t>(c.topic_index),
                           static_cast<uint64_t>(c.first), static_cast<uint64_t>(c.end)})
            h = (h ^ v) * 0x100000001B3ull + (h >> 29);
        out.push_back(h);
    }
    return out;
}

}  // namespace bb::typeset
