"""Lists of inputs and JSON Lines records, read line by line; output file names made safe and unique."""

from __future__ import annotations

import io
import json
import os
import signal

import pytest

from briefer.errors import InputError
from briefer.inputlists import iter_listed_names, iter_records
from briefer.sinks import OutputDirectory, safe_stem, stem_for, uninterrupted


def records(*lines: object) -> list:
    raw = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines).encode()
    return list(iter_records(io.BytesIO(raw), list_name="in.jsonl"))


def test_list_lines_skip_blanks_and_comments():
    assert list(iter_listed_names(["a.txt\n", "\n", "  # note\n", "  https://x.org/a  \n"])) == ["a.txt", "https://x.org/a"]


def test_each_content_field_gives_its_format():
    got = records({"id": "t", "text": "x"}, {"id": 5, "html": "<p>x</p>"}, {"markdown": "# x"}, {"id": "u", "url": "https://x.org/a"})
    assert [(i.name, i.id, i.format, i.url) for i in got] == [
        ("in.jsonl:1", "t", None, None),
        ("in.jsonl:2", "5", "html", None),
        ("in.jsonl:3", None, "markdown", None),
        ("https://x.org/a", "u", None, "https://x.org/a"),
    ]
    assert got[0].data == b"x"


@pytest.mark.parametrize(("record", "message"), [
    ("{not json", "not a JSON record"),
    ([1, 2], "must be a JSON object"),
    ({"id": "a"}, "no content field"),
    ({"id": "a", "text": "x", "url": "https://x.org"}, "several content fields (text, url)"),
    ({"id": True, "text": "x"}, "id must be a string or a number"),
    ({"id": "a", "text": 3}, "text must be a string"),
    ({"id": "a", "url": "ftp://x.org/a"}, "must start with http:// or https://"),
])
def test_a_bad_record_is_an_error_in_its_place(record, message):
    got = records({"text": "first"}, record, {"text": "last"})
    assert isinstance(got[1], InputError) and message in str(got[1]) and str(got[1]).startswith("in.jsonl:2")
    assert not isinstance(got[0], InputError) and not isinstance(got[2], InputError)


def test_blank_lines_between_records_are_skipped():
    got = records({"text": "a"}, "", "   ", {"text": "b"})
    assert [i.name for i in got] == ["in.jsonl:1", "in.jsonl:4"]


@pytest.mark.parametrize(("name", "kw", "stem"), [
    ("news/a story.html", {}, "a-story"),
    ("https://x.org/news/2024/story.html?id=3", {"url": True}, "story"),
    ("https://x.org/", {"url": True}, "x.org"),
    ("-", {}, "stdin"),
    ("in.jsonl:3", {"id": "../../etc/passwd"}, "etc-passwd"),
    ("in.jsonl:4", {"id": "nul"}, "_nul"),
    ("in.jsonl:5", {"id": "日本"}, "article"),
])
def test_file_stems_are_safe(name, kw, stem):
    assert stem_for(name, **kw) == stem


def test_long_stems_are_cut():
    assert len(safe_stem("x" * 500)) == 80


def test_names_are_unique_and_the_same_on_every_run(tmp_path):
    def names():
        d = OutputDirectory(tmp_path / "out", ".json")
        return [d.target(n).name for n in ("a/index.html", "b/index.html", "B/Index.html", "a/index.html")]

    first = names()
    assert first[0] == "index.json"
    assert len({n.lower() for n in first}) == 4
    assert names() == first


def test_a_signal_during_a_write_waits_for_its_end():
    done = []
    with pytest.raises(KeyboardInterrupt):
        with uninterrupted():
            os.kill(os.getpid(), signal.SIGINT)
            done.append("the write finished")
    assert done == ["the write finished"]
