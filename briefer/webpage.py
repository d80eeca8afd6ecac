"""HTML page → its headline and the lines of its main text, before the junk rules run.

trafilatura finds the main text; this module repairs what it measurably gets wrong on news pages
(see benchmarks/cleaning.py): embedded posts it throws away with their "social" wrappers, text
written straight into a <div> between <br> tags, an article body split into several containers
around ads, link-only lines (related headlines) between paragraphs, and a title that carries the
site's name. Imported only for HTML input: it pulls in trafilatura, which is slow to import.
"""

from __future__ import annotations

import html as html_lib
import re
from collections import Counter
from collections.abc import Iterable

from lxml import etree
from lxml import html as lxml_html

from .errors import InputError
from .models import Article

# Embedded social posts: their text is the article's (a statement quoted in full), but trafilatura
# discards them along with the share widgets whose class names they share.
EMBED_CLASSES = ("twitter-tweet", "instagram-media", "tiktok-embed", "bluesky-embed", "fb-post")
# Wrapper class words that mark an element holding only an embed; the embed is lifted out of them.
EMBED_WRAPPER_WORDS = ("embed", "social", "tweet", "twitter", "instagram", "share")
# What a page title puts between the headline and the site's name.
TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|»|•)\s+")
# Tags that end a run of inline content when text is written straight into a <div>.
BLOCK_TAGS = frozenset(
    "address article aside blockquote center dd div dl dt figure footer form h1 h2 h3 h4 h5 h6 header "
    "hr iframe img li main nav ol p pre script section style table ul video".split()
)
_LIST_MARK = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_LINK_LABEL = re.compile(r"^[^:]{1,30}:\s+")
_WORD = re.compile(r"\w+")


def extract(article: Article) -> tuple[str | None, list[str]]:
    """Return the page's headline (None if it has none) and the lines of its main text."""
    import trafilatura
    from trafilatura.utils import load_html

    try:
        tree = load_html(article.content)
    except (ValueError, etree.LxmlError) as exc:
        raise InputError(f"could not parse the HTML ({type(exc).__name__}: {exc})", source=article.name) from exc
    if tree is None:
        raise InputError("could not parse the HTML (no document tree)", source=article.name)
    title = headline(tree)
    links = _link_texts(tree)
    _lift_embeds(tree)
    _paragraphs_from_breaks(tree)
    try:
        doc = trafilatura.bare_extraction(
            tree, with_metadata=True, include_comments=False, include_tables=False, include_images=False
        )
    except Exception as exc:  # trafilatura raises a zoo of lxml errors on broken markup
        raise InputError(f"could not parse the HTML ({type(exc).__name__}: {exc})", source=article.name) from exc
    if doc is None or not (doc.text or "").strip():
        raise InputError("no article text found in the HTML page", source=article.name)
    lines = [_LIST_MARK.sub("", line) for line in doc.text.split("\n")]
    lines = _add_split_body(tree, lines)
    lines = [line for line in lines if not _is_link_line(line, links)]
    if title is None and doc.title:
        title = strip_site_name(_fold(html_lib.unescape(doc.title)), _site_names(tree))
    return title or None, _from_headline(lines, title)


# --- the headline -------------------------------------------------------------------------------


def headline(tree: etree._Element) -> str | None:
    """Return the page's visible headline: the <h1> its title tags describe, else the best title
    tag with the site's name cut off."""
    metas = [
        *_meta(tree, "og:title", "twitter:title"),
        *(_fold(t.text_content()) for t in tree.iter("title")),
    ]
    metas = [m for m in metas if m]
    sites = _site_names(tree)
    h1s = [t for t in (_fold(h.text_content()) for h in tree.iter("h1")) if 2 <= len(t.split()) <= 40]
    h1s = [t for t in h1s if _key(t) not in sites]
    if h1s:
        if not metas:
            return h1s[0]
        # An <h1> that the title tags do not describe is a logo or a section name, not the headline.
        score = {h: max(_shared(h, m) for m in metas) for h in h1s}
        best = max(h1s, key=lambda h: score[h])
        if score[best] >= 0.5:
            return best
    for m in metas:
        cut = strip_site_name(m, sites)
        if cut:
            return cut
    return None


def strip_site_name(title: str, sites: Iterable[str]) -> str:
    """Return a page title without the site's name before or after it ("Headline | Site")."""
    sites = set(sites)
    parts = TITLE_SEPARATORS.split(title)
    seps = TITLE_SEPARATORS.findall(title)
    # Trailing parts: cut those naming the site; after a "|", which headlines never use, cut short
    # section names too ("Headline | UK News | Sky News").
    while len(parts) > 1:
        last, sep = parts[-1], seps[-1].strip()
        if _names_site(last, sites) or (sep == "|" and len(last.split()) <= 4):
            parts.pop()
            seps.pop()
        else:
            break
    if len(parts) > 1 and _names_site(parts[0], sites):
        parts.pop(0)
        seps.pop(0)
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=True):
        out += sep + part
    return out.strip()


def _names_site(part: str, sites: set[str]) -> bool:
    key = _key(part)
    return bool(key) and any(key == s or (len(s) >= 4 and (s in key or key in s)) for s in sites)


def _site_names(tree: etree._Element) -> set[str]:
    names = set(_meta(tree, "og:site_name", "application-name", "twitter:site", "publisher"))
    for url in (*_meta(tree, "og:url"), *tree.xpath("//link[@rel='canonical']/@href")):
        host = re.sub(r"^(?:https?://)?(?:www\d?\.)?", "", url).split("/")[0]
        if host:
            names.add(host.rsplit(".", 1)[0])  # "nj.com" → "nj"
            names.add(host)
    return {k for k in (_key(n) for n in names) if k}


def _meta(tree: etree._Element, *keys: str) -> list[str]:
    out = []
    for key in keys:
        for value in tree.xpath(f"//meta[@property='{key}' or @name='{key}']/@content"):
            if value.strip():
                out.append(_fold(value))
    return out


def _shared(h1: str, meta: str) -> float:
    """Share of the h1's words that the meta title also has."""
    a, b = Counter(_WORD.findall(h1.casefold())), Counter(_WORD.findall(meta.casefold()))
    return sum((a & b).values()) / max(1, sum(a.values()))


def _key(text: str) -> str:
    return "".join(_WORD.findall(text.casefold().lstrip("@")))


def _fold(text: str) -> str:
    return " ".join(text.split())


def _from_headline(lines: list[str], title: str | None) -> list[str]:
    """Drop the headline where the text repeats it, and what came before it: above the headline a
    page has only furniture (kickers, teasers, sidebars that trafilatura placed first)."""
    if not title:
        return lines
    key = _key(title)
    at = [i for i, line in enumerate(lines) if _key(line) == key]
    if not at:
        return lines
    words = [len(line.split()) for line in lines]
    first = at[0]
    if sum(words[first + 1 :]) < 0.5 * sum(words):
        first = -1  # most of the text would go: the headline is a repeat elsewhere, not the start
    return [line for i, line in enumerate(lines) if i > first and i not in at]


# --- repairs before trafilatura runs --------------------------------------------------------------


def _lift_embeds(tree: etree._Element) -> None:
    """Turn embedded posts into plain quotations standing where the embed stood."""
    test = " or ".join(f"contains(concat(' ', normalize-space(@class), ' '), ' {c} ')" for c in EMBED_CLASSES)
    for quote in tree.xpath(f"//blockquote[{test}]"):
        quote.attrib.clear()
        outer = quote
        while True:
            parent = outer.getparent()
            if parent is None or parent.tag in ("body", "article", "main", "section"):
                break
            label = f"{parent.get('class', '')} {parent.get('id', '')}".casefold()
            if len(parent) > 3 or not any(w in label for w in EMBED_WRAPPER_WORDS):
                break
            outer = parent
        if outer is not quote:
            quote.tail = outer.tail
            outer.addprevious(quote)
            outer.getparent().remove(outer)


def _paragraphs_from_breaks(tree: etree._Element, min_words: int = 30) -> None:
    """Wrap text written straight into a <div> into <p> elements, splitting at <br><br>.

    Older CMSs write whole paragraphs as bare text between <br> tags; trafilatura reads only
    elements, so it drops such text or keeps it whole with the sidebar next to it.
    """
    for div in tree.xpath("//div[br]"):
        loose = (div.text or "") + "".join(child.tail or "" for child in div)
        if len(loose.split()) < min_words:
            continue
        pieces: list[etree._Element | str] = [div.text or ""]
        for child in list(div):
            tail = child.tail or ""
            child.tail = None
            pieces += [child, tail]
            div.remove(child)
        div.text = None
        para = lxml_html.Element("p")
        breaks = 0

        def close() -> None:
            nonlocal para
            if len(para) or (para.text or "").strip():
                div.append(para)
            para = lxml_html.Element("p")

        for piece in pieces:
            if isinstance(piece, str):
                if piece.strip():
                    if breaks >= 2:
                        close()
                    breaks = 0
                if len(para):
                    para[-1].tail = (para[-1].tail or "") + piece
                else:
                    para.text = (para.text or "") + piece
            elif piece.tag == "br":
                breaks += 1
            elif piece.tag in BLOCK_TAGS:
                close()
                div.append(piece)
                breaks = 0
            else:
                if breaks >= 2:
                    close()
                para.append(piece)
                breaks = 0
        close()


# --- repairs after trafilatura runs ---------------------------------------------------------------


def _add_split_body(tree: etree._Element, lines: list[str]) -> list[str]:
    """Add the paragraphs of body containers that trafilatura left out because the body is split
    into several of them (same tag, class and ancestry), with ads or widgets in between."""
    kept = {_fold(line) for line in lines if len(line.split()) >= 8}
    owners: Counter[etree._Element] = Counter()
    for p in tree.iter("p"):
        if _fold(p.text_content()) in kept:
            owners[p.getparent()] += 1
    if not owners:
        return lines
    body = owners.most_common(1)[0][0]
    if not body.get("class"):
        return lines
    signature = _signature(body)
    story = _story(body)
    after: list[str] = []
    seen_body = False
    for box in tree.iter(body.tag, "h1"):
        if box is body:
            seen_body = True
            continue
        if not seen_body:
            continue
        if box.tag == "h1":
            break  # another headline: what follows is the next story of an endless-scroll page
        if _signature(box) != signature or _story(box) is not story:
            continue
        for p in box.iter("p"):
            text = _fold(p.text_content())
            # Prose only: the same containers may also hold teasers and link lists.
            if text not in kept and len(text.split()) >= 8 and text[-1] in ".!?\"'”’":
                after.append(text)
    if not after:
        return lines
    last = max(i for i, line in enumerate(lines) if _fold(line) in {_fold(p.text_content()) for p in body.iter("p")})
    return lines[: last + 1] + after + lines[last + 1 :]


def _story(el: etree._Element) -> etree._Element | None:
    """The <article> element holding el, if any: two of them are two stories."""
    return next((a for a in el.iterancestors("article")), None)


def _signature(el: etree._Element) -> tuple[tuple[str, str | None], ...]:
    return tuple((a.tag, a.get("class")) for a in (el, *el.iterancestors()))


def _link_texts(tree: etree._Element) -> set[str]:
    return {k for k in (_key(a.text_content()) for a in tree.iter("a")) if k}


def _is_link_line(line: str, links: set[str]) -> bool:
    """True for a line that is nothing but a link, perhaps after a short label ("Related: ..."):
    a headline pointing elsewhere. A linked full sentence stays: some pages link their prose."""
    text = _fold(line)
    if not text:
        return False
    if len(text.split()) >= 10 and text[-1] in ".\"”":
        return False
    return _key(text) in links or _key(_LINK_LABEL.sub("", text, count=1)) in links
