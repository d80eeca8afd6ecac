"""Words with their offsets, and the given names that tell a person's name from other names."""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..lexicon import ABBREVIATIONS, BANG_NAMES, NAME_SUFFIXES

# A word: letters, digits and inner apostrophes, hyphens, dots or ampersands; a stop taken onto it
# when a space follows; a brand name with a bang ("E! News"); or one other mark. (The word as runs
# of letters and digits joined by those marks, each run taken whole: written so, the engine never
# backs up to find where a word ends, a sixth of the time.)
_BANG_NAME = r"\b(?i:" + "|".join(sorted(BANG_NAMES)) + r")!(?=\s+[A-Z])"
_WORD_OR_MARK = r"[^\W_]++(?:[_&'\u2019.-]++[^\W_]++)*+(?:\.(?=[\s,;:)\"'\u2019\u201d]|$))?|[^\w\s]"
_TOKEN = re.compile(_BANG_NAME + "|" + _WORD_OR_MARK)
# The same tokens, each with the white space (or underscores) skipped before it: findall() hands
# them over without a match object per token, and the offsets follow from the lengths. Only what a
# token cannot start with is ever skipped, so the tokens are exactly those of _TOKEN. A sentence
# with no "!" holds no brand name with a bang, and skips that branch.
_SPACED_TOKEN = re.compile(r"([\s_]*)(" + _TOKEN.pattern + ")")
_SPACED_TOKEN_NO_BANG = re.compile(r"([\s_]*)(" + _WORD_OR_MARK + ")")
# In ASCII text a letter or digit is [A-Za-z0-9] and a word character [A-Za-z0-9_]: spelled so, the
# engine tests a bitmap instead of asking Unicode for each character's category (twice as fast).
# Most sentences are ASCII, and str.isascii() reads a flag rather than the text.
_ASCII_WORD_OR_MARK = _WORD_OR_MARK.replace(r"[^\W_]", "[A-Za-z0-9]").replace(r"[^\w\s]", r"[^A-Za-z0-9_\s]")
_SPACED_ASCII_TOKEN_NO_BANG = re.compile(r"([\s_]*)(" + _ASCII_WORD_OR_MARK + ")")
_WORD_CHAR = re.compile(r"[^\W_]")
# Marks outside ASCII, each made an ASCII character with the same part in _WORD_OR_MARK: a curly
# apostrophe or closing double quote joins words or follows a stop as the straight one does; the
# other quotes and dashes are marks of their own that follow no stop ("#" too); a no-break space
# is white space.
_AS_ASCII_MARKS = (
    ("\u2019", "'"), ("\u201d", '"'), ("\u201c", "#"), ("\u2018", "#"), ("\u2014", "#"), ("\u2013", "#"), ("\u2026", "#"), ("\u00a0", " ")
)


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    # Capitalised, and naming rather than describing ("NYC-based" describes).
    cap: bool = False
    word: bool = False


@cache
def given_names() -> dict[str, str]:
    """Return common given names mapped to "male", "female" or "" when both.

    The curated list (international names frequent in the news) comes first; the US Census names,
    less those that are also common words, fill in the rest.
    """
    data = resources.files("briefer").joinpath("data")
    census = json.loads(data.joinpath("census_given_names.json").read_text(encoding="utf-8"))
    out: dict[str, str] = {n: "" for n in census["either"]}
    out.update((n, "male") for n in census["male"])
    out.update((n, "female") for n in census["female"])
    out.update(curated_given_names())
    return out


@cache
def surnames() -> frozenset[str]:
    """Return the Census surnames less common words and places ("kumar", "haaland"): what the last
    word of a name that nothing else tells the kind of is when the name is a person's."""
    packed = resources.files("briefer").joinpath("data/census_surnames.txt.gz").read_bytes()
    return frozenset(w for w in gzip.decompress(packed).decode("ascii").splitlines() if w and not w.startswith("#"))


@cache
def common_words() -> frozenset[str]:
    """Return plain lower-case English words (SCOWL, less given names): what a capitalised word
    glued before a person's name is when it is no part of the name ("Shepherd John Hendy")."""
    packed = resources.files("briefer").joinpath("data/common_words.txt.gz").read_bytes()
    return frozenset(gzip.decompress(packed).decode("utf-8").split())


@cache
def plain_word(word: str) -> bool:
    """True for a lower-cased word that is a plain English word and no common given name ("ward"
    or "enter", not "jack"): capitalised, it can still be no part of a name."""
    return word in common_words() and word not in given_names()


@cache
def curated_given_names() -> dict[str, str]:
    """Return the curated given names alone: names common enough in the news that one standing by
    itself ("Audrey") is a person, where a rarer Census name alone ("Porsche", "Houston") is not.
    (Read once: the answer is shared, so callers must not change it.)"""
    raw = json.loads(resources.files("briefer").joinpath("data/given_names.json").read_text(encoding="utf-8"))
    out: dict[str, str] = {n: "male" for n in raw["male"]}
    for n in raw["female"]:
        out[n] = "" if out.get(n) == "male" else "female"
    return out


# Every ASCII byte but the lower-case letters made a space, for bytes.translate(): an ASCII
# sentence's runs of [a-z] are then what split() gives. (A bytes table: str.translate() looks every
# distinct character up in a dict, at each call.)
ASCII_NON_LETTER_TO_SPACE = bytes(c if 97 <= c <= 122 else 32 for c in range(128)) + bytes(128)


def findall_in_runs(pattern: re.Pattern[str], runs: str, mark: str) -> list[str]:
    """Return ``pattern.findall(runs)`` for a text of runs of characters between single spaces (as
    ``bytes.translate()`` leaves it with the characters no word holds made spaces), when
    ``pattern`` matches no space, and a whole run unless the run holds the ``mark``: those runs are
    matched on their own, the others are what ``split()`` gives.

    (The mark, an apostrophe, is in two sentences of five, once or twice in each: a match per word
    cost more than all the rest of reading a sentence's words.)
    """
    words: list[str] = []
    at = 0
    while (found := runs.find(mark, at)) >= 0:
        start = runs.rfind(" ", at, found) + 1  # (at is 0, or the space after the last such run)
        end = runs.find(" ", found)
        if end < 0:
            end = len(runs)
        words += runs[at:start].split()
        words += pattern.findall(runs, start, end)  # (no look-around: the run's ends are the text's)
        at = end
    words += runs[at:].split()
    return words


def without_possessive(word: str) -> str:
    """The word without a possessive ending ("Sunday's" -> "Sunday")."""
    # (By endswith: a token holds no line break, so this cuts what ['’]s$ would find.)
    return word[:-2] if word.endswith(("'s", "\u2019s")) else word


def tokenize(text: str, offset: int = 0, *, past_last_cap: int | None = None) -> list[Token]:
    """Return the words and marks of ``text``; a dot that belongs to an initial or an
    abbreviation ("W.", "Jr.", "U.S.") stays on its word.

    With ``past_last_cap``, the list ends that many tokens (or more) after the last capitalised
    word: a prefix of the whole list, for a reader that never looks further than that past a
    capital. (Making the tokens is most of the cost, and a quarter of them are past that point.)
    """
    if "!" not in text:
        if text.isascii():
            if text.isprintable():
                return _ascii_tokens(text, offset, past_last_cap)
        else:
            # Curly quotes, dashes and no-break spaces (most characters outside ASCII in a
            # sentence) made the ASCII marks, or the space, that play their part in _WORD_OR_MARK:
            # then the ASCII path finds the same tokens at the same offsets, without the Unicode
            # pattern's match per word. (Each token's text is taken from the sentence itself.)
            marked = text
            for mark, ascii_mark in _AS_ASCII_MARKS:  # (str.translate() looks up every character in a dict)
                marked = marked.replace(mark, ascii_mark)
            if marked.isascii() and marked.isprintable():
                return _ascii_tokens(marked, offset, past_last_cap, text)
    if "!" in text:
        pattern = _SPACED_TOKEN
    elif not text.isascii():
        pattern = _SPACED_TOKEN_NO_BANG
    else:
        pattern = _SPACED_ASCII_TOKEN_NO_BANG
    found = _matched_at(pattern, text, offset)
    if past_last_cap is not None:
        last = len(found) - 1
        while last >= 0 and not found[last][1][0].isupper():  # (a capitalised word, "-based" or not)
            last -= 1
        del found[last + 1 + past_last_cap :]  # a word cut at its stop makes two tokens: never fewer
    out: list[Token] = []
    _add_tokens(out, found)
    return out


def _matched_at(pattern: re.Pattern[str], text: str, at: int) -> list[tuple[int, str]]:
    """Return the matches of a _SPACED pattern in ``text``, each with its offset (``text`` read as
    starting at ``at``)."""
    found = []
    for skipped, w in pattern.findall(text):
        at += len(skipped)
        found.append((at, w))
        at += len(w)
    return found


def _add_tokens(out: list[Token], found: list[tuple[int, str]]) -> None:
    """Append the tokens of the matches ``found``: a stop comes off a word unless it keeps it."""
    for start, w in found:
        end = start + len(w)
        first = w[0]
        cap = first.isupper() and not w.endswith("-based")
        if w[-1] == "." and len(w) > 1 and first.isalnum() and not _keeps_stop(w):
            out.append(Token(start, end - 1, w[:-1], cap, True))
            out.append(Token(end - 1, end, ".", False, False))
        else:
            out.append(Token(start, end, w, cap, first.isalnum()))


def _ascii_tokens(text: str, offset: int, past_last_cap: int | None, original: str | None = None) -> list[Token]:
    """`tokenize` for printable ASCII text with no "!", whose only white space is the space.

    No token holds a space, so the tokens are those of the pieces between the spaces, each read on
    its own (the pattern's look-ahead for a space after a stop sees the piece's end instead). Most
    pieces are a plain word of letters and digits, one token as it stands, made at once: only the
    others are matched. (A match per word, with its tuple, and the tests for a stop and a "-based"
    on every word, were most of the cost of tokenizing.)

    With ``original``, ``text`` is that sentence with some marks made ASCII ones, and the tokens'
    texts are the original's.

    With ``past_last_cap``, the pieces after the last one holding a capital are cut to that many
    holding a token (a piece holds one at least, unless it is empty or underscores): at least as
    many tokens are left past the last capitalised word as in the whole list.
    """
    pieces = text.split(" ")
    if past_last_cap is not None:
        last = len(pieces) - 1
        while last >= 0 and pieces[last] == pieces[last].lower():  # (no capital letter in it)
            last -= 1
        keep = last + 1
        left = past_last_cap
        while left > 0 and keep < len(pieces):
            if pieces[keep].strip("_"):
                left -= 1
            keep += 1
        del pieces[keep:]
    out: list[Token] = []
    at = offset
    for piece in pieces:
        end = at + len(piece)
        if piece.isalnum():  # (ASCII: letters and digits only) a word, with no stop
            out.append(Token(at, end, piece, piece[0].isupper(), True))
        elif piece[-1:] in (",", ".") and piece[:-1].isalnum():
            # A word and its comma or stop (most other pieces): made as _add_tokens() makes the
            # pattern's matches, without matching (the stop, at the piece's end, is the word's).
            word = piece[:-1]
            if piece[-1] == "." and _keeps_stop(piece):
                out.append(Token(at, end, piece, piece[0].isupper(), True))
            else:
                out.append(Token(at, end - 1, word, piece[0].isupper(), True))
                out.append(Token(end - 1, end, piece[-1], False, False))
        elif piece:
            found = _matched_at(_SPACED_ASCII_TOKEN_NO_BANG, piece, at)
            if original is not None:  # (a plain word, or one with its comma or stop, has no mark to give back)
                found = [(start, original[start - offset : start - offset + len(w)]) for start, w in found]
            _add_tokens(out, found)
        at = end + 1
    return out


def _keeps_stop(word: str) -> bool:
    """A stop was taken onto every word before a space: it stays on initials and abbreviations."""
    bare = word[:-1]
    return (len(bare) == 1 and bare.isupper()) or "." in bare or bare.lower() in ABBREVIATIONS or word in NAME_SUFFIXES


def first_word_token(text: str, offset: int = 0) -> tuple[Token, int] | None:
    """Return the first word token of ``tokenize(text, offset)`` and where (in ``text``) what
    follows it starts, without tokenizing the rest; None when the text has no word.

    Before the first word come only marks and white space, so it starts at the first letter or
    digit, where tokenize() tries the same alternatives.
    """
    found = _WORD_CHAR.search(text)
    if found is None:
        return None
    at = found.start()
    w = _TOKEN.match(text, at).group()
    start, end = at + offset, at + offset + len(w)
    cap = w[0].isupper() and not w.endswith("-based")
    if len(w) > 1 and w[-1] == "." and not _keeps_stop(w):
        return Token(start, end - 1, w[:-1], cap, True), at + len(w)
    return Token(start, end, w, cap, True), at + len(w)
