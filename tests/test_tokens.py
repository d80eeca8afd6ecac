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
