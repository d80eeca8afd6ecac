"""Write the extractive briefing of every article we have, one JSON line each.

Made to compare two versions of the code: a speed-up must leave every line the same.

    python scripts/snapshot_briefings.py OUT.jsonl [--variants]

    git stash && python scripts/snapshot_briefings.py /tmp/before.jsonl --variants && git stash pop
    python scripts/snapshot_briefings.py /tmp/after.jsonl --variants && cmp /tmp/before.jsonl /tmp/after.jsonl

The articles are those of ../shared (corpus summaries and pages, dev-gold, seeds) and the test
data. ``--variants`` adds odd copies of the plain-text ones, briefed with the default and with
200-token chunks: upper, lower and title case, paragraphs and sentences shuffled, curly quotes,
stops dropped, words dropped, and Unicode look-alikes (KELVIN SIGN for "k", LONG S for "s") that
lower() and case-insensitive patterns treat differently. Time stamps are left out.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import briefer  # noqa: E402
from briefer.rendering import render_json  # noqa: E402
from briefer.sources import article_from_bytes  # noqa: E402

SHARED = ROOT.parent / "shared"
ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}


def articles() -> list[Path]:
    """Return every article file we have, in a fixed order (reference summaries and page truths left out)."""
    folders = [SHARED / "corpus" / "summaries", SHARED / "corpus" / "pages", SHARED / "dev-gold", SHARED / "seeds", ROOT / "tests" / "data"]
    found = []
    for folder in folders:
        if folder.is_dir():
            found += [
                p for p in sorted(folder.iterdir())
                if p.suffix in ARTICLE_SUFFIXES and not p.name.endswith((".ref.txt", ".truth.txt"))
            ]
    return found


def variants(text: str, seed: int) -> Iterator[tuple[str, str]]:
    """Yield (name, text) for the odd copies of one article."""
    r = random.Random(seed)
    paragraphs = text.split("\n\n")
    r.shuffle(paragraphs)
    sentences = re.split(r"(?<=[.!?\"])\s+", text)
    r.shuffle(sentences)
    yield "upper", text.upper()
    yield "lower", text.lower()
    yield "title", text.title()
    yield "paragraphs-shuffled", "\n\n".join(paragraphs)
    yield "sentences-shuffled", " ".join(sentences)
    yield "curly", text.replace('"', "\u201c").replace("'", "\u2019")
    yield "no-stops", text.replace(". ", " ")
    yield "words-dropped", " ".join(w for w in text.split(" ") if r.random() > 0.1)
    yield "look-alikes", text.replace("k", "\u212a").replace("I", "\u0130").replace("s", "\u017f")


def briefing_line(article: briefer.Article | Path, settings, backend) -> str:
    try:
        data = json.loads(render_json([briefer.brief(article, settings=settings, backend=backend)]))
    except briefer.BrieferError as exc:
        return json.dumps({"error": str(exc)})
    data.pop("generated_at", None)
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="the JSON-lines file to write")
    ap.add_argument("--variants", action="store_true", help="add odd copies of the plain-text articles")
    args = ap.parse_args(argv)
    settings = briefer.load_settings({"backend": "extractive"}, env={})
    small = briefer.load_settings({"backend": "extractive", "max_chunk_tokens": 200}, env={})
    backend = briefer.load_backend("extractive", settings=settings)
    with args.out.open("w", encoding="utf-8") as out:
        for i, path in enumerate(articles()):
            label = f"{path.parent.name}/{path.name}"
            out.write(f"{label}\t{briefing_line(path, settings, backend)}\n")
            if args.variants and path.suffix in (".txt", ".md"):
                fmt = "markdown" if path.suffix == ".md" else "text"
                for name, text in variants(path.read_text(encoding="utf-8"), i):
                    for st in (settings, small):
                        try:
                            article = article_from_bytes(text.encode("utf-8"), name=path.name, format=fmt)
                            line = briefing_line(article, st, backend)
                        except briefer.BrieferError as exc:
                            line = json.dumps({"error": str(exc)})
                        out.write(f"{label}\t{name}/{st.max_chunk_tokens}\t{line}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
