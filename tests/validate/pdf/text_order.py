#!/usr/bin/env python3
"""Checks that pdftotext output holds every <p> of a manuscript, in reading
order, with its text intact.

usage: text_order.py MANUSCRIPT_DIR PDFTOTEXT_OUTPUT

Both sides are normalised before comparing: Unicode NFC, whitespace
collapsed, typographic quotes folded to straight ones, hyphens and dashes
dropped (so a word broken at a line end, or a hard hyphen that fell at one,
compares equal), and the running heads and folios at the top and bottom of
each page removed. A <ref> prints with a page number on paper, so the text
around it is checked as separate pieces.
"""
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

QUOTES = str.maketrans({"’": "'", "‘": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"',
                        "«": '"', "»": '"', "‹": "'", "›": "'", "\u00a0": " ", "\u202f": " ", "…": "..."})
DASHES = re.compile("[-\u2010\u2011\u2012\u2013\u2014\u2015\u00ad]")


def norm(s):
    s = unicodedata.normalize("NFC", s).translate(QUOTES)
    s = s.replace("'", "'")
    s = DASHES.sub("", s)
    # Quote style differs by language (« » with no-break spaces in French),
    # so quotes go, with the spaces around them.
    s = re.sub(r"\s*[\"']\s*", "", s)
    # libharu draws the Basic Multilingual Plane only; layout warns about the
    # rest and sets U+FFFD in its place.
    s = "".join(c if ord(c) <= 0xFFFF else "\ufffd" for c in s)
    return re.sub(r"\s+", " ", s).strip()


def load(path):
    """The element tree of `path` with every <include> replaced by its file."""
    root = ET.parse(path).getroot()
    base = os.path.dirname(path)

    def expand(el):
        for i, child in enumerate(list(el)):
            if child.tag == "include":
                inc = load(os.path.join(base, child.get("href")))
                inc.tail = child.tail
                el.remove(child)
                el.insert(i, inc)
            else:
                expand(child)
    expand(root)
    return root


def pieces(p):
    """Texts of a paragraph between its <ref>s (a ref prints differently on paper)."""
    out, cur = [], [p.text or ""]
    for child in p:
        if child.tag == "ref":
            out.append("".join(cur))
            cur = [child.tail or ""]
        elif child.tag == "link" and not "".join(child.itertext()).strip():
            href = child.get("href", "")  # an empty link prints its address
            cur.append(href[7:] if href.startswith("mailto:") else href)
            cur.append(child.tail or "")
        else:
            cur.append("".join(child.itertext()))
            cur.append(child.tail or "")
    out.append("".join(cur))
    return [n for n in (norm(x) for x in out) if len(n) >= 3]


def body_text(pdf_text):
    pages = []
    for page in pdf_text.split("\f"):
        lines = [l for l in page.split("\n")]
        while lines and not lines[-1].strip():
            lines.pop()
        if lines and re.fullmatch(r"\s*[0-9ivxlc]+\s*", lines[-1]):
            lines.pop()  # folio
        while lines and not lines[-1].strip():
            lines.pop()
        while lines and not lines[0].strip():
            lines.pop(0)
        if lines and len(lines) > 1 and not lines[1].strip():
            lines.pop(0)  # running head: a lone line followed by a blank one
        while lines and not lines[0].strip():
            lines.pop(0)
        pages.append("\n".join(lines))
    text = re.sub(r"-\n(?=\w)", "", "\n".join(pages))  # a word hyphenated at a line (or page) end
    return norm(text)


def main():
    manuscript, txt = sys.argv[1], sys.argv[2]
    root = load(os.path.join(manuscript, "book.xml"))
    with open(txt, encoding="utf-8") as f:
        text = body_text(f.read())
    at, checked, failures = 0, 0, 0
    for p in root.iter("p"):
        for piece in pieces(p):
            found = text.find(piece, at)
            if found < 0:
                failures += 1
                anywhere = text.find(piece)
                print(("OUT OF ORDER: " if anywhere >= 0 else "MISSING: ") + piece[:120], file=sys.stderr)
                continue
            at = found + len(piece)
            checked += 1
    print(f"{checked} paragraph pieces found in order, {failures} problems")
    sys.exit(1 if failures or checked == 0 else 0)


main()
