"""Sentences → the summary: the most central sentences near the top, in the article's order.

Centrality is the graph view of LexRank/TextRank: a sentence that shares many content words with
the rest of the article stands for it. News puts the essentials first, so a sentence's position
weighs in as well: the score is centrality times a prior that decays with position.
"""

from __future__ import annotations

import math
import re
from collections import _count_elements  # Counter's own counting loop, in C
from itertools import filterfalse, repeat
from operator import mul, truediv

from .tokens import findall_in_runs
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
    bags = [_bag(u.text.lower()) for u in units]
    df: dict[str, int] = {}
    for b in bags:
        _count_elements(df, b)  # each word once per sentence
    n = len(units)
    # Each weight depends on the count alone, and counts are few (most words occur once or twice):
    # one log per distinct count, then the mapping built in C, with the same floats.
    weight = {c: math.log((n + 1) / (c + 0.5)) for c in set(df.values())}
    idf = dict(zip(df, map(weight.__getitem__, df.values())))
    # The summed cosine of a sentence with all the others is its cosine with the sum of all the
    # unit vectors, less its own: one pass instead of n squared.
    # Each unit vector is kept as its words and their weights, side by side, so that the products
    # and sums run in map() and sum() rather than in Python loops; every product and every sum is
    # taken in the same order as word by word, so the scores are the same to the last bit.
    units_v: list[tuple[list[str], list[float]]] = []
    for b in bags:
        words = list(b)
        vec = list(map(mul, b.values(), map(idf.__getitem__, words)))
        norm = math.sqrt(sum(map(mul, vec, vec)))
        units_v.append((words, list(map(truediv, vec, repeat(norm))) if norm else []))
    centroid: dict[str, float] = {}
    get = centroid.get
    for words, weights in units_v:  # a plain loop: Counter.update() with a mapping is a slower Python loop
        for w, x in zip(words, weights):
            centroid[w] = x + get(w, 0)
    scores = []
    for i, (words, weights) in enumerate(units_v):
        sim = sum(map(mul, weights, map(centroid.__getitem__, words))) - (1.0 if weights else 0.0)
        prior = 1.0 / (1.0 + POSITION_DECAY * i)
        scores.append((sim / max(1, n - 1)) * prior)
    return scores


def _bag(lowered: str) -> dict[str, int]:
    """Return the content words of a lower-cased sentence with their counts, in order of first use."""
    if lowered.isascii():
        # A word is a run of [a-z0-9], one apostrophe and letters aside: the runs are what split()
        # gives once every other character is a space, at a fraction of the cost of a match per word.
        runs = lowered.encode("ascii").translate(_ASCII_NON_WORD_TO_SPACE).decode("ascii")
        words = findall_in_runs(_WORD, runs, "'") if "'" in runs else runs.split()
    else:
        words = _WORD.findall(lowered)
    bag: dict[str, int] = {}
    _count_elements(bag, filterfalse(_STOP.__contains__, words))
    return bag


# (A table for the sentence's bytes: str.translate() looks every distinct character up in a dict, at each call.)
_ASCII_NON_WORD_TO_SPACE = bytes(c if re.fullmatch("[a-z0-9']", chr(c)) else 32 for c in range(128)) + bytes(128)
