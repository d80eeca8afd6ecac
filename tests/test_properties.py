"""The evidence guarantee, checked on every sample we have and on generated articles:
every item has evidence, every quote is an exact slice of the clean text, every position's actor
is a listed actor."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import briefer
from briefer.settings import Settings

SETTINGS = Settings(include_text=True)


def check(b: briefer.Briefing) -> None:
    text = b.text
    assert text is not None and b.source.chars == len(text)
    names = {a.name for a in b.actors}
    assert len(names) == len(b.actors), "actor names are unique"
    for item in [*b.positions, *b.outcomes, *b.open_questions]:
        assert item.evidence
        for e in item.evidence:
            assert text[e.start : e.end] == e.quote
    for p in b.positions:
        assert p.actor in names


def _samples() -> list[Path]:
    root = Path(__file__).resolve().parent.parent
    found = sorted((root / "seeds").iterdir())
    shared = root.parent / "shared"
    for folder in ("dev-gold", "corpus/summaries", "corpus/pages"):
        if (shared / folder).is_dir():
            found += sorted(p for p in (shared / folder).iterdir()
                            if p.suffix in {".txt", ".html", ".md"} and not p.name.endswith((".ref.txt", ".truth.txt")))
    return found


@pytest.mark.parametrize("path", _samples(), ids=lambda p: p.name)
def test_every_sample_keeps_the_guarantee(path):
    check(briefer.brief(path, settings=SETTINGS))


def test_the_guarantee_holds_across_many_chunks(seed):
    b = briefer.brief(seed, settings=Settings(include_text=True, max_chunk_tokens=40))
    assert b.source.chunks > 5
    check(b)


NAMES = ["Ann Lee", "Mr. Bo Chen", "the Harbor Authority", "Dr. Ola Sørensen", "NATO", "Washington", "He", "They"]
VERBS = ["said", "told reporters", "warned", "added", "denied", "according to"]
CLAIMS = ["the deal is off", "talks will resume in May", "nothing was agreed", "it remains unclear who pays",
          "the court ruled against the plan", "prices rose 3.5%"]


@st.composite
def sentences(draw) -> str:
    who, verb, claim = draw(st.sampled_from(NAMES)), draw(st.sampled_from(VERBS)), draw(st.sampled_from(CLAIMS))
    shape = draw(st.integers(0, 3))
    if shape == 0:
        return f'"{claim.capitalize()}," {who} {verb}.'
    if shape == 1:
        return f"{who} {verb} that {claim}."
    if shape == 2:
        return f"{claim.capitalize()}, {verb} {who}."
    noise = draw(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40))
    return f"{who} {noise} {claim}?"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(sentences(), min_size=1, max_size=5), min_size=1, max_size=6),
       st.sampled_from(["text", "markdown"]), st.integers(40, 400))
def test_the_guarantee_holds_on_generated_articles(paragraphs, fmt, budget):
    body = "\n\n".join(" ".join(p) for p in paragraphs)
    try:
        b = briefer.brief_text(body, format=fmt, settings=Settings(include_text=True, max_chunk_tokens=budget))
    except briefer.InputError:
        return  # nothing but junk or white space: refused with a message, which is also fine
    check(b)
