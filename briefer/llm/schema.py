"""The reply a model must give for one chunk (and for the reduce step), and how a reply is read.

The model never gives character offsets: counting characters is what language models do worst.
It gives the quote, and `findings.py` finds the quote in the text. Its JSON Schema is generated
from the pydantic models below and made strict (every property required, no extra properties),
which is what OpenAI's ``json_schema`` mode asks for and what grammar-constrained servers such as
llama.cpp turn into a grammar.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

# Part of the cache key: a change to the reply models must not replay replies of the old shape.
REPLY_SCHEMA_VERSION = "1"

_KINDS = ("person", "organization", "country", "group", "other")


class _Reply(BaseModel):
    # Models add fields of their own now and then; ignoring them costs nothing, re-asking costs a call.
    model_config = ConfigDict(extra="ignore")


class ReplyActor(_Reply):
    name: str = Field(description="The fullest name the article uses for this actor.")
    aliases: list[str] = Field(description="Other names the article uses for the same actor, e.g. a surname.")
    kind: Literal["person", "organization", "country", "group", "other"]
    role: str | None = Field(description="The title or role the article gives the actor, or null.")

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value: Any) -> Any:
        # "Person", "PERSON" and "company" say what they mean; only a value with no reading is an error.
        if isinstance(value, str):
            v = value.strip().lower()
            if v in _KINDS:
                return v
            if v in {"company", "organisation", "institution", "agency", "party", "government"}:
                return "organization"
            if v in {"nation", "state"}:
                return "country"
        return value


class ReplyPosition(_Reply):
    actor: str = Field(description="The name of the actor (one of `actors`) who said or wants this.")
    text: str = Field(description="What the actor said, wants, claims or argues, in a few words.")
    quote: str = Field(description="The sentence of the article that says it, copied exactly.")


class ReplyItem(_Reply):
    text: str = Field(description="The item in a few words.")
    quote: str = Field(description="The sentence of the article that says it, copied exactly.")


class ChunkReply(_Reply):
    """What the model reports about one chunk of an article."""

    title: str | None = Field(default=None, description="The article's headline if the text has one, else null.")
    summary: str = Field(description="Two or three sentences: what happened and why it matters.")
    actors: list[ReplyActor]
    positions: list[ReplyPosition]
    outcomes: list[ReplyItem]
    open_questions: list[ReplyItem]


class ReduceReply(_Reply):
    """What the model writes from the findings of all chunks: one title and one summary."""

    title: str = Field(description="A short headline for the whole article.")
    summary: str = Field(description="Two or three sentences on the whole article.")


class ReplyError(ValueError):
    """The reply is not the JSON asked for; the message is shown to the model when re-asking."""


def strict_schema(model: type[BaseModel]) -> dict[str, Any]:
    """Return the model's JSON Schema in the strict form: all properties required, nothing extra."""
    return copy.deepcopy(_strict(model))


@functools.cache
def _strict(model: type[BaseModel]) -> dict[str, Any]:
    schema = copy.deepcopy(model.model_json_schema())
    _strictify(schema)
    return schema


# Caps for grammar-constrained servers (llama.cpp and kin), which turn the schema into a grammar:
# a small model at temperature 0 can repeat one item until the output allowance runs out, and a cap
# ends the loop early. A capped quote is still a prefix of the sentence, so it is still found.
# Not sent in OpenAI's strict json_schema mode, which accepts fewer keywords.
GRAMMAR_LIMITS: dict[str, dict[str, int]] = {
    "actors": {"maxItems": 12},
    "positions": {"maxItems": 8},
    "outcomes": {"maxItems": 6},
    "open_questions": {"maxItems": 6},
    "aliases": {"maxItems": 4},
    "summary": {"maxLength": 500},
    "title": {"maxLength": 200},
    "name": {"maxLength": 100},
    "role": {"maxLength": 100},
    "actor": {"maxLength": 100},
    "text": {"maxLength": 160},
    "quote": {"maxLength": 400},
}


def grammar_schema(model: type[BaseModel]) -> dict[str, Any]:
    """Return the strict schema with `GRAMMAR_LIMITS` on the lists and strings they name."""
    schema = strict_schema(model)
    _limit(schema)
    return schema


def _limit(node: Any) -> None:
    if isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            limits = GRAMMAR_LIMITS.get(name)
            if limits and isinstance(prop, dict):
                kind = "array" if "maxItems" in limits else "string"
                targets = [prop] + [alt for alt in prop.get("anyOf", []) if isinstance(alt, dict)]
                for t in targets:
                    if t.get("type") == kind:
                        t.update(limits)
        for value in node.values():
            _limit(value)
    elif isinstance(node, list):
        for value in node:
            _limit(value)


def _strictify(node: Any) -> None:
    if isinstance(node, dict):
        # Annotations go ("title", "default"); a property that happens to be named "title" stays.
        node.pop("title", None)
        node.pop("default", None)
        if node.get("type") == "object" and "properties" in node:
            node["additionalProperties"] = False
            node["required"] = list(node["properties"])
        for key, value in node.items():
            if key in ("properties", "$defs"):  # maps of names to schemas, not schemas themselves
                for sub in value.values():
                    _strictify(sub)
            else:
                _strictify(value)
    elif isinstance(node, list):
        for value in node:
            _strictify(value)


_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL)


def parse_reply(content: str | None, model: type[_Reply]) -> _Reply:
    """Return the reply parsed and validated, or raise ReplyError saying what is wrong with it."""
    if not content or not content.strip():
        raise ReplyError("the reply is empty; answer with the JSON object only")
    data = _load_json(content)
    if not isinstance(data, dict):
        raise ReplyError(f"the reply is JSON but not an object (it is a {type(data).__name__}); answer with one JSON object")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors()[:5]:
            where = ".".join(str(p) for p in err["loc"]) or "(top level)"
            problems.append(f"{where}: {err['msg']}")
        more = f" (and {exc.error_count() - 5} more)" if exc.error_count() > 5 else ""
        raise ReplyError("the JSON does not match the schema: " + "; ".join(problems) + more) from None


def _load_json(content: str) -> Any:
    text = content.strip()
    try:
        return json.loads(text)
    except json.JSONDecodeError as first:
        # Without a JSON mode, models wrap the object in a code fence or a sentence of preamble.
        fenced = _FENCE.search(text)
        candidates = [fenced.group(1)] if fenced else []
        i, j = text.find("{"), text.rfind("}")
        if 0 <= i < j:
            candidates.append(text[i : j + 1])
        for candidate in candidates:
            try:
                return json.loads(candidate)
            except json.JSONDecodeError:
                continue
        raise ReplyError(f"the reply is not valid JSON ({first.msg} at line {first.lineno} column {first.colno})") from None
