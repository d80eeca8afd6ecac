"""Properties of the extractive backend on generated articles: evidence is always the text itself."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import briefer
from briefer.errors import InputError

NAMES = ["Jane Doe", "Mr Smith", "Dr. Ann Lee", "NASA", "the company", "Russia", "an insider", "He", "She", "They"]
VERBS = ["said", "told reporters", "warned", "added", "denied", "argued", "according to"]
CLAUSES = [
    "the plan will fail", "talks were productive", "the fine was unfair", "prices rose 3.5 per cent",
    "the U.S. Rep. was arrested on Jan. 5", "nobody knows whether it works", "the team lost 24-17",
]
WORDS = st.sampled_from(["", " ", "\u00a0", "'", '"', "\u2018", "\u2019", "\u201c", "\u201d", ",", ".", "?", " (left) ", ", pictured, "])


@st.composite
def sentence(draw) -> str:
    name, verb, clause = draw(st.sampled_from(NAMES)), draw(st.sampled_from(VERBS)), draw(st.sampled_from(CLAUSES))
    form = draw(st.integers(0, 4))
    noise = draw(WORDS)
    if form == 0:
        return f'"{clause.capitalize()}," {name} {verb}.{noise}'
    if form == 1:
        return f"{name} {verb} {clause}{noise}."
    if form == 2:
        return f"{clause.capitalize()}, {verb} {name}.{noise}"
    if form == 3:
        return f"\u2018{clause.capitalize()}.\u2019{noise}"
    return draw(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40))


@st.composite
def article(draw) -> str:
    paragraphs = draw(st.lists(st.lists(sentence(), min_size=1, max_size=4), min_size=1, max_size=4))
    return "\n\n".join(" ".join(p) for p in paragraphs)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article(), st.sampled_from([64, 3000]))
def test_every_evidence_quote_is_the_clean_text_at_its_span(text, max_tokens):
    config = briefer.load_settings(
        {"backend": "extractive", "include_text": True, "max_chunk_tokens": max_tokens}, env={}
    )
    try:
        b = briefer.brief_text(text, settings=config)
    except InputError:
        return  # nothing left to brief after cleaning: the CLI reports it; no evidence to check
    clean = b.text
    names = {a.name for a in b.actors}
    for item in [*b.positions, *b.outcomes, *b.open_questions]:
        assert item.evidence
        for e in item.evidence:
            assert clean[e.start : e.end] == e.quote
    for p in b.positions:
        assert p.actor in names
        assert p.confidence is None or 0 <= p.confidence <= 1
