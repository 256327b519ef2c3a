#!/usr/bin/env python3
"""Real news in several languages with same-story labels, for the related_real benchmark.

No multilingual set of independently written reports with story labels can be downloaded here
(see ../shared/related-dev/README.md). What can: the WMT news translation test sets, real news
articles from many outlets, each translated by professionals into other languages, with their
document ids. One document in every language it is given in is one story; every other
document is another (the sets hold news of the same weeks, so names like Biden or COVID run
through many of them). Translations keep every name and number, so recall here is an upper
bound of what independent reports would give; precision across languages (not joining two
stories that share names) is what this set measures well.

Sources (GitHub repositories of the WMT organisers; test data for research and evaluation,
the texts their outlets' and translators'; read from checkouts, never copied into Panorama):
  wmt-conference/wmt21-news-systems  commit f41750dadbf2ba6ab01ca5380347d253298a3427
    newstest2021 en-ja (English documents, with ids), en-de and en-zh (their German and
    Chinese references, line-aligned with the same English lines), de-fr (German documents
    with French references), fr-de (French documents with German references)
  wmt-conference/wmt24-news-systems  commit bfa937ee53586aa173d68657b89b8642693f7b66
    the news domain of the English source (17 documents) with its German, Chinese and Hindi
    references

    python3 server/benches/prepare_wmt.py --wmt21 path/to/wmt21-news-systems \\
        --wmt24 path/to/wmt24-news-systems --out target/related-wmt.jsonl

Writes one JSON object per line, as ../shared/related-dev/articles.jsonl: id, lang, title
(the document's first segment, its headline), text (the segments after it, about the first
1,000 characters), source (the outlet, from the document id, with the language of a
translation: a translation is another outlet's article), story (the set and document id),
event (the story, or the first of the documents read as reporting the same event: SAME_EVENT).
Python standard library only; run it from the repository's root.
"""

import argparse
import json
import subprocess
import xml.etree.ElementTree as ET
from collections import OrderedDict

TEXT_CHARS = 1000

# Documents of newstest2021 that report one event, as read by a Panorama developer (headlines,
# openings and the names they share; not WMT's labels): outlets' reports of the same
# announcement, hearing, interview or market close. Written out as each article's "event"; the
# benchmark prints its figures by document ("story") and by event. Only pairs the grouping had
# joined were read, so this raises precision, never recall: the strict figure stays the first.
SAME_EVENT = [
    ("lemondefr.109983", "journalmetro.com.42771", "Morneau repays WE Charity travel costs"),
    ("nouvelobs.com.133503", "latribune.fr.61430", "the GAFA chiefs' hearing in Congress"),
    ("nouvelobs.com.133625", "lefigaro.198491", "the 630 million aeronautics fund"),
    ("sz.151402", "abendzeitung-muenchen.de.275234", "the eavesdropping affair at VW"),
    ("salzburg.com.306596", "faz.79602", "Weidmann's interview with the Funke papers"),
    ("guardian.306602", "faz.79579", "North Korea's emergency and Kaesong lockdown"),
    ("bbc.500823", "standard.co.uk.57834", "the quarantine for travellers from Spain"),
    ("rt.com.131263", "faz.79612", "HSBC's statement on Huawei"),
    ("lefigaro.197697", "lefigaro.197546", "Ajroudi's bid for OM: Tapie, McCourt"),
    ("nouvelobs.com.133448", "nouvelobs.com.133451", "Wall Street's close on 24 July 2020"),
    ("latribune.fr.61456", "croix.158732", "the Holroyd report on green finance"),
]


def show(repo, path):
    """A file of a checkout (a work tree or a bare repository) at HEAD."""
    return subprocess.run(
        ["git", "-C", repo, "show", f"HEAD:{path}"],
        check=True,
        capture_output=True,
    ).stdout.decode("utf-8")


def lines(repo, path):
    return show(repo, path).rstrip("\n").split("\n")


def article(story, lang, outlet, segments, translated):
    segments = [s.strip() for s in segments if s.strip()]
    title, body = segments[0], ""
    for seg in segments[1:]:
        if len(body) >= TEXT_CHARS:
            break
        body = f"{body} {seg}".strip()
    return {
        "id": f"{story}/{lang}",
        "lang": lang,
        "title": title,
        "text": body,
        "source": f"{outlet} ({lang})" if translated else outlet,
        "story": story,
    }


def outlet_of(doc_id):
    # "salzburg.com.306606" -> "salzburg.com"; "test-en-news_scotsman.87445" -> "scotsman"
    doc_id = doc_id.removeprefix("test-en-news_")
    return doc_id.rsplit(".", 1)[0]


def xml_docs(text, src_lang, ref_lang):
    """(id, source segments, reference segments) of each document of a WMT21 XML file."""
    for doc in ET.fromstring(text).iter("doc"):
        src = [s.text or "" for s in doc.find(f"src[@lang='{src_lang}']").iter("seg")]
        refs = doc.findall(f"ref[@lang='{ref_lang}']")
        ref = [s.text or "" for s in refs[0].iter("seg")] if refs else []
        yield doc.get("id"), src, ref


def wmt21(repo):
    out = []
    # English documents: ids from en-ja; their German and Chinese references by line, as
    # en-de and en-zh give them for the same English lines (a few lines of en-de, in documents
    # en-ja lacks, are left out).
    doc_of_line = {}
    english = OrderedDict()
    for doc_id, src, _ in xml_docs(show(repo, "xml/newstest2021.en-ja.all.xml"), "en", "ja"):
        english[doc_id] = src
        for seg in src:
            doc_of_line.setdefault(seg.strip(), doc_id)
    for doc_id, src in english.items():
        out.append(article(f"wmt21:{doc_id}", "en", outlet_of(doc_id), src, False))
    for lang in ["de", "zh"]:
        src = lines(repo, f"txt/sources/newstest2021.en-{lang}.src.en")
        ref = lines(repo, f"txt/references/newstest2021.en-{lang}.ref.A.{lang}")
        assert len(src) == len(ref), lang
        by_doc = OrderedDict((d, []) for d in english)
        for s, r in zip(src, ref):
            doc_id = doc_of_line.get(s.strip())
            if doc_id:
                by_doc[doc_id].append(r)
        for doc_id, segs in by_doc.items():
            if segs:
                out.append(article(f"wmt21:{doc_id}", lang, outlet_of(doc_id), segs, True))
    # German documents with French references, French documents with German ones.
    for src_lang, ref_lang in [("de", "fr"), ("fr", "de")]:
        text = show(repo, f"xml/newstest2021.{src_lang}-{ref_lang}.all.xml")
        for doc_id, src, ref in xml_docs(text, src_lang, ref_lang):
            story = f"wmt21:{doc_id}"
            out.append(article(story, src_lang, outlet_of(doc_id), src, False))
            if ref:
                out.append(article(story, ref_lang, outlet_of(doc_id), ref, True))
    return out


def wmt24(repo):
    out = []
    src = lines(repo, "txt/sources/en-de.txt")
    docs = [line.split("\t") for line in lines(repo, "txt/documents/en-de.docs")]
    assert len(src) == len(docs)
    by_lang = {"en": src}
    for lang in ["de", "zh", "hi"]:
        ref = lines(repo, f"txt/references/en-{lang}.refA.txt")
        assert len(ref) == len(src), lang
        by_lang[lang] = ref
    for lang, texts in by_lang.items():
        by_doc = OrderedDict()
        for (domain, doc_id), seg in zip(docs, texts):
            if domain == "news":
                by_doc.setdefault(doc_id, []).append(seg)
        for doc_id, segs in by_doc.items():
            out.append(
                article(f"wmt24:{doc_id}", lang, outlet_of(doc_id), segs, lang != "en")
            )
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wmt21", required=True)
    parser.add_argument("--wmt24", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    articles = wmt21(args.wmt21) + wmt24(args.wmt24)
    event = {}
    for a, b, _ in SAME_EVENT:
        event[f"wmt21:{b}"] = event.get(f"wmt21:{a}", f"wmt21:{a}")
    for a in articles:
        a["event"] = event.get(a["story"], a["story"])
    with open(args.out, "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    counts = {}
    for a in articles:
        counts[a["lang"]] = counts.get(a["lang"], 0) + 1
    stories = len({a["story"] for a in articles})
    print(f"{len(articles)} articles, {stories} stories: {counts}")


if __name__ == "__main__":
    main()
