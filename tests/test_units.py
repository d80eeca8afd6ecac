"""Captions and page furniture flagged at the sentence level; quotations tracked across sentences."""

from __future__ import annotations

import pytest

from briefer.analysis.units import is_caption, quotation_spans, read_units


@pytest.mark.parametrize(
    "sentence",
    [
        "Amira Abase, pictured, was one of three girls who flew to Turkey.",
        "Stefan de Vrij (right) headed Holland in front against Spain.",
        "Gerard Pique (left) and Dani Carvajal (centre) could do nothing.",
        "Scroll down for video.",
        "CNN's Sam Stringer contributed to this report.",
        "This article has been adapted from its original source.",
        "Originally published on Live Science.",
        "A LONG, DRAWN OUT HISTORY OF TAYLOR SWIFT'S FEUDS",
        "Parking trap: Many motorists face steep fines for running over.",
        "As well as threatening violence, Mr Ray nailed the shed door shut (see photo held by Ms Jackson)",
        "The man had recently returned to the UK from a holiday in Algeria (file photo)",
        "Mr Cervantes (shown above) spent eight hours waiting to capture his images",
        "Is there something we should know? Email the writer at jo.roe@example.com.",
        "If you wish to conceal your identity, here are the instructions for using SecureDrop.",
        "He also managed to capture this night-time image above of lava spilling from the volcano",
    ],
)
def test_captions_and_furniture_are_captions(sentence):
    assert is_caption(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Asked why he was pictured at the front of the mob, he said it was the crowd.",
        "He said: 'The crowd pushed me.'",
        "The judges ruled that the fine was fair, the court heard.",
        "She turned left at the lights and drove on.",
        "The photo (taken in 2014) shows the two men together.",
        "The images were shown above the fold of the front page.",
    ],
)
def test_prose_is_not_a_caption(sentence):
    assert not is_caption(sentence)


def test_a_run_in_fragment_is_a_caption_but_the_first_sentence_is_not():
    units = read_units("A crowd gathered at the gate before the match Fans show off a banner outside It was loud.")
    # The article's first sentence stays, even unstopped; a later fragment cut by a run-in is a caption.
    assert [u.caption for u in units] == [False, True, False]


def test_the_sentence_after_a_caption_marker_is_kept():
    units = read_units("The retail site, pictured above, offers free parking late Richard Lloyd said the fine was too high.")
    assert [(u.caption, u.text) for u in units] == [
        (True, "The retail site, pictured above, offers free parking late"),
        (False, "Richard Lloyd said the fine was too high."),
    ]


def test_quotation_marks_straight_and_curly_make_spans():
    text = 'He said "yes" and she said \u2018no\u2019.'
    spans = [text[s:e] for s, e in quotation_spans(text)]
    assert spans == ['"yes"', "\u2018no\u2019"]


def test_apostrophes_are_not_quotation_marks():
    text = "King's College and the fans' tickets don't count."
    assert quotation_spans(text) == []


def test_a_quotation_over_several_sentences_is_tracked():
    units = read_units("\u2018I feel tricked. I did not know who they were. I just followed the crowd.\u2019 He left.")
    assert [(u.opens_inside, u.leaves_open) for u in units] == [
        (False, True),
        (True, True),
        (True, False),
        (False, False),
    ]


def test_an_unclosed_quotation_ends_where_the_next_one_opens():
    text = "Ellis said: \u2018I would be in favour. \u2018It is shocking.\u2019"
    spans = [text[s:e] for s, e in quotation_spans(text)]
    assert spans == ["\u2018I would be in favour.", "\u2018It is shocking.\u2019"]


def test_outside_quotes_blanks_the_quotation_and_keeps_offsets():
    u = read_units('"We will fight," she said.')[0]
    assert u.outside_quotes() == '___ ____ _______ she said.'
    assert len(u.outside_quotes()) == len(u.text)


def test_an_unstopped_last_sentence_of_a_paragraph_is_a_caption():
    units = read_units(
        "Villegas recorded two aces. He beat the field. "
        "Camilo Villegas recorded two aces during the contest, beating Jack Nicklaus' solitary hole-in-one"
    )
    assert [u.caption for u in units] == [False, False, True]


def test_a_subheading_inside_the_body_is_no_statement():
    units = read_units(
        "The Doobie Brothers will tour in 2020.\n\nThe Doobie Brothers Tour Dates\n\n"
        "Tickets go on sale on Friday.\n\nA line with no stop that states something"
    )
    assert [u.caption for u in units] == [False, True, False, False]


@pytest.mark.parametrize(
    "text",
    [
        "A headline with no stop",  # alone in its paragraph
        "He said it was over. He called the deal 'a disaster'",  # ends on a closing quotation mark
    ],
)
def test_a_paragraph_ending_without_a_stop_keeps_its_prose(text):
    assert not any(u.caption for u in read_units(text))


def test_a_quotation_opening_on_i_ends_the_caption_before_it():
    units = read_units(
        "Paul Casey, pictured in action last month, is the last qualifier at the Masters "
        "'I was very relieved and now I am just so excited,' said Casey, who played there in 2012."
    )
    assert [(u.caption, u.text[:12]) for u in units] == [(True, "Paul Casey, "), (False, "'I was very ")]


def test_a_straight_mark_alone_between_spaces_closes_the_open_quotation():
    text = "'We were blown away by the event. The robots will dance for four days. ' Next came the talks."
    spans = quotation_spans(text)
    assert spans == [(0, text.index(" Next"))]


def test_a_caption_label_before_a_name_keeps_the_name_whole():
    units = read_units(
        "She was stalked by her neighbour. "
        "Terrified: Emma Jackson, 28, was subjected to abuse by her neighbour Now Ms Jackson has moved home."
    )
    assert [u.text for u in units if not u.caption] == ["She was stalked by her neighbour.", "Now Ms Jackson has moved home."]


@pytest.mark.parametrize(
    ("patterns", "first", "starts_at_word"),
    [("CAPTION_MARKERS", "CAPTION_FIRST", False), ("FURNITURE_SENTENCES", "FURNITURE_FIRST", True)],
)
def test_the_first_letters_looked_for_cover_every_caption_and_furniture_pattern(patterns, first, starts_at_word):
    # units looks ahead for these characters before trying the patterns; a pattern added to the
    # lexicon that starts otherwise would silently never match.
    import re

    from briefer import lexicon
    from briefer.analysis import units

    letters = getattr(units, first)
    samples = [
        "Amira Abase, pictured, was one of three girls. Gerard Pique (left) and Dani Carvajal ( centre ).",
        "The pair pictured leaving court. Pictured: the scene. Scroll down for the video. Click here to see it.",
        "Pictured", "CNN's Sam Stringer contributed to this report. This story was updated on Monday.",
        "Additional reporting by Jo Roe. Follow us on Twitter. Read more about it here.",
        "All rights reserved. She is a senior reporter for the Times.", "Updated: 12 May 2016",
        "Originally published on Live Science.", "He nailed the door shut (see photo held by Ms Jackson)",
        "Mr Cervantes (shown above) waited. The images above and the photo below show the lava.",
        "Email the writer at jo.roe@example.com. Here are the instructions for using SecureDrop.",
    ]
    for pattern in getattr(lexicon, patterns):
        plain = re.compile(pattern, re.IGNORECASE)
        found = [(s, m.start()) for s in samples for m in plain.finditer(s)]
        for s, at in found:
            assert s[at] in letters or s[at].lower() in letters, (pattern, s[at:])
            assert not starts_at_word or at == 0 or not (s[at - 1].isalnum() or s[at - 1] == "_"), pattern
        assert found, f"no sample sentence for {pattern}: add one"


@pytest.mark.parametrize(
    "sentence", ["", "...", "One two three four.", "One two three four five.", "U.S.-based don't 42 x", "abc" * 40, "a b c d e f"]
)
def test_has_words_agrees_with_the_count(sentence):
    for n in range(8):
        assert read_units(sentence or ".")[0].has_words(n) == (read_units(sentence or ".")[0].words >= n)


def test_a_closing_mark_typed_to_open_a_quotation_opens_it():
    text = "Casey said, smiling:\u2019It would be nice. It did affect me.\u2019 Casey will play next week."
    spans = quotation_spans(text)
    assert [text[s:e] for s, e in spans] == ["\u2019It would be nice. It did affect me.\u2019"]
    # Elisions and plural possessives stay apostrophes.
    assert quotation_spans("The fans\u2019 rock \u2019n\u2019 roll of the \u201990s.") == []
