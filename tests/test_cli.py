"""The command line as a user meets it: exit codes, one-line errors, outputs on stdout or in a file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefer.cli import main

ARTICLE = """Harbor Talks Collapse

Port workers walked out on Monday after talks with the Harbor Authority broke down.

"We will not accept these terms," said Maria Lopez, a spokeswoman for the Dockworkers Union.
"""


def run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def run_process(args, stdin: bytes | None = None, cwd: Path | None = None, env=None):
    return subprocess.run(
        [sys.executable, "-m", "briefer", *args], input=stdin, capture_output=True, cwd=cwd, env=env, timeout=120
    )


@pytest.fixture
def article(tmp_path) -> Path:
    p = tmp_path / "harbor.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def test_markdown_is_the_default(seed, capsys):
    code, out, err = run(["brief", str(seed)], capsys)
    assert code == 0
    assert out.startswith("# Alaska Summit: Symbolic Gains, Ukraine Crisis Remains Unresolved\n")
    for heading in ("## Actors", "## Positions", "## Outcomes", "## Open questions"):
        assert heading in out
    assert "Leave a Reply" not in out and "Back To Top" not in out
    assert err == ""


def test_json_spans_are_exact_slices_of_the_included_text(seed, capsys):
    code, out, _ = run(["brief", str(seed), "--format", "json", "--include-text"], capsys)
    assert code == 0
    doc = json.loads(out)
    assert doc["schema_version"] == "1"
    assert doc["source"]["name"] == str(seed)
    assert doc["source"]["chars"] == len(doc["text"])
    for key in ("positions", "outcomes", "open_questions"):
        for item in doc[key]:
            assert item["evidence"]
            for e in item["evidence"]:
                assert doc["text"][e["start"] : e["end"]] == e["quote"]
    names = {a["name"] for a in doc["actors"]}
    assert all(p["actor"] in names for p in doc["positions"])


def test_text_is_left_out_unless_asked(article, capsys):
    _, out, _ = run(["brief", str(article), "-f", "json"], capsys)
    assert "text" not in json.loads(out)


def test_several_inputs_give_an_array_or_lines(article, seed, capsys):
    _, out, _ = run(["brief", str(article), str(seed), "-f", "json"], capsys)
    docs = json.loads(out)
    assert [d["source"]["name"] for d in docs] == [str(article), str(seed)]
    _, out, _ = run(["brief", str(article), str(seed), "-f", "jsonl"], capsys)
    lines = out.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["title"] for line in lines)


def test_directories_are_searched_recursively_in_order(tmp_path, capsys):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text("# Two\n\nThe council met on Tuesday and voted.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x,y\n", encoding="utf-8")
    _, out, _ = run(["brief", str(tmp_path), "-f", "jsonl"], capsys)
    names = [json.loads(line)["source"]["name"] for line in out.splitlines()]
    assert names == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "two.md")]


def test_stdin_mixed_with_files(article):
    r = run_process(["brief", "-", str(article), "-f", "jsonl"], stdin=ARTICLE.replace("Harbor", "River").encode())
    assert r.returncode == 0, r.stderr
    docs = [json.loads(line) for line in r.stdout.splitlines()]
    assert [d["source"]["name"] for d in docs] == ["-", str(article)]
    assert docs[0]["title"] == "River Talks Collapse"


def test_no_arguments_prints_usage_and_exits_2():
    r = run_process(["brief"])
    assert r.returncode == 2
    assert b"Usage:" in r.stdout + r.stderr
    assert b"Traceback" not in r.stderr


def test_missing_file_is_one_line_and_exit_3(tmp_path, capsys):
    code, out, err = run(["brief", str(tmp_path / "nope.txt")], capsys)
    assert code == 3 and out == ""
    assert err == f"briefer: error: {tmp_path / 'nope.txt'}: no such file or directory\n"


@pytest.mark.parametrize(
    "content, message",
    [(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"), (b"", "empty"), (b"  \n\t\n", "empty")],
)
def test_bad_files_are_named_in_one_line(tmp_path, capsys, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code, _, err = run(["brief", str(bad)], capsys)
    assert code == 3
    assert err.count("\n") == 1 and str(bad) in err and message in err


def test_one_bad_file_does_not_sink_the_others(article, tmp_path, capsys):
    code, out, err = run(["brief", str(tmp_path / "missing.txt"), str(article), "-f", "jsonl"], capsys)
    assert code == 1
    assert len(out.splitlines()) == 1 and json.loads(out)["source"]["name"] == str(article)
    errors = [line for line in err.splitlines() if line.startswith("briefer: error:")]
    assert len(errors) == 1 and "missing.txt" in errors[0]
    assert err.splitlines()[-1] == "briefer: briefed 1, failed 1 (see above)"


def test_output_file_is_written_whole(article, tmp_path, capsys):
    target = tmp_path / "out.json"
    code, out, _ = run(["brief", str(article), "-f", "json", "-o", str(target)], capsys)
    assert code == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["source"]["name"] == str(article)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_output_file_is_not_touched_when_nothing_was_briefed(tmp_path, capsys):
    target = tmp_path / "out.json"
    target.write_text("previous run\n", encoding="utf-8")
    code, _, _ = run(["brief", str(tmp_path / "missing.txt"), "-f", "json", "-o", str(target)], capsys)
    assert code == 3
    assert target.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_output_into_missing_folder_is_a_usage_error(article, tmp_path, capsys):
    code, _, err = run(["brief", str(article), "-o", str(tmp_path / "no" / "such" / "out.md")], capsys)
    assert code == 2 and "does not exist" in err and err.count("\n") == 1


def test_unknown_backend_lists_the_available_ones(article, capsys):
    code, _, err = run(["brief", str(article), "--backend", "nosuch"], capsys)
    assert code == 2
    assert "unknown backend 'nosuch'" in err and "extractive" in err and err.count("\n") == 1


def test_unknown_flag_is_one_line(article, capsys):
    code, _, err = run(["brief", str(article), "--frobnicate"], capsys)
    assert code == 2 and err.startswith("briefer: error: No such option: --frobnicate") and err.count("\n") == 1


def test_backends_lists_the_builtin(capsys):
    code, out, _ = run(["backends"], capsys)
    assert code == 0
    line = next(line for line in out.splitlines() if line.startswith("extractive"))
    assert "briefer" in line and "offline" in line


def test_version_and_help(capsys):
    code, out, _ = run(["--version"], capsys)
    assert code == 0 and out.startswith("briefer ")
    code, out, _ = run(["--help"], capsys)
    assert code == 0 and "brief" in out and "schema" in out


def test_help_does_not_import_heavy_modules():
    code = "import sys; from briefer.cli import main; main(['--help']); " \
           "print(','.join(m for m in ('openai', 'httpx', 'trafilatura', 'tiktoken') if m in sys.modules), file=sys.stderr)"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0
    assert r.stderr.strip() == ""


def test_python_dash_m_and_stdout_only_holds_the_result(seed):
    r = run_process(["brief", str(seed), "-f", "json"])
    assert r.returncode == 0
    json.loads(r.stdout)  # nothing but the result on stdout
    assert r.stderr == b""


def test_json_is_pretty_only_on_a_terminal(seed):
    r = run_process(["brief", str(seed), "-f", "json"])
    assert r.stdout.count(b"\n") == 1  # compact when piped


def test_debug_shows_tracebacks_for_expected_errors(tmp_path):
    r = run_process(["brief", str(tmp_path / "nope.txt"), "--debug"])
    assert r.returncode != 0 and b"Traceback" in r.stderr
    r = run_process(["brief", str(tmp_path / "nope.txt")])
    assert b"Traceback" not in r.stderr


def test_environment_sets_defaults_that_flags_override(article, capsys, monkeypatch):
    monkeypatch.setenv("BRIEFER_SUMMARY_SENTENCES", "1")
    _, out, _ = run(["brief", str(article), "-f", "json"], capsys)
    one = json.loads(out)["summary"]
    _, out, _ = run(["brief", str(article), "-f", "json", "--summary-sentences", "0"], capsys)
    assert one and json.loads(out)["summary"] == ""
    monkeypatch.setenv("BRIEFER_SUMMARY_SENTENCES", "many")
    code, _, err = run(["brief", str(article)], capsys)
    assert code == 2 and "BRIEFER_SUMMARY_SENTENCES" in err




def test_a_reader_that_goes_away_stops_briefer_quietly(seed, tmp_path):
    """`briefer brief ... | head -1`: no traceback, no summary, the status a closed pipe gives."""
    listing = tmp_path / "list.txt"
    listing.write_text(f"{seed}\n" * 40, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "briefer", "brief", "--inputs-from", str(listing), "-f", "jsonl",
                             "--jobs", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    json.loads(proc.stdout.readline())
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 141
    assert err == b""
