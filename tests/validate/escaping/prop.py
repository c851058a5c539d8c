#!/usr/bin/env python3
"""Escaping property test (issue 8): random text in every text field of a
small manuscript survives into the EPUB as well-formed XHTML with the same
characters, and into the PDF text; text with characters XML forbids is
rejected by the loader with a positioned diagnostic.

usage: prop.py BOOKBUILD WORKDIR [--seed S] [--iterations N]

Each iteration writes one manuscript whose fields hold random strings drawn
from markup characters (< & " ' > ]]>), white space, C1 controls and DEL
(XML allows them), bidi marks and overrides, combining marks, astral
characters, NBSP and letters; characters are written literally or as numeric
references at random. Typography is off (smart quotes would change the text
on purpose). Every fourth iteration also puts one forbidden character (a C0
control, U+FFFE/U+FFFF) into one field, literally or as a reference: the
build must then fail with FILE:LINE:COL naming that spot.
"""
import argparse
import os
import random
import re
import subprocess
import sys
import unicodedata
import zipfile
import xml.etree.ElementTree as ET

MARKUP = ["<", "&", '"', "'", ">", "]]>", "<p>", "&amp;", "&#38;", "]]", "<![CDATA[x]]>", "--", "</title>"]
SPACE = [" ", "\t", "\u00a0"]
ALLOWED_CONTROLS = ["\u0080", "\u0085", "\u009b", "\u009f", "\u007f"]
BIDI = ["\u200f", "\u200e", "\u202e", "\u202c", "\u061c", "\u2067", "\u2069"]
COMBINING = ["e\u0301", "a\u0308", "o\u0323\u0302", "x\u20dd"]
ASTRAL = ["\U0001d11e", "\U0001f600", "\U00020000", "\U0001d400"]
LETTERS = list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") + ["é", "ß", "Ω", "ж", "–"]
FORBIDDEN = ["\u0001", "\u0008", "\u000b", "\u000c", "\u001b", "\u001f", "\ufffe", "\uffff"]

# (field id, where it is written): every text field of the format.
FIELDS = ["title", "subtitle", "creator", "publisher", "rights", "description", "subject", "topic",
          "guide_title", "summary", "myth_title", "myth_p", "example_p", "truth_p", "item", "quote_p",
          "attribution", "section_title", "section_p", "caption_less_p", "q", "a_p", "book_title",
          "book_author", "link_text", "em_text", "faq_title", "faq_q", "faq_a", "dir_intro",
          "entry_name", "entry_location", "entry_desc"]
# Attribute values (the rest are element content).
ATTRIBUTES = {"book_title", "book_author"}
# Shown only in the EPUB package document, not in the PDF's pages.
EPUB_ONLY = {"publisher", "rights", "description", "subject"}


def random_text(r):
    pools = [MARKUP, SPACE, ALLOWED_CONTROLS, BIDI, COMBINING, ASTRAL, LETTERS, LETTERS, LETTERS]
    parts = [r.choice(LETTERS)]  # never only white space: empty fields are errors of their own
    for _ in range(r.randint(3, 14)):
        parts.append(r.choice(r.choice(pools)))
    parts.append(r.choice(LETTERS))
    return "".join(parts)


def encode(s, r, attribute):
    out = []
    for ch in s:
        if ch == "&":
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")  # ]]> is not allowed literally in text
        elif ch == '"' and attribute:
            out.append("&quot;")
        elif ch == "\t" and attribute:
            out.append("&#9;")  # a literal tab in an attribute value becomes a space
        elif ord(ch) > 0x7e and r.random() < 0.3:
            out.append(f"&#x{ord(ch):X};" if r.random() < 0.5 else f"&#{ord(ch)};")
        else:
            out.append(ch)
    return "".join(out)


def manuscript(v, enc):
    e = {k: enc(k, v[k]) for k in v}
    return f"""<book format="1" lang="en">
  <meta>
    <title>{e['title']}</title>
    <subtitle>{e['subtitle']}</subtitle>
    <creator>{e['creator']}</creator>
    <publisher>{e['publisher']}</publisher>
    <identifier>urn:uuid:6f1c2a8e-4b7d-4c1e-9a35-2d8e7f0b5c41</identifier>
    <date>2026-01-01</date>
    <rights>{e['rights']}</rights>
    <description>{e['description']}</description>
    <subject>{e['subject']}</subject>
  </meta>
  <topics><topic id="t">{e['topic']}</topic></topics>
  <guide id="g" topics="t">
    <title>{e['guide_title']}</title>
    <summary>{e['summary']}</summary>
    <myth><title>{e['myth_title']}</title><p>{e['myth_p']}</p></myth>
    <example><p>{e['example_p']}</p></example>
    <truth><p>{e['truth_p']}</p>
      <list><item>{e['item']}</item></list>
      <quote><p>{e['quote_p']}</p><attribution>{e['attribution']}</attribution></quote>
    </truth>
    <section id="s"><title>{e['section_title']}</title><p>{e['section_p']}</p>
      <p>{e['caption_less_p']} <link href="https://example.org/a?b=1&amp;c=2">{e['link_text']}</link> <em>{e['em_text']}</em></p>
    </section>
    <faq><qa><q>{e['q']}</q><a><p>{e['a_p']}</p></a></qa></faq>
    <books><book-ref title="{e['book_title']}" author="{e['book_author']}" year="2001"/></books>
    <practitioners/>
  </guide>
  <faq id="questions"><title>{e['faq_title']}</title><qa><q>{e['faq_q']}</q><a><p>{e['faq_a']}</p></a></qa></faq>
  <directory id="dir">
    <title>Directory</title>
    <intro><p>{e['dir_intro']}</p></intro>
    <entry id="e" kind="coach" topics="t" format="online">
      <name>{e['entry_name']}</name>
      <location>{e['entry_location']}</location>
      <description><p>{e['entry_desc']}</p></description>
    </entry>
  </directory>
</book>
"""


WS = re.compile(r"[ \t\n\r]+")


def collapse(s):
    return WS.sub(" ", s).strip()


def font_coverage(font_dir):
    """Code points some font in fonts/ has (fc-query): what a PDF can show."""
    covered = set()
    for name in sorted(os.listdir(font_dir)):
        if not name.endswith(".ttf"):
            continue
        out = subprocess.run(["fc-query", "--format=%{charset}", os.path.join(font_dir, name)],
                             capture_output=True, text=True).stdout
        for part in out.split():
            lo, _, hi = part.partition("-")
            covered.update(range(int(lo, 16), int(hi or lo, 16) + 1))
    return covered


COVERED = set()


def pdf_form(s):
    """What pdftotext can give back: no white space, no controls, no format
    characters (bidi marks, soft hyphens), no hyphens (lines may be
    hyphenated), no combining marks (decomposed, NFD: pdftotext may split a
    mark from its base), no U+FFFD (what pdftotext prints for a glyph without
    text), and only characters some font of the book has (others cannot be
    shown in print). The EPUB check compares every character exactly.
    Astral characters (above U+FFFF) are left out here: the PDF writer cannot
    encode them and prints U+FFFD with a positioned warning (checked below)."""
    s = unicodedata.normalize("NFD", s)
    return "".join(c for c in s if not c.isspace() and unicodedata.category(c) not in ("Cc", "Cf", "Mn", "Me", "Co", "Cn")
                   and c not in "-\u2010\u00ad\ufffd" and ord(c) in COVERED and ord(c) <= 0xFFFF)


def epub_texts(path):
    """Text of every XHTML document (well-formedness checked by xmllint) and of
    the package document."""
    texts = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xhtml") or name.endswith(".opf"):
                root = ET.fromstring(z.read(name))
                texts.append(collapse(" ".join(root.itertext())).replace("\u00ad", ""))
    return " | ".join(texts)


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, errors="replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bookbuild")
    ap.add_argument("work")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--iterations", type=int, default=24)
    args = ap.parse_args()
    r = random.Random(args.seed)
    os.makedirs(args.work, exist_ok=True)
    style = os.path.join(args.work, "plain.yaml")
    src = os.environ.get("BB_SOURCE_DIR", os.getcwd())
    with open(style, "w") as f:
        f.write(f"extends: {src}/styles/default.yaml\ntypography: {{smart-quotes: false, smart-dashes: false}}\n")
    COVERED.update(font_coverage(os.path.join(src, "fonts")))
    failures = 0
    built = rejected = 0

    def fail(msg):
        nonlocal failures
        failures += 1
        print("FAIL:", msg, file=sys.stderr)

    for it in range(args.iterations):
        values = {k: random_text(r) for k in FIELDS}
        bad_field = None
        if it % 4 == 3:
            bad_field = r.choice(FIELDS)
            s = values[bad_field]
            at = r.randint(1, len(s) - 1)
            values[bad_field] = s[:at] + r.choice(FORBIDDEN) + s[at:]
        enc_rng = random.Random(args.seed * 1000 + it)
        folder = os.path.join(args.work, f"m{it}")
        os.makedirs(folder, exist_ok=True)
        book = manuscript(values, lambda k, v: encode(v, enc_rng, k in ATTRIBUTES))
        with open(os.path.join(folder, "book.xml"), "w", encoding="utf-8", newline="\n") as f:
            f.write(book)
        epub = os.path.join(args.work, f"b{it}.epub")
        pdf = os.path.join(args.work, f"b{it}.pdf")
        res_e = run([args.bookbuild, "epub", "-q", "-m", folder, "-s", style, "-o", epub])
        res_p = run([args.bookbuild, "pdf", "-q", "-m", folder, "-s", style, "-o", pdf])
        tag = f"iteration {it} (seed {args.seed})"
        if bad_field:
            for fmt, res in (("epub", res_e), ("pdf", res_p)):
                if res.returncode != 1 or not re.search(r"book\.xml:\d+:\d+: error: .*(control character|U\+FFF[EF]|reference)",
                                                        res.stderr):
                    fail(f"{tag}: forbidden character in {bad_field}: {fmt} exit {res.returncode}: {res.stderr[:300]}")
            if os.path.exists(epub) or os.path.exists(pdf):
                fail(f"{tag}: an output was written for a rejected manuscript")
            rejected += 1
            continue
        if res_e.returncode != 0 or res_p.returncode != 0:
            fail(f"{tag}: epub exit {res_e.returncode}, pdf exit {res_p.returncode}: {(res_e.stderr + res_p.stderr)[:600]}")
            continue
        built += 1
        if any(ord(c) > 0xFFFF for k in FIELDS if k not in EPUB_ONLY for c in values[k]) and not re.search(
                r"book\.xml:\d+:\d+: warning: U\+1[0-9A-F]{4} is outside the Basic Multilingual Plane", res_p.stderr):
            fail(f"{tag}: an astral character printed without its warning")
        with zipfile.ZipFile(epub) as z:
            for name in z.namelist():
                if name.endswith(".xhtml") or name.endswith(".opf") or name.endswith(".ncx"):
                    x = subprocess.run(["xmllint", "--noout", "-"], input=z.read(name), capture_output=True)
                    if x.returncode != 0:
                        fail(f"{tag}: {name} is not well-formed: {x.stderr[:300]!r}")
        text = epub_texts(epub)
        for k in FIELDS:
            want = collapse(values[k])
            if want not in text:
                fail(f"{tag}: field {k} {want!r} is not in the EPUB text")
        pt = run(["pdftotext", "-enc", "UTF-8", pdf, "-"])
        if pt.returncode != 0:
            fail(f"{tag}: pdftotext failed: {pt.stderr[:200]}")
            continue
        page_text = pdf_form(pt.stdout)
        for k in FIELDS:
            if k in EPUB_ONLY:
                continue
            want = pdf_form(values[k])
            if any(c in values[k] for c in BIDI):
                # Bidi controls reorder the glyphs on the page (an RLO reverses
                # them) and pdftotext reads them in visual order: compare the
                # characters, not their order.
                missing = [c for c in want if c not in page_text]
                if missing:
                    fail(f"{tag}: field {k}: {missing!r} of {want!r} not in the PDF text")
            elif want and want not in page_text:
                fail(f"{tag}: field {k} {want!r} is not in the PDF text")
    print(f"{args.iterations} iterations (seed {args.seed}): {built} books built and compared field by field, "
          f"{rejected} rejected for a forbidden character; {failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
