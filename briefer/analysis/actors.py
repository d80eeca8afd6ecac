"""Name mentions → entities: one per person, organisation, country or group the article names.

Mentions of the same entity are unified ("Donald Trump" … "Trump"; "Cui Zheng" … "Cui";
"Nursing and Midwifery Council (NMC)" … "NMC"; "Washington" … the United States), each entity gets
a kind from its form and context (titles, given names, organisation and place head words, the
gazetteer), and a role from its titles or appositives ("Cui Zheng, director of ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..lexicon import (
    DOCUMENT_DESCRIPTIONS,
    EVENT_HEADS,
    HONORIFICS,
    IRREGULAR_PAST,
    KNOWN_ORG_NAMES,
    KNOWN_ORGS,
    NOT_NAMES,
    ORG_HEADS,
    ORG_KIND_NOUNS,
    PERSON_PARTICLES,
    PLACE_LEADS,
    ORG_LEADS,
    OUTCOME_VERBS,
    PLACE_HEADS,
    SPEECH_VERBS,
    STANCE_VERBS,
    SURNAME_PLACE_HEADS,
    TEAM_ROLES,
    US_STATE_CODES,
    form_table,
)
from .gazetteer import Gazetteer, gaz
from .names import Mention, person_gender
from .roles import appositive_role
from .tokens import common_words, curated_given_names, given_names, plain_word, surnames

VERB_FORMS = form_table(SPEECH_VERBS | STANCE_VERBS | OUTCOME_VERBS)
AUXILIARIES = frozenset(
    "is was are were has have had will would could can may might must should did does do says said "
    "also has't hasn't didn't doesn't won't wouldn't".split()
)
_LOCATIVE = frozenset(
    "in on at from to into near across through outside inside around via toward towards within throughout "
    "between off onto over under along beyond".split()
)
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z&]{1,6}s?$")
# "WeWork", "YouTube", "McHenry": a capital inside a word marks a name, even opening a sentence,
# where no common word has one.
_INNER_CAPITAL = re.compile(r"[A-Z][a-z]+[A-Z]")
_FEMALE_ROLES = frozenset("actress spokeswoman chairwoman mother wife daughter sister widow girl woman queen princess".split())
_MALE_ROLES = frozenset("spokesman chairman father husband son brother boy man king prince".split())
_APPOSED_NAME = re.compile(r"(?:'s|\u2019s)?(?:,\s+the\s+|\s+\((?:the\s+)?)")
_DETERMINERS = frozenset("a an the this that these those other its his her their our some any every each".split())
_SUFFIXES = frozenset("jr. jr sr. sr ii iii iv".split())
_STRIP_COUNTRY_PREFIX = ("u.s. ", "us ", "uk ", "u.k. ")
_WORD_SEPARATORS = re.compile(r"[\s-]+")
_LOWER_WORD = re.compile(r"[a-z]+")


@dataclass
class Entity:
    id: int
    name: str
    kind: str = "other"  # person, organization, country, group, place, event, other
    mentions: list[Mention] = field(default_factory=list)
    forms: dict[str, int] = field(default_factory=dict)  # ways the article names it → count
    role: str | None = None
    gender: str | None = None
    first: int = 0
    agentive: int = 0
    locative: int = 0
    weak: int = 0  # demonym or modifier uses that count for salience but name nothing
    possessive: int = 0
    plain: int = 0  # mentions neither locative nor modifying a noun: the entity as a participant
    age: str | None = None  # "Emma Jackson, 28," or "28-year-old Emma Jackson": what "the 28-year-old" refers to

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        for form in dict.fromkeys((m.name, m.surface)):  # a set would order them by hash seed
            self.forms[form] = self.forms.get(form, 0) + 1
        self.first = min(self.first, m.start) if self.mentions[:-1] else m.start


@lru_cache(maxsize=4096)
def _key(name: str) -> str:
    name = name.replace("\u2019", "'").strip()
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    return " ".join(words).casefold()


def _spelled_out_acronym(name: str, key: str, g: Gazetteer) -> bool:
    """True for "US" or "WHO": in capitals, a name we know, though in lower case a word that is
    never one ("us", "who")."""
    return len(name) > 1 and name.isupper() and (key in g.names or name in KNOWN_ORGS)


def build_entities(mentions: list[Mention], text: str) -> tuple[list[Entity], dict[int, int]]:
    """Return the entities the mentions name and, for each mention index, its entity id."""
    g = gaz()
    entities: list[Entity] = []
    by_key: dict[str, int] = {}
    owner: dict[int, int] = {}
    mentions = _without_opening_words(mentions)
    # A one-word sentence opener is a name only if the article also uses it as one elsewhere: on its
    # own inside a sentence, or as a word of a longer name.
    keys = [_key(m.name) for m in mentions]
    attested = {key for m, key in zip(mentions, keys) if not m.initial}
    attested |= {w for m, key in zip(mentions, keys) if len(m.tokens) > 1 for w in key.split()}
    # "Chelsea manager Mauricio Pochettino" shows "Chelsea" is a team's name: then so is the
    # "Chelsea" that opens "Chelsea have agreed a fee".
    attested |= {
        key for m, key in zip(mentions, keys)
        if m.initial and len(m.tokens) == 1 and m.next in _SQUAD_NEXT and _heads_a_squad(m, key, text)
    }

    def new(name: str, kind: str) -> Entity:
        e = Entity(len(entities), name, kind)
        entities.append(e)
        return e

    order = sorted(range(len(mentions)), key=lambda i: -len(mentions[i].tokens))  # (stable: in order within a length)
    surnames = {
        _surname(m.name) for m in mentions if len(m.tokens) > 1 and (m.honorific or m.role or m.tokens[0].lower() in given_names())
    }
    pending: list[int] = []
    for i in order:
        m, key = mentions[i], keys[i]
        if not key or key in NOT_NAMES and not _spelled_out_acronym(m.name, key, g) or not any(map(str.isalpha, key)):
            continue
        known = key in g.names or key in g.capitals or key.rstrip("'s") in g.demonyms
        if (
            m.initial and len(m.tokens) == 1 and key not in attested and not known
            and not _ACRONYM.match(m.name) and not _INNER_CAPITAL.match(m.name)
        ):
            if not _heads_a_squad(m, key, text):
                continue  # a capitalised sentence opener, not a name
        if key.rstrip(".") in NOT_NAMES and not _spelled_out_acronym(m.name, key, g):
            continue
        if len(m.tokens) == 1 and key in surnames:
            pending.append(i)  # "Jordan" in a story about Louis Jordan is the man, not the country
            continue
        if known:
            e = _place_in_gazetteer(m, key, g, entities, by_key, new)
            if e is not None:
                e.add(m)
                owner[i] = e.id
            continue
        hit = by_key.get(key) or by_key.get(_strip_prefix(key))
        if hit is not None:
            entities[hit].add(m)
            owner[i] = hit
            continue
        if len(m.tokens) == 1 or _ACRONYM.match(m.name):
            pending.append(i)
            continue
        e = new(m.name, _kind_of_form(m))
        e.add(m)
        owner[i] = e.id
        by_key[key] = e.id
        by_key.setdefault(_strip_prefix(key), e.id)
    full_names = _FullNames(entities)
    for i in sorted(pending):
        m, key = mentions[i], keys[i]
        target = by_key.get(key)
        if target is None:
            target = _short_form_owner(m, entities, full_names)
        if target is None and _ambiguous_short_form(key, full_names):
            continue  # "Alan" in a story of Alan Shearer and Alan Pardew: either, so no one new
        if target is None:
            e = new(m.name, _kind_of_form(m))
            by_key[key] = e.id
            target = e.id
        entities[target].add(m)
        owner[i] = target
        by_key.setdefault(key, target)
    _merge_prefixes(entities, owner)
    _merge_appositive_names(entities, owner, mentions, text)
    for e in entities:
        if e.mentions:
            _settle(e, text)
    return entities, owner


def _without_opening_words(mentions: list[Mention]) -> list[Mention]:
    """Take a plain English word that opens a sentence off the person's name it was glued to:
    "'Sorry Ruud, what ...'" and "Certainly McHenry should have known" name Ruud Gullit and Britt
    McHenry, whom the article names in full elsewhere. Not when the article also writes the
    whole run inside a sentence ("Abase Hussen", "Scooter Braun" are names)."""
    candidates = [
        i for i, m in enumerate(mentions)
        if m.initial and len(m.tokens) in (2, 3) and plain_word(m.tokens[0].lower())
    ]
    if not candidates:
        return mentions  # (most articles: the rest is not worth building)
    named_by: dict[tuple[str, ...], set[str]] = {}  # a given name or a surname → the full names
    inside: set[str] = set()
    for m in mentions:
        key = _key(m.name)
        words = tuple(key.split())
        if len(words) == 2:
            named_by.setdefault(words[:1], set()).add(key)
            named_by.setdefault(words[1:], set()).add(key)
        if not m.initial:
            inside.add(key)
    out = list(mentions)
    for i in candidates:
        m = mentions[i]
        key = _key(m.name)
        rest = tuple(key.split()[1:])
        if key not in inside and named_by.get(rest, set()) - {key}:
            cut = m.name.index(m.tokens[1])
            out[i] = replace(m, name=m.name[cut:], start=m.start + cut, surface=m.name[cut:], initial=False)
    return out


def _strip_prefix(key: str) -> str:
    if not key.startswith(_STRIP_COUNTRY_PREFIX):
        return key  # (most names: one test for all the prefixes)
    for p in _STRIP_COUNTRY_PREFIX:
        if key.startswith(p) and len(key.split()) > 2:
            return key[len(p) :]
    return key


def _place_in_gazetteer(m: Mention, key: str, g: Gazetteer, entities, by_key, new) -> Entity | None:
    if key in g.names:
        canonical, kind = g.names[key]
    elif key in g.capitals:
        if m.prev in ("in", "at", "from", "to", "near") or m.next[:1].isupper():
            return None  # the city itself, not the government it stands for
        canonical, kind = g.capitals[key], "country"
    else:
        # A plural demonym names the people ("Armenians"); an adjective only modifies.
        canonical, kind = g.demonyms[key.rstrip("'s")], "country"
        if not key.endswith("s") or key in ("swiss", "chinese", "japanese"):
            hit = by_key.get(canonical.casefold())
            if hit is not None:
                entities[hit].weak += 1
            return None
    hit = by_key.get(canonical.casefold())
    if hit is None:
        e = new(canonical, kind)
        by_key[canonical.casefold()] = e.id
        return e
    return entities[hit]


def _kind_of_form(m: Mention) -> str:
    words = m.name.split()
    low = [w.lower().rstrip(".") for w in words]
    if _key(m.name) in gaz().places or m.name in US_STATE_CODES:
        return "place"
    if m.name in KNOWN_ORGS or m.name in KNOWN_ORG_NAMES or _ACRONYM.match(m.name):
        return "organization"
    if low[-1] in ORG_HEADS or low[-1].rstrip("s") in ORG_HEADS or low[0] in ORG_LEADS:
        return "organization"
    if low[-1] in PLACE_HEADS:
        return "place"  # "Ameris Bank Amphitheatre": a venue, whatever its sponsor
    if len(words) > 1 and len(low[-1]) == 1 and low[-1].isalpha():
        return "event"  # "Group C", "Plan B": a letter names one of a series, not a body
    head = low[: next((k for k, w in enumerate(low) if w in ("of", "for")), len(low))]
    if any(w.replace("\u2019s", "").replace("'s", "") in ORG_HEADS for w in head):
        return "organization"  # "U.S. Attorney's Office for the Western District of New York"
    if low[-1] in SURNAME_PLACE_HEADS and not (low[0] in given_names() or m.honorific or m.role):
        return "place"
    if low[-1] in EVENT_HEADS or any(map(str.isdigit, low)) or len(words) > 1 and len(low[-1]) == 1:
        return "event"  # "Six-Day War", "Euro 2016", "Group C"
    if m.prev in ORG_KIND_NOUNS:
        return "organization"  # "banned terror group Al-Muhajiroun"
    if len(words) == 1 and m.prev == "the" and low[0].endswith("s") and not low[0].endswith("ss"):
        return "organization"  # "the Chiefs", "the Greens": a team, a party
    if m.honorific or m.role or low[0] in (given_names() if len(low) > 1 else curated_given_names()):
        return "person"
    if any(w in ("de", "del", "van", "von", "bin", "da") for w in low[1:-1]):
        return "person"
    return "other"


class _FullNames:
    """People (and unknowns) named in two words or more, by surname and by first word, in the order
    made. Entities are only appended while short forms are placed, names and kinds unchanged."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities, self.seen = entities, 0
        self.by_last: dict[str, list[Entity]] = {}
        self.by_first: dict[str, list[Entity]] = {}

    def lookup(self, word: str) -> tuple[list[Entity], list[Entity]]:
        for e in self.entities[self.seen :]:  # take in the entities made since the last look-up
            if e.kind in ("person", "other") and len(e.name.split()) > 1:
                self.by_last.setdefault(_surname(e.name), []).append(e)
                self.by_first.setdefault(_key(e.name).split()[0], []).append(e)
        self.seen = len(self.entities)
        return self.by_last.get(word, []), self.by_first.get(word, [])


def _short_form_owner(m: Mention, entities: list[Entity], full_names: _FullNames) -> int | None:
    """Return the entity a one-word mention is a short form of: a surname, a given name first
    ("Cui" for "Cui Zheng"), an organisation's leading word, or an acronym of its initials."""
    word = _key(m.name)
    if _ACRONYM.match(m.name):
        letters = m.name.replace(".", "").rstrip("s")
        for e in entities:
            if e.kind in ("organization", "other", "group") and _initials(e.name) == letters:
                return e.id
        return None
    last, first = full_names.lookup(word)
    if len(last) > 1:
        # "Jeremy Clarkson" and a broken run "Falklands War Clarkson": the one person of them.
        people = [e for e in last if e.kind == "person"]
        last = people if len(people) == 1 else last
    if len(last) == 1:
        return last[0].id
    if not last and len(first) == 1:
        return first[0].id
    if m.prev in ("the", "") and not last and not first:
        # "The Chronicle says" after "The San Francisco Chronicle": the head word of one
        # organisation's name, with its article or opening the sentence ("Union members are ...").
        heads = [e for e in entities if e.kind == "organization" and e.mentions and len(e.name.split()) > 1 and _key(e.name).split()[-1] == word]
        return heads[0].id if len(heads) == 1 else None
    return None


def _ambiguous_short_form(word: str, full_names: _FullNames) -> bool:
    """True when one word is the first name of two people named in full, and nobody's surname.
    (Two people of one surname keep it: "Jordan" said is the last of them to speak.)"""
    if word not in given_names():
        return False  # "Google" before "Google Stadia" and "Google Play" is still Google
    last, first = full_names.lookup(word)
    return not last and len({_surname(e.name) for e in first if e.kind == "person"}) > 1


def _surname(name: str) -> str:
    words = [w for w in _key(name).split() if w not in _SUFFIXES]
    return words[-1] if words else ""


def _initials(name: str) -> str:
    words = [w for w in _WORD_SEPARATORS.split(name) if w[:1].isupper() and w.lower() not in ("of", "for", "and", "the")]
    if words and words[0].rstrip(".").upper() in ("U.S", "US", "UK", "U.K") and len(words) > 2:
        words = words[1:]
    return "".join(w[0] for w in words)


def _merge_prefixes(entities: list[Entity], owner: dict[int, int]) -> None:
    """Fold "Big Machine" into "Big Machine Records" and "Marie Ratcliffe" into "Marie Teresa Ratcliffe"."""
    alive = [e for e in entities if e.mentions]
    keys = {e.id: _key(e.name).split() for e in alive}  # names do not change here: split them once
    # The candidates for each length of short name: the longer names, in the order made.
    longer = {n: [e for e in alive if len(keys[e.id]) > n] for n in {len(k) for k in keys.values()}}
    for short in sorted(alive, key=lambda e: len(e.name.split())):
        sw = keys[short.id]
        if len(sw) < 2 or short.kind in ("country", "group", "place", "event"):
            continue
        for long in longer[len(sw)]:
            lw = keys[long.id]
            if not long.mentions or lw[0] != sw[0] and lw[-1] != sw[-1]:
                continue  # (each way of folding below needs the first words or the last ones alike: most pairs have neither)
            extra = lw[len(sw) :]
            prefix = (
                lw[: len(sw)] == sw
                and long.kind in ("organization", "other")
                and short.kind != "person"
                and len(extra) <= 2
                and not {"of", "for", "and"} & set(extra)
            )
            # "Port Authority" after "Merriton Port Authority": the body without its place, when
            # only one longer name ends so.
            suffix = (
                short.kind in ("organization", "other")
                and long.kind in ("organization", "other")
                and lw[-len(sw) :] == sw
                and len(lw) - len(sw) <= 2
                and not {"of", "for", "and", "the"} & set(lw[: -len(sw)])
                and sum(1 for x in longer[len(sw)] if x.mentions and keys[x.id][-len(sw) :] == sw) == 1
            )
            person = short.kind in ("person", "other") and long.kind == "person" and lw[0] == sw[0] and lw[-1] == sw[-1]
            particle = short.kind in ("person", "other") and long.kind == "person" and sw[0] in PERSON_PARTICLES and lw[-len(sw) :] == sw
            if prefix or suffix or person or particle:
                _absorb(long, short, owner)
                break


def _merge_appositive_names(entities: list[Entity], owner: dict[int, int], mentions: list[Mention], text: str) -> None:
    """"Roscosmos, the Russian Federal Space Agency," and "NMC (Nursing and Midwifery Council)" are one."""
    by_start = {m.start: i for i, m in enumerate(mentions) if i in owner}
    for i, m in enumerate(mentions):
        if i not in owner:
            continue
        tail = text[m.end : m.end + 8]
        mm = _APPOSED_NAME.match(tail)
        if not mm:
            continue
        j = by_start.get(m.end + mm.end())
        if j is None:
            continue
        a, b = entities[owner[i]], entities[owner[j]]
        if a is b or not b.mentions or not a.mentions:
            continue
        closes = text[mentions[j].end : mentions[j].end + 1] in (",", ")")
        if closes and b.kind in ("organization", "other") and a.kind in ("organization", "other"):
            keep, drop = (a, b) if len(a.name) >= len(b.name) else (b, a)
            _absorb(keep, drop, owner)


def _absorb(keep: Entity, drop: Entity, owner: dict[int, int]) -> None:
    for m in drop.mentions:
        keep.add(m)
    for k, v in owner.items():
        if v == drop.id:
            owner[k] = keep.id
    if keep.kind == "other":
        keep.kind = drop.kind
    keep.role = keep.role or drop.role
    drop.mentions = []
    drop.forms = {}  # (an entity with forms and no mentions is one attribution made: this one is gone)


def _called_by_surname(e: Entity) -> bool:
    """A two- or three-word name the article also calls by its last word alone is a person's."""
    words = _key(e.name).split()
    return (
        2 <= len(words) <= 3
        and e.name[:1].isupper()
        and not e.name.split()[0].isupper()
        and any(_key(m.name) == words[-1] and m.prev != "the" for m in e.mentions)
        and not words[-1].endswith("s")
    )


def _heads_a_squad(m: Mention, key: str, text: str) -> bool:
    """"Newcastle manager Ruud Gullit ...": a sentence's first word that is no English word, then a
    player's or a manager's role and a name, is the team ("Loose forward Ben Harrison" is not)."""
    return key not in common_words() and _before_a_players_name(m, text)


def _before_a_players_name(m: Mention, text: str) -> bool:
    """True when a team role and a name follow the mention ("... manager Ruud Gullit")."""
    if m.next in TEAM_ROLES:
        return bool(_ROLE_THEN_NAME.match(text, m.end))
    two = _TWO_WORD_ROLE.match(text, m.end) if m.next in _ROLE_FIRST_HALVES else None  # "full back Mike Brown"
    return two is not None and f"{two.group(1)}-{two.group(2)}" in TEAM_ROLES


def _names_a_team(m: Mention, text: str, town: bool) -> bool:
    """"Exeter have done little", "Newcastle are", "Northampton flanker Tom Wood": a town's name
    that takes a plural verb, as British sports writing gives a team, or comes before a player's
    or a manager's role and name."""
    if m.possessive:
        return False
    if _FIXTURE_AFTER.match(text, m.end) or _FIXTURE_BEFORE.search(text, max(0, m.start - 5), m.start):
        return True  # "Sale v Harlequins": a fixture's two sides ("Roe v. Wade", a court case, has a stop)
    if _before_a_players_name(m, text):
        return True
    if m.next in TEAM_ROLES:
        return False  # a role word with no name after it
    # Not after a preposition: "Residents of Exeter have complained" is the residents' doing; nor
    # after "and": "Mayweather and Manny Pacquiao are ..." is plural for the two of them.
    return town and m.next in _TEAM_AGREEMENT and not (
        m.locative or m.prev in _LOCATIVE or m.prev in _OF_LIKE or _AND_BEFORE.search(text, max(0, m.start - 40), m.start)
    )


_FIXTURE_AFTER = re.compile(r"[ \t]+(?:v|vs|V|VS)[ \t]+[A-Z]")
_FIXTURE_BEFORE = re.compile(r"(?:^|\s)(?:v|vs|V|VS)[ \t]+$")
_TEAM_AGREEMENT = frozenset({"are", "have", "were"})
_AND_BEFORE = re.compile(r"\band\s+(?:[a-z]+\s+){0,3}$")
_AGE_AFTER = re.compile(r",\s*(\d{1,3})(?=,|;|\.(?!\d))")
# Words that cannot be the noun a name modifies ("the Houston Express on his ship" is no
# "Houston Express ship"): prepositions, conjunctions and relative words.
_FUNCTION_WORDS = frozenset(
    "on in at to from for of with by and or but as after before since over under into onto during "
    "until about against than near off out across through between among that who which when where "
    "while if because so".split()
)
_PASSIVE_BY = re.compile(r"\b([a-z]+)\s+by\s+(?:the\s+)?$")
_AGE_BEFORE = re.compile(r"\b(\d{1,3})-year-old\s+$")
_OF_LIKE = frozenset("of for by with about against like than".split())
# A role, maybe one more lower-case word ("lock contender"), then a name.
_ROLE_THEN_NAME = re.compile(r"\s+[\w-]+(?:\s+[a-z][\w-]*)?\s+[A-Z][a-z]")
_TWO_WORD_ROLE = re.compile(r"\s+([a-z]+)\s+([a-z]+)\s+[A-Z][a-z]")
_ROLE_FIRST_HALVES = frozenset(r.split("-")[0] for r in TEAM_ROLES if "-" in r)
_SQUAD_NEXT = TEAM_ROLES | _ROLE_FIRST_HALVES  # (what `_before_a_players_name` can start with)
_SENTENCE_END = frozenset(".!?:;\"'\u201c\u201d\u2018\u2019\n")


def _passive_agent(m: Mention, text: str) -> bool:
    """"spotted by the Houston Express": the doer of a passive verb acts as much as a subject."""
    if not (m.prev == "by" or m.prev == "the" and m.prev2 == "by"):
        return False
    before = _PASSIVE_BY.search(text, max(0, m.start - 40), m.start)
    return bool(before) and (before.group(1).endswith(("ed", "en")) or before.group(1) in IRREGULAR_PAST)


def _reads_as_full_name(e: Entity) -> bool:
    """"Erling Haaland scored twice", "Aryavir Kumar and ...": two or three capitalised words, a
    Census surname last and no English word before it, never after "the" nor opening as places do
    ("Rio Grande", "San Francisco")."""
    words = e.name.split()
    if not 2 <= len(words) <= 3 or any(m.prev == "the" for m in e.mentions):
        return False
    low = [w.lower() for w in words]
    return (
        low[-1] in surnames()
        and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)
        and not any(plain_word(w) or w in NOT_NAMES for w in low[:-1])
        and low[0] not in PLACE_LEADS
    )


def _settle(e: Entity, text: str) -> None:
    """Fix an entity's kind, name, role, gender and its agentive and locative uses."""
    if e.kind in ("place", "other"):
        town = e.kind == "place" or len(e.mentions) > 1  # (a one-off "other" name can be a broken one)
        if any(_names_a_team(m, text, town) for m in e.mentions):
            e.kind = "organization"
    elif e.kind == "person" and len(e.name.split()) == 1 and any(_before_a_players_name(m, text) for m in e.mentions):
        e.kind = "organization"  # "Chelsea manager Mauricio Pochettino": a club, whatever given name it is too
    if e.kind == "other" and any(m.prev in ORG_KIND_NOUNS for m in e.mentions):
        e.kind = "organization"  # "TransIP hired ..." first, "hosting company TransIP" later
    if e.kind == "other" and (any(m.honorific or m.role for m in e.mentions) or _called_by_surname(e)):
        e.kind = "person"
    if e.kind not in ("country", "group"):
        names = {m.name for m in e.mentions}
        # (A heading's capitals lose a tie: "SARACENS" in a fixture line, "Saracens" in the prose.)
        e.name = max(
            e.forms, key=lambda f: (len(_key(f).split()) if f in names else 0, e.forms[f], not f.isupper(), -len(f))
        )
    for m in e.mentions:
        demonym = e.kind == "country" and _key(m.name).rstrip("s'") in gaz().demonyms
        # ("in a Facebook post": after "a" the word that follows is a noun, whatever else it can be.)
        modifier = m.prev in _DETERMINERS and m.next[:1].isalpha() and not m.next_cap and not (
            m.next in AUXILIARIES or m.next in VERB_FORMS and m.prev not in ("a", "an") or m.next in _FUNCTION_WORDS
        ) or e.kind == "country" and _before_a_players_name(m, text)  # "England flanker Tom Wood"
        locative = not m.possessive and (
            m.prev in _LOCATIVE and m.prev2 != "according" or m.prev in ("the", "a") and m.prev2 in _LOCATIVE
        )
        m.modifier, m.locative = modifier, locative
        acts = m.next in AUXILIARIES or m.next in VERB_FORMS or _passive_agent(m, text)
        if modifier and m.next in DOCUMENT_DESCRIPTIONS and e.kind == "organization":
            modifier, acts = False, True  # "a U.S. Securities and Exchange Commission inquiry": the body's own act
        # Inside a quotation a person or a country may be only an example; a body with its verb
        # still acts ("'The Department for Education is feeding in information'").
        if acts and not (m.quoted and e.kind != "organization" or demonym or modifier):
            e.agentive += 1
        if locative:
            e.locative += 1
        if m.possessive and not m.quoted:
            e.possessive += 1
        if not (locative or modifier or demonym or m.quoted):
            e.plain += 1
        if m.start > 5 and text[m.start - 5 : m.start] == " The " and text[m.start - 6] not in _SENTENCE_END:
            # A capital "The" inside a sentence is part of the name ("according to The Verge"):
            # the article's way of naming it, though the name is matched without it.
            form = "The " + m.name
            e.forms[form] = e.forms.get(form, 0) + 1
        e.role = e.role or (m.role if m.role and m.role.lower().rstrip(".") not in HONORIFICS else None)
        e.gender = e.gender or person_gender(m)
    if e.kind == "other" and e.locative < len(e.mentions) and _reads_as_full_name(e):
        e.kind = "person"
    if e.kind == "place" and e.agentive >= 2:
        # A place does not act; a name that acts twice ("Ford is rolling out ...", "Ford will
        # display ...") is a body's that a place shares.
        e.kind = "organization"
    if e.kind in ("person", "other"):
        for m in e.mentions:
            age = _AGE_AFTER.match(text, m.end) or _AGE_BEFORE.search(text, max(0, m.start - 16), m.start)
            if age:
                e.age = age.group(1)
                break
        for m in e.mentions:
            role = appositive_role(text, m)
            if role:
                e.role = e.role if e.role and len(e.role) > len(role) else role
                if e.kind == "other":
                    e.kind = "person"
                break
    if e.role and not e.gender:
        words = set(_LOWER_WORD.findall(e.role.lower()))
        e.gender = "female" if words & _FEMALE_ROLES else "male" if words & _MALE_ROLES else None
