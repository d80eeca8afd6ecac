"""Who a sentence can name as a speaker, and whom each of those words refers to.

Names; pronouns, which continue the last compatible speaker or subject; descriptions ("the
attorney" is the person whose role says attorney, "the company" the organisation last named as a
participant); "Swift's rep" and "a spokesman for Terminix", who speak for the name they attach to;
"Russia's foreign ministry", which speaks for Russia; "a survey by X", for X; and groups the
article does not name ("an insider", "supporters of the measure").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import repeat

from ..lexicon import (
    DESCRIPTION_SYNONYMS,
    DOCUMENT_DESCRIPTIONS,
    FINDING_VERBS,
    GENERIC_SPEAKERS,
    MEDIA_HEADS,
    ORG_DESCRIPTIONS,
    PERSON_DESCRIPTIONS,
    SPEAKERS_FOR,
    SPEECH_FORMS,
    STANCE_VERBS,
    TITLE_WORDS,
    alternation,
    form_table,
)
from .actors import Entity
from .gazetteer import gaz
from .names import Mention
from .tokens import ASCII_NON_LETTER_TO_SPACE
from .units import Unit

STANCE_FORMS = form_table(STANCE_VERBS | FINDING_VERBS)
_SPEECH, _STANCE = SPEECH_FORMS, STANCE_FORMS
_PRONOUN = re.compile(r"(?=[hsti])\b(he|she|they|it)\b", re.IGNORECASE)  # (first letters first: a faster scan)
# The same matches in ASCII text, spelled to start with a set of letters: a case-insensitive
# pattern, or one that starts with a look-around, runs the matcher at every position, where this
# one lets the engine skip to the next of those letters. (The word boundary before is looked
# behind at from the first letter; the cases are spelled out.)
_PRONOUN_ASCII = re.compile(
    r"([HSTIhsti](?<![A-Za-z0-9_].)(?:(?<=[Hh])[Ee]|(?<=[Ss])[Hh][Ee]|(?<=[Tt])[Hh][Ee][Yy]|(?<=[Ii])[Tt]))"
    r"(?![A-Za-z0-9_])"
)
SKIP_BETWEEN = frozenset(
    "has have had also later previously however now then again further earlier yesterday today "
    "allegedly reportedly repeatedly publicly privately sharply strongly firmly quickly immediately "
    "would will could did does do not never already once still just recently flat-out initially "
    "last night week month year monday tuesday wednesday thursday friday saturday sunday "
    "has since even too simply openly angrily".split()
)
_REPRESENTS = sorted(SPEAKERS_FOR | {"statement"})
_FOR_X = re.compile(r"\b(?:" + "|".join(_REPRESENTS) + r")\s+(?:for|of|from)\s+(?:the\s+)?$", re.IGNORECASE)
_GENERIC = re.compile(
    r"\b(?:(?:the|some|many|most|several|other|angry|furious|an?)\s+)?((?:[A-Z][\w-]*\s+){0,3}|(?:[a-z-]+\s+)?)((?i:"
    + alternation(sorted(GENERIC_SPEAKERS, key=len, reverse=True))
    + r")s?)\b((?:\s+(?:of|from|for|close\s+to)\s+(?:the\s+|both\s+)?[\w-]+(?:\s+[\w-]+)?)?)"
)
_LAST_WORD = re.compile(r"\s+\S+$")
# Unnamed sources by what they know: "people familiar with the matter", "a person briefed on the talks".
_FAMILIAR = re.compile(
    r"\b(?:[Pp]eople|[Aa]\s+person|[Oo]ne\s+person|[Pp]ersons)\s+(?:familiar\s+with|briefed\s+on|with\s+knowledge\s+of)"
    r"(?:\s+(?!(?:said|say|says|told|added|confirmed|speaking|who)\b)[\w'\u2019-]+){1,5}"
)
_FAMILIAR_CUES = frozenset({"familiar", "briefed", "knowledge"})
_FINITE_AFTER = frozenset("is was are were have has had will would could can may might must".split())
_DEMONYM_BODY = re.compile(
    r"\b(?:the\s+)?(?:([A-Z][a-z]+)\s+and\s+)?([A-Z][a-z]+)(?:['\u2019]s)?\s+"
    r"(?:foreign\s+|defence\s+|defense\s+|interior\s+|state\s+)?"
    r"(ministry|ministries|government|governments|foreign office|embassy|embassies|military|militaries|army|armies|"
    r"authorities|officials|police|leaders)\b"
)
_LOWER_WORD = re.compile(r"[a-z]+")
# Compiled once, as the patterns above: these run inside the loops over a sentence's names and
# descriptions, where looking each up in re's cache cost more than the match.
_POSSESSIVE_REPRESENTS = re.compile(r"['\u2019]s\s+(?:\w+\s+)?(" + "|".join(_REPRESENTS) + r")\b")
_ARTICLE_AT_END = re.compile(r"\b(?:a|an|the)\s+$", re.IGNORECASE)
_NAME_COMMA_AT_END = re.compile(r"[A-Z][\w.'\u2019-]*,\s*$")
_COMMA_NAME = re.compile(r",\s+(?:[A-Z][\w.-]*\s+)*[A-Z]")
_WORD_SPAN = re.compile(r"[\w'\u2019-]+")
_DETERMINERS = frozenset("the a an this that his her their its".split())
_REPRESENTS_SET = frozenset(_REPRESENTS)
# What an owner's name can follow in an attribution: "according to (a statement on) X's ...", and
# what it owns: a source ("X's Stadia review"), not more of a name ("the People's Daily").
_ACCORDING_OWNER = re.compile(
    r"\baccording\s+to\s+(?:(?:the|a|an)\s+)?(?:[a-z]+\s+(?:on|from|in|by|of)\s+)?(?:the\s+)?$", re.IGNORECASE
)
_OWNED_SOURCE = re.compile(
    r"['\u2019]s\s+(?:[\w-]+\s+){0,2}?(?:review|report|statement|website|site|analysis|study|data|figures|survey|"
    r"article|story|account|post|tweet|page|blog|research|records|filing|estimate|estimates)\b"
)
_UTTERANCE_NOUNS = frozenset("speech statement letter tweet message remarks email".split())
_OWNED_UTTERANCE = re.compile(r"['\u2019]s\s+(?:[a-z-]+\s+)?(?:" + "|".join(sorted(_UTTERANCE_NOUNS)) + r")\b")
_PRONOUNS = frozenset("he she they it".split())
# "the 28-year-old says": a person named earlier with that age. ("the 28-year-old woman" is a
# description, found below, which takes the place of this.)
_THE_AGED = re.compile(r"\b[Tt]he\s+(\d{1,3})-year-old\b(?!-)")
_BODIES = frozenset(
    "ministry ministries government governments office embassy embassies military militaries army armies authorities "
    "officials police leaders".split()
)
_DESCRIPTION_NOUNS = PERSON_DESCRIPTIONS | ORG_DESCRIPTIONS | DOCUMENT_DESCRIPTIONS
# The determiners _GENERIC may open on: kept with the group ("an insider", "the states").
_GROUP_DETERMINERS = frozenset("the some many most several other angry furious a an".split())
_GENERIC_WORDS = frozenset(GENERIC_SPEAKERS | {w + "s" for w in GENERIC_SPEAKERS})
_OWN_STAFF = frozenset("company firm club agency".split())  # whose officials speak for it
_UNNAMED = frozenset("analyst expert official observer economist historian".split())
_NOT_MODIFIERS = frozenset(
    "the some many most several other angry furious a an while and but as that when because if although where so "
    "who which whereas yesterday today meanwhile also now then later earlier last instead however "
    "minutes hours days weeks months years".split()
)


_BODY_KINDS = frozenset(("organization", "country", "other"))
_OWNER_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}


@dataclass(slots=True)
class Referent:
    start: int  # unit-relative
    end: int
    kind: str  # "entity", "pronoun", "description", "country", "generic"
    entity: int | None = None
    word: str = ""  # pronoun, description noun or country name
    text: str = ""


class Context:
    """What a pronoun or a description can continue: recent speakers and subjects, recent mentions."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities
        self.recent: list[int] = []  # speakers and subjects, most recent last
        self.mentioned: list[int] = []  # every entity named, most recent last

    def note(self, entity: int) -> None:
        if entity in self.recent:
            self.recent.remove(entity)
        self.recent.append(entity)

    def saw(self, entity: int) -> None:
        if entity in self.mentioned:
            self.mentioned.remove(entity)
        self.mentioned.append(entity)

    def pronoun(self, word: str) -> int | None:
        for eid in reversed(self.recent[-6:]):
            e = self.entities[eid]
            if word in ("he", "she"):
                if self._fits(e, word):
                    return eid
            elif e.kind != "person":
                return eid
        if word in ("he", "she"):
            # No speaker or subject yet fits: the person named last ("designed by British artist
            # Giles Walker. ... 'We are all living in a peepshow,' he said.").
            for eid in reversed(self.mentioned[-3:]):
                if self._fits(self.entities[eid], word):
                    return eid
        return None

    @staticmethod
    def _fits(e: Entity, word: str) -> bool:
        return e.kind == "person" and (e.gender is None or e.gender == ("male" if word == "he" else "female"))

    def description(self, noun: str) -> int | None:
        noun = DESCRIPTION_SYNONYMS.get(noun, noun)
        if noun == "statement":  # "the statement said": whoever spoke or acted last
            for eid in reversed(self.recent[-6:]):
                if self.entities[eid].kind != "person":
                    return eid
        if noun in ORG_DESCRIPTIONS or noun == "statement":
            media = noun in ("newspaper", "outlet", "paper", "network", "channel", "station", "website")
            for eid in reversed(self.mentioned[-8:]):
                e = self.entities[eid]
                is_media = e.name.split()[-1].lower() in MEDIA_HEADS
                if e.kind in ("organization", "other") and is_media == media:
                    return eid
            return None
        for eid in reversed(self.mentioned):
            if self._has_role(self.entities[eid], noun):
                return eid
        # Not named yet: the lead's "a NASA scientist says" before "Ellen Stofan, NASA's chief
        # scientist, said". Only when one person in the whole story has that role.
        later = [e.id for e in self.entities if e.mentions and e.id not in self.mentioned and self._has_role(e, noun)]
        return later[0] if len(later) == 1 else None

    @staticmethod
    def _has_role(e: Entity, noun: str) -> bool:
        if e.kind != "person" or not e.role:
            return False
        return noun in {DESCRIPTION_SYNONYMS.get(w, w) for w in re.findall(r"[a-z]+", e.role.lower())}


def find_referents(u: Unit, mentions: list[tuple[Mention, int]], entities: list[Entity]) -> list[Referent]:
    masked = u.outside_quotes()
    # Each pattern runs only when a word it needs is in the sentence: most sentences lack them.
    lowered = masked.lower()
    if lowered.isascii():  # then the runs of [a-z] are what split() gives once all else is a space
        present = set(lowered.encode("ascii").translate(ASCII_NON_LETTER_TO_SPACE).decode("ascii").split())
    else:
        present = set(_LOWER_WORD.findall(lowered))
    represents = not present.isdisjoint(_REPRESENTS_SET)
    according = "according" in present
    refs: list[Referent] = []
    for m, eid in mentions:
        s, e = m.start - u.start, m.end - u.start
        if entities[eid].kind in ("place", "event") or m.quoted:
            continue
        if m.possessive:
            tail = represents and _POSSESSIVE_REPRESENTS.match(u.text, e)
            if not tail:  # "Daniel's speech documented ...", "X's statement said": the owner speaks through it
                tail = _OWNED_UTTERANCE.match(u.text, e) if _UTTERANCE_NOUNS.intersection(present) else None
            if tail:  # "Swift's rep told Fox News": the rep speaks for Swift
                refs.append(Referent(s, tail.end(), "entity", eid, text=u.text[s : tail.end()]))
            elif according and _ACCORDING_OWNER.search(u.text, max(0, s - 40), s) and _OWNED_SOURCE.match(u.text, e):
                # "according to The Verge's review", "according to a statement on Brownback's website"
                refs.append(Referent(s, e, "entity", eid, word="owner", text=m.name))
            continue
        j = _FOR_X.search(u.text, max(0, s - 40), s) if represents else None
        if j:  # "a spokesman for Terminix", "Representatives for Vergara"
            det = _ARTICLE_AT_END.search(u.text[max(0, j.start() - 5) : j.start()])
            k = j.start() - (len(det.group()) if det else 0)
            refs.append(Referent(k, e, "entity", eid, text=m.name))
            continue
        # The referent takes in the title or honorific written before the name ("President Barack
        # Obama", "Ms Hamilton") and a role in lower case ("Chargers coach Anthony Lynn"): what
        # stands before it in the clause is then what came before them.
        start = e - len(m.surface) if m.surface.endswith(m.name) else s
        if m.role and u.text.endswith(m.role + " ", 0, start):
            start -= len(m.role) + 1
            refs = [r for r in refs if r.start < start]  # "Chargers" is part of the role
        refs.append(Referent(start, e, "entity", eid, text=m.name))
    for m in _THE_AGED.finditer(masked) if "year-old" in masked else ():
        refs.append(Referent(m.start(), m.end(), "age", word=m.group(1), text=m.group(0)))
    pronoun = _PRONOUN_ASCII if masked.isascii() else _PRONOUN
    for m in pronoun.finditer(masked) if not present.isdisjoint(_PRONOUNS) else ():
        refs.append(Referent(m.start(), m.end(), "pronoun", word=m.group(1).lower()))
    for m in _DEMONYM_BODY.finditer(masked) if not present.isdisjoint(_BODIES) else ():
        country = _country_of(m.group(2))
        if not country:
            continue
        refs = [r for r in refs if not (m.start() <= r.start < m.end())]
        first = _country_of(m.group(1)) if m.group(1) else None
        if first:
            # "the Russian and Syrian defense ministries": each country's, coordinated as two names are.
            refs.append(Referent(m.start(1), m.end(1), "country", word=first, text=m.group(1)))
            refs.append(Referent(m.start(2), m.end(), "country", word=country, text=masked[m.start(2) : m.end()]))
        elif m.group(1):
            refs.append(Referent(m.start(2), m.end(), "country", word=country, text=masked[m.start(2) : m.end()]))
        else:
            refs.append(Referent(m.start(), m.end(), "country", word=country, text=m.group(0)))
    nouns = present.intersection(_DESCRIPTION_NOUNS)
    for m in _descriptions(masked, lowered, nouns) if nouns else ():
        if any(r.start <= m.start(2) < r.end for r in refs):
            continue
        if _NAME_COMMA_AT_END.search(masked[max(0, m.start() - 40) : m.start()]) or _COMMA_NAME.match(
            masked[m.end() : m.end() + 40]
        ):
            # "James Maron, the family's attorney," or "the family's attorney, James Maron": the name speaks.
            continue
        if any(r.word == "owner" and m.start() <= r.start < m.end() for r in refs):
            continue  # "according to The Verge's review": the owner is the source
        inside = [r for r in refs if m.start() <= r.start and r.end <= m.end()]
        refs = [r for r in refs if not (m.start() <= r.start and r.end <= m.end())]
        noun = m.group(2).lower()
        body = [r for r in inside if r.kind == "entity" and entities[r.entity].kind in _BODY_KINDS]
        if DESCRIPTION_SYNONYMS.get(noun, noun) == "spokesman" and len(body) == 1:
            # "A State Department spokesman said": the body speaks through its spokesman, as it
            # does through "a spokesman for" it.
            refs.append(Referent(m.start(), m.end(), "entity", body[0].entity, text=m.group(0)))
            continue
        # A name that only modifies the description ("The Russia space agency") is not the referent.
        refs.append(Referent(m.start(), m.end(), "description", word=noun, text=m.group(0)))
    for m in _FAMILIAR.finditer(masked) if not present.isdisjoint(_FAMILIAR_CUES) else ():
        # "..., people familiar with the matter said": unnamed sources, who speak as a group.
        if not any(r.start <= m.start() < r.end for r in refs):
            refs.append(Referent(m.start(), m.end(), "generic", word="people", text=m.group(0)))
    heads = present.intersection(_GENERIC_WORDS)
    for m in _generic_matches(masked, lowered, heads) if heads else ():
        mods, head, pp = m.group(1).strip(), m.group(2), m.group(3).strip()
        end = m.end()
        last = pp.rsplit(None, 1)[-1].lower() if pp else ""
        if last in _SPEECH or last in _STANCE or last in _FINITE_AFTER or last in SKIP_BETWEEN or last.endswith("ly"):
            # "Supporters of the measure said", "organisers of the festival still claimed": the
            # phrase's second word is the verb or an adverb.
            end = m.start(3) + _LAST_WORD.search(m.group(3)).start()
            pp = masked[m.start(3) : end].strip()
        if head[0].isupper() and (mods or masked[: m.start(2)].strip(" \"'\u2018\u201c_")):
            continue  # capitalised inside a sentence: part of a name, not a group
        if any(r.start <= m.start(2) < r.end for r in refs):
            continue
        words = mods.split()
        while words and (words[0].lower() in _NOT_MODIFIERS or words[0].lower() in _SPEECH or words[0].lower() in _STANCE):
            words = words[1:]
        name = " ".join(x for x in (" ".join(words), head, pp) if x)
        start = m.start(2) if not words else m.start(1) + mods.index(words[0])
        if m.start() < start and masked[m.start() : start].strip().lower() in _GROUP_DETERMINERS:
            start = m.start()  # keep "an insider", "the states" whole: the article's own words
        if pp:  # "sources close to the investigation", "critics of the report": the group speaks
            refs = [r for r in refs if not (m.start(3) <= r.start and r.end <= end and r.kind == "description")]
        refs.append(Referent(start, end, "generic", word=head.lower(), text=name))
    refs.sort(key=lambda r: (r.start, -r.end))
    return refs


def _country_of(word: str) -> str | None:
    key = word.casefold()
    return gaz().demonyms.get(key) or gaz().names.get(key, (None,))[0]


def _generic_matches(masked: str, lowered: str, heads: set[str]) -> Iterator[re.Match[str]]:
    """Yield what ``_GENERIC.finditer(masked)`` yields, each search started where the next match
    can start, and none made past the last group noun.

    The pattern opens on optional words, so the engine tries it at every position, before, between
    and after the group nouns. In an ASCII text a match's noun is a whole run of letters, one of
    ``heads``, found in the lower-cased text at an offset no earlier than where the search for it
    starts and no later than where its noun stands; before the noun come at most four words, each
    followed by white space. No match starts before the fourth word in front of that offset, nor
    does one found from there differ (\\b and the look-aheads see the whole text); where no head
    comes after the last match, no match does.
    """
    if not masked.isascii():
        yield from _GENERIC.finditer(masked)
        return
    pos = 0
    while True:
        noun = min((at for at in map(lowered.find, heads, repeat(pos)) if at >= 0), default=-1)
        if noun < 0:
            return
        words_before = masked[pos:noun].rsplit(None, 4)
        m = _GENERIC.search(masked, pos + len(words_before[0]) if len(words_before) == 5 else pos)
        if m is None:
            return
        yield m
        pos = m.end()


class _Found:
    """A description found by `_descriptions`, shaped like the match of a regular expression."""

    __slots__ = ("spans", "groups")

    def __init__(self, spans: list[tuple[int, int]], groups: list[str]) -> None:
        self.spans, self.groups = spans, groups

    def start(self, i: int = 0) -> int:
        return self.spans[i][0]

    def end(self, i: int = 0) -> int:
        return self.spans[i][1]

    def group(self, i: int = 0) -> str:
        return self.groups[i]


def _descriptions(masked: str, lowered: str, nouns: set[str]) -> list[_Found]:
    """Return "the attorney", "the family's attorney", "The Russia space agency": a determiner, at
    most three words, a description noun; the determiner nearest the noun wins.

    ``nouns`` are the description nouns among the runs of letters of ``lowered`` (the text lower-
    cased): a word that is one of them is such a run too.
    """
    if lowered.isascii():
        return _ascii_descriptions(masked, lowered, nouns)
    words = list(_WORD_SPAN.finditer(masked))
    out = []
    for k in [k for k, w in enumerate(words) if w.group().lower() in _DESCRIPTION_NOUNS]:
        w = words[k]
        noun = w.group().lower()
        for j in range(k - 1, max(-1, k - 5), -1):
            if not masked[words[j].end() : words[j + 1].start()].isspace():
                break
            if words[j].group().lower() in _DETERMINERS:
                start = words[j].start()
                out.append(_Found([(start, w.end()), (words[j + 1].start(), w.start()), (w.start(), w.end())],
                                  [masked[start : w.end()], masked[words[j + 1].start() : w.start()], noun]))
                break
    return out


# What a _WORD_SPAN word is made of in an ASCII text.
_ASCII_SPAN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'-")


def _ascii_descriptions(masked: str, lowered: str, nouns: set[str]) -> list[_Found]:
    """`_descriptions` of an ASCII text, read from its nouns instead of from every word.

    Lower-casing keeps an ASCII text's offsets, so a noun that is a whole _WORD_SPAN word stands in
    ``lowered`` with no word character either side; the words before it are read backwards from
    there, as far as `_descriptions` looks (four words, white space only between them). A match
    object and a lower-cased copy per word cost most of what describing a sentence did.
    """
    span_chars = _ASCII_SPAN_CHARS
    at_nouns = []
    for noun in nouns:
        at = lowered.find(noun)
        while at >= 0:
            end = at + len(noun)
            if (at == 0 or lowered[at - 1] not in span_chars) and (end == len(lowered) or lowered[end] not in span_chars):
                at_nouns.append((at, end, noun))
            at = lowered.find(noun, at + 1)
    at_nouns.sort()
    out = []
    for noun_start, noun_end, noun in at_nouns:
        after = noun_start  # where the word after the one looked at starts
        for _ in range(4):
            gap = after
            while gap > 0 and masked[gap - 1] not in span_chars:
                gap -= 1
            if gap == 0 or not masked[gap:after].isspace():
                break  # no word before, or a mark between
            start = gap
            while start > 0 and masked[start - 1] in span_chars:
                start -= 1
            if lowered[start:gap] in _DETERMINERS:
                out.append(_Found([(start, noun_end), (after, noun_start), (noun_start, noun_end)],
                                  [masked[start:noun_end], masked[after:noun_start], noun]))
                break
            after = start
    return out


def resolve(
    ref: Referent, u: Unit, masked: str, entities: list[Entity], ctx: Context, made: dict[str, int], finding: bool
) -> tuple[int | None, float]:
    if ref.kind == "entity" and ref.entity is not None:
        e = entities[ref.entity]
        if e.kind in ("place", "event") or finding and e.kind == "person":
            return None, 0
        return ref.entity, 1.0
    if ref.kind == "pronoun":
        eid = ctx.pronoun(ref.word)
        if finding and eid is not None and entities[eid].kind == "person":
            return None, 0
        return eid, 0.85
    if ref.kind == "description":
        noun = DESCRIPTION_SYNONYMS.get(ref.word, ref.word)
        if noun in DOCUMENT_DESCRIPTIONS and noun != "statement":
            return _document(ref, u, masked, entities, ctx, made)
        if finding:
            return None, 0
        words = ref.text.split()
        if noun == "spokesman" and len(words) > 1 and words[-2].lower() in ORG_DESCRIPTIONS:
            # "A company spokesperson said": the company speaks through its spokesperson.
            return ctx.description(words[-2].lower()), 0.75
        eid = ctx.description(ref.word)
        owner = _OWNER_PRONOUNS.get(words[0].lower())
        if eid is None and owner and noun in ("spokesman", "attorney"):
            # "her representatives said", "his lawyer said", no such person named: they speak for
            # the one the pronoun continues, as "Swift's rep" speaks for Swift.
            return ctx.pronoun(owner), 0.75
        if eid is None and noun in TITLE_WORDS:
            office = _office(ref, masked)
            if office:
                # "The Texas Attorney General said", with no holder named: the office speaks.
                return _make(entities, made, "office:" + office.casefold(), "organization", office, u.start + ref.start), 0.7
        return eid, 0.75
    if ref.kind == "age":
        for eid in reversed(ctx.mentioned):
            e = entities[eid]
            if e.kind == "person" and e.age == ref.word:
                return eid, 0.8
        # An age the article gives nowhere else ("The 56-year-old said after his appointment"): the
        # last person named, when that person's age is not known.
        for eid in reversed(ctx.mentioned[-6:]):
            e = entities[eid]
            if e.kind == "person":
                return (eid, 0.7) if e.age is None else (None, 0)
        return None, 0
    if ref.kind == "country":
        for e in entities:
            if e.kind == "country" and e.name == ref.word and e.mentions:
                e.forms[ref.text] = e.forms.get(ref.text, 0) + 1
                return e.id, 0.9
        return _make(entities, made, ref.word, "country", ref.text, u.start + ref.start), 0.9
    if ref.kind == "generic" and not finding:
        key = DESCRIPTION_SYNONYMS.get(ref.word, DESCRIPTION_SYNONYMS.get(ref.word.rstrip("s"), ref.word.rstrip("s")))
        owner = ref.text.lower().split()[:-1]
        if owner and owner[-1] in _OWN_STAFF and len(owner) <= 2:
            # "Company officials said", "company executives said": the company speaks through them.
            eid = ctx.description(owner[-1])
            if eid is not None:
                return eid, 0.75
        if key in _UNNAMED:
            return None, 0  # "analysts say": commentary, not a party to the story
        if ref.text.lower() == ref.word:
            # "Police tweeted ..." after "Greater Manchester Police": the one body of that name.
            named = [
                e.id for e in entities if e.kind == "organization" and e.mentions and e.name.split()[-1].lower() == ref.word
            ]
            if len(named) == 1:
                return named[0], 0.8
        name = ref.text[0].upper() + ref.text[1:]
        eid = _make(entities, made, "generic:" + key, "group", name, u.start + ref.start)
        surface = masked[ref.start : ref.end].strip()
        entities[eid].forms[surface] = entities[eid].forms.get(surface, 0) + 1
        return eid, 0.8
    return None, 0


_OFFICE_TAIL = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*")


def _office(ref: Referent, masked: str) -> str | None:
    """Return the office a title written as a name stands for ("The Texas Attorney General", "the
    Secretary of State"), or None when the description is no such title ("the attorney general",
    "the company's chairman")."""
    words = ref.text.split()[1:]
    if not words or not all(w[:1].isupper() for w in words):
        return None
    tail = _OFFICE_TAIL.match(masked, ref.end)
    return " ".join(words) + (tail.group() if tail else "")


def _document(
    ref: Referent, u: Unit, masked: str, entities: list[Entity], ctx: Context, made: dict[str, int]
) -> tuple[int | None, float]:
    """"A survey released by Direct Health Solutions found": the survey's author speaks; "the
    independent inquiry found", with no author named, makes the inquiry an actor."""
    tail = masked[ref.end : ref.end + 80]
    by = re.search(r"\b(?:by|from|of)\s+(?:the\s+)?([A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*)", tail)
    if by:
        name = by.group(1).casefold()
        for e in entities:
            if e.mentions and e.kind in ("organization", "other", "country") and name in {f.casefold() for f in e.forms}:
                return e.id, 0.8
    noun = DESCRIPTION_SYNONYMS.get(ref.word, ref.word)
    if noun == "report" and ("report:" + noun) not in made and "inquiry:inquiry" in made:
        noun = "inquiry"  # "the report" of an inquiry already named
    modifiers = [w for w in ref.text.split()[1:-1] if w.islower() and w.isalpha()]
    name = " ".join([*modifiers, ref.word])
    key = f"{'inquiry' if noun == 'inquiry' else 'report'}:{noun}"
    return _make(entities, made, key, "organization", name, u.start + ref.start, surface=ref.text), 0.7


def _make(entities: list[Entity], made: dict[str, int], key: str, kind: str, name: str, first: int, surface: str = "") -> int:
    if key not in made:
        e = Entity(len(entities), name, kind)
        e.first = first
        entities.append(e)
        made[key] = e.id
    e = entities[made[key]]
    for form in filter(None, {name, surface}):
        e.forms[form] = e.forms.get(form, 0) + 1
    return e.id


