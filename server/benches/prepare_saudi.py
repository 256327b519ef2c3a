#!/usr/bin/env python3
"""Real Arabic news of one day, for the related_wmt benchmark: what Arabic does to the links.

The WMT set (prepare_wmt.py) has no Arabic, and Arabic is where the grouping is weakest: the
script has no capitals, so every ordinary Arabic word is a possible name by its consonants,
and may meet a Latin name by chance. These articles report Saudi and Arab news of
7 August 2015, five years before any WMT story: every link the grouping makes between one of
them and an article in another language of the WMT set is wrong. The benchmark counts those,
and prints the Arabic stories the grouping makes among them (unlabelled: read by their
headlines).

Source: SaudiNewsNet (M. Alhagri, 2015), GitHub repository parallelfold/SaudiNewsNet, commit
4e39239 (file dataset/2015-08-07.zip: 1,473 articles of ten Saudi newspapers). Licence:
CC BY-NC-SA 4.0, "shared for the sole purpose of aiding open scientific research"; the
articles belong to their newspapers. Read from a checkout, never copied into Panorama.

    python3 server/benches/prepare_saudi.py --repo path/to/SaudiNewsNet \\
        --out target/related-saudinews.jsonl

Writes one JSON object per line, as prepare_wmt.py: id, lang ("ar"), title, text (about the
first 1,000 characters), source (the newspaper), story (the article's own id: no labels),
distractor (true). Python standard library only.
"""

import argparse
import io
import json
import subprocess
import zipfile

DAY = "2015-08-07"
TEXT_CHARS = 1000
MIN_CHARS = 200


def cut(text):
    """About the first TEXT_CHARS characters, ending at a word."""
    text = " ".join(text.split())
    if len(text) <= TEXT_CHARS:
        return text
    return text[:TEXT_CHARS].rsplit(" ", 1)[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repo", required=True, help="a checkout (or git dir) of SaudiNewsNet")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    raw = subprocess.run(
        ["git", "-C", args.repo, "show", f"HEAD:dataset/{DAY}.zip"],
        check=True,
        capture_output=True,
    ).stdout
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        articles = json.loads(z.read(f"{DAY}.json").decode("utf-8"))
    seen = set()
    written = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for n, a in enumerate(articles):
            title = " ".join(a.get("title", "").split())
            text = a.get("content", "")
            # Articles without a headline or with hardly any text, and a second copy of one
            # headline, are left out: a feed would not show them either.
            if not title or len(text.strip()) < MIN_CHARS or title in seen:
                continue
            seen.add(title)
            ident = f"saudinewsnet-{DAY}-{n}"
            record = {
                "id": ident,
                "lang": "ar",
                "title": title,
                "text": cut(text),
                "source": a.get("source") or None,
                "story": ident,
                "distractor": True,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    print(f"{written} articles of {len(articles)} written to {args.out}")


if __name__ == "__main__":
    main()
