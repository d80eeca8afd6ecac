"""Article → Document: the main text and the headline, with the page junk left behind.

HTML goes through trafilatura, the best-measured main-text extractor; its output and plain text or
Markdown then pass the same junk rules, which are data at the top of this module. The clean text is
what every evidence span points into: paragraphs separated by one blank line, white space inside a
line folded to single spaces.
"""

from __future__ import annotations

import html as html_lib
import re
import unicodedata

from .errors import InputError
from .models import Article, Document

# --- the junk rules ------------------------------------------------------------------------------
# Gathered from the pages in ../shared/corpus/pages and the comment, share and cookie widgets of
# common CMSs (WordPress, Disqus, Arc, NBC and Fox templates). Each is a regular expression,
# matched case-insensitively.

# A line (paragraph) matching one of these in full is junk.
JUNK_LINES = [
    r"leave a (reply|comment)( cancel reply)?",
    r"(post|add|write) a comment",
    r"you must be logged in to (post|leave) a comment\.?",
    r"your email address will not be published\.?( required fields are marked \*?)?",
    r"required fields are marked \*?",
    r"(back|return|scroll) to top",
    r"skip to (main )?content",
    r"\d+\s+(comments?|responses?|replies)( to .*)?",
    r"(view|join) the (discussion|conversation)( thread)?\.?",
    r"(click to )?share (this( article| story| post)?|on \w+)( \(opens in new window\))?:?",
    r"(share|tweet|email|print|pin it|whatsapp|facebook|twitter|linkedin|reddit|copy link)"
    r"(\s*[|/·•]?\s*(share|tweet|email|print|pin it|whatsapp|facebook|twitter|linkedin|reddit|copy link))*",
    r"(sign up|subscribe)( now)?( for| to)? (our|the) .*newsletters?.*",
    r"get (the latest|breaking news|our) .*(in your inbox|alerts).*",
    r".*\b(this|our) (web)?site uses cookies\b.*",
    r".*\bwe use cookies\b.*",
    r"(accept|manage|reject) (all )?cookies",
    r"advertisement|sponsored content|story continues below.*",
    r"click here to (get|download|subscribe|read).*",
    r".*\bcontributed to this report\.?",
    r"(photo|image|video|file)( credit)?:.*",
    r"\(?(getty images|ap photo|reuters|afp)[^.]{0,60}\)?",
    r"all rights reserved\.?.*|©.*|copyright \d{4}.*",
    r"this (material|article) may not be published, broadcast, rewritten.*",
]

# A line matching one of these starts a block of links ("Related articles" and the headlines under
# it); the block runs until the next line that reads as prose.
JUNK_BLOCK_HEADERS = [
    r"related( articles| stories| posts| coverage| content)?:?",
    r"(you may|you might) also like:?",
    r"(read|see) (more|also):?",
    r"more (from|on) .{0,40}",
    r"recommended( for you| stories)?:?",
    r"(most popular|most read|trending( now| in \w+)?|on our radar|top stories):?",
]

# Phrases removed wherever they stand, for bodies that run captions and prompts into the prose.
JUNK_PHRASES = [
    r"scroll down for (the )?video\.?",
    r"click to (see|view) (the )?(gallery|video)\.?",
]

# A news dateline before the first word: "(CNN)", "Kathmandu, Nepal (CNN) --", "WASHINGTON (AP) —".
DATELINE = re.compile(
    r"^(?:[A-Z][\w.'-]*(?:[ ,]+[A-Z][\w.'-]*){0,4}\s*)?\((?:CNN|AP|Reuters|AFP|The Hollywood Reporter|[A-Z]{2,6})\)"
    r"\s*(?:--|—|–|-)?\s*"
)

_junk_line = re.compile("|".join(f"(?:{p})" for p in JUNK_LINES), re.IGNORECASE)
_junk_block = re.compile("|".join(f"(?:{p})" for p in JUNK_BLOCK_HEADERS), re.IGNORECASE)
_junk_phrase = re.compile(r"\s*(?:" + "|".join(JUNK_PHRASES) + r")\s*", re.IGNORECASE)

# A URL slug standing alone on a line: words joined by underscores or hyphens, no spaces.
_SLUG = re.compile(r"[A-Za-z0-9]+(?:[_-]+[A-Za-z0-9]+){2,}")
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")


def clean(article: Article) -> Document:
    """Return the article's main text and headline, ready for chunking."""
    if article.format == "html":
        title, lines = _html_lines(article)
    elif article.format == "markdown":
        title, lines = _markdown_lines(article.content)
    else:
        title, lines = _text_lines(article.content)
    paragraphs = _drop_junk(lines)
    if paragraphs:
        paragraphs[0] = DATELINE.sub("", paragraphs[0], count=1)
    text = "\n\n".join(p for p in paragraphs if p)
    if not text.strip():
        raise InputError("no article text found (the input is empty or holds only page furniture)", source=article.name)
    if title and text.startswith(title):
        # Some pages repeat the headline as the body's first paragraph; keep it once, as the title.
        rest = text[len(title) :].lstrip()
        if rest:
            text = rest
    return Document(article=article, title=title, text=text)


def normalize_line(line: str) -> str:
    """Return a line with its white space folded and invisible characters gone."""
    line = unicodedata.normalize("NFC", line)
    line = _ZERO_WIDTH.sub("", line)
    return _SPACES.sub(" ", line).strip()


# Page furniture is short: a longer line is prose even if it ends like a credit line (a one-line
# article body that closes with "... contributed to this report." is still the article).
MAX_JUNK_LINE_CHARS = 300


def is_junk_line(line: str) -> bool:
    """Return True when a whole line is page furniture rather than article text."""
    line = line.strip()
    return len(line) <= MAX_JUNK_LINE_CHARS and bool(_junk_line.fullmatch(line))


def _drop_junk(lines: list[str]) -> list[str]:
    out: list[str] = []
    in_block = False
    for raw in lines:
        line = normalize_line(_junk_phrase.sub(" ", raw))
        if not line:
            continue
        if _junk_block.fullmatch(line):
            in_block = True
            continue
        if in_block:
            if not _reads_as_prose(line):
                continue
            in_block = False
        if is_junk_line(line):
            continue
        out.append(line)
    return out


def _reads_as_prose(line: str) -> bool:
    words = line.split()
    return len(words) >= 12 and line[-1] in ".!?\"'”’)"


# --- plain text ---------------------------------------------------------------------------------


def _text_lines(content: str) -> tuple[str | None, list[str]]:
    paragraphs = _paragraphs(content)
    title = None
    slug_title = None
    if paragraphs and _SLUG.fullmatch(paragraphs[0].strip()):
        slug_title = re.sub(r"[_-]+", " ", paragraphs.pop(0).strip())
    if paragraphs and _reads_as_headline(paragraphs[0]) and len(paragraphs) > 1:
        title = normalize_line(paragraphs.pop(0))
    return title or slug_title, paragraphs


def _paragraphs(content: str) -> list[str]:
    """Split text into paragraphs: blank lines separate them; single line breaks do too, unless
    the text is hard-wrapped (most lines run on into the next), when lines are re-joined."""
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    blocks = re.split(r"\n[ \t]*\n", content)
    lines = [ln for b in blocks for ln in b.split("\n") if ln.strip()]
    runs_on = sum(1 for ln in lines if ln.rstrip() and ln.rstrip()[-1] not in ".!?:\"'”’")
    if lines and len(lines) > len(blocks) and runs_on / len(lines) > 0.5:
        return [" ".join(ln.strip() for ln in b.split("\n") if ln.strip()) for b in blocks if b.strip()]
    return lines


def _reads_as_headline(line: str) -> bool:
    line = line.strip()
    words = line.split()
    if not 2 <= len(words) <= 25 or len(line) > 200:
        return False
    if line[-1] in ".," and not line.endswith("..."):
        return False
    return line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘"


# --- Markdown -----------------------------------------------------------------------------------

_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_MD_REF_DEF = re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")
_MD_CODE = re.compile(r"`([^`]*)`")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_MD_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_MD_HTML = re.compile(r"<[^>]+>")


def _markdown_lines(content: str) -> tuple[str | None, list[str]]:
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
        if in_fence or _MD_RULE.match(raw) or _MD_REF_DEF.match(raw):
            flush()
            continue
        heading = _MD_HEADING.match(raw)
        if heading:
            flush()
            text = _markdown_inline(heading.group(2))
            if title is None and heading.group(1) == "#":
                title = normalize_line(text)
            elif text:
                lines.append(text)
            continue
        if not raw.strip():
            flush()
            continue
        starts_item = bool(_MD_LIST.match(raw))
        if starts_item:
            flush()
        paragraph.append(_markdown_inline(_MD_LIST.sub("", _MD_QUOTE.sub("", raw))).strip())
    flush()
    return title, lines


def _markdown_inline(text: str) -> str:
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_REF_LINK.sub(r"\1", text)
    text = _MD_CODE.sub(r"\1", text)
    for _ in range(2):  # nested emphasis: ***bold italic***
        text = _MD_EMPHASIS.sub(r"\2", text)
    text = _MD_HTML.sub("", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", text)  # backslash escapes
    return html_lib.unescape(text)


# --- HTML ---------------------------------------------------------------------------------------


def _html_lines(article: Article) -> tuple[str | None, list[str]]:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    try:
        doc = trafilatura.bare_extraction(
            article.content,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
        )
    except Exception as exc:  # trafilatura raises a zoo of lxml errors on broken markup
        raise InputError(f"could not parse the HTML ({type(exc).__name__}: {exc})", source=article.name) from exc
    if doc is None or not (doc.text or "").strip():
        raise InputError("no article text found in the HTML page", source=article.name)
    title = normalize_line(html_lib.unescape(doc.title)) if doc.title else None
    return title or None, doc.text.split("\n")
