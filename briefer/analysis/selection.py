"""Which entities are actors of the story, in order of salience, and the names they go by."""

from __future__ import annotations

import re

from .actors import Entity
from .names import Mention
from .tokens import curated_given_names


_OF_BEFORE = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*['\u2019]s\s+)?$")


def _works_for(m: Mention, person_ends: set[int], text: str) -> bool:
    """"Kelvin Meadows of Arsenal's Black Scarf Movement": an organisation right after a person."""
    before = text[max(0, m.start - 40) : m.start]
    hit = "of" in before and _OF_BEFORE.search(before)  # (most names have no "of" before them)
    return bool(hit) and (m.start - len(before) + hit.start()) in person_ends


def _affiliated(e: Entity, person_ends: set[int], affiliations: str, text: str) -> bool:
    """True when a person named in the article works for the entity (asked only of organisations
    and others, where it counts)."""
    return any(_works_for(m, person_ends, text) for m in e.mentions) or (len(e.name) > 3 and e.name in affiliations)


def _common_acronym(name: str, text: str) -> bool:
    """"SUV" beside "SUVs": an acronym the article also writes in the plural is a thing's, as no
    body's name takes an "s"."""
    if not (2 <= len(name) <= 5 and name.isalpha() and name.isupper()):
        return False
    at = text.find(name + "s")
    while at >= 0:
        end = at + len(name) + 1
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        at = text.find(name + "s", end)
    return False


_REPORTER_ROLES = frozenset("reporter reporters correspondent correspondents journalist columnist".split())


def _reports(e: Entity, text: str) -> bool:
    """True for a person the article names only as one of the journalists who reported it: by the
    title before the name, never acting ("told VOA Pentagon correspondent Carla Babb", "A VOA
    reporter Nisan Ahmado's source ..."), or in a credit ("CNN's Jethro Mullen wrote from Hong
    Kong", "... contributed to this report"). ("Clarissa Ward, a reporter for the Times, was
    arrested" is news of its own.)"""
    if not e.mentions:
        return False
    if not e.agentive and all(m.prev in _REPORTER_ROLES for m in e.mentions):
        return True
    return all(_CREDIT.match(text, m.end) for m in e.mentions)


_CREDIT = re.compile(r"\s+(?:reported|wrote|filed)\s+from\b|\s+contributed\s+(?:to\s+this|reporting)\b")


def _measure(e: Entity) -> bool:
    """"8.69 GW", "3 GW of panels": an acronym only ever after a figure is a unit, not a body
    (which "8.69 GW were installed" does not make one)."""
    if not (e.mentions and e.name.isupper() and len(e.name) <= 5):
        return False
    return all(_FIGURE.fullmatch(m.prev) for m in e.mentions)


_FIGURE = re.compile(r"\d[\d.,]*")


def select(entities: list[Entity], speaking: dict[int, int], text: str = "") -> list[Entity]:
    """Return the entities that are actors of the story, most salient first.

    People named in full, and anyone who speaks, are actors; organisations and countries when
    they act (a verb follows their name), recur as participants, or employ a speaker ("Kelvin
    Meadows of Arsenal's Black Scarf Movement"); places, events and works never are, nor are
    people named only as examples ("the likes of ...").
    """
    chosen: list[tuple[float, Entity]] = []
    people = [e for e in entities if e.kind == "person" and (speaking.get(e.id) or len(e.name.split()) >= 2)]
    person_ends = {m.end for e in people for m in e.mentions}
    affiliations = " ".join(e.role or "" for e in people)
    for e in entities:
        if not e.mentions and not e.forms:
            continue
        n = len(e.mentions) or sum(e.forms.values())
        spoke = speaking.get(e.id, 0)
        if e.kind in ("place", "event"):
            continue
        if spoke:
            keep = True
        elif e.mentions and all(m.example for m in e.mentions):
            keep = False
        elif e.kind == "person" and _reports(e, text):
            keep = False  # "told VOA Pentagon correspondent Carla Babb": who wrote the story is not in it
        elif e.kind == "person":
            keep = len(e.name.split()) >= 2 or n >= 2 or bool(e.role)
            # Named only as where something happens ("filed in Santa Monica"), with no title and no
            # common given name ("brought in George Lowe"): a place after all.
            keep = keep and not (
                e.mentions
                and e.locative == len(e.mentions)
                and not (e.agentive or e.role or e.name.split()[0].lower() in curated_given_names())
            )
        elif e.kind == "organization" and (_common_acronym(e.name, text) or _measure(e)):
            keep = False
        elif e.kind == "organization":
            team = any(
                m.prev == "the" and len(m.tokens) == 1 and m.name.endswith("s") and not m.name.isupper() and not m.quoted
                for m in e.mentions
            )
            keep = e.agentive >= 1 or e.plain >= 2 or _affiliated(e, person_ends, affiliations, text) or team
        elif e.kind == "country":
            keep = e.agentive >= 1 or e.possessive >= 1 and n >= 2 or e.plain >= 2
        elif e.kind == "group":
            keep = e.agentive >= 1
        else:
            keep = (
                _affiliated(e, person_ends, affiliations, text) and len(e.name.split()) > 1
                or e.agentive >= 2 and e.plain >= 3
            )
        if not keep:
            continue
        salience = n + 2 * spoke + e.agentive + 2.0 / (1 + e.first / 500)
        chosen.append((salience, e))
    chosen.sort(key=lambda se: (-se[0], se[1].first))
    return [e for _, e in chosen]


def aliases(e: Entity) -> list[str]:
    """Return the other ways the article names an entity, without repeats (honorifics count:
    "Mr Hussen" is a way the article names Abase Hussen)."""
    seen = {e.name.casefold()}
    out = []
    for form in sorted(e.forms, key=lambda f: -e.forms[f]):
        k = form.replace("\u2019", "'").casefold()
        if k and k not in seen:
            seen.add(k)
            out.append(form)
    return out
