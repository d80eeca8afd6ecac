"""Article → Document: the main text and the headline, with the page junk left behind.

HTML goes through trafilatura, the best-measured main-text extractor; its output and plain text or
Markdown then pass the same junk rules, which are data at the top of this module. The clean text is
what every evidence span points into: paragraphs separated by one blank line, white space inside a
line folded to single spaces.
"""

from __future__ import annotations

import re
import unicodedata

from .errors import InputError
from .lexicon import MEDIA_HEADS
from .markdown import markdown_lines
from .models import Article, Document
from .sentences import reads_as_prose

# --- the junk rules ------------------------------------------------------------------------------
# Gathered from the pages in ../shared/corpus/pages (Zyte article-extraction benchmark: ctpost,
# techcrunch, macrumors, livescience, nj.com, nbcdfw, sfgate, nytimes, snopes, profootballtalk,
# express.co.uk, barrons, foxnews and others), the CNN / Daily Mail bodies in
# ../shared/corpus/summaries, and the comment, share, newsletter and cookie widgets of common CMSs
# (WordPress, Disqus, Arc, Dow Jones, NBC and Fox templates). Each is a regular expression, matched
# case-insensitively. Lengths are bounded ({0,120}) so a rule never swallows a paragraph of prose.

# A capitalised name of one to four words, for bylines ("By Jane Doe and John Roe | Reuters").
_NAME = r"(?-i:[A-Z])[\w.'’-]*(?: (?-i:[A-Z])[\w.'’-]*){0,3}"

# The buttons of a share bar, any number of them in a row: "Facebook · Twitter · Email".
_BUTTON = (
    r"(facebook|twitter|x|email|e-mail|print|pin it|pinterest|whatsapp|linkedin|reddit|flipboard|copy link"
    r"|messenger|telegram|threads|bluesky|share|tweet|comment)"
)
_BUTTONS = rf"{_BUTTON}(\s*[|/·•,]?\s*{_BUTTON})*"

# A line (paragraph) matching one of these in full is junk.
JUNK_LINES = [
    # comment sections and their forms (WordPress, Disqus)
    r"leave a (reply|comment)( cancel reply)?",
    r"(post|add|write|submit) a comment|post comment|comments? (are )?closed\.?",
    r"you must be logged in to (post|leave) a comment\.?",
    r"your email address will not be published\.?( required fields are marked \*?)?",
    r"required fields are marked \*?",
    r"(name|e-?mail|website|comment)\s*\*",
    r"save my name,? e-?mail,? and website in this browser.{0,60}",
    r"notify me of (follow-up comments|new posts|new comments).{0,40}",
    r"this site uses akismet to reduce spam.{0,80}",
    r"\d+\s+(comments?|responses?|replies|thoughts)( (to|on) .{0,150})?",
    r"comments?\s*(\(\d+\))?:?|(show|view|load|read|see) (all )?(\d+ )?comments",
    r"(view|join) the (discussion|conversation)( thread)?\.?",
    # page navigation
    r"(back|return|scroll) to top",
    r"skip to (main )?(content|navigation)",
    # share bars, print and reprint links
    rf"(click to )?share (this( article| story| post| page)?|on \w+|via)( \(opens in new window\))?\s*:?(\s*{_BUTTONS})?",
    _BUTTONS,
    r"order reprints?|print (this )?(article|story|page)|e-?mail (this )?(article|story|page)",
    r"this copy is for your personal,? non-?commercial use only.{0,300}",
    r"this article has been sent to.{0,40}|thank you( for (reading|subscribing|signing up))?[.!]?",
    r"an error has occurred,? please try again( later)?\.?|something went wrong.{0,40}",
    # newsletters, apps, follow prompts
    r"(.{0,40}[?!.:] )?((click|tap) (here )?to )?(sign up|subscribe|register)\b.{0,80}\b(newsletters?|inbox|alerts|updates)\b.{0,80}",
    r"get (the latest|breaking news|our) .{0,80}(in your inbox|alerts).{0,40}",
    r"(click here to|download|get) (get )?the .{0,30}\bapp\b.{0,40}",
    r"follow (us|me|him|her|them|[\w.]+) on (twitter|facebook|instagram|x|linkedin|threads).{0,80}",
    r"(have a tip\?|tips\?|got a tip\?).{0,200}@.{0,120}",
    r".{0,80}\b(may|can) be reached at .{0,60}(@|\d{3}).{0,60}|write to .{0,60} at \S+@\S+",
    r"what do you think\?\s*(let us know|tell us|share your|leave a comment|comment below|join the).{0,80}",
    # cookie banners
    r".{0,120}\b(this|our) (web)?site uses cookies\b.{0,200}",
    r".{0,120}\bwe use cookies\b.{0,200}",
    r".{0,80}\bby (continuing to (use|browse)|using) (this|our) (web)?site\b.{0,160}\bcookies?\b.{0,120}",
    r"(accept|manage|reject|decline) (all )?cookies|cookie (policy|settings|preferences)",
    r"(accept|decline|reject|agree|i agree|got it|ok,? got it)( all)?",
    # advertising and prompts
    r"advertisement|sponsored content|story continues below.{0,40}",
    r"click here to (get|download|subscribe|read|see|watch).{0,80}",
    # inline links to other stories ("READ MORE: headline", "Related: headline")
    r"(read more|read also|also read|see also|related( \w+)?|don'?t miss|more on this|watch|listen)\s*[:|»>]\s*.{0,200}",
    # credits, bylines, dates, copyright
    r".{0,80}\bcontributed (reporting|to this (report|story|article))\b.{0,80}",
    r"(additional )?reporting by .{0,80}|edited by .{0,60}",
    rf"by {_NAME}((,|,? and) {_NAME}){{0,3}}(\s*,\s*{_NAME})*(\s*[|/·•]\s*.{{0,60}})?",
    r"staff reports?",
    r"(published|updated|posted|last updated|first published)( on| at)?:? .{0,40}\d{4}.{0,30}",
    r"(photo|image|picture|video|file)s?( credit| caption| copyright| source)?:.{0,200}",
    r"(image|photo|picture)s? (credit|caption|copyright|source)\b.{0,200}|credit: .{0,120}",
    r"\(?(getty images|ap photo|reuters|afp|shutterstock|epa)[^.]{0,60}\)?",
    r".{0,80}/\s*(getty images|ap|afp|reuters|shutterstock|epa|ap photo)\)?",
    r"all rights reserved\.?.{0,120}|(copyright\s*)?(©|\(c\))\s*.{0,160}|copyright \d{4}.{0,160}",
    r"this (material|article) may not be published, broadcast, rewritten.{0,200}",
    # a link standing alone
    r"(https?://|www\.)\S+",
]

# A line matching one of these starts a block of links ("Related articles" and the headlines under
# it); the block runs until the next line that reads as prose.
JUNK_BLOCK_HEADERS = [
    r"related( articles| stories| posts| coverage| content| links| news)?:?",
    r"(you may|you might) also (like|enjoy|be interested in):?",
    r"(read|see) (more|also):?",
    r"more (from|on|in) .{0,40}|more (stories|news|coverage)( from .{0,40})?:?",
    r"recommended( for you| stories| reading| articles)?:?",
    r"(most popular|most read|most viewed|trending( now| stories| in \w+)?|on our radar|top stories|latest (news|stories)):?",
    r"don'?t miss( this)?:?|in case you missed it:?|what to read next:?|editor'?s picks:?|around the web:?",
    r"share (this|on):?|share this (article|story|post):?",
]

# A line matching one of these starts the comment section: when it comes after half of the text,
# everything after it is readers' comments and the form to add one.
COMMENT_SECTION_HEADERS = [
    r"\d+\s+(comments?|responses?|replies|thoughts)( (to|on) .{0,150})?",
    r"comments?\s*(\(\d+\))?:?|(show|view|load|read|see) (all )?(\d+ )?comments",
    r"leave a (reply|comment)( cancel reply)?|join the (discussion|conversation)",
    r"(readers'?|reader) comments:?",
]

# A credit sentence closing the last paragraph: "CNN's Sam Stringer contributed to this report."
CREDIT_SENTENCE = r"(?<!\S)[^\s.!?'\"’”][^.!?]{0,200}\bcontributed (reporting|to this (report|story|article))[^.!?]{0,80}[.!?]"

# Prompts and credits that bodies run into the prose (the CNN / Daily Mail bodies do: "...links to
# radicalism. Scroll down for video Abase Hussen, left, took his daughter..."). Each is cut out and
# the text is split into two paragraphs where it stood, so that no sentence of the clean text joins
# words that the article kept apart: an evidence quote must stay a verbatim piece of the article.
# (Photo references inside a sentence, "Andy Wilman (right), who...", stay for the same reason.)
JUNK_PHRASES = [
    r"scroll down for (the )?(video|videos|pictures)\.?",
    r"click to (see|view) (the )?(gallery|video|pictures)\.?",
    r"\(?(see|watch) (the )?video (above|below)\)?\.?",
    CREDIT_SENTENCE,
]

# A reference to a photo that is not there, inside a sentence: "Clarkson (pictured this week) said",
# "Abase Hussen, left, took his daughter". Cleaning keeps such sentences verbatim (see above); a
# backend choosing sentences to quote can pass them over with mentions_photo().
PHOTO_REFERENCE = re.compile(
    r"\((pictured|left|right|centre|center|inset|top|bottom|far left|far right|second (left|right)|from left"
    r"|file photo)\b[^()]{0,60}\)"
    r"|,\s*(pictured( above| below| left| right| centre| center| here| inset)?|left|right|centre|center|circled|inset)\s*,",
    re.IGNORECASE,
)

# A picture-caption label run into the prose: "...their skin Her own biggest fan: Founder Yen Reis
# says..." (Daily Mail). One to four words, the first capitalised, then a colon and a capital. It is
# cut out, with a paragraph break in its place (see JUNK_PHRASES for why), only where the word before it is not part of a name and its first word is not a proper
# noun (capitalised elsewhere in mid-sentence): "shares a border with Nepal: China" stays.
CAPTION_LABEL = re.compile(
    # The label's shape (as below: a capitalised word, up to three more, a colon, a capital), looked
    # at first: it fails fast at most positions, before the look-behinds and look-aheads are tried.
    r"(?=[A-Z][a-z]+(?: [a-z]+){0,3}: [A-Z'‘\"“])"
    r"(?:(?<=[.!?'\"’”)] )|(?<=[a-z0-9] ))"
    r"(?!(?i:who|what|why|how|when|where|which)\b)"
    r"(?!(?:\w+ ){0,3}(?:said|says|told|added|wrote|asked|explained|replied|reads?|stated|warned|tweeted|posted"
    r"|declared|insisted|claimed|revealed)\b)"
    r"([A-Z][a-z]+)(?: [a-z]+){0,3}: (?=[A-Z'‘\"“])"
)

# The label's shape alone, for finding where CAPTION_LABEL can start: a pattern that starts with a
# set of characters lets the scan pass over all the others in one tight loop, and capitals are few.
# (Possessive: where the words are not followed by the colon, fewer of them are not either.)
_LABEL_SHAPE = re.compile(r"[A-Z][a-z]++(?: [a-z]++){0,3}+: [A-Z'‘\"“]")

# What may stand before a surname with a full stop: an initial or a title ("Elizabeth A. Burton").
_NAME_PART = re.compile(r"[A-Z]\.|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Rep|Sen|Gov|Lt|Col|Sgt|Capt|Prof|Rev)\.")

# A news dateline before the first word: "(CNN)", "Kathmandu, Nepal (CNN) --", "WASHINGTON (AP) —",
# "LONDON, Nov 18 (Reuters) -", and an agency-less "NEW YORK —".
DATELINE = re.compile(
    r"^(?:(?:[A-Z][\w.'-]*(?:[ ,]+[A-Z0-9][\w.'-]*){0,5}\s*)?"
    r"\((?:CNN|AP|Reuters|AFP|UPI|Bloomberg|The Hollywood Reporter|[A-Z]{2,6})\)"
    r"|[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}(?:, [A-Z][a-z]{1,10}\.?)?(?= (?:--|—|–)))"
    r"\s*(?:--|—|–|-)?\s*"
)

_junk_line = re.compile("|".join(f"(?:{p})" for p in JUNK_LINES), re.IGNORECASE)
_junk_block = re.compile("|".join(f"(?:{p})" for p in JUNK_BLOCK_HEADERS), re.IGNORECASE)
_comment_section = re.compile("|".join(f"(?:{p})" for p in COMMENT_SECTION_HEADERS), re.IGNORECASE)
_junk_phrase = re.compile(r"\s*(?:" + "|".join(JUNK_PHRASES) + r")\s*", re.IGNORECASE)
# The credit-sentence branch scans up to 200 characters ahead from every word start: most of the
# cost of the pattern. It can only match a little before a "contributed" (found the way the
# pattern finds it, case-insensitively); elsewhere the other phrases match the same (see
# _cut_junk_phrases).
_OTHER_PHRASES = [p for p in JUNK_PHRASES if p is not CREDIT_SENTENCE]
# Those phrases without the white space before them, which _next_phrase takes in: each starts with
# "(" or one of these letters, and looking ahead for them lets the scan pass over every other
# position at once, where a pattern that may start with white space tries them all (four times
# slower).
_PHRASE_FIRST = "(csw"
_other_phrase = re.compile(
    "(?=[" + re.escape(_PHRASE_FIRST) + "])(?:" + "|".join(_OTHER_PHRASES) + r")\s*", re.IGNORECASE
)
# For each of those phrases, a word it holds, and how far from the phrase's start the word can
# stand: "scroll down ...", "click to ...", and "(watch the video above)", "see video below".
_PHRASE_WORDS = (("scroll", 0, 0), ("click", 0, 0), ("video", len("see "), len("(watch the ")))
_CREDIT_WORD = re.compile("contributed", re.IGNORECASE)
_CREDIT_REACH = 201  # from the credit sentence's first character to its "contributed", at most
_WORD_START = re.compile(r"(?<!\S)\S")
# Every junk phrase holds one of these words. Looking for them first spares the phrase pattern,
# whose credit-sentence branch scans ahead from every position, on the lines that cannot match.
_JUNK_PHRASE_WORDS = ("scroll", "click", "video", "contributed")

# A URL slug standing alone on a line: words joined by underscores or hyphens, no spaces.
_SLUG = re.compile(r"[A-Za-z0-9]+(?:[_-]+[A-Za-z0-9]+){2,}")
_HTML_TAG = re.compile(r"<[A-Za-z!?/]")  # a page named .html that holds no markup is read as text
# Runs of white space inside a line, each to become one space; a lone space is left alone (the
# same result, without rebuilding the line at every word). Written as one such character, then more
# of them or the first was not a plain space: a pattern that starts with a set of characters lets
# the engine skip to the next one in one loop, past the words.
_ODD_SPACES = r"\t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000"
_SPACES = re.compile(f"[ {_ODD_SPACES}](?:[ {_ODD_SPACES}]+|(?<=[{_ODD_SPACES}]))")
_ODD_SPACE = re.compile(f"[{_ODD_SPACES}]")  # _SPACES's characters but the space
_ZERO_WIDTH = re.compile(r"[\u200b\u2060\ufeff]")  # not U+200C/U+200D: joiners inside emoji and scripts


def clean(article: Article) -> Document:
    """Return the article's main text and headline, ready for chunking."""
    if article.format == "html" and _HTML_TAG.search(article.content):
        from .webpage import extract  # imported here: it pulls in trafilatura, slow to import

        title, lines = extract(article)
    elif article.format == "markdown":
        title, lines = markdown_lines(article.content)
    else:
        title, lines = _text_lines(article.content)
    title = normalize_line(title) if title else None
    paragraphs = _drop_junk(lines, captions=article.format != "html")
    for i, para in enumerate(paragraphs[:2]):
        # The dateline opens the story, which may come after a standfirst.
        undated = DATELINE.sub("", para, count=1)
        if undated != para:
            paragraphs[i] = undated
            break
    if title:
        # Some pages repeat the headline as the body's first paragraph; keep it once, as the title.
        paragraphs = [p for i, p in enumerate(paragraphs) if i > 2 or p != title] or paragraphs
    text = "\n\n".join(p for p in paragraphs if p)
    if not text.strip():
        raise InputError("no article text found (the input is empty or holds only page furniture)", source=article.name)
    return Document(article=article, title=title, text=text)


def normalize_line(line: str) -> str:
    """Return a line with its white space folded and invisible characters gone."""
    line = unicodedata.normalize("NFC", line)
    # (Three substring tests: a line of Latin-1 characters, most, is told at once it holds none of
    # them, where the pattern reads it to the end.)
    if "\u200b" in line or "\u2060" in line or "\ufeff" in line:
        line = _ZERO_WIDTH.sub("", line)
    if line.isascii() and not ("\t" in line or "\f" in line or "\v" in line):
        # Only runs of plain spaces to fold (the ASCII line holds none of the other spaces):
        # replace() does it in a pass or two in C, where the pattern stopped at every space.
        while "  " in line:
            line = line.replace("  ", " ")
    elif "  " in line or _ODD_SPACE.search(line):  # else there is nothing to fold: skip the pass
        line = _SPACES.sub(" ", line)
    return line.strip()


# Page furniture is short: a longer line is prose even if it ends like a credit line (a one-line
# article body that closes with "... contributed to this report." is still the article).
MAX_JUNK_LINE_CHARS = 300


def is_junk_line(line: str) -> bool:
    """Return True when a whole line is page furniture rather than article text."""
    line = line.strip()
    return len(line) <= MAX_JUNK_LINE_CHARS and bool(_junk_line.fullmatch(line))


def mentions_photo(sentence: str) -> bool:
    """Return True when a sentence points at a photo ("(pictured)", ", left,"): caption-like text."""
    return bool(PHOTO_REFERENCE.search(sentence))


def _drop_junk(lines: list[str], captions: bool = True) -> list[str]:
    lines = [normalize_line(piece) for raw in lines for piece in _cut_junk_phrases(raw)]
    if captions:  # a web page keeps its captions in <figcaption>, which the extractor leaves out
        lines = _drop_caption_labels(lines)
    lines = _before_comments([line for line in lines if line])
    out: list[str] = []
    in_block = False
    for line in lines:
        if _junk_block.fullmatch(line):
            in_block = True
            continue
        if in_block:
            if not reads_as_prose(line):
                continue
            in_block = False
        if is_junk_line(line):
            continue
        out.append(line)
    return out


def _cut_junk_phrases(line: str) -> list[str]:
    """Return ``_junk_phrase.sub("\\n", line).split("\\n")``, trying the credit-sentence branch only
    where it can match.

    The full pattern is white space, then the first branch that matches, then white space. Its
    other branches never start with white space, so wherever they fail, the full one can only match
    by the credit branch, at a word start no more than _CREDIT_REACH characters before a
    "contributed". So the other phrases give the next match, and the full pattern is tried at the
    word starts before it that lie in such a window (from the white space before them, which the
    pattern takes in too); the leftmost match wins, as in sub().
    """
    folded = line.lower()
    if not any(word in folded for word in _JUNK_PHRASE_WORDS):
        return [line]
    credits = [m.start() for m in _CREDIT_WORD.finditer(line)]
    starts = sorted({m.start() for c in credits for m in _WORD_START.finditer(line, max(0, c - _CREDIT_REACH), c)})
    out: list[str] = []
    pos = k = 0
    while True:
        found = _next_phrase(line, pos, folded)
        limit = found[0] if found else len(line)
        while k < len(starts) and starts[k] < pos:
            k += 1
        for y in starts[k:]:
            x = y
            while x > pos and line[x - 1].isspace():
                x -= 1
            if x >= limit:
                break
            full = _junk_phrase.match(line, x)
            if full:
                found = full.span()
                break
        if found is None:
            out.append(line[pos:])
            return "".join(out).split("\n")
        out.append(line[pos : found[0]])
        out.append("\n")
        pos = found[1]


def _next_phrase(line: str, pos: int, folded: str) -> tuple[int, int] | None:
    """Return the span of the next match of the junk phrases but the credit sentence, from ``pos``,
    white space around it included. (``folded`` is the line lower-cased.)"""
    if line.isascii():
        # Each phrase holds its word a set distance from its start (_PHRASE_WORDS): tried only
        # there, in order, the phrases give the leftmost match, where a search from ``pos`` tried
        # them at every "c", "s" and "w" of what is often a long paragraph. (An ASCII line lower-
        # cases letter for letter, and case-insensitively its letters match only their own cases.)
        starts: set[int] = set()
        for word, nearest, farthest in _PHRASE_WORDS:
            at = folded.find(word, pos)
            while at >= 0:
                starts.update(range(max(pos, at - farthest), at - nearest + 1))
                at = folded.find(word, at + 1)
        m = next((m for at in sorted(starts) if (m := _other_phrase.match(line, at))), None)
    else:
        m = _other_phrase.search(line, pos)
    if m is None:
        return None
    # The phrase starts at the leftmost place it can: white space before it goes with it.
    start = m.start()
    while start > pos and line[start - 1].isspace():
        start -= 1
    return start, m.end()


def _label_after_name(m: re.Match[str], text: str) -> bool:
    """"... against Ms Jackson Quiet: Ms Jackson and Mr Ray were neighbours": after a name, a label
    of one plain word the article also writes in lower case, with no quotation after the colon
    (where "told the Sunday Times: '...'" has one), and no word that ends a paper's name."""
    label = m.group(0)[: m.group(0).index(":")]
    if " " in label or label.lower() in MEDIA_HEADS or text[m.end() : m.end() + 1] in "'\"‘“":
        return False
    return re.search(rf"(?<![\w-]){label.lower()}(?![\w-])", text) is not None


def _drop_caption_labels(lines: list[str]) -> list[str]:
    text = "\n".join(lines)

    def keep_or_drop(m: re.Match[str]) -> str:
        before = text[: m.start()].rstrip()
        previous = before.rsplit(None, 1)[-1] if before else ""
        if previous[:1].isupper() and (previous[-1:] not in ".!?'\"’”)" or _NAME_PART.fullmatch(previous)):
            # "Mr Hussen replied:", "the Sunday Times:", "Elizabeth A. Burton:": a name, unless
            # the label is a plain word of the article ("Ms Jackson | Quiet: Ms Jackson and ...").
            return "\n" if _label_after_name(m, text) else m.group(0)
        if re.search(rf"[a-z,;] {re.escape(m.group(1))}\b", text):
            return m.group(0)  # a proper noun, not a caption's label
        return "\n"

    # CAPTION_LABEL.sub(keep_or_drop, text), with the pattern tried only where the shape it looks
    # ahead for starts. (Shapes can overlap, "Label: Another label: Text": each start is tried.)
    out: list[str] = []
    done = at = 0
    while shape := _next_label_shape(text, at):
        at = shape.start() + 1
        m = CAPTION_LABEL.match(text, shape.start()) if shape.start() >= done else None
        if m:
            out += [text[done : m.start()], keep_or_drop(m)]
            done = m.end()
    out.append(text[done:])
    return [line.strip() for line in "".join(out).split("\n") if line.strip()]


def _next_label_shape(text: str, at: int) -> re.Match[str] | None:
    """Return ``_LABEL_SHAPE.search(text, at)``, looked for only before each ": ".

    A shape is letters and single spaces up to its ": ", so it starts in the run of those before
    the first ": " from ``at``, or after that colon: each run is searched on its own, where the
    search from ``at`` went through every capital of the text between the few colons. (Nothing
    in the pattern looks past its end, so the search can stop at the end of the shape the run
    would make.)
    """
    while (colon := text.find(": ", at)) >= 0:
        run = colon
        while run > at and text[run - 1] in _LETTERS_AND_SPACE:
            run -= 1
        shape = _LABEL_SHAPE.search(text, run, colon + 3)
        if shape:
            return shape
        at = colon + 1
    return None


_LETTERS_AND_SPACE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz ")


def _before_comments(lines: list[str]) -> list[str]:
    """Return the lines before the comment section, if one starts in the second half of the text
    (in the first half, "12 comments" is a counter next to the byline, not the section)."""
    if not any(_comment_section.fullmatch(line) for line in lines):
        return lines  # (no header at all, the common case: no need to count words)
    total = sum(len(line.split()) for line in lines)
    seen = 0
    for i, line in enumerate(lines):
        if seen >= total / 2 and _comment_section.fullmatch(line):
            return lines[:i]
        seen += len(line.split())
    return lines


# --- plain text ---------------------------------------------------------------------------------


def _text_lines(content: str) -> tuple[str | None, list[str]]:
    paragraphs = _paragraphs(content)
    title = None
    slug_title = None
    if paragraphs and _SLUG.fullmatch(paragraphs[0].strip()):
        slug_title = re.sub(r"[_-]+", " ", paragraphs.pop(0).strip())
    if len(paragraphs) > 1 and _reads_as_headline(paragraphs[0]) and not is_junk_line(paragraphs[0]):
        title = normalize_line(paragraphs.pop(0))
    return title or slug_title, paragraphs


def _paragraphs(content: str) -> list[str]:
    """Split text into paragraphs: blank lines separate them; single line breaks do too, unless
    the text is hard-wrapped, when the lines of a paragraph are joined again."""
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    blocks = [[ln.strip() for ln in b.split("\n") if ln.strip()] for b in re.split(r"\n[ \t]*\n", content)]
    blocks = [b for b in blocks if b]
    lines = [ln for b in blocks for ln in b]
    if not lines:
        return []
    width = max(len(ln) for ln in lines)
    inner = [ln for b in blocks for ln in b[:-1]]  # lines followed by another in the same block
    # Hard-wrapped text fills its lines to a fixed width and runs sentences on across them; a block
    # of short lines (a list of headlines, a byline over a dateline) is separate lines.
    wrapped = width <= 120 and bool(inner) and sum(1 for ln in inner if len(ln) >= 0.6 * width) / len(inner) > 0.5
    if not wrapped:
        return lines
    out: list[str] = []
    for block in blocks:
        current: list[str] = []
        for ln in block:
            current.append(ln)
            if len(ln) < 0.6 * width:  # a short line ends its paragraph
                out.append(" ".join(current))
                current = []
        if current:
            out.append(" ".join(current))
    return out


def _reads_as_headline(line: str) -> bool:
    line = line.strip()
    words = line.split()
    if not 2 <= len(words) <= 25 or len(line) > 200:
        return False
    if line[-1] in ".,;" and not line.endswith("..."):
        return False
    if re.search(r"[.!?][\"'”’]$", line):  # a quoted sentence closes prose, not a headline
        return False
    return line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘"
