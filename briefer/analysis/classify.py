"""Sentences → outcomes (what happened, was decided or found) and open questions (what remains
unresolved, uncertain, disputed, pending or still to come).

Each sentence is scored on cue phrases kept in `briefer.lexicon`: event verbs in the past or the
perfect for outcomes; modality, futurity, hedges, pending procedures and questions for open
questions. The sentence is the evidence; the item's text is the sentence trimmed of its
attribution ("..., the agency said").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import BACKGROUND_CUES, OPEN_CUES, OUTCOME_PHRASES, OUTCOME_VERBS, form_table
from .units import Unit

_OUTCOME_FORMS = {f: lemma for f, lemma in form_table(OUTCOME_VERBS).items() if f != lemma}
_OPEN = [re.compile(p, re.IGNORECASE) for p in OPEN_CUES]
_OUTCOME = [re.compile(p, re.IGNORECASE) for p in OUTCOME_PHRASES]
_BACKGROUND = re.compile("|".join(BACKGROUND_CUES), re.IGNORECASE)
_WORD = re.compile(r"[a-z]+(?:['\u2019][a-z]+)?")
# Past forms of irregular outcome verbs the regular rules cannot make.
_IRREGULAR_PAST = frozenset(
    "won lost held found struck fell rose took left fled sold hit cut shut broke began built caught drove "
    "flew froze gave got went grew hid kept knew led made met paid put quit ran saw sent set shot sank spent "
    "stole stood swore threw told understood withdrew wrote bought brought chose dealt drew ate forgave "
    "overturned upheld".split()
)
_TRAILING_TAG = re.compile(
    r",?\s+(?:according to [^,.]+|[A-Z][\w.'\u2019 -]{0,60}? (?:said|says|added|reported|announced|confirmed)"
    r"(?: [a-z]+day| in a statement| on [A-Z]\w+)?|(?:said|says|added) [A-Z][\w.'\u2019 -]{0,60}?)\.?$"
)


@dataclass(slots=True)
class Verdict:
    outcome: float
    open: float


def score(u: Unit) -> Verdict:
    """Return how strongly a sentence reads as an outcome and as an open question (0 = not at all)."""
    text = u.text
    low = text.lower()
    words = _WORD.findall(low)
    outcome = 0.0
    for w in words:
        lemma = _OUTCOME_FORMS.get(w)
        if lemma and (w.endswith("ed") or w in _IRREGULAR_PAST or w.endswith("d") and not w.endswith("ed")):
            outcome += 1.0
    outcome += 0.5 * sum(1 for p in _OUTCOME if p.search(text))
    open_ = sum(1.0 for p in _OPEN if p.search(text))
    if _BACKGROUND.search(text):
        outcome -= 1
        open_ -= 1
    if u.quoted_share() > 0.6:
        outcome -= 0.5
    return Verdict(outcome, open_)


def item_text(u: Unit) -> str:
    """Return the sentence as a statement: its trailing attribution trimmed."""
    text = u.text.strip()
    trimmed = _TRAILING_TAG.sub("", text).strip()
    if len(trimmed.split()) >= 5 and trimmed != text:
        return trimmed.rstrip(",;: ") + "."
    return text
