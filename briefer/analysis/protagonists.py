"""Unnamed protagonists: "A Chinese team took a kite ...", "... after a holidaymaker walked in".

A story can be about someone it never names. The lead brings them in with "a" and a description,
as the subject of what happened, and the story goes on with "the team", "the holidaymaker". Such
a description, taken up again with "the", is one of the story's actors; one mentioned once, or
never the subject of a verb, is not.
"""

from __future__ import annotations

import re

from ..lexicon import IRREGULAR_PAST, UNNAMED_PROTAGONISTS
from .actors import AUXILIARIES, Entity
from .units import Unit

LEAD_SENTENCES = 3  # how far into the story a protagonist is brought in

# "a" or "an", up to four words of description (none of them a function word), a protagonist
# noun, then the next word: the verb it must be the subject of.
_INTRO = re.compile(
    r"\b[Aa]n?\s+((?:(?!(?:a|an|of|the|and|or|to|in|on|at|for|with|from|by|who|that|which)\s)[\w'\u2019-]+\s+){0,4}?)"
    r"(" + "|".join(sorted(UNNAMED_PROTAGONISTS, key=len, reverse=True)) + r")\s+([a-z]+)\b"
)
# Where a clause can open, so that the description is its subject: the sentence's start, a comma
# or a conjunction ("... after a holidaymaker walked in"), not a noun it belongs to ("a video
# showing a girl was released").
_CLAUSE_OPENS = re.compile(
    r"(?:^|,|\b(?:after|when|as|and|but|while|because|before|since|until|where|then|that))\s*[\"'\u2018\u201c]?$"
)
_GROUPS = frozenset("team group gang crew couple family band".split())
_BODIES = frozenset("company firm charity".split())


def protagonists(units: list[Unit], text: str, first_id: int) -> list[Entity]:
    """Return the unnamed protagonists of the story, as entities numbered from ``first_id``."""
    out: list[Entity] = []
    seen: set[str] = set()
    lead = [u for u in units if not u.caption][:LEAD_SENTENCES]
    for u in lead:
        for m in _INTRO.finditer(u.text):
            head, verb = m.group(2).lower(), m.group(3)
            if head in seen or not _acts(verb) or not _CLAUSE_OPENS.search(u.text, 0, m.start()):
                continue
            later = re.compile(r"\b[Tt]he\s+(?:[a-z-]+\s+)?" + re.escape(head) + r"\b")
            back = later.findall(text, u.start + m.end())
            if not back:
                continue  # brought in once and left: a passer-by, not a protagonist
            seen.add(head)
            phrase = m.group(0)[: m.end(2) - m.start()]
            name = (m.group(1) + m.group(2)).strip()
            kind = "group" if head in _GROUPS else "organization" if head in _BODIES else "person"
            e = Entity(first_id + len(out), name[0].upper() + name[1:], kind)
            e.first, e.agentive, e.plain = u.start + m.start(), 1, 1 + len(back)
            e.forms[phrase] = 1
            for form in back:
                e.forms[form] = e.forms.get(form, 0) + 1
            out.append(e)
    return out


def _acts(verb: str) -> bool:
    return verb in AUXILIARIES or verb in IRREGULAR_PAST or len(verb) > 4 and verb.endswith("ed")
