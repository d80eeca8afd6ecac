"""Clean text → token-budgeted chunks that end on sentence boundaries.

Each chunk keeps its character offset in the clean text, so a backend can quote a chunk and the
merge step can map the quote back to an exact span of the whole article.
"""

from __future__ import annotations

from .errors import UsageError
from .models import Chunk
from .sentences import split_sentences
from .tokenizer import DEFAULT_ENCODING, get_encoding

# Sized for an 8k-context model: the prompt and the reply need the other half of the window.
DEFAULT_MAX_CHUNK_TOKENS = 3000
MIN_CHUNK_TOKENS = 16


def chunk_text(text: str, max_tokens: int = DEFAULT_MAX_CHUNK_TOKENS, encoding: str = DEFAULT_ENCODING) -> list[Chunk]:
    """Return ``text`` cut into chunks of at most ``max_tokens`` tokens each.

    Chunks end on sentence boundaries; a sentence longer than the budget is cut on token
    boundaries. Text between sentences (blank lines) stays in the chunk it follows, so the
    chunks together cover the text without gaps.
    """
    if max_tokens < MIN_CHUNK_TOKENS:
        raise UsageError(f"--max-chunk-tokens must be at least {MIN_CHUNK_TOKENS}, not {max_tokens}")
    enc = get_encoding(encoding)
    if not text:
        return []
    whole = len(enc.encode_ordinary(text))
    if whole <= max_tokens:
        return [Chunk(index=0, start=0, end=len(text), text=text, tokens=whole)]

    # Pieces are (start, end) spans that never straddle a sentence boundary and fit the budget.
    pieces: list[tuple[int, int, int]] = []
    sentences = split_sentences(text)
    for i, s in enumerate(sentences):
        end = sentences[i + 1].start if i + 1 < len(sentences) else len(text)
        start = 0 if i == 0 else s.start
        n = len(enc.encode_ordinary(text[start:end]))
        if n <= max_tokens:
            pieces.append((start, end, n))
        else:
            pieces.extend(_split_on_tokens(text, start, end, max_tokens, enc))

    chunks: list[Chunk] = []
    cur_start, cur_end, cur_tokens = pieces[0]
    for start, end, n in pieces[1:]:
        # Counts of adjacent pieces add up except at the seam, where tokens may merge: the sum is an
        # upper bound give or take a token, and only near the budget is an exact re-count worth it.
        joined = len(enc.encode_ordinary(text[cur_start:end])) if cur_tokens + n <= max_tokens + 2 else max_tokens + 1
        if joined <= max_tokens:
            cur_end, cur_tokens = end, joined
        else:
            chunks.append(_chunk(len(chunks), text, cur_start, cur_end, cur_tokens))
            cur_start, cur_end, cur_tokens = start, end, n
    chunks.append(_chunk(len(chunks), text, cur_start, cur_end, cur_tokens))
    return chunks


def _chunk(index: int, text: str, start: int, end: int, tokens: int) -> Chunk:
    return Chunk(index=index, start=start, end=end, text=text[start:end], tokens=tokens)


def _split_on_tokens(text: str, start: int, end: int, max_tokens: int, enc) -> list[tuple[int, int, int]]:
    """Cut one over-long sentence into spans of at most ``max_tokens`` tokens, on token boundaries."""
    out = []
    pos = start
    window = max_tokens * 8  # characters: enough for max_tokens tokens of prose, widened if not
    while pos < end:
        tokens = enc.encode_ordinary(text[pos : min(end, pos + window)])
        if len(tokens) <= max_tokens:
            if pos + window < end:
                window *= 2
                continue
            out.append((pos, end, len(tokens)))
            break
        # Decoding a token run can end inside a multi-byte character; count only whole characters.
        length = max(1, len(enc.decode_bytes(tokens[:max_tokens]).decode("utf-8", errors="ignore")))
        n = len(enc.encode_ordinary(text[pos : pos + length]))
        while n > max_tokens and length > 1:  # a cut can tokenize differently from the whole
            length -= max(1, length // 20)
            n = len(enc.encode_ordinary(text[pos : pos + length]))
        out.append((pos, pos + length, n))
        pos += length
    return out
