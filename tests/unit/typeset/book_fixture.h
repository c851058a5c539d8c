#pragma once
// Hand-built books for layout tests (the typeset stage does not link the
// manuscript loader): deterministic text of varied paragraph lengths, every
// kind of block, and multilingual paragraphs.
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/source_map.h"
#include "model/book.h"
#include "style/load.h"
#include "style/sheet.h"

namespace fixture {

using namespace bb;

inline model::Inlines text(const std::string& s) { return {model::Inline{model::InlineKind::Text, s, "", {}, {}}}; }

inline model::Block para(const std::string& s) {
    model::Block b;
    b.kind = model::BlockKind::Paragraph;
    b.content = text(s);
    return b;
}

inline model::Block para(model::Inlines content) {
    model::Block b;
    b.kind = model::BlockKind::Paragraph;
    b.content = std::move(content);
    return b;
}

/// Deterministic English prose: `words` words drawn from a fixed pool.
inline std::string prose(unsigned seed, int words) {
    static const char* pool[] = {
        "the",        "man",          "withdraws",     "as",           "closeness",    "grows,",
        "and",        "his",          "partner",       "pursues",      "harder;",      "attachment",
        "theory",     "explains",     "why",           "distance",     "reduces",      "anxiety",
        "in",         "relationships", "that",         "matter.",      "Understanding", "the",
        "pattern",    "helps",        "both",          "partners",     "de-escalate",  "pursuit",
        "and",        "practise",     "presence",      "with",         "other",        "men",
        "in",         "a",            "group",         "where",        "the",          "stakes",
        "are",        "lower.",       "Therapeutic",   "work",         "on",           "underlying",
        "wounds",     "changes",      "the",           "nervous",      "system's",     "response",
        "over",       "time;",        "responsibility", "accountability", "characteristically", "unreliable",
        // Hard cases for the line breaker: a compound no English pattern
        // breaks, and a URL that may only break after its slashes.
        "Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz",
        "https://example.org/guides/why-he-pulls-away/attachment-mechanics",
    };
    const int n = sizeof(pool) / sizeof(pool[0]);
    std::string out;
    unsigned x = seed * 2654435761u + 12345u;
    for (int i = 0; i < words; ++i) {
        x = x * 1103515245u + 12345u;
        if (i) out += ' ';
        std::string w = pool[(x >> 8) % n];
        if (i == 0) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
        out += w;
    }
    return out + ".";
}

inline model::Guide guide(int g, int sections) {
    model::Guide gd;
    gd.id = "guide-" + std::to_string(g);
    gd.topics = {"attachment"};
    gd.title = text("Guide number " + std::to_string(g) + ": why he pulls away");
    gd.summary = text(prose(g * 7 + 1, 20));
    model::Callout myth;
    myth.title = text("He is losing interest");
    myth.blocks = {para(prose(g * 7 + 2, 30 + g % 5 * 10))};
    gd.myth = myth;
    model::Callout ex;
    ex.blocks = {para(prose(g * 7 + 3, 60 + g % 3 * 40))};
    gd.example = ex;
    model::Callout truth;
    truth.blocks = {para(prose(g * 7 + 4, 50)), para(prose(g * 7 + 5, 40))};
    gd.truth = truth;
    for (int s = 0; s < sections; ++s) {
        model::Section sec;
        sec.anchor = gd.id + "--s" + std::to_string(s);
        sec.title = text("Section " + std::to_string(s + 1) + " of guide " + std::to_string(g));
        int np = 2 + (g + s) % 4;
        for (int p = 0; p < np; ++p) sec.blocks.push_back(para(prose(g * 100 + s * 10 + p, 25 + (g * 13 + p * 29 + s * 7) % 110)));
        if (s == 1) {
            model::Block list;
            list.kind = model::BlockKind::List;
            list.numbered = g % 2 == 0;
            for (int i = 0; i < 3; ++i) {
                model::ListItem it;
                it.blocks = {para(prose(g + i, 8 + i * 9))};
                list.items.push_back(it);
            }
            sec.blocks.push_back(list);
            model::Block q;
            q.kind = model::BlockKind::Quote;
            q.blocks = {para(prose(g + 50, 30))};
            q.attribution = text("John Bowlby");
            sec.blocks.push_back(q);
        }
        if (s == 0) {
            model::Section sub;
            sub.anchor = sec.anchor + "-sub";
            sub.title = text("A subsection");
            sub.blocks = {para(prose(g * 3 + 11, 45))};
            sec.subsections.push_back(sub);
        }
        gd.sections.push_back(sec);
    }
    model::Faq faq;
    faq.anchor = gd.id + "--faq";
    faq.title = text("Common Questions");
    for (int q = 0; q < 2; ++q) {
        model::Qa qa;
        qa.question = text("Should I give him space when he pulls away, question " + std::to_string(q) + "?");
        qa.answer = {para(prose(g * 5 + q, 40 + q * 30))};
        faq.questions.push_back(qa);
    }
    gd.faq = faq;
    model::Practitioners pr;
    pr.anchor = gd.id + "--pr";
    pr.title = text("Coaches and Programs in the Directory");
    pr.entries = {"entry-1", "entry-2"};
    gd.practitioners = pr;
    return gd;
}

/// A book of `guides` guides and a directory of `entries` entries.
inline model::Book book(int guides, int sections = 3, int entries = 6) {
    model::Book b;
    b.lang = "en";
    b.meta.title = "The Men's Work Directory";
    b.meta.subtitle = "A test book";
    b.meta.creators = {{"Ann Author", "aut"}};
    b.meta.publisher = "Fixture Press";
    b.meta.identifier = "urn:uuid:00000000-0000-0000-0000-000000000000";
    b.meta.date = "2026-11-28";
    b.topics = {{"attachment", "Attachment and closeness", {}}};
    for (int g = 0; g < guides; ++g) b.guides.push_back(guide(g, sections));
    b.directory.id = "directory";
    b.directory.title = text("The Directory");
    b.directory.intro = {para(prose(999, 40))};
    for (int e = 1; e <= entries; ++e) {
        model::Entry en;
        en.id = "entry-" + std::to_string(e);
        en.topics = {"attachment"};
        en.name = text("Sample Listing " + std::to_string(e));
        en.location = text("Portland, Oregon, USA");
        en.url = "https://example.org/sample-" + std::to_string(e);
        en.description = {para(prose(e * 31, 30 + e * 11 % 50))};
        b.directory.entries.push_back(en);
    }
    return b;
}

/// The shipped book style.
/// `guides` guides, two sections each, and 120 entries over 9 topics shared
/// round-robin: a directory set in three parts of entries and three of the
/// topic index (chapters_of).
inline model::Book book_with_a_long_directory(int guides) {
    model::Book b = book(guides, 2, 120);
    b.topics.clear();
    for (int t = 0; t < 9; ++t)
        b.topics.push_back({"topic-" + std::to_string(t), "Topic number " + std::to_string(t), {}});
    for (size_t g = 0; g < b.guides.size(); ++g) b.guides[g].topics = {b.topics[g % 9].id};
    for (size_t e = 0; e < b.directory.entries.size(); ++e)
        b.directory.entries[e].topics = {b.topics[e % 9].id, b.topics[(e + 4) % 9].id};
    return b;
}

inline std::optional<style::Sheet> default_sheet(base::SourceMap& sources, base::Sink& sink) {
    return style::load(std::string(BB_SOURCE_DIR) + "/styles/default.yaml", sources, sink);
}

}  // namespace fixture
