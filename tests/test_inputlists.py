"""Lists of inputs and JSON Lines records, read line by line; output file names made safe and unique."""

from __future__ import annotations

import hashlib
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


def sha8(text: str | bytes) -> str:
    return hashlib.sha256(text.encode() if isinstance(text, str) else text).hexdigest()[:8]


@pytest.mark.parametrize(("name", "kw", "stem"), [
    ("news/a story.html", {}, f"a-story-{sha8('news/a story.html')}"),
    ("./news//a.html", {}, f"a-{sha8('news/a.html')}"),  # the same path, however it is written
    ("https://x.org/news/story.html?id=3", {"url": True}, f"story-{sha8('https://x.org/news/story.html?id=3')}"),
    ("https://x.org/", {"url": True}, f"x.org-{sha8('https://x.org/')}"),
    ("http://[bad/x", {"url": True}, f"page-{sha8('http://[bad/x')}"),
    ("-", {"data": b"Some text"}, f"stdin-{sha8(b'Some text')}"),
    ("stdin:3", {"data": b"Some text"}, f"stdin-{sha8(b'Some text')}"),
    ("feeds/in.jsonl:3", {"data": b"Some text"}, f"in-{sha8(b'Some text')}"),
    ("in.jsonl:3", {"id": "a-1041", "data": b"x"}, "a-1041"),
    ("in.jsonl:3", {"id": "A-1041"}, f"A-1041-{sha8('A-1041')}"),
    ("in.jsonl:3", {"id": "../../etc/passwd"}, f"etc-passwd-{sha8('../../etc/passwd')}"),
    ("in.jsonl:4", {"id": "nul"}, f"_nul-{sha8('nul')}"),
    ("in.jsonl:5", {"id": "日本"}, f"article-{sha8('日本')}"),
])
def test_file_stems_are_safe_and_name_the_input_alone(name, kw, stem):
    assert stem_for(name, **kw) == stem


def test_long_stems_are_cut():
    assert len(safe_stem("x" * 500)) == 80


def test_names_never_depend_on_the_other_inputs_of_a_run(tmp_path):
    d = OutputDirectory(tmp_path / "out", ".json")
    names = [d.target(n).name for n in ("a/index.html", "b/index.html", "B/Index.html")]
    assert len({n.lower() for n in names}) == 3
    assert [d.target(n).name for n in ("B/Index.html", "a/index.html")] == [names[2], names[0]]


def test_a_signal_during_a_write_waits_for_its_end():
    done = []
    with pytest.raises(KeyboardInterrupt):
        with uninterrupted():
            os.kill(os.getpid(), signal.SIGINT)
            done.append("the write finished")
    assert done == ["the write finished"]
