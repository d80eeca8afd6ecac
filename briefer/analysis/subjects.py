"""The subject of a reporting verb: which referent, before or after it, is the speaker.

"he said", "Trump has said"; "Su Xiaohui, deputy director of ..., warned" (the head of the clause
across an appositive); `"...," said Avi Bell` (after the verb); "Roy Bentham of Spirit of Shankly
said"; "Mr Hussen came to Britain ... and said"; "Barry Beavis launched a bid, saying ..."; "with
Ayman Safadi warning ..."; "The United Nations and the European Union stressed" (both).
"""

from __future__ import annotations

import re

from ..lexicon import DOCUMENT_DESCRIPTIONS, ROLE_NOUNS
from .referents import SKIP_BETWEEN as _SKIP_BETWEEN
from ..lexicon import SPEECH_FORMS as _SPEECH
from .referents import STANCE_FORMS as _STANCE
from .referents import Referent

PASSIVE = frozenset("was were been being is are be get got".split())
_PREPOSITIONS = frozenset(
    "of at for in on from with by to about against over under into between among through via "
    "after before during without within toward towards like than per".split()
)
_RELATIVE_THEN_AND = re.compile(r"\s*,\s*(?:which|who)\s+[^,;:\"'\u201c\u2018]{3,80}\s+and\s+$")
_COMPLEMENTIZERS = frozenset("that whether if how why what when".split())
# Prepositions that also open a clause: "after the Daily Mail revealed ...".
_CONJUNCTIONS_TOO = frozenset("after before".split())
_DELIMS = re.compile(r"[,;:()\u2013\u2014]|\s-\s")
_REFUSED = re.compile(r"^\s*(?:(?:has|have|had)\s+)?(?:declined|refused|did not want|was unable|were unable)\s+to\s*$")
# "Perry is alleged to have told students ...", "X was said to have warned ...": reported speech at
# one remove, but the subject is still its speaker.
_PARTICIPLE_COLON = re.compile(r"[A-Za-z]+ing:")  # a participle that opens a quotation
_REPORTED_TO = re.compile(
    r"^\s*(?:is|was|are|were)\s+(?:\w+ly\s+)?(?:alleged|said|reported|understood|thought|believed|claimed)\s+to\s+have\s*$"
)
# Compiled once: these run for every reporting verb.
_JOINT = re.compile(r"\s*(?:,|and|,\s*and|&)\s*(?:the\s+)?")
_AND = re.compile(r"\band\b|&")
_GAP_WORD = re.compile(r"[a-z][a-z'-]*|\d+")
_GAP_BREAK = re.compile(r"[;:(]")
_WORD_BEFORE = re.compile(r"[\w'\u2019]+")
# Compiled once: these run for every reporting verb (re's cache look-up cost more than the match).
_LOWER_WORD = re.compile(r"[a-z][a-z'-]*")
_COMMA_AT_END = re.compile(r",\s*$")
_APPOSITIVE_OPENS = re.compile(r"\s*(?:,|\(|\u2013|\u2014|-\s)")
# "Police in Norfolk said", "WAVY in Norfolk, Virginia, reported", "Health authorities in Inner
# Mongolia have confirmed": where the speaker is, between the speaker and the verb (a place, and the
# state or country that places it, set off by commas).
_IN_PLACE_BEFORE = re.compile(
    r"\s+in\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}(?:,\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)?,)?"
    r"(?:\s+(?:has|have|had|also|\w+ly))*\s+$"
)


def adjacent_subject(refs: list[Referent], masked: str, v: int) -> list[Referent]:
    """"with Jordanian Foreign Minister Ayman Safadi warning of ...": the name right before."""
    left = [r for r in refs if r.end <= v]
    if left and not masked[left[-1].end : v].strip() and left[-1].kind == "entity":
        return [left[-1]]
    return []


def participle_subject(refs: list[Referent], masked: str, v: int) -> list[Referent]:
    """"Barry Beavis launched a bid ..., saying it was unfair", "Joanne Parker made light of it
    writing: '...'": the clause's subject speaks."""
    if not (_COMMA_AT_END.search(masked[max(0, v - 4) : v]) or _PARTICIPLE_COLON.match(masked, v)):
        return []
    first = next((r for r in refs if r.end <= v), None)
    if first and _only_skippable(masked[: first.start].lower()) and first.kind in ("entity", "generic", "description"):
        return [first]
    return []


def inverted_subject(refs: list[Referent], masked: str, w: re.Match[str]) -> list[Referent]:
    """`"...," said Avi Bell` or `..., added the Barcelona defender`: the speaker after the verb."""
    before = masked[: w.start()].rstrip()
    if before and before[-1] not in ",_\"'\u201d\u2019":
        return []
    for r in refs:
        if r.start >= w.end():
            gap = masked[w.end() : r.start].strip().lower()
            if (
                len(gap.split()) <= 4
                and not re.search(r"[,;:]", gap)
                and not set(gap.split()) & _PREPOSITIONS
                and not set(gap.split()) & _COMPLEMENTIZERS  # "announced that McHenry would ...": the object's
                and r.kind in ("entity", "description", "country", "generic")
                and not (r.kind == "description" and r.word in DOCUMENT_DESCRIPTIONS)
                and not _modifies_a_noun(masked, r.end)
            ):
                return [r]
            return []
    return []


_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
# What may follow a speaker named after the verb: "said Jones in a statement", "said Jones, who
# ...", "said Jones and Smith", "said Jones yesterday", "said Jones as he left".
_AFTER_INVERTED = _PREPOSITIONS | _COMPLEMENTIZERS | frozenset(
    "who which and or as while whereas because although though yesterday today tonight earlier later "
    "last this next recently previously".split()
)


def _modifies_a_noun(masked: str, end: int) -> bool:
    """True when a lower-case word other than a preposition or a conjunction follows the name:
    "..., said the US policy change paved the way" has the US modify the subject, "policy change",
    and the verb's speaker is before it."""
    after = _NEXT_WORD.match(masked, end)
    return bool(after) and after.group(1) not in _AFTER_INVERTED and not after.group(1).endswith("ly")


def subject_before(refs: list[Referent], masked: str, v: int) -> list[Referent]:
    """Return the subject of the verb at ``v``: the referent right before it, or the one that heads
    its clause when an appositive stands between ("Su Xiaohui, deputy director of ..., warned")."""
    left = [r for r in refs if r.end <= v]
    if not left:
        return []
    # 1. Right before the verb, with only adverbs and auxiliaries between: "he said", "Trump has said".
    last = left[-1]
    gap = masked[last.end : v].lower()
    close = _only_skippable(gap) and not _DELIMS.search(gap) or _REFUSED.match(gap) or _REPORTED_TO.match(gap)
    if close and not _in_phrase(masked, last.start, clause_ok=True):
        return _coordinated(left, masked, last)
    if " in " in masked[max(0, v - 90) : v]:
        placed = _placed_speaker(left, masked, v)
        if placed:
            return placed
    gap_words = _LOWER_WORD.findall(gap)
    if gap_words and gap_words[-1] in ("who", "which") and last.kind == "entity":
        # "Abase Hussen – who blamed police ...": the relative clause's antecedent.
        before_who = gap[: gap.rfind(gap_words[-1])].strip(" ,\u2013\u2014-")
        return [last] if _only_skippable(before_who) else []
    if last.kind == "entity" and _RELATIVE_THEN_AND.match(gap):
        # "Ofsted, which put six schools in special measures and said ...": the relative
        # clause's second verb.
        return [last]
    cuts = [m.end() - 1 for m in _DELIMS.finditer(masked, 0, v)]
    seg_start = cuts[-1] + 1 if cuts else 0
    head = next((r for r in left if r.start >= seg_start and not _in_phrase(masked, r.start)), None)
    if head and _only_skippable(masked[seg_start : head.start].lower()):
        between = masked[head.end : v].lower()
        # 2. "Roy Bentham of Spirit of Shankly said": a name, its organisation, the verb.
        words = _LOWER_WORD.findall(between)
        if _affiliation_only(words, most=8, stops=("who", "which", "that")):
            return _coordinated(left, masked, head)
        # 3. "Mr Hussen came to Britain ... and said", "... but says": a second verb of the
        # clause's subject.
        second_verb = words and words[-1] in ("and", "but") and not re.search(r"[,;]", between)
        if second_verb and (head.kind != "pronoun" or seg_start == 0):  # (a pronoun only as the sentence's subject)
            return [head]
    # 2b. "... but Jean Morris from the farm said": the last name of the clause outside a phrase,
    # then its organisation or place, then the verb.
    near = next((r for r in reversed(left) if r.start >= seg_start and not _in_phrase(masked, r.start)), None)
    if near is not None and near.kind == "entity":
        words = _LOWER_WORD.findall(masked[near.end : v].lower())
        if _affiliation_only(words, most=6, stops=("who", "which", "that", "and", "but")):
            return [near]
    if not cuts or not _only_skippable(masked[cuts[-1] + 1 : v].lower()):
        return []
    # 4. "Kim Lee, 38, who represents ..., said": the head of the clause, an appositive, the verb.
    for r in left:
        seg = max((c for c in cuts if c < r.start), default=-1) + 1
        lead = masked[seg : r.start].lower()
        if _in_phrase(masked, r.start) or not (_only_skippable(lead) or lead.strip() in ("the", "a", "an")):
            continue  # ("The Riverton Tenants Alliance, which ..., said": the article is the name's)
        after = masked[r.end : r.end + 3]
        if _APPOSITIVE_OPENS.match(after) and r.kind != "pronoun":
            named = _named_holder(left, masked, r)
            return [named] if named else _coordinated(left, masked, r)
        break
    # 5. Walk the clause's segments leftwards over appositives.
    seg_end = cuts[-1]
    for cut in reversed([-1] + cuts[:-1]):
        seg_start = cut + 1
        seg = masked[seg_start:seg_end]
        words = seg.split()
        if words and words[0] in ("and", "but"):
            # "..., and Mr Hussen, 47, who is from Ethiopia, said": a new clause's subject.
            head = next((r for r in left if r.start >= seg_start and r.end <= seg_end), None)
            if head is not None and head.kind != "pronoun":
                opening = masked[seg_start : head.start].lower().strip()
                if _only_skippable(opening[len(words[0]) :]):
                    return [head]
            if head is None and len(words) > 1 and words[1][:1].islower() and words[1] not in _SKIP_BETWEEN:
                return []  # "..., but several dock crews said": a clause whose subject is no one named
        if words and _appositive_like(words):
            seg_end = cut
            continue
        inside = [r for r in left if r.start >= seg_start and r.end <= seg_end and not _in_phrase(masked, r.start)]
        if inside and _only_skippable(masked[seg_start : inside[0].start].lower()):
            return _coordinated(left, masked, inside[0])
        if inside and _only_skippable(masked[inside[-1].end : seg_end].lower()):
            return _coordinated(left, masked, inside[-1])
        if words and not _only_skippable(seg.lower()):
            return []
        seg_end = cut
        if cut < 0:
            break
    return []


def _placed_speaker(left: list[Referent], masked: str, v: int) -> list[Referent]:
    """"Police in Norfolk, Virginia, said": the name before where it is speaks."""
    hit = _IN_PLACE_BEFORE.search(masked, max(0, v - 90), v)
    if hit is None:
        return []
    at = hit.start()
    r = next((x for x in reversed(left) if x.end <= at), None)
    if r is None or r.end != at or r.kind == "pronoun" or _in_phrase(masked, r.start, clause_ok=True):
        return []
    return _coordinated(left, masked, r)


def _named_holder(left: list[Referent], masked: str, r: Referent) -> Referent | None:
    """"Carlineo's attorney, Sonya Zoghlin, said": the name set off after an owner's role is who
    holds it, and who speaks."""
    if "'s " not in r.text and "\u2019s " not in r.text:
        return None
    nxt = next((x for x in left if x.start > r.end), None)
    if nxt is None or nxt.kind != "entity" or masked[r.end : nxt.start].strip() != ",":
        return None
    return nxt if masked[nxt.end : nxt.end + 1] == "," else None


def _affiliation_only(words: list[str], *, most: int, stops: tuple[str, ...]) -> bool:
    """True when the words between a name and its verb only say where the speaker is from ("of
    Spirit of Shankly", "from the farm"): a preposition first, at most ``most`` words, no verb of
    their own and none of ``stops``."""
    return bool(words) and words[0] in ("of", "at", "from", "for") and len(words) <= most and not any(
        x in _SPEECH or x in _STANCE or x in PASSIVE or x in stops for x in words
    )


def _coordinated(left: list[Referent], masked: str, anchor: Referent) -> list[Referent]:
    """"The United Nations and European Union stressed": every name of the coordination."""
    i = left.index(anchor)
    lo = i
    while lo > 0 and left[lo - 1].kind == anchor.kind and _JOINT.fullmatch(masked[left[lo - 1].end : left[lo].start]):
        lo -= 1
    hi = i
    while hi + 1 < len(left) and left[hi + 1].kind == anchor.kind and _JOINT.fullmatch(masked[left[hi].end : left[hi + 1].start]):
        hi += 1
    if lo == hi:
        return [anchor]
    # A list ends in "and": "On Twitter, Brownback" is no coordination, "Egypt and Jordan" is.
    if not any(_AND.search(masked[left[k].end : left[k + 1].start]) for k in range(lo, hi)):
        return [anchor]
    return [r for r in left[lo : hi + 1] if not _in_phrase(masked, r.start)]


def _only_skippable(gap: str) -> bool:
    words = _GAP_WORD.findall(gap)
    return all(w in _SKIP_BETWEEN or w.endswith("ly") or w.isdigit() for w in words) and not _GAP_BREAK.search(gap)


def _appositive_like(words: list[str]) -> bool:
    first = words[0].lower().strip("'\u2019\"")
    return (
        first in ROLE_NOUNS
        or first in ("a", "an", "the", "who", "which", "whose", "aged", "himself", "herself", "also", "for", "of", "from")
        or first[:1].isdigit()
        or first.endswith(("ing", "'s", "\u2019s"))
        or words[0][:1].islower() and first not in _SKIP_BETWEEN and not first.endswith("ly")
    )


def _in_phrase(masked: str, start: int, clause_ok: bool = False) -> bool:
    """True when a name sits inside a prepositional phrase or after a possessive ("at the X").
    With ``clause_ok``, a word that also opens a clause ("after the Daily Mail revealed") does not
    count: the verb follows the name."""
    before = _WORD_BEFORE.findall(masked[max(0, start - 40) : start].lower())
    while before and before[-1] in ("the", "a", "an"):
        before.pop()
    if clause_ok and before and before[-1] in _CONJUNCTIONS_TOO:
        return False
    return bool(before) and (before[-1] in _PREPOSITIONS or before[-1].endswith(("'s", "\u2019s")))


