"""The extractive reading of an article: units, actors, attribution, outcomes, questions, summary.

`analyse` runs the stages in order over the whole clean text, so that a pronoun or a quotation can
reach back across chunk boundaries; the backend then hands each chunk the findings inside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import classify, summary
from .actors import Entity, build_entities
from .selection import aliases, select
from .attribution import attribute
from .names import find_mentions, lowercase_words
from .protagonists import protagonists
from .units import Unit, read_units

__all__ = ["Analysis", "Finding", "analyse", "aliases"]


# A piece of a quotation cut off as a sentence of one word or none ("Meth.", "£100?", "...") is
# still spoken, but says nothing a reader could weigh on its own: no position. ("No," he said. is
# three words, and stays.)
MIN_POSITION_WORDS = 2


@dataclass(slots=True)
class Finding:
    """A position, an outcome or an open question: a unit of the text and what it says."""

    unit: Unit
    text: str
    actor: Entity | None = None
    cue: str | None = None
    confidence: float | None = None


@dataclass(slots=True)
class Analysis:
    units: list[Unit]
    actors: list[Entity]
    positions: list[Finding] = field(default_factory=list)
    outcomes: list[Finding] = field(default_factory=list)
    open_questions: list[Finding] = field(default_factory=list)
    summary: list[Unit] = field(default_factory=list)


def analyse(text: str, summary_sentences: int = 3) -> Analysis:
    """Return the analysis of a clean article text."""
    units = read_units(text)
    mentions = find_mentions(units, text, lowercase_words(text))
    entities, owner = build_entities(mentions, text)
    entities.extend(protagonists(units, text, len(entities)))
    attributions = attribute(units, mentions, owner, entities)
    speaking: dict[int, int] = {}
    for found in attributions.values():
        for a in found:
            speaking[a.entity] = speaking.get(a.entity, 0) + 1
    actors = select(entities, speaking, text)
    listed = {e.id for e in actors}
    result = Analysis(units, actors)
    for u in units:
        if u.caption:
            continue
        for a in attributions.get(u.index, []):
            if a.entity in listed and u.words >= MIN_POSITION_WORDS:
                result.positions.append(Finding(u, u.text, entities[a.entity], a.cue, a.confidence))
    attributed = {f.unit.index for f in result.positions}
    prose = [u for u in units if not u.caption]
    for i, u in enumerate(prose):
        verdict = classify.score(u)
        if classify.is_outcome(verdict, u.index in attributed, lead=i < 2):
            result.outcomes.append(Finding(u, classify.item_text(u)))
        if classify.is_open(verdict):
            result.open_questions.append(Finding(u, classify.item_text(u)))
    result.summary = summary.rank(units, summary_sentences)
    return result
