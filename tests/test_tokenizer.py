"""Token counts are exact and never need a download."""

from __future__ import annotations

import pytest
import tiktoken_ext.openai_public as openai_public

from briefer import tokenizer
from briefer.errors import ConfigError


@pytest.mark.parametrize("name", sorted(tokenizer.ENCODINGS))
def test_table_matches_tiktokens_own_definition(name, monkeypatch):
    """Our split pattern, special tokens and expected hash are tiktoken's, so counts are its counts."""
    seen = {}

    def fake_load(url, expected_hash):
        seen["hash"] = expected_hash
        return {b"x": 0}

    monkeypatch.setattr(openai_public, "load_tiktoken_bpe", fake_load)
    theirs = getattr(openai_public, name)()
    ours = tokenizer.ENCODINGS[name]
    assert seen["hash"] == ours.sha256
    assert theirs["pat_str"] == ours.pat_str
    assert theirs["special_tokens"] == ours.special_tokens


def test_known_token_ids():
    # Published ids: "hello world" is [15339, 1917] in cl100k_base; o200k_base splits it the same way.
    assert tokenizer.get_encoding("cl100k_base").encode_ordinary("hello world") == [15339, 1917]
    assert tokenizer.get_encoding("o200k_base").encode_ordinary("Hello world") == [13225, 2375]
    assert tokenizer.count_tokens("Hello world") == 2


def test_loading_opens_no_connection_and_ignores_tiktoken_cache(tmp_path, monkeypatch):
    # An empty tiktoken cache would make the stock loader download; ours must not care.
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(tmp_path))
    tokenizer._load_encoding.cache_clear()
    try:
        assert tokenizer.count_tokens("Offline means offline.", "cl100k_base") > 0
    finally:
        tokenizer._load_encoding.cache_clear()
    assert list(tmp_path.iterdir()) == []


def test_corrupt_vocabulary_is_refused(monkeypatch):
    spec = tokenizer.ENCODINGS["cl100k_base"]
    bad = tokenizer.EncodingSpec(sha256="0" * 64, pat_str=spec.pat_str, special_tokens=spec.special_tokens)
    monkeypatch.setitem(tokenizer.ENCODINGS, "cl100k_base", bad)
    with pytest.raises(ConfigError, match="corrupt"):
        tokenizer.read_vocabulary("cl100k_base")


def test_unknown_encoding_names_the_choices():
    with pytest.raises(ConfigError, match="o200k_base"):
        tokenizer.count_tokens("x", "p50k_whatever")


def test_the_vocabulary_is_loaded_once_however_it_is_asked_for():
    assert tokenizer.get_encoding() is tokenizer.get_encoding("o200k_base")
