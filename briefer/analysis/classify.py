"""Sentences → outcomes (what happened, was decided or found) and open questions (what remains
unresolved, uncertain, disputed, pending or still to come).

Each sentence is scored on weighted cue phrases kept in `briefer.lexicon`. Outcomes are told in
the narrative past ("pleaded guilty", "was arrested", "have decided"); open questions in the
future, the modal, the pending and the disputed ("will", "is expected to", "could face", "still",
"whether", "denies"). Cues inside a quotation count for less than the reporter's own words: a
speaker's "we will fight" is a position before it is an open question. The sentence is the
evidence; the item's text is the sentence trimmed of its attribution ("..., the agency said").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..lexicon import BACKGROUND_CUES, IRREGULAR_PAST, OPEN_CUES, OUTCOME_VERBS, SPEECH_VERBS, STANCE_VERBS, form_table
from .cues import Matcher, parse, words_of
from .units import Unit

_OUTCOME_FORMS = {f: lemma for f, lemma in form_table(OUTCOME_VERBS).items() if f != lemma and not f.endswith("ing")}
# Reporting verbs tell who said what, not what happened — unless they are events too ("rejected").
_REPORTING = set(form_table(SPEECH_VERBS | STANCE_VERBS)) - set(form_table(OUTCOME_VERBS))
_OPEN = Matcher([parse(name, phrase, weight, **options) for name, phrase, weight, options in OPEN_CUES])


def _open_cues(text: str) -> dict[str, float]:
    return _OPEN.find(text)
_BACKGROUND = re.compile("|".join(BACKGROUND_CUES), re.IGNORECASE)
# Every background cue starts with \b and a letter; looking ahead for those letters first lets the
# search pass over the other positions at once (a third of the time). Case-insensitively, each
# cue's first letter matches no character the class does not (checked over all of Unicode).
if all(re.match(r"\\b[a-z]", c) for c in BACKGROUND_CUES):
    _BACKGROUND = re.compile(
        "(?=[" + "".join(sorted({c[2] for c in BACKGROUND_CUES})) + "])(?:" + "|".join(BACKGROUND_CUES) + ")", re.IGNORECASE
    )
# The same for an ASCII sentence (most): there, ASCII-only case folding and word boundaries find
# exactly what Unicode's do, without looking each character up in Unicode's tables.
_BACKGROUND_ASCII = re.compile(_BACKGROUND.pattern, re.IGNORECASE | re.ASCII)


def _spelled_out(cue: str) -> list[str] | None:
    """Return every text a cue can match, less its word boundaries, when it is written as
    lower-case words and (?:a|b) alternatives only; None when it is written otherwise."""
    bare = cue.replace(r"\b", "")
    if not re.fullmatch(r"(?:[a-z ]+|\(\?:[a-z |]+\))+", bare):
        return None
    parts = [p[3:-1].split("|") if p.startswith("(?:") else [p] for p in re.findall(r"\(\?:[^)]*\)|[^(]+", bare)]
    return ["".join(choice) for choice in itertools.product(*parts)]


# A case-insensitive pattern runs the matcher at every position of the text (no set of first
# characters lets the engine skip ahead), a tenth of the cost of a sentence's scoring. In an ASCII
# sentence each cue can only match where its words stand in the lower-cased text, which a
# substring test finds in one pass each: the pattern runs only when one of them is there. (None
# when a cue is written in a way not spelled out above: then it always runs.)
_BACKGROUND_FORMS = [_spelled_out(c) for c in BACKGROUND_CUES]
_BACKGROUND_TEXTS = None if None in _BACKGROUND_FORMS else tuple(t for forms in _BACKGROUND_FORMS for t in forms)


def _background(text: str) -> bool:
    if not text.isascii():
        return _BACKGROUND.search(text) is not None
    if _BACKGROUND_TEXTS is not None:
        lowered = text.lower()
        if not any(t in lowered for t in _BACKGROUND_TEXTS):
            return False
    return _BACKGROUND_ASCII.search(text) is not None


_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][a-z]+)?")
_NOT_EVENTS = frozenset(
    "based used supposed related concerned interested involved married aged called named armed "
    "unprecedented unexpected alleged so-called red".split()
)
_RESULT = re.compile(r"(?=[\df])(?:\b\d{1,3}-\d{1,3}\b|\b\d+ points\b|\bfirst of its kind\b)")  # (first characters first)
_STATE_AUX = frozenset("is are 's be being am seems seem remain remains become becomes not".split())
# (The look-ahead for the "h" only lets the scan skip the other positions at once.)
_AUX_PERFECT = re.compile(r"(?=h)\b(?:has|have|had)\s+(?:now\s+|already\s+|since\s+|also\s+|just\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|un|ft|lt)\b", re.IGNORECASE)
# The same count in an ASCII sentence, lower-cased: its letters then need no case folding, so the
# pattern can start with its "h" (the word boundary looked behind at from there) and the engine
# skip to the next one, where a look-ahead first makes it try every position.
_AUX_PERFECT_LOWER = re.compile(
    r"h(?<![a-z0-9_]h)(?:as|ave|ad)\s+(?:now\s+|already\s+|since\s+|also\s+|just\s+)?(?:been\s+)?"
    r"[a-z]+(?:ed|en|wn|un|ft|lt)\b"
)
_TAG_WORDS = ("according to ", "said", "says", "added", "reported", "announced", "confirmed")
_TRAILING_TAG = re.compile(
    r",?\s+(?:according to [^,.]+|[A-Z][\w.'\u2019 -]{0,60}? (?:said|says|added|reported|announced|confirmed)"
    r"(?: [a-z]+day| in a statement| on [A-Z]\w+)?|(?:said|says|added) [A-Z][\w.'\u2019 -]{0,60}?)\.?$"
)

# Thresholds on the scores: an outcome needs one past event in the reporter's words (two when the
# sentence is someone's statement, which is a position first); an open question one firm cue or
# a few leaning ones. A sentence with several open cues is no plain outcome.
OUTCOME_THRESHOLD = 0.5
ATTRIBUTED_OUTCOME_THRESHOLD = 1.0
OPEN_THRESHOLD = 0.75
OPEN_BLOCKS_OUTCOME = 1.5
SHORT_QUESTION_WORDS = 6
LEAD_BONUS = 0.5  # news tells its main event first
# A speaker's own modal and future words count for less than the reporter's: a fraction of them,
# up to a cap, and only the firm ones.
QUOTED_FACTOR = 0.5
QUOTED_CAP = 1.0
QUOTED_CUE_MIN = 1.0


def is_outcome(v: Verdict, attributed: bool, lead: bool) -> bool:
    """Return True when the scores make the sentence an outcome."""
    need = ATTRIBUTED_OUTCOME_THRESHOLD if attributed else OUTCOME_THRESHOLD
    return v.outcome + (LEAD_BONUS if lead else 0.0) >= need and v.open < OPEN_BLOCKS_OUTCOME


def is_open(v: Verdict) -> bool:
    """Return True when the scores make the sentence an open question."""
    return v.open >= OPEN_THRESHOLD


@dataclass(slots=True)
class Verdict:
    outcome: float
    open: float


def score(u: Unit) -> Verdict:
    """Return how strongly a sentence reads as an outcome and as an open question (0 = not at all)."""
    outside = u.outside_quotes()
    words = words_of(outside)
    cues = _OPEN.find_words(words)
    if "question_mark" in cues and not _READER.isdisjoint(words):
        # "Are you planning to visit?", "What do we know?" talk to the reader: the story leaves
        # nothing open there, whatever else the question holds ("planning to").
        cues = {}
    elif "question_mark" in cues and u.words < SHORT_QUESTION_WORDS:
        # "The tagline?", "So, is it true?" set up the answer that follows.
        del cues["question_mark"]
    open_ = sum(cues.values())
    if u.quotes:
        inside = " ".join(u.text[s:e] for s, e in u.quotes)
        said = sum(w for w in _open_cues(inside).values() if w >= QUOTED_CUE_MIN)
        open_ += min(QUOTED_CAP, QUOTED_FACTOR * said)
    outcome = _events(words, outside)
    # (The words are lower-cased with capitalised ones blanked, so "My" and "I" are looked for in
    # the text, and only where a capital I or M stands.)
    if "my" in words or "me" in words or ("I" in outside or "My" in outside) and _FIRST_PERSON.search(outside):
        # "I changed my profile ...", "I learned that ...": the writer's own story, which a column
        # tells, is no news of what happened (a speaker's "I", inside quotes, is not looked at).
        outcome = NOT_AN_OUTCOME
    if _background(u.text):
        outcome -= 1
        open_ -= 0.5
    if u.quoted_share() > 0.6:
        outcome -= 1
    return Verdict(outcome, open_)


def _events(words: list[str], outside: str) -> float:
    """Return the weight of finite past-tense event verbs in the reporter's own words (``words``
    are lower-case, a capitalised word inside the sentence blank: see `cues.words_of`)."""
    total = 0.0
    # Only a word ending in "d" or an irregular past can count: those, found in one pass.
    for i in [i for i, w in enumerate(words) if w[-1:] == "d" or w in IRREGULAR_PAST]:
        w = words[i]
        prev = words[i - 1] if i > 0 else ""
        prev2 = words[i - 2] if i > 1 else ""
        if w not in _REPORTING and w not in _NOT_EVENTS and prev not in _ADJECTIVE_BEFORE:
            # "the planned rendezvous" is an adjective; "is restricted" a state, not an event.
            if not (prev in _STATE_AUX or prev.endswith("ly") and prev2 in _STATE_AUX):
                if w in _OUTCOME_FORMS and (w.endswith("d") or w in IRREGULAR_PAST):
                    total += 1.0
                elif w in IRREGULAR_PAST or (w.endswith("ed") and len(w) > 4):
                    total += 0.5
    if "ha" in outside:
        aux = _AUX_PERFECT_LOWER.findall(outside.lower()) if outside.isascii() else _AUX_PERFECT.findall(outside)
        total += 0.5 * len(aux)
    # (Each way _RESULT matches holds one of these, looked for first: a pass in C each, where the
    # pattern, and a search for a digit before it, tested the sentence character by character.)
    if ("-" in outside or " points" in outside or "first of its kind" in outside) and _RESULT.search(outside):
        total += 0.5  # "lost 24-17", "second on 12 points": a result in figures
    return total


_READER = frozenset("you your we us our".split())
_FIRST_PERSON = re.compile(r"\b(?:I|My)\b")
NOT_AN_OUTCOME = -1.0
_ADJECTIVE_BEFORE = frozenset("the a an its their his her this that".split())


def item_text(u: Unit) -> str:
    """Return the sentence as a statement: its trailing attribution trimmed."""
    text = u.text.strip()
    # (The tag holds one of these words, which most sentences lack: looked for first.)
    trimmed = _TRAILING_TAG.sub("", text).strip() if any(w in text for w in _TAG_WORDS) else text
    if len(trimmed.split()) >= 5 and trimmed != text:
        return trimmed.rstrip(",;: ") + "."
    return text
