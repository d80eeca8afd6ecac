"""Words and marks with their offsets: the stop on initials and abbreviations, brand names with a bang."""

from __future__ import annotations

import pytest

from briefer.analysis.tokens import first_word_token, tokenize


def words(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def test_offsets_point_into_the_text():
    text = "  U.S. President Donald J. Trump met  Mr. Kim_Jong Un in Hanoi."
    for t in tokenize(text, offset=100):
        assert text[t.start - 100 : t.end - 100] == t.text


def test_a_stop_stays_on_initials_and_abbreviations_only():
    assert words("George W. Bush met Mr. Jones in the U.S. Then he left.") == [
        "George", "W.", "Bush", "met", "Mr.", "Jones", "in", "the", "U.S.", "Then", "he", "left", ".",
    ]  # fmt: skip


def test_a_brand_name_keeps_its_bang():
    assert words("It aired on E! News and Yahoo! Finance.")[3:8] == ["E!", "News", "and", "Yahoo!", "Finance"]


@pytest.mark.parametrize(
    "text",
    ["", "  ", "...", '"Hello." she said', "E! News reported it", "J. Smith left.", "(CNN) The talks", "_x y", "42 people"],
)
def test_first_word_token_is_the_first_word_of_tokenize(text):
    want = next((t for t in tokenize(text, 7) if t.word), None)
    found = first_word_token(text, 7)
    assert (found[0] if found else None) == want
    if found:
        assert all(t.start - 7 >= found[1] for t in tokenize(text, 7) if t.start > want.start and t.text != ".")


@pytest.mark.parametrize("word", ["police", "elect", "re-elect", "abc", "obama", "don't", "a", "x-ray", "ray", "said"])
def test_lowercase_words_are_the_words_written_in_lower_case(word):
    import re

    from briefer.analysis.names import lowercase_words

    text = "Police said the police would re-elect Obama; X-ray and x-ray abc-' don't. ABCdef said"
    assert (word in lowercase_words(text)) == (word in set(re.findall(r"\b[a-z][a-z'-]+\b", text)))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "no capital here at all.",
        "The Research Center for Russia, Eastern Europe, and Central Asian Countries said so on Monday today.",
        "He met the Ambassador to the United Nations, and the Secretary of State Mike Pompeo. a b c d e f",
        "Mr. Jones of the U.S. said it was NYC-based and then left the room for good and never came back.",
    ],
)
@pytest.mark.parametrize("n", [0, 1, 4])
def test_tokens_past_the_last_capital_are_a_prefix_of_the_whole(text, n):
    whole = tokenize(text, 3)
    cut = tokenize(text, 3, past_last_cap=n)
    last = max((i for i, t in enumerate(whole) if t.cap), default=-1)
    assert cut == whole[: len(cut)]
    assert len(cut) >= min(len(whole), last + 1 + n)


def test_the_tokens_left_unmade_change_no_mention(monkeypatch):
    from briefer.analysis import names
    from briefer.analysis.units import read_units

    text = (
        "U.S. President Donald Trump met Kim Jong Un in Hanoi, and the Secretary of State Mike Pompeo said "
        "the talks went on. A spokesman for the Nursing and Midwifery Council, the regulator, declined to "
        "comment to the press today. Kelvin Meadows of Arsenal's Black Scarf Movement said it was a shame "
        "for the fans of the club."
    )
    units = read_units(text)
    found = names.find_mentions(units, text, names.lowercase_words(text))
    monkeypatch.setattr(names, "_LOOKAHEAD", 10_000)
    assert found and names.find_mentions(units, text, names.lowercase_words(text)) == found


@pytest.mark.parametrize(
    "text",
    [
        "U.S. President Donald Trump met Kim Jong-Un (AP) in Hanoi.",
        "He said: \"It's over,\" and left at 5.30pm  on Monday -- then Jr. and Ph.D. holders came.",
        "The NYC-based firm's AT&T deal, e.g. the 1,000-page one, ended... a_b _c d_ 'quoted' x.",
        "Dr. A. B. Smith Jr. arrived. end.",
        "Hello, world. Mr. Smith, Jr. said 5. a,b ,c x,, y.. . , Inc. etc. U.S. No.",
    ],
)
def test_ascii_tokens_read_from_the_pieces_between_spaces_are_the_pattern_s(text):
    # An ASCII sentence's tokens are read piece by piece, plain words as they stand: the same
    # tokens, at the same offsets, as the pattern finds in the whole sentence.
    from briefer.analysis.tokens import _SPACED_ASCII_TOKEN_NO_BANG, _add_tokens, _ascii_tokens, _matched_at

    whole: list = []
    _add_tokens(whole, _matched_at(_SPACED_ASCII_TOKEN_NO_BANG, text, 5))
    assert _ascii_tokens(text, 5, None) == whole


@pytest.mark.parametrize(
    "text",
    [
        "He said: \u201cIt\u2019s over,\u201d and left \u2014 then Jr.\u2019s U.S.\u201d x\u00a0Y the\u2026 end\u2026 \u2018q\u2019",
        "The players\u2019 union\u2019s Inc.\u2014 No.\u201c A.\u2019 \u201cSmith\u2019s\u201d \u2013 5.\u2019 e.g.\u201d",
        "a\u00a0\u00a0b \u00a0 C.\u00a0D, caf\u00e9 \u201cNo\u201d",
    ],
)
def test_curly_quotes_and_dashes_read_as_ascii_marks_give_the_unicode_pattern_s_tokens(text):
    # A sentence whose only characters outside ASCII are curly quotes, dashes and no-break spaces
    # is read as ASCII, those made the ASCII marks that play their part: the same tokens, the
    # same texts, as the Unicode pattern gives.
    from briefer.analysis.tokens import _SPACED_TOKEN_NO_BANG, _add_tokens, _matched_at

    whole: list = []
    _add_tokens(whole, _matched_at(_SPACED_TOKEN_NO_BANG, text, 5))
    assert tokenize(text, 5) == whole
