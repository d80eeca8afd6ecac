"""Many inputs as a user runs them: lists, JSON Lines in and out, output directories, parallel
workers, failures that do not sink the rest, and interruptions that leave no half-written file."""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from webserver import serve

from briefer.backends.extractive import ExtractiveBackend
from briefer.batch import run_batch
from briefer.cli import main
from briefer.errors import BrieferError
from briefer.settings import Settings

STORIES = {
    "alpha": ("Dock strike enters second week", "Dock workers extended their strike on Monday, said Maria Lopez of the union."),
    "bravo": ("Council approves bridge repairs", "The council approved repairs to the river bridge, said Jonas Berg, the engineer."),
    "charlie": ("Airline cancels winter routes", "The airline cancelled six winter routes, said Priya Nair, its spokeswoman."),
    "delta": ("School board delays vote", "The school board delayed its budget vote, said Omar Haddad, the chairman."),
    "echo": ("Farmers protest water limits", "Farmers protested new water limits on Friday, said Lena Vogel, their leader."),
}


def story(key: str) -> str:
    title, body = STORIES[key]
    return f"{title}\n\n{body} It is unclear what happens next.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def run_process(args, *, stdin: bytes | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefer", *args], input=stdin, capture_output=True, timeout=120, **kw)


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("briefer: error:")]


def sha8(text: str | bytes) -> str:
    """The 8 hex digits an output file name ends with: SHA-256 of the path, URL, id or text."""
    return hashlib.sha256(text.encode() if isinstance(text, str) else text).hexdigest()[:8]


def briefings(folder: Path) -> dict[str, str]:
    """Return the briefings in an output directory: the source each was made from → its file name."""
    found = {}
    for p in folder.iterdir():
        source = json.loads(p.read_text())["source"]["name"]
        assert source not in found, f"{source} is briefed twice: {found.get(source)} and {p.name}"
        found[source] = p.name
    return found


def leftovers(folder: Path) -> list[str]:
    """Files that are not finished briefings: temporary or hidden files."""
    return [p.name for p in folder.rglob("*") if p.name.startswith(".") or p.suffix == ".tmp"]


STOP_WITHIN = 5.0  # seconds from the signal to the exit; a run that stops as it should takes a tenth of that


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "in"
    for key in STORIES:
        write(folder / f"{key}.txt", story(key))
    return folder


@pytest.fixture(scope="module")
def web():
    with serve() as base:
        yield base


# --- lists of inputs, order, failures ---------------------------------------------------------


def test_inputs_from_a_list_in_input_order_with_two_jobs(tmp_path, corpus, capsys):
    sub = tmp_path / "more"
    write(sub / "zulu" / "b.txt", story("delta"))
    write(sub / "a.md", story("echo"))
    listing = write(tmp_path / "list.txt", "\n".join([
        "# today's articles",
        str(corpus / "charlie.txt"),
        "",
        str(sub),  # a directory: walked recursively, in sorted order
        str(tmp_path / "missing.txt"),
        str(corpus / "alpha.txt"),
    ]))
    code, out, err = run(["brief", "--inputs-from", str(listing), "-f", "jsonl", "--jobs", "2"], capsys)
    assert code == 1
    names = [json.loads(line)["source"]["name"] for line in out.splitlines()]
    assert names == [str(corpus / "charlie.txt"), str(sub / "a.md"), str(sub / "zulu" / "b.txt"), str(corpus / "alpha.txt")]
    errors = error_lines(err)
    assert len(errors) == 1 and "missing.txt" in errors[0] and "no such file" in errors[0]
    assert err.splitlines()[-1] == "briefer: briefed 4, failed 1 (see above)"


def test_unordered_writes_the_same_results(corpus, capsys):
    code, out, _ = run(["brief", str(corpus), "-f", "jsonl", "--jobs", "2", "--unordered"], capsys)
    assert code == 0
    titles = sorted(json.loads(line)["title"] for line in out.splitlines())
    assert titles == sorted(t for t, _ in STORIES.values())


def test_inputs_from_stdin(corpus):
    listing = "\n".join(str(corpus / f"{k}.txt") for k in ("echo", "alpha")).encode()
    r = run_process(["brief", "--inputs-from", "-", "-f", "jsonl", "--jobs", "1"], stdin=listing)
    assert r.returncode == 0, r.stderr
    assert [json.loads(line)["title"] for line in r.stdout.splitlines()] == [STORIES["echo"][0], STORIES["alpha"][0]]


def test_every_input_fails_exit_3_and_nothing_on_stdout(tmp_path, capsys):
    code, out, err = run(["brief", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-f", "json"], capsys)
    assert code == 3 and out == ""
    assert len(error_lines(err)) == 2 and err.splitlines()[-1] == "briefer: briefed 0, failed 2 (see above)"


# --- JSON Lines in and out ----------------------------------------------------------------------


def test_jsonl_records_carry_their_ids_and_failures_stay_in_band(web):
    records = [
        {"id": "a1", "text": story("alpha")},
        {"id": 2, "html": f"<html><body><article><h1>{STORIES['bravo'][0]}</h1><p>{STORIES['bravo'][1]}</p></article></body></html>"},
        "this line is not JSON",
        {"id": "no-content", "title": "x"},
        {"id": "u", "url": f"{web}/plain.txt"},
        {"id": "blank", "text": "   "},
        {"id": "m", "markdown": f"# {STORIES['charlie'][0]}\n\n{STORIES['charlie'][1]}\n"},
    ]
    stdin = "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records).encode()
    r = run_process(["brief", "--input-format", "jsonl", "-f", "jsonl", "--errors-jsonl"], stdin=stdin)
    assert r.returncode == 1
    lines = [json.loads(line) for line in r.stdout.splitlines()]  # every line is valid JSON
    assert len(lines) == 7
    assert [(d.get("source", {}).get("id") if "schema_version" in d else ("error", d.get("id"))) for d in lines] == [
        "a1", "2", ("error", None), ("error", "no-content"), "u", ("error", "blank"), "m",
    ]
    assert lines[0]["title"] == STORIES["alpha"][0] and lines[1]["title"] == STORIES["bravo"][0]
    assert lines[4]["source"]["name"] == f"{web}/plain.txt"
    assert lines[2] == {"source": "stdin:3", "error": lines[2]["error"]} and "not a JSON record" in lines[2]["error"]
    assert "exactly one of text, markdown, html or url" in lines[3]["error"]
    assert "empty" in lines[5]["error"]
    errors = error_lines(r.stderr.decode())
    assert len(errors) == 3 and "stdin:3" in errors[0] and "(id no-content)" in errors[1] and "(id blank)" in errors[2]


def read_line(stream, timeout: float) -> bytes:
    """Return the next line a process writes to a pipe, failing if none comes within ``timeout``."""
    data, deadline = b"", time.monotonic() + timeout
    while not data.endswith(b"\n"):
        left = deadline - time.monotonic()
        assert left > 0, f"no whole line within {timeout}s (got {data!r})"
        if select.select([stream], [], [], left)[0]:
            chunk = os.read(stream.fileno(), 1 << 20)
            assert chunk, f"the output ended (got {data!r})"
            data += chunk
    return data


@pytest.mark.parametrize("args", [["--jobs", "1"], ["--jobs", "2"], ["--jobs", "2", "--unordered"]])
def test_records_that_come_slowly_are_briefed_as_they_come(args):
    """A scraper piping records in: each briefing is out before the scraper sends the next record."""
    proc = subprocess.Popen([sys.executable, "-m", "briefer", "brief", "--input-format", "jsonl", "-f", "jsonl", *args],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for key in ("alpha", "bravo", "charlie"):
            proc.stdin.write(json.dumps({"id": key, "text": story(key)}).encode() + b"\n")
            proc.stdin.flush()
            line = read_line(proc.stdout, timeout=20)
            assert json.loads(line)["source"]["id"] == key
        proc.stdin.close()
        proc.wait(timeout=30)
        out, err = proc.stdout.read(), proc.stderr.read()
    finally:
        proc.kill()
    assert proc.returncode == 0 and out == b""
    assert err.decode().splitlines()[-1] == "briefer: briefed 3, failed 0"


def test_ctrl_c_while_waiting_for_the_next_record_stops_at_once():
    # The inputs are read by a thread, blocked here on stdin: neither the workers it forks nor the
    # exit may wait for that read (Python aborts an exit that would).
    proc = subprocess.Popen([sys.executable, "-m", "briefer", "brief", "--input-format", "jsonl", "-f", "jsonl"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for key in ("alpha", "bravo"):
            proc.stdin.write(json.dumps({"id": key, "text": story(key)}).encode() + b"\n")
            proc.stdin.flush()
            assert json.loads(read_line(proc.stdout, timeout=20))["source"]["id"] == key
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=STOP_WITHIN)
        err = proc.stderr.read().decode()
    finally:
        proc.kill()
    assert proc.returncode == 130
    assert err.splitlines() == ["briefer: briefed 2, failed 0", "briefer: interrupted"]


def test_jsonl_records_from_a_file(tmp_path, capsys):
    records = write(tmp_path / "records.jsonl", "\n".join(json.dumps({"id": k, "text": story(k)}) for k in STORIES) + "\n")
    code, out, _ = run(["brief", "--input-format", "jsonl", str(records), "-f", "jsonl"], capsys)
    assert code == 0
    assert [json.loads(line)["source"]["id"] for line in out.splitlines()] == list(STORIES)


def test_errors_jsonl_needs_jsonl_output(corpus, capsys):
    code, out, err = run(["brief", str(corpus), "--errors-jsonl"], capsys)
    assert code == 2 and out == ""
    assert len(error_lines(err)) == 1 and "--format jsonl" in err


# --- --format json over several inputs -----------------------------------------------------------


def test_json_is_an_object_for_one_input_and_an_array_for_several(corpus, tmp_path, capsys):
    _, out, _ = run(["brief", str(corpus / "alpha.txt"), "-f", "json"], capsys)
    assert json.loads(out)["title"] == STORIES["alpha"][0]
    _, out, _ = run(["brief", str(tmp_path / "missing.txt"), str(corpus / "alpha.txt"), "-f", "json"], capsys)
    assert [d["title"] for d in json.loads(out)] == [STORIES["alpha"][0]]
    target = tmp_path / "all.json"
    code, out, _ = run(["brief", str(corpus), "-f", "json", "-o", str(target), "--jobs", "2"], capsys)
    assert code == 0 and out == ""
    assert [d["title"] for d in json.loads(target.read_text())] == [STORIES[k][0] for k in sorted(STORIES)]


# --- an output directory -----------------------------------------------------------------------


def test_output_directory_gets_one_safe_unique_file_per_article(tmp_path, corpus, web, capsys):
    write(tmp_path / "site1" / "index.html", f"<html><body><article><h1>{STORIES['alpha'][0]}</h1><p>{STORIES['alpha'][1]}</p></article></body></html>")
    write(tmp_path / "site2" / "index.html", f"<html><body><article><h1>{STORIES['bravo'][0]}</h1><p>{STORIES['bravo'][1]}</p></article></body></html>")
    out_dir = tmp_path / "out"
    code, out, err = run(["brief", str(tmp_path / "site1"), str(tmp_path / "site2"), str(corpus / "echo.txt"),
                          f"{web}/article.html?id=3", "-f", "json", "-o", f"{out_dir}/"], capsys)
    assert code == 0, err
    assert out == ""
    site1, site2, echo = (str(tmp_path / "site1" / "index.html"), str(tmp_path / "site2" / "index.html"),
                          str(corpus / "echo.txt"))
    assert briefings(out_dir) == {
        site1: f"index-{sha8(site1)}.json",
        site2: f"index-{sha8(site2)}.json",
        echo: f"echo-{sha8(echo)}.json",
        f"{web}/article.html?id=3": f"article-{sha8(f'{web}/article.html?id=3')}.json",
    }
    assert leftovers(out_dir) == []


def test_skip_existing_never_takes_one_article_for_another(tmp_path, capsys):
    """Two articles called story.txt: a file's name depends on its own input only, never on which
    of them a run met first, so the second run briefs the new one and skips the old one."""
    inbox, out_dir = tmp_path / "inbox", tmp_path / "out"
    args = ["brief", str(inbox), "-f", "json", "-o", f"{out_dir}/", "--skip-existing"]
    write(inbox / "b" / "story.txt", story("bravo"))
    assert run(args, capsys)[0] == 0
    write(inbox / "a" / "story.txt", story("alpha"))  # sorts first from now on
    code, _, err = run(args, capsys)
    assert code == 0 and err.splitlines()[-1] == "briefer: briefed 1, failed 0, skipped 1 already written"
    a, b = str(inbox / "a" / "story.txt"), str(inbox / "b" / "story.txt")
    assert briefings(out_dir) == {a: f"story-{sha8(a)}.json", b: f"story-{sha8(b)}.json"}
    assert json.loads((out_dir / f"story-{sha8(a)}.json").read_text())["title"] == STORIES["alpha"][0]
    code, _, err = run(args, capsys)
    assert code == 0 and err.splitlines()[-1] == "briefer: briefed 0, failed 0, skipped 2 already written"


def test_skip_existing_knows_records_without_an_id_by_their_text(tmp_path):
    out_dir = tmp_path / "out"
    args = ["brief", "--input-format", "jsonl", "-f", "json", "-o", f"{out_dir}/", "--skip-existing"]

    def records(*keys: str) -> bytes:
        return "".join(json.dumps({"text": story(k)}) + "\n" for k in keys).encode()

    assert run_process(args, stdin=records("alpha", "bravo")).returncode == 0
    r = run_process(args, stdin=records("charlie", "alpha"))  # line 1 is another article now
    assert r.returncode == 0
    assert r.stderr.decode().splitlines()[-1] == "briefer: briefed 1, failed 0, skipped 1 already written"
    titles = {p.name: json.loads(p.read_text())["title"] for p in out_dir.iterdir()}
    assert titles == {f"stdin-{sha8(story(k))}.json": STORIES[k][0] for k in ("alpha", "bravo", "charlie")}


def test_record_ids_cannot_escape_the_output_directory(tmp_path):
    ids = ("../../etc/passwd", "CON", "a b/c", "", "a-1041", "A-1041")
    records = "\n".join(json.dumps({"id": i, "text": story("alpha")}) for i in ids)
    out_dir = tmp_path / "deep" / "out"
    r = run_process(["brief", "--input-format", "jsonl", "-f", "markdown", "-o", f"{out_dir}/"], stdin=records.encode())
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in out_dir.iterdir()) == sorted([
        f"etc-passwd-{sha8('../../etc/passwd')}.md", f"_CON-{sha8('CON')}.md", f"a-b-c-{sha8('a b/c')}.md",
        f"stdin-{sha8(story('alpha'))}.md",  # no id: known by its text
        "a-1041.md", f"A-1041-{sha8('A-1041')}.md",  # a safe lower-case id is the name; another case would clash
    ])
    assert [p.name for p in tmp_path.rglob("*") if p.is_file() and p.parent != out_dir] == []


def test_skip_existing_does_only_the_new_articles(tmp_path, corpus, capsys):
    out_dir = tmp_path / "out"
    code, _, _ = run(["brief", str(corpus), "-f", "jsonl", "-o", f"{out_dir}/"], capsys)
    assert code == 0 and len(list(out_dir.iterdir())) == len(STORIES)
    [alpha] = out_dir.glob("alpha-*.json")
    alpha.write_text("kept as it was")
    write(corpus / "foxtrot.txt", "Port reopens after strike\n\nThe port reopened on Sunday, said Maria Lopez.\n")
    code, out, err = run(["brief", str(corpus), "-f", "jsonl", "-o", str(out_dir), "--skip-existing"], capsys)
    assert code == 0 and out == ""
    assert err.splitlines()[-1] == f"briefer: briefed 1, failed 0, skipped {len(STORIES)} already written"
    assert alpha.read_text() == "kept as it was"
    [foxtrot] = out_dir.glob("foxtrot-*.json")
    assert json.loads(foxtrot.read_text())["title"] == "Port reopens after strike"


def test_skip_existing_briefs_again_a_file_a_power_cut_left_empty(tmp_path, corpus, capsys):
    # Files of a directory are not forced to disk one by one; what a power cut can leave is an
    # empty file under the final name, which must not pass for a briefing.
    out_dir = tmp_path / "out"
    assert run(["brief", str(corpus), "-f", "json", "-o", f"{out_dir}/"], capsys)[0] == 0
    [alpha] = out_dir.glob("alpha-*.json")
    alpha.write_bytes(b"")
    code, _, err = run(["brief", str(corpus), "-f", "json", "-o", f"{out_dir}/", "--skip-existing"], capsys)
    assert code == 0
    assert err.splitlines()[-1] == f"briefer: briefed 1, failed 0, skipped {len(STORIES) - 1} already written"
    assert json.loads(alpha.read_text())["title"] == STORIES["alpha"][0]


def test_skipped_inputs_count_as_done_for_the_exit_code(tmp_path, corpus, capsys):
    out_dir = tmp_path / "out"
    assert run(["brief", str(corpus), "-f", "json", "-o", f"{out_dir}/"], capsys)[0] == 0
    code, _, err = run(["brief", str(corpus), str(tmp_path / "gone.txt"), "-f", "json", "-o", f"{out_dir}/",
                        "--skip-existing"], capsys)
    assert code == 1  # some failed, the rest is done: not 3, "nothing could be briefed"
    assert err.splitlines()[-1] == f"briefer: briefed 0, failed 1 (see above), skipped {len(STORIES)} already written"


def test_skip_existing_needs_an_output_directory(corpus, capsys):
    code, _, err = run(["brief", str(corpus), "--skip-existing"], capsys)
    assert code == 2 and "-o DIR/" in err and len(err.splitlines()) == 1


@pytest.mark.parametrize("args", [["-", "-"], ["-", "--inputs-from", "-"]])
def test_standard_input_is_read_once(args, capsys):
    code, _, err = run(["brief", *args], capsys)
    assert code == 2 and "standard input can be read only once" in err


def test_a_missing_inputs_list_is_a_usage_error(tmp_path, capsys):
    code, _, err = run(["brief", "--inputs-from", str(tmp_path / "nope.txt")], capsys)
    assert code == 2 and err == f"briefer: error: --inputs-from {tmp_path / 'nope.txt'}: no such file\n"


# --- workers -----------------------------------------------------------------------------------


class PidRecordingBackend(ExtractiveBackend):
    """Records the process that built it, to count how often backends are built."""

    log: Path | None = None

    def __init__(self) -> None:
        super().__init__()
        assert self.log is not None
        with open(self.log, "a") as f:
            f.write(f"{os.getpid()}\n")


class CrashingBackend(ExtractiveBackend):
    """Kills its worker process on an article that asks for it, as a crash in a C parser would."""

    def brief(self, document, chunks):
        if "CRASH" in document.text:
            os._exit(7)
        return super().brief(document, chunks)


class InterruptingBackend(ExtractiveBackend):
    """Acts as if the user pressed Ctrl-C while the third article was being briefed."""

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def brief(self, document, chunks):
        self.calls += 1
        if self.calls == 3:
            raise KeyboardInterrupt
        return super().brief(document, chunks)


def batch(names, **kw) -> tuple[int, list[BrieferError]]:
    errors: list[BrieferError] = []
    kw.setdefault("format", "jsonl")
    kw.setdefault("output", None)
    code = run_batch(names, settings=Settings(), report=errors.append, **kw)
    return code, errors


def test_the_backend_is_built_once_per_worker(tmp_path, corpus, capsys):
    PidRecordingBackend.log = tmp_path / "pids.txt"
    names = [str(corpus / f"{k}.txt") for k in STORIES] * 4
    code, errors = batch(names, backend_factory=PidRecordingBackend, jobs=2)
    assert code == 0 and errors == []
    assert len(capsys.readouterr().out.splitlines()) == len(names)
    pids = PidRecordingBackend.log.read_text().split()
    assert 1 <= len(pids) <= 2 and len(set(pids)) == len(pids) and str(os.getpid()) not in pids


@pytest.mark.parametrize("names", [["alpha"], ["alpha", "bravo", "charlie"]])
def test_one_job_or_one_input_runs_in_this_process(tmp_path, corpus, capsys, names):
    PidRecordingBackend.log = tmp_path / "pids.txt"
    jobs = 2 if len(names) == 1 else 1
    code, _ = batch([str(corpus / f"{k}.txt") for k in names], backend_factory=PidRecordingBackend, jobs=jobs)
    assert code == 0
    assert PidRecordingBackend.log.read_text().split() == [str(os.getpid())]


def test_a_crashing_worker_fails_only_its_own_input(tmp_path, corpus, capsys):
    write(corpus / "crash.txt", "Crash test\n\nThis article makes the backend CRASH, said Ann Bell.\n")
    names = [str(corpus / f"{k}.txt") for k in ("alpha", "bravo", "crash", "charlie", "delta", "echo")]
    code, errors = batch(names, backend_factory=CrashingBackend, jobs=2)
    assert code == 1
    assert [str(e) for e in errors] == [f"{corpus / 'crash.txt'}: the worker process briefing it died (a crash, or out of memory)"]
    titles = [json.loads(line)["title"] for line in capsys.readouterr().out.splitlines()]
    assert titles == [STORIES[k][0] for k in ("alpha", "bravo", "charlie", "delta", "echo")]


def test_workers_started_without_fork_work_the_same(tmp_path, corpus, capsys, monkeypatch):
    # macOS and Windows start workers as fresh interpreters: the job and the pipes go by pickling.
    from briefer import workers

    monkeypatch.setattr(workers, "START_METHOD", "spawn")
    write(corpus / "crash.txt", "Crash test\n\nThis article makes the backend CRASH, said Ann Bell.\n")
    names = [str(corpus / f"{k}.txt") for k in ("alpha", "crash", "bravo")]
    code, errors = batch(names, backend_factory=CrashingBackend, jobs=2)
    assert code == 1
    assert [str(e) for e in errors] == [f"{corpus / 'crash.txt'}: the worker process briefing it died (a crash, or out of "
                                        "memory)"]
    titles = [json.loads(line)["title"] for line in capsys.readouterr().out.splitlines()]
    assert titles == [STORIES["alpha"][0], STORIES["bravo"][0]]


# --- interruptions ---------------------------------------------------------------------------


def test_ctrl_c_keeps_finished_files_whole_and_leaves_no_temp_file(tmp_path, corpus):
    out_dir = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        batch([str(corpus)], backend=InterruptingBackend(), output=f"{out_dir}/", jobs=1)
    assert sorted(briefings(out_dir)) == [str(corpus / "alpha.txt"), str(corpus / "bravo.txt")]
    assert leftovers(tmp_path) == []


def test_ctrl_c_leaves_a_single_output_file_untouched(tmp_path, corpus):
    target = write(tmp_path / "out.jsonl", "yesterday's results\n")
    with pytest.raises(KeyboardInterrupt):
        batch([str(corpus)], backend=InterruptingBackend(), output=target, jobs=1)
    assert target.read_text() == "yesterday's results\n"
    assert leftovers(tmp_path) == []


def test_a_ctrl_c_while_a_worker_is_forked_is_not_lost(corpus):
    # Delivered right as the process forks, inside the fork hooks (logging has some), the Ctrl-C
    # used to raise KeyboardInterrupt there, where it is printed as 'Exception ignored' and dropped.
    script = "\n".join([
        "import os, signal, sys",
        "os.register_at_fork(after_in_parent=lambda: os.kill(os.getpid(), signal.SIGINT))",
        "from briefer.cli import main",
        f"sys.exit(main(['brief', {str(corpus)!r}, '-f', 'jsonl', '--jobs', '2']))",
    ])
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert r.returncode == 130
    assert r.stderr.decode().splitlines() == ["briefer: briefed 0, failed 0", "briefer: interrupted"]


@pytest.mark.parametrize(("jobs", "sig", "code", "word"), [
    ("1", signal.SIGINT, 130, "interrupted"),
    ("2", signal.SIGINT, 130, "interrupted"),
    ("2", signal.SIGTERM, 143, "terminated"),
])
def test_a_signal_mid_run_stops_cleanly(tmp_path, corpus, web, jobs, sig, code, word):
    """A real process, stuck on a slow page after two articles, gets Ctrl-C (or a cron kill)."""
    listing = write(tmp_path / "list.txt", "\n".join(
        [str(corpus / "alpha.txt"), str(corpus / "bravo.txt"), f"{web}/slow?delay=8", str(corpus / "charlie.txt")]))
    out_dir = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "briefer", "brief", "--inputs-from", str(listing), "-o", f"{out_dir}/",
                             "-f", "json", "--jobs", jobs], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not list(out_dir.glob("bravo-*.json")):
            assert time.monotonic() < deadline and proc.poll() is None, "the first articles were never written"
            time.sleep(0.05)
        time.sleep(0.3)  # let the run reach the slow page
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == code, err
    assert out == b""
    assert err.decode().splitlines()[-1] == f"briefer: {word}"
    assert sorted(briefings(out_dir)) == [str(corpus / "alpha.txt"), str(corpus / "bravo.txt")]
    assert all(json.loads(p.read_text())["title"] for p in out_dir.iterdir())
    assert leftovers(tmp_path) == []


BULKY_PLUGIN = """
import time

from briefer import Draft


class BulkyBackend:
    name = "bulky"
    description = "a test plugin: every briefing carries a warning of -O size=N characters"

    def __init__(self, settings=None):
        options = settings.backend_options if settings is not None else {}
        self.size = int(options.get("size", "1000"))
        self.pause = float(options.get("pause", "0"))

    @property
    def model(self):
        return None

    def brief(self, document, chunks):
        time.sleep(self.pause)
        return [Draft(chunk=c.index, warnings=["w" * self.size if c.index == 0 else "-"]) for c in chunks]
"""


@pytest.fixture(scope="module")
def bulky(tmp_path_factory) -> dict[str, str]:
    """The environment of a process where the `bulky` backend is installed, as a plugin is."""
    site = tmp_path_factory.mktemp("site")
    (site / "briefer_bulky").mkdir()
    (site / "briefer_bulky" / "__init__.py").write_text(BULKY_PLUGIN, encoding="utf-8")
    dist = site / "briefer_bulky-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: briefer-bulky\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[briefer.backends]\nbulky = briefer_bulky:BulkyBackend\n", encoding="utf-8")
    return dict(os.environ, PYTHONPATH=os.pathsep.join([str(site), *sys.path]))


def children(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []


@pytest.mark.skipif(not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(),
                    reason="needs /proc/PID/task/PID/children (Linux) to see the workers start")
def test_ctrl_c_or_sigterm_at_any_moment_stops_a_run_at_once(tmp_path, bulky):
    """Real runs with two workers, each stopped at a random moment: as the workers start, or while
    they send back results of a third of a megabyte, the moment when stopping used to hang for good
    if a worker was killed mid-message. Some get a second Ctrl-C on top. Every run must be gone
    within seconds, with the exit code and the two closing lines, every result written whole, no
    temporary file, and no worker left behind. Each run would take 6 s or more if the signal were lost."""
    inbox = tmp_path / "in"
    for i in range(400):
        write(inbox / f"n{i:03}.txt", story("alpha"))
    rng = random.Random(20240611)
    failures = []
    for run_no in range(12):
        out_dir, out_file = tmp_path / f"out{run_no}", tmp_path / f"out{run_no}.jsonl"
        to_dir = run_no % 2 == 0
        target = ["-o", f"{out_dir}/", "-f", "json"] if to_dir else ["-f", "jsonl"]
        how = rng.choice(["ctrl-c", "ctrl-c twice", "sigterm"])
        at_start = rng.random() < 0.3
        delay = 0.0 if at_start else rng.uniform(0.0, 1.2)
        with open(out_file, "wb") as stdout:
            proc = subprocess.Popen(
                [sys.executable, "-m", "briefer", "brief", str(inbox), *target, "--jobs", "2",
                 "-b", "bulky", "-O", "size=300000", "-O", "pause=0.03"],
                stdout=stdout, stderr=subprocess.PIPE, env=bulky, start_new_session=True)
        try:
            deadline = time.monotonic() + 60
            while not children(proc.pid):  # the workers are being started
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read().decode()
                time.sleep(0.001)
            time.sleep(delay)
            if how == "sigterm":
                proc.send_signal(signal.SIGTERM)  # `kill PID`, as a cron or CI timeout does
            else:
                os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
            signalled = time.monotonic()
            if how == "ctrl-c twice":
                time.sleep(rng.uniform(0.0, 0.05))
                os.killpg(proc.pid, signal.SIGINT)
            try:
                _, err = proc.communicate(timeout=STOP_WITHIN)
            except subprocess.TimeoutExpired:
                failures.append(f"run {run_no} ({how}, {delay:.2f}s after the workers started): "
                                f"still running {STOP_WITHIN}s after the signal")
                continue
            took = time.monotonic() - signalled
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        lines = err.decode().splitlines()
        what = f"run {run_no} ({how}, {delay:.2f}s after the workers started, exit {proc.returncode} after {took:.2f}s)"
        word = "terminated" if how == "sigterm" else "interrupted"
        if how == "ctrl-c twice":
            # The second Ctrl-C may land once briefer is done and Python is exiting: it then ends
            # the process by SIGINT, which a shell reports as 130 too.
            ok = proc.returncode in (130, -signal.SIGINT) and f"briefer: {word}" in lines
        else:
            ok = proc.returncode == (143 if how == "sigterm" else 130) and lines[-1:] == [f"briefer: {word}"] \
                and lines[-2].startswith("briefer: briefed ")
        if not ok or any("Traceback" in line or "Exception ignored" in line for line in lines):
            failures.append(f"{what}: stderr {lines[-6:]}")
        if leftovers(tmp_path):
            failures.append(f"{what}: left {leftovers(tmp_path)}")
        if to_dir:
            written = [json.loads(p.read_text()) for p in out_dir.glob("*.json")] if out_dir.exists() else []
            assert all(d["title"] == STORIES["alpha"][0] for d in written), what
        else:
            text = out_file.read_text()
            assert text == "" or text.endswith("\n"), what
            assert all(json.loads(line)["title"] == STORIES["alpha"][0] for line in text.splitlines()), what
        for _ in range(200):  # the workers are gone with the run
            try:
                os.killpg(proc.pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.01)
        else:
            failures.append(f"{what}: processes left in its group: {children(proc.pid)}")
    assert not failures, "\n".join(failures)


# --- what the terminal shows -------------------------------------------------------------------


def test_progress_goes_to_a_terminal_on_stderr_never_to_stdout(tmp_path, corpus):
    import pty

    for i in range(30):
        write(corpus / "many" / f"n{i:02}.txt", story("alpha"))
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "briefer", "brief", str(corpus / "many"), "-f", "jsonl", "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=slave, env={**os.environ, "TERM": "xterm", "COLUMNS": "120"})
    os.close(slave)
    screen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the process closed the terminal
            break
        if not chunk:
            break
        screen += chunk
    out = proc.stdout.read()
    proc.wait(timeout=60)
    os.close(master)
    assert proc.returncode == 0
    assert len(out.splitlines()) == 30 and all(json.loads(line)["title"] for line in out.splitlines())
    text = screen.decode(errors="replace")
    assert "briefing" in text and "30/30" in text and "0 failed" in text
    assert "briefer: briefed 30, failed 0" in text


def test_no_progress_when_stderr_is_not_a_terminal(corpus):
    r = run_process(["brief", str(corpus), "-f", "jsonl"])
    assert r.returncode == 0
    assert r.stderr.decode() == "briefer: briefed 5, failed 0\n"
    assert len(r.stdout.splitlines()) == 5


def test_library_batch_takes_stdin_as_an_argument(capsys):
    code, _ = batch(["-"], backend=ExtractiveBackend(), stdin=io.BytesIO(story("delta").encode()))
    assert code == 0
    assert json.loads(capsys.readouterr().out)["title"] == STORIES["delta"][0]


def test_inputs_from_a_pipe(corpus):
    # `--inputs-from <(find ...)` hands briefer a pipe, not a regular file: it is read once, whole.
    r = subprocess.run(["bash", "-c", f"{sys.executable} -m briefer brief -f jsonl --inputs-from <(ls {corpus}/*.txt)"],
                       capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert len(r.stdout.splitlines()) == len(STORIES)
