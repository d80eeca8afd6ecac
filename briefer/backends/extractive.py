"""The offline backend: no model, no network, deterministic. First version: a placeholder-grade
reading of names, "X said" attribution and cue words, to be replaced by the analyst-grade one."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any, ClassVar

from ..evidence import make_evidence
from ..models import Actor, Chunk, Document, Draft, Item, Position, SummarySentence
from ..sentences import split_sentences

_NAME = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)\b")
_SAID = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)\s+(said|says|told|added|warned|argued)\b")
_OUTCOME = re.compile(r"\b(agreed|announced|decided|ruled|found|approved|signed|won|lost|killed|arrested)\b", re.I)
_OPEN = re.compile(r"\b(uncertain|unclear|remains? to be seen|pending|will|could|may|might|expected)\b", re.I)


class ExtractiveBackend:
    """Offline and deterministic: reads the article itself, no model and no network."""

    name: ClassVar[str] = "extractive"
    description: ClassVar[str] = "offline, deterministic: names, attribution and cue words read from the text itself"

    def __init__(self, settings: Any = None) -> None:
        self.settings = settings

    @property
    def model(self) -> str | None:
        return None

    def brief(self, document: Document, chunks: Sequence[Chunk]) -> list[Draft]:
        return [self._chunk(c) for c in chunks]

    def _chunk(self, chunk: Chunk) -> Draft:
        text = chunk.text
        sentences = split_sentences(text)
        names = Counter(m.group(1) for m in _NAME.finditer(text))
        actors = [Actor(name=n, kind="other", mentions=c) for n, c in names.most_common(10)]
        known = {a.name for a in actors}
        positions, outcomes, questions, summary = [], [], [], []
        for i, s in enumerate(sentences):
            ev = make_evidence(text, s.start, s.end)
            summary.append(SummarySentence(text=s.text, score=1.0 / (i + 1), evidence=[ev]))
            m = _SAID.search(s.text)
            if m and m.group(1) in known:
                positions.append(Position(actor=m.group(1), text=s.text, evidence=[ev], cue=m.group(2)))
            elif _OPEN.search(s.text):
                questions.append(Item(text=s.text, evidence=[ev]))
            elif _OUTCOME.search(s.text):
                outcomes.append(Item(text=s.text, evidence=[ev]))
        return Draft(chunk=chunk.index, summary=summary, actors=actors, positions=positions,
                     outcomes=outcomes, open_questions=questions)
