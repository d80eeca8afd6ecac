"""Briefing → Markdown for people, JSON and JSON Lines for programs. Pure functions returning str."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Literal

from .models import Briefing, Evidence, Item, Position

OutputFormat = Literal["markdown", "json", "jsonl"]


def to_dict(briefing: Briefing) -> dict[str, Any]:
    """Return the briefing as the documented JSON object (``text`` only when it was asked for)."""
    data = briefing.model_dump(mode="json")
    if data.get("text") is None:
        data.pop("text", None)
    return data


def render_json(briefings: Sequence[Briefing], *, pretty: bool = False, as_list: bool | None = None) -> str:
    """Return one JSON object for one briefing, a JSON array for several (or when ``as_list``)."""
    docs = [to_dict(b) for b in briefings]
    if as_list is None:
        as_list = len(docs) != 1
    payload: Any = docs if as_list else docs[0]
    # (No check for cycles: what model_dump gives is plain dicts and lists, which hold none.)
    return json.dumps(payload, ensure_ascii=False, indent=2 if pretty else None, check_circular=False) + "\n"


def render_jsonl(briefing: Briefing) -> str:
    """Return one compact JSON line for a briefing."""
    return json.dumps(to_dict(briefing), ensure_ascii=False, separators=(",", ":")) + "\n"


def render_markdown(briefing: Briefing) -> str:
    """Return a readable briefing: title, summary, then each section with its evidence quotes."""
    b = briefing
    lines = [f"# {_inline(b.title)}", ""]
    if b.summary:
        lines += [_inline(b.summary), ""]
    meta = f"*Source: {b.source.name} · {b.source.tokens} tokens · backend: {b.backend.name}"
    meta += f" ({b.backend.model})*" if b.backend.model else "*"
    lines += [meta, ""]

    lines += ["## Actors", ""]
    if b.actors:
        for a in b.actors:
            extra = [a.kind]
            if a.role:
                extra.append(_inline(a.role))
            aka = f"; also {', '.join(_inline(x) for x in a.aliases)}" if a.aliases else ""
            lines.append(f"- **{_inline(a.name)}** ({', '.join(extra)}{aka})")
    else:
        lines.append("_None found._")
    lines.append("")

    lines += _section("Positions", b.positions)
    lines += _section("Outcomes", b.outcomes)
    lines += _section("Open questions", b.open_questions)

    if b.warnings:
        lines += ["## Warnings", ""] + [f"- {_inline(w)}" for w in b.warnings] + [""]
    return "\n".join(lines).rstrip() + "\n"


def render_markdown_many(briefings: Sequence[Briefing]) -> str:
    """Return several Markdown briefings separated by horizontal rules."""
    return "\n---\n\n".join(render_markdown(b) for b in briefings)


def _section(heading: str, items: Sequence[Position | Item]) -> list[str]:
    lines = [f"## {heading}", ""]
    if not items:
        return lines + ["_None found._", ""]
    for item in items:
        who = f"**{_inline(item.actor)}**: " if isinstance(item, Position) else ""
        lines.append(f"- {who}{_inline(item.text)}")
        for e in item.evidence:
            if e.verified is False:  # kept by --keep-unverified: say so where the span would be
                lines.append(f"  > {_inline(e.quote)} <sub>(not found in the article)</sub>")
            elif _same(e, item.text):
                lines.append(f"  <sub>chars {e.start}–{e.end}</sub>")
            else:
                lines.append(f"  > {_inline(e.quote)} <sub>(chars {e.start}–{e.end})</sub>")
    return lines + [""]


def _same(e: Evidence, text: str) -> bool:
    return " ".join(e.quote.split()) == " ".join(text.split())


def _inline(s: str) -> str:
    # Keep a quote on one Markdown line and stop stray characters from starting markup.
    return " ".join(s.split()).replace("<", "&lt;")
