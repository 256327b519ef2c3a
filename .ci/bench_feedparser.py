"""Python's feedparser on the benchmark corpus, beside criterion's figures for Panorama.

Usage: bench_feedparser.py <corpus dir> <criterion dir>
Prints each figure as MB/s over the corpus, and the ratios the pipeline issue sets targets for:
the pipeline against feedparser (target >= 30x), and the pipeline's cost against feed-rs's bare
parse (target <= 2x).
"""
import json
import pathlib
import sys
import time

import feedparser

corpus_dir, criterion_dir = map(pathlib.Path, sys.argv[1:3])
files = [p.read_bytes() for p in sorted(corpus_dir.glob("*.xml"))]
total = sum(len(f) for f in files)

# feedparser: parse (it sanitizes HTML and resolves relative links too) every file, repeatedly.
rounds = 3
started = time.perf_counter()
entries = 0
for _ in range(rounds):
    for body in files:
        entries += len(feedparser.parse(body).entries)
elapsed = (time.perf_counter() - started) / rounds
feedparser_mbs = total / elapsed / 1e6


def criterion(name):
    estimates = criterion_dir / "corpus" / name / "new" / "estimates.json"
    nanos = json.loads(estimates.read_text())["median"]["point_estimate"]
    return total / (nanos / 1e9) / 1e6


rows = [
    ("quick-xml event scan (floor)", criterion("quick_xml")),
    ("feed-rs bare parse", criterion("feed_rs")),
    ("Panorama pipeline", criterion("pipeline")),
    ("feedparser %s" % feedparser.__version__, feedparser_mbs),
]
print("corpus: %d files, %.1f MB, %d entries per pass" % (len(files), total / 1e6, entries // rounds))
for name, mbs in rows:
    print("  %-32s %8.1f MB/s" % (name, mbs))
pipeline = rows[2][1]
print("pipeline vs feedparser: %.1fx faster (target >= 30x)" % (pipeline / feedparser_mbs))
print("pipeline cost vs feed-rs bare parse: %.2fx (target <= 2x)" % (rows[1][1] / pipeline))
