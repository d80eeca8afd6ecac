"""Who said what: each sentence's speakers, from the reporting verbs and quotations around them.

Handled: `"...," X said` and `"...," said X`; `X said: "..."`; `X said (that) ...`; `according to X`;
`X told Y ...`; stance verbs (X praised, accused, denied ...); appositives between the speaker and
the verb (`Hugh Hill, a doctor at X, said`); a participle after the clause (`..., saying ...`);
quotations over several sentences, whose speaker is named once; a quotation that follows a
speaker; pronouns (he, she, they, it) continuing the last compatible speaker; descriptions ("the
attorney", "the company", "a spokesman for X", "Russia's foreign ministry", "a survey by X"); and
unnamed groups that speak ("an insider", "supporters of the measure"). A sentence whose speaker
cannot be resolved gets none: no guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import (
    ACCORDING_TO,
    DESCRIPTION_SYNONYMS,
    DOCUMENT_DESCRIPTIONS,
    FINDING_VERBS,
    GENERIC_SPEAKERS,
    NEEDS_COMPLEMENT,
    ORG_DESCRIPTIONS,
    PERSON_DESCRIPTIONS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    STANCE_VERBS,
    form_table,
    verb_forms,
)
from .actors import Entity, gaz
from .names import Mention
from .units import Unit

_SPEECH = form_table(SPEECH_VERBS)
_STANCE = form_table(STANCE_VERBS | FINDING_VERBS)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
_ACCORDING = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ACCORDING_TO) + r")\s+", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(he|she|they|it)\b", re.IGNORECASE)
_SKIP_BETWEEN = frozenset(
    "has have had also later previously however now then again further earlier yesterday today "
    "allegedly reportedly repeatedly publicly privately sharply strongly firmly quickly immediately "
    "would will could did does do not never already once still just recently flat-out initially "
    "last night week month year monday tuesday wednesday thursday friday saturday sunday "
    "has since even too simply openly angrily".split()
)
_PASSIVE = frozenset("was were been being is are be get got".split())
_PREPOSITIONS = frozenset(
    "of at for in on from with by to about against over under into between among through via "
    "after before during without within toward towards like than per".split()
)
_INVERTIBLE = frozenset(
    f
    for lemma in "say add ask write continue conclude explain insist warn claim note tell tweet recall reply stress argue admit".split()
    for f in verb_forms(lemma)
    if not f.endswith("ing")
)
_CLAUSE_BREAK = re.compile(r"\b(?:while|whereas|but|and|as)\b|[;]")
_DELIMS = re.compile(r"[,;:()\u2013\u2014]|\s-\s")
_REFUSED = re.compile(r"^\s*(?:(?:has|have|had)\s+)?(?:declined|refused|did not want|was unable|were unable)\s+to\s*$")
_REPRESENTS = (
    "spokesman spokeswoman spokesperson rep reps representative representatives lawyer lawyers attorney "
    "attorneys aide aides statement spokesmen".split()
)
_FOR_X = re.compile(r"\b(?:" + "|".join(_REPRESENTS) + r")\s+(?:for|of|from)\s+(?:the\s+)?$", re.IGNORECASE)
_GENERIC = re.compile(
    r"\b(?:(?:the|some|many|most|several|other|angry|furious|an?)\s+)?((?:[A-Z][\w-]*\s+){0,3}|(?:[a-z-]+\s+)?)((?i:"
    + "|".join(sorted(GENERIC_SPEAKERS, key=len, reverse=True))
    + r")s?)\b((?:\s+(?:of|from|for)\s+(?:the\s+|both\s+)?[\w-]+(?:\s+[\w-]+)?)?)"
)
_DEMONYM_BODY = re.compile(
    r"\b(?:the\s+)?([A-Z][a-z]+)(?:['\u2019]s)?\s+(?:foreign\s+|defence\s+|defense\s+|interior\s+|state\s+)?"
    r"(ministry|government|foreign office|embassy|military|army|authorities|officials|police|leaders)\b"
)
_LOWER_WORD = re.compile(r"[a-z]+")
_WORD_SPAN = re.compile(r"[\w'\u2019-]+")
_DETERMINERS = frozenset("the a an this that his her their its".split())
_PARTICIPLES = frozenset("seen written given known shown spoken chosen".split())
_REPRESENTS_SET = frozenset(_REPRESENTS)
_PRONOUNS = frozenset("he she they it".split())
_BODIES = frozenset("ministry government office embassy military army authorities officials police leaders".split())
_DESCRIPTION_NOUNS = PERSON_DESCRIPTIONS | ORG_DESCRIPTIONS | DOCUMENT_DESCRIPTIONS
_GENERIC_WORDS = frozenset(GENERIC_SPEAKERS | {w + "s" for w in GENERIC_SPEAKERS})
_UNNAMED = frozenset("analyst expert official observer economist historian".split())
_NOT_MODIFIERS = frozenset(
    "the some many most several other angry furious a an while and but as that when because if although where so "
    "who which whereas".split()
)
_MEDIA_HEADS = frozenset("post times news journal herald telegraph guardian mail express mirror sun tribune gazette".split())
_BARE_BEFORE = frozenset("they we you i will would could can may might must should did does do not to n't also".split())


@dataclass(slots=True)
class Referent:
    start: int  # unit-relative
    end: int
    kind: str  # "entity", "pronoun", "description", "country", "generic"
    entity: int | None = None
    word: str = ""  # pronoun, description noun or country name
    text: str = ""


@dataclass(slots=True)
class Attribution:
    unit: int
    entity: int
    cue: str
    confidence: float


class _Context:
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
                if e.kind == "person" and (e.gender is None or e.gender == ("male" if word == "he" else "female")):
                    return eid
            elif e.kind != "person":
                return eid
        return None

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
                is_media = e.name.split()[-1].lower() in _MEDIA_HEADS
                if e.kind in ("organization", "other") and is_media == media:
                    return eid
            return None
        for eid in reversed(self.mentioned):
            e = self.entities[eid]
            words = {DESCRIPTION_SYNONYMS.get(w, w) for w in re.findall(r"[a-z]+", (e.role or "").lower())}
            if e.kind == "person" and noun in words:
                return eid
        return None


def attribute(
    units: list[Unit], mentions: list[Mention], owner: dict[int, int], entities: list[Entity]
) -> dict[int, list[Attribution]]:
    """Return each unit's attributions. Unnamed groups and inquiries that speak ("an insider",
    "the independent inquiry") are appended to ``entities``."""
    by_unit: dict[int, list[tuple[Mention, int]]] = {}
    for i, m in enumerate(mentions):
        if i in owner:
            by_unit.setdefault(m.unit, []).append((m, owner[i]))
    ctx = _Context(entities)
    made: dict[str, int] = {}
    out: dict[int, list[Attribution]] = {}
    for u in units:
        if u.caption:
            continue
        found = _attribute_unit(u, by_unit.get(u.index, []), entities, ctx, made)
        if found:
            out[u.index] = found
        for m, eid in by_unit.get(u.index, []):
            if entities[eid].kind in ("person", "organization", "country", "group", "other") and not m.quoted:
                if not (m.modifier or m.locative):
                    ctx.saw(eid)  # what "the company" can refer back to: not "a Netflix documentary"
                if not m.possessive and (m.next in _SPEECH or m.next in _STANCE or m.next in _SKIP_BETWEEN or m.next.endswith("ed")):
                    ctx.note(eid)  # a subject: what the next sentence's "he" or "it" continues
        for a in found:
            ctx.note(a.entity)
    _continue_quotations(units, out)
    return out


def _referents(u: Unit, mentions: list[tuple[Mention, int]], entities: list[Entity]) -> list[Referent]:
    masked = u.outside_quotes()
    # Each pattern runs only when a word it needs is in the sentence: most sentences lack them.
    present = set(_LOWER_WORD.findall(masked.lower()))
    represents = not present.isdisjoint(_REPRESENTS_SET)
    refs: list[Referent] = []
    for m, eid in mentions:
        s, e = m.start - u.start, m.end - u.start
        if entities[eid].kind in ("place", "event") or m.quoted:
            continue
        if m.possessive:
            tail = represents and re.match(r"['\u2019]s\s+(?:\w+\s+)?(" + "|".join(_REPRESENTS) + r")\b", u.text[e:])
            if tail:  # "Swift's rep told Fox News": the rep speaks for Swift
                refs.append(Referent(s, e + tail.end(), "entity", eid, text=u.text[s : e + tail.end()]))
            continue
        j = _FOR_X.search(u.text, max(0, s - 40), s) if represents else None
        if j:  # "a spokesman for Terminix", "Representatives for Vergara"
            k = j.start()
            while k > 0 and u.text[k - 1] != " " or k > 1 and u.text[k - 2 : k - 1].isalpha() and u.text[max(0, k - 3) : k - 1].lower() in ("a", "an", "the"):
                k -= 1
            refs.append(Referent(k, e, "entity", eid, text=m.name))
            continue
        refs.append(Referent(s, e, "entity", eid, text=m.name))
    for m in _PRONOUN.finditer(masked) if not present.isdisjoint(_PRONOUNS) else ():
        refs.append(Referent(m.start(), m.end(), "pronoun", word=m.group(1).lower()))
    for m in _DEMONYM_BODY.finditer(masked) if not present.isdisjoint(_BODIES) else ():
        country = gaz().demonyms.get(m.group(1).casefold()) or gaz().names.get(m.group(1).casefold(), (None,))[0]
        if country:
            refs = [r for r in refs if not (m.start() <= r.start < m.end())]
            refs.append(Referent(m.start(), m.end(), "country", word=country, text=m.group(0)))
    for m in _descriptions(masked) if not present.isdisjoint(_DESCRIPTION_NOUNS) else ():
        if any(r.start <= m.start(2) < r.end for r in refs):
            continue
        if re.search(r"[A-Z][\w.'\u2019-]*,\s*$", masked[max(0, m.start() - 40) : m.start()]) or re.match(
            r",\s+(?:[A-Z][\w.-]*\s+)*[A-Z]", masked[m.end() : m.end() + 40]
        ):
            # "James Maron, the family's attorney," or "the family's attorney, James Maron": the name speaks.
            continue
        # A name that only modifies the description ("The Russia space agency") is not the referent.
        refs = [r for r in refs if not (m.start() <= r.start and r.end <= m.end())]
        refs.append(Referent(m.start(), m.end(), "description", word=m.group(2).lower(), text=m.group(0)))
    for m in _GENERIC.finditer(masked) if not present.isdisjoint(_GENERIC_WORDS) else ():
        mods, head, pp = m.group(1).strip(), m.group(2), m.group(3).strip()
        if head[0].isupper() and (mods or masked[: m.start(2)].strip(" \"'\u2018\u201c_")):
            continue  # capitalised inside a sentence: part of a name, not a group
        if any(r.start <= m.start(2) < r.end for r in refs):
            continue
        words = mods.split()
        while words and (words[0].lower() in _NOT_MODIFIERS or words[0].lower() in _SPEECH or words[0].lower() in _STANCE):
            words = words[1:]
        name = " ".join(x for x in (" ".join(words), head, pp) if x)
        start = m.start(2) if not words else m.start(1) + mods.index(words[0])
        if m.start() < start and masked[m.start() : start].strip().lower() in _NOT_MODIFIERS:
            start = m.start()  # keep "an insider", "the states" whole: the article's own words
        refs.append(Referent(start, m.end(), "generic", word=head.lower(), text=name))
    refs.sort(key=lambda r: (r.start, -r.end))
    return refs


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


def _descriptions(masked: str) -> list[_Found]:
    """Return "the attorney", "the family's attorney", "The Russia space agency": a determiner, at
    most three words, a description noun; the determiner nearest the noun wins."""
    words = list(_WORD_SPAN.finditer(masked))
    out = []
    for k, w in enumerate(words):
        noun = w.group().lower()
        if noun not in _DESCRIPTION_NOUNS:
            continue
        for j in range(k - 1, max(-1, k - 5), -1):
            if not masked[words[j].end() : words[j + 1].start()].isspace():
                break
            if words[j].group().lower() in _DETERMINERS:
                start = words[j].start()
                out.append(_Found([(start, w.end()), (words[j + 1].start(), w.start()), (w.start(), w.end())],
                                  [masked[start : w.end()], masked[words[j + 1].start() : w.start()], noun]))
                break
    return out


def _attribute_unit(
    u: Unit, mentions: list[tuple[Mention, int]], entities: list[Entity], ctx: _Context, made: dict[str, int]
) -> list[Attribution]:
    masked = u.outside_quotes()
    refs = _referents(u, mentions, entities)
    found: list[Attribution] = []
    last_verb_end = -1

    def add(ref_list: list[Referent], cue: str, confidence: float, finding: bool = False) -> bool:
        added = False
        for ref in ref_list:
            eid, conf = _resolve(ref, u, masked, entities, ctx, made, finding)
            if eid is None or any(a.entity == eid for a in found):
                continue
            found.append(Attribution(u.index, eid, cue, round(confidence * conf, 2)))
            ctx.note(eid)  # "Russia's foreign ministry said it viewed ...": "it" is the speaker
            added = True
        return added

    for m in _ACCORDING.finditer(masked):
        after = [
            r for r in refs
            if r.start >= m.end() and r.start - m.end() < 90 and r.kind not in ("pronoun", "generic")
            and not (r.kind == "description" and r.word in DOCUMENT_DESCRIPTIONS)
        ]
        for r in after:
            if add([r], "according to", 0.85):
                break
    for w in _WORD.finditer(masked):
        word = w.group().lower()
        lemma = _SPEECH.get(word) or _STANCE.get(word)
        if not lemma or _is_passive(masked, w.start()) or _is_attributive(masked, w):
            continue
        if any(r.start <= w.start() < r.end for r in refs):
            continue  # "the only two Arab states": a noun inside a name or a description
        if lemma in NEEDS_COMPLEMENT and not _has_complement(u, masked, w):
            continue
        if word in _PARTICIPLES and not re.search(r"\b(?:has|have|had|having)\s+(?:\w+ly\s+)?$", masked[max(0, w.start() - 20) : w.start()]):
            continue  # "territories, seen as ...": a participle without "have" reports nothing
        if word == lemma and not _finite_bare(masked, w.start()):
            continue  # "a Palestinian state", "a call": a noun unless a subject or an auxiliary comes first
        speech = word in _SPEECH
        if word.endswith("ing"):
            subj = _adjacent_subject(refs, masked, w.start()) or _participle_subject(refs, masked, w.start())
        else:
            subj = _subject_before(refs, masked, w.start())
            if not subj and word in _INVERTIBLE:
                subj = _inverted_subject(refs, masked, w)
        if not subj:
            continue
        if found and last_verb_end >= 0 and not _CLAUSE_BREAK.search(masked[last_verb_end : subj[0].start]):
            # "Pompeo said that ... Washington had concluded ...": reported inside the first report.
            continue
        finding = lemma in FINDING_VERBS
        if add(subj, lemma, 0.9 if speech else 0.75, finding):
            last_verb_end = w.end()
    return found


def _has_complement(u: Unit, masked: str, w: re.Match[str]) -> bool:
    """"X called the talks 'productive'", "X regards Y as ...", "X called on Y": a stance, not an act."""
    after = masked[w.end() : w.end() + 80]
    if re.match(r"\s+(?:that|on|for)\b", after) or re.search(r"\bas\b", after[:60]):
        return True
    return any(s >= w.end() for s, _ in u.quotes)


def _finite_bare(masked: str, v: int) -> bool:
    before = re.findall(r"[\w'\u2019]+", masked[max(0, v - 30) : v].lower())
    if not before:
        return False
    prev = before[-1]
    return prev in _BARE_BEFORE or prev.endswith("n't") or (prev.endswith("s") and not prev.endswith(("'s", "\u2019s", "ss")))


def _is_passive(masked: str, v: int) -> bool:
    before = masked[max(0, v - 30) : v].lower().split()
    return bool(before) and (before[-1] in _PASSIVE or len(before) > 1 and before[-1].endswith("ly") and before[-2] in _PASSIVE)


def _is_attributive(masked: str, w: re.Match[str]) -> bool:
    """"the reported deaths", "a called meeting": a participle before a noun reports nothing."""
    before = masked[max(0, w.start() - 6) : w.start()].lower()
    return w.group().lower().endswith("ed") and bool(re.search(r"\b(?:the|a|an)\s+$", before))


def _adjacent_subject(refs: list[Referent], masked: str, v: int) -> list[Referent]:
    """"with Jordanian Foreign Minister Ayman Safadi warning of ...": the name right before."""
    left = [r for r in refs if r.end <= v]
    if left and not masked[left[-1].end : v].strip() and left[-1].kind == "entity":
        return [left[-1]]
    return []


def _participle_subject(refs: list[Referent], masked: str, v: int) -> list[Referent]:
    """"Barry Beavis launched a bid ..., saying it was unfair": the clause's subject speaks."""
    if not re.search(r",\s*$", masked[max(0, v - 4) : v]):
        return []
    first = next((r for r in refs if r.end <= v), None)
    if first and _only_skippable(masked[: first.start].lower()) and first.kind in ("entity", "generic", "description"):
        return [first]
    return []


def _inverted_subject(refs: list[Referent], masked: str, w: re.Match[str]) -> list[Referent]:
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
                and r.kind in ("entity", "description", "country", "generic")
                and not (r.kind == "description" and r.word in DOCUMENT_DESCRIPTIONS)
            ):
                return [r]
            return []
    return []


def _subject_before(refs: list[Referent], masked: str, v: int) -> list[Referent]:
    """Return the subject of the verb at ``v``: the referent right before it, or the one that heads
    its clause when an appositive stands between ("Su Xiaohui, deputy director of ..., warned")."""
    left = [r for r in refs if r.end <= v]
    if not left:
        return []
    # 1. Right before the verb, with only adverbs and auxiliaries between: "he said", "Trump has said".
    last = left[-1]
    gap = masked[last.end : v].lower()
    if (_only_skippable(gap) and not _DELIMS.search(gap) or _REFUSED.match(gap)) and not _in_phrase(masked, last.start):
        return _coordinated(left, masked, last)
    gap_words = re.findall(r"[a-z][a-z'-]*", gap)
    if gap_words and gap_words[-1] in ("who", "which") and last.kind == "entity":
        # "Abase Hussen – who blamed police ...": the relative clause's antecedent.
        before_who = gap[: gap.rfind(gap_words[-1])].strip(" ,\u2013\u2014-")
        return [last] if _only_skippable(before_who) else []
    cuts = [m.end() - 1 for m in _DELIMS.finditer(masked, 0, v)]
    seg_start = cuts[-1] + 1 if cuts else 0
    head = next((r for r in left if r.start >= seg_start and not _in_phrase(masked, r.start)), None)
    if head and _only_skippable(masked[seg_start : head.start].lower()):
        between = masked[head.end : v].lower()
        # 2. "Roy Bentham of Spirit of Shankly said": a name, its organisation, the verb.
        words = re.findall(r"[a-z][a-z'-]*", between)
        if words and words[0] in ("of", "at", "from", "for") and len(words) <= 8 and not any(
            x in _SPEECH or x in _STANCE or x in _PASSIVE or x in ("who", "which", "that") for x in words
        ):
            return _coordinated(left, masked, head)
        # 3. "Mr Hussen came to Britain ... and said": a second verb of the clause's subject.
        if words and words[-1] == "and" and not re.search(r"[,;]", between) and head.kind != "pronoun":
            return [head]
    if not cuts or not _only_skippable(masked[cuts[-1] + 1 : v].lower()):
        return []
    # 4. "Kim Lee, 38, who represents ..., said": the head of the clause, an appositive, the verb.
    for r in left:
        seg = max((c for c in cuts if c < r.start), default=-1) + 1
        if _in_phrase(masked, r.start) or not _only_skippable(masked[seg : r.start].lower()):
            continue
        after = masked[r.end : r.end + 3]
        if re.match(r"\s*(?:,|\(|\u2013|\u2014|-\s)", after) and r.kind != "pronoun":
            return _coordinated(left, masked, r)
        break
    # 5. Walk the clause's segments leftwards over appositives.
    seg_end = cuts[-1]
    for cut in reversed([-1] + cuts[:-1]):
        seg_start = cut + 1
        seg = masked[seg_start:seg_end]
        words = seg.split()
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


def _coordinated(left: list[Referent], masked: str, anchor: Referent) -> list[Referent]:
    """"The United Nations and European Union stressed": every name of the coordination."""
    joint = re.compile(r"\s*(?:,|and|,\s*and|&)\s*(?:the\s+)?")
    i = left.index(anchor)
    lo = i
    while lo > 0 and left[lo - 1].kind == anchor.kind and joint.fullmatch(masked[left[lo - 1].end : left[lo].start]):
        lo -= 1
    hi = i
    while hi + 1 < len(left) and left[hi + 1].kind == anchor.kind and joint.fullmatch(masked[left[hi].end : left[hi + 1].start]):
        hi += 1
    if lo == hi:
        return [anchor]
    # A list ends in "and": "On Twitter, Brownback" is no coordination, "Egypt and Jordan" is.
    if not any(re.search(r"\band\b|&", masked[left[k].end : left[k + 1].start]) for k in range(lo, hi)):
        return [anchor]
    return [r for r in left[lo : hi + 1] if not _in_phrase(masked, r.start)]


def _only_skippable(gap: str) -> bool:
    words = re.findall(r"[a-z][a-z'-]*|\d+", gap)
    return all(w in _SKIP_BETWEEN or w.endswith("ly") or w.isdigit() for w in words) and not re.search(r"[;:(]", gap)


def _appositive_like(words: list[str]) -> bool:
    first = words[0].lower().strip("'\u2019\"")
    return (
        first in ROLE_NOUNS
        or first in ("a", "an", "the", "who", "which", "whose", "aged", "himself", "herself", "also", "for", "of", "from")
        or first[:1].isdigit()
        or first.endswith(("ing", "'s", "\u2019s"))
        or words[0][:1].islower() and first not in _SKIP_BETWEEN and not first.endswith("ly")
    )


def _in_phrase(masked: str, start: int) -> bool:
    """True when a name sits inside a prepositional phrase or after a possessive ("at the X")."""
    before = re.findall(r"[\w'\u2019]+", masked[max(0, start - 40) : start].lower())
    while before and before[-1] in ("the", "a", "an"):
        before.pop()
    return bool(before) and (before[-1] in _PREPOSITIONS or before[-1].endswith(("'s", "\u2019s")))


def _resolve(
    ref: Referent, u: Unit, masked: str, entities: list[Entity], ctx: _Context, made: dict[str, int], finding: bool
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
        return ctx.description(ref.word), 0.75
    if ref.kind == "country":
        for e in entities:
            if e.kind == "country" and e.name == ref.word and e.mentions:
                e.forms[ref.text] = e.forms.get(ref.text, 0) + 1
                return e.id, 0.9
        return _make(entities, made, ref.word, "country", ref.text, u.start + ref.start), 0.9
    if ref.kind == "generic" and not finding:
        key = DESCRIPTION_SYNONYMS.get(ref.word, DESCRIPTION_SYNONYMS.get(ref.word.rstrip("s"), ref.word.rstrip("s")))
        if key in _UNNAMED:
            return None, 0  # "analysts say": commentary, not a party to the story
        name = ref.text[0].upper() + ref.text[1:]
        eid = _make(entities, made, "generic:" + key, "group", name, u.start + ref.start)
        surface = masked[ref.start : ref.end].strip()
        entities[eid].forms[surface] = entities[eid].forms.get(surface, 0) + 1
        return eid, 0.8
    return None, 0


def _document(
    ref: Referent, u: Unit, masked: str, entities: list[Entity], ctx: _Context, made: dict[str, int]
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
        starts_quote = bool(run[0].quotes) and run[0].quotes[0][0] == 0
        if tagged is None and starts_quote and prev_speaker and prev_index == run[0].index - 1:
            tagged = Attribution(-1, prev_speaker.entity, prev_speaker.cue, 0.6)
        if tagged is not None:
            for u in run:
                if u.index not in out and u.quoted_share() > 0.5:
                    out[u.index] = [Attribution(u.index, tagged.entity, tagged.cue, min(0.7, tagged.confidence))]
        last = run[-1]
        prev_speaker = out[last.index][0] if last.index in out else None
        prev_index = last.index
