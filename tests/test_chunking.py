"""Chunks respect the token budget, end on sentence boundaries and know where they sit."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.chunking import chunk_text
from briefer.errors import UsageError
from briefer.sentences import split_sentences
from briefer.tokenizer import count_tokens


def _check(text: str, chunks, budget: int) -> None:
    assert "".join(c.text for c in chunks) == text  # no gap, no overlap
    for c in chunks:
        assert text[c.start : c.end] == c.text
        assert c.tokens == count_tokens(c.text)
        assert c.tokens <= budget


def test_short_article_is_one_chunk(seed):
    text = seed.read_text(encoding="utf-8")
    chunks = chunk_text(text, 3000)
    assert len(chunks) == 1 and chunks[0].tokens == count_tokens(text)


def test_chunks_end_on_sentence_boundaries(seed):
    text = seed.read_text(encoding="utf-8")
    chunks = chunk_text(text, 120)
    assert len(chunks) > 2
    _check(text, chunks, 120)
    ends = {s.end for s in split_sentences(text)}
    for c in chunks[:-1]:
        # The chunk's text, less trailing white space, ends where a sentence ends.
        assert c.start + len(c.text.rstrip()) in ends


def test_overlong_sentence_is_cut_on_token_boundaries():
    text = "und " * 2000 + "ende."
    chunks = chunk_text(text, 100)
    _check(text, chunks, 100)
    assert len(chunks) >= 20


def test_multibyte_characters_survive_cuts():
    text = "Zürich’s “naïve” café — 東京 " * 300
    chunks = chunk_text(text, 50)
    _check(text, chunks, 50)


def test_budget_too_small_is_a_usage_error():
    with pytest.raises(UsageError, match="max-chunk-tokens"):
        chunk_text("Some text.", 3)


def test_empty_text_has_no_chunks():
    assert chunk_text("", 100) == []


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=120),
        min_size=1,
        max_size=30,
    ),
    st.integers(min_value=16, max_value=80),
)
def test_chunks_cover_any_text_within_budget(parts, budget):
    text = ". ".join(parts)
    _check(text, chunk_text(text, budget), budget)
