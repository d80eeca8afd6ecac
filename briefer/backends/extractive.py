"""The offline backend: no model, no network, deterministic.

It reads the whole clean text once (`briefer.analysis`), so pronouns and quotations resolve across
chunk boundaries, then gives each chunk's `Draft` the findings that lie inside that chunk, with
evidence offsets relative to the chunk as the Backend interface asks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from ..analysis import Analysis, Finding, aliases, analyse
from ..analysis.units import Unit
from ..evidence import make_evidence
from ..merging import DEFAULT_SUMMARY_SENTENCES
from ..models import Actor, Chunk, Document, Draft, Evidence, Item, Position, SummarySentence

_KINDS = {"person", "organization", "country", "group"}


class ExtractiveBackend:
    """Offline and deterministic: reads the article itself, no model and no network."""

    name: ClassVar[str] = "extractive"
    description: ClassVar[str] = (
        "offline, deterministic: attribution, actors, outcomes and open questions read from the text itself"
    )

    def __init__(self, settings: Any = None) -> None:
        self.settings = settings

    @property
    def model(self) -> str | None:
        return None

    def brief(self, document: Document, chunks: Sequence[Chunk]) -> list[Draft]:
        n = getattr(self.settings, "summary_sentences", DEFAULT_SUMMARY_SENTENCES)
        result = analyse(document.text, summary_sentences=n)
        return [_draft(result, document.text, chunk, first=i == 0) for i, chunk in enumerate(chunks)]


def _draft(result: Analysis, text: str, chunk: Chunk, first: bool) -> Draft:
    def inside(f: Finding) -> bool:
        return chunk.start <= f.unit.start and f.unit.end <= chunk.end

    # A sentence that is a position, an outcome and a summary sentence is one piece of evidence:
    # made once (the models are never changed once made, so sharing it is safe).
    made: dict[int, Evidence] = {}

    def quote(u: Unit) -> list[Evidence]:
        if u.index not in made:
            made[u.index] = make_evidence(chunk.text, u.start - chunk.start, u.end - chunk.start)
        return [made[u.index]]

    def evidence(f: Finding) -> list[Evidence]:
        return quote(f.unit)

    actors = [
        Actor(
            name=e.name,
            aliases=aliases(e),
            kind=e.kind if e.kind in _KINDS else "other",
            role=e.role,
            mentions=max(1, len(e.mentions) or sum(e.forms.values())),
        )
        for e in result.actors
        if chunk.start <= e.first < chunk.end or (first and e.first < chunk.start)
    ]
    ranks = {u.index: r for r, u in enumerate(result.summary)}
    return Draft(
        chunk=chunk.index,
        summary=[
            SummarySentence(text=u.text, score=float(len(ranks) - ranks[u.index]), evidence=quote(u))
            for u in result.summary
            if chunk.start <= u.start and u.end <= chunk.end
        ],
        actors=actors,
        positions=[
            Position(actor=f.actor.name, text=f.text, evidence=evidence(f), cue=f.cue, confidence=f.confidence)
            for f in result.positions
            if inside(f) and f.actor is not None
        ],
        outcomes=[Item(text=f.text, evidence=evidence(f)) for f in result.outcomes if inside(f)],
        open_questions=[Item(text=f.text, evidence=evidence(f)) for f in result.open_questions if inside(f)],
    )
