"""The summary: central sentences near the top, captions left out, in the article's order."""

from __future__ import annotations

from briefer.analysis import summary
from briefer.analysis.units import read_units

ARTICLE = (
    "The city council approved a new budget for schools on Monday after a long debate. "
    "The budget raises school spending by ten percent and hires two hundred teachers. "
    "Council member Jane Doe said the schools budget was overdue. "
    "The weather on Monday was mild. "
    "Parents welcomed the new schools budget and the extra teachers. "
    "A local bakery opened a second shop downtown."
)


def test_empty_and_one_sentence_articles():
    assert summary.rank([], 3) == []
    units = read_units("Only one sentence here, and it is long enough.")
    assert [u.text for u in summary.rank(units, 3)] == ["Only one sentence here, and it is long enough."]


def test_zero_sentences_asked_gives_nothing():
    assert summary.rank(read_units(ARTICLE), 0) == []


def test_central_sentences_near_the_top_in_article_order():
    units = read_units(ARTICLE)
    chosen = summary.rank(units, 2)
    assert chosen[0].text.startswith("The city council approved a new budget")
    assert "budget" in chosen[1].text
    assert [u.index for u in chosen] == sorted(u.index for u in chosen)


def test_off_topic_sentences_lose_to_central_ones():
    chosen = [u.text for u in summary.rank(read_units(ARTICLE), 4)]
    assert "A local bakery opened a second shop downtown." not in chosen
    assert "The weather on Monday was mild." not in chosen


def test_the_word_budget_limits_the_summary():
    chosen = summary.rank(read_units(ARTICLE), 6, max_words=30)
    assert sum(u.words for u in chosen) <= 36


def test_captions_never_make_the_summary():
    text = "Jane Doe, pictured, smiles at the schools budget vote. " + ARTICLE
    assert all("pictured" not in u.text for u in summary.rank(read_units(text), 3))
