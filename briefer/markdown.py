"""Markdown → the headline and plain paragraphs, so that no Markdown syntax leaks into a quote.

Only what news-like Markdown uses is handled: headings (ATX and setext), emphasis, links and images,
code, lists, block quotes, rules, tables, footnotes, front matter and inline HTML.
"""

from __future__ import annotations

import html as html_lib
import re

from .sentences import reads_as_prose

_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_MD_REF_DEF = re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_EMPHASIS = re.compile(r"(\*\*|\*|~~)(?=\S)(.+?)(?<=\S)\1|(?<!\w)(__|_)(?=\S)(.+?)(?<=\S)\3(?!\w)")
_MD_CODE = re.compile(r"`([^`]*)`")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_MD_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_MD_HTML = re.compile(r"<[^>]+>")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_FOOTNOTE = re.compile(r"\[\^[^\]]+\](?!:)")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
# A list item or paragraph that is nothing but a link: a headline pointing elsewhere.
_MD_LINK_ONLY = re.compile(r"^\s*(?:[-*+]|\d+[.)])?\s*(?:[^\[\]]{0,30}:\s*)?\[[^\]]+\]\([^)]*\)\s*$")


def markdown_lines(content: str) -> tuple[str | None, list[str]]:
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    content = re.sub(r"^---\n.*?\n---\n", "", content, count=1, flags=re.DOTALL)  # front matter
    title = None
    lines: list[str] = []
    in_fence = False
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            lines.append(" ".join(paragraph))
            paragraph.clear()

    for raw in content.split("\n"):
        if raw.strip().startswith(("```", "~~~")):
            in_fence = not in_fence
            flush()
            continue
        setext = _MD_SETEXT.match(raw)
        if setext and paragraph and not in_fence:
            # "Headline\n========" is a level-1 heading; a "-----" underline makes a level-2 one.
            text = " ".join(paragraph)
            paragraph.clear()
            if title is None and setext.group(1)[0] == "=":
                title = text
            else:
                lines.append(text)
            continue
        if in_fence or _MD_RULE.match(raw) or _MD_REF_DEF.match(raw) or _MD_TABLE_RULE.match(raw):
            flush()
            continue
        heading = _MD_HEADING.match(raw)
        if heading:
            flush()
            text = _markdown_inline(heading.group(2))
            if title is None and heading.group(1) == "#":
                title = text
            elif text:
                lines.append(text)
            continue
        if not raw.strip():
            flush()
            continue
        if _MD_LINK_ONLY.match(raw) and not reads_as_prose(_markdown_inline(raw)):
            flush()
            continue
        if raw.lstrip().startswith("|"):  # a table row: its cells, without the pipes
            flush()
            lines.append("; ".join(c for c in (_markdown_inline(c).strip() for c in raw.strip().strip("|").split("|")) if c))
            continue
        if _MD_LIST.match(raw):
            flush()
        paragraph.append(_markdown_inline(_MD_LIST.sub("", _MD_QUOTE.sub("", raw))).strip())
    flush()
    return title, lines


def _markdown_inline(text: str) -> str:
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_REF_LINK.sub(r"\1", text)
    text = _MD_CODE.sub(r"\1", text)
    text = _MD_FOOTNOTE.sub("", text)
    for _ in range(2):  # nested emphasis: ***bold italic***
        text = _MD_EMPHASIS.sub(lambda m: m.group(2) if m.group(1) else m.group(4), text)
    text = _MD_HTML.sub("", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", text)  # backslash escapes
    return html_lib.unescape(text)
