"""Who said what: each sentence's speakers, from the reporting verbs and quotations around them.

Handled: `"...," X said` and `"...," said X`; `X said: "..."`; `X said (that) ...`; `according to X`;
`X told Y ...`; stance verbs (X praised, accused, denied ...); appositives between the speaker and
the verb (`Hugh Hill, a doctor at X, said`); quotations over several sentences, whose speaker is
named once; a quotation that follows a speaker; pronouns (he, she, they, it) continuing the last
compatible speaker; descriptions ("the attorney", "the company", "a spokesman for X", "Russia's
foreign ministry"). A sentence whose speaker cannot be resolved gets none: no guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import (
    ACCORDING_TO,
    DESCRIPTION_SYNONYMS,
    GENERIC_SPEAKERS,
    NEEDS_COMPLEMENT,
    ORG_DESCRIPTIONS,
    PERSON_DESCRIPTIONS,
    SPEECH_VERBS,
    STANCE_VERBS,
    form_table,
)
from .actors import Entity, gaz
from .names import Mention
from .units import Unit

_SPEECH = form_table(SPEECH_VERBS)
_STANCE = form_table(STANCE_VERBS)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
_ACCORDING = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ACCORDING_TO) + r")\s+", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(he|she|they|it)\b", re.IGNORECASE)
_SKIP_BETWEEN = frozenset(
    "has have had also later previously however now then again further earlier yesterday today "
    "allegedly reportedly repeatedly publicly privately sharply strongly firmly quickly immediately "
    "would will could did does do not never already once still just recently flat-out initially "
    "last night week month year on monday tuesday wednesday thursday friday saturday sunday "
    "has since even too simply openly angrily".split()
)
_PASSIVE = frozenset("was were been being is are be get got".split())
_PREPOSITIONS = frozenset(
    "of at for in on from with by to about against over under into between among through via "
    "after before during without within toward towards like than per".split()
)
_INVERTIBLE = frozenset(
    "said says added adds asked asks wrote writes continued concluded explained insisted warned "
    "claimed noted told tweeted recalled replied stressed argued admitted".split()
)
_DELIMS = re.compile(r"[,;:()\u2013\u2014]|\s-\s")
_REPRESENTS = (
    "spokesman spokeswoman spokesperson rep reps representative representatives lawyer lawyers attorney "
    "attorneys aide aides statement spokesmen official officials".split()
)
_FOR_X = re.compile(r"\b(?:a|an|the)\s+(?:" + "|".join(_REPRESENTS) + r")\s+(?:for|of|from)\s+$", re.IGNORECASE)
_BARE_FOR_X = re.compile(r"\b(?:" + "|".join(_REPRESENTS) + r")\s+(?:for|of|from)\s+$", re.IGNORECASE)
_DESCRIPTION = re.compile(
    r"\b(?:the|a|an|this|that|his|her|their|its)\s+((?:[\w'\u2019-]+\s+){0,3}?)("
    + "|".join(sorted(PERSON_DESCRIPTIONS | ORG_DESCRIPTIONS, key=len, reverse=True))
    + r")s?\b",
    re.IGNORECASE,
)
_GENERIC = re.compile(
    r"\b(?:(?:the|some|many|most|several|local|other|angry|furious|an?)\s+)?((?:[A-Za-z-]+\s+)?(?:"
    + "|".join(sorted(GENERIC_SPEAKERS, key=len, reverse=True))
    + r"))\b((?:\s+(?:of|from|for)\s+(?:the\s+|both\s+)?[\w-]+(?:\s+[\w-]+)?)?)",
    re.IGNORECASE,
)
_DEMONYM_BODY = re.compile(
    r"\b(?:the\s+)?([A-Z][a-z]+)(?:['\u2019]s)?\s+(?:foreign\s+|defence\s+|defense\s+|interior\s+|state\s+)?"
    r"(ministry|government|foreign office|embassy|military|army|authorities|officials|police|president|leaders)\b"
)


@dataclass(slots=True)
class Referent:
    start: int  # unit-relative
    end: int
    kind: str  # "entity", "pronoun", "description", "generic"
    entity: int | None = None
    word: str = ""  # pronoun or description noun, lower-case
    text: str = ""


@dataclass(slots=True)
class Attribution:
    unit: int
    entity: int
    cue: str
    confidence: float
    generic: str | None = None  # the group's name when the speaker is a generic group


class _Context:
    """The speakers and subjects a pronoun or a description can continue."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities
        self.recent: list[int] = []  # entity ids, most recent last

    def note(self, entity: int) -> None:
        if entity in self.recent:
            self.recent.remove(entity)
        self.recent.append(entity)

    def pronoun(self, word: str) -> int | None:
        for eid in reversed(self.recent[-6:]):
            e = self.entities[eid]
            if word in ("he", "she"):
                if e.kind == "person" and (e.gender is None or e.gender == ("male" if word == "he" else "female")):
                    return eid
            elif word == "it":
                if e.kind in ("organization", "country"):
                    return eid
            elif word == "they" and e.kind in ("organization", "group", "country"):
                return eid
        return None

    def description(self, noun: str) -> int | None:
        noun = DESCRIPTION_SYNONYMS.get(noun, noun)
        if noun in ORG_DESCRIPTIONS:
            for eid in reversed(self.recent[-6:]):
                if self.entities[eid].kind in ("organization",):
                    return eid
            return None
        for eid in reversed(self.recent):
            role = (self.entities[eid].role or "").lower()
            words = {DESCRIPTION_SYNONYMS.get(w, w) for w in re.findall(r"[a-z]+", role)}
            if noun in words:
                return eid
        return None


def attribute(
    units: list[Unit], mentions: list[Mention], owner: dict[int, int], entities: list[Entity]
) -> tuple[dict[int, list[Attribution]], dict[str, int]]:
    """Return each unit's attributions, and the generic groups that spoke (name → entity id).

    Generic groups ("an insider", "supporters of the measure") are appended to ``entities``.
    """
    by_unit: dict[int, list[tuple[Mention, int]]] = {}
    for i, m in enumerate(mentions):
        if i in owner:
            by_unit.setdefault(m.unit, []).append((m, owner[i]))
    ctx = _Context(entities)
    generics: dict[str, int] = {}
    out: dict[int, list[Attribution]] = {}
    for u in units:
        if u.caption:
            continue
        found = _attribute_unit(u, by_unit.get(u.index, []), entities, ctx, generics)
        if found:
            out[u.index] = found
        # Subjects named in the sentence are what its pronouns and the next sentence's continue.
        for m, eid in by_unit.get(u.index, []):
            if entities[eid].kind in ("person", "organization", "country", "group") and not m.possessive:
                if m.next and (m.next in _SPEECH or m.next in _STANCE or m.next in _SKIP_BETWEEN or m.next.endswith("ed")):
                    ctx.note(eid)
        for a in found:
            ctx.note(a.entity)
    _continue_quotations(units, out)
    return out, generics


def _referents(u: Unit, mentions: list[tuple[Mention, int]], entities: list[Entity], generics: dict[str, int]) -> list[Referent]:
    masked = u.outside_quotes()
    refs: list[Referent] = []
    for m, eid in mentions:
        s, e = m.start - u.start, m.end - u.start
        if entities[eid].kind in ("place", "event"):
            continue
        if m.possessive:
            tail = re.match(r"['\u2019]s\s+(?:\w+\s+)?(" + "|".join(_REPRESENTS) + r")\b", u.text[e:])
            if tail:  # "Swift's rep told Fox News": the rep speaks for Swift
                refs.append(Referent(s, e + tail.end(), "entity", eid, text=u.text[s : e + tail.end()]))
            continue
        before = u.text[max(0, s - 40) : s]
        if _FOR_X.search(before) or _BARE_FOR_X.search(before):  # "a spokesman for Terminix"
            j = _FOR_X.search(before) or _BARE_FOR_X.search(before)
            refs.append(Referent(s - (len(before) - j.start()), e, "entity", eid, text=m.name))
            continue
        refs.append(Referent(s, e, "entity", eid, text=m.name))
    for m in _PRONOUN.finditer(masked):
        refs.append(Referent(m.start(), m.end(), "pronoun", word=m.group(1).lower()))
    for m in _DESCRIPTION.finditer(masked):
        if any(r.start <= m.start(2) < r.end for r in refs):
            continue
        refs.append(Referent(m.start(), m.end(), "description", word=m.group(2).lower()))
    for m in _DEMONYM_BODY.finditer(masked):
        country = gaz().demonyms.get(m.group(1).casefold()) or (
            gaz().names.get(m.group(1).casefold(), (None,))[0]
        )
        if country:
            refs = [r for r in refs if not (m.start() <= r.start < m.end())]
            refs.append(Referent(m.start(), m.end(), "country", word=country, text=m.group(0)))
    refs.sort(key=lambda r: (r.start, -r.end))
    return refs


def _attribute_unit(
    u: Unit, mentions: list[tuple[Mention, int]], entities: list[Entity], ctx: _Context, generics: dict[str, int]
) -> list[Attribution]:
    masked = u.outside_quotes()
    refs = _referents(u, mentions, entities, generics)
    quoted = u.quoted_share() > 0.15
    found: list[Attribution] = []
    seen: set[int] = set()

    def add(ref_list: list[Referent], cue: str, confidence: float) -> None:
        for ref in ref_list:
            eid, conf, generic = _resolve(ref, u, entities, ctx, generics, masked)
            if eid is None or eid in seen:
                continue
            seen.add(eid)
            found.append(Attribution(u.index, eid, cue, round(confidence * conf, 2), generic))

    for m in _ACCORDING.finditer(masked):
        after = [r for r in refs if r.start >= m.end() and r.start - m.end() < 90 and r.kind != "pronoun"]
        if after:
            add([after[0]], "according to", 0.85)
    for w in _WORD.finditer(masked):
        word = w.group().lower()
        lemma = _SPEECH.get(word) or _STANCE.get(word)
        if not lemma:
            continue
        if lemma in NEEDS_COMPLEMENT and not (quoted or re.match(r"\s+(?:that|on|for)\b", masked[w.end() :])):
            continue
        if _is_passive(masked, w.start()) or _is_attributive(masked, w):
            continue
        speech = word in _SPEECH
        if word.endswith("ing"):
            subj = _adjacent_subject(refs, masked, w.start())
            if subj:
                add(subj, lemma, 0.8 if speech else 0.7)
            continue
        subj = _inverted_subject(refs, masked, w) if word in _INVERTIBLE else None
        if not subj:
            subj = _subject_before(refs, masked, w.start())
        if not subj:
            subj = _generic_subject(u, masked, w.start(), generics, entities)
        if subj:
            add(subj, lemma, 0.9 if speech else 0.75)
    return found


def _is_passive(masked: str, v: int) -> bool:
    before = masked[max(0, v - 30) : v].lower().split()
    return bool(before) and (before[-1] in _PASSIVE or len(before) > 1 and before[-1].endswith("ly") and before[-2] in _PASSIVE)


def _is_attributive(masked: str, w: re.Match[str]) -> bool:
    """"the reported deaths", "a called meeting": a participle before a noun reports nothing."""
    before = masked[max(0, w.start() - 6) : w.start()].lower()
    return w.group().lower().endswith("ed") and bool(re.search(r"\b(?:the|a|an)\s+$", before))


def _adjacent_subject(refs: list[Referent], masked: str, v: int) -> list[Referent]:
    """"with Jordanian Foreign Minister Ayman Safadi warning of ...": the name right before."""
    for r in reversed(refs):
        if r.end <= v:
            gap = masked[r.end : v].strip().lower()
            if not gap and r.kind == "entity":
                return [r]
            return []
    return []


def _inverted_subject(refs: list[Referent], masked: str, w: re.Match[str]) -> list[Referent]:
    """`"...," said Avi Bell` or `..., added the Barcelona defender`: the speaker after the verb."""
    before = masked[: w.start()].rstrip()
    if before and before[-1] not in ",_\"'\u201d\u2019" and not before.endswith("_"):
        return []
    for r in refs:
        if r.start >= w.end():
            gap = masked[w.end() : r.start].strip().lower()
            if len(gap.split()) <= 4 and not re.search(r"[,.;:]", gap) and r.kind in ("entity", "description", "country"):
                return [r]
            return []
    return []


def _subject_before(refs: list[Referent], masked: str, v: int) -> list[Referent]:
    """Return the subject of the verb at ``v``: the referent right before it, or the first one of
    its clause, skipping appositives between commas or dashes."""
    left = [r for r in refs if r.end <= v]
    if not left:
        return []
    # 1. Right before the verb, with only adverbs and auxiliaries between: "he said", "Trump has said".
    last = left[-1]
    gap = masked[last.end : v].lower()
    if _only_skippable(gap) and not _in_phrase(masked, last.start):
        return _coordinated(left, masked, last)
    gap_words = gap.split()
    if gap_words and gap_words[-1] in ("who", "which"):
        # "Abase Hussen – who blamed police ...": the relative clause's antecedent.
        before_who = gap[: gap.rfind(gap_words[-1])].strip(" ,\u2013\u2014-")
        return [last] if _only_skippable(before_who) and last.kind == "entity" else []
    # 2. Walk clause segments leftwards.
    cuts = [m.start() for m in _DELIMS.finditer(masked, 0, v)]
    seg_end = v
    for cut in reversed(cuts + [-1]):
        seg_start = cut + 1
        seg = masked[seg_start:seg_end]
        inside = [r for r in left if r.start >= seg_start and r.end <= seg_end and not _in_phrase(masked, r.start)]
        words = seg.strip().split()
        if inside and seg_end == v:
            first = inside[0]
            if _only_skippable(masked[seg_start : first.start].lower().strip()) or first.kind != "entity":
                return _coordinated(left, masked, first)
            return [first]
        if inside and seg_end != v:
            tail = inside[-1]
            if _only_skippable(masked[tail.end : seg_end].lower()):
                return _coordinated(left, masked, _segment_head(inside, masked, seg_start))
        if seg_end != v and words and not _appositive_like(words):
            return []
        if seg_end == v and words and not _only_skippable(seg.lower()) and not _appositive_like(words):
            return []
        seg_end = cut
        if cut < 0:
            break
    return []


def _segment_head(inside: list[Referent], masked: str, seg_start: int) -> Referent:
    return inside[0] if _only_skippable(masked[seg_start : inside[0].start].lower().strip()) else inside[-1]


def _coordinated(left: list[Referent], masked: str, first: Referent) -> list[Referent]:
    """"The United Nations and European Union stressed": every name of the coordination."""
    out = [first]
    for r in left:
        if r.start > out[-1].end and re.fullmatch(r"\s*(?:,|and|,\s*and|&)\s*(?:the\s+)?", masked[out[-1].end : r.start]):
            out.append(r)
    return out


def _only_skippable(gap: str) -> bool:
    words = re.findall(r"[a-z'-]+|\d+", gap)
    return all(w in _SKIP_BETWEEN or w.endswith("ly") or w.isdigit() for w in words) and not re.search(r"[;:(]", gap)


def _appositive_like(words: list[str]) -> bool:
    first = words[0].lower()
    return (
        first in ("a", "an", "the", "who", "which", "whose", "aged", "himself", "herself", "however", "also")
        or first[:1].isdigit()
        or first.endswith(("ing", "ed"))
        or words[0][:1].islower()
    )


def _in_phrase(masked: str, start: int) -> bool:
    """True when a name sits inside a prepositional phrase or after a possessive ("at the X")."""
    before = re.findall(r"[\w'\u2019]+", masked[max(0, start - 40) : start].lower())
    while before and before[-1] in ("the", "a", "an"):
        before.pop()
    return bool(before) and (before[-1] in _PREPOSITIONS or before[-1].endswith(("'s", "\u2019s")))


def _generic_subject(u: Unit, masked: str, v: int, generics: dict[str, int], entities: list[Entity]) -> list[Referent]:
    """"Supporters of the measure described ...", "an insider told ...": a group the article
    does not name, made an actor because it speaks."""
    for m in _GENERIC.finditer(masked, max(0, v - 80), v):
        if not _only_skippable(masked[m.end() : v].lower()):
            continue
        head = m.group(1).strip()
        name = (head + m.group(2)).strip()
        words = head.lower().split()
        if words[0] in ("analysts", "experts", "officials", "observers") or len(words) > 1 and words[1] in (
            "analysts", "experts", "officials", "observers"):
            return []
        key = words[-1].rstrip("s")
        if key not in generics:
            e = Entity(len(entities), name[0].upper() + name[1:], "group")
            e.first = u.start + m.start()
            entities.append(e)
            generics[key] = e.id
        e = entities[generics[key]]
        for form in {name, m.group(0).strip()}:
            e.forms[form] = e.forms.get(form, 0) + 1
        return [Referent(m.start(), m.end(), "entity", generics[key], text=name)]
    return []


def _resolve(
    ref: Referent, u: Unit, entities: list[Entity], ctx: _Context, generics: dict[str, int], masked: str
) -> tuple[int | None, float, str | None]:
    if ref.kind == "entity" and ref.entity is not None:
        e = entities[ref.entity]
        if e.kind in ("place", "event"):
            return None, 0, None
        return ref.entity, 1.0, e.name if e.kind == "group" else None
    if ref.kind == "pronoun":
        return ctx.pronoun(ref.word), 0.85, None
    if ref.kind == "description":
        return ctx.description(ref.word), 0.75, None
    if ref.kind == "country":
        for e in entities:
            if e.kind == "country" and e.name == ref.word and e.mentions:
                e.forms[ref.text] = e.forms.get(ref.text, 0) + 1
                return e.id, 0.9, None
        e = Entity(len(entities), ref.word, "country")
        e.forms[ref.text] = 1
        e.first = u.start + ref.start
        entities.append(e)
        return e.id, 0.9, None
    return None, 0, None


def _continue_quotations(units: list[Unit], out: dict[int, list[Attribution]]) -> None:
    """Give every sentence of a quotation the speaker named in one of them, and a quotation that
    follows an attributed sentence that sentence's speaker."""
    runs: list[list[Unit]] = []
    for u in units:
        if u.caption:
            continue
        if runs and u.opens_inside and runs[-1][-1].leaves_open and runs[-1][-1].index == u.index - 1:
            runs[-1].append(u)
        else:
            runs.append([u])
    prev_speaker: Attribution | None = None
    prev_index = -2
    for run in runs:
        tagged = next((out[u.index][0] for u in run if u.index in out), None)
        starts_quote = run[0].quotes and run[0].quotes[0][0] == 0
        if tagged is None and starts_quote and prev_speaker and prev_index == run[0].index - 1:
            tagged = Attribution(-1, prev_speaker.entity, prev_speaker.cue, 0.6, prev_speaker.generic)
        if tagged is not None:
            for u in run:
                if u.index not in out and u.quoted_share() > 0.5:
                    out[u.index] = [Attribution(u.index, tagged.entity, tagged.cue, min(0.7, tagged.confidence), tagged.generic)]
        last = run[-1]
        prev_speaker = out[last.index][0] if last.index in out else None
        prev_index = last.index
