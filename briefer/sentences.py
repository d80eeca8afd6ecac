"""Clean text → sentences with exact character spans.

News prose is full of full stops that end nothing: "U.S.", "Mr.", "Jan.", "J. Smith", "3.5".
A sentence that ends inside a quotation ("... a deal.'") ends after the closing mark, and
`"...," he said.` is one sentence. Paragraph breaks always end a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that take a full stop without ending a sentence. Gathered from AP style abbreviations
# (titles, months, states, corporate suffixes) and the dev articles' prose, lower-cased, no dot.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms mx dr prof sen rep gov lt col gen maj capt cmdr sgt adm rev fr st sr jr hon pres supt insp det
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    inc corp co ltd llc plc bros dept univ assn est approx vs etc al cf no nos vol fig op
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev
    okla ore pa tenn tex va vt wash wis wyo
    a.m p.m u.s u.k u.n e.u d.c i.e e.g
    """.split()
)

# Closing quotes and brackets that belong to the sentence they follow.
_CLOSERS = "\"'\u201d\u2019)]\u00bb"
_OPENERS = "\"'\u201c\u2018([\u00ab"

# A candidate end: ., ! or ? (or an ellipsis), then closers, then white space.
_END = re.compile(r"(?:\.\.\.|…|[.!?])+[" + re.escape(_CLOSERS) + r"]*(?=\s)")
_PARAGRAPH = re.compile(r"\n\s*\n")
_WORD_BEFORE = re.compile(r"([\w.&'-]+)$")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Return the sentences of ``text`` in order; ``text[s.start:s.end] == s.text``."""
    out: list[Sentence] = []
    for pstart, pend in _paragraph_spans(text):
        cut = pstart
        for m in _END.finditer(text, pstart, pend):
            if _ends_sentence(text, m, pend):
                _add(out, text, cut, m.end())
                cut = m.end()
        _add(out, text, cut, pend)
    return out


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _PARAGRAPH.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))


def _ends_sentence(text: str, m: re.Match[str], limit: int) -> bool:
    mark = m.group()
    # What comes next: skip spaces, then look at the first visible character.
    nxt = m.end()
    while nxt < limit and text[nxt].isspace():
        nxt += 1
    if nxt >= limit:
        return True
    following = text[nxt]
    if following in _OPENERS:
        # `"Stop." "Why?"` ends; an opening quote after a full stop starts a new sentence.
        j = nxt + 1
        following = text[j] if j < limit else ""
        if following and not following.isalnum():
            return True
    if mark[0] in "!?" or mark.startswith(("...", "…")):
        # `"Why?" he asked.` and `"Stop!" she said.` go on: a lower-case word continues the sentence.
        return not following.islower() and following not in ",;:"
    if mark[-1] in _CLOSERS and following.islower():
        # `"... a deal.'" he said` is unusual; `'...,' he said` has no stop. A lower-case word after
        # a quote ending in a stop continues only for speech tags, which start in lower case.
        return False
    if following.islower() or following in ",;:)" or following.isdigit() and _is_abbrev(text, m.start()):
        return False
    if mark == "." and _is_abbrev(text, m.start()):
        return _abbrev_ends_sentence(text, m.start(), following)
    return True


def _is_abbrev(text: str, dot: int) -> bool:
    w = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if not w:
        return False
    word = w.group(1).lstrip("'\"(-").lower()
    if not word:
        return False
    if word in ABBREVIATIONS or word.rstrip(".") in ABBREVIATIONS:
        return True
    # Initials ("J.", "J.K.") and dotted acronyms ("U.S.", "a.m.").
    bare = word.replace(".", "")
    return len(bare) == 1 and bare.isalpha() or (("." in word) and all(len(p) <= 2 for p in word.split(".") if p))


def _abbrev_ends_sentence(text: str, dot: int, following: str) -> bool:
    """Decide whether an abbreviation's stop also ends the sentence ("... in the U.S. The next ...")."""
    w = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    word = w.group(1).lower() if w else ""
    bare = word.replace(".", "")
    if bare in {"mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "st", "gen", "lt", "col", "capt", "rev"}:
        return False  # titles always precede a name
    if len(bare) == 1:
        return False  # an initial: "George W. Bush"
    # "U.S. The" or "Inc. It": a dotted acronym or suffix before a capitalised function word ends.
    nxt = text[dot + 1 :].lstrip()
    first_word = re.match(r"[A-Za-z']+", nxt)
    return bool(first_word) and first_word.group().lower() in _SENTENCE_STARTERS


# Words that, capitalised after an abbreviation, start a new sentence rather than continue a name.
_SENTENCE_STARTERS = frozenset(
    """
    the a an it he she they we i this that these those there but and so yet or in on at for
    his her their its our my if when while after before as since although though however
    meanwhile officials police what who why how where one some many most
    """.split()
)


def reads_as_prose(line: str) -> bool:
    """Return True when a line reads as a sentence of prose rather than a headline or a link."""
    return len(line.split()) >= 12 and line[-1] in ".!?\"'”’)"
