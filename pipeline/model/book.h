#pragma once
/// The document model: one value that feeds every writer (pandoc's single
/// AST). Built by manuscript::load, read by epub::write and typeset::layout;
/// writers never see XML or YAML. Text in it is final: whitespace collapsed,
/// smart quotes and dashes applied, `ref` texts filled in.
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/source_map.h"

namespace bb::model {

/// The book's language when book.xml does not name one (BCP 47).
inline constexpr const char* kDefaultLang = "en";

using base::Span;

// ---------------------------------------------------------------- inline

enum class InlineKind {
    Text,    ///< `text`
    Emph,    ///< <em>: children
    Strong,  ///< <strong>: children
    Cite,    ///< <cite>, the title of a work: children
    Link,    ///< <link href>: `target` is the URL exactly as written; children
    Ref,     ///< <ref to>: `target` is the id; children hold the text (the
             ///< target's title when the element was empty)
};

/// A run of inline content. Nesting is bounded by the loader.
struct Inline {
    InlineKind kind = InlineKind::Text;
    std::string text;              ///< Text only
    std::string target;            ///< Link: URL; Ref: id
    std::vector<Inline> children;  ///< Emph, Strong, Cite, Link, Ref
    Span span;
};
using Inlines = std::vector<Inline>;

/// The text of inline content without markup (for titles in navigation,
/// PDF outlines, metadata).
std::string plain_text(const Inlines& content);

// ---------------------------------------------------------------- blocks

enum class BlockKind { Paragraph, List, Quote, Figure };

struct Block;
/// A list item; an item written as inline content holds one Paragraph.
struct ListItem {
    std::vector<Block> blocks;
    Span span;
};

/// A block: which fields matter depends on `kind`.
struct Block {
    BlockKind kind = BlockKind::Paragraph;
    Inlines content;               ///< Paragraph
    bool numbered = false;         ///< List: style="number"
    std::vector<ListItem> items;   ///< List
    std::vector<Block> blocks;     ///< Quote: its body
    Inlines attribution;           ///< Quote (may be empty)
    std::string src;               ///< Figure: path relative to manuscript/images
    std::string alt;               ///< Figure
    Inlines caption;               ///< Figure (may be empty)
    Span span;
};
using Blocks = std::vector<Block>;

// ---------------------------------------------------------------- guide parts

/// Every heading-bearing node has an `anchor`: the author's id when given,
/// else one the loader made (unique in the book, never a valid author id
/// because it contains "--"). Writers use anchors for links and navigation.
struct Section {
    std::string id;      ///< author's id, may be empty
    std::string anchor;  ///< always set
    Inlines title;
    Blocks blocks;
    std::vector<Section> subsections;  ///< at most two levels below a guide
    Span span;
};

/// myth, example, truth. `title` is only used by the myth (its one-line myth).
struct Callout {
    Inlines title;
    Blocks blocks;
    Span span;
};

struct Qa {
    Inlines question;
    Blocks answer;
    Span span;
};

struct Faq {
    std::string anchor;
    Inlines title;  ///< default "Common Questions"
    std::vector<Qa> questions;
    Span span;
};

struct BookRef {
    std::string title, author, year, isbn, url;
    Span span;
};

struct Books {
    std::string anchor;
    Inlines title;  ///< default "Books on This Topic"
    std::vector<BookRef> books;  ///< may be empty: writers leave the section out
    Span span;
};

struct Practitioners {
    std::string anchor;
    Inlines title;  ///< default "Coaches and Programs in the Directory"
    std::vector<std::string> entries;  ///< entry ids, resolved; filled from topics when none were listed
    bool from_topics = false;          ///< true when filled from shared topics
    Span span;
};

struct Related {
    std::string anchor;
    Inlines title;  ///< default "Related Guides"
    std::vector<std::string> guides;  ///< guide ids, resolved
    Span span;
};

/// One guide: what men are dealing with, as one chapter.
struct Guide {
    std::string id;
    std::vector<std::string> topics;  ///< topic ids, resolved
    Inlines title;
    std::optional<Inlines> summary;
    std::optional<Callout> myth, example, truth;
    std::vector<Section> sections;
    std::optional<Faq> faq;
    std::optional<Books> books;
    std::optional<Practitioners> practitioners;
    std::optional<Related> related;
    Span span;
};

// ---------------------------------------------------------------- book level

struct Creator {
    std::string name;
    std::string role = "aut";  ///< aut | edt | ill
};

/// Book metadata (plain text after typography).
struct Meta {
    std::string title, subtitle;
    std::vector<Creator> creators;
    std::string publisher, identifier, date, rights, description;
    std::vector<std::string> subjects;
    Span span;
};

struct Topic {
    std::string id;
    std::string name;  ///< display name
    Span span;
};

struct Preface {
    std::string id;
    Inlines title;
    Blocks blocks;
    Span span;
};

/// A part groups guides; `guides` are indices into Book::guides.
struct Part {
    std::string id;
    Inlines title;
    Blocks intro;
    std::vector<size_t> guides;
    Span span;
};

/// The stand-alone FAQ chapter.
struct FaqChapter {
    std::string id;
    Inlines title;
    std::vector<Qa> questions;
    Span span;
};

enum class EntryKind { Coach, Program, Retreat, Group };
enum class EntryFormat { InPerson, Online, Hybrid };

struct Entry {
    std::string id;
    EntryKind kind = EntryKind::Coach;
    EntryFormat format = EntryFormat::InPerson;
    std::vector<std::string> topics;
    Inlines name;
    Inlines location;  ///< may be empty
    std::string url;   ///< may be empty
    std::string email; ///< may be empty
    Blocks description;
    Span span;
};

struct Directory {
    std::string id;
    Inlines title;
    Blocks intro;
    std::vector<Entry> entries;  ///< in manuscript order
    Span span;
};

/// What an id names, for links and `ref` texts.
enum class AnchorKind { Preface, Part, Guide, Section, FaqChapter, Directory, Entry, Topic };

struct Anchor {
    AnchorKind kind;
    std::string title;    ///< plain text of the target's title (or name)
    std::string chapter;  ///< id of the chapter-level node that contains it
                          ///< (preface, part, guide, faq chapter, directory)
};

/// Positions of guides, entries and topics by id, for Book::find_*: made on
/// first use, under a lock (writers look ids up from several threads). A
/// copy of a Book starts without them, and every answer is checked against
/// the vector, so a Book changed after a look-up is still answered right.
class IdIndex {
public:
    IdIndex() = default;
    IdIndex(const IdIndex&) {}
    IdIndex& operator=(const IdIndex&);
    /// Position of the item with `id` in `items` (one of the Book's three
    /// vectors, named by `which`), or npos.
    template <class T>
    size_t find(int which, const std::vector<T>& items, const std::string& id) const;

private:
    mutable std::mutex mutex_;
    mutable std::unordered_map<std::string, size_t> maps_[3];
    mutable size_t sizes_[3] = {SIZE_MAX, SIZE_MAX, SIZE_MAX};
};

/// The whole book.
struct Book {
    std::string lang = kDefaultLang;
    Meta meta;
    std::vector<Topic> topics;
    std::optional<Preface> preface;
    std::vector<Part> parts;    ///< empty when guides stand directly in <book>
    std::vector<Guide> guides;  ///< every guide in reading order
    std::optional<FaqChapter> faq;
    Directory directory;
    /// Every author id and every generated anchor in the book.
    std::map<std::string, Anchor> anchors;

    const Guide* find_guide(const std::string& id) const;
    const Entry* find_entry(const std::string& id) const;
    const Topic* find_topic(const std::string& id) const;

    IdIndex index;  ///< for find_*; not part of the book's content
};

const char* to_string(EntryKind k);    ///< "coach", "program", ...
const char* to_string(EntryFormat f);  ///< "in-person", "online", "hybrid"

}  // namespace bb::model
