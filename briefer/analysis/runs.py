"""Runs of capitalised words: where a name starts and where it ends.

"Court of Appeal" and "Spirit of Shankly" hold together over "of"; "Kelvin Meadows of Arsenal"
does not. "Nursing and Midwifery Council" holds over "and"; "Egypt and Jordan" does not.
"Ambassador to Armenia" holds over "to"; "Jerusalem to Tel Aviv" does not. A comma-separated list
inside an organisation's name ("Research Center for Russia, Eastern Europe, and Central Asian
Countries") is one name.
"""

from __future__ import annotations

from functools import cache

from ..lexicon import MEDIA_HEADS, NAME_CONNECTORS, ORG_HEADS, ORG_LEADS, TEAM_HEADS, TITLE_WORDS, gazetteer
from .tokens import Token, common_words, given_names, without_possessive

VERSUS = frozenset({"v", "V", "vs", "Vs", "VS"})
_INNER = NAME_CONNECTORS
_GROUPS_OWNING = frozenset("People Women Children Men Workers Citizens Farmers Veterans".split())
_PAPER_DAYS = frozenset({"Sunday", "Saturday"})
_COUNTRY_PREFIXES = frozenset({"U.S.", "US", "UK", "U.K.", "EU"})


def adjacent(a: Token, b: Token, text: str) -> bool:
    gap = text[a.end : b.start]
    return gap == " " or gap == "\u00a0"


def run_end(toks: list[Token], i: int, text: str) -> int:
    """Return the index after the run of capitalised words that starts at ``i``."""
    j = i + 1
    has_of = False
    while j < len(toks):
        prev, t = toks[j - 1], toks[j]
        if has_of and t.text == "," and t.start == prev.end:
            listed = _listed_names(toks, j, text)
            if listed:  # "Research Center for Russia, Eastern Europe, and Central Asian Countries"
                j = listed
                continue
        # (A possessive by endswith: a token holds no line break, so it finds what ['’]s$ would.)
        if not adjacent(prev, t, text) or prev.text.endswith(("'s", "\u2019s")) and not (
            _org_continues(toks, j) or prev.text[:-2] in _GROUPS_OWNING and t.cap
        ):
            break  # ("People's Daily Online", "Women's Hospital": a group's possessive goes on)
        if t.text in VERSUS:
            break  # "Northampton v Saracens": two sides, not one name
        if t.cap and t.word:
            j += 1
            continue
        low = t.text.lower()
        paper_day = low == "on" and prev.text.lower() in MEDIA_HEADS and j + 1 < len(toks)
        if paper_day and without_possessive(toks[j + 1].text) in _PAPER_DAYS:
            j += 2  # "The Mail on Sunday": a paper's name, not the Mail and a day
            continue
        if low == "to" and j + 1 < len(toks) and adjacent(t, toks[j + 1], text) and _joins_to(toks, i, j):
            j += 2 if toks[j + 1].text.lower() != "the" else 3
            continue
        if low in _INNER and j + 1 < len(toks) and adjacent(t, toks[j + 1], text):
            k = j + 1
            if low == "the" and toks[j - 1].text.lower() not in ("of", "for"):
                break
            if k < len(toks) and toks[k].text.lower() == "the" and low in ("of", "for", "to") and k + 1 < len(toks):
                k += 1
            nxt = toks[k]
            if not (nxt.cap and nxt.word):
                break
            if low == "and" and not has_of and not _joins_and(toks, i, j, k, text):
                break
            if low in ("of", "for", "to") and not _joins_of(toks, i, j):
                break
            has_of = has_of or low in ("of", "for")
            j = k + 1
            continue
        break
    return j


def _listed_names(toks: list[Token], j: int, text: str) -> int:
    """After "... for Russia" at a comma: the index after ", Eastern Europe, and Central Asian
    Countries" when a list of capitalised names ending in "and ..." follows, else 0."""
    k = j
    while k < len(toks) and toks[k].text == ",":
        k += 1
        if k < len(toks) and toks[k].text == "and":
            k += 1
            if k < len(toks) and toks[k].cap and toks[k].word:
                while k + 1 < len(toks) and toks[k + 1].cap and toks[k + 1].word and adjacent(toks[k], toks[k + 1], text):
                    k += 1
                return k + 1
            return 0
        if not (k < len(toks) and toks[k].cap and toks[k].word):
            return 0
        while k + 1 < len(toks) and toks[k + 1].cap and toks[k + 1].word and adjacent(toks[k], toks[k + 1], text):
            k += 1
        k += 1
        if k < len(toks) and toks[k].text == "and" and k + 1 < len(toks) and toks[k + 1].cap:
            k += 1
            while k + 1 < len(toks) and toks[k + 1].cap and toks[k + 1].word and adjacent(toks[k], toks[k + 1], text):
                k += 1
            return k + 1
    return 0


def _joins_to(toks: list[Token], i: int, j: int) -> bool:
    """"Ambassador to Armenia", "National Right to Life" hold together; "Jerusalem to Tel Aviv" does not."""
    k = j + 1
    if k < len(toks) and toks[k].text.lower() == "the":
        k += 1
    if k >= len(toks) or not (toks[k].cap and toks[k].word):
        return False
    if toks[j - 1].text.lower().rstrip(".") in TITLE_WORDS:
        return True
    if toks[max(0, i - 1)].text.lower() == "from" or toks[i].text == "From" or toks[j - 1].text.lower() in MEDIA_HEADS:
        return False  # "from The New York Times to the CNN": two names, a span between them
    single = k + 1 >= len(toks) or not toks[k + 1].cap
    return j - i >= 2 and single and toks[i].text.lower() not in given_names()


def _org_continues(toks: list[Token], j: int) -> bool:
    """After "Attorney's" or "King's": does an organisation's name go on ("Office", "College")?"""
    return toks[j].cap and toks[j].text.lower() in ORG_HEADS


def _joins_of(toks: list[Token], i: int, j: int) -> bool:
    """"Court of Appeal" and "Spirit of Shankly" hold together; "Kelvin Meadows of Arsenal" does not."""
    if toks[i].text == "The" and j - i > 1:
        i += 1
    left = toks[i:j]
    last = left[-1].text.lower().rstrip(".")
    if any(t.text.lower() in ORG_HEADS for t in left[:-1]):
        return True  # "Office for the Western District of New York"
    if last in ORG_HEADS or last in ORG_LEADS or last.rstrip("s") in ORG_HEADS or last in TITLE_WORDS:
        return True
    if len(left) == 1 and left[0].text.lower() not in given_names():
        return True
    # "Planned Parenthood Advocates of Kansas": an organisation of a place (not "John Smith of Texas").
    right = toks[j + 1].text if j + 1 < len(toks) else ""
    return left[0].text.lower() not in given_names() and right.casefold() in places()


@cache
def places() -> frozenset[str]:
    data = gazetteer()
    names = {p.casefold() for p in data["places"]}
    names |= {r["name"].casefold() for r in data["countries"]}
    return frozenset(names)


def _joins_and(toks: list[Token], i: int, j: int, k: int, text: str) -> bool:
    """"Nursing and Midwifery Council" holds together; "Egypt and Jordan" does not."""
    m = k
    while m + 1 < len(toks) and toks[m + 1].cap and adjacent(toks[m], toks[m + 1], text):
        m += 1
    right_head = toks[m].text.lower()
    if toks[i].text == "The":
        i += 1
    if toks[i].text in _COUNTRY_PREFIXES and j - i == 2:
        i += 1  # "U.S. Securities and Exchange Commission": the country's, then the name
    # (The word before "and" names what the body deals in, a plain English word: "Nursing",
    # "Customs". A name there is a body of its own: "Wistron and Global Lighting Technologies".)
    # ("Manchester United", "Bolton Wanderers": a team's last word names no field of work, so
    # "Arsenal and Manchester United" are two clubs.)
    return j - i == 1 and right_head in ORG_HEADS and right_head not in TEAM_HEADS and toks[i].text.lower() in common_words()


