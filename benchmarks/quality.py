"""Quality of the extractive backend on ../shared/dev-gold, scored by ../shared/tools/score_briefing.py.

    python benchmarks/quality.py [--gold DIR | --set a|b|c|d|e|extra] [--keep DIR] [--json]

``--set`` scores our own gold briefings in benchmarks/gold/ instead (see its README): corpus
articles outside dev-gold, annotated without seeing briefer's output, a check that a rule fitted to
dev-gold does not fail elsewhere. Their articles are read from ../shared/corpus.

Briefs every dev-gold article through the library (``briefer.brief(path)``), writes each briefing's
JSON to a temporary folder, runs the shared scorer on it and prints the macro figures, then one row
per article. Skips with a message when ../shared is not there (a fresh clone has none).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def find_shared() -> Path:
    """Return ../shared as seen from the repository, or from the folder that holds a worktree."""
    for parent in ROOT.parents:
        if (parent / "shared" / "dev-gold").is_dir():
            return parent / "shared"
    return ROOT.parent / "shared"


SHARED = find_shared()
COLUMNS = [
    ("actors_required_recall", "act_rec"),
    ("actors_precision", "act_prec"),
    ("positions_f1", "pos_f1"),
    ("outcomes_f1", "out_f1"),
    ("open_questions_f1", "oq_f1"),
    ("evidence_valid", "ev_ok"),
    ("title_ok", "title"),
    ("forbidden_leaks", "leaks"),
]
TARGETS = {
    "actors_required_recall": 0.95,
    "actors_precision": 0.85,
    "positions_f1": 0.75,
    "outcomes_f1": 0.60,
    "open_questions_f1": 0.65,
    "evidence_valid": 1.0,
}


OWN_GOLD = ROOT / "benchmarks" / "gold"


def assemble(sets: list[str], into: Path) -> Path:
    """Return a folder holding the gold briefings of ``sets`` beside their corpus articles."""
    corpus = SHARED / "corpus"
    for name in sets:
        for g in sorted((OWN_GOLD / name).glob("*.gold.json")):
            gid = g.name[: -len(".gold.json")]
            article = next((p for p in (corpus / "summaries" / f"{gid}.txt", corpus / "pages" / f"{gid}.html") if p.exists()), None)
            if article is not None:
                (into / g.name).write_bytes(g.read_bytes())
                (into / article.name).write_bytes(article.read_bytes())
    return into


def brief_all(gold: Path, out: Path) -> None:
    import briefer

    settings = briefer.load_settings({"backend": "extractive"}, env={})
    for g in sorted(gold.glob("*.gold.json")):
        gid = g.name[: -len(".gold.json")]
        article = next((p for ext in ("txt", "md", "html") if (p := gold / f"{gid}.{ext}").exists()), None)
        if article is None:
            continue
        try:
            briefing = briefer.brief(article, settings=settings)
        except briefer.BrieferError as exc:  # the scorer counts an article with no output as failed
            print(f"briefer: error: {exc}", file=sys.stderr)
            continue
        (out / f"{gid}.json").write_text(briefing.model_dump_json(indent=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "dev-gold")
    ap.add_argument("--set", choices=["a", "b", "c", "d", "e", "extra"], help="score benchmarks/gold/<set> (extra: all five)")
    ap.add_argument("--keep", type=Path, help="write the briefings here instead of a temporary folder")
    ap.add_argument("--json", action="store_true", help="print the scorer's whole JSON report")
    args = ap.parse_args(argv)
    scorer = SHARED / "tools" / "score_briefing.py"
    source = (SHARED / "corpus") if args.set else args.gold
    if not source.is_dir() or not scorer.exists():
        print(f"skipped: {source} or {scorer} not found (they live in ../shared)")
        return 0

    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as gold_tmp:
        gold = assemble(["a", "b", "c", "d", "e"] if args.set == "extra" else [args.set], Path(gold_tmp)) if args.set else args.gold
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        brief_all(gold, out)
        cmd = [sys.executable, str(scorer), "--dir", str(gold), "--outputs", str(out)]
        report = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    if args.json:
        print(json.dumps(report, indent=1))
        return 0

    macro = report["macro"]
    label = f"benchmarks/gold/{args.set}" if args.set else args.gold.name
    print(f"{label}: {macro['articles']} articles, failed: {macro['failed'] or 'none'}")
    print("macro:")
    for key, _ in COLUMNS:
        target = TARGETS.get(key)
        mark = "" if target is None else ("  ok" if macro[key] >= target else f"  below target {target}")
        if key == "forbidden_leaks":
            mark = "  ok" if macro[key] == 0 else "  must be 0"
        print(f"  {key:24} {macro[key]:6}{mark}")
    for key in ("positions", "outcomes", "open_questions"):
        print(f"  {key + ' P/R':24} {macro[key + '_precision']:.3f} / {macro[key + '_recall']:.3f}")
    print()
    print(f"{'article':22}" + "".join(f"{short:>9}" for _, short in COLUMNS))
    for gid, row in report["articles"].items():
        if not row or "error" in row:
            print(f"{gid:22} failed: {(row or {}).get('error', 'no output')}")
            continue
        cells = "".join(f"{row[k]:>9.2f}" if isinstance(row.get(k), float) else f"{row.get(k, '-')!s:>9}" for k, _ in COLUMNS)
        print(f"{gid:22}{cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
