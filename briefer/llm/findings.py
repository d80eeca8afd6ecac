"""A model's reply → a Draft whose every quote is a real span of the chunk. Pure.

This is where the guarantee is kept: a model's quote becomes evidence only once it is found in
the text (exactly; then with white space, quote marks and case made alike; then ignoring white
space and quotation marks altogether, for models that write "U. S." for "U.S." or lose a closing
quotation mark: every word and every other character must still be there). An item whose quote
is nowhere is dropped and counted, or, with ``keep_unverified``, kept and flagged
``"verified": false``. Actors the text never names are dropped; a position's actor must be a
listed actor, and one the model named only in a position joins the list if the text names it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..evidence import locate, make_evidence
from ..models import Actor, Chunk, Draft, Evidence, Item, Position, SummarySentence
from .schema import ChunkReply, ReplyActor

_ELLIPSIS = re.compile(r"(\s*(\.\.\.|…))+\s*$|^\s*(\.\.\.|…)\s*")
_QUOTES = "\"'\u201c\u201d\u2018\u2019"


@dataclass
class Tally:
    """What verification threw out (or kept flagged), for the briefing's warnings."""

    unverified: int = 0
    kept_unverified: int = 0
    captions: int = 0
    unnamed_actors: list[str] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)
    regrounded: int = 0

    def add(self, other: Tally) -> None:
        """Count what ``other`` counted too."""
        self.regrounded += other.regrounded
        self.unverified += other.unverified
        self.kept_unverified += other.kept_unverified
        self.captions += other.captions
        self.unnamed_actors += other.unnamed_actors
        self.unlisted += other.unlisted

    def warnings(self) -> list[str]:
        out = []
        if self.unverified:
            out.append(f"dropped {self.unverified} item(s) whose quote the model gave is not in the article")
        if self.captions:
            out.append(f"dropped {self.captions} item(s) quoting a picture caption, not the article's prose")
        if self.kept_unverified:
            out.append(
                f"kept {self.kept_unverified} item(s) whose quote is not in the article, "
                'flagged "verified": false (--keep-unverified)'
            )
        if self.regrounded:
            out.append(f"replaced the text of {self.regrounded} item(s) that their quote does not support with the quote")
        if self.unnamed_actors:
            out.append(f"dropped actor(s) the article does not name: {', '.join(sorted(set(self.unnamed_actors)))}")
        if self.unlisted:
            out.append(f"dropped position(s) of actor(s) not in the article: {', '.join(sorted(set(self.unlisted)))}")
        return out


def find_quote(quote: str, text: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """Return the span of ``quote`` in ``text[start:end]``, however the model wrote it, or None."""
    end = len(text) if end is None else end
    bare = _ELLIPSIS.sub("", quote.strip().strip(_QUOTES)).strip().strip(_QUOTES).strip()
    candidates = [quote, bare]
    for q in dict.fromkeys(c for c in candidates if c):
        span = locate(q, text, start, end)
        if span is None:
            span = _locate_spaceless(q, text, start, end)
        if span is not None:
            return span
    return None


def _locate_spaceless(quote: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    # White space and quotation marks are what models drop or add inside a quote ("U. S." for
    # "U.S.", a closing ' lost after "respect,"); every word and other mark must still be there.
    squeezed = [(i, ch) for i, ch in enumerate(text[start:end], start) if not _skippable(ch)]
    hay = "".join(_same(ch) for _, ch in squeezed)
    needle = "".join(_same(ch) for ch in quote if not _skippable(ch))
    if len(needle) < 8:  # too short to tell one place from another without the spaces
        return None
    i = hay.find(needle)
    if i < 0:
        return None
    return squeezed[i][0], squeezed[i + len(needle) - 1][0] + 1


_SAME = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def _skippable(ch: str) -> bool:
    return ch.isspace() or ch in _QUOTES or ch in "`\u00ab\u00bb\u201e\u201a"


def _same(ch: str) -> str:
    return ch.translate(_SAME).casefold()


# Words too common to tell whether a text says what its quote says.
_COMMON = frozenset(
    "the a an and or but of to in on at by for with from as is was are were be been has have had will "
    "would could that this these those it its he she they his her their not no said says".split()
)
SUPPORT_SHARE = 0.5


def supports(quote: str, claim: str) -> bool:
    """Return whether ``quote`` bears out ``claim``: at least half of the claim's content words
    (stems, so "talks" meets "talk") occur in the quote. A paraphrase passes; a statement taken
    from elsewhere ("FOOTBALL WITHOUT FANS IS NOTHING" beside a quote about ticket prices) fails."""
    def stems(text: str) -> set[str]:
        return {w[:5] for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _COMMON and len(w) > 2}

    said = stems(claim)
    return not said or len(said & stems(quote)) >= SUPPORT_SHARE * len(said)


def _named(name: str, text: str) -> bool:
    """Return whether the text names ``name``: as whole words, case-blind unless it is short ("US")."""
    words = name.translate(_SAME).split()
    if not words:
        return False
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)"
    flags = re.IGNORECASE if len(name.strip()) >= 4 else 0
    return re.search(pattern, text.translate(_SAME), flags) is not None


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _mentions(actor: Actor, text: str) -> int:
    names = sorted({n for n in (actor.name, *actor.aliases) if n.strip()}, key=len, reverse=True)
    pattern = "|".join(r"\b" + re.escape(n) + r"\b" for n in names)
    return max(1, len(re.findall(pattern, text))) if pattern else 1


def to_draft(
    reply: ChunkReply,
    chunk: Chunk,
    *,
    window: tuple[int, int] | None = None,
    title: str | None = None,
    keep_unverified: bool = False,
    tally: Tally | None = None,
    captions: Sequence[tuple[int, int]] = (),
) -> Draft:
    """Return the findings of ``reply`` about ``chunk.text[window]`` with spans relative to the chunk.

    ``captions`` are the spans of the chunk's text that are picture captions or page furniture run
    into the prose: a quote that reaches into one is real text but not the article's statement.
    """
    text = chunk.text
    lo, hi = window or (0, len(text))
    part = text[lo:hi]
    tally = tally if tally is not None else Tally()
    # The model saw the headline too: an actor named only there is still named by the article.
    seen = part + ("\n" + title if title else "")

    actors = _actors(reply.actors, seen, tally)
    by_key = {_key(n): a.name for a in actors for n in (a.name, *a.aliases)}

    def in_caption(span: tuple[int, int]) -> bool:
        return any(span[0] < c_end and c_start < span[1] for c_start, c_end in captions)

    def evidence(quote: str) -> list[Evidence] | None:
        span = find_quote(quote, text, lo, hi) if quote.strip() else None
        if span is not None:
            if in_caption(span):
                tally.captions += 1
                return None
            return [make_evidence(text, *span)]
        if keep_unverified and quote.strip():
            tally.kept_unverified += 1
            return [Evidence(quote=quote.strip(), start=0, end=0, verified=False)]
        tally.unverified += 1
        return None

    def grounded(claim: str, ev: list[Evidence]) -> tuple[str, list[Evidence]]:
        """The model's own wording when its quote bears it out; else, when the wording is itself
        a passage of the article, that passage as the evidence; else the quote as the text: a
        verified quote must not carry a statement the article never made."""
        claim = claim.strip()
        if not claim or ev[0].verified is False:
            return claim or ev[0].quote, ev
        if supports(ev[0].quote, claim):
            return claim, ev
        span = find_quote(claim, text, lo, hi)
        if span is not None and not in_caption(span):
            return claim, [make_evidence(text, *span)]
        tally.regrounded += 1
        return ev[0].quote, ev

    positions: list[Position] = []
    for p in reply.positions:
        name = by_key.get(_key(p.actor)) or _part_of_one(p.actor, actors)
        if name is not None and _key(p.actor) not in by_key:
            # "Trump" for the listed "Donald Trump": the short form becomes an alias.
            i = next(i for i, a in enumerate(actors) if a.name == name)
            grown = actors[i].model_copy(update={"aliases": [*actors[i].aliases, p.actor.strip()]})
            actors[i] = grown.model_copy(update={"mentions": _mentions(grown, seen)})
            by_key[_key(p.actor)] = name
        if name is None:
            if not _named(p.actor, seen):
                tally.unlisted.append(p.actor)
                continue
            actors.append(Actor(name=p.actor.strip(), kind="other", mentions=_mentions(Actor(name=p.actor.strip()), part)))
            name = by_key[_key(p.actor)] = p.actor.strip()
        ev = evidence(p.quote)
        if ev:
            said, ev = grounded(p.text, ev)
            positions.append(Position(actor=name, text=said, evidence=ev))

    positions = _one_speaker_per_quote(positions, actors)

    def items(found: Sequence) -> list[Item]:
        out = []
        for it in found:
            ev = evidence(it.quote)
            if ev:
                said, ev = grounded(it.text, ev)
                out.append(Item(text=said, evidence=ev))
        return out

    outcomes = items(reply.outcomes)
    questions = items(reply.open_questions)
    summary = [SummarySentence(text=reply.summary.strip(), score=1.0)] if reply.summary.strip() else []
    return Draft(
        chunk=chunk.index,
        title=(reply.title or "").strip() or None,
        summary=summary,
        actors=actors,
        positions=positions,
        outcomes=outcomes,
        open_questions=questions,
    )


def _part_of_one(name: str, actors: Sequence[Actor]) -> str | None:
    """Return the one listed actor whose name contains ``name`` as whole words, if exactly one does."""
    words = _key(name).split()
    if not words:
        return None
    hits = []
    for a in actors:
        full = _key(a.name).split()
        if any(full[i : i + len(words)] == words for i in range(len(full) - len(words) + 1)):
            hits.append(a.name)
    return hits[0] if len(hits) == 1 else None


def _one_speaker_per_quote(positions: list[Position], actors: Sequence[Actor]) -> list[Position]:
    """Where several actors claim the same quote, keep those the quote itself names (if any does)."""
    names = {a.name: [a.name, *a.aliases] for a in actors}
    by_span: dict[tuple[int, int], set[str]] = {}
    for p in positions:
        e = p.evidence[0]
        if e.verified is not False:
            by_span.setdefault((e.start, e.end), set()).add(p.actor)
    out = []
    for p in positions:
        e = p.evidence[0]
        claimants = by_span.get((e.start, e.end), set())
        if len(claimants) > 1:
            named = {c for c in claimants if any(_named(n, e.quote) for n in names.get(c, [c]))}
            if named and p.actor not in named:
                continue
        out.append(p)
    return out


def _actors(found: Sequence[ReplyActor], seen: str, tally: Tally) -> list[Actor]:
    out: dict[str, Actor] = {}
    for a in found:
        names = [n.strip() for n in (a.name, *a.aliases) if n.strip()]
        named = [n for n in names if _named(n, seen)]
        if not named:
            tally.unnamed_actors.append(a.name)
            continue
        name = a.name.strip() if a.name.strip() in named else named[0]
        key = _key(name)
        aliases = [n for n in dict.fromkeys(named) if _key(n) != key]
        if key in out:  # the model listed the same actor twice
            old = out[key]
            out[key] = old.model_copy(update={"aliases": list(dict.fromkeys([*old.aliases, *aliases]))})
            continue
        actor = Actor(name=name, aliases=aliases, kind=a.kind, role=(a.role or "").strip() or None)
        out[key] = actor.model_copy(update={"mentions": _mentions(actor, seen)})
    return list(out.values())


def combine(drafts: Sequence[Draft]) -> Draft:
    """Return one draft holding the findings of drafts of pieces of the same chunk."""
    first = drafts[0]
    return Draft(
        chunk=first.chunk,
        title=next((d.title for d in drafts if d.title), None),
        summary=[s for d in drafts for s in d.summary],
        actors=[a for d in drafts for a in d.actors],
        positions=[p for d in drafts for p in d.positions],
        outcomes=[i for d in drafts for i in d.outcomes],
        open_questions=[i for d in drafts for i in d.open_questions],
        warnings=list(dict.fromkeys(w for d in drafts for w in d.warnings)),
    )
