"""Clean text → sentences with exact character spans.

News prose is full of full stops that end nothing: "U.S.", "Mr.", "then-Sen.", "Jan.",
"J. Smith", "3.5". A sentence that ends inside a quotation ("... a deal.'") ends after the closing
mark, and `"...," he said.` is one sentence. Paragraph breaks always end a sentence, and so does a
caption or a related-link headline run into the prose without a stop ("... aged just 13 It then
emerged ..."): a capitalised sentence opener right after a word is a boundary. The word lists are
in `briefer.lexicon`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .lexicon import (
    ABBREVIATIONS,
    BANG_NAMES,
    HONORIFICS,
    IRREGULAR_PAST,
    OUTCOME_VERBS,
    ROLE_NOUNS,
    PERSON_PARTICLES,
    RUN_IN_STARTERS,
    SENTENCE_STARTERS,
    SPEECH_FORMS,
    STANCE_VERBS,
    TIME_ENDINGS,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
    alternation,
    form_table,
)

# Closing quotes and brackets that belong to the sentence they follow.
_CLOSERS = "\"'\u201d\u2019)]\u00bb"
_OPENERS = "\"'\u201c\u2018([\u00ab"
_STOPS = ".!?\u2026"

# A candidate end: ., ! or ? (or an ellipsis, three stops or one character), then closers, then
# white space. (A pattern that starts with a set of characters lets the scan pass over every other
# character in one tight loop: most of the text. Written "[...][...]*" rather than "[...]+": the
# compiler takes the first characters only from a plain set, and a repeat of one, the same
# matches, left the engine trying the pattern at every position, 1.5% of all the work.)
_END = re.compile(r"[.!?…][.!?…]*[" + re.escape(_CLOSERS) + r"]*(?=\s)")
_PARAGRAPH = re.compile(r"\n\s*\n")
_LONGER_THAN_ANY_ABBREVIATION = max(map(len, ABBREVIATIONS)) + 1
# A run-in boundary: a word (or a closing quote after one), white space, then a capitalised
# sentence opener followed by a lower-case word, a digit or "I".
# The two leading look-aheads add no condition (a quote or a space starts every match, an opener's
# first letter follows the space); they let the scan skip the other positions at once: most of
# them, as most words are lower-case. Twice as fast.
_RUN_IN = re.compile(
    r"(?=[\"'\u2019\u201d\s])"
    r"(?<=[A-Za-z0-9%)\]])[\"'\u2019\u201d]?(\s+)(?=[\"'\u2018\u201c]?["
    + re.escape("".join(sorted({w[0] for w in RUN_IN_STARTERS})))
    + r"])(?=[\"'\u2018\u201c]?("
    + "|".join(sorted(RUN_IN_STARTERS, key=len, reverse=True))
    + r")(?:(?:['\u2019][a-z]{1,2})?\s+(?:[a-z0-9£$€]|I\b)|,\s))"
)
# The openers alone, for finding where _RUN_IN can match: it takes in the white space before one
# (and a quote on either side of it). A pattern that starts with a capital letter lets the scan
# skip to the next one in one tight loop, where _RUN_IN is tried at every position.
_OPENER = re.compile(alternation(sorted(RUN_IN_STARTERS, key=len, reverse=True)))
_OPENING_QUOTES = "\"'\u2018\u201c"
_CLOSING_QUOTES = frozenset("\"'\u2019\u201d")  # what _RUN_IN can start on besides white space
_RUN_IN_AFTER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789%)]")  # its look-behind
# A name with an age after it ("Clarkson, 55, and ...") starts a clause; glued to a noun before it
# with no stop, it starts a new sentence after a caption.
# (From the white space, the letter before it looked behind at after: see _spaces_before_capitals.)
_NAME_AGE = re.compile(r"(\s(?<=[a-z]\s)\s*)(?=[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*,\s+\d{1,3},)")
_AGE = re.compile(r",\s+\d{1,3},")
_BEFORE_NAME = frozenset(
    "the a an of to in on at by for with from and or but as than that said says told added asked according "
    "thanked named like including against between among about after before via whose his her their its".split()
)
# Openers that may follow a capitalised word without a boundary ("Plan A is", "Air Force One",
# "World War Two was").
_WEAK_STARTERS = frozenset({"A", "One", "I", "Today"}) | frozenset(
    "Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen Sixteen Seventeen "
    "Eighteen Nineteen Twenty Thirty Forty Fifty".split()
)
# A date or a time, then a name of one to three capitalised words, then (after an adverb, maybe) a
# lower-case word: where a caption that ended on the date may have run into the next sentence. Or
# a lower-case word, then "The" and a name: "... following some recent poor results The Saints
# were dumped out ..." ("The" with a lower-case word after it is a plain run-in: see _RUN_IN).
# Found from the white space between a lower-case letter or a digit and a capital (see
# _spaces_before_capitals), then checked word by word.
_NAME_VERB = re.compile(r"[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2}\s+(?:[a-z]+ly\s+)?([a-z]+)\b")
_THE_NAME = re.compile(r"The\s+[A-Z]")
_TITLED_NAME_VERB = re.compile(
    r"[A-Z][\w'\u2019-]*\s+([a-z]+)\s+[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2}\s+(?:[a-z]+ly\s+)?([a-z]+)\b"
)
_LEADS_INTO_NAME = ROLE_NOUNS | PERSON_PARTICLES | frozenset(
    "while so when if because although though whereas where until since then once unless".split()
)
_THE_BEFORE = re.compile(r"\b[a-z]+\s+the\s+$")
_STANCE_WORDS = frozenset(form_table(STANCE_VERBS))  # "we believe | Q3 comps would ...": its object
_NAME_NOUN_MODAL = re.compile(r"[A-Z][\w.]*\s+[a-z]{3,}\s+(could|would|will|may|might|should|must)\b")
_OWNER_NOUN_VERB = re.compile(r"[A-Z][a-z]+['\u2019]s\s+[a-z]+\s+(?:[a-z]+ly\s+)?([a-z]+)\b")
_FULL_NAME_VERB = re.compile(r"([A-Z][a-z]+)\s+[A-Z][\w'\u2019-]*[a-z]\s+(?:[a-z]+ly\s+|also\s+)?([a-z]+)\b")
# "... as the volcano erupted | Videos also revealed ...": a plain noun capitalised, then a finite
# verb; "... other macaques | Officially named ...", "... the Colima volcano | Getting close enough
# ...": an adverb or a gerund capitalised, then a lower-case word.
_WORD_VERB = re.compile(r"([A-Z][a-z]+)\s+(?:[a-z]+ly\s+|also\s+)?([a-z]+)\b")
_ADVERB_OR_GERUND = re.compile(r"[A-Z][a-z]+(?:ly|ing),?\s+[a-z]")
# A picture caption's label run into the prose after a word: "... towering over peers | Proud mum:
# Jean with ...", "... on his Instagram page | Playboy: Nearly every day ...". One to three words, the
# first capitalised, the others lower-case, then a colon and a capital.
_LABEL_BEFORE_COLON = re.compile(r"(?<=[a-z0-9)])(\s+)((?:[A-Z][a-z'\u2019-]+|[A-Z]{2,})(?:\s+[a-z][a-z'\u2019-]*){0,2}):$")
_CAPITAL_AFTER_COLON = re.compile(r"\s+[\"'\u2018\u201c]?[A-Z0-9£$]")
_PLAIN_WORD = re.compile(r"[A-Za-z][a-z'\u2019]*")
_FINITE = frozenset("is was are were has had have will would could can should may might must does did".split())
_VERB_FORMS = frozenset(w for w in {**form_table(STANCE_VERBS), **form_table(OUTCOME_VERBS)} if not w.endswith("ing"))
# Words after which a capitalised quote opens a quotation rather than a new sentence.
# What ends a sentence after an initial's stop: words no name goes on with.
_AFTER_AN_INITIAL = frozenset(
    "the he she it they we this these those there but his her their its our my however meanwhile "
    "mr mrs ms dr".split()
)
_QUOTE_INTRODUCERS = frozenset("said says say told added wrote asked replied read reads reading saying stated that as called".split())


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str

    @property
    def stopped(self) -> bool:
        """True when the sentence ends with a stop (., !, ? or an ellipsis), closers aside."""
        return self.text.rstrip(_CLOSERS + " ")[-1:] in _STOPS or self.text.endswith(("...", ":"))


def split_sentences(text: str) -> list[Sentence]:
    """Return the sentences of ``text`` in order; ``text[s.start:s.end] == s.text``."""
    out: list[Sentence] = []
    for pstart, pend in _paragraph_spans(text):
        found = {*_stop_cuts(text, pstart, pend), *_run_in_cuts(text, pstart, pend), *_name_age_cuts(text, pstart, pend)}
        cuts = sorted({*found, *_time_name_cuts(text, pstart, pend, found), *_label_cuts(text, pstart, pend)})
        cut = pstart
        for c in cuts:
            _add(out, text, cut, c)
            cut = c
        _add(out, text, cut, pend)
    return out


def first_sentence(text: str) -> Sentence | None:
    """Return ``split_sentences(text)[0]`` (None when there is none), without cutting the rest.

    The first sentence ends at its paragraph's first cut, and each kind of cut comes in order, so
    each is looked for up to its first only. (A cut always follows a visible character, so the
    piece before it is never empty.) A run-in or name-and-age cut before the first stop has all
    that its pattern looks at before the stop too: none of those characters can be the stop mark or
    a closing mark, which the stop ends with. So they are looked for up to the stop only, not
    through the rest of what may be a long paragraph.
    """
    for pstart, pend in _paragraph_spans(text):
        stop = next(_stop_cuts(text, pstart, pend), pend)
        cut = min(stop, next(_run_in_cuts(text, pstart, stop), stop), next(_name_age_cuts(text, pstart, stop), stop))
        out: list[Sentence] = []
        _add(out, text, pstart, cut)
        if out:
            return out[0]
        if cut < pend:  # a cut with nothing before it: not expected, but let the full split decide
            sentences = split_sentences(text)
            return sentences[0] if sentences else None
    return None


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _PARAGRAPH.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))


def _stop_cuts(text: str, start: int, end: int) -> Iterator[int]:
    """Yield, in order, where a stop (and its closers) ends a sentence."""
    for m in _END.finditer(text, start, end):
        if _ends_sentence(text, m, end):
            yield m.end()


def _run_in_cuts(text: str, start: int, end: int) -> Iterator[int]:
    """Yield, in order, where a capitalised opener starts a sentence run into the one before."""
    for m in _run_in_matches(text, start, end):
        cut = m.start(1)
        opener = m.group(2)
        word = _run_before(text, max(start, cut - 30), cut)
        if opener in _WEAK_STARTERS and word[:1].isupper():
            continue
        if _inside_double_quotes(text, start, cut) or _opens_a_title(text, m.end(1), end):
            continue  # the intro to \u201cTakin\u2019 It to the Streets\u201d: a title, not a caption run in
        bare = word.rstrip("'\u2019\"\u201d").lower().rstrip(".")
        if opener == "I" and (text[m.end(1)] not in _OPENING_QUOTES or bare in _BEFORE_NAME or bare in SPEECH_FORMS):
            continue  # "and I think", "adding 'I accept": "I" starts a sentence only as a quotation opens
        if bare in TITLE_ABBREVIATIONS:
            continue
        if bare in _QUOTE_INTRODUCERS and text[m.end(1)] in _OPENERS:
            continue  # `he said "It was ...`: a quote, not a run-in
        yield cut


def _inside_double_quotes(text: str, start: int, cut: int) -> bool:
    """True when a double quotation opened shortly before ``cut`` (in its paragraph) is still open
    there: the last double mark before it opens one."""
    lo = max(start, cut - 200)
    at = max(text.rfind("\u201c", lo, cut), text.rfind("\u201d", lo, cut), text.rfind('"', lo, cut))
    if at < 0:
        return False
    mark = text[at]
    if mark != '"':
        return mark == "\u201c"
    return (at == start or text[at - 1].isspace()) and not text[at + 1 : at + 2].isspace()


def _opens_a_title(text: str, at: int, end: int) -> bool:
    """True when a short double quotation opens at ``at`` and closes on the sentence's stop: a
    title ("hit singles like 1978's \u201cWhat a Fool Believes.\u201d"), not a new sentence."""
    if text[at : at + 1] not in ('"', "\u201c"):
        return False
    close = _TITLE_CLOSE.match(text, at + 1, min(end, at + 80))
    return close is not None and len(close.group(1).split()) <= 6


_TITLE_CLOSE = re.compile(r"([^\"\u201c\u201d.!?]+)[.!?]?[\"\u201d](?:\s|$)")


def _run_in_matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """Yield what ``_RUN_IN.finditer(text, start, end)`` yields, trying the pattern only where it
    can match: at the white space before an opener (after the opening quote before it, if any) or
    at the closing quote just before that white space."""
    for opener in _OPENER.finditer(text, start, end):
        gap_end = opener.start()
        if gap_end > start and text[gap_end - 1] in _OPENING_QUOTES:
            gap_end -= 1
        gap = gap_end
        while gap > start and text[gap - 1].isspace():
            gap -= 1
        if gap == gap_end:
            continue  # no white space before it: a word, or a mark, does not start a sentence
        # Each try only where the character before the white space lets it start: a closing
        # quote for the try from that quote, a letter, a digit, "%", ")" or "]" for the try from
        # the space (what the pattern's first look-ahead and its look-behind ask). Most openers
        # follow a plain word, and the try from the character before was a wasted match call.
        before = text[gap - 1] if gap > 0 else ""
        if gap > start and before in _CLOSING_QUOTES:
            m = _RUN_IN.match(text, gap - 1, end)
            if m:
                yield m
                continue
        if before and before in _RUN_IN_AFTER:
            m = _RUN_IN.match(text, gap, end)
            if m:
                yield m


def _name_age_cuts(text: str, start: int, end: int) -> Iterator[int]:
    """Yield, in order, where a name with an age after it starts a sentence run into the one before."""
    if not _AGE.search(text, start, end):
        return  # what every such name needs, looked for first: most paragraphs have none
    for m in _NAME_AGE.finditer(text, start, end):
        raw = _run_before(text, max(start, m.start() - 30), m.start())
        w = raw.lower()
        if raw[:1].islower() and w not in _BEFORE_NAME and w not in TITLE_WORDS and not w.endswith(("ed", "s")) and len(w) > 2:
            yield m.start(1)


def _time_name_cuts(text: str, start: int, end: int, cuts: set[int]) -> Iterator[int]:
    """Yield where a name and a finite verb start a sentence run into a caption that ended on a
    date or a time ("... his hometown club against Sunderland on Sunday | Gullit controversially
    decided ..."), or on a plain word before "The" and a name, or before a titled name ("Masters
    chairman Billy Payne"). The piece before (from the last of
    ``cuts``) must read as a clause of its own (five words or more, a finite verb, no speech verb:
    "He said on Monday Smith was wrong" is one sentence), and so must the one after."""
    for cut, after in _spaces_before_capitals(text, start, end):
        # The word before: cheapest test first, as most capitals follow neither a date nor "The".
        before = text[max(start, text.rfind(" ", start, cut) + 1) : cut].lower()
        after_time = before in TIME_ENDINGS or before.isdigit() and len(before) <= 4
        if after_time or text.startswith("The", after) and _THE_NAME.match(text, after):  # (a plain test first)
            name_verb = _NAME_VERB.match(text, after)
            if after_time and name_verb is not None and not _finite(name_verb.group(1)):
                name_verb = _OWNER_NOUN_VERB.match(text, after)  # "... this season | Ben's arrival came"
            opens = _verb_finite(name_verb)
        elif before.isalpha() and before not in _BEFORE_NAME and before not in TITLE_WORDS:
            # "... to be with his wife | Masters chairman Billy Payne talked ...": a body, a title
            # and a name, then a finite verb. Or a full name ("... at the Masters | Jack Nicklaus
            # showed ..."), or an owner and a noun ("... viewed online | Daniel's speech documented ...").
            name_verb = _TITLED_NAME_VERB.match(text, after)
            if name_verb is not None and name_verb.group(1) not in TITLE_WORDS:
                name_verb = None
            word_start = cut - len(before)
            plain = False  # whether a plain English word may open the sentence instead of a name
            if name_verb is None and before not in _LEADS_INTO_NAME and before not in _STANCE_WORDS and (
                text[word_start].islower() or _THE_BEFORE.search(text, max(start, word_start - 12), word_start)
            ):
                # (Not after a capitalised word, which the name may go on from: "United Nations
                # Samantha Power", unless that word is a name of one word after "the": "at the Masters
                # | Jack Nicklaus showed"; nor after a role or a conjunction: "substitute Daryl Clark".)
                name_verb = (
                    _OWNER_NOUN_VERB.match(text, after)
                    or _FULL_NAME_VERB.match(text, after)
                    or _NAME_NOUN_MODAL.match(text, after)
                )
                full_name = name_verb is not None and name_verb.lastindex == 2
                if full_name and not _person_opens(name_verb.group(1), name_verb.group().count(" ") > 2):
                    name_verb = None
                plain = name_verb is None and text[word_start].islower() and not _inside_double_quotes(text, start, cut)
            opens = _plain_word_opens(text, after) if plain else _verb_finite(name_verb)
        else:
            continue  # after a plain word only "The" and a name, or a titled or full name, start a sentence
        if not opens:
            continue
        piece_start = max([start, *(c for c in cuts if c <= cut)])
        piece_end = min([end, *(c for c in cuts if c > cut)])
        left = _PLAIN_WORD.findall(text, piece_start, cut)
        if len(left) < 5 or len(_PLAIN_WORD.findall(text, after, piece_end)) < 4:
            continue
        lowered = [w.lower() for w in left]
        if any(w in SPEECH_FORMS for w in lowered) or not (
            any(_finite(w) for w in lowered[1:]) or _name_then_verb(left)
        ):
            continue
        yield cut


def _spaces_before_capitals(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield, in order, the spans of white space between a lower-case letter or a digit and a
    capital, as (start, end).

    Found from the capitals, a few in a hundred characters, by looking back from each: a pattern
    for the white space itself has the engine stop at every space, a fifth of the characters, and
    cost as much as everything else _time_name_cuts does."""
    for capital in _CAPITAL.finditer(text, start, end):
        after = capital.start()
        cut = after
        while cut > start and text[cut - 1].isspace():
            cut -= 1
        if cut < after and cut > 0 and text[cut - 1] in _LOWER_OR_DIGIT:
            yield cut, after


# A capital that can end such a span: after one space with a lower-case letter or a digit before
# it, or after more white space (looked at below); no other yields. (The capital first, then the
# look-behinds: the scan still skips to the next capital at once, and the capitals inside words,
# after marks or after a capitalised word, "McDonald", "NASA", "(The", "Los Angeles", never reach
# Python.)
_CAPITAL = re.compile(r"[A-Z](?:(?<=[a-z0-9]\s[A-Z])|(?<=\s\s[A-Z]))")
_LOWER_OR_DIGIT = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _label_cuts(text: str, start: int, end: int) -> Iterator[int]:
    """Yield where a caption's label ("Proud mum:") starts after a plain word. Not after a word
    that leads into a name or a quotation ("told", "to", "with"), nor when the label holds a speech
    verb ("Mr Hussen replied:")."""
    colon = text.find(":", start, end)
    while colon >= 0:  # a label ends at a colon: look back from each one
        m = _LABEL_BEFORE_COLON.search(text, max(start, colon - 60), colon + 1)
        colon = text.find(":", colon + 1, end)
        if m is None or not _CAPITAL_AFTER_COLON.match(text, m.end()):
            continue
        cut = m.start(1)
        before = _run_before(text, max(start, cut - 30), cut)
        if not (before[:1].islower() or before[:1].isdigit() or text[cut - 1] == ")" or m.group(2).isupper()):
            continue  # "the Sunday | Times:": the label would end a name ("... to Porto | AGE: 27" would not)
        if before in _BEFORE_NAME or before in _QUOTE_INTRODUCERS or before in SPEECH_FORMS:
            continue
        label = m.group(2).lower().split()
        if any(w in SPEECH_FORMS for w in label):
            continue
        yield cut


def _person_opens(word: str, adverb: bool) -> bool:
    """"Jack | Nicklaus" opens a person's name; so does "Mr | Cervantes" before an adverb ("...
    erupted | Mr Cervantes also managed"). Without one, a titled name after a verb is as likely its
    object's clause ("... to prove Mr Ray was breaking ...")."""
    w = word.lower()
    return w in _given_names() or adverb and w in HONORIFICS


def _verb_finite(name_verb: re.Match[str] | None) -> bool:
    """True when a name-and-verb pattern matched and its last group, the verb, is finite."""
    return name_verb is not None and _finite(name_verb.group(name_verb.lastindex))


def _plain_word_opens(text: str, at: int) -> bool:
    """True when a plain English word, not a name, opens a sentence at ``at``: a noun before its
    finite verb, or an adverb or a gerund (whose clause's verb comes later)."""
    word = _WORD_VERB.match(text, at)
    if word is None or not _plain_word(word.group(1).lower()):
        return False
    return bool(_ADVERB_OR_GERUND.match(text, at)) or _finite(word.group(2))


def _name_then_verb(words: list[str]) -> bool:
    """"Roy Asotasi crosses for ...": a present-tense verb right after a name, as captions write."""
    return any(a[:1].isupper() and b[:1].islower() and b.endswith("s") and not b.endswith("ss") for a, b in zip(words, words[1:]))


def _finite(word: str) -> bool:
    return word in _FINITE or word in _VERB_FORMS or word in IRREGULAR_PAST or word.endswith("ed") and len(word) > 4


def _ends_sentence(text: str, m: re.Match[str], limit: int) -> bool:
    mark = m.group()
    # What comes next: skip spaces, then look at the first visible character.
    nxt = m.end()
    while nxt < limit and text[nxt].isspace():
        nxt += 1
    if nxt >= limit:
        return True
    following = text[nxt]
    if following in _OPENERS:
        # `"Stop." "Why?"` ends; an opening quote after a full stop starts a new sentence.
        j = nxt + 1
        following = text[j] if j < limit else ""
        if following and not following.isalnum():
            return True
    if mark[0] == "!" and _word_before(text, m.start()).lower() in BANG_NAMES and following.isupper():
        return False  # "E! News", "Yahoo! Finance"
    if mark[0] in "!?" or mark.startswith(("...", "…")):
        # `"Why?" he asked.` and `"Stop!" she said.` go on: a lower-case word continues the sentence.
        return not following.islower() and following not in ",;:"
    if mark[-1] in _CLOSERS and following.islower():
        # `"... a deal.'" he said` is unusual; `'...,' he said` has no stop. A lower-case word after
        # a quote ending in a stop continues only for speech tags, which start in lower case.
        return False
    if following.islower() or following in ",;:)" or following.isdigit() and _is_abbrev(text, m.start()):
        return False
    if mark == "." and _is_abbrev(text, m.start()):
        return _abbrev_ends_sentence(text, m.start(), following)
    return True


def _word_before(text: str, dot: int) -> str:
    return _run_before(text, max(0, dot - 20), dot)


def _run_before(text: str, lo: int, hi: int) -> str:
    """Return the run of word characters, ".", "&", "'" and "-" that ends the window (or ends
    before a newline that ends it); "" for none.

    Read backwards from the end: a pattern ending in "$" is tried forwards from every position of
    the window, each try running to the end of its run, ten times the work for the same answer.
    """
    end = hi
    if lo < end and text[end - 1] == "\n":
        end -= 1
    start = end
    while start > lo and (text[start - 1].isalnum() or text[start - 1] in "_.&'-"):
        start -= 1
    return text[start:end]


def _abbrev_word(text: str, dot: int) -> str:
    """Return the word before a stop, lower-case, without a hyphenated prefix ("then-Sen" → "sen")."""
    word = _word_before(text, dot).lstrip("'\"(-\u2018\u201c").lower()
    if "-" in word:
        word = word.rsplit("-", 1)[1]
    return word


def _is_abbrev(text: str, dot: int) -> bool:
    if dot >= _LONGER_THAN_ANY_ABBREVIATION and text[dot - _LONGER_THAN_ANY_ABBREVIATION : dot].isalpha():
        return False  # a plain word longer than any abbreviation: most stops (no need to find the word)
    word = _abbrev_word(text, dot)
    if not word:
        return False
    if word in ABBREVIATIONS or word.rstrip(".") in ABBREVIATIONS:
        return True
    # Initials ("J.", "J.K.") and dotted acronyms ("U.S.", "a.m.").
    bare = word.replace(".", "")
    return len(bare) == 1 and bare.isalpha() or (("." in word) and all(len(p) <= 2 for p in word.split(".") if p))


def _abbrev_ends_sentence(text: str, dot: int, following: str) -> bool:
    """Decide whether an abbreviation's stop also ends the sentence ("... in the U.S. The next ...")."""
    word = _abbrev_word(text, dot)
    bare = word.replace(".", "")
    if bare in TITLE_ABBREVIATIONS:
        return False  # titles always precede a name
    nxt = text[dot + 1 :].lstrip()
    first_word = re.match(r"[A-Za-z']+", nxt)
    if len(bare) == 1:
        # An initial: "George W. Bush". But no name goes on with "The" or "Ms": "... referred to
        # as Patient A. Ms Hamilton said ..." ends.
        return bool(first_word) and first_word.group().lower() in _AFTER_AN_INITIAL
    # "U.S. The" or "Inc. It": a dotted acronym or suffix before a capitalised function word ends.
    return bool(first_word) and first_word.group().lower() in SENTENCE_STARTERS


def reads_as_prose(line: str) -> bool:
    """Return True when a line reads as a sentence of prose rather than a headline or a link."""
    return len(line.split()) >= 12 and line[-1] in ".!?\"'”’)"


def _given_names() -> dict[str, str]:
    from .analysis.tokens import given_names  # (the analysis package reads sentences: import late)

    return given_names()


def _plain_word(word: str) -> bool:
    from .analysis.tokens import plain_word as plain  # (as above)

    return plain(word)
