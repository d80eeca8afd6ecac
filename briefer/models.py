"""The data every stage speaks: an article on its way in, and the briefing on its way out.

`Briefing` is the public contract: its JSON Schema (``briefer schema``) is generated from it, the
Markdown is rendered from it and its JSON is what pipes read. Changing a field of it changes
``SCHEMA_VERSION``. The other models are internal stages of the pipeline.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

ActorKind = Literal["person", "organization", "country", "group", "other"]
InputFormat = Literal["text", "markdown", "html"]


class _Model(BaseModel):
    # A typo in a field name fails loudly instead of being dropped.
    model_config = ConfigDict(extra="forbid")


# --- the stages before the backend -------------------------------------------------------------


class Article(_Model):
    """One input as read: its decoded content and where it came from."""

    name: str = Field(description="File path, URL or '-' for standard input.")
    id: str | None = Field(default=None, description="Caller-supplied identifier, carried into the output.")
    content: str
    format: InputFormat
    sha256: str = Field(description="SHA-256 of the input's bytes as read.")


class Document(_Model):
    """An article after cleaning: the text every evidence span points into."""

    article: Article
    title: str | None = Field(default=None, description="The headline found in the input, if any.")
    text: str = Field(description="The cleaned main text: paragraphs separated by blank lines.")


class Chunk(_Model):
    """A token-budgeted slice of the clean text that knows where it sits in it."""

    index: int
    start: int = Field(description="Offset of the chunk's first character in the clean text.")
    end: int
    text: str
    tokens: int


# --- what a backend gives back, per chunk ------------------------------------------------------


class Evidence(_Model):
    """An exact quote from the clean text: ``text[start:end] == quote``.

    The one exception is a quote a model gave that is nowhere in the article, kept only because the
    user asked for it (``--keep-unverified``): it says ``"verified": false`` and its span is 0-0.
    """

    quote: str = Field(min_length=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    verified: Literal[False] | None = Field(
        default=None,
        # Verified evidence, the rule, is written without the flag, as the JSON shape documents it.
        # (Left out by the serializer itself: a model serializer in Python cost every briefing a
        # call per quote, half the time of dumping it.)
        exclude_if=lambda verified: verified is None,
        description="false when the quote was not found in the article (kept by --keep-unverified); absent otherwise.",
    )


class Actor(_Model):
    name: str = Field(min_length=1, description="The fullest name the article uses.")
    aliases: list[str] = Field(default_factory=list, description="Other ways the article names the actor.")
    kind: ActorKind = "other"
    role: str | None = Field(default=None, description="Title or role the article gives, e.g. 'U.S. President'.")
    mentions: int = Field(default=1, ge=0, description="How often the article names the actor, aliases included.")


class Position(_Model):
    actor: str = Field(description="The `name` of an entry in `actors`.")
    text: str = Field(min_length=1, description="What the actor said, wants or claims.")
    evidence: list[Evidence] = Field(min_length=1)
    cue: str | None = Field(default=None, description="The attribution cue, e.g. 'said', 'according to'.")
    confidence: float | None = Field(default=None, ge=0, le=1)


class Item(_Model):
    text: str = Field(min_length=1)
    evidence: list[Evidence] = Field(min_length=1)


class SummarySentence(_Model):
    """A candidate sentence for the summary, scored by the backend; higher is more central."""

    text: str
    score: float = 1.0
    evidence: list[Evidence] = Field(default_factory=list)


class StageUsage(_Model):
    """Calls and tokens of one stage of a model backend ('map': one call per chunk; 'reduce')."""

    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0


class Usage(_Model):
    """What briefing one article cost a model backend; re-asks and retried calls included."""

    calls: int = Field(default=0, description="Requests sent to the model, retries and re-asks included.")
    cached_calls: int = Field(default=0, description="Calls answered from the response cache instead.")
    prompt_tokens: int = 0
    completion_tokens: int = 0
    retries: int = Field(default=0, description="Calls repeated after a server error, timeout or unusable reply.")
    wall_seconds: float = Field(default=0.0, description="Time the backend spent on the article.")
    stages: dict[str, StageUsage] = Field(default_factory=dict, description="The same counts per stage.")


class Draft(_Model):
    """One chunk's findings. Evidence offsets are relative to the chunk's own text."""

    chunk: int = Field(description="Index of the chunk these findings come from.")
    title: str | None = None
    summary: list[SummarySentence] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    outcomes: list[Item] = Field(default_factory=list)
    open_questions: list[Item] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    usage: Usage | None = Field(default=None, description="What producing the draft cost, for model backends.")


# --- the briefing ------------------------------------------------------------------------------


class Source(_Model):
    name: str = Field(description="File path, URL or '-' for standard input.")
    id: str | None = Field(default=None, description="The caller's id for this article, when one was given.")
    sha256: str = Field(description="SHA-256 of the input's bytes.")
    chars: int = Field(description="Length of the cleaned text in characters.")
    tokens: int = Field(description="Tokens of the cleaned text (tiktoken).")
    chunks: int = Field(description="How many chunks the backend was given.")


class BackendInfo(_Model):
    name: str
    model: str | None = None


class Briefing(_Model):
    """A structured briefing of one news article; every item carries its evidence."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    title: str
    summary: str
    actors: list[Actor] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    outcomes: list[Item] = Field(default_factory=list)
    open_questions: list[Item] = Field(default_factory=list)
    source: Source
    backend: BackendInfo
    warnings: list[str] = Field(default_factory=list)
    usage: Usage | None = Field(
        default=None, description="Calls, tokens and time the model backend spent; null for the extractive backend."
    )
    text: str | None = Field(
        default=None, description="The cleaned article text that evidence spans point into (--include-text)."
    )
