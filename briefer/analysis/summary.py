"""Sentences → the summary: the most central sentences near the top, in the article's order.

Centrality is the graph view of LexRank/TextRank: a sentence that shares many content words with
the rest of the article stands for it. News puts the essentials first, so a sentence's position
weighs in as well: the score is centrality times a prior that decays with position.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from .units import Unit

_WORD = re.compile(r"[a-z0-9]+(?:['\u2019][a-z]+)?")
_STOP = frozenset(
    """
    a an the and or but if then than that this these those there here of to in on at by for with from
    as is was were be been being are am has have had do does did will would could should may might can
    it its he she they them his her their him we our us you your i me my who whom which what when where
    why how not no so also just about into over after before up out said says say told according mr mrs
    ms dr one two more most some any all such only very much many own other new""".split()
)


# How fast the position prior falls: the k-th sentence weighs 1 / (1 + k * POSITION_DECAY).
# Measured on ../shared/corpus/summaries (benchmarks/summary.py): news leads carry the story, and
# centrality decides among the first few sentences rather than pulling one from the end.
POSITION_DECAY = 1.0


def rank(units: list[Unit], n: int, max_words: int = 75) -> list[Unit]:
    """Return the units of the summary in article order: about ``n`` sentences, ``max_words`` words."""
    pool = [u for u in units if not u.caption and u.has_words(5)]
    if n <= 0 or not pool:
        return []
    scores = centrality(pool)
    ranked = sorted(range(len(pool)), key=lambda i: (-scores[i], i))
    chosen: list[int] = []
    words = 0
    for i in ranked:
        if len(chosen) >= n:
            break
        w = pool[i].words
        if chosen and words + w > max_words * 1.2:
            continue
        chosen.append(i)
        words += w
    return [pool[i] for i in sorted(chosen)]


def centrality(units: list[Unit]) -> list[float]:
    """Return each unit's score: similarity to the whole article times a position prior."""
    bags = [Counter([w for w in _WORD.findall(u.text.lower()) if w not in _STOP]) for u in units]
    df: Counter[str] = Counter()
    for b in bags:
        df.update(b.keys())
    n = len(units)
    idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
    # The summed cosine of a sentence with all the others is its cosine with the sum of all the
    # unit vectors, less its own: one pass instead of n squared.
    units_v = []
    for b in bags:
        vec = {w: c * idf[w] for w, c in b.items()}
        norm = math.sqrt(sum([v * v for v in vec.values()]))
        units_v.append({w: v / norm for w, v in vec.items()} if norm else {})
    centroid: dict[str, float] = {}
    for uv in units_v:  # a plain loop: Counter.update() with a mapping is a slower Python loop
        for w, x in uv.items():
            centroid[w] = x + centroid.get(w, 0)
    scores = []
    for i, uv in enumerate(units_v):
        sim = sum([x * centroid[w] for w, x in uv.items()]) - (1.0 if uv else 0.0)
        prior = 1.0 / (1.0 + POSITION_DECAY * i)
        scores.append((sim / max(1, n - 1)) * prior)
    return scores
