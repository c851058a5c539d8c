#pragma once
/// Chunking: which model node goes into which XHTML file, and the href of
/// every id the writer puts on an element. One file per chapter-level node
/// (title page, contents, preface, part, guide, FAQ chapter, directory) keeps
/// files small for reading systems and gives every guide its own page start.
#include <map>
#include <string>
#include <vector>

#include "model/book.h"

namespace bb::epub {

enum class ChunkKind { TitlePage, Nav, Preface, Part, Guide, FaqChapter, Directory };

/// One XHTML file of the spine, in reading order.
struct Chunk {
    ChunkKind kind;
    std::string id;           ///< the model id of the node (empty for title page and nav)
    std::string file;         ///< file name inside OEBPS/text/, e.g. "pulling-away.xhtml"
    std::string manifest_id;  ///< an XML NCName for the OPF manifest and spine
    std::string title;        ///< plain-text title, for <title> and navigation
    size_t index = 0;         ///< Part: index into Book::parts; Guide: into Book::guides
};

/// The folder of the content files inside the container, relative to OEBPS.
inline constexpr const char* kTextDir = "text/";

/// The id of the "Browse by topic" section of the directory. Contains '_' so
/// it can never equal an author id or a loader anchor ([a-z0-9-]).
inline constexpr const char* kByTopicId = "by_topic";

/// The reading order and the address of every id.
class Plan {
public:
    /// Plans the files for `book`: every chapter-level node gets a chunk, and
    /// every id the content writer emits is registered with its file.
    static Plan make(const model::Book& book);

    const std::vector<Chunk>& chunks() const { return chunks_; }
    /// The chunk holding the first body-matter content (first part or guide),
    /// or nullptr when the book has none.
    const Chunk* bodymatter() const;
    const Chunk* find(ChunkKind kind) const;
    /// The chunk of a chapter-level id, or nullptr.
    const Chunk* chunk_of(const std::string& id) const;
    /// True when `id` is on some element of the book.
    bool has(const std::string& id) const { return where_.count(id) != 0; }
    /// The href of `id` from a file in text/: "file.xhtml" for a chapter,
    /// "file.xhtml#id" for anything inside one; "" when unknown.
    std::string href(const std::string& id) const;

private:
    size_t add_chunk(Chunk chunk);
    void add_id(const std::string& id, size_t chunk);
    void add_sections(const std::vector<model::Section>& sections, size_t chunk);

    std::vector<Chunk> chunks_;
    std::map<std::string, size_t> where_;     ///< id -> chunk index
    std::map<std::string, size_t> chapters_;  ///< chapter id -> chunk index
    std::map<std::string, int> used_files_;
};

/// True when some guide or directory entry has `topic`.
bool topic_in_use(const model::Book& book, const std::string& topic);

/// A manifest id (XML NCName) for a file name: ids may start with a digit,
/// so every one gets a letter prefix; characters outside [A-Za-z0-9._-]
/// become '-'.
std::string ncname(const std::string& prefix, const std::string& name);

}  // namespace bb::epub
