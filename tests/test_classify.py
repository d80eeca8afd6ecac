"""Outcomes and open questions: what the sentences say happened, and what they leave open."""

from __future__ import annotations

import pytest

from briefer.analysis import analyse, classify
from briefer.analysis.cues import Matcher, parse
from briefer.analysis.units import read_units


def verdict(sentence: str) -> classify.Verdict:
    return classify.score(read_units(sentence)[0])


@pytest.mark.parametrize(
    "sentence",
    [
        "A New York man pleaded guilty on Monday to threatening a congresswoman.",
        "He was arrested in April for the call.",
        "The judges dismissed his challenge and upheld the fine.",
        "Western Australia has decided to go it alone.",
        "Instead, they lost 24-17.",
    ],
)
def test_events_told_in_the_past_are_outcomes(sentence):
    assert classify.is_outcome(verdict(sentence), attributed=False, lead=False)


@pytest.mark.parametrize(
    "sentence",
    [
        "Sentencing is scheduled for Feb. 14.",
        "Eight midwives could face disciplinary action.",
        "The EPA is working to investigate whether the family was poisoned.",
        "Further protests are expected after the match.",
        "The path to peace remains long and uncertain.",
        "Prosecutors are preparing an appeal.",
        "And Turkey denies this history.",
        "The lawyer did not say who called the paramedics.",
        "Officials say they are going to rebuild the school.",
        "Evidence of life beyond Earth could come within a decade.",
        "CNN has not independently confirmed the rescue.",
        "Did she keep going because she could not stop herself?",
        "The new editions launch tomorrow in 14 countries.",
        "Hopefully they can work the kinks out.",
        "The team is far from finished dissecting their model.",
        "Erekat said they would take a series of measures against the decision.",
        "Mr Beavis said he would now be taking the case to the Supreme Court.",
        "Meanwhile, flight controllers continue their efforts to make contact with the craft.",
        "In a dispute the courts get involved to decide who legally owns the embryos.",
        "Price and gas mileage were not announced.",
        "The price wasn\u2019t announced.",
        "The victim has not been named by police.",
        "WeWork is reportedly being investigated by the New York State Attorney General.",
        "The merger is under review by regulators.",
        "The union has not ruled out more strikes in the summer.",
        "The minister refused to rule out a second vote.",
        "Police haven't ruled out foul play.",
        "It was not immediately clear when.",
        "It isn't clear who fired first.",
    ],
)
def test_what_is_pending_uncertain_or_disputed_is_an_open_question(sentence):
    assert classify.is_open(verdict(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "The use of the pesticide is restricted in the United States.",
        "Omar is one of the first two Muslim women in Congress.",
        "Still, the company has many regular customers.",
    ],
)
def test_background_and_states_are_neither(sentence):
    v = verdict(sentence)
    assert not classify.is_outcome(v, attributed=False, lead=False)
    assert not classify.is_open(v)


def test_a_speakers_future_counts_less_than_the_reporters():
    quoted = verdict('"We will fight on," she said.')
    reported = verdict("The council will fight on.")
    assert quoted.open < reported.open


def test_an_attributed_statement_needs_a_firmer_event_to_be_an_outcome():
    v = verdict("Jane Doe said she admired the decision.")
    assert classify.is_outcome(v, attributed=False, lead=False) and not classify.is_outcome(v, attributed=True, lead=False)


def test_the_lead_sentence_leans_towards_an_outcome():
    v = verdict("A new Kansas law is the first of its kind in the country.")
    assert classify.is_outcome(v, attributed=False, lead=True)


def test_item_text_trims_the_trailing_attribution():
    u = read_units("The ship is now spinning out of control, NASA said.")[0]
    assert classify.item_text(u) == "The ship is now spinning out of control."


def test_the_analysis_keeps_the_full_sentence_as_evidence():
    result = analyse("The ship is spinning out of control, NASA said. Docking has been cancelled.")
    assert [f.unit.text for f in result.outcomes] == ["Docking has been cancelled."]


def test_cue_phrases_match_by_words_with_stems_and_exclusions():
    m = Matcher([parse("appeal", "an|the appeal !court", 1.0), parse("probe", "investigat*", 1.0, not_first=True)])
    assert m.find("He lodged an appeal today.") == {"appeal": 1.0}
    assert m.find("He sat in the appeal court.") == {}
    assert m.find("Investigators came. Police are investigating.") == {"probe": 1.0}
    assert m.find("Investigators came.") == {}


@pytest.mark.parametrize(
    "sentence",
    [
        "He admitted going to two further rallies with his daughter.",  # going somewhere, not future
        "Richard Lloyd of the consumer group Which? backed the drivers.",  # a name's mark asks nothing
        "The tagline?",  # a short question sets up the answer that follows
        "Are you surprised by the price of fresh air?",  # asks the reader, not left open by the story
        "So what do we know about the new oxygen bar?",
        "Are you planning to visit?",  # the reader's plans: no open cue counts in a question to them
        "Soon after, he blamed the authorities for the failure.",  # soon after: when it happened
    ],
)
def test_look_alikes_of_open_cues_are_no_open_questions(sentence):
    assert not classify.is_open(verdict(sentence))


def test_a_name_or_a_price_given_is_no_open_question():
    assert not classify.is_open(verdict("The winner has been named."))
    assert not classify.is_open(verdict("The price was announced on Monday."))
    assert not classify.is_open(verdict("The police investigated the claim and found nothing."))


def test_the_writers_own_story_told_in_the_first_person_is_no_outcome():
    assert not classify.is_outcome(verdict("I changed my personal profile into a professional one weeks ago."), attributed=False, lead=True)
    assert not classify.is_outcome(verdict("My business account informed me that someone shared it."), attributed=False, lead=False)
    assert classify.is_outcome(verdict("She changed her personal profile into a professional one weeks ago."), attributed=False, lead=False)


def test_a_state_that_is_not_clear_to_someone_is_no_open_question():
    assert not classify.is_open(verdict("The rules were not clear to everyone."))
