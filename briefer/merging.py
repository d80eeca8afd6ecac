"""Per-chunk drafts → one Briefing. Pure: no I/O, no backend, just the findings put together.

Merging maps every evidence span from its chunk back into the whole clean text and checks it,
unifies actors named differently across chunks ("Donald Trump" in one, "Trump" in the next),
points every position at a listed actor, removes duplicate items and picks the summary.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .evidence import verify
from .models import (
    Actor,
    BackendInfo,
    Briefing,
    Chunk,
    Document,
    Draft,
    Evidence,
    Item,
    Position,
    Source,
    StageUsage,
    SummarySentence,
    Usage,
)
from .sentences import first_sentence

DEFAULT_SUMMARY_SENTENCES = 3


def merge(
    document: Document,
    chunks: Sequence[Chunk],
    drafts: Sequence[Draft],
    *,
    backend: BackendInfo,
    summary_sentences: int = DEFAULT_SUMMARY_SENTENCES,
    include_text: bool = False,
) -> Briefing:
    """Return the briefing that the drafts of all chunks add up to."""
    text = document.text
    warnings: list[str] = []
    offsets = {c.index: c.start for c in chunks}
    drafts = [_shift(d, offsets.get(d.chunk, 0)) for d in drafts]

    actors, canonical = _merge_actors([a for d in drafts for a in d.actors])
    positions: list[Position] = []
    unlisted: set[str] = set()
    dropped = 0
    for d in drafts:
        for p in d.positions:
            evidence = _verified(p.evidence, text)
            if not evidence:
                dropped += 1
                continue
            name = canonical.get(_key(p.actor))
            if name is None:
                unlisted.add(p.actor)
                continue
            if name != p.actor or not _same(evidence, p.evidence):
                p = p.model_copy(update={"actor": name, "evidence": evidence})
            positions.append(p)
    outcomes, d_out = _merge_items([i for d in drafts for i in d.outcomes], text)
    questions, d_q = _merge_items([i for d in drafts for i in d.open_questions], text)
    dropped += d_out + d_q
    positions = _dedupe_positions(positions)

    if dropped:
        warnings.append(f"dropped {dropped} item(s) whose evidence is not in the article text")
    if unlisted:
        warnings.append(f"dropped positions of actors not listed in the briefing: {', '.join(sorted(unlisted))}")
    for d in drafts:
        warnings.extend(w for w in d.warnings if w not in warnings)

    title = document.title or next((d.title for d in drafts if d.title), None)
    if not title:
        title = title_from_lead(text)
        warnings.append("the article has no headline; the title is made from its first sentence")

    return Briefing(
        title=title,
        summary=pick_summary([s for d in drafts for s in d.summary], summary_sentences, text),
        actors=actors,
        positions=positions,
        outcomes=outcomes,
        open_questions=questions,
        source=Source(
            name=document.article.name,
            id=document.article.id,
            sha256=document.article.sha256,
            chars=len(text),
            tokens=sum(c.tokens for c in chunks),
            chunks=len(chunks),
        ),
        backend=backend,
        warnings=warnings,
        usage=total_usage([d.usage for d in drafts if d.usage is not None]),
        text=text if include_text else None,
    )


def pick_summary(candidates: Sequence[SummarySentence], n: int, text: str) -> str:
    """Return the ``n`` best-scored sentences joined in the order the article tells them."""
    if n <= 0 or not candidates:
        return ""
    ranked = sorted(enumerate(candidates), key=lambda ic: (-ic[1].score, ic[0]))[:n]

    def position(ic: tuple[int, SummarySentence]) -> tuple[int, int]:
        i, s = ic
        return (s.evidence[0].start if s.evidence else len(text), i)

    return " ".join(s.text.strip() for _, s in sorted(ranked, key=position))


def title_from_lead(text: str, max_words: int = 12) -> str:
    """Return a short title made from the article's first sentence."""
    sentence = first_sentence(text[:2000])
    first = sentence.text if sentence else text.strip()
    words = first.split()
    if len(words) <= max_words:
        return first.rstrip(".")
    return " ".join(words[:max_words]).rstrip(",;:") + "…"


def total_usage(parts: Sequence[Usage]) -> Usage | None:
    """Return the usage of all drafts together, or None when no draft reports one.

    Counts add up; wall time does not (chunks may run concurrently), so it is the longest reported.
    """
    if not parts:
        return None
    stages: dict[str, StageUsage] = {}
    for u in parts:
        for name, st in u.stages.items():
            old = stages.get(name, StageUsage())
            stages[name] = StageUsage(
                calls=old.calls + st.calls,
                prompt_tokens=old.prompt_tokens + st.prompt_tokens,
                completion_tokens=old.completion_tokens + st.completion_tokens,
            )
    return Usage(
        calls=sum(u.calls for u in parts),
        cached_calls=sum(u.cached_calls for u in parts),
        prompt_tokens=sum(u.prompt_tokens for u in parts),
        completion_tokens=sum(u.completion_tokens for u in parts),
        retries=sum(u.retries for u in parts),
        wall_seconds=max(u.wall_seconds for u in parts),
        stages=stages,
    )


# --- internals ----------------------------------------------------------------------------------


def _shift(draft: Draft, offset: int) -> Draft:
    if not offset:
        return draft

    def ev(items: list[Evidence]) -> list[Evidence]:
        # Unverified evidence (kept by --keep-unverified) has no span to move.
        return [
            e if e.verified is False else e.model_copy(update={"start": e.start + offset, "end": e.end + offset})
            for e in items
        ]

    return draft.model_copy(
        update={
            "summary": [s.model_copy(update={"evidence": ev(s.evidence)}) for s in draft.summary],
            "positions": [p.model_copy(update={"evidence": ev(p.evidence)}) for p in draft.positions],
            "outcomes": [i.model_copy(update={"evidence": ev(i.evidence)}) for i in draft.outcomes],
            "open_questions": [i.model_copy(update={"evidence": ev(i.evidence)}) for i in draft.open_questions],
        }
    )


def _same(a: Sequence[Evidence], b: Sequence[Evidence]) -> bool:
    """True when two evidence lists hold the very same objects.

    A draft's item whose evidence all checks out as it is then goes into the briefing as it is: a
    copy would be equal, and cost a third of the merge. (Nothing here changes a model it is given.)
    """
    return len(a) == len(b) and all(x is y for x, y in zip(a, b))


def _verified(evidence: Sequence[Evidence], text: str) -> list[Evidence]:
    out: list[Evidence] = []
    for e in evidence:
        if e.verified is False:  # the backend kept it flagged because the user asked for that
            out.append(e)
            continue
        v = verify(e, text)
        if v is not None and all((v.start, v.end) != (o.start, o.end) for o in out):
            out.append(v)
    return out


_HONORIFIC = re.compile(r"^(mr|mrs|ms|dr|prof|sen|rep|gov|president|gen|sir|dame|lord|lady)\.?\s+", re.IGNORECASE)
_SPACE_RUN = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=4096)  # the same few names are keyed again and again while actors are merged
def _key(name: str) -> str:
    name = _HONORIFIC.sub("", name.strip())
    return _SPACE_RUN.sub(" ", name.replace("\u2019", "'")).casefold()


def _merge_actors(found: Sequence[Actor]) -> tuple[list[Actor], dict[str, str]]:
    """Unify actors across chunks; return them and a map from every known name key to the name."""
    merged: dict[str, Actor] = {}
    canonical: dict[str, str] = {}
    # Longer names first, so "Trump" can fold into "Donald Trump" whichever chunk came first.
    order = sorted(range(len(found)), key=lambda i: (-len(found[i].name.split()), i))
    for i in order:
        a = found[i]
        target = _match(a, merged, canonical)
        if target is None:
            aliases = list(dict.fromkeys(a.aliases))
            merged[a.name] = a if aliases == a.aliases else a.model_copy(update={"aliases": aliases})
            target = a.name
        else:
            t = merged[target]
            aliases = list(dict.fromkeys([*t.aliases, *([a.name] if a.name != t.name else []), *a.aliases]))
            merged[target] = t.model_copy(
                update={
                    "aliases": [x for x in aliases if x != t.name],
                    "mentions": t.mentions + a.mentions,
                    "role": t.role or a.role,
                    "kind": t.kind if t.kind != "other" else a.kind,
                }
            )
        for n in (a.name, *a.aliases):
            canonical.setdefault(_key(n), target)
    # Keep the order of first appearance as the backends ranked them.
    first_seen: dict[str, int] = {}
    for i, a in enumerate(found):
        first_seen.setdefault(canonical[_key(a.name)], i)
    actors = sorted(merged.values(), key=lambda a: first_seen.get(a.name, len(found)))
    return actors, canonical


def _match(actor: Actor, merged: dict[str, Actor], canonical: dict[str, str]) -> str | None:
    for n in (actor.name, *actor.aliases):
        hit = canonical.get(_key(n))
        if hit:
            return hit
    if actor.kind == "person" and len(actor.name.split()) == 1:
        # A lone surname (or given name) joins the one person whose full name contains it.
        word = _key(actor.name)
        hits = [m for m in merged.values() if m.kind == "person" and word in _key(m.name).split()]
        if len(hits) == 1:
            return hits[0].name
    return None


# Every ASCII character that is no word character (\w) made a space: in ASCII text the words are
# then what split() gives, at a fraction of the cost of a match per word. (A table for the text's
# bytes: str.translate() looks every distinct character up in a dict, at each call.)
_ASCII_NON_WORD_TO_SPACE = bytes(c if chr(c).isalnum() or chr(c) == "_" else 32 for c in range(128)) + bytes(128)


def _item_key(text: str) -> str:
    folded = text.casefold()
    if folded.isascii():
        return " ".join(folded.encode("ascii").translate(_ASCII_NON_WORD_TO_SPACE).decode("ascii").split())
    return " ".join(_WORD.findall(folded))


def _merge_items(items: Sequence[Item], text: str) -> tuple[list[Item], int]:
    out: list[Item] = []
    seen_spans: set[tuple[int, int]] = set()
    seen_text: set[str] = set()
    dropped = 0
    for item in items:
        evidence = _verified(item.evidence, text)
        if not evidence:
            dropped += 1
            continue
        spans = {(e.start, e.end) for e in evidence if e.verified is not False}
        key = _item_key(item.text)
        if spans & seen_spans or key in seen_text:
            continue
        seen_spans |= spans
        seen_text.add(key)
        out.append(item if _same(evidence, item.evidence) else item.model_copy(update={"evidence": evidence}))
    return out, dropped


def _dedupe_positions(positions: list[Position]) -> list[Position]:
    out: list[Position] = []
    seen: set[tuple[str, tuple[int, int] | str]] = set()
    for p in positions:
        keys = {(p.actor, (e.start, e.end)) for e in p.evidence if e.verified is not False}
        keys.add((p.actor, _item_key(p.text)))
        if keys & seen:
            continue
        seen |= keys
        out.append(p)
    return out
