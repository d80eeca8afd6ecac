"""Cleaning quality: briefer's clean text against the annotated main text of real news pages.

    .venv/bin/python benchmarks/cleaning.py [--pages DIR] [--json]

For every ``<id>.html`` in ../shared/corpus/pages (the Zyte article-extraction benchmark, see its
README) this prints the token F1 of briefer's clean text against ``<id>.truth.txt``, the same figure
for trafilatura alone (``trafilatura.extract`` with its default settings), the time each took, and
whether page junk (comment forms, comment counts, cookie notices) is still in the text. The last
lines give the means and the junk-leak counts. Tokens are counted the way
../shared/tools/score_briefing.py counts them: ``\\w+`` on NFKC-normalised, casefolded text, as a bag
(precision and recall over token counts).

Exits 0 with a note when ../shared is absent (a fresh clone has none).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the repository; a helper's git worktree sits one level deeper, hence the second.
_SHARED = next((d / "shared" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()), ROOT.parent / "shared")
DEFAULT_PAGES = _SHARED / "corpus" / "pages"

# The same normalisation as score_briefing.py, so the figures compare with the quality benchmark.
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                         "\u2013": "-", "\u2014": "-", "\u00a0": " "})

# Junk that must not survive cleaning; each is searched for per line, case-insensitively. Written
# here independently of briefer's own rules so the benchmark does not grade briefer by its own list.
LEAKS = {
    "leave a reply": re.compile(r"^\s*leave a (reply|comment)\b", re.I | re.M),
    "comment count": re.compile(r"^\s*\d+\s+(comments?|responses?|replies)\s*$", re.I | re.M),
    "cookie line": re.compile(r"^.*\b(uses? cookies|cookie (policy|settings|preferences)|accept (all )?cookies)\b.*$",
                              re.I | re.M),
    "email prompt": re.compile(r"your email address will not be published", re.I),
}


def tokens(text: str) -> Counter[str]:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return Counter(re.findall(r"\w+", text))


def prf(got: str, truth: str) -> tuple[float, float, float]:
    """Return bag-of-tokens precision, recall and F1 of ``got`` against ``truth``."""
    g, t = tokens(got), tokens(truth)
    common = sum((g & t).values())
    if not common:
        return 0.0, 0.0, 0.0
    p, r = common / sum(g.values()), common / sum(t.values())
    return p, r, 2 * p * r / (p + r)


def leaks(text: str) -> list[str]:
    return [name for name, rx in LEAKS.items() if rx.search(text)]


def briefer_text(path: Path) -> tuple[str, str | None]:
    from briefer.cleaning import clean
    from briefer.sources import Input, read_article

    doc = clean(read_article(Input(str(path), path)))
    return doc.text, doc.title


def trafilatura_text(path: Path) -> str:
    import trafilatura

    return trafilatura.extract(path.read_text(encoding="utf-8")) or ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    ap.add_argument("--json", action="store_true", help="print one JSON object per page, then the means")
    args = ap.parse_args(argv)
    if not args.pages.is_dir():
        print(f"skipped: {args.pages} is absent (the shared corpus is not part of a fresh clone)")
        return 0
    pages = sorted(args.pages.glob("*.html"))
    import trafilatura  # noqa: F401  (imported once up front so its import time is not charged to page 1)

    import briefer.cleaning  # noqa: F401

    rows = []
    for page in pages:
        truth = page.with_name(page.name.removesuffix(".html") + ".truth.txt").read_text(encoding="utf-8")
        t0 = time.perf_counter()
        try:
            ours, title = briefer_text(page)
        except Exception as exc:  # a page briefer cannot clean scores zero, and the row says why
            ours, title = "", f"ERROR {type(exc).__name__}: {exc}"
        t1 = time.perf_counter()
        theirs = trafilatura_text(page)
        t2 = time.perf_counter()
        p, r, f = prf(ours, truth)
        tp, tr, tf = prf(theirs, truth)
        rows.append({
            "id": page.stem, "f1": f, "precision": p, "recall": r, "ms": 1000 * (t1 - t0),
            "traf_f1": tf, "traf_precision": tp, "traf_recall": tr, "traf_ms": 1000 * (t2 - t1),
            "leaks": leaks(ours), "traf_leaks": leaks(theirs), "title": title,
        })

    n = len(rows)
    mean = {k: sum(r[k] for r in rows) / max(1, n)
            for k in ("f1", "precision", "recall", "ms", "traf_f1", "traf_precision", "traf_recall", "traf_ms")}
    leak_pages = sum(1 for r in rows if r["leaks"])
    traf_leak_pages = sum(1 for r in rows if r["traf_leaks"])
    if args.json:
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
        print(json.dumps({"pages": n, "mean": mean, "leak_pages": leak_pages, "traf_leak_pages": traf_leak_pages}))
        return 0

    print(f"cleaning benchmark: {n} pages from {args.pages}")
    print(f"{'page':18} {'briefer F1':>10} {'P':>6} {'R':>6} {'ms':>6}   {'trafilatura F1':>14} {'P':>6} {'R':>6} {'ms':>6}  leaks")
    for r in rows:
        mark = "+" if r["f1"] > r["traf_f1"] + 1e-9 else ("-" if r["f1"] < r["traf_f1"] - 1e-9 else " ")
        leak = ",".join(r["leaks"]) or "-"
        print(f"{r['id']:18} {r['f1']:10.3f} {r['precision']:6.3f} {r['recall']:6.3f} {r['ms']:6.0f}   "
              f"{r['traf_f1']:14.3f} {r['traf_precision']:6.3f} {r['traf_recall']:6.3f} {r['traf_ms']:6.0f} {mark} {leak}")
    print(f"{'MEAN':18} {mean['f1']:10.3f} {mean['precision']:6.3f} {mean['recall']:6.3f} {mean['ms']:6.0f}   "
          f"{mean['traf_f1']:14.3f} {mean['traf_precision']:6.3f} {mean['traf_recall']:6.3f} {mean['traf_ms']:6.0f}")
    better = sum(1 for r in rows if r["f1"] > r["traf_f1"] + 1e-9)
    worse = sum(1 for r in rows if r["f1"] < r["traf_f1"] - 1e-9)
    print(f"briefer better on {better} pages, worse on {worse}, equal on {n - better - worse}")
    print(f"pages with junk left after cleaning: briefer {leak_pages}/{n}, trafilatura {traf_leak_pages}/{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
