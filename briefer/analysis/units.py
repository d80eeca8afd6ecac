"""Sentences as the analysis reads them: captions and page furniture flagged, quotations tracked.

A news body pasted from a page carries picture captions and related-link headlines run into the
prose ("Abase Hussen, left, took his daughter ... aged just 13 It then emerged ..."). They are
not the article's statements, so a unit that reads as one is flagged ``caption`` and never becomes
evidence, a summary sentence or an actor's only mention. Quotation marks are tracked across
sentences, because a quotation often runs over several of them and names its speaker only once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..lexicon import CAPTION_MARKERS, FURNITURE_SENTENCES, RUN_IN_STARTERS, SPEECH_FORMS
from ..sentences import split_sentences
from .tokens import ASCII_NON_LETTER_TO_SPACE

# Every caption marker starts with a comma, a bracket or the first letter of "pictured", "scroll",
# "click", "above" or "below" (past look-behinds and \b, which take no character); every furniture
# pattern at a word boundary, with one of the letters below. Looking ahead for them first adds no condition: it lets
# the search pass over the other positions at once instead of trying every pattern there (three
# to four times faster). Case-insensitively, these letters match nothing the patterns' own do not.
CAPTION_FIRST = ",(pscab"
FURNITURE_FIRST = "acefiloprstuw"
_CAPTION = re.compile(
    "(?=[" + re.escape(CAPTION_FIRST) + "])(?:" + "|".join(f"(?:{p})" for p in CAPTION_MARKERS) + ")", re.IGNORECASE
)
_FURNITURE = re.compile(
    "(?=[" + FURNITURE_FIRST + r"])\b(?:" + "|".join(f"(?:{p})" for p in FURNITURE_SENTENCES) + ")", re.IGNORECASE
)
# "Risky regimen: ..." — a short label, a colon, then a capitalised caption.
_LABEL = re.compile(r"^([A-Z][\w'\u2019&-]*(?: [\w'\u2019&-]+){0,11}):\s+[\"'\u2018\u201c]?[A-Z0-9£$]")
# Inside a caption: a word, then a capitalised word (or a quotation opening on "I") that starts the
# real sentence.
_RESTART = re.compile(r"(?<=[a-z0-9])\s+(?=[\"'\u2018\u201c]?[A-Z][a-z]|[\"'\u2018\u201c]I\b)")
_WORD = re.compile(r"[A-Za-z]+")
# Words one of the caption or furniture patterns needs: a sentence with none of them skips the
# patterns (most sentences).
_CAPTION_WORDS = frozenset(
    "pictured left right centre center top bottom above below circled inset far second front back scroll click "
    "photo photos picture pictures image images".split()
)
_FURNITURE_WORDS = frozenset(
    "contributed article story reporting writing editing follow like read see rights reserved reporter updated "
    "published posted originally email e mail contact write reach securedrop".split()
)
_HEADING_SMALL_WORDS = frozenset("a an the of and or in on at to for with by from vs v".split())
_GATE_WORD_SET = _CAPTION_WORDS | _FURNITURE_WORDS
# (Deletion tables for the text's bytes, as tokens.ASCII_NON_LETTER_TO_SPACE.)
_ASCII_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ASCII_LOWER = b"abcdefghijklmnopqrstuvwxyz"
_FUNCTION_WORDS = frozenset(
    "and or but of to the a an in on at by for with from as than that which who whose when while "
    "where after before his her their its our my your is was are were be been said says told".split()
)


@dataclass(slots=True)
class Unit:
    """One sentence of the article, with what the analysis needs to know about its form."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    caption: bool = False
    quotes: list[tuple[int, int]] = field(default_factory=list)  # quotation spans, unit-relative
    opens_inside: bool = False  # starts inside a quotation opened by an earlier unit
    leaves_open: bool = False  # ends inside a quotation that a later unit continues
    signature: bool = False  # an embedded post's signature line: "— Jane Doe (@janedoe) May 1, 2019"
    _masked: str | None = None
    _words: int = -1

    @property
    def words(self) -> int:
        if self._words < 0:
            if self.text.isascii():
                # The runs of letters are what split() gives once all else is a space: counted
                # without a regex match per word.
                self._words = len(self.text.encode("ascii").translate(_ASCII_NON_ALPHA_TO_SPACE).split())
            else:
                self._words = len(_WORD.findall(self.text))
        return self._words

    def has_words(self, n: int) -> bool:
        """Return True when the unit holds at least ``n`` words, without counting the rest."""
        if self._words >= 0:
            return self._words >= n
        return _first_words(n).match(self.text) is not None

    def quoted_share(self) -> float:
        """Return the share of the unit's characters that sit inside quotation marks."""
        inside = sum(e - s for s, e in self.quotes)
        return inside / max(1, len(self.text))

    def outside_quotes(self) -> str:
        """Return the text with quoted passages blanked out (same length, so offsets hold)."""
        if self._masked is None:
            parts = []
            at = 0
            for s, e in self.quotes:
                parts.append(self.text[at:s])
                parts.append(_blanked(self.text[s:e]))
                at = e
            parts.append(self.text[at:])
            self._masked = "".join(parts)
        return self._masked


def _blanked(passage: str) -> str:
    """Return ``passage`` with every character but white space made "_"."""
    # A substitution per character cost more than the rest of the masking: ASCII (most quotations)
    # goes through one translate(); other text is blanked a word at a time, between its spaces.
    if passage.isascii():
        return passage.encode("ascii").translate(_ASCII_BLANK).decode("ascii")
    pieces = _SPACE_RUNS.split(passage)  # words at even places, the white space between at odd
    return "".join([p if i & 1 else "_" * len(p) for i, p in enumerate(pieces)])


_ASCII_NON_ALPHA_TO_SPACE = bytes(c if chr(c).isalpha() else 32 for c in range(128)) + bytes(128)  # ([A-Za-z] kept; see _ASCII_BLANK)
_ASCII_BLANK = bytes(c if chr(c).isspace() else 95 for c in range(128)) + bytes(128)  # (see tokens.ASCII_NON_LETTER_TO_SPACE)
_SPACE_RUNS = re.compile(r"(\s+)")
# What a paragraph of prose ends on: a stop, or a closing quotation mark or bracket after one.
_ENDINGS = ".!?\u2026:;\"'\u201d\u2019)]"


@cache
def _first_words(n: int) -> re.Pattern[str]:
    """Return the pattern of the first ``n`` words as `Unit.words` counts them: runs of letters,
    each taken whole (possessively: a run is never split to make up the number)."""
    return re.compile(rf"(?:[^A-Za-z]*+[A-Za-z]++){{{n}}}")


SIGNATURE = re.compile(
    r"[\u2014\u2013-]\s*(?P<name>[^()\n]{1,80}?)\s*\(@\w{1,30}\)\s*(?:on\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})?\s*$"
)


def read_units(text: str) -> list[Unit]:
    """Return the units of ``text`` in order, captions flagged and quotations marked."""
    sentences = split_sentences(text)
    paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]
    units: list[Unit] = []
    p = 0
    for i, s in enumerate(sentences):
        while p + 1 < len(paragraph_starts) and paragraph_starts[p + 1] <= s.start:
            p += 1
        next_same_paragraph = (
            i + 1 < len(sentences) and (p + 1 >= len(paragraph_starts) or sentences[i + 1].start < paragraph_starts[p + 1])
        )
        run_in = not s.stopped and next_same_paragraph
        for start, end, caption in _caption_pieces(s.start, s.end, s.text, run_in and bool(units)):
            units.append(Unit(len(units), start, end, text[start:end], p, caption=caption))
    _mark_quotes(text, units)
    # The last of several sentences of a paragraph, ending with no stop and no closing quotation
    # mark, is a caption left at the end of a pasted body ("... beating Jack Nicklaus' solitary
    # hole-in-one"): edited prose ends its paragraphs with a stop.
    for a, b in zip(units, units[1:] + [None]):
        if (b is None or b.paragraph != a.paragraph) and a.index and units[a.index - 1].paragraph == a.paragraph:
            if a.text.rstrip()[-1:] not in _ENDINGS:
                a.caption = True
    # A paragraph of a few capitalised words and no stop, inside the body, is a subheading
    # ("Doobie Brothers Tour Dates"): it names, it does not state.
    for a, b, c in zip([None] + units[:-1], units, units[1:] + [None]):
        alone = a is not None and a.paragraph != b.paragraph and (c is None or c.paragraph != b.paragraph)
        if alone and "(@" in b.text and SIGNATURE.match(b.text):
            # An embedded post's signature line ("— Cooper Lund (@cooperlund) November 18, 2019")
            # is page furniture, but it names who wrote the paragraph before it: see attribution.
            b.caption = b.signature = True
        elif alone and _is_heading(b.text):
            b.caption = True
    # A caption cannot start inside a quotation: the unit that opened it belongs to the caption too
    # ("Fans display a banner reading: '£5bn and what do we get? | £64 a ticket'").
    for a, b in zip(units, units[1:]):
        if b.caption and b.opens_inside and a.leaves_open and b.words <= 6:
            a.caption = True
    return units


def _is_heading(text: str) -> bool:
    words = _WORD.findall(text)
    return (
        0 < len(words) <= 8
        and text.rstrip()[-1:] not in _ENDINGS
        and all(w[0].isupper() or w in _HEADING_SMALL_WORDS for w in words)
    )


def is_caption(sentence: str, run_in: bool = False) -> bool:
    """Return True when a sentence reads as a caption, a headline or page furniture.

    ``run_in`` says the sentence was cut from the next one by a capitalised opener rather than a
    stop: in edited prose that only happens to captions and link headlines glued to the text.
    """
    s = sentence.strip()
    # The gate words are whole runs of [a-z], and a sentence's runs are what split() gives once
    # every other character is a space; its capitals are counted on its bytes, where translate()
    # deletes in one C loop. (Each the same as a regex, a match at a time.) A character outside
    # ASCII is encoded as a "?", which is no letter: a sentence with curly quotes is read so too.
    if s.isascii():
        raw = s.encode("ascii")
        words = raw.lower().translate(ASCII_NON_LETTER_TO_SPACE).decode("ascii").split()
    else:
        raw = s.encode("ascii", "replace")
        words = s.lower().encode("ascii", "replace").translate(ASCII_NON_LETTER_TO_SPACE).decode("ascii").split()
    gate = not _GATE_WORD_SET.isdisjoint(words)  # (no set of the words: most sentences stop here)
    upper = len(raw) - len(raw.translate(None, _ASCII_UPPER))
    # (The lower-case letters counted as those translate() drops: a list of them costs four times more.)
    lower = len(raw) - len(raw.translate(None, _ASCII_LOWER)) if upper >= 8 else 0
    if gate:
        if not _FURNITURE_WORDS.isdisjoint(words) and _FURNITURE.search(s):
            return True
        if not _CAPTION_WORDS.isdisjoint(words) and _CAPTION.search(s):
            return True
    if upper >= 8 and upper > 4 * lower:
        return True  # "A LONG, DRAWN OUT HISTORY OF ..." — a headline in capitals
    label = ":" in s and _LABEL.match(s)  # (a label needs its colon: most sentences have none)
    if label and _is_label(label.group(1), long=run_in):
        return True
    return run_in


def _is_label(label: str, long: bool) -> bool:
    words = label.split()
    if len(words) > (12 if long else 5):
        return False
    lowered = [w.lower().strip("'\u2019") for w in words]
    # "He said: '...'" and "Mr Hussen replied: '...'" introduce a quote; they are not labels.
    return not any(w in SPEECH_FORMS or w in ("is", "are", "was", "were", "has", "have", "reads", "read") for w in lowered)


def _caption_pieces(start: int, end: int, sentence: str, run_in: bool) -> list[tuple[int, int, bool]]:
    """Split a sentence into a caption part and the real sentence that follows it, if any."""
    if not is_caption(sentence, run_in):
        return [(start, end, False)]
    marker_end = 0
    for m in _CAPTION.finditer(sentence):
        marker_end = m.end()
    label = _LABEL.match(sentence)
    if label:
        marker_end = max(marker_end, label.end(1))
    if marker_end and sentence.rstrip()[-1:] in ".!?'\u2019\"\u201d" and not _FURNITURE.search(sentence):
        for m in _RESTART.finditer(sentence, marker_end):
            before = sentence[: m.start()].rsplit(None, 1)[-1]
            if before.lower() in _FUNCTION_WORDS or _inside_name(before, sentence[m.end() :]):
                continue
            rest = sentence[m.end() :]
            if len(rest.split()) >= 5 and not _CAPTION.search(rest):
                cut = start + m.end()
                return [(start, start + m.start(), True), (cut, end, False)]
    return [(start, end, True)]


_OPENER_WORDS = frozenset(w.lower() for w in RUN_IN_STARTERS)


def _inside_name(before: str, rest: str) -> bool:
    """"Terrified: Emma | Jackson, 28, was ...": a capitalised word, then one that is no sentence's
    opener, is one name; "... at the Masters | 'I was relieved'" is not."""
    if not before[:1].isupper() or before.endswith(":") or not rest[:1].isalpha():
        return False
    first = rest.split(None, 1)[0].strip(",.;:'\u2019")
    return first.lower() not in _OPENER_WORDS


# --- quotations -----------------------------------------------------------------------------------

_QUOTE_CHARS = re.compile("[\"'\u201c\u201d\u2018\u2019]")
_ELISIONS = re.compile(r"(?:cos|em|n|til|tis|twas|\d\d?s?)\b", re.IGNORECASE)
_OPEN_CONTEXT = " \t\n([{\u2014\u2013-/"


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of quoted passages in ``text``, quotation marks included.

    Double and single marks, straight or curly, are read from context: an apostrophe inside or
    after a word ("King's", "fans'") is not a quotation mark unless it closes an open quotation.
    A quotation left open runs to the end of its paragraph or to the next opening mark, the way
    multi-paragraph quotations are printed.
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    kind = ""
    limit = len(text)
    for m in _QUOTE_CHARS.finditer(text):
        i = m.start()
        c = m.group()
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < limit else " "
        double = c in "\"\u201c\u201d"
        if open_at is not None and text.find("\n\n", open_at, i) >= 0:  # (no copy of the quotation so far)
            spans.append((open_at, text.index("\n\n", open_at)))
            open_at = None
        opening = _is_opening(c, prev, nxt, text, i)
        closing = _is_closing(c, prev, nxt)
        if open_at is None:
            if opening:
                open_at, kind = i, ("d" if double else "s")
            continue
        same = (kind == "d") == double
        if not same:
            continue  # a quotation inside the quotation: its marks do not end the outer one
        if closing and not (opening and c == '"' and prev in _OPEN_CONTEXT):
            spans.append((open_at, i + 1))
            open_at = None
        elif opening and prev in _OPEN_CONTEXT:
            # A new quotation opens while one is open: the first ran on without a closing mark.
            spans.append((open_at, _trim_end(text, i)))
            open_at = i
    if open_at is not None:
        end = text.find("\n\n", open_at)
        spans.append((open_at, len(text) if end < 0 else end))
    return spans


def _is_opening(c: str, prev: str, nxt: str, text: str, i: int) -> bool:
    if c in "\u201c\u2018":
        return not (c == "\u2018" and _ELISIONS.match(text, i + 1))
    if c in "\u201d\u2019":
        # A closing mark typed where an opening one belongs: "Casey said, smiling:\u2019It would ...".
        return c == "\u2019" and (prev == ":" or prev.isspace()) and nxt.isupper()
    if not (prev in _OPEN_CONTEXT or prev in "\u201c\u2018\"':"):
        return False
    if nxt.isspace():
        return False
    return not (c == "'" and _ELISIONS.match(text, i + 1))


def _is_closing(c: str, prev: str, nxt: str) -> bool:
    if c in "\u201c\u2018":
        return False
    if prev.isspace() and c != "\u201d" and not nxt.isspace():
        return False  # (a mark alone between spaces opens nothing, so it closes: "... industry. ' Next")
    return not nxt.isalnum()


def _trim_end(text: str, i: int) -> int:
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i


def _mark_quotes(text: str, units: list[Unit]) -> None:
    spans = quotation_spans(text)
    j = 0
    for u in units:
        while j < len(spans) and spans[j][1] <= u.start:
            j += 1
        k = j
        while k < len(spans) and spans[k][0] < u.end:
            s, e = spans[k]
            u.quotes.append((max(s, u.start) - u.start, min(e, u.end) - u.start))
            if s < u.start:
                u.opens_inside = True
            if e > u.end:
                u.leaves_open = True
            k += 1
