"""Words with their offsets, and the given names that tell a person's name from other names."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..lexicon import ABBREVIATIONS, BANG_NAMES, NAME_SUFFIXES

# A word: letters, digits and inner apostrophes, hyphens, dots or ampersands; a stop taken onto it
# when a space follows; a brand name with a bang ("E! News"); or one other mark.
_TOKEN = re.compile(r"\b(?i:" + "|".join(sorted(BANG_NAMES)) + r")!(?=\s+[A-Z])|[^\W_](?:[\w&'\u2019.-]*[^\W_])?(?:\.(?=[\s,;:)\"'\u2019\u201d]|$))?|[^\w\s]")


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    # Capitalised, and naming rather than describing ("NYC-based" describes).
    cap: bool = False
    word: bool = False


@cache
def given_names() -> dict[str, str]:
    """Return common given names mapped to "male", "female" or "" when both."""
    raw = json.loads(resources.files("briefer").joinpath("data/given_names.json").read_text(encoding="utf-8"))
    out: dict[str, str] = {n: "male" for n in raw["male"]}
    for n in raw["female"]:
        out[n] = "" if out.get(n) == "male" else "female"
    return out


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Return the words and marks of ``text``; a dot that belongs to an initial or an
    abbreviation ("W.", "Jr.", "U.S.") stays on its word."""
    out = [
        Token(m.start() + offset, m.end() + offset, w, w[0].isupper() and not w.endswith("-based"), w[0].isalnum())
        for m in _TOKEN.finditer(text)
        for w in (m.group(),)
    ]
    # A stop was taken onto every word before a space: keep it only on initials and abbreviations.
    i = 0
    while i < len(out):
        t = out[i]
        w = t.text
        if len(w) > 1 and w[-1] == "." and w[0].isalnum():
            bare = w[:-1]
            if not ((len(bare) == 1 and bare.isupper()) or "." in bare or bare.lower() in ABBREVIATIONS or w in NAME_SUFFIXES):
                out[i] = Token(t.start, t.end - 1, bare, t.cap, True)
                out.insert(i + 1, Token(t.end - 1, t.end, ".", False, False))
                i += 1
        i += 1
    return out


