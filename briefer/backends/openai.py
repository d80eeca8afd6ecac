"""The ``openai`` backend: any OpenAI-compatible chat API, every quote checked against the article.

OpenAI, Azure OpenAI, Ollama, vLLM, a llama.cpp server, LM Studio: anything that serves
``/chat/completions``. Per article:

    fits the chunk budget?  one call                        (no needless map step)
    longer?                 one call per chunk, up to --concurrency at a time, then one
                            reduce call for the title and summary of the whole, when the
                            chunks' own do not make one (see `needs_reduce`)
    reply cut off?          the piece is split in two and each half asked again
    reply unusable?         re-asked with the error shown, up to --max-retries
    every quote             located in the text, or the item is dropped (see llm/findings.py)

Replies are cached (llm/cache.py) at temperature 0, so a re-run of an article makes no calls.
The ``openai`` package is imported only when the backend is built, never by `briefer --help`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from typing import Any, ClassVar

from ..errors import UnusableReply
from ..llm.cache import ResponseCache, cache_key
from ..llm.client import ChatClient
from ..llm.findings import Tally, combine, to_draft
from ..llm.prompts import Prompts, ReduceNotes
from ..llm.schema import REPLY_SCHEMA_VERSION, ChunkReply, ReduceReply
from ..llm.structured import ModeState, Truncated, ask
from ..llm.usage import TokenBudget, UsageMeter
from ..models import Chunk, Document, Draft, SummarySentence
from ..sentences import split_sentences
from ..settings import Settings, default_cache_dir

# A piece shorter than this is not split further when its reply is cut off: the output limit, not
# the text, is then what is too small.
MIN_SPLIT_CHARS = 200


class OpenAIBackend:
    """Any OpenAI-compatible chat API (OpenAI, Azure, Ollama, vLLM, llama.cpp, LM Studio)."""

    name: ClassVar[str] = "openai"
    description: ClassVar[str] = (
        "any OpenAI-compatible chat API (OpenAI, Azure, Ollama, vLLM, llama.cpp, LM Studio); every quote verified"
    )

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        client: ChatClient | None = None,
        cache: ResponseCache | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings or Settings(backend="openai")
        s = self.settings
        self.prompts = Prompts(s.prompts)
        self.client = client or ChatClient(s, budget=TokenBudget(s.max_tokens_total), sleep=sleep)
        self.cache = cache if cache is not None else (
            ResponseCache(s.cache_dir or default_cache_dir()) if s.cache_enabled else None
        )
        self.modes = ModeState(s.structured_output)
        self._clock = clock
        self._probe = threading.Lock()
        if self.cache is not None and not self.modes.settled:
            # A server that refused json_schema once will refuse it again: don't spend a call on
            # finding that out in every run (and in every worker process of a batch).
            known = self.cache.get(self._format_key())
            if known and isinstance(known.get("mode"), str):
                self.modes.resume(known["mode"])

    @property
    def model(self) -> str | None:
        return self.client.model

    def brief(self, document: Document, chunks: Sequence[Chunk]) -> list[Draft]:
        """Return one verified draft per chunk; the first carries the article's usage."""
        if not chunks:
            return []
        started = self._clock()
        meter = UsageMeter()
        total = len(chunks)
        # One tally per chunk, added up at the end: the chunks' threads never share one.
        tallies = [Tally() for _ in chunks]
        drafts: list[Draft | None] = [None] * total
        todo = list(chunks)
        if not self.modes.settled:
            # The first call finds the response format the server takes; the others then use it.
            with self._probe:
                drafts[0] = self._chunk(document, todo[0], total, meter, tallies[0])
                if self.cache is not None and self.modes.settled and self.modes.current != self.modes.order[0]:
                    self.cache.put(self._format_key(), {"mode": self.modes.current})
            todo = todo[1:]
        if len(todo) == 1 or self.settings.concurrency == 1:
            for c in todo:
                drafts[c.index] = self._chunk(document, c, total, meter, tallies[c.index])
        elif todo:
            with ThreadPoolExecutor(max_workers=min(self.settings.concurrency, len(todo))) as pool:
                futures = {
                    pool.submit(self._chunk, document, c, total, meter, tallies[c.index]): c.index for c in todo
                }
                done, pending = wait(futures, return_when=FIRST_EXCEPTION)
                for f in pending:
                    f.cancel()  # one chunk failed: the article fails, so spare the server the rest
                for f in done:
                    if f.exception() is not None:
                        raise f.exception()  # type: ignore[misc]
                for f, i in futures.items():
                    drafts[i] = f.result()
        result = [d for d in drafts if d is not None]
        tally = Tally()
        for t in tallies:
            tally.add(t)
        if total > 1 and self.settings.reduce and needs_reduce(document, result, self.settings.summary_sentences):
            result = self._reduce(document, result, meter)
        first = result[0]
        warnings = list(dict.fromkeys([*first.warnings, *tally.warnings()]))
        result[0] = first.model_copy(update={"usage": meter.usage(self._clock() - started), "warnings": warnings})
        return result

    # --- one chunk ------------------------------------------------------------------------------

    def _chunk(self, document: Document, chunk: Chunk, total: int, meter: UsageMeter, tally: Tally) -> Draft:
        return self._piece(document, chunk, (0, len(chunk.text)), total, meter, tally)

    def _piece(
        self, document: Document, chunk: Chunk, window: tuple[int, int], total: int, meter: UsageMeter, tally: Tally
    ) -> Draft:
        lo, hi = window
        piece = chunk.model_copy(update={"text": chunk.text[lo:hi], "start": chunk.start + lo, "end": chunk.start + hi})
        try:
            reply = self._ask_chunk(document, piece, total, meter)
        except Truncated as exc:
            cut = _split_point(chunk.text, lo, hi)
            if cut is None:
                raise UnusableReply(
                    f"the model's reply was cut off even for a short piece of text ({exc}): raise --max-output-tokens"
                ) from None
            halves = [(lo, cut), (cut, hi)]
            return combine([self._piece(document, chunk, w, total, meter, tally) for w in halves])
        return to_draft(
            reply, chunk, window=window, title=document.title, keep_unverified=self.settings.keep_unverified, tally=tally,
            captions=_caption_spans(chunk.text),
        )

    def _ask_chunk(self, document: Document, piece: Chunk, total: int, meter: UsageMeter) -> ChunkReply:
        key = self._key("map", text=piece.text, title=document.title, part=piece.index, total=total)
        build = lambda mode: self.prompts.chunk_messages(document, piece, total, mode)  # noqa: E731
        return self._ask(key, build, ChunkReply, self.settings.max_output_tokens, "map", meter)

    def _ask(self, key: str, build: Callable, reply_model: type, max_tokens: int, stage: str, meter: UsageMeter) -> Any:
        """Return the cached reply under ``key``, or ask the model and cache what it answers."""
        cached = self._cached(key, reply_model, meter)
        if cached is not None:
            return cached
        reply = ask(
            self.client,
            build,
            reply_model,
            modes=self.modes,
            prompts=self.prompts,
            max_tokens=max_tokens,
            max_reasks=self.settings.max_retries,
            stage=stage,
            meter=meter,
        )
        self._store(key, reply)
        return reply

    # --- the reduce step ------------------------------------------------------------------------

    def _reduce(self, document: Document, drafts: list[Draft], meter: UsageMeter) -> list[Draft]:
        """Replace the per-chunk summaries by one summary (and title) of the whole article."""
        notes = [
            ReduceNotes(summary=" ".join(x.text for x in d.summary), actors=[a.name for a in d.actors]) for d in drafts
        ]
        key = self._key("reduce", notes=[(n.summary, n.actors) for n in notes], title=document.title)
        build = lambda mode: self.prompts.reduce_messages(document, notes, mode)  # noqa: E731
        try:
            reply = self._ask(key, build, ReduceReply, self.settings.reduce_max_tokens, "reduce", meter)
        except (Truncated, UnusableReply) as exc:
            # The chunk summaries still stand; a failed reduce costs polish, not the briefing.
            first = drafts[0]
            drafts[0] = first.model_copy(update={"warnings": [*first.warnings, f"reduce step skipped: {exc}"]})
            return drafts
        out = [d.model_copy(update={"summary": []}) for d in drafts]
        out[0] = out[0].model_copy(
            update={
                "summary": [SummarySentence(text=reply.summary.strip(), score=1.0)] if reply.summary.strip() else [],
                "title": reply.title.strip() or out[0].title,
            }
        )
        return out

    # --- the cache ------------------------------------------------------------------------------

    def _key(self, stage: str, **content: Any) -> str:
        s = self.settings
        return cache_key(
            base_url=self.client.endpoint,
            model=self.client.model,
            prompts=self.prompts.hash,
            schema=REPLY_SCHEMA_VERSION,
            options={
                "temperature": s.temperature,
                "max_output_tokens": s.max_output_tokens if stage == "map" else s.reduce_max_tokens,
                "structured_output": s.structured_output,
            },
            stage=stage,
            content=content,
        )

    def _format_key(self) -> str:
        """The cache key under which the response format this server takes is remembered."""
        return cache_key(kind="response_format", base_url=self.client.endpoint, model=self.client.model)

    def _cached(self, key: str, model: type, meter: UsageMeter) -> Any:
        if self.cache is None:
            return None
        hit = self.cache.get(key)
        if hit is None:
            return None
        try:
            reply = model.model_validate(hit)
        except ValueError:
            return None
        meter.cached()
        return reply

    def _store(self, key: str, reply: Any) -> None:
        if self.cache is not None:
            self.cache.put(key, reply.model_dump(mode="json"))


def needs_reduce(document: Document, drafts: Sequence[Draft], summary_sentences: int) -> bool:
    """Return whether the chunks' findings need the reduce call to give the briefing its title and summary.

    The reduce call writes only a title and a summary, from the chunks' summaries, so it is worth
    a call only when what the merge would make of them falls short:

    - no title: the article has no headline and no chunk reply found one (the merge would fall
      back to the article's first sentence);
    - a summary too long: the chunks' summaries together have more sentences than
      --summary-sentences, so the merge would keep the first parts' summaries and lose the rest
      of the article (with --summary-sentences 0 no summary is wanted, so none is too long).

    Chunk summaries that are all empty give the reduce call nothing to write from: no call for
    the summary then.
    """
    if not (document.title or any(d.title for d in drafts)):
        return True
    if summary_sentences == 0:
        return False
    parts = [s.text for d in drafts for s in d.summary if s.text.strip()]
    return sum(len(split_sentences(text)) for text in parts) > summary_sentences


def _split_point(text: str, lo: int, hi: int) -> int | None:
    """Return where to cut ``text[lo:hi]`` in two: the sentence end nearest the middle, else a space."""
    if hi - lo < MIN_SPLIT_CHARS:
        return None
    middle = (lo + hi) // 2
    ends = [lo + s.end for s in split_sentences(text[lo:hi])][:-1]
    ends = [e for e in ends if lo < e < hi]
    if ends:
        return min(ends, key=lambda e: abs(e - middle))
    space = text.rfind(" ", lo, middle)
    return space if space > lo else None


def _caption_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of ``text`` that read as picture captions or furniture run into the prose.

    The extractive backend's reading of the text is reused: a model quoting "Abase Hussen, left,
    took his daughter..." quotes the page, not the story.
    """
    from ..analysis.units import read_units

    return [(u.start, u.end) for u in read_units(text) if u.caption]
