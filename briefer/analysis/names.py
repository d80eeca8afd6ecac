"""Sentences → name mentions: runs of capitalised words, with titles, honorifics and roles split off.

"U.S. President Donald Trump" is the name "Donald Trump" with the role "U.S. President";
"Mr Hussen" is "Hussen" with an honorific that also tells his gender; "Kelvin Meadows of Arsenal's
Black Scarf Movement" is two names, a person and an organisation. A capitalised word that only
starts a sentence ("Echoing this view, ...") is not a name unless the article also uses it
elsewhere as one.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass, field

from ..lexicon import (
    COMPASS_WORDS,
    EVENT_HEADS,
    EXAMPLE_CUES,
    FEMALE_HONORIFICS,
    HONORIFICS,
    KNOWN_ORG_NAMES,
    KNOWN_ORGS,
    MALE_HONORIFICS,
    NAME_CONNECTORS,
    NOT_NAMES,
    ORG_HEADS,
    PERSON_PARTICLES,
    PLACE_HEADS,
    RUN_IN_STARTERS,
    SPEAKERS_FOR,
    TITLE_WORDS,
)
from .gazetteer import gaz
from .runs import VERSUS, adjacent, places, run_end
from .tokens import Token, first_word_token, given_names, plain_word, tokenize, without_possessive
from .units import Unit

_LOWERCASE_WORD = re.compile(r"\b[a-z][a-z'-]+\b")
_RUN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz'-")  # what a _LOWERCASE_WORD match is made of
_RUN_WORD = re.compile(r"[a-z][a-z'-]+")
_LOWER_TITLES = TITLE_WORDS
# A run continues over "of", "for", "the" ... only into another capitalised word.
_INNER = NAME_CONNECTORS
# A name inside an enumeration of examples: "the likes of Justin Bieber, Demi Lovato and ...".
_EXAMPLE = re.compile(
    r"\b(?:" + "|".join(EXAMPLE_CUES) + r")\s+(?:[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)*\s*(?:,\s*|\s+and\s+))*$"
)
_KIN = frozenset("daughter son wife husband mother father sister brother partner girlfriend boyfriend fiance fiancee".split())
_TIME_WORDS = frozenset(
    "january february march april june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday".split()
)
_COMMON_OPENERS = frozenset(w.lower() for w in RUN_IN_STARTERS) | NOT_NAMES
_OPEN_QUOTES = frozenset("\"'\u201c\u2018")
# Words that end a run of role words read leftwards from a name ("rally were | hate cleric").
_ROLE_STOP = frozenset(
    "is was are were be been has have had will would could can may said says told added and or but "
    "by with from to of in on at for as that which who the a an his her their its our my".split()
)


# How far past the last capitalised word of a sentence its tokens can decide anything: a run and
# what follows it look at most three tokens beyond their last capitalised word ("... Council, and
# the", `runs._listed_names`; "to the X", "of the X"), and a mention's next word is the one right
# after its run. One more for safety; tokens further on are never made.
_LOOKAHEAD = 4


@dataclass(slots=True)
class Mention:
    """One place where the article names someone or something."""

    unit: int
    start: int  # offsets of the name itself in the clean text, titles left out
    end: int
    name: str
    surface: str  # as written, titles and honorifics included
    role: str | None = None
    honorific: str | None = None
    possessive: bool = False
    initial: bool = False  # the name starts its sentence
    prev: str = ""  # the word before the surface form, lower-case
    next: str = ""  # the word after the name, lower-case
    prev2: str = ""  # the word before that
    next_cap: bool = False  # the word after the name is capitalised
    quoted: bool = False  # the mention sits inside a quotation
    example: bool = False  # named as an example ("the likes of X, Y and Z"), not as an actor
    modifier: bool = False  # "a Netflix documentary": the name only modifies a noun
    locative: bool = False  # "in Syria", "at the AMAs": the name is where something happens
    tokens: list[str] = field(init=False, repr=False, compare=False)  # the words of the name

    def __post_init__(self) -> None:
        self.tokens = self.name.split()  # asked for again and again while entities are built


def find_mentions(units: list[Unit], text: str, lowercase_vocab: Container[str]) -> list[Mention]:
    """Return every name mention of the non-caption units, in order."""
    out: list[Mention] = []
    for u in units:
        if u.caption and not u.signature:  # (a signature names who wrote what comes before it)
            continue
        out.extend(_unit_mentions(u, text, lowercase_vocab))
    return out


def lowercase_words(text: str) -> Container[str]:
    """Return the words the article writes in lower case: its common words."""
    return _LowerCaseWords(text)


class _LowerCaseWords:
    """Membership in ``set(_LOWERCASE_WORD.findall(text))``, decided for the few words asked about
    (a sentence's capitalised first word) instead of listing the article's every word.

    A match never holds a character outside [a-z'-], and findall() reaches the start of each run of
    such characters, so a word is one of its matches exactly when, at a place it occurs, scanning
    the run around that place from the run's start (as findall does) yields it there.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.known: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if word not in self.known:
            self.known[word] = self._occurs(word)
        return self.known[word]

    def _occurs(self, word: str) -> bool:
        text = self.text
        if not _RUN_WORD.fullmatch(word):
            return False  # not something the pattern can match at all
        at = text.find(word)
        while at >= 0:
            run = at
            while run > 0 and text[run - 1] in _RUN_CHARS:
                run -= 1
            for m in _LOWERCASE_WORD.finditer(text, run):
                if m.start() >= at:
                    if m.start() == at and m.group() == word:
                        return True
                    break
            at = text.find(word, at + 1)
        return False


def _unit_mentions(u: Unit, text: str, vocab: Container[str]) -> list[Mention]:
    if _names_no_one(u, vocab):
        return []
    toks = tokenize(u.text, u.start, past_last_cap=_LOOKAHEAD)
    # Words that open the sentence, or a quotation inside it, are capitalised whatever they are.
    openers = {
        i + 1
        for i, t in enumerate(toks[:-1])
        if t.text in _OPEN_QUOTES and (t.start == u.start or text[t.start - 1] in " (\u2014\u2013-")
    } if any(q in u.text for q in _OPEN_QUOTES) else set()  # (most sentences hold no quotation mark)
    first_word = next((i for i, t in enumerate(toks) if t.word), None)
    openers.add(first_word)
    out: list[Mention] = []
    i = 0
    # A name starts at a capitalised word: those found in one pass, the others skipped at once.
    for k in [k for k, t in enumerate(toks) if t.cap and t.word]:
        if k < i:
            continue  # inside the run just read
        i = k
        j = run_end(toks, i, text)
        run = toks[i:j]
        initial = i in openers
        if initial and run and (_is_common(run[0].text, vocab) and not _compass_of_a_name(run) or _word_before_a_name(run)):
            run = run[1:]
            initial = False
            i += 1
        if initial and len(run) > 2 and run[1].text in ("for", "of") and run[0].text.lower() in SPEAKERS_FOR:
            # "Representatives for Vergara declined": those who speak for the name, no part of it.
            run = run[2:]
            initial = False
            i += 2
        # "According to NASA" or "The International Centre ...": the name starts after them.
        # "NORTHAMPTON V SARACENS": the second side starts after the "V".
        while len(run) > 1 and (run[0].text.lower() in _INNER or run[0].text in ("The", "A", "An", *VERSUS)):
            run = run[1:]
            i += 1
        for piece, at in _person_after_name(run, i):
            out.extend(_split_run(u, piece, toks, at, text, initial and at == i))
        i = max(j, i + 1)
    return out


def _names_no_one(u: Unit, vocab: Container[str]) -> bool:
    """True when the sentence's only capital can be that of a common first word ("The", "But"):
    then no run of capitalised words starts a name. A third of all sentences; told this way
    without tokenizing them whole."""
    if u.text[:1].isalnum():  # the sentence starts with its first word (most do)
        # A word holds no space, so a capital after the first space is past the first word: most
        # sentences are told so without the first word being read.
        space = u.text.find(" ")
        tail = u.text[space:] if space > 0 else ""
        if not tail.islower() and any(map(str.isupper, tail)):
            return False
    found = first_word_token(u.text, u.start)
    if found is None:
        return True
    word, after = found
    rest = u.text[after:]
    if not rest.islower() and any(map(str.isupper, rest)):  # (islower(): no capital, in one pass)
        return False
    return not word.cap or _is_common(word.text, vocab)


def _compass_of_a_name(run: list[Token]) -> bool:
    """True for "West Yorkshire Police", "South Wales Police": a point of the compass opening a
    longer name is part of it (alone it is none: "West said no")."""
    return len(run) > 1 and run[0].text.lower() in COMPASS_WORDS and run[1].cap


def _word_before_a_name(run: list[Token]) -> bool:
    """"Enter | South Dakota ...", "Hey | Twitter ...": a plain English word opening the sentence,
    glued to a place or a body we know by name, is no part of it ("New York" and "North Korea" are
    names whole)."""
    if len(run) < 2:
        return False
    if not plain_word(run[0].text.lower()):
        return False
    rest = " ".join(t.text for t in run[1:])
    whole = " ".join(t.text for t in run)
    known = places()
    return (rest.casefold() in known or rest in KNOWN_ORGS or rest in KNOWN_ORG_NAMES) and not (
        whole.casefold() in known or whole in KNOWN_ORG_NAMES
    )


def _is_common(word: str, vocab: Container[str]) -> bool:
    w = without_possessive(word).lower()
    if w in PERSON_PARTICLES or w.rstrip(".") in HONORIFICS:
        return False  # "Del Bosque's side ...", "Mr Hussen said ...": part of the name
    return w in _COMMON_OPENERS or w in vocab


def _person_after_name(run: list[Token], i: int) -> list[tuple[list[Token], int]]:
    """Split "United Nations Samantha Power" before the given name that starts a person's name."""
    if len(run) < 2:
        return [(run, i)]  # one word: nothing to split (most runs)
    names = given_names()
    for k in range(1, len(run)):
        if run[k].text.lower() in _TIME_WORDS and run[k - 1].text != "on":  # "Obama Saturday": a name, then a weekday
            return [(run[:k], i)] + ([(run[k + 1 :], i + k + 1)] if k + 1 < len(run) else [])
    for k in range(1, len(run)):
        w = run[k].text.lower()
        prev = run[k - 1].text.lower()
        if run[k].text[:1].isupper() and w in PERSON_PARTICLES and prev not in names:
            return [(run[:k], i), (run[k:], i + k)]  # "Holland Del Bosque": a team, then a coach
        if prev.rstrip(".") in _LOWER_TITLES:  # (the words before it were looked at in earlier rounds)
            return [(run, i)]  # "US Secretary of State Mike Pompeo": the title split handles it
        if w in names and run[k - 1].cap and prev not in names and (_names_a_body(run[:k]) or _plain_word_before(run, k)):
            if prev.rstrip(".") in _LOWER_TITLES or prev.rstrip(".") in HONORIFICS:
                continue
            if len(run) - k <= 3 and all(t.cap for t in run[k:]):
                return [(run[:k], i), (run[k:], i + k)]
    return [(run, i)]


def _plain_word_before(run: list[Token], k: int) -> bool:
    """"Shepherd John Hendy", "Masters Jack Nicklaus": one plain English word glued before a given
    name and a surname is no part of the person's name ("Tanka Maya Sitoula" is: "tanka" is no
    English word). Not before a place or a body's name ("Port Elizabeth Smith" is too rare)."""
    if k != 1 or len(run) != 3 or _heads_a_thing(run[2].text):
        return False
    return plain_word(without_possessive(run[0].text).lower())


def _heads_a_thing(word: str) -> bool:
    """True for the last word of an organisation's, a place's or an event's name."""
    low = word.lower()
    return low in ORG_HEADS or low in PLACE_HEADS or low in EVENT_HEADS


def _names_a_body(tokens: list[Token]) -> bool:
    """True for "United Nations", "Herald Sun", "Kansas": what a person's name can follow unseparated."""
    words = [t.text for t in tokens]
    phrase = " ".join(words)
    return (
        phrase in KNOWN_ORG_NAMES
        or phrase.casefold() in places()
        or any(w.lower() in ORG_HEADS for w in words)
    )


def _split_run(u: Unit, run: list[Token], toks: list[Token], i: int, text: str, initial: bool) -> list[Mention]:
    """Return the mentions in one run: titles split off, a person after an organisation apart."""
    if not run:
        return []
    words = [t.text for t in run]
    low = [w.lower().rstrip(".") for w in words]
    # Where does a title end? "U.S. President | Donald Trump", "Secretary of State | Mike Pompeo".
    title_end = 0
    honorific = None
    office = low[-1] in ORG_HEADS  # "General Assembly", "Foreign Office": an organisation's name
    for k, w in enumerate(low[:-1] if not office else []):
        if w in _LOWER_TITLES or w in HONORIFICS or _compound_title(w):
            title_end = k + 1
            if w in HONORIFICS:
                honorific = w
    name_tokens = run[title_end:]
    if name_tokens and (name_tokens[0].text.lower() in _INNER or name_tokens[0].text == "to"):
        # "Secretary of State Mike Pompeo", "Ambassador to the United Nations Samantha Power":
        # the title runs on; the person is the trailing given name and surname.
        tail = _trailing_person(name_tokens)
        if tail is None and name_tokens[0].text.lower() == "of" and title_end == 1:
            # "CEO of South Wind Women's Center": the organisation the title belongs to.
            name_tokens = name_tokens[1:]
            while name_tokens and name_tokens[0].text.lower() == "the":
                name_tokens = name_tokens[1:]
            title_end = 0
            run = name_tokens
            words = [t.text for t in run]
        elif tail is None:  # "High Commissioner for Human Rights": an office, not a person
            title_end, name_tokens = 0, run
        else:
            title_end += len(name_tokens) - len(tail)
            name_tokens = tail
    while name_tokens and name_tokens[-1].text.lower() in _INNER:
        name_tokens.pop()
    if not name_tokens:
        return []
    if len(name_tokens) in (3, 4) and _is_demonym(name_tokens[0].text) and _reads_as_person(name_tokens[1:]):
        # "Australian Marc Leishman", "Colombian Camilo Villegas": a nationality, then the person.
        title_end += 1
        name_tokens = name_tokens[1:]
    role = " ".join(words[:title_end]) or None
    if role and role.lower().rstrip(".") in HONORIFICS:
        role = None
    pre = _role_before(toks, i, text)
    if pre and not role:
        role = pre
    elif pre and role:
        role = f"{pre} {role}"
    if len(name_tokens) == 1 and without_possessive(name_tokens[0].text).lower().rstrip(".") in _LOWER_TITLES:
        return []  # "CEO", "Colonel": a title with no name is no name
    first, last = name_tokens[0], name_tokens[-1]
    possessive = last.text.endswith(("'s", "\u2019s"))  # (as in _is_common)
    end = last.end - (2 if possessive else 0)
    name = text[first.start : end]
    if not (i < len(toks) and toks[i] is run[0]):  # the run no longer starts where it was found ("CEO of ...")
        i = next(k for k, t in enumerate(toks) if t.start == run[0].start)
    j = i + len(run)
    prev_tok = toks[i - 1].text.lower() if i > 0 else ""
    prev2 = toks[i - 2].text.lower() if i > 1 else ""
    next_tok = toks[j].text.lower() if j < len(toks) else ""
    # The fields past the name set one by one: passed by keyword, fifteen of them cost the call a
    # dictionary to build and to match against the parameters, twice what making the mention does.
    m = Mention(u.index, first.start, end, name, text[run[0].start : end])
    m.role = role
    m.honorific = honorific
    m.possessive = possessive
    m.initial = initial and title_end == 0
    m.prev = prev_tok
    m.next = next_tok
    m.prev2 = prev2
    m.next_cap = j < len(toks) and toks[j].cap
    m.quoted = bool(u.quotes) and any(s <= first.start - u.start < e for s, e in u.quotes)
    m.example = _has_example_cue(u.text) and bool(_EXAMPLE.search(u.text, 0, run[0].start - u.start))
    return [m]


def _is_demonym(word: str) -> bool:
    return word.casefold() in gaz().demonyms


def _reads_as_person(tokens: list[Token]) -> bool:
    """A given name first, or two words that end in no organisation, place or event word
    ("Camilo Villegas", not "Communist Party" or "Open Championship")."""
    if not all(t.cap and t.word for t in tokens):
        return False  # "Turks of Armenians"
    if tokens[0].text.lower() in given_names():
        return True
    return len(tokens) == 2 and not (_heads_a_thing(tokens[-1].text) or tokens[-1].text.isupper())


def _trailing_person(tokens: list[Token]) -> list[Token] | None:
    names = given_names()
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k].text.lower() in names:
            return tokens[k:]
    return None


def _role_before(toks: list[Token], i: int, text: str) -> str | None:
    """Return lower-case role words right before a name ("fertility specialist", "coach")."""
    k = i - 1
    if k < 0 or toks[k].cap:
        return None
    word = toks[k].text.lower().rstrip(".")
    if word in _KIN and k > 0 and toks[k - 1].text.lower() in ("his", "her", "their", "my", "our"):
        return f"{toks[k - 1].text} {toks[k].text}"  # "his daughter Amira Abase"
    if word not in _LOWER_TITLES and not _compound_title(word):
        return None
    start = k
    # Extend left over modifiers: "Chargers coach", "Palestinian chief negotiator", "AA president".
    while start - 1 >= 0 and toks[start - 1].word and adjacent(toks[start - 1], toks[start], text):
        w = toks[start - 1].text
        if w.lower() in NAME_CONNECTORS or w.lower() in _COMMON_OPENERS or w.lower() in _ROLE_STOP:
            break
        start -= 1
        if i - start >= 4:
            break
    return text[toks[start].start : toks[k].end]


def _compound_title(word: str) -> bool:
    """"singer-guitarists", "actor-director": a hyphened title, its first part a title."""
    head, dash, _ = word.partition("-")
    return bool(dash) and head in _LOWER_TITLES


def _has_example_cue(text: str) -> bool:
    return "likes of" in text or "such as" in text or "including" in text


def person_gender(m: Mention) -> str | None:
    """Return "male" or "female" when the mention tells (honorific, given name), else None."""
    if m.honorific in MALE_HONORIFICS:
        return "male"
    if m.honorific in FEMALE_HONORIFICS:
        return "female"
    if len(m.tokens) < 2:
        return None  # a lone surname says nothing ("Omar")
    return given_names().get(m.tokens[0].lower()) or None

