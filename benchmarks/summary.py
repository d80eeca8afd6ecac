"""ROUGE of briefer's summary against the human reference summaries of ../shared/corpus/summaries.

    python benchmarks/summary.py [--dir DIR] [--summary-sentences N] [--per-article]

For every ``<id>.txt`` with an ``<id>.ref.txt`` beside it: briefer's ``summary`` (the extractive
backend through the library), Lead-3 (the first three sentences), and sumy's LexRank and TextRank
with three sentences each, all scored with ``rouge-score`` (ROUGE-1, ROUGE-2, ROUGE-Lsum F1, Porter
stemming). Every method reads the same cleaned text cut by the same sentence splitter, briefer's:
sumy's own needs NLTK data that cannot be downloaded here, so its documents are built from the
pre-split sentences. Needs the ``bench`` extra (rouge-score, sumy).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def find_shared() -> Path:
    """Return ../shared as seen from the repository, or from the folder that holds a worktree."""
    for parent in ROOT.parents:
        if (parent / "shared" / "corpus").is_dir():
            return parent / "shared"
    return ROOT.parent / "shared"


class _Words:
    """The word tokenizer sumy's document model asks for, without NLTK data."""

    _word = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)?")

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(self._word.findall(sentence))

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:  # pragma: no cover - never asked for
        from briefer.sentences import split_sentences

        return tuple(s.text for s in split_sentences(paragraph))


def sumy_summary(sentences: list[str], method: str, n: int) -> list[str]:
    """Return sumy's ``method`` summary of pre-split sentences, in document order."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    words = _Words()
    document = ObjectDocumentModel([Paragraph([Sentence(s, words) for s in sentences])])
    summarizer = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer}[method](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return [str(s) for s in summarizer(document, n)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=find_shared() / "corpus" / "summaries")
    ap.add_argument("--summary-sentences", type=int, default=3)
    ap.add_argument("--per-article", action="store_true", help="print one row per article too")
    args = ap.parse_args(argv)
    if not args.dir.is_dir():
        print(f"skipped: {args.dir} not found (the corpus lives in ../shared)")
        return 0
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        print("needs the bench extra: pip install -e '.[bench]'", file=sys.stderr)
        return 2

    import briefer
    from briefer.cleaning import clean
    from briefer.sentences import split_sentences
    from briefer.sources import Input, read_article

    settings = briefer.load_settings({"backend": "extractive", "summary_sentences": args.summary_sentences}, env={})
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    methods = ["briefer", "lead3", "lexrank", "textrank"]
    scores: dict[str, dict[str, list[float]]] = {m: {"rouge1": [], "rouge2": [], "rougeLsum": [], "words": []} for m in methods}
    failed: list[str] = []
    articles = sorted(p for p in args.dir.glob("*.txt") if not p.name.endswith(".ref.txt"))
    for path in articles:
        ref_path = path.with_name(path.stem + ".ref.txt")
        if not ref_path.exists():
            continue
        reference = ref_path.read_text(encoding="utf-8").strip()
        try:
            document = clean(read_article(Input(str(path), path)))
            summary = briefer.brief(path, settings=settings).summary
        except briefer.BrieferError as exc:
            failed.append(f"{path.stem}: {exc}")
            document, summary = None, ""
        sentences = [s.text for s in split_sentences(document.text)] if document else []
        outputs = {
            "briefer": [s.text for s in split_sentences(summary)],
            "lead3": sentences[:3],
            "lexrank": sumy_summary(sentences, "lexrank", 3) if sentences else [],
            "textrank": sumy_summary(sentences, "textrank", 3) if sentences else [],
        }
        row = []
        for m in methods:
            prediction = "\n".join(outputs[m])
            s = scorer.score(reference, prediction)
            for key in ("rouge1", "rouge2", "rougeLsum"):
                scores[m][key].append(100 * s[key].fmeasure)
            scores[m]["words"].append(len(prediction.split()))
            row.append(f"{100 * s['rouge1'].fmeasure:5.1f}/{100 * s['rouge2'].fmeasure:4.1f}")
        if args.per_article:
            print(f"{path.stem:20} " + "  ".join(f"{m}={r}" for m, r in zip(methods, row)))

    n = len(scores["briefer"]["rouge1"])
    print(f"{n} articles with reference summaries in {args.dir}; ROUGE F1 x100, stemmed; mean words per summary")
    print(f"{'method':10} {'R1':>6} {'R2':>6} {'RLsum':>6} {'words':>6}")
    for m in methods:
        mean = {k: statistics.fmean(v) if v else 0.0 for k, v in scores[m].items()}
        print(f"{m:10} {mean['rouge1']:6.2f} {mean['rouge2']:6.2f} {mean['rougeLsum']:6.2f} {mean['words']:6.1f}")
    b, lead = scores["briefer"], scores["lead3"]
    if n:
        d1 = statistics.fmean(b["rouge1"]) - statistics.fmean(lead["rouge1"])
        d2 = statistics.fmean(b["rouge2"]) - statistics.fmean(lead["rouge2"])
        print(f"briefer - lead3: R1 {d1:+.2f}, R2 {d2:+.2f} (target: +1.00 on both)")
    for f in failed:
        print(f"briefer failed on {f} (scored as an empty summary)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
