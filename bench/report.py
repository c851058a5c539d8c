#!/usr/bin/env python3
"""Turns bench/run's raw timings (TSV) into the Markdown report.

usage: report.py TIMINGS.tsv [--date D] [--load-before L] [--load-after L]
                 [--runs R] [--commit C] [--micro FILE] [--profile FILE] [--watch FILE]

TSV columns: tool, N, run, wall s, user s, sys s, max RSS KB, pages, bytes.
Medians over the runs; ratios are peer / bookbuild (how many times faster
bookbuild is), per page for the PDFs; the targets of issue 7 are checked.
"""
import argparse
import os
import statistics
from collections import defaultdict

TOOLS = ["bookbuild-epub", "bookbuild-nolist-epub", "bookbuild-pdf", "pandoc-epub", "pandoc-fonts-epub", "typst-pdf", "weasyprint-pdf"]
COMMANDS = {
    "bookbuild-epub": "bookbuild epub -q -m manuscript -o book.epub",
    "bookbuild-nolist-epub": "bookbuild epub -q --no-page-list -m manuscript -o book.epub",
    "bookbuild-pdf": "bookbuild pdf -q -m manuscript -o book.pdf",
    "pandoc-epub": "pandoc book.md -o book.epub",
    "pandoc-fonts-epub": "pandoc book.md -o book.epub --epub-embed-font=… (the same 8 fonts)",
    "typst-pdf": "node bench/typst.mjs book.typ book.pdf",
    "weasyprint-pdf": "weasyprint book.html book.pdf",
}


def machine():
    model, mem = "?", "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal"):
                    mem = "%.0f GiB" % (int(line.split()[1]) / 1048576)
                    break
    except OSError:
        pass
    return "%d cores (`nproc`), %s, %s RAM" % (os.cpu_count() or 0, model, mem)


def fmt_s(x):
    return "%.3f" % x if x < 10 else "%.1f" % x


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tsv")
    ap.add_argument("--date", default="?")
    ap.add_argument("--load-before", default="?")
    ap.add_argument("--load-after", default="?")
    ap.add_argument("--runs", default="?")
    ap.add_argument("--bb-repeat", default="1")
    ap.add_argument("--commit", default="?")
    ap.add_argument("--micro")
    ap.add_argument("--profile")
    ap.add_argument("--watch")
    a = ap.parse_args()

    rows = defaultdict(list)
    with open(a.tsv) as f:
        for line in f:
            tool, n, run, wall, user, sys_, rss, pages, size = line.rstrip("\n").split("\t")
            rows[(tool, int(n))].append(dict(wall=float(wall), cpu=float(user) + float(sys_), rss=int(rss) / 1024,
                                             pages=int(pages) if pages else None, bytes=int(size)))
    med = {}
    for key, rs in rows.items():
        med[key] = dict(wall=statistics.median(r["wall"] for r in rs), cpu=statistics.median(r["cpu"] for r in rs),
                        rss=max(r["rss"] for r in rs), pages=rs[0]["pages"], bytes=rs[0]["bytes"],
                        runs=len(rs), spread=(min(r["wall"] for r in rs), max(r["wall"] for r in rs)))

    out = []
    p = out.append
    p("# Benchmark results, %s\n" % a.date)
    p("Machine: %s. Load average (1, 5, 15 min) before the runs: %s; after: %s. "
      "Commit %s, bookbuild built `-DCMAKE_BUILD_TYPE=Release`. Medians of %s interleaved runs%s "
      "(the runs column says how many were timed); max RSS is the largest of the runs (`/usr/bin/time -v`).\n"
      % (machine(), a.load_before, a.load_after, a.commit, a.runs,
         "" if a.bb_repeat == "1" else ", bookbuild's at N ≤ 100 %s times in each run" % a.bb_repeat))
    p("## Whole-process timings\n")
    p("| command | N guides | runs | wall s (min–max) | CPU s | max RSS MB | pages | ms/page (wall) | output KB |")
    p("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for tool in TOOLS:
        for n in sorted(n for t, n in med if t == tool):
            m = med[(tool, n)]
            per_page = "%.2f" % (1000 * m["wall"] / m["pages"]) if m["pages"] else ""
            p("| `%s` | %d | %d | %s (%s–%s) | %s | %.0f | %s | %s | %d |" % (
                COMMANDS[tool], n, m["runs"], fmt_s(m["wall"]), fmt_s(m["spread"][0]), fmt_s(m["spread"][1]),
                fmt_s(m["cpu"]), m["rss"], m["pages"] or "", per_page, (m["bytes"] + 1023) // 1024))
    p("")

    peer_ns = sorted({n for t, n in med if t in ("pandoc-epub", "typst-pdf", "weasyprint-pdf")
                      and ("bookbuild-epub", n) in med})
    if peer_ns:
        p("## Ratios (peer time / bookbuild time; per page for the PDFs)\n")
        p("| N | pandoc EPUB / bookbuild EPUB (wall; CPU) | same, pandoc embedding the 8 fonts too "
          "| Typst / bookbuild, per page (wall; CPU) | WeasyPrint / bookbuild, per page (wall; CPU) |")
        p("|---:|---:|---:|---:|---:|")
        for n in peer_ns:
            cells = []
            be, bp = med.get(("bookbuild-epub", n)), med.get(("bookbuild-pdf", n))
            for peer in ("pandoc-epub", "pandoc-fonts-epub"):
                pe = med.get((peer, n))
                cells.append("%.1f× ; %.1f×" % (pe["wall"] / be["wall"], pe["cpu"] / be["cpu"]) if pe and be else "")
            for peer in ("typst-pdf", "weasyprint-pdf"):
                q = med.get((peer, n))
                if q and bp and q["pages"] and bp["pages"]:
                    w = (q["wall"] / q["pages"]) / (bp["wall"] / bp["pages"])
                    c = (q["cpu"] / q["pages"]) / (bp["cpu"] / bp["pages"])
                    cells.append("%.1f× ; %.1f× (%d vs %d pages)" % (w, c, q["pages"], bp["pages"]))
                else:
                    cells.append("")
            p("| %d | %s |" % (n, " | ".join(cells)))
        p("")

    p("## Targets (issue 7)\n")

    def check(name, ok, text):
        p("- %s **%s**: %s" % (name, "met" if ok else "missed", text))

    e1, p1 = med.get(("bookbuild-epub", 1000)), med.get(("bookbuild-pdf", 1000))
    e5, p5 = med.get(("bookbuild-epub", 5000)), med.get(("bookbuild-pdf", 5000))
    if p1:
        check("`bookbuild pdf` at N = 1000 ≤ 2 s", p1["wall"] <= 2, "%.2f s wall (%.2f s CPU)" % (p1["wall"], p1["cpu"]))
    if e1:
        check("`bookbuild epub` at N = 1000 ≤ 0.5 s", e1["wall"] <= 0.5,
              "%.2f s wall (%.2f s CPU)" % (e1["wall"], e1["cpu"]))
    if p1 and e1:
        r = max(p1["rss"], e1["rss"])
        check("peak memory at N = 1000 ≤ 300 MB", r <= 300, "pdf %.0f MB, epub %.0f MB" % (p1["rss"], e1["rss"]))
    for name, a1, a5 in (("pdf", p1, p5), ("epub", e1, e5)):
        if a1 and a5:
            r = a5["wall"] / a1["wall"]
            check("`bookbuild %s` N = 5000 ≤ 5.5 × N = 1000" % name, r <= 5.5,
                  "%.2f× (%.2f s / %.2f s)" % (r, a5["wall"], a1["wall"]))
    for n in peer_ns:
        be, bp = med.get(("bookbuild-epub", n)), med.get(("bookbuild-pdf", n))
        pe, ty, we = med.get(("pandoc-epub", n)), med.get(("typst-pdf", n)), med.get(("weasyprint-pdf", n))
        if pe and be:
            r = pe["wall"] / be["wall"]
            check("EPUB ≥ 40× faster than pandoc (N = %d)" % n, r >= 40, "%.1f×" % r)
        if ty and bp:
            r = (ty["wall"] / ty["pages"]) / (bp["wall"] / bp["pages"])
            check("PDF per page ≥ 10× faster than Typst (N = %d)" % n, r >= 10, "%.1f×" % r)
        if we and bp:
            r = (we["wall"] / we["pages"]) / (bp["wall"] / bp["pages"])
            check("PDF per page ≥ 100× faster than WeasyPrint (N = %d)" % n, r >= 100, "%.0f×" % r)
    p("")

    # Tools' own reports, copied in as they printed them.
    for path, title in ((a.micro, "Micro-benchmarks (bench/micro, Google Benchmark)"),
                        (a.watch, "Watch builds (bench/watch.py: save to file, 11 one-word edits)"),
                        (a.profile, "Profile")):
        if path and os.path.exists(path):
            p("## %s\n" % title)
            p("```")
            with open(path) as f:
                p(f.read().rstrip())
            p("```\n")
    print("\n".join(out))


if __name__ == "__main__":
    main()
