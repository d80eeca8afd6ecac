"""The role an appositive gives a person: "Cui Zheng, director of the Research Center ..., said",
"the family's attorney, James Maron"."""

from __future__ import annotations

import re

from ..lexicon import ROLE_NOUNS, TITLE_WORDS
from .names import Mention

_APPOSITIVE = re.compile(
    r",\s+(?:(?:aged\s+)?\d{1,3},\s+)?((?:the\s+|a\s+|an\s+)?[^,;:()\u2013\u2014\"\u201c\u2018]{2,140}?)(?=,|\.(?:\s|$)|;|\s[\u2013\u2014-]\s|\)|$)"
)
_COMMA_BEFORE = re.compile(r",\s+$")
_PRE_APPOSITIVE = re.compile(r"\b((?:[Tt]he|[Aa]n?|[A-Z][\w'\u2019.-]*['\u2019]s)\s+(?:[\w'\u2019.-]+\s+){0,3}?[\w'\u2019.-]+),\s+$")
_NOT_ROLE_OPENERS = frozenset(
    "who which that whose where when from of in at on to by with said says told while although though because if "
    "after before since as and but or so".split()
)


def appositive_role(text: str, m: Mention) -> str | None:
    """Return the role an appositive gives a person: "Cui Zheng, director of ..., said"."""
    after = _APPOSITIVE.match(text, m.end, min(len(text), m.end + 160))
    if after:
        phrase = after.group(1).strip()
        # "director of the Research Center for Russia, Eastern Europe, and Central Asian Countries
        # at Liaoning University": a list of names inside the role runs over its commas.
        end = after.end(1)
        while True:
            more = re.match(r",\s+((?:and\s+)?[A-Z][^,;:()\u2013\u2014]{1,80}?)(?=,|\.(?:\s|$)|;|$)", text[end : end + 100])
            if not more:
                break
            phrase += text[end : end + more.end(1)]
            end += more.end(1)
        words = re.findall(r"[\w'\u2019-]+", phrase)
        if all(w[:1].isupper() or w in ("and", "of", "the") for w in words):
            return None  # "Lord Justice Patten and Sir Timothy Lloyd": more names, not a role
        if len(words) > 2 and words[0].lower() in TITLE_WORDS and words[1][:1].isupper() and " and " in phrase:
            return None  # "Pope Francis, actor George Clooney and ...": the next of a list of people
        head = [w.lower().strip("'\u2019") for w in words[:6]]
        if (
            head
            and (head[0] not in _NOT_ROLE_OPENERS or words[0].isupper())  # "WHO regional director" is no "who"
            and not head[0].endswith(("ed", "ing"))
            and set(head[:5]) & ROLE_NOUNS
        ):
            return phrase
    # (The pattern ends in a comma and white space, which most names lack: looked for first.)
    before = _COMMA_BEFORE.search(text, max(0, m.start - 80), m.start) and _PRE_APPOSITIVE.search(text, max(0, m.start - 80), m.start)
    if before:
        phrase = before.group(1).strip()
        last = phrase.split()[-1].lower()
        if last in ROLE_NOUNS:
            return phrase
    return None
