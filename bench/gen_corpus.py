#!/usr/bin/env python3
"""Generates a manuscript of N guides and 2N directory entries for benchmarks.

usage: gen_corpus.py N OUTDIR [--seed S]

Deterministic: the same N and seed give the same files, byte for byte.
Guides are shaped like the real one (manuscript/guides/pulling-away.xml):
a summary, myth / example / truth callouts, several sections of several
paragraphs (some with a subsection, a list or a quotation), 2-4 common
questions, books, practitioners from the directory, related guides, and
`ref`s to other guides' sections. The text has straight quotes and `--`/`---`
for the typography pass, accented words and very long words. Guides are
grouped into parts of 25 and spread over 24 topics.
"""
import argparse
import os
import random

WORDS = (
    "the man he his partner closeness distance anxiety withdrawal pattern relationship work group "
    "therapy nervous system attachment avoidant secure pursuit regulate feeling trust shame anger "
    "father son friend brother grief loss purpose career money body health sleep drink silence "
    "conversation conflict repair boundary habit practice weekly evening morning honest present "
    "often rarely usually slowly quickly gently firmly genuinely quietly openly and or but because "
    "when while after before although if so that which who what where is are was were becomes "
    "feels seems learns notices avoids returns names chooses keeps loses finds needs wants tries "
    "café naïve résumé façade Zürich Ærøskøbing Kraków São Paulo Dvořák Łódź coöperate déjà-vu "
    "over-functioning under-functioning self-awareness well-being long-term"
).split()
LONG = ["Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz",
        "Pneumonoultramicroscopicsilicovolcanoconiosis",
        "antidisestablishmentarianism", "Donaudampfschifffahrtsgesellschaftskapitän",
        "incomprehensibilities", "counterrevolutionaries"]
TOPICS = ["Attachment and closeness", "Relationships and intimacy", "Men's groups", "Anger",
          "Work and purpose", "Fatherhood", "Grief and loss", "Friendship", "Sexuality",
          "Addiction and recovery", "Money", "Health and the body", "Sleep", "Divorce",
          "Loneliness", "Shame", "Fathers and sons", "Brothers", "Retirement", "Faith and meaning",
          "Stress", "Depression", "Trauma", "Midlife"]
KINDS = ["coach", "program", "retreat", "group"]
FORMATS = ["in-person", "online", "hybrid"]
CITIES = ["Portland, Oregon, USA", "Zürich, Switzerland", "São Paulo, Brazil", "Kraków, Poland",
          "Asheville, North Carolina, USA", "Montréal, Québec, Canada", "Online"]


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Gen:
    def __init__(self, n, seed):
        self.n = n
        self.r = random.Random(seed)
        self.guides = [f"guide-{i:05d}" for i in range(n)]
        # Some ids start with a digit, as author ids may.
        self.entries = [(f"{i}-entry" if i % 7 == 0 else f"entry-{i:05d}") for i in range(2 * n)]
        self.topic_ids = [f"topic-{i:02d}" for i in range(len(TOPICS))]
        self.sections = {}  # guide id -> its section ids

    def words(self, lo, hi):
        r = self.r
        out = []
        for _ in range(r.randint(lo, hi)):
            x = r.random()
            out.append(r.choice(LONG) if x < 0.01 else r.choice(WORDS))
        return out

    def sentence(self):
        r = self.r
        w = self.words(6, 18)
        w[0] = w[0][:1].upper() + w[0][1:]
        x = r.random()
        if x < 0.15:
            i = r.randrange(1, len(w))
            w[i] = '"' + w[i] + '"'
        elif x < 0.25:
            w.insert(r.randrange(1, len(w)), "--")
        elif x < 0.30:
            w.insert(r.randrange(1, len(w)), "---")
        elif x < 0.40:
            w[r.randrange(len(w))] += "'s"
        return " ".join(w) + r.choice([".", ".", ".", "?", ";", ":"]).replace(";", ".").replace(":", ".")

    def inline(self, lo=2, hi=5, gi=None):
        r = self.r
        parts = [esc(self.sentence()) for _ in range(r.randint(lo, hi))]
        x = r.random()
        if x < 0.2:
            parts[r.randrange(len(parts))] += " It is <em>" + esc(" ".join(self.words(1, 3))) + "</em>."
        elif x < 0.3:
            parts[r.randrange(len(parts))] += " Read <cite>" + esc(" ".join(self.words(2, 4)).title()) + "</cite>."
        elif x < 0.4 and gi is not None and gi > 0:
            other = self.guides[r.randrange(gi)]
            target = r.choice(self.sections.get(other) or [other])
            parts[r.randrange(len(parts))] += f' See <ref to="{target}"/>.'
        elif x < 0.45:
            parts[r.randrange(len(parts))] += ' More at <link href="https://example.org/read?id=%d&amp;ref=bench">this page</link>.' % r.randint(1, 9999)
        return " ".join(parts)

    def paras(self, lo, hi, gi, indent):
        return "".join(f"{indent}<p>{self.inline(gi=gi)}</p>\n" for _ in range(self.r.randint(lo, hi)))

    def guide(self, gi):
        r = self.r
        gid = self.guides[gi]
        topics = r.sample(self.topic_ids, r.randint(1, 3))
        out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
               f'<guide id="{gid}" topics="{" ".join(topics)}">\n',
               f"  <title>{esc(' '.join(self.words(3, 7)).capitalize())}</title>\n",
               f"  <summary>{self.inline(1, 2)}</summary>\n",
               f"  <myth>\n    <title>{esc(self.sentence())}</title>\n{self.paras(1, 2, gi, '    ')}  </myth>\n",
               f"  <example>\n{self.paras(1, 2, gi, '    ')}  </example>\n",
               f"  <truth>\n{self.paras(1, 3, gi, '    ')}  </truth>\n"]
        ids = []
        for si in range(r.randint(2, 5)):
            sid = f"{gid}-s{si + 1}"
            ids.append(sid)
            out.append(f'  <section id="{sid}">\n    <title>{esc(" ".join(self.words(2, 6)).capitalize())}</title>\n')
            out.append(self.paras(2, 4, gi, "    "))
            x = r.random()
            if x < 0.25:
                items = "".join(f"      <item>{esc(self.sentence())}</item>\n" for _ in range(r.randint(2, 5)))
                out.append(f'    <list style="{r.choice(["bullet", "number"])}">\n{items}    </list>\n')
            elif x < 0.35:
                out.append(f"    <quote>\n      <p>{esc(self.sentence())}</p>\n"
                           f"      <attribution>{esc(' '.join(self.words(2, 3)).title())}</attribution>\n    </quote>\n")
            if r.random() < 0.3:
                out.append(f"    <section>\n      <title>{esc(' '.join(self.words(2, 5)).capitalize())}</title>\n")
                out.append(self.paras(1, 2, gi, "      "))
                out.append("    </section>\n")
            out.append("  </section>\n")
        self.sections[gid] = ids
        out.append("  <faq>\n")
        for _ in range(r.randint(2, 4)):
            q = esc(" ".join(self.words(5, 12)).capitalize()) + "?"
            out.append(f"    <qa>\n      <q>{q}</q>\n      <a>\n{self.paras(1, 2, gi, '        ')}      </a>\n    </qa>\n")
        out.append("  </faq>\n  <books>\n")
        for _ in range(r.randint(1, 3)):
            title = esc(" ".join(self.words(2, 5)).title())
            year = f' year="{r.randint(1950, 2024)}"' if r.random() < 0.8 else ""
            out.append(f'    <book-ref title="{title}" author="{esc(" ".join(self.words(2, 2)).title())}"{year}/>\n')
        out.append("  </books>\n  <practitioners>\n")
        for e in r.sample(self.entries, r.randint(1, 4)):
            out.append(f'    <entry-ref to="{e}"/>\n')
        out.append("  </practitioners>\n")
        others = [g for g in r.sample(self.guides, min(4, self.n)) if g != gid][:3]
        if others:
            out.append("  <related>\n" + "".join(f'    <guide-ref to="{g}"/>\n' for g in others) + "  </related>\n")
        out.append("</guide>\n")
        return "".join(out)

    def directory(self):
        r = self.r
        out = ['<?xml version="1.0" encoding="UTF-8"?>\n<directory id="directory">\n  <title>The Directory</title>\n',
               f"  <intro>\n    <p>{self.inline(1, 2)}</p>\n  </intro>\n"]
        for i, eid in enumerate(self.entries):
            topics = " ".join(r.sample(self.topic_ids, r.randint(1, 3)))
            out.append(f'  <entry id="{eid}" kind="{r.choice(KINDS)}" topics="{topics}" format="{r.choice(FORMATS)}">\n')
            out.append(f"    <name>{esc(' '.join(self.words(2, 5)).title())} {i}</name>\n")
            if r.random() < 0.8:
                out.append(f"    <location>{esc(r.choice(CITIES))}</location>\n")
            if r.random() < 0.7:
                out.append(f"    <url>https://example.org/listing/{i}</url>\n")
            if r.random() < 0.4:
                out.append(f"    <email>listing{i}@example.org</email>\n")
            out.append(f"    <description>\n      <p>{self.inline(1, 3)}</p>\n    </description>\n  </entry>\n")
        out.append("</directory>\n")
        return "".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    g = Gen(a.n, a.seed)
    os.makedirs(os.path.join(a.outdir, "guides"), exist_ok=True)
    for gi, gid in enumerate(g.guides):
        with open(os.path.join(a.outdir, "guides", gid + ".xml"), "w", encoding="utf-8") as f:
            f.write(g.guide(gi))
    with open(os.path.join(a.outdir, "directory.xml"), "w", encoding="utf-8") as f:
        f.write(g.directory())
    book = ['<?xml version="1.0" encoding="UTF-8"?>\n<book format="1" lang="en">\n  <meta>\n',
            f"    <title>Benchmark Book of {a.n} Guides</title>\n",
            "    <creator>bench/gen_corpus.py</creator>\n",
            f"    <identifier>urn:uuid:00000000-0000-4000-8000-{a.n:012d}</identifier>\n",
            "    <date>2026-01-01</date>\n  </meta>\n  <topics>\n"]
    book += [f'    <topic id="{t}">{esc(name)}</topic>\n' for t, name in zip(g.topic_ids, TOPICS)]
    book.append("  </topics>\n")
    for p in range(0, a.n, 25):
        book.append(f'  <part id="part-{p // 25 + 1}">\n    <title>Part {p // 25 + 1}</title>\n')
        book += [f'    <include href="guides/{gid}.xml"/>\n' for gid in g.guides[p:p + 25]]
        book.append("  </part>\n")
    book.append('  <include href="directory.xml"/>\n</book>\n')
    with open(os.path.join(a.outdir, "book.xml"), "w", encoding="utf-8") as f:
        f.write("".join(book))


if __name__ == "__main__":
    main()
