"""Finding quotes in the clean text: the guarantee that every evidence span is real.

A quote is looked up exactly first; failing that, with white space, quotation-mark styles and
dashes made alike, which forgives what a language model or a copy-paste does to a quote without
forgiving a changed word. The span returned is always of the text itself, so
``text[start:end]`` is what the article says, even where the quote was written a little
differently.
"""

from __future__ import annotations

import re

from .models import Evidence

_SAME = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2015": "-", "\u2212": "-",
        "\u00a0": " ", "\u2026": "...",
    }
)  # fmt: skip


def locate(quote: str, text: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """Return the span of ``quote`` in ``text[start:end]``, or None when the article does not say it."""
    quote = quote.strip()
    if not quote:
        return None
    end = len(text) if end is None else end
    i = text.find(quote, start, end)
    if i >= 0:
        return i, i + len(quote)
    return _locate_loose(quote, text, start, end)


def make_evidence(text: str, start: int, end: int) -> Evidence:
    """Return the Evidence for ``text[start:end]``, trimmed of surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Evidence(quote=text[start:end], start=start, end=end)


def verify(evidence: Evidence, text: str) -> Evidence | None:
    """Return the evidence with an exact span in ``text``, re-located if its offsets are off."""
    if 0 <= evidence.start < evidence.end <= len(text) and text[evidence.start : evidence.end] == evidence.quote:
        return evidence
    span = locate(evidence.quote, text)
    return make_evidence(text, *span) if span else None


def _fold(s: str) -> tuple[str, list[int]]:
    """Return ``s`` folded for loose matching and, for each folded character, its index in ``s``."""
    out: list[str] = []
    index: list[int] = []
    prev_space = True
    for i, ch in enumerate(s):
        ch = ch.translate(_SAME)
        if ch.isspace():
            if prev_space:
                continue
            ch = " "
            prev_space = True
        else:
            prev_space = False
        for c in ch.casefold() if len(ch) == 1 else ch:
            out.append(c)
            index.append(i)
    return "".join(out), index


def _locate_loose(quote: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    fq, _ = _fold(quote)
    fq = fq.strip()
    # Strip quotation marks the quoter may have added around the quote.
    fq = re.sub(r"^[\"']+|[\"']+$", "", fq).strip()
    if not fq:
        return None
    ft, index = _fold(text[start:end])
    i = ft.find(fq)
    if i < 0:
        return None
    s = start + index[i]
    e = start + index[i + len(fq) - 1] + 1
    return s, e
