"""Quotes are found exactly, or despite white space and quote-mark styles, never despite a changed word."""

from __future__ import annotations

from briefer.evidence import locate, make_evidence, verify
from briefer.models import Evidence

TEXT = "Putin praised a \u2018constructive atmosphere\u2019 of mutual\nrespect \u2014 and left."


def test_exact_quote():
    start, end = locate("of mutual\nrespect", TEXT)
    assert TEXT[start:end] == "of mutual\nrespect"


def test_straight_quotes_and_folded_space_find_the_curly_original():
    span = locate("Putin praised a 'constructive atmosphere' of  mutual respect - and left.", TEXT)
    assert span is not None
    assert TEXT[span[0] : span[1]] == TEXT.strip()


def test_changed_word_is_not_found():
    assert locate("Putin praised a 'friendly atmosphere'", TEXT) is None


def test_empty_quote_is_not_found():
    assert locate("   ", TEXT) is None


def test_verify_keeps_exact_spans_and_repairs_wrong_offsets():
    good = make_evidence(TEXT, 0, 5)
    assert verify(good, TEXT) == good
    moved = Evidence(quote="mutual", start=0, end=6)
    fixed = verify(moved, TEXT)
    assert fixed is not None and TEXT[fixed.start : fixed.end] == "mutual"
    assert verify(Evidence(quote="invented", start=0, end=8), TEXT) is None


def test_make_evidence_trims_white_space():
    e = make_evidence("  hello  ", 0, 9)
    assert (e.quote, e.start, e.end) == ("hello", 2, 7)
