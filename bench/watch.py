#!/usr/bin/env python3
"""How long `bookbuild COMMAND --watch` takes from an author's save to the
new file on disk.

    bench/watch.py BINARY COMMAND MANUSCRIPT [--edits K]
    bench/watch.py build-perfpdf/bookbuild epub build-perfpdf/corpus/1000/manuscript

Copies MANUSCRIPT to a temporary folder, starts the watch there, waits for
the first build, then K times (default 15) changes one word in the middle
guide (a save as an editor makes it: a new file renamed over the old one)
and times until the watch prints its next "wrote" line. The wait includes
the watch's 100 ms of quiet after the last change (so an editor's save or a
`git checkout` is one build, not several). Prints the first (cold) build as
the command reported it, then the median, lowest and highest of the edits,
and each with the quiet time taken off.
"""
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

QUIET_MS = 100  # cli/watch.cpp, kQuiet


def main():
    args = sys.argv[1:]
    edits = 15
    if "--edits" in args:
        i = args.index("--edits")
        edits = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    binary, command, manuscript = os.path.abspath(args[0]), args[1], args[2]
    style = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "styles", "default.yaml")
    work = tempfile.mkdtemp(prefix="bb-watch-")
    try:
        copy = os.path.join(work, "manuscript")
        shutil.copytree(manuscript, copy)
        guides = sorted(f for f in os.listdir(os.path.join(copy, "guides")) if f.endswith(".xml"))
        target = os.path.join(copy, "guides", guides[len(guides) // 2])
        out = os.path.join(work, "out", "book.pdf" if command == "pdf" else "book.epub")
        log = open(os.path.join(work, "stdout"), "w+")
        env = dict(os.environ, SOURCE_DATE_EPOCH="1764288000")
        errors = open(os.path.join(work, "stderr"), "w+")
        proc = subprocess.Popen([binary, command, "--watch", "-m", copy, "-s", style, "-o", out],
                                stdout=log, stderr=errors, env=env)

        def wrote_lines():
            log.seek(0)
            return [line for line in log.read().splitlines() if line.startswith("wrote ")]

        def wait_for(count, limit=120):
            end = time.monotonic() + limit
            while time.monotonic() < end:
                lines = wrote_lines()
                if len(lines) >= count:
                    return lines[count - 1]
                time.sleep(0.001)
            errors.seek(0)
            raise SystemExit("no build within %d s; bookbuild said:\n%s" % (limit, errors.read()[-2000:]))

        first = wait_for(1)
        text = open(target, encoding="utf-8").read()
        times = []
        for k in range(edits):
            # One word in, one word out: the guide's size stays about the same.
            edited = text.replace("<p>", "<p>Edited%d " % k, 1)
            tmp = target + ".new"
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(edited)
            t0 = time.monotonic()
            os.replace(tmp, target)
            wait_for(k + 2)
            times.append((time.monotonic() - t0) * 1000)
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
        med = statistics.median(times)
        print("%s %s: first build %s" % (command, manuscript, first))
        print("  save to written: median %.0f ms (%.0f-%.0f), %d edits; without the %d ms quiet: %.0f ms"
              % (med, min(times), max(times), len(times), QUIET_MS, med - QUIET_MS))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
