"""Cleaning as a reader checks it: the page junk is gone, the story's sentences are still there, and
the title is the headline. Pages and files in tests/data were written for these tests and carry
the furniture real pages have (nav, cookie banner, share bar, comment form, related block)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefer.cleaning import clean, is_junk_line, mentions_photo
from briefer.errors import InputError
from briefer.models import Article
from briefer.sources import Input, read_article

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEEDS = ROOT / "seeds"
# ../shared beside the repository (a helper's git worktree sits one level deeper).
SHARED = next((d / "shared" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared" / "corpus").is_dir()), None)


def cleaned(path: Path):
    return clean(read_article(Input(str(path), path)))


def article(text: str, format: str = "text") -> Article:
    return Article(name="t", content=text, format=format, sha256="0" * 64)


def assert_no_junk(text: str, *junk: str) -> None:
    for phrase in junk:
        assert phrase.casefold() not in text.casefold(), f"junk left in the clean text: {phrase!r}"


def assert_paragraphs(text: str) -> None:
    assert "\n\n\n" not in text and not text.startswith("\n") and not text.endswith("\n")
    for para in text.split("\n\n"):
        assert para == para.strip() and "\n" not in para and "  " not in para


# --- HTML ----------------------------------------------------------------------------------------


def test_wordpress_page_keeps_the_story_and_drops_its_furniture():
    doc = cleaned(DATA / "wordpress-post.html")
    assert doc.title == "Ferry operator suspends night crossings after engine fire"
    assert "Blue Water Ferries suspended all crossings after 8 p.m. on Monday" in doc.text
    assert doc.text.endswith("The company did not say when night crossings would resume.")
    assert_no_junk(
        doc.text,
        "Lakeshore Daily", "uses cookies", "Skip to content", "Share this", "Facebook", "12 Comments",
        "thoughts on", "Those boats are older", "Leave a Reply", "Your email address", "Save my name",
        "Post Comment", "Ferry fares to rise", "Port Alder dock repairs", "Back to top", "All rights reserved",
    )
    assert_paragraphs(doc.text)
    assert len(doc.text.split("\n\n")) == 6


def test_a_title_keeps_its_own_dash_but_loses_the_site_name():
    doc = cleaned(DATA / "br-paragraphs.html")
    assert doc.title == "Old mill reopens as community arts centre"
    assert "Riverbend Gazette" not in doc.text


def test_text_written_between_br_tags_is_split_into_paragraphs():
    doc = cleaned(DATA / "br-paragraphs.html")
    paras = doc.text.split("\n\n")
    assert paras[0].startswith("The old Riverbend textile mill reopened on Saturday")
    assert paras[-1].startswith("The restoration cost 2.4 million pounds")
    assert '"We wanted the people who worked here to be the first thing visitors see," said Agnes Byrne' in doc.text
    assert_no_junk(doc.text, "Related: Arts in Riverbend", "Where to park", "The restored weaving hall")


def test_a_body_split_around_an_ad_is_read_whole():
    doc = cleaned(DATA / "split-body.html")
    assert doc.title == "Mountain town votes to cap short-term rentals"
    assert doc.text.startswith("Voters in Pine Hollow approved a cap")
    # the second container, after the ad: trafilatura alone stops before it
    assert "said Derek Holm of the Pine Hollow Property Owners Association" in doc.text
    assert doc.text.endswith("It is not yet clear whether existing permits above the cap will be renewed.")
    assert_no_junk(doc.text, "Advertisement", "Most popular", "Trail closed", "By Inés Varga")


def test_the_next_story_of_an_endless_scroll_page_is_not_added():
    doc = cleaned(DATA / "endless-scroll.html")
    assert doc.title == "Mountain town votes to cap short-term rentals"
    assert "said Derek Holm of the Pine Hollow Property Owners Association" in doc.text
    assert_no_junk(doc.text, "Snowpack", "snowpack", "Nora Diaz", "outdoor watering")


def test_an_embedded_post_is_kept_as_a_quotation_where_it_stood():
    doc = cleaned(DATA / "embedded-post.html")
    assert doc.title == "Zoo names its new red panda after public vote"
    paras = doc.text.split("\n\n")
    quote = paras.index("The votes are in and our new red panda has a name: Maple! Thank you to everyone who voted.")
    assert paras[quote - 1] == "The zoo announced the result on social media on Saturday morning."
    assert paras[-1].startswith("Keeper Rosa Lind said Maple had settled in well")
    assert_no_junk(doc.text, "Share on Facebook", "Share on X")


def test_the_harbor_strike_seed_briefs_clean():
    doc = cleaned(SEEDS / "harbor-strike.html")
    assert doc.title == "Dockworkers end nine-day strike at Port of Merriton after tentative deal"
    assert doc.text.startswith("Dockworkers at the Port of Merriton will return to work on Wednesday")
    assert '"Neither side got everything it wanted, but both sides got something they could defend," she said.' in doc.text
    assert_no_junk(
        doc.text,
        "cookies", "Accept", "Skip to content", "Subscribe", "Laura Mendes", "Photo:", "Facebook", "Share this",
        "Related", "Morning Briefing", "newsletter", "3 Comments", "About time", "Leave a Reply",
        "Your email address", "Save my name", "Back to top", "The Merriton Ledger",
    )
    assert_paragraphs(doc.text)


BODY = "<article><p>" + "The council met on Monday evening and voted to close the old pool for good. " * 3 + "</p></article>"


@pytest.mark.parametrize(
    ("head", "h1", "expected"),
    [
        # the visible <h1>, which the title tags describe, over a title with the site's name
        ('<title>Pool to close | UK News | Sky News</title><meta property="og:site_name" content="Sky News">',
         "<h1>Pool to close</h1>", "Pool to close"),
        # an <h1> holding the logo is not the headline: the title tag is, less the site's name
        ('<title>Council votes to close pool – Riverside Echo</title><meta property="og:site_name" content="Riverside Echo">',
         "<h1>Riverside Echo</h1>", "Council votes to close pool"),
        # a dash that belongs to the headline stays when what follows is not the site
        ("<title>Bubonic plague: third case in China – ‘The plague is coming’ | Science | Express.co.uk</title>",
         "", "Bubonic plague: third case in China – ‘The plague is coming’"),
        # the site named only by the page's address
        ('<title>Council votes to close pool - nj.com</title><link rel="canonical" href="https://www.nj.com/news/x.html">',
         "", "Council votes to close pool"),
        # a longer <h1> than the og:title is still the headline shown on the page
        ("<meta property=\"og:title\" content=\"'We Got Her!': Video Shows Rescue of Girl\">",
         "<h1>'We Got Her!': Video Shows Rescue of Kidnapped Fort Worth Girl</h1>",
         "'We Got Her!': Video Shows Rescue of Kidnapped Fort Worth Girl"),
    ],
)
def test_html_titles(head, h1, expected):
    page = f"<html><head>{head}</head><body><nav><a href='/'>Home</a></nav>{h1}{BODY}</body></html>"
    doc = clean(article(page, "html"))
    assert doc.title == expected
    assert doc.text.startswith("The council met on Monday evening")


def test_an_html_file_without_markup_is_read_as_text():
    doc = clean(article("Pool to close\n\nThe council met on Monday evening and voted to close the old pool.", "html"))
    assert doc.title == "Pool to close"
    assert doc.text == "The council met on Monday evening and voted to close the old pool."


def test_html_with_no_text_is_an_input_error():
    with pytest.raises(InputError, match="no article text"):
        clean(article("<html><body><nav><a href='/'>Home</a></nav></body></html>", "html"))


# --- plain text ----------------------------------------------------------------------------------


def test_plain_text_keeps_the_story_and_drops_page_junk():
    doc = cleaned(DATA / "blog-post.txt")
    assert doc.title == "Library extends weekend hours after petition"  # the headline, not the URL slug
    assert doc.text.startswith("The Eastbrook Public Library will open on Sundays from next month")
    assert doc.text.endswith("Board member Dev Patel said he expected it to pass.")
    assert_no_junk(
        doc.text,
        "city-library", "By Marcus Chen", "Share this", "Related articles", "City budget leaves",
        "Reading programme", "cookies", "3 Comments", "Great news", "Leave a Reply", "Your email address",
        "Back To Top",
    )
    assert len(doc.text.split("\n\n")) == 3


def test_a_wire_dateline_goes_and_no_title_is_invented():
    doc = cleaned(DATA / "wire-dateline.txt")
    assert doc.title is None  # merging makes a lead title and says so; cleaning does not guess
    assert doc.text.startswith("Rescue teams reached three remote villages")
    assert "(CNN)" not in doc.text and "Kathmandu" not in doc.text


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        ("(CNN)They may not be aliens.", "They may not be aliens."),
        ("Kathmandu, Nepal (CNN)Rescuers pulled a man out.", "Rescuers pulled a man out."),
        ("WASHINGTON (AP) — The Senate voted.", "The Senate voted."),
        ("LONDON, Nov 18 (Reuters) - Shares fell.", "Shares fell."),
        ("HAYWARD, Calif. — A man was stabbed.", "A man was stabbed."),
        ("(The Hollywood Reporter)The show is back.", "The show is back."),
        ("The CNN (Cable News Network) team left.", "The CNN (Cable News Network) team left."),
    ],
)
def test_datelines(first, expected):
    assert clean(article(first)).text == expected


def test_run_in_prompts_and_credits_go_and_leave_a_paragraph_break():
    doc = cleaned(DATA / "run-in.txt")
    assert doc.title is None
    assert "Scroll down for video" not in doc.text
    assert doc.text.split("\n\n")[1].startswith("Paul Hendry waded into the water on Sunday morning")
    text = clean(article(
        "His producer, Andy Wilman (right), who resigned, denied it. Clarkson said a mob came. "
        "'We'll fight!' CNN's Sam Stringer contributed to this report."
    )).text
    # a photo reference inside a sentence stays: cutting it would make a quote the article never had
    assert text == "His producer, Andy Wilman (right), who resigned, denied it. Clarkson said a mob came. 'We'll fight!'"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Clarkson (pictured this week) said an angry mob targeted the team.", True),
        ("Abase Hussen, left, took his daughter Amira, right, to a demonstration.", True),
        ("Stefan de Vrij (right) headed Holland in front.", True),
        ("The party moved to the left, and voters followed.", False),
        ("He turned right, then left the building.", False),
    ],
)
def test_photo_references(sentence, expected):
    assert mentions_photo(sentence) is expected


def folded(text: str) -> str:
    return " ".join(text.split())


def assert_verbatim(doc, source: str) -> None:
    """Every paragraph of a plain-text article's clean text is a piece of the article as written."""
    original = folded(source)
    for para in doc.text.split("\n\n"):
        assert para in original, para


@pytest.mark.parametrize("name", ["blog-post.txt", "wire-dateline.txt", "run-in.txt"])
def test_plain_text_paragraphs_are_verbatim_pieces_of_the_article(name):
    assert_verbatim(cleaned(DATA / name), (DATA / name).read_text(encoding="utf-8"))


def test_caption_labels_run_into_the_prose_go_but_names_with_colons_stay():
    text = clean(article(
        "The clinic opened in May. Risky regimen: Clients must sign a waiver before treatment. "
        "Nepal shares a border with India. Aid came from one big neighbour of Nepal: China. "
        "Police charged Elizabeth A. Burton: Possession of methamphetamine. Who was worse: him or her?"
    )).text
    assert "Risky regimen" not in text
    assert "The clinic opened in May.\n\nClients must sign a waiver before treatment." in text
    assert "neighbour of Nepal: China." in text
    assert "Elizabeth A. Burton: Possession" in text
    assert "Who was worse: him or her?" in text


def test_a_caption_label_after_a_name_goes_when_it_is_a_plain_word_of_the_article():
    text = clean(article(
        "Mark Ray waged a campaign of terror against Ms Jackson Quiet: Ms Jackson and Mr Ray were "
        "neighbours in this quiet cul-de-sac in Hull. A source told the Sunday Times: 'The 100 include "
        "teachers.' The times were hard."
    )).text
    assert "Quiet:" not in text
    assert "against Ms Jackson\n\nMs Jackson and Mr Ray were neighbours" in text
    assert "told the Sunday Times: 'The 100" in text  # a quotation follows: the paper's name stays


def test_hard_wrapped_text_is_rejoined_into_paragraphs():
    seed = cleaned(SEEDS / "alaska-summit.txt")
    import textwrap

    raw = (SEEDS / "alaska-summit.txt").read_text(encoding="utf-8")
    wrapped = "\n\n".join(textwrap.fill(p, 72) for p in raw.split("\n\n"))
    doc = clean(article(wrapped))
    assert doc.title == seed.title == "Alaska Summit: Symbolic Gains, Ukraine Crisis Remains Unresolved"
    assert doc.text == seed.text


def test_a_sentence_is_not_taken_for_a_headline():
    doc = clean(article('He said the talks were "productive."\n\nThe second paragraph follows here.'))
    assert doc.title is None
    doc = clean(article("By Jane Doe\n\nThe council met on Monday and voted to close the pool."))
    assert doc.title is None and doc.text == "The council met on Monday and voted to close the pool."


def test_text_that_is_only_junk_is_an_input_error():
    with pytest.raises(InputError, match="no article text"):
        clean(article("Leave a Reply\n\nYour email address will not be published.\n\nBack To Top"))


@pytest.mark.parametrize(
    "line",
    [
        "Leave a Reply", "Leave a Reply Cancel reply", "Your email address will not be published.",
        "Required fields are marked *", "Back To Top", "34 Comments", "167 comments",
        "12 thoughts on “Ferry operator suspends night crossings”", "Share this article: Facebook · Twitter · Email",
        "Facebook Twitter Email Print", "This website uses cookies to anonymously count visitor numbers.",
        "We use cookies to improve your experience.", "Accept all cookies", "Sign up for our daily newsletter",
        "Subscribe to our newsletter for the latest news in your inbox.", "READ MORE: China plague outbreak confirmed",
        "Related: The 15 Weirdest Galaxies in Our Universe", "Photo: Ana Ruiz / The Merriton Ledger",
        "Copyright ©2019 Dow Jones & Company, Inc. All Rights Reserved", "https://www.example.com/a/b",
        "By Jane Doe and John Roe | Reuters", "Published November 12, 2024", "Advertisement",
        "Save my name, email, and website in this browser for the next time I comment.",
    ],
)
def test_junk_lines(line):
    assert is_junk_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "The council said it would share the costs with the county.",
        "By Monday, the road was open again.",
        "Twitter said it would appeal the ruling.",
        "Comments from residents were mostly critical, the report said.",
        "Photographers waited outside the court for hours.",
        "Subscribers to the service will pay $2 more a month from January.",
    ],
)
def test_prose_is_not_junk(line):
    assert not is_junk_line(line)


# --- Markdown ------------------------------------------------------------------------------------

MARKDOWN_SYNTAX = re.compile(r"\*\*|__|\]\(|!\[|^#|^>|^\s*[-*+] |^\s*\d+\. |`|\|", re.MULTILINE)


def test_markdown_syntax_does_not_leak_and_junk_goes():
    doc = cleaned(DATA / "newsletter.md")
    assert doc.title == "Harbour board delays vote on cruise terminal"
    assert not MARKDOWN_SYNTAX.search(doc.text), MARKDOWN_SYNTAX.search(doc.text)
    assert '"We will not be rushed into a decision that shapes the waterfront for fifty years," said board chair Miriam Cole.' in doc.text
    assert "study the environmental report published last week" in doc.text
    assert "could bring up to 200 ships a year" in doc.text
    assert "the Eastport Chamber of Commerce, which says it would create 400 jobs;" in doc.text.split("\n\n")
    assert_no_junk(
        doc.text, "Aisha Rahman", "Skip to content", "Share this", "Facebook", "Related articles",
        "Cruise passenger numbers", "Harbour dredging", "Subscribe", "layout", "draft",
    )
    assert doc.text.endswith("The board will meet again on 12 June.")


def test_the_council_budget_seed_briefs_clean():
    doc = cleaned(SEEDS / "council-budget.md")
    assert doc.title == "Riverton council approves $48 million budget after late-night debate"
    assert not MARKDOWN_SYNTAX.search(doc.text)
    assert "restores Sunday hours at the Riverton Public Library and sets aside $3.2 million" in doc.text
    assert "Raises the property tax rate by 2.5 percent, about $74 a year for a typical home." in doc.text.split("\n\n")
    assert_no_junk(doc.text, "Tomas Keller", "Share this", "Related articles", "Library hours cut", "Leave a Reply",
                   "Your email address")


def test_setext_headings_tables_and_snake_case():
    doc = clean(article("Budget Passes\n=============\n\nThe file budget_2024_final.xlsx was shared.\n\n"
                        "| Item | Cost |\n|---|---:|\n| Roads | $2m |\n", "markdown"))
    assert doc.title == "Budget Passes"
    assert doc.text == "The file budget_2024_final.xlsx was shared.\n\nItem; Cost\n\nRoads; $2m"


# --- the shared corpus, when it is there -----------------------------------------------------------

needs_shared = pytest.mark.skipif(SHARED is None, reason="../shared is not present (a fresh clone has none)")


@needs_shared
@pytest.mark.parametrize(
    ("page", "junk"),
    [
        ("aeb-8e3efab59f48", ["Leave a Reply", "34 Comments", "34 responses to", "Click to share on Facebook"]),
        ("aeb-b0cf2bbf0192", ["Leave a Reply", "uses cookies to anonymously count visitor numbers"]),
        ("aeb-232a43fb15ab", ["167 comments", "Night mode is an automatic setting", "16\" MacBook Pro Now Available"]),
        ("aeb-f8ff621a0b9b", ["Order Reprints", "This copy is for your personal", "Copyright ©2019"]),
    ],
)
def test_shared_pages_lose_their_comment_forms_and_cookie_lines(page, junk):
    path = SHARED / "corpus" / "pages" / f"{page}.html"
    truth = path.with_name(f"{page}.truth.txt").read_text(encoding="utf-8")
    doc = cleaned(path)
    assert_no_junk(doc.text, *junk)
    first = truth.split("\n\n")[0].split(". ")[0]
    assert first in doc.text  # the story's first sentence is still there


@needs_shared
@pytest.mark.parametrize(
    ("page", "sentence"),
    [
        ("aeb-d48aeb9cf2f2", "I learned that over a dozen people tapped on the profile of a coworker"),  # split body
        ("aeb-232a43fb15ab", "Following the 16-inch MacBook Pro, Apple plans to release"),  # text between <br>s
        ("aeb-3f65af7b6b98", "Yes this is real and yes the state spent nearly half a million dollars on it"),  # tweet
    ],
)
def test_shared_pages_keep_what_trafilatura_alone_drops(page, sentence):
    assert sentence in cleaned(SHARED / "corpus" / "pages" / f"{page}.html").text


@needs_shared
def test_shared_plain_text_articles_clean_to_verbatim_pieces():
    sources = [p for p in sorted((SHARED / "corpus" / "summaries").glob("*.txt")) if not p.name.endswith(".ref.txt")]
    sources += sorted((SHARED / "dev-gold").glob("*.txt"))
    assert sources
    for path in sources:
        doc = cleaned(path)
        if path.name.startswith(("cnn-", "dm-")):
            assert doc.title is None, path.name  # these bodies have no headline line
        assert_verbatim(doc, path.read_text(encoding="utf-8"))


@needs_shared
def test_shared_gold_titles_are_the_headlines():
    gold_dir = SHARED / "dev-gold"
    checked = 0
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        source = next(p for p in gold_dir.glob(f"{gold['id']}.*") if not p.name.endswith(".gold.json"))
        doc = cleaned(source)
        assert doc.title == (gold.get("title") or None), source.name
        checked += 1
    assert checked >= 4


def test_every_junk_phrase_holds_a_word_the_quick_check_looks_for():
    # cleaning skips the phrase pattern on lines without one of these words; a new phrase without
    # one would silently never be cut.
    from briefer.cleaning import _JUNK_PHRASE_WORDS, JUNK_PHRASES

    for pattern in JUNK_PHRASES:
        assert any(word in pattern for word in _JUNK_PHRASE_WORDS), pattern


def test_junk_phrases_are_cut_exactly_where_the_whole_pattern_matches():
    # cleaning looks for the phrases in cheaper ways (by their first letters, the credit sentence
    # only near a "contributed"); what it cuts must be what the one pattern of them all cuts.
    from briefer.cleaning import _cut_junk_phrases, _junk_phrase

    lines = [
        "He left. Scroll down for video   Abase Hussen, left, took his daughter to Syria.",
        "Scroll down for video",
        "It fell.  (Watch the video above.)  Then it rose. click to see the gallery",
        "The video showed a scroll. Click here. See video below",
        "CNN's Sam Stringer contributed to this report. Scroll down for pictures",
        (
            "He said it was over. Reuters contributed reporting. CLICK TO VIEW THE VIDEO. He left. "
            "AP writer Jo Roe contributed to this story."
        ),
        "a" * 300 + " contributed reporting.",
        "Nothing to cut here, though the video was long and the scroll old.",
    ]
    for line in lines:
        assert _cut_junk_phrases(line) == _junk_phrase.sub("\n", line).split("\n"), line


def test_caption_labels_are_cut_where_the_pattern_matches():
    # cleaning tries the label pattern only where its shape starts; the cuts must be those of
    # CAPTION_LABEL.sub over the whole text.
    import re

    from briefer.cleaning import _NAME_PART, CAPTION_LABEL, _drop_caption_labels, _label_after_name

    def reference(lines: list[str]) -> list[str]:
        text = "\n".join(lines)

        def keep_or_drop(m: re.Match[str]) -> str:
            before = text[: m.start()].rstrip()
            previous = before.rsplit(None, 1)[-1] if before else ""
            if previous[:1].isupper() and (previous[-1:] not in ".!?'\"’”)" or _NAME_PART.fullmatch(previous)):
                return "\n" if _label_after_name(m, text) else m.group(0)
            if re.search(rf"[a-z,;] {re.escape(m.group(1))}\b", text):
                return m.group(0)
            return "\n"

        return [line.strip() for line in CAPTION_LABEL.sub(keep_or_drop, text).split("\n") if line.strip()]

    for lines in [
        ["...their skin Her own biggest fan: Founder Yen Reis says it works.", "Risky regimen: Many pills a day"],
        ["It was over. Label: Another label: Text here, she said.", "Mr Hussen replied: 'No.'"],
        ["It shares a border with Nepal: China is to the north, and Nepal: India to the south."],
        ["The fans left. Who said: Nobody knows. Parking trap: Many motorists face fines."],
    ]:
        assert _drop_caption_labels(lines) == reference(lines), lines
