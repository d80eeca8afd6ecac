"""The sentence splitter: abbreviations, initials, decimals, quotations, run-in captions."""

from __future__ import annotations

import pytest

from briefer.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_spans_are_exact_slices():
    text = 'He left.  "Why?" she asked.\n\nA new paragraph starts here.'
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text


def test_empty_and_blank_text_have_no_sentences():
    assert split_sentences("") == []
    assert split_sentences("   \n\n  ") == []


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith met Dr. Jones in St. Louis on Jan. 5 to talk.",
        "The U.S. Rep. Ilhan Omar, D-Minn., spoke in March.",
        "George W. Bush and J.K. Rowling never met.",
        "Growth was 3.5 per cent, up from 2.1 last year.",
        "In 2006, then-Sen. Obama hammered the administration.",
        "The report was first published by E! News on Monday.",
    ],
)
def test_stops_that_end_nothing(text):
    assert texts(text) == [text]


def test_abbreviation_before_a_sentence_opener_ends_the_sentence():
    assert texts("He moved to the U.S. The move was hard.") == ["He moved to the U.S.", "The move was hard."]


def test_an_initial_before_a_word_no_name_goes_on_with_ends_the_sentence():
    text = "It concerned the mother known as Patient A. Ms Hamilton said the baby died."
    assert texts(text) == ["It concerned the mother known as Patient A.", "Ms Hamilton said the baby died."]
    assert texts("He met Malcolm X. He was impressed.") == ["He met Malcolm X.", "He was impressed."]


def test_a_quote_ending_with_its_speech_tag_is_one_sentence():
    text = '"We needed to win this game," Lynn said. "Yes, we did."'
    assert texts(text) == ['"We needed to win this game," Lynn said.', '"Yes, we did."']


def test_a_sentence_ending_inside_a_quote_ends_after_the_closing_mark():
    assert texts("He said 'there's no deal.' Then he left.") == ["He said 'there's no deal.'", "Then he left."]


def test_question_then_lower_case_speech_tag_stays_whole():
    assert texts('"Why now?" she asked. It was late.') == ['"Why now?" she asked.', "It was late."]


def test_paragraph_break_always_ends_a_sentence():
    assert texts("A headline without a stop\n\nThe body begins.") == ["A headline without a stop", "The body begins."]


def test_a_caption_run_into_the_prose_is_cut_before_the_next_sentence():
    text = "Hussen took his daughter, right, to a demonstration aged just 13 It then emerged he had been filmed."
    assert texts(text) == [
        "Hussen took his daughter, right, to a demonstration aged just 13",
        "It then emerged he had been filmed.",
    ]


def test_a_sentence_adverb_and_a_comma_after_a_word_start_a_sentence():
    # A related-link headline glued to the next paragraph.
    assert texts("The high price of public shaming online Sure, McHenry probably feels entitled.") == [
        "The high price of public shaming online",
        "Sure, McHenry probably feels entitled.",
    ]


def test_a_short_quoted_title_ending_the_sentence_is_no_new_sentence():
    text = "He appeared on hit singles like 1978\u2019s \u201cWhat a Fool Believes.\u201d He later toured."
    assert texts(text) == [
        "He appeared on hit singles like 1978\u2019s \u201cWhat a Fool Believes.\u201d",
        "He later toured.",
    ]


def test_no_run_in_boundary_inside_an_open_quotation():
    text = "He began the intro to \u201cTakin\u2019 It to the Streets.\u201d The crowd roared."
    assert texts(text) == ["He began the intro to \u201cTakin\u2019 It to the Streets.\u201d", "The crowd roared."]
    assert len(texts('They played "Rockin\' It in the Free World" and left.')) == 1
    # Outside the quotation a run-in still cuts.
    assert len(texts("He sang \u201cBlack Water\u201d at the show aged just 13 It then emerged he was good.")) == 2


def test_a_capitalised_opener_inside_a_title_is_no_boundary():
    assert texts("She starred in Gone With The Wind and won.") == ["She starred in Gone With The Wind and won."]


def test_a_quote_after_said_is_no_boundary():
    assert texts('He said "It was over" and left.') == ['He said "It was over" and left.']


def test_a_name_with_an_age_glued_to_a_caption_starts_a_sentence():
    text = "They abandoned the cars to flee the country Clarkson, 55, and the others fled with an escort."
    assert texts(text) == ["They abandoned the cars to flee the country", "Clarkson, 55, and the others fled with an escort."]


def test_a_name_and_a_verb_after_a_date_start_the_sentence_a_caption_ran_into():
    text = "Carver is relishing the chance to lead his club against Sunderland on Sunday Gullit decided not to start Shearer."
    assert texts(text) == [
        "Carver is relishing the chance to lead his club against Sunderland on Sunday",
        "Gullit decided not to start Shearer.",
    ]


def test_the_and_a_name_after_a_plain_word_start_the_sentence_a_caption_ran_into():
    text = "Tom Wood is keen to regain their form after some poor results The Saints were dumped out of the cup."
    assert texts(text) == [
        "Tom Wood is keen to regain their form after some poor results",
        "The Saints were dumped out of the cup.",
    ]


def test_a_titled_name_and_a_verb_after_a_plain_word_start_the_sentence_a_caption_ran_into():
    text = "Leishman has withdrawn from the competition to be with his wife Masters chairman Billy Payne talked a lot."
    assert texts(text) == [
        "Leishman has withdrawn from the competition to be with his wife",
        "Masters chairman Billy Payne talked a lot.",
    ]
    # After a word that leads into a name, the title and the name are its object.
    assert len(texts("The club was sold to a group led by Chelsea owner Roman Abramovich in the spring.")) == 1


def test_a_full_name_or_an_owner_and_a_verb_after_a_plain_word_start_the_sentence_a_caption_ran_into():
    assert texts("The speech has been viewed over 100,000 times online Daniel's speech documented his love.") == [
        "The speech has been viewed over 100,000 times online",
        "Daniel's speech documented his love.",
    ]
    assert texts("Ben dwarfs the other 86 ewes born at the same farm this season Ben's arrival came early.") == [
        "Ben dwarfs the other 86 ewes born at the same farm this season",
        "Ben's arrival came early.",
    ]
    assert texts("The club was trailing at the break after a run down the wing Jack Nicklaus showed the way.")[1] == (
        "Jack Nicklaus showed the way."
    )
    assert texts("In 1990, immigrants accounted for just 7.9 per cent of U.S. population U.S population could grow.") == [
        "In 1990, immigrants accounted for just 7.9 per cent of U.S. population",
        "U.S population could grow.",
    ]
    for text in (
        "Excluding these items, we believe Q3 comps would have been closer to 5%.",
        "David de Gea was given a start by Vicente del Bosque but could not keep out the header.",
    ):
        assert len(texts(text)) == 1, text
    # After a one-word name after "the" ("at the Masters"), but not after a capitalised word the
    # name goes on from, a role, or a conjunction.
    assert texts("The tree is displayed during a news conference at the Masters Jack Nicklaus showed the way.") == [
        "The tree is displayed during a news conference at the Masters",
        "Jack Nicklaus showed the way.",
    ]
    for text in (
        "Obama's current Ambassador to the United Nations Samantha Power hammered U.S. policy makers.",
        "They were trailing after a break by lively substitute Daryl Clark created the opening.",
        "Phil Dollman is out with a leg injury, so Byron McGuigan takes over at full back for Exeter.",
    ):
        assert len(texts(text)) == 1, text


def test_a_caption_label_after_a_plain_word_starts_a_caption():
    text = "The lamb weighs twice the average, towering over his peers Proud mum: Jean with her huge son."
    assert texts(text) == ["The lamb weighs twice the average, towering over his peers", "Proud mum: Jean with her huge son."]


@pytest.mark.parametrize(
    "text",
    [
        "A source told the Sunday Times: 'The 100 include teachers.'",  # a name, then its colon
        "Mr Hussen replied: 'Not at all.'",  # a speech verb
        "She visited the clinic Skin Therapy: 'After two weeks I was amazed.'",  # a capitalised name
    ],
)
def test_a_colon_after_a_name_or_a_speech_verb_is_no_label(text):
    assert texts(text) == [text]


def test_an_irregular_past_makes_the_clause_before_a_date_and_a_name():
    text = "Kevin Sinfield made his 500th appearance for the club on Friday night Ratchford kicked his third goal."
    assert texts(text) == [
        "Kevin Sinfield made his 500th appearance for the club on Friday night",
        "Ratchford kicked his third goal.",
    ]


def test_a_quotation_opening_on_i_after_a_plain_word_starts_a_sentence():
    text = "The Saints were dumped out as Clermont ran riot on their home turf 'I don't think anyone switches off.'"
    assert texts(text) == [
        "The Saints were dumped out as Clermont ran riot on their home turf",
        "'I don't think anyone switches off.'",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "She wrote that she seeks no leniency, adding 'I accept things I cannot change.'",
        'She said "I am on television" and "I would not talk to you" before she left.',
        "He knew that I was wrong about the plan and said so.",
    ],
)
def test_i_after_a_speech_verb_a_conjunction_or_without_a_quotation_is_no_boundary(text):
    assert texts(text) == [text]


def test_a_caption_after_a_name_and_a_present_verb_ends_on_a_time_before_the_next_sentence():
    text = "Warrington forward Roy Asotasi crosses for one of five tries on the night Warrington had produced their best."
    assert texts(text) == [
        "Warrington forward Roy Asotasi crosses for one of five tries on the night",
        "Warrington had produced their best.",
    ]


def test_a_title_with_the_inside_a_sentence_is_no_boundary():
    assert texts("He was reading The Times and said nothing more about it.") == [
        "He was reading The Times and said nothing more about it."
    ]


@pytest.mark.parametrize(
    "text",
    [
        "In a statement released on Monday Smith said the plan was sound.",  # no clause before the name
        "He told reporters on Monday Smith was wrong about the plan.",  # reported speech goes on
    ],
)
def test_a_name_after_a_date_is_no_boundary_without_two_clauses(text):
    assert texts(text) == [text]


def test_a_role_word_before_a_name_with_an_age_is_no_boundary():
    text = "'We are the future,' said founder Yen Reis, 36, who runs it."
    assert texts(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "Mr. Smith met Dr. Jones. Then they left.",
        "\n\nA paragraph after blank lines. And a second sentence.",
        "Abase Hussen, left, took his daughter to a rally aged just 13 It then emerged she had fled.",
        "The fans were angry Ms Green, 42, said the club had let them down.",
        '"Why?" she asked. "Because," he said.',
        "No stop at all in this paragraph\n\nThe next one has one.",
        "A first sentence ends here. A caption aged just 13 It then emerged she had fled.",
        "The talks ended (at last.) \"The fans left,\" she said. Mr Green, 42, said more.",
    ],
)
def test_first_sentence_is_the_first_of_the_split(text):
    from briefer.sentences import first_sentence

    sentences = split_sentences(text)
    assert first_sentence(text) == (sentences[0] if sentences else None)


@pytest.mark.parametrize(
    "text",
    [
        "Abase Hussen, left, took his daughter to a rally aged just 13 It then emerged she had fled.",
        "He said 'It was over' and left. The end'  \"They came,\" he said. Her mother A Smith",
        'The fans were angry" "The club, he said, It was "  It is late',
        "Plan A is fine. We went to Air Force One It was late.",
    ],
)
def test_run_ins_are_found_where_the_pattern_matches(text):
    # sentences tries the run-in pattern only before an opener; it must find what a scan finds.
    from briefer.sentences import _RUN_IN, _run_in_matches

    for start in range(0, len(text), 7):
        for end in (len(text), len(text) - 5):
            found = [(m.span(), m.groups()) for m in _run_in_matches(text, start, end)]
            assert found == [(m.span(), m.groups()) for m in _RUN_IN.finditer(text, start, end)]


def test_an_alternation_matches_what_the_plain_one_does():
    import re

    from briefer.lexicon import alternation

    words = ["An", "A", "After", "It", "I", "a.b", "Its"]
    grouped, plain = re.compile(alternation(words)), re.compile("|".join(map(re.escape, words)))
    for text in ["An apple", "After it", "Its", "I", "It", "a.b", "axb", "Aft", ""]:
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)], text


@pytest.mark.parametrize(
    "caption, sentence",
    [
        # A plain noun, capitalised, then its verb.
        ("The images show the arrow-shaped genitalia that macaques in the area have", "Videos also revealed that the new species squeals."),
        # An adverb or a gerund, capitalised, then a lower-case word.
        ("The white-cheeked macaque has a rounded penis compared to other macaques", "Officially named Macaca leucogenys, it earned its name."),
        ("He spent eight hours waiting to capture his images of the Colima volcano", "Getting close enough to an erupting volcano is dangerous."),
        # A titled name, an adverb, then its verb.
        ("This sequence of images shows the lightning flashes as the volcano erupted", "Mr Cervantes also managed to capture the lava."),
    ],
)
def test_a_plain_word_or_a_titled_name_opening_a_sentence_after_a_caption(caption, sentence):
    assert texts(f"{caption} {sentence}") == [caption, sentence]


@pytest.mark.parametrize(
    "text",
    [
        '"This fight with Taylor is not something Scooter agrees with," the insider added of the row.',  # in a quotation
        "She gathered the evidence she needed to prove Mr Ray was breaking the terms of the order.",  # no adverb
        "The immigrant population of the United States could reach a record high in the next decade.",  # a name
    ],
)
def test_a_capitalised_word_inside_a_quotation_or_a_name_or_a_verbs_object_is_no_boundary(text):
    assert texts(text) == [text]


def test_a_label_in_capitals_after_a_name_starts_a_fact_box():
    text = "Bueno has scored 17 goals this season and could soon move to Porto AGE: 27 CLUBS (League record only)"
    assert texts(text) == [
        "Bueno has scored 17 goals this season and could soon move to Porto",
        "AGE: 27 CLUBS (League record only)",
    ]


def test_a_number_word_starts_a_sentence_but_goes_on_with_a_name():
    text = "Barry Beavis lost his case at the Court of Appeal Millions of motorists face fines after judges ruled."
    assert texts(text) == [
        "Barry Beavis lost his case at the Court of Appeal",
        "Millions of motorists face fines after judges ruled.",
    ]
    assert len(texts("He was born a year before World War Two broke out in Europe.")) == 1
    assert len(texts("The lorry had seen better days Three men were arrested at the scene.")) == 2
    # "One" too, opening a quotation: "... in every conversation | 'One day you came along.'"
    assert len(texts("He would mention her name in every conversation 'One day you came along,' he said.")) == 2
    assert len(texts("The president boarded Air Force One on Monday morning.")) == 1
