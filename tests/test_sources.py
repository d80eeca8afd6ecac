"""Reading as a user meets it: any common encoding reads right, and a file that is not an article
fails on one line that names it, without stopping the other inputs."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from briefer.cleaning import clean
from briefer.cli import main
from briefer.errors import InputError
from briefer.sources import Input, read_article

STORY = (
    "Café owners say new rules cost too much\n\n"
    "Café owners on Rue Mercier say the city’s “new” terrace rules – announced on Monday – will cost "
    "them €500 a year each. The mayor’s office said the fee was naïve to oppose.\n"
)


def read(path: Path):
    return read_article(Input(str(path), path))


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def one_line_error(capsys, *args: str) -> tuple[int, str]:
    code = main(["brief", *args])
    out, err = capsys.readouterr()
    return code, err


# --- encodings -----------------------------------------------------------------------------------


def test_utf8_with_bom_reads_without_the_bom(tmp_path):
    path = write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + STORY.encode("utf-8"))
    art = read(path)
    assert art.content == STORY
    assert clean(art).title == "Café owners say new rules cost too much"


def test_utf8_without_bom(tmp_path):
    assert read(write(tmp_path, "plain.txt", STORY.encode("utf-8"))).content == STORY


def test_cp1252_is_detected(tmp_path):
    art = read(write(tmp_path, "legacy.txt", STORY.encode("cp1252")))
    assert art.content == STORY
    assert "“new” terrace rules – announced on Monday – will cost them €500" in clean(art).text


def test_latin1_is_detected(tmp_path):
    text = "Die Bürgermeisterin sagte, die Straße werde am Montag gesperrt. Anwohner äußerten Kritik.\n"
    assert read(write(tmp_path, "latin1.txt", text.encode("latin-1"))).content == text


def test_a_short_cp1252_text_is_not_read_as_a_lookalike_code_page(tmp_path):
    # detection alone picks cp1006 (Urdu) here and turns é into ﻠ
    assert read(write(tmp_path, "short.txt", "Café au lait.\n".encode("cp1252"))).content == "Café au lait.\n"


def test_a_page_labelled_latin1_with_curly_quotes_reads_as_windows_1252(tmp_path):
    page = (
        '<html><head><meta charset="iso-8859-1"><title>Test</title></head><body><article>'
        "<h1>Mayor backs terrace fee</h1><p>“We will not back down,” the mayor said on Monday, "
        "according to a statement from the city’s press office about the new terrace rules.</p>"
        "</article></body></html>"
    )
    art = read(write(tmp_path, "page.html", page.encode("cp1252")))
    assert "“We will not back down,” the mayor said" in art.content


def test_utf16_with_bom(tmp_path):
    assert read(write(tmp_path, "wide.txt", STORY.encode("utf-16"))).content == STORY


def test_other_scripts_are_not_forced_into_windows_1252(tmp_path):
    text = "Президент заявил, что переговоры прошли успешно. Министр добавил, что соглашение будет подписано.\n"
    assert read(write(tmp_path, "ru.txt", text.encode("cp1251"))).content == text


# --- inputs that are not articles ------------------------------------------------------------------


def test_a_binary_file_is_refused(tmp_path):
    path = write(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(InputError, match="binary file"):
        read(path)


def test_an_empty_file_is_refused(tmp_path):
    with pytest.raises(InputError, match=r"empty \(0 bytes\)"):
        read(write(tmp_path, "empty.txt", b""))


def test_a_whitespace_only_file_is_refused(tmp_path):
    with pytest.raises(InputError, match="only white space"):
        read(write(tmp_path, "blank.md", b" \n\t\r\n\xc2\xa0\n"))


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read(tmp_path / "nope.txt")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_is_refused(tmp_path):
    path = write(tmp_path, "secret.txt", STORY.encode("utf-8"))
    path.chmod(0)
    try:
        with pytest.raises(InputError, match="permission denied"):
            read(path)
    finally:
        path.chmod(0o644)


def test_standard_input_is_read_and_sniffed():
    art = read_article(Input("-"), stdin=io.BytesIO("# Headline here\n\nSome *body* text.\n".encode()))
    assert art.format == "markdown"
    assert clean(art).title == "Headline here"


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\n\t\n", "white space"),
        ("junk.txt", b"Leave a Reply\n\nBack To Top\n", "no article text"),
    ],
)
def test_the_cli_names_the_file_on_one_line_and_goes_on(tmp_path, capsys, name, data, says):
    bad = write(tmp_path, name, data)
    good = write(tmp_path, "good.txt", STORY.encode("cp1252"))
    code, err = one_line_error(capsys, str(bad))
    assert code == 3
    assert err.count("\n") == 1 and err.startswith("briefer: error: ") and str(bad) in err and says in err
    assert "Traceback" not in err
    code = main(["brief", str(bad), str(good), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 1  # one failed, the other was briefed
    assert '"Café owners say new rules cost too much"' in out
    errors = [line for line in err.splitlines() if line.startswith("briefer: error:")]
    assert len(errors) == 1 and str(bad) in errors[0]
    assert err.splitlines()[-1] == "briefer: briefed 1, failed 1 (see above)"  # the batch summary
