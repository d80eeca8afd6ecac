"""Merging drafts of several chunks into one briefing."""

from __future__ import annotations

from briefer.evidence import make_evidence
from briefer.merging import merge, pick_summary, title_from_lead
from briefer.models import (
    Actor, Article, BackendInfo, Chunk, Document, Draft, Evidence, Item, Position, SummarySentence,
)

TEXT = "Donald Trump met Vladimir Putin. Trump said talks went well.\n\nPutin said nothing was agreed."


def _doc(title: str | None = "Talks") -> Document:
    art = Article(name="t.txt", content=TEXT, format="text", sha256="0" * 64)
    return Document(article=art, title=title, text=TEXT)


def _chunks() -> list[Chunk]:
    cut = TEXT.index("Putin said")
    return [
        Chunk(index=0, start=0, end=cut, text=TEXT[:cut], tokens=10),
        Chunk(index=1, start=cut, end=len(TEXT), text=TEXT[cut:], tokens=5),
    ]


def _ev(chunk: Chunk, quote: str) -> Evidence:
    i = chunk.text.index(quote)
    return make_evidence(chunk.text, i, i + len(quote))


def test_spans_map_back_and_actors_unify_across_chunks():
    c0, c1 = _chunks()
    drafts = [
        Draft(chunk=0, actors=[Actor(name="Donald Trump", kind="person", mentions=2),
                               Actor(name="Vladimir Putin", kind="person")],
              positions=[Position(actor="Trump", text="talks went well",
                                  evidence=[_ev(c0, "Trump said talks went well.")])]),
        Draft(chunk=1, actors=[Actor(name="Putin", kind="person")],
              positions=[Position(actor="Putin", text="nothing was agreed",
                                  evidence=[_ev(c1, "Putin said nothing was agreed.")])]),
    ]
    # "Trump" is only an alias the merge must find through the surname.
    drafts[0].actors.append(Actor(name="Trump", kind="person"))
    b = merge(_doc(), [c0, c1], drafts, backend=BackendInfo(name="test"))
    names = [a.name for a in b.actors]
    assert names == ["Donald Trump", "Vladimir Putin"]
    putin = b.actors[1]
    assert "Putin" in putin.aliases and putin.mentions == 2
    assert [p.actor for p in b.positions] == ["Donald Trump", "Vladimir Putin"]
    for p in b.positions:
        for e in p.evidence:
            assert TEXT[e.start : e.end] == e.quote
    assert b.positions[1].evidence[0].start == TEXT.index("Putin said")


def test_unverifiable_items_are_dropped_with_a_warning():
    c0, c1 = _chunks()
    bad = Item(text="made up", evidence=[Evidence(quote="Putin conceded everything", start=0, end=5)])
    good = Item(text="met", evidence=[_ev(c0, "Donald Trump met Vladimir Putin.")])
    b = merge(_doc(), [c0, c1], [Draft(chunk=0, outcomes=[bad, good, good])], backend=BackendInfo(name="t"))
    assert [o.text for o in b.outcomes] == ["met"]  # the duplicate went too
    assert any("dropped 1 item" in w for w in b.warnings)


def test_positions_of_unlisted_actors_are_dropped():
    c0, c1 = _chunks()
    p = Position(actor="Nobody Known", text="x", evidence=[_ev(c0, "Trump said talks went well.")])
    b = merge(_doc(), [c0, c1], [Draft(chunk=0, positions=[p])], backend=BackendInfo(name="t"))
    assert b.positions == [] and any("Nobody Known" in w for w in b.warnings)


def test_missing_headline_gives_lead_title_and_warning():
    b = merge(_doc(title=None), _chunks(), [], backend=BackendInfo(name="t"))
    assert b.title == "Donald Trump met Vladimir Putin"
    assert any("no headline" in w for w in b.warnings)
    long = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen."
    assert title_from_lead(long) == "One two three four five six seven eight nine ten eleven twelve…"


def test_summary_keeps_document_order_of_best_sentences():
    def s(t, score):
        i = TEXT.index(t)
        return SummarySentence(text=t, score=score, evidence=[make_evidence(TEXT, i, i + len(t))])
    cands = [s("Donald Trump met Vladimir Putin.", 0.5), s("Trump said talks went well.", 0.1),
             s("Putin said nothing was agreed.", 0.9)]
    assert pick_summary(cands, 2, TEXT) == "Donald Trump met Vladimir Putin. Putin said nothing was agreed."
    assert pick_summary(cands, 0, TEXT) == ""
