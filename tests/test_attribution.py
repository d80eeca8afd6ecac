"""Attribution: who said what, from reporting verbs, quotations, pronouns and descriptions."""

from __future__ import annotations

import pytest

from briefer.analysis import analyse


def said(text: str) -> list[tuple[str, str]]:
    """Return (speaker, sentence start) for every position the analysis finds."""
    return [(f.actor.name, f.unit.text[:24]) for f in analyse(text).positions]


def speakers(text: str) -> list[str]:
    return [f.actor.name for f in analyse(text).positions]


@pytest.mark.parametrize(
    "text",
    [
        '"We needed to win this game," Anthony Lynn said.',
        '"We needed to win this game," said Anthony Lynn.',
        'Anthony Lynn said: "We needed to win this game."',
        "Anthony Lynn said that the team needed to win the game.",
        "Anthony Lynn said the team needed to win the game.",
        "According to Anthony Lynn, the team needed to win the game.",
        "The team needed to win the game, according to Anthony Lynn.",
        "Anthony Lynn told reporters the team needed to win the game.",
        "Anthony Lynn warned that the team needed to win the game.",
    ],
)
def test_the_basic_forms_of_attribution(text):
    assert speakers(text) == ["Anthony Lynn"]


@pytest.mark.parametrize(
    "verb",
    ["argued", "insisted", "stressed", "noted", "denied", "claimed", "admitted", "confessed", "praised", "urged", "believes", "sang", "remembers"],
)
def test_a_broad_list_of_speech_and_stance_verbs(verb):
    assert speakers(f"Jane Doe {verb} the plan was sound.") == ["Jane Doe"]


def test_an_appositive_between_speaker_and_verb_gives_the_speaker_and_a_role():
    result = analyse("Hugh Hill, a doctor at St Mary's Hospital, said the patient was stable.")
    assert [f.actor.name for f in result.positions] == ["Hugh Hill"]
    assert result.positions[0].actor.role == "a doctor at St Mary's Hospital"


def test_a_split_quote_belongs_to_the_speaker_named_between_its_parts():
    text = '"We will appeal," Jane Doe said. "The ruling is wrong and we will prove it."'
    assert said(text) == [("Jane Doe", '"We will appeal," Jane D'), ("Jane Doe", '"The ruling is wrong and')]


def test_every_sentence_of_a_quotation_goes_to_its_speaker():
    text = "Roy Bentham of the club said: \u2018We want lower prices. We may lose fans otherwise.\u2019"
    assert speakers(text) == ["Roy Bentham", "Roy Bentham"]


def test_a_pronoun_continues_the_last_compatible_speaker():
    text = "Carol Tobias said the law was a first. Tom Burke disagreed with her. \"It will spread,\" she said."
    assert said(text)[-1] == ("Carol Tobias", '"It will spread," she sa')


def test_a_pronoun_with_no_compatible_speaker_is_no_position():
    assert speakers('The weather turned. "It will be cold," he said.') == []


def test_a_description_continues_the_person_it_describes():
    text = (
        "The family has hope, according to a statement from the family's attorney, James Maron. "
        'The attorney added: "The family is confident."'
    )
    assert speakers(text) == ["James Maron", "James Maron"]


def test_according_to_ends_with_its_phrase():
    # What follows the comma is the report, not its source.
    text = "According to The Verge's review, the platform does not run Destiny 2 at 4K."
    assert speakers(text) == ["Verge"]


def test_according_to_an_owners_document_goes_to_the_owner():
    text = "The budget was cut, according to a statement on Brownback's website."
    assert speakers(text) == ["Brownback"]
    # A possessive that is part of a longer name is no owner.
    assert "People" not in speakers("The kite was grounded, according to the People's Daily Online.")


def test_a_spokesman_speaks_for_his_organisation():
    assert speakers("A spokesman for Terminix wrote that the company was looking into it.") == ["Terminix"]


def test_a_ministry_speaks_for_its_country():
    assert speakers("Russia's foreign ministry said the move would heighten tensions.") == ["Russia"]


def test_an_unnamed_speaker_becomes_a_group():
    text = 'Scooter Braun is unhappy. "He is frustrated," an insider told the outlet on Monday.'
    assert "Insider" in speakers(text)


@pytest.mark.parametrize(
    "text, group",
    [
        ("Charities last night welcomed the move, saying it could prevent hundreds of deaths.", "Charities"),
        ("The boy was injured, but the rescuers said they were confident he would survive.", "Rescuers"),
    ],
)
def test_plural_groups_that_speak_become_group_actors(text, group):
    assert speakers(text) == [group]


def test_analysts_saying_something_make_no_position():
    assert speakers("Analysts say the decision will embolden the movement.") == []


def test_i_and_we_inside_a_quote_are_not_actors():
    result = analyse('"We will fight and I will win," Jane Doe said.')
    assert [e.name for e in result.actors] == ["Jane Doe"]


def test_honorifics_stay_in_the_evidence():
    result = analyse("Mr Dundon said bosses should expect a rise in absenteeism.")
    assert result.positions[0].unit.text.startswith("Mr Dundon said")


def test_a_report_inside_a_report_belongs_to_the_first_speaker():
    text = "Mike Pompeo said that after consultation Washington had concluded the settlements were legal."
    assert speakers(text) == ["Mike Pompeo"]


def test_coordinated_speakers_both_speak():
    assert speakers("The United Nations and the European Union stressed the decision changed nothing.") == [
        "United Nations",
        "European Union",
    ]


def test_a_participle_after_the_clause_is_the_subject_speaking():
    assert speakers("Barry Beavis launched a legal bid, saying the fine was unfair.") == ["Barry Beavis"]


def test_a_noun_that_looks_like_a_verb_makes_no_position():
    assert speakers("Israel seized the territories, seen as part of a future Palestinian state.") == []


def test_a_passive_reporting_verb_makes_no_position():
    assert speakers("Jane Doe was told the plan had failed.") == []


def test_positions_carry_the_cue_and_a_confidence():
    f = analyse('"It was productive," Donald Trump said.').positions[0]
    assert f.cue == "say"
    assert 0.5 < f.confidence <= 1


def test_an_unnamed_group_is_named_without_time_words():
    assert speakers("But yesterday judges said the fine was enforceable.") == ["Judges"]


def test_a_speaker_with_the_place_he_is_from_between_name_and_verb():
    text = "The lamb is not the biggest ever born but Jean Morris from the farm said it was the biggest they had."
    assert speakers(text) == ["Jean Morris"]


def test_he_with_no_speaker_yet_is_the_person_named_last():
    text = (
        "The robots were created by Walker for a show. The dancers were designed by British artist Giles Walker. "
        "'We are now all living in a peepshow, watched on every street corner,' he said."
    )
    assert speakers(text) == ["Giles Walker"]


def test_a_quotation_after_a_sentence_of_narrative_stays_with_the_last_speaker():
    text = (
        "'I was told the tenants were the problem,' Emma Jackson said. Then the daily noise began. "
        "'On the first morning, I was laid in bed and there was this noise.'"
    )
    assert said(text) == [("Emma Jackson", "'I was told the tenants "), ("Emma Jackson", "'On the first morning, I")]


@pytest.mark.parametrize("joint", ["and", "but"])
def test_a_second_verb_of_the_clause_subject_reports(joint):
    text = f"Emma Jackson has been forced to move home because of Mark Ray {joint} says she lives in terror of him."
    assert speakers(text) == ["Emma Jackson"]


def test_a_speaker_after_said_and_a_comma_beats_a_long_clause_before():
    text = (
        "The man, Rishi Khanal, was saved after a rescue team found him under the rubble of a house "
        "on the outskirts of Kathmandu, the capital, around noon Tuesday, said Pushparam Kumar, a police spokesman."
    )
    assert speakers(text) == ["Pushparam Kumar"]
    # "told" takes an object: no inversion.
    assert speakers("'You can say I'm hooked,' Josh Hatfield, 27, told the Post on Monday.") == ["Josh Hatfield"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Professor Stephen Glaister, director of the RAC Foundation, said the ruling was unfair.", "Stephen Glaister"),
        ("President Barack Obama, in a speech in Berlin, said the ruling was unfair.", "Barack Obama"),
        ("Stephen Glaister spoke in May. Mr Glaister came to Britain in 1999 and said the ruling was unfair.", "Stephen Glaister"),
        ("Chargers coach Anthony Lynn came to the podium late and said the team needed a win.", "Anthony Lynn"),
        ("Labour leader Ed Miliband, in a speech in London, said the deal was good.", "Ed Miliband"),
    ],
)
def test_a_title_honorific_or_role_before_the_clauses_subject_does_not_hide_it(text, speaker):
    assert set(speakers(text)) == {speaker}


@pytest.mark.parametrize(
    "text",
    [
        "Nancy Perry is alleged to have told students that the president was wrong.",
        "Nancy Perry was reportedly said to have warned the pupils about the vote.",
    ],
)
def test_speech_reported_at_one_remove_is_still_the_subjects(text):
    assert speakers(text) == ["Nancy Perry"]


def test_a_participle_that_opens_a_quotation_reports_the_clauses_subject():
    text = "However, Joanne Parker made light of the incident writing: 'Haha funny, I would love to have seen it.'"
    assert speakers(text) == ["Joanne Parker"]


def test_the_n_year_old_is_the_person_of_that_age():
    text = (
        "Emma Jackson, 28, was abused by her neighbour Mark Ray, 56. Although ordered to turn his "
        "television down, the 28-year-old says Mr Ray kept it loud. The 56-year-old said he was sorry."
    )
    assert speakers(text) == ["Emma Jackson", "Mark Ray"]
    # The one person named has another age: no speaker.
    assert speakers("Emma Jackson, 28, was abused. The 40-year-old said he was sorry.") == []


def test_an_age_given_nowhere_else_is_the_last_person_named():
    text = (
        "Jose Mourinho will replace Mauricio Pochettino as manager. Pochettino was sacked last night. "
        "Talks with Mourinho's representatives went on into Tuesday. "
        'The 56-year-old said after his appointment: "I am excited to be joining the club."'
    )
    assert said(text) == [("Jose Mourinho", "The 56-year-old said aft")]


def test_a_reporting_verb_in_the_progressive_reports_its_subject():
    text = "Tom Smith said little at first. Later Tom Smith was telling reporters that the plan would fail."
    assert speakers(text) == ["Tom Smith", "Tom Smith"]
    assert speakers("NASA launched a probe. NASA is not talking about little green men.") == ["NASA"]


def test_an_adverb_between_the_auxiliary_and_a_bare_verb_keeps_it_a_verb():
    text = "Scooter Braun is unhappy. A rep for Braun did not immediately respond to a request for comment."
    assert speakers(text) == ["Scooter Braun"]


def test_issuing_a_statement_is_a_statement_and_issuing_a_warrant_is_not():
    assert speakers("On Monday, Big Machine Records issued a statement that it would allow the show.") == ["Big Machine Records"]
    assert speakers("On Monday, Big Machine Records released the new album of the band.") == []


def test_a_pronoun_continues_the_last_subject_of_any_finite_verb():
    # "Carver was ..." makes Carver the subject the next "he" continues, not Ferguson before him.
    text = (
        "Duncan Ferguson had beaten him to the door. John Carver was also at the club that year. "
        "'It was a dreadful night,' he said."
    )
    assert said(text) == [("John Carver", "'It was a dreadful night")]


def test_a_paper_named_for_a_day_word_is_one_name_and_the_newspaper_it_is_after():
    # "Kathmandu Today" is no capital city and a run-in "Today", but the paper that reported.
    text = (
        "A baby was rescued from a building in Bhaktapur, the newspaper Kathmandu Today reported. "
        "A military team had failed to notice the child, the newspaper said."
    )
    assert speakers(text) == ["Kathmandu Today", "Kathmandu Today"]


def test_a_verb_inside_a_what_clause_reports_nothing():
    assert speakers(
        "ESPN suspended McHenry. The problem with social media is that it allows people to present "
        "whatever angle they want."
    ) == []
    assert said("Britt McHenry drove off. Certainly that's what she was thinking.") == []
    # Naming something is a stance: "what he called" keeps its speaker.
    assert speakers(
        "Barry Beavis lost his case. Mr Beavis had gone to court to fight what he called the "
        "'bullying and threatening' private car parking firms."
    ) == ["Barry Beavis"]


def test_a_name_set_off_after_an_owners_role_is_the_speaker():
    text = (
        "Patrick Carlineo was arrested. Carlineo's attorney, Sonya Zoghlin, said in an email that "
        "Carlineo never intended to harm anyone."
    )
    assert speakers(text) == ["Sonya Zoghlin"]


def test_with_a_name_and_a_participle_after_a_report_is_a_second_speaker():
    text = (
        "Egypt and Jordan also sharply criticised the US policy shift, with Jordanian Foreign Minister "
        'Ayman Safadi warning of "dangerous consequences".'
    )
    assert speakers(text) == ["Egypt", "Jordan", "Ayman Safadi"]


def test_a_group_with_a_phrase_after_it_speaks_through_the_verb_after_the_phrase():
    assert speakers("Supporters of the measure said it was a groundbreaking step.") == ["Supporters of the measure"]
    assert speakers(
        "Supporters of the measure described it as a groundbreaking step, while opponents warned it was dangerous."
    ) == ["Supporters of the measure", "Opponents"]


def test_a_name_after_a_clause_opening_after_is_the_subject_of_its_verb():
    text = "Mr Beavis's action comes after the Daily Mail revealed how rogue firms are making millions."
    assert speakers(text) == ["Daily Mail"]
    # A preposition's object stays no subject: "a report by the Daily Mail said" is the report's.
    assert speakers("A report by the Daily Mail said firms are making millions.") == []


def test_and_a_name_with_appositives_after_a_comma_starts_a_clause_with_its_speaker():
    text = (
        "Abase Hussen took his daughter to a rally. The rally was held against the treatment of "
        "Ethiopians in Saudi Arabia, and Mr Hussen, 47, who is from Ethiopia, said: 'It was peaceful.'"
    )
    assert said(text) == [("Abase Hussen", "The rally was held again")]


def test_more_verbs_take_their_speaker_after_them_but_not_across_that():
    assert speakers("'The mind boggles,' commented Tracy Ayre.") == ["Tracy Ayre"]
    assert speakers("'Only in Oldham,' remarked Sarah Edwards.") == ["Sarah Edwards"]
    text = "Britt McHenry apologised on air. ESPN, meanwhile, announced that McHenry would be suspended for a week."
    assert said(text)[-1] == ("ESPN", "ESPN, meanwhile, announc")


def test_speaking_with_someone_is_an_act_talking_about_something_a_statement():
    assert speakers("The last time Frank Jordan spoke with his son, Louis was fishing off the coast.") == []
    assert speakers("Masters chairman Billy Payne talked a lot about growing the game.") == ["Billy Payne"]
    assert speakers("NASA isn't talking about intelligent alien civilizations.") == ["NASA"]
    assert speakers("Jane Doe spoke of her love for her brother.") == ["Jane Doe"]


def test_the_owner_of_a_speech_or_a_statement_speaks_through_it():
    text = (
        "Daniel Buccheri sang at the wedding of his brother Adrian. Daniel's speech documented his "
        "brother falling in love with Sarah, saying Adrian would mention her name in every conversation. "
        "'I knew that he loved you,' he sang."
    )
    assert speakers(text) == ["Daniel Buccheri"] * 3


def test_a_description_in_the_lead_looks_ahead_to_the_one_person_it_fits():
    text = (
        "We may be close to finding evidence of alien life, a NASA scientist says. "
        "\"We know where to look,\" said Ellen Stofan, NASA's chief scientist."
    )
    assert speakers(text) == ["Ellen Stofan", "Ellen Stofan"]
    # Two people it could be: nobody.
    text = (
        "Life may be out there, a scientist says. Ellen Stofan, a scientist, agreed. "
        "John Grunsfeld, a scientist at NASA, did not."
    )
    assert all(not start.startswith("Life may") for _, start in said(text))


def test_organisers_speak_as_a_group_and_an_adverb_is_no_part_of_their_name():
    text = "Although the kite did not fly, organisers of the festival still claimed that they had broken the record."
    assert speakers(text) == ["Organisers of the festival"]


def test_the_main_clause_after_a_while_clause_has_a_speaker_of_its_own():
    text = (
        "While the BBC claimed the plate was an 'unhappy coincidence', Maria Cristina Barrionuevo said "
        "they were deliberately provoking people."
    )
    assert speakers(text) == ["BBC", "Maria Cristina Barrionuevo"]
    # Without the opening "while", a name after the first verb is inside its report.
    assert speakers("The BBC claimed that Maria Cristina Barrionuevo said nothing.") == ["BBC"]


def test_a_present_tense_verb_after_a_name_opening_the_sentence_makes_it_the_subject():
    text = (
        "Patrick Carlineo, 55, pleaded guilty, the U.S. Attorney's Office said in a statement. Carlineo "
        "faces a maximum of 10 years in prison. He was arrested in April for the call to the offices of "
        "Omar. During the call, he asked about the Brotherhood."
    )
    assert said(text)[-1] == ("Patrick Carlineo", "During the call, he aske")


def test_a_pronoun_opening_the_sentence_speaks_through_a_second_verb_after_and():
    text = (
        "Daniel Buccheri sang at the wedding. He goes on to document the day his brother Adrian met "
        "the love of his life and claims he 'thought he was dead'."
    )
    assert said(text)[-1] == ("Daniel Buccheri", "He goes on to document t")


def test_a_bare_group_word_is_the_one_body_the_article_named_with_it():
    text = (
        "A man complained to Greater Manchester Police that his holiday was too hot. "
        "Later, police tweeted the anecdote."
    )
    assert speakers(text) == ["Greater Manchester Police"]
    assert speakers("Later, police tweeted the anecdote.") == ["Police"]


def test_the_second_verb_of_a_relative_clause_belongs_to_its_antecedent():
    text = (
        "That led to 21 schools being inspected by schools inspector Ofsted, which put six schools in "
        "special measures and said five had not done enough."
    )
    assert speakers(text) == ["Ofsted"]


def test_a_verb_in_an_if_clause_reports_nothing():
    text = (
        "Birmingham City Council said schools were safe. Leaflets advised parents to lock away "
        "passports if they fear the youngsters may travel to Syria."
    )
    assert [f.cue for f in analyse(text).positions] == ["say"]
    assert speakers("If the deal fails, Jane Doe said, the town will suffer.") == ["Jane Doe"]


def test_a_quotation_printed_without_its_closing_mark_goes_on_into_the_next():
    text = (
        "Jane Doe said the event was busy. The robots were made of old car parts. 'We are now all "
        "living in a peepshow. 'Continually being watched by peeping toms on every street corner,' "
        "said Giles Walker."
    )
    assert said(text)[-2:] == [("Giles Walker", "'We are now all living i"), ("Giles Walker", "'Continually being watch")]
    # A quotation closed in its own sentence is not carried over.
    text = "Giles Walker built them. 'It was fun.' 'They dance well,' Jane Doe said."
    assert ("Jane Doe", "'It was fun.'") not in said(text)


def test_an_unnamed_clause_subject_and_its_reported_pronoun_give_no_one_elses_position():
    text = (
        "The Merriton Chamber said the strike cost millions. Union members are scheduled to vote on "
        "Thursday. Dana Okafor said she would recommend it, but several dock crews said they wanted to "
        "see the language in writing first."
    )
    assert [f.actor.name for f in analyse(text).positions] == ["Merriton Chamber", "Dana Okafor"]


def test_a_name_after_the_heads_its_clause_across_a_relative_clause():
    text = (
        "The council approved the budget. The Riverton Tenants Alliance, which had asked the council to "
        "delay any tax increase, said it would watch how landlords respond."
    )
    assert speakers(text) == ["Riverton Tenants Alliance"]


def test_a_word_before_a_group_that_is_no_determiner_stays_out_of_it():
    assert speakers("Within hours police tweeted the anecdote.") == ["Police"]
    assert speakers(
        "Police investigated the attack but Tymon told them he did not want to press charges and officers "
        "announced they would not be pursuing it."
    )[-1] == "Officers"
    assert speakers("An insider said the deal was off.") == ["Insider"]


def test_responding_by_doing_something_is_an_act():
    text = "Mark Ray, 56, lived next door. Mr Ray responded by banging on her front door."
    assert speakers(text) == []
    assert speakers("Mark Ray responded by saying he was sorry.") == ["Mark Ray"]
    assert speakers("Mark Ray responded that he was sorry.") == ["Mark Ray"]


def test_posting_a_picture_is_no_statement():
    text = "The golfer's girlfriend, bikini model Alexis Randock, had posted a photo on her Instagram account."
    assert speakers(text) == []
    assert speakers("Greater Manchester Police tweeted a warning about wasting police time.") == [
        "Greater Manchester Police"
    ]


def test_a_role_before_the_name_opening_the_sentence_is_what_the_description_refers_to():
    text = (
        "The suspect, Michael Webb, was convicted last Thursday. Police used a ram to force open the "
        "door. The suspect said he needed to get dressed."
    )
    assert said(text) == [("Michael Webb", "The suspect said he need")]


def test_an_unnamed_officer_speaks_as_a_group():
    text = 'Officers found the girl in a hotel room. "Open the door! We are coming in!" an officer shouts.'
    assert [name.lower() for name in speakers(text)] == ["officer", "officer"]


def test_agreeing_a_deal_or_a_fee_is_an_act_agreeing_that_is_a_view():
    assert speakers("Jose Mourinho has agreed a deal to replace Mauricio Pochettino as manager.") == []
    assert speakers("The club agreed a \u00a330m fee with Porto for the striker.") == []
    assert speakers("Jose Mourinho agreed that the squad needed new players.") == ["Jose Mourinho"]


def test_two_countries_bodies_joined_by_and_speak_for_both():
    text = (
        "Russia and Syria have pressed the U.S. to leave. In a joint statement, the Russian and Syrian "
        "defense ministries accused U.S. forces of shielding militants."
    )
    assert sorted(name for name, start in said(text) if start.startswith("In a joint")) == ["Russia", "Syria"]


def test_pointing_out_reports_a_view_scoring_points_does_not():
    assert speakers("Wells Fargo analyst Zachary Fadem points out a couple of reasons investors should not fret.") == [
        "Zachary Fadem"
    ]
    assert speakers("Zachary Fadem scored 20 points out of a possible 30 in the game.") == []


def test_a_company_spokesperson_speaks_for_the_company():
    text = (
        "WeWork Companies Inc is being investigated by the Attorney General. WeWork said profits fell. "
        'A company spokesperson said in an email that "we are cooperating with the inquiry."'
    )
    speaker, start = said(text)[-1]
    assert speaker.startswith("WeWork") and start == "A company spokesperson s"


def test_company_officials_or_management_speak_for_the_company():
    for staff in ("management", "officials", "executives"):
        text = f"Home Depot Inc reported earnings on Tuesday. Company {staff} said sales would grow 3.5% this year."
        assert said(text)[-1] == ("Home Depot Inc", f"Company {staff} said sales"[:24])
    # Officials of no named kind are commentary, as before.
    assert said("Home Depot Inc reported earnings on Tuesday. Officials said sales would grow.")[-1][1].startswith("Home")


def test_a_studys_authors_speak_as_a_group():
    text = "Cannabis use disorder rose where the drug was legal. Occasional use is not thought to cause problems, the authors said."
    assert speakers(text) == ["Authors"]


def test_a_piece_of_a_quotation_of_one_word_or_none_is_no_position():
    text = (
        'Governor Kristi Noem launched the campaign on Monday. "Meth. We\'re on it. Let\'s work together," '
        'Noem said.\n\nStephen Glaister, the chairman of the RAC Foundation, said fines were too high. '
        '"£100? £200? Nobody can pay that."'
    )
    found = said(text)
    assert ("Kristi Noem", "We're on it.") in found and ("Stephen Glaister", "Nobody can pay that.\"") in found
    assert not [s for _, s in found if s.startswith(('"Meth', '"£100', "£200"))]
    assert said('"No," Kristi Noem said.') == [("Kristi Noem", '"No," Kristi Noem said.')]


def test_the_attorney_general_or_the_general_is_the_person_with_that_title():
    assert said("Texas Attorney General Ken Paxton sued Google on Monday. The Attorney General said the firm broke the law.") == [
        ("Ken Paxton", "The Attorney General sai")
    ]
    assert said("Gen. Mark Milley visited the base on Monday. The general said the troops were ready.") == [
        ("Mark Milley", "The general said the tro")
    ]


def test_a_title_written_as_a_name_with_no_holder_named_is_the_office_speaking():
    found = analyse("The Texas Attorney General said the firm had broken the law.")
    assert [(f.actor.name, f.actor.kind) for f in found.positions] == [("Texas Attorney General", "organization")]
    # In lower case it is no name: who spoke stays unknown rather than guessed.
    assert said("The company was fined. The attorney general said the firm had broken the law.") == []


def test_a_spokesman_named_by_the_body_before_the_noun_speaks_for_it():
    assert speakers("A State Department spokesman said the weapons were purely defensive.") == ["State Department"]
    assert speakers("Tesla shares fell on Monday. A Tesla spokeswoman declined to comment.") == ["Tesla"]
    # A country's ministry still speaks for the country, not through this rule.
    assert speakers("Russia's foreign ministry said it viewed the move as a mistake.") == ["Russia"]


def test_a_name_after_the_verb_that_modifies_a_noun_is_not_the_speaker():
    assert speakers("Google changed its rules. Israeli settlers, who back the government, said the Google policy change paved the way.") == [
        "Israeli settlers"
    ]
    assert speakers('"We will fight," said Avi Bell, a senior fellow.') == ["Avi Bell"]
    assert speakers('"No," said Dan Jones in a statement.') == ["Dan Jones"]


def test_an_acronym_opening_a_role_is_no_relative_pronoun():
    found = analyse('"Progress is uneven," said Zsuzsanna Jakab, WHO regional director for Europe.')
    assert [(e.name, e.kind, e.role) for e in found.actors] == [
        ("Zsuzsanna Jakab", "person", "WHO regional director for Europe")
    ]


def test_a_verb_of_saying_denied_says_nothing():
    assert said("Mayor John Park has not said whether he will sign the ordinance.") == []
    assert said("The lawyer, James Maron, spoke briefly. The lawyer did not say who called the paramedics.") == []
    assert said("John Park didn't immediately comment on the vote.") == []
    assert speakers("John Park said he would sign it.") == ["John Park"]


EMBEDDED_TWEET = """<html><head><title>Slogan mocked online</title></head><body><article><h1>Slogan mocked online</h1>
<p>South Dakota launched a new anti-drug campaign on Monday, and the state paid an agency nearly half a million dollars for it.</p>
<p>Many people on social media made fun of the slogan within hours of its launch.</p>
<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Yes this is real and yes the state spent half a million dollars on it.</p>
&mdash; Dianna E. Anderson (@diannaeanderson) <a href="https://twitter.com/x">November 18, 2019</a></blockquote>
<p>Governor Kristi Noem defended the campaign on Tuesday, saying it was working.</p>
</article></body></html>"""


def test_an_embedded_post_is_what_its_signature_names_wrote():
    from briefer import brief_text

    b = brief_text(EMBEDDED_TWEET, format="html")
    assert [(p.actor, p.evidence[0].quote) for p in b.positions][0] == (
        "Dianna E. Anderson", "Yes this is real and yes the state spent half a million dollars on it."
    )
    assert not [i for i in b.outcomes + b.positions if "(@diannaeanderson)" in i.evidence[0].quote]


def test_a_post_signed_by_a_name_the_article_gives_nowhere_else_or_by_no_name():
    text = (
        "Mourinho was appointed on Wednesday.\n\nI can't thank this man enough for everything he has done.\n\n"
        "\u2014 Dele (@dele_official) November 19, 2019\n\nWe are on it, the governor says, and so are we.\n\n"
        "\u2014 tall glass of coquito (@_orabora) November 19, 2019\n\nSpurs play on Saturday."
    )
    assert said(text) == [("Dele", "I can't thank this man e")]


def test_her_representatives_or_his_lawyer_speak_for_the_one_the_pronoun_continues():
    text = "Adele Adkins has split from her husband. 'We have separated,' her representatives said."
    assert speakers(text) == ["Adele Adkins"]
    assert speakers("Taylor Swift spoke on Monday. Her lawyer said the claims were false.") == ["Taylor Swift", "Taylor Swift"]
    # A lawyer the article names is the one who speaks.
    named = "His lawyer, Thomas Green, asked for probation. Gates stayed silent. His lawyer said he would appeal."
    assert speakers(named) == ["Thomas Green", "Thomas Green"]


def test_sources_close_to_someone_speak_as_a_group():
    assert speakers("Sources close to the investigation said the suspect had fled.") == ["Sources close to the investigation"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The boy was found. CNN affiliate WAVY in Norfolk, Virginia, reported that he could walk.", "WAVY"),
        ("The boy was found. Police in Norfolk said that he could walk.", "Police"),
        ("A case was found. Health authorities in China's Inner Mongolia have confirmed a third case.", "Health authorities"),
    ],
)
def test_where_a_speaker_is_stands_between_the_speaker_and_the_verb(text, speaker):
    assert speakers(text) == [speaker]
    # ... but a place that opens the sentence is no speaker's: the name after it speaks.
    assert speakers("The boy was found. In Norfolk, Virginia, Sam Smith said he could walk.") == ["Sam Smith"]


def test_representatives_for_someone_opening_a_sentence_speak_for_them_and_are_no_name():
    text = "Sofia Vergara is an actress. Representatives for Vergara have declined to comment."
    assert speakers(text) == ["Sofia Vergara"]
    assert [a.name for a in analyse(text).actors] == ["Sofia Vergara"]


@pytest.mark.parametrize(
    "text",
    [
        "The talks stalled. China is wary of concessions, people familiar with the talks said.",
        "The talks stalled. People familiar with the talks said China is wary of concessions.",
        "The talks stalled. China is wary of concessions, according to people familiar with the talks.",
        "The talks stalled. A person briefed on the talks told Reuters that China is wary of concessions.",
    ],
)
def test_unnamed_sources_known_by_what_they_know_speak_as_a_group(text):
    found = analyse(text).positions
    assert [f.unit.text[:5] for f in found] == [text.split(". ", 1)[1][:5]]
    assert found[0].actor.kind == "group"
    assert "familiar with" in found[0].actor.name or "briefed on" in found[0].actor.name


def test_the_attribution_that_closes_a_sentence_reports_the_verbs_inside_it():
    text = (
        "Donald Trump met Xi Jinping. Trump's demands made China wary, for fear that he will demand more, "
        "people familiar with the talks said."
    )
    assert [f.actor.name for f in analyse(text).positions] == ["People familiar with the talks"]
    # Without the closing attribution, the verb inside is the pronoun's.
    assert speakers("Donald Trump met Xi Jinping. He said he will demand more.") == ["Donald Trump"]
