#!/usr/bin/env python3
"""Turns a corpus written by ../shared/bench/gen_corpus.py (plain layout) into a hakusho site.

The Markdown bodies are left exactly as generated, so hakusho renders the same text as the Hugo and Zola
flavours. What hakusho's format needs is added around them: site.yaml, one chapter holding every case,
a cover, sources.yaml, taxonomies.yaml (the generator's prefectures and fields), and each case's facts
moved from the front matter into data.yaml (region, prefecture and fields become taxonomy keys).

usage: prepare.py CORPUS_DIR GEN_CORPUS_PY
"""

import importlib.util
import os
import sys


def load_generator(path):
    spec = importlib.util.spec_from_file_location("gen_corpus", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def split(text):
    assert text.startswith("---\n")
    end = text.index("\n---\n", 4)
    return text[4:end], text[end + 5:]


def field(front, key):
    for line in front.splitlines():
        if line.startswith(key + ":"):
            return line[len(key) + 1:].strip()
    return None


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    root, gen_path = sys.argv[1], sys.argv[2]
    gen = load_generator(gen_path)
    pref_key = {}
    for ja, en, _region in gen.PREFECTURES:
        key = en.lower().replace(" ", "-")
        pref_key[ja] = key
        pref_key[en] = key
    field_key = {}
    for key, ja, en in gen.FIELDS:
        field_key[ja] = key
        field_key[en] = key
    content = os.path.join(root, "content")
    with open(os.path.join(content, "site.yaml"), "w") as f:
        f.write("title: {ja: 合成ベンチマーク報告書, en: Synthetic benchmark report}\n"
                "publisher: {ja: ベンチマーク, en: Benchmark}\n"
                "base_url: https://example.org/bench/\n"
                "chapters: [cases]\n")
    with open(os.path.join(content, "sources.yaml"), "w") as f:
        f.write("corpus:\n  title: {ja: 合成コーパス, en: Synthetic corpus}\n"
                "  issuer: {ja: gen_corpus.py, en: gen_corpus.py}\n  year: 2026\n")
    with open(os.path.join(content, "taxonomies.yaml"), "w") as f:
        f.write("regions:\n")
        for ja, en, _r in gen.PREFECTURES:
            f.write(f"  {pref_key[ja]}: {{ja: {ja}, en: {en}}}\n")
        f.write("fields:\n")
        for key, ja, en in gen.FIELDS:
            f.write(f"  {key}: {{ja: {q(ja)}, en: {q(en)}}}\n")
    for lang, title, summary in [("ja", "合成ベンチマーク報告書", "ベンチマーク用の合成コーパスである。"),
                                 ("en", "Synthetic benchmark report", "A synthetic corpus for benchmarks.")]:
        with open(os.path.join(content, f"index.{lang}.md"), "w") as f:
            f.write(f"---\ntitle: {title}\nsummary: {summary}\n---\n{summary}\n")
        os.makedirs(os.path.join(content, "chapters", "cases"), exist_ok=True)
        with open(os.path.join(content, "chapters", "cases", f"index.{lang}.md"), "w") as f:
            f.write(f"---\ntitle: {'事例' if lang == 'ja' else 'Cases'}\nsummary: {summary}\n---\n{summary}\n")
    cases = os.path.join(content, "cases")
    for slug in sorted(os.listdir(cases)):
        folder = os.path.join(cases, slug)
        facts = None
        for lang in ("ja", "en"):
            path = os.path.join(folder, f"index.{lang}.md")
            with open(path, encoding="utf-8") as f:
                front, body = split(f.read())
            if facts is None:
                prefecture = field(front, "prefecture").strip('"')
                fields = [x.strip().strip('"') for x in field(front, "fields").strip("[]").split(",") if x.strip()]
                facts = (pref_key[prefecture], [field_key[x] for x in fields])
            keep = [f"{k}: {field(front, k)}" for k in ("title", "summary", "date")]
            with open(path, "w", encoding="utf-8") as f:
                f.write("---\n" + "\n".join(keep) + "\n---\n" + body)
        with open(os.path.join(folder, "data.yaml"), "w") as f:
            f.write(f"chapter: cases\nregions: [{facts[0]}]\nfields: [{', '.join(facts[1])}]\nsources: [corpus]\n")


if __name__ == "__main__":
    main()
