"""Lists of inputs, read lazily: a file of paths and URLs one per line, or JSON Lines records.

Both are read a line at a time, so a list of a million inputs costs no more memory than a list of
ten. A bad record does not stop the list: it becomes an `InputError` yielded in its place, and the
batch reports it in its turn like any other failed input.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import IO

from .errors import InputError, UsageError
from .models import InputFormat
from .sources import STDIN, Input, is_url, iter_inputs, standard_input

# The content fields a record may carry, and the format each one means.
RECORD_FIELDS: dict[str, InputFormat | None] = {"text": None, "markdown": "markdown", "html": "html", "url": None}


def iter_listed_names(lines: Iterable[str]) -> Iterator[str]:
    """Yield the names in an inputs list: one path or URL a line; blank lines and '#' comments skipped."""
    for line in lines:
        name = line.strip()
        if name and not name.startswith("#"):
            yield name


def iter_listed_inputs(lines: Iterable[str], *, list_name: str) -> Iterator[Input | InputError]:
    """Yield the inputs an inputs list names, directories walked recursively in sorted order."""
    for name in iter_listed_names(lines):
        if name == STDIN:
            yield InputError("'-' cannot be listed: standard input is the list itself", source=f"{list_name}: -")
            continue
        yield from iter_inputs([name])


def iter_records(stream: IO[bytes], *, list_name: str) -> Iterator[Input | InputError]:
    """Yield one input per JSON Lines record: ``{"id": ..., "text"|"markdown"|"html"|"url": ...}``.

    A record is named ``<file>:<line>`` (its URL, for a URL record), and its ``id`` is carried into
    the briefing's ``source.id`` so a pipeline can join the results back to what it sent.
    """
    for lineno, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        where = f"{list_name}:{lineno}"
        try:
            record = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "not UTF-8"
            yield InputError(f"not a JSON record ({msg}); expected {_SHAPE}", source=where)
            continue
        yield _record_input(record, where)


_SHAPE = '{"id": ..., "text": ...} (or "html", "markdown", "url")'


def _record_input(record: object, where: str) -> Input | InputError:
    result = _parse_record(record, where)
    if isinstance(result, InputError) and isinstance(record, dict) and _valid_id(record.get("id")):
        result.record_id = str(record["id"])  # type: ignore[attr-defined]  # for the in-band error line
    return result


def _valid_id(value: object) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def _parse_record(record: object, where: str) -> Input | InputError:
    if not isinstance(record, dict):
        return InputError(f"a record must be a JSON object like {_SHAPE}", source=where)
    rid = record.get("id")
    if rid is not None and not _valid_id(rid):
        return InputError("the record's id must be a string or a number", source=where)
    rid = None if rid is None else str(rid)
    label = where if rid is None else f"{where} (id {rid})"
    given = [k for k in RECORD_FIELDS if record.get(k) is not None]
    if len(given) != 1:
        what = "no content field" if not given else f"several content fields ({', '.join(given)})"
        return InputError(f"the record has {what}: give exactly one of text, markdown, html or url", source=label)
    field = given[0]
    value = record[field]
    if not isinstance(value, str):
        return InputError(f"the record's {field} must be a string", source=label)
    if field == "url":
        if not is_url(value):
            return InputError(f"the record's url must start with http:// or https://, not {value[:60]!r}", source=label)
        return Input(value, url=value, id=rid)
    return Input(where, id=rid, data=value.encode("utf-8"), format=RECORD_FIELDS[field])


class InputPlan:
    """What one run reads: the names on the command line and an optional list file, as paths or as
    JSON Lines record files. Checked up front (a missing list is a usage error, exit 2); read lazily."""

    def __init__(self, names: list[str], *, inputs_from: str | None, jsonl: bool,
                 stdin: IO[bytes] | None = None) -> None:
        self.names, self.inputs_from, self.jsonl = names, inputs_from, jsonl
        self._stdin = stdin
        if not names and inputs_from is None:
            if not jsonl:
                raise UsageError("nothing to read: give files, directories, URLs, '-' or --inputs-from FILE")
            self.names = [STDIN]  # records are read from standard input by default
        readers = self.names.count(STDIN) + (inputs_from == STDIN)
        if readers > 1:
            raise UsageError("standard input can be read only once: use '-' in one place only")
        if inputs_from not in (None, STDIN):
            listing = Path(inputs_from)
            if not listing.exists():
                raise UsageError(f"--inputs-from {inputs_from}: no such file")
            if listing.is_dir():
                raise UsageError(f"--inputs-from {inputs_from}: is a directory; give it as an argument to brief all its articles")

    @property
    def uses_stdin(self) -> bool:
        return STDIN in self.names or self.inputs_from == STDIN

    def iterate(self) -> Iterator[str | Input | InputError]:
        """Yield every input in order: the names given, then those of the list file."""
        for name in self.names:
            if self.jsonl:
                yield from self._records(name)
            else:
                yield name
        if self.inputs_from is not None:
            with self._open(self.inputs_from) as raw:
                lines = (line.decode("utf-8", "replace") for line in raw)
                if self.jsonl:
                    for name in iter_listed_names(lines):
                        yield from self._records(name)
                else:
                    yield from iter_listed_inputs(lines, list_name=self.inputs_from)

    def _records(self, name: str) -> Iterator[Input | InputError]:
        label = "stdin" if name == STDIN else name
        try:
            stream = self._open(name)
        except OSError as exc:
            yield InputError(f"cannot read this JSON Lines file: {exc.strerror or exc}", source=name)
            return
        with stream as records:
            yield from iter_records(records, list_name=label)

    def _open(self, name: str) -> IO[bytes]:
        if name == STDIN:
            return nullcontext(self._stdin or standard_input())  # type: ignore[return-value]
        return open(name, "rb")


def count_inputs(plan: InputPlan) -> int | None:
    """Return how many inputs a plan holds, for a progress bar's total; None if only reading tells."""
    if plan.uses_stdin:
        return None
    if plan.inputs_from is not None and not Path(plan.inputs_from).is_file():
        return None  # a pipe (`--inputs-from <(find ...)`) can be read only once: by the run
    total = 0
    try:
        if plan.jsonl:
            names = list(plan.names)
            if plan.inputs_from is not None:
                with open(plan.inputs_from, encoding="utf-8", errors="replace") as f:
                    names += list(iter_listed_names(f))
            for name in names:
                if not Path(name).is_file():
                    return None
                with open(name, "rb") as f:
                    total += sum(1 for line in f if line.strip())
        else:
            total = sum(1 for name in plan.names for _ in iter_inputs([name]))
            if plan.inputs_from is not None:
                with open(plan.inputs_from, encoding="utf-8", errors="replace") as f:
                    total += sum(1 for _ in iter_listed_inputs(f, list_name=plan.inputs_from))
    except OSError:
        return None  # the run itself reports the unreadable input
    return total
