"""Word-phrase cues matched in one pass over a sentence's words.

A cue is written as data in `briefer.lexicon`: words separated by spaces, alternatives by ``|``,
a trailing ``*`` for a stem ("investigat*"), ``!word`` for a word that must not come next. Each
cue is looked up from its first word, so a sentence costs one dictionary probe per word however
many cues there are — a regular expression per cue cost a hundred times more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .tokens import findall_in_runs

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|\?")


@dataclass(frozen=True, slots=True)
class Cue:
    name: str
    weight: float
    steps: tuple[tuple[frozenset[str], tuple[str, ...]], ...]  # (exact words, stems) per position
    not_next: frozenset[str] = frozenset()
    not_first: bool = False  # "Still, ..." opening a sentence means "nevertheless"
    last: bool = False  # only as the sentence's last word
    unless: frozenset[str] = frozenset()  # words anywhere in the sentence that cancel the cue


def parse(name: str, phrase: str, weight: float, *, not_first: bool = False, last: bool = False, unless: str = "") -> Cue:
    """Return the cue a phrase describes ("is|are due|set to", "investigat*", "appeal !court")."""
    steps = []
    not_next: set[str] = set()
    for position in phrase.split():
        if position.startswith("!"):
            not_next.update(position[1:].split("|"))
            continue
        words = position.split("|")
        steps.append((frozenset(w for w in words if not w.endswith("*")), tuple(w[:-1] for w in words if w.endswith("*"))))
    return Cue(name, weight, tuple(steps), frozenset(not_next), not_first, last, frozenset(unless.split()))


class Matcher:
    """Find which cues of a set occur in a text."""

    def __init__(self, cues: list[Cue]) -> None:
        # Each cue is kept with the exact words its second step accepts (None when it has one step,
        # or stems there): most candidates fail on the next word, and that test is cheapest.
        self.by_first: dict[str, list[tuple[Cue, frozenset[str] | None]]] = {}
        self.by_stem: list[tuple[str, tuple[Cue, frozenset[str] | None]]] = []
        for cue in sorted(cues, key=lambda c: -len(c.steps)):  # the longest cue wins a position
            second = cue.steps[1][0] if len(cue.steps) > 1 and not cue.steps[1][1] else None
            exact, stems = cue.steps[0]
            for w in exact:
                self.by_first.setdefault(w, []).append((cue, second))
            for s in stems:
                self.by_stem.append((s, (cue, second)))

    def find(self, text: str) -> dict[str, float]:
        """Return the cues found in ``text``, by name, with their weights (each counted once)."""
        return self.find_words(words_of(text))

    def find_words(self, words: list[str]) -> dict[str, float]:
        """Return the cues found in a sentence's words (as `words_of` gives them)."""
        present: set[str] = set()  # the sentence's words: made only for a cue with `unless` (few are)
        found: dict[str, float] = {}
        by_first = self.by_first
        if not self.by_stem and by_first.keys().isdisjoint(words):
            return found  # no word starts a cue (a sentence in four), told in one pass in C
        n = len(words)
        # Without stems only a word that starts a cue can start a match: those positions, in one pass.
        starts = range(n) if self.by_stem else [i for i, w in enumerate(words) if w in by_first]
        for i in starts:
            w = words[i]
            candidates = by_first.get(w, [])
            if self.by_stem:
                candidates = candidates + [c for s, c in self.by_stem if w.startswith(s)]
            for cue, second in candidates:
                if second is not None and (i + 1 >= n or words[i + 1] not in second):
                    continue
                if cue.unless and not present:
                    present.update(words)
                if cue.name in found or not self._matches(cue, words, i, present):
                    continue
                found[cue.name] = cue.weight
                break  # one cue per position: "could have" is not also "could"
        return found

    @staticmethod
    def _matches(cue: Cue, words: list[str], i: int, present: set[str]) -> bool:
        if cue.not_first and i == 0:
            return False
        if cue.unless and cue.unless & present:
            return False
        n = len(cue.steps)
        if i + n > len(words) or cue.last and i + n < len(words):
            return False
        for k in range(1, n):
            exact, stems = cue.steps[k]
            w = words[i + k]
            if w not in exact and not any(w.startswith(s) for s in stems):
                return False
        return not (cue.not_next and i + n < len(words) and words[i + n] in cue.not_next)


def words_of(text: str) -> list[str]:
    """Return the lower-case words of ``text`` (apostrophes made straight), and "?" marks.

    A capitalised word inside the sentence is part of a name ("James May", "Will Smith") and
    stands for no cue: it comes back empty.
    """
    text = text.replace("\u2019", "'")
    if text.isascii():
        # Then a word is a run of letters and digits (one apostrophe and letters aside), or a
        # question mark set apart: split() finds the runs once every other character is a space,
        # for a fraction of a regex match per word (see tokens.findall_in_runs).
        if "?" in text:
            text = text.replace("?", " ? ")
        runs = text.encode("ascii").translate(_ASCII_NON_WORD_TO_SPACE).decode("ascii")
        words = findall_in_runs(_CASED, runs, "'") if "'" in runs else runs.split()
    else:
        words = _CASED.findall(text)
    # (A word whose first letter is upper-case is not lower-case: the test needs no islower().)
    return ["" if i and w[0].isupper() and not w.isupper() else w.lower() for i, w in enumerate(words)]


_CASED = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?|\?")
# (A table for the text's bytes: str.translate() looks every distinct character up in a dict, at each call.)
_ASCII_NON_WORD_TO_SPACE = bytes(c if re.fullmatch("[A-Za-z0-9'?]", chr(c)) else 32 for c in range(128)) + bytes(128)
