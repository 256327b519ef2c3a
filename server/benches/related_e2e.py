#!/usr/bin/env python3
"""More Related News measured end to end, as a reader meets it: real labelled articles served
as RSS feeds on 127.0.0.1, read by the real binary, grouped by its background walk, and read
back one by one through /api/related.

The related_wmt benchmark groups the same articles by calling the grouping directly. This
script goes the whole way instead: feed parsing, HTML and entities, the story text the server
keeps of an item (its first 1,500 characters), per-source boilerplate over real outlets'
feeds, the related window and the store. The articles' dates are spread over the last 24
hours, so every pair is close enough in time to be one story: only their text keeps them
apart.

    python3 server/benches/related_e2e.py --binary target/release/panorama \\
        --data target/related-wmt.jsonl [--data target/related-saudinews.jsonl]

The data files are written by prepare_wmt.py and prepare_saudi.py (never kept in the
repository). Each line: id, lang, title, text, source, story, and optionally event (documents
read as one event, prepare_wmt.py) and distractor (unlabelled articles: a link between one
and a labelled article is wrong; links among them are not judged).

Prints pairwise precision and recall across languages (by document and by event) and the
wrong pairs within a language, the size of the largest story, the links from distractors to
labelled articles, and how long /api/related took to answer. Python standard library only;
nothing leaves 127.0.0.1.
"""

import argparse
import collections
import email.utils
import html
import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

SPREAD_SECONDS = 24 * 3600


def load(paths):
    items = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            items.extend(json.loads(line) for line in f if line.strip())
    return items


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "outlet"


def feeds_of(items, now):
    """Each outlet's feed (one per outlet and language): slug -> (language, items with dates).
    Dates are spread evenly over the last SPREAD_SECONDS, in an order fixed by the ids."""
    order = sorted(range(len(items)), key=lambda i: hash_id(items[i]["id"]))
    when = {}
    for rank, i in enumerate(order):
        when[i] = now - SPREAD_SECONDS + SPREAD_SECONDS * (rank + 0.5) / len(items)
    feeds = collections.defaultdict(list)
    for i, item in enumerate(items):
        key = (slug(item.get("source") or item["id"]), item["lang"])
        feeds[key].append((item, when[i]))
    return {
        f"{name}-{lang}": (lang, entries) for (name, lang), entries in sorted(feeds.items())
    }


def hash_id(text):
    # A stable order (Python's hash() of a str changes from run to run).
    h = 1469598103934665603
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 1099511628211) % (1 << 64)
    return h


def rss(base, name, entries):
    out = [
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>',
        f"<title>{html.escape(name)}</title><link>{base}/</link>",
    ]
    for item, when in entries:
        link = f"{base}/a/{urllib.parse.quote(item['id'], safe='')}"
        out.append(
            "<item>"
            f"<title>{html.escape(item['title'])}</title>"
            f"<link>{html.escape(link)}</link>"
            f'<guid isPermaLink="false">{html.escape(item["id"])}</guid>'
            f"<pubDate>{email.utils.formatdate(when, usegmt=True)}</pubDate>"
            f"<description>{html.escape(item['text'])}</description>"
            "</item>"
        )
    out.append("</channel></rss>")
    return "".join(out).encode("utf-8")


def serve(feeds):
    """An outlet server on 127.0.0.1 for every feed; returns (server, base)."""
    bodies = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = bodies.get(self.path)
            if body is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    for name, (_, entries) in feeds.items():
        bodies[f"/feed/{name}.xml"] = rss(base, name, entries)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base


def catalog(feeds, base):
    languages = sorted({lang for lang, _ in feeds.values()})
    lines = [
        'countries = ["WORLD"]',
        "languages = [" + ", ".join(f'"{l}"' for l in languages) + "]",
        "categories = []",
    ]
    for name, (lang, _) in feeds.items():
        lines += [
            "",
            "[[source]]",
            f'id = "{name}"',
            f'name = "{name}"',
            'country = "WORLD"',
            f'language = "{lang}"',
            f'homepage = "https://{name}.example"',
            "[source.feeds]",
            f'top = "{base}/feed/{name}.xml"',
        ]
    return "\n".join(lines) + "\n"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url, timeout=60):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return json.load(response)


def wait_for_grouping(base, process, walks, within=600):
    """Waits until the background walk has read the catalog and grouped `walks` times."""
    started = time.time()
    while time.time() - started < within:
        if process.poll() is not None:
            sys.exit(f"panorama exited with {process.returncode}")
        try:
            health = get_json(f"{base}/healthz", timeout=5)
            if health.get("catalog_walks", 0) >= walks and health.get("last_grouping"):
                return
        except OSError:
            pass
        time.sleep(0.5)
    sys.exit("no grouping within the time allowed")


def archived(base):
    """Every article the server holds: Panorama id -> its link."""
    links = {}
    days = [d["day"] for d in get_json(f"{base}/api/archive")["days"]]
    for day in days:
        cursor = None
        while True:
            url = f"{base}/api/archive?day={day}&limit=100"
            if cursor:
                url += "&cursor=" + urllib.parse.quote(cursor)
            page = get_json(url)
            for a in page["articles"]:
                links[a["id"]] = a["link"]
            cursor = page.get("next_cursor")
            if not cursor:
                break
    return links


def pairs_of(groups):
    out = set()
    for members in groups:
        members = sorted(members)
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                out.add((members[x], members[y]))
    return out


def line(right, wrong, missed):
    p = right / (right + wrong) if right + wrong else 1.0
    r = right / (right + missed) if right + missed else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return (
        f"precision {p:.3f}, recall {r:.3f}, F1 {f:.3f} "
        f"({right} pairs right, {wrong} wrong, {missed} missed)"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--data", action="append", required=True)
    parser.add_argument(
        "--show-wrong",
        type=int,
        default=0,
        metavar="N",
        help="print N wrong pairs across languages with what the API says links them",
    )
    args = parser.parse_args()

    items = load(args.data)
    by_id = {item["id"]: item for item in items}
    feeds = feeds_of(items, time.time())
    server, outlets = serve(feeds)
    work = tempfile.mkdtemp(prefix="panorama-e2e-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with open(os.path.join(work, "catalog.toml"), "w", encoding="utf-8") as f:
        f.write(catalog(feeds, outlets))
    # The built site beside the binary (target/site), if there is one: only the API is read,
    # but without it the server logs that its pages' files are missing.
    site = os.path.join(os.path.dirname(os.path.abspath(args.binary)), "..", "site")
    if not os.path.isdir(site):
        site = os.path.join(work, "site")
    env = dict(
        os.environ,
        LEPTOS_SITE_ADDR=f"127.0.0.1:{port}",
        LEPTOS_SITE_ROOT=site,
        LEPTOS_OUTPUT_NAME="panorama",
        PANORAMA_SERVICE_WORKER="off",
        PANORAMA_CATALOG=os.path.join(work, "catalog.toml"),
        PANORAMA_DATABASE_URL=f"sqlite://{work}/panorama.db",
        PANORAMA_RELATED_EVERY_SECS="5",
        RUST_LOG="error",
    )
    process = subprocess.Popen([args.binary], env=env, stdout=subprocess.DEVNULL)
    try:
        started = time.time()
        # The first walk reads every feed; the second groups what the store then holds.
        wait_for_grouping(base, process, walks=2)
        print(
            f"{len(items)} articles in {len(feeds)} feeds read and grouped by the binary "
            f"in {time.time() - started:.1f} s"
        )
        links = archived(base)
        item_of = {}
        for pid, link in links.items():
            key = urllib.parse.unquote(link.rsplit("/a/", 1)[-1])
            if key in by_id:
                item_of[pid] = key
        print(f"{len(item_of)} of them in the store")

        stories, took, evidence = [], [], {}
        for pid in item_of:
            t = time.time()
            related = get_json(f"{base}/api/related?id={pid}")
            took.append(time.time() - t)
            for a in related.get("articles", []):
                if a["id"] in item_of:
                    evidence[(item_of[pid], item_of[a["id"]])] = a.get("shared", [])
            members = {item_of[pid]} | {
                item_of[a["id"]] for a in related.get("articles", []) if a["id"] in item_of
            }
            stories.append(members)
    finally:
        process.terminate()
        process.wait(timeout=30)
        server.shutdown()
        shutil.rmtree(work, ignore_errors=True)

    found = pairs_of(stories)
    labelled = [i for i in items if not i.get("distractor")]
    labels = [("by document", "story")]
    if any(i.get("event") for i in labelled):
        labels.append(("by event", "event"))
    for name, label in labels:
        story = {i["id"]: i.get(label) or i["story"] for i in labelled}
        gold = pairs_of(group_by(story).values())
        judged = {p for p in found if p[0] in story and p[1] in story}
        counts = {True: [0, 0, 0], False: [0, 0, 0]}  # across?: right, wrong, missed
        for a, b in judged:
            across = by_id[a]["lang"] != by_id[b]["lang"]
            counts[across][0 if (a, b) in gold else 1] += 1
        for a, b in gold - judged:
            counts[by_id[a]["lang"] != by_id[b]["lang"]][2] += 1
        if sum(counts[True]):
            print(f"  across languages, {name}: {line(*counts[True])}")
            if name == "by document" and args.show_wrong:
                wrong = [
                    (a, b)
                    for a, b in judged
                    if by_id[a]["lang"] != by_id[b]["lang"] and (a, b) not in gold
                ]
                for a, b in sorted(wrong)[: args.show_wrong]:
                    why = evidence.get((a, b)) or evidence.get((b, a))
                    print(f"    {by_id[a]['title'][:50]} | {by_id[b]['title'][:50]} | {why}")
        print(f"  within a language, {name}: {line(*counts[False])}")
    distractor_links = [
        (a, b)
        for a, b in found
        if by_id[a].get("distractor") != by_id[b].get("distractor")
    ]
    if any(i.get("distractor") for i in items):
        print(
            f"  distractors: {len(distractor_links)} pairs joined with a labelled article "
            f"(all wrong)"
        )
    print(f"  the largest story: {max(len(s) for s in stories)} articles")
    took.sort()
    print(
        f"  /api/related answered {len(took)} times: median {1000 * took[len(took) // 2]:.1f} ms, "
        f"95th percentile {1000 * took[int(len(took) * 0.95)]:.1f} ms"
    )


def group_by(label):
    groups = collections.defaultdict(list)
    for key, value in label.items():
        groups[value].append(key)
    return groups


if __name__ == "__main__":
    main()
