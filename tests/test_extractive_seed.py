"""The extractive backend on the sample article: what a user reading the briefing would check."""

from __future__ import annotations

from pathlib import Path

import pytest

import briefer

SEED = Path(__file__).resolve().parent.parent / "seeds" / "alaska-summit.txt"


@pytest.fixture(scope="module")
def briefing() -> briefer.Briefing:
    settings = briefer.load_settings({"backend": "extractive"}, env={})
    return briefer.brief(SEED, settings=settings)


def test_the_people_of_the_story_are_actors(briefing):
    names = {a.name for a in briefing.actors}
    assert {"Donald Trump", "Vladimir Putin", "Cui Zheng", "Su Xiaohui", "Volodymyr Zelenskyy"} <= names


def test_short_forms_are_aliases_of_the_full_name(briefing):
    actors = {a.name: a for a in briefing.actors}
    assert "Trump" in actors["Donald Trump"].aliases
    assert "Su" in actors["Su Xiaohui"].aliases
    assert actors["Cui Zheng"].role.startswith("director of the Research Center")


def test_trump_position_quotes_productive(briefing):
    trump = [p for p in briefing.positions if p.actor == "Donald Trump"]
    assert any("'productive,'" in e.quote for p in trump for e in p.evidence)
    assert all(p.cue and p.confidence for p in trump)


def test_a_pronoun_continues_the_last_speaker(briefing):
    he = [p for p in briefing.positions if p.evidence[0].quote.startswith("He highlighted")]
    assert [p.actor for p in he] == ["Cui Zheng"]


def test_no_page_junk_anywhere(briefing):
    assert "Leave a Reply" not in briefing.model_dump_json()
    assert "Back To Top" not in briefing.model_dump_json()


def test_every_evidence_quote_is_the_text_at_its_span():
    settings = briefer.load_settings({"backend": "extractive", "include_text": True}, env={})
    full = briefer.brief(SEED, settings=settings)
    text = full.text
    for item in [*full.positions, *full.outcomes, *full.open_questions]:
        for e in item.evidence:
            assert text[e.start : e.end] == e.quote
