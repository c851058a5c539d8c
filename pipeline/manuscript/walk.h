#pragma once
/// Visits every piece of inline content of a model::Book (titles, paragraphs,
/// list items, quotes, captions, questions, entry names, ...), for passes
/// that treat all text alike: filling empty refs, typography. Recursion
/// follows the model, whose depth the loader bounds.
#include "model/book.h"

namespace bb::manuscript {

/// Calls block_fn on every block (depth first) and inline_fn on its inline parts.
template <class F, class G>
void for_blocks(model::Blocks& blocks, F&& inline_fn, G&& block_fn) {
    for (model::Block& b : blocks) {
        block_fn(b);
        inline_fn(b.content);
        for (model::ListItem& item : b.items) for_blocks(item.blocks, inline_fn, block_fn);
        for_blocks(b.blocks, inline_fn, block_fn);
        inline_fn(b.attribution);
        inline_fn(b.caption);
    }
}

template <class F, class G>
void for_sections(std::vector<model::Section>& sections, F&& f, G&& g) {
    for (model::Section& s : sections) {
        f(s.title);
        for_blocks(s.blocks, f, g);
        for_sections(s.subsections, f, g);
    }
}

/// Calls f on every Inlines of the book and g on every Block.
template <class F, class G>
void for_each_inlines(model::Book& book, F&& f, G&& g) {
    auto qas = [&](std::vector<model::Qa>& qs) {
        for (model::Qa& q : qs) {
            f(q.question);
            for_blocks(q.answer, f, g);
        }
    };
    if (book.preface) {
        f(book.preface->title);
        for_blocks(book.preface->blocks, f, g);
    }
    for (model::Part& p : book.parts) {
        f(p.title);
        for_blocks(p.intro, f, g);
    }
    for (model::Guide& gd : book.guides) {
        f(gd.title);
        if (gd.summary) f(*gd.summary);
        for (auto* c : {&gd.myth, &gd.example, &gd.truth})
            if (*c) {
                f((*c)->title);
                for_blocks((*c)->blocks, f, g);
            }
        for_sections(gd.sections, f, g);
        if (gd.faq) {
            f(gd.faq->title);
            qas(gd.faq->questions);
        }
        if (gd.books) f(gd.books->title);
        if (gd.practitioners) f(gd.practitioners->title);
        if (gd.related) f(gd.related->title);
    }
    if (book.faq) {
        f(book.faq->title);
        qas(book.faq->questions);
    }
    f(book.directory.title);
    for_blocks(book.directory.intro, f, g);
    for (model::Entry& e : book.directory.entries) {
        f(e.name);
        f(e.location);
        for_blocks(e.description, f, g);
    }
}

template <class F>
void for_each_inlines(model::Book& book, F&& f) {
    for_each_inlines(book, f, [](model::Block&) {});
}

}  // namespace bb::manuscript
