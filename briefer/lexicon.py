"""The language rules of the extractive backend, as data: every word list it reads news with.

Where the lists come from: the reporting verbs follow the speech-act and stance verbs that
newsroom style guides (AP, Reuters, BBC) and attribution studies of news prose list; titles and
honorifics follow AP style; organisation, place and event head nouns are the usual last words of
such names in English news; the modality and event cues of outcomes and open questions follow
the factuality/uncertainty cue inventories of the hedge-detection literature (BioScope, FactBank,
CoNLL-2010); caption markers are the Daily Mail and CNN picture-caption conventions. Each list
was then checked against all of ../shared/dev-gold, never against one article alone. Countries,
their demonyms and capitals are in ``data/gazetteer.json``.

Words are lower-case unless the list says otherwise; multi-word entries are space-separated.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


def _phrases(block: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in block.strip().splitlines() if line.strip())


# --- sentences ----------------------------------------------------------------------------------

# Words that take a full stop without ending a sentence (AP abbreviations: titles, months, states,
# corporate suffixes), lower-case, without the dot.
ABBREVIATIONS = _words(
    """
    mr mrs ms mx dr prof sen rep gov lt col gen maj capt cmdr sgt adm rev fr st sr jr hon pres supt insp det
    messrs mssrs atty gen. cpl pvt ald
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    inc corp co ltd llc plc bros dept univ assn est approx vs etc al cf no nos vol fig op ft mt
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev
    okla ore pa tenn tex va vt wash wis wyo
    a.m p.m u.s u.k u.n e.u d.c i.e e.g
    """
)

# Abbreviations that always precede a name, so their stop never ends a sentence.
TITLE_ABBREVIATIONS = _words("mr mrs ms dr prof sen rep gov st gen lt col capt rev sgt cpl pvt maj adm cmdr supt insp det atty hon fr")

# Brand names written with a stop or a bang inside them ("E! News", "Yahoo! Finance").
BANG_NAMES = _words("e yahoo jeopardy")

# Capitalised words that, right after an abbreviation's stop, start a new sentence.
SENTENCE_STARTERS = _words(
    """
    the a an it he she they we i this that these those there but and so yet or in on at for
    his her their its our my if when while after before as since although though however
    meanwhile officials police what who why how where one some many most
    """
)

# Capitalised words that start a new sentence when they follow a word with no stop in between:
# a caption or a related-link headline run into the prose ("...aged 13 It then emerged...").
# They must be followed by a lower-case word, a digit or "I" for the boundary to count; "I" itself
# only after an opening quotation mark ("... on their home turf 'I don't think ...").
RUN_IN_STARTERS = _words(
    """
    The A An It He She They We You I His Her Their Its Our My Your There Here This That These Those
    But And So Yet Or In On At For From With By After Before During Since Until When While Where
    Why How What Who If Although Though Despite As Because Once Now Then Today Yesterday Last
    Earlier Later Meanwhile However Still Also Instead Indeed Asked Speaking Writing According
    Sure Certainly Perhaps Maybe Clearly Sadly Ultimately Unfortunately Fortunately Ironically
    Moreover Furthermore Nevertheless Besides
    Under Among Following Some Many Most Several Both All Each Every None Other Another Such Only
    Supporters Fans Protesters Residents Witnesses Critics Experts Analysts Campaigners Activists
    Officials Prosecutors Investigators Doctors Scientists Researchers Teachers Parents Families
    One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen Sixteen
    Seventeen Eighteen Nineteen Twenty Thirty Forty Fifty Dozens Hundreds Thousands Millions
    """
)

# Words a caption run into the prose often ends on ("... against Sunderland on Sunday Gullit
# decided ..."): a date or a time. After one of them, a name and a finite verb start a sentence.
TIME_ENDINGS = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday today tonight yesterday
    january february march april may june july august september october november december
    morning afternoon evening night week weekend month year season
    """
)

# --- captions and page furniture at the sentence level -----------------------------------------

# Picture-caption markers of news sites (Daily Mail, CNN): a sentence holding one is a caption.
CAPTION_MARKERS = _phrases(
    r"""
    ,\s*(?:pictured|left|right|centre|center|top|bottom|above|below|circled|inset|far left|far right|second left|second right|front|back row)\s*[,.]
    \((?:pictured|left|right|centre|center|top|bottom|above|below|circled|inset|far left|far right|second left|second right|front)\b[^)]{0,40}\)
    (?<!was )(?<!were )(?<!is )(?<!are )(?<!been )(?<!being )\bpictured (?:above|below|left|right|here|with|at|in|on|during|outside|inside|after|before|leaving|arriving|this|last|earlier|today|yesterday)\b
    \bpictured\s*$
    \((?:see |file )?(?:photo|picture|image)s?\b[^)]{0,40}\)
    \((?:shown|seen)\s+(?:above|below|left|right|here)\b[^)]{0,40}\)
    (?:(?<=\bimage )|(?<=\bimages )|(?<=\bphoto )|(?<=\bphotos )|(?<=\bpicture )|(?<=\bpictures )|(?<=\bfootage ))(?:above|below)\b
    \bscroll down for (?:the )?video\b
    \bclick (?:here )?to (?:see|view|watch)\b
    """
)

# Whole sentences that are page furniture: credits, syndication notes, prompts.
FURNITURE_SENTENCES = _phrases(
    r"""
    \bcontributed (?:to )?(?:this|the) (?:report|story|article)\b
    \bthis (?:article|story) (?:has been|was) (?:adapted|updated|amended|corrected)\b
    \b(?:reporting|additional reporting|writing|editing) by [A-Z]
    \b(?:follow|like) (?:us|him|her|them) on (?:twitter|facebook|instagram)\b
    \b(?:read|see) (?:more|the full story|the original)\b.{0,40}$
    \ball rights reserved\b
    \bis an? .{0,40}\breporter (?:for|at) \w
    ^(?:updated|published|posted|last updated)\s*:?\s*\d
    ^(?:this (?:article|story) was )?originally (?:published|appeared) (?:on|in|at|by) [A-Z].{0,60}$
    \b(?:email|e-mail|contact|write to|reach)\b[^.]{0,60}?\b[\w.+-]+@[\w-]+\.[a-z]{2,}
    \bsecuredrop\b
    """
)

# --- names ---------------------------------------------------------------------------------------

# Honorifics: stripped when names are matched, kept in the evidence. Lower-case, no dot.
HONORIFICS = _words("mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father sheikh messrs")

# Honorifics that tell a person's gender, for pronoun resolution.
MALE_HONORIFICS = _words("mr sir lord father fr king prince")
FEMALE_HONORIFICS = _words("mrs ms miss dame lady queen princess")

# Roles in a sports team: a name right before one ("Newcastle manager Ruud Gullit", "Northampton
# flanker Tom Wood") is the team, though it is a town's name too.
TEAM_ROLES = _words(
    """
    manager coach boss skipper captain striker forward midfielder defender goalkeeper keeper winger
    full-back fullback centre-back wing-back flanker fly-half scrum-half hooker prop lock batsman
    bowler all-rounder quarterback pitcher playmaker
    """
)

# Titles written before a name ("President Donald Trump", "Sen. Obama", "coach Lynn"): with the
# honorifics they make a person of the name they precede and become its role. The team roles are
# titles too, but for "hooker": "Hooker" is a surname as often.
TITLE_WORDS = (TEAM_ROLES - {"hooker"}) | _words(
    """
    president vice-president pres premier chancellor prime minister secretary ambassador senator sen
    representative rep congressman congresswoman governor gov mayor judge justice magistrate speaker
    councilman councilwoman councillor councilor alderman assemblyman assemblywoman
    king queen prince princess pope cardinal archbishop bishop imam rabbi ayatollah emir sultan
    general gen colonel col lieutenant lt captain capt sergeant sgt major maj admiral commander
    officer detective det inspector insp superintendent supt chief constable sheriff marshal corporal
    private fusilier trooper
    founder co-founder chairman chairwoman chairperson chair ceo cfo cto director president-elect
    spokesman spokeswoman spokesperson adviser advisor aide counsel attorney lawyer solicitor barrister
    prosecutor doctor surgeon nurse midwife professor dr prof scientist researcher analyst expert
    economist historian specialist consultant astronaut pilot
    actor actress singer rapper star presenter host comedian model designer chef blogger author writer
    journalist reporter correspondent editor columnist photographer
    mp mep peer lord baroness cleric preacher activist campaigner negotiator envoy diplomat minister
    leader head executive owner partner president's co-host
    mr mrs ms miss dr sir dame lady
    """
)

# The last word of a paper's or a broadcaster's name ("the Sunday Times", "Fox News").
MEDIA_HEADS = _words(
    "post times news journal herald telegraph guardian mail express mirror sun star tribune gazette today"
)

# Role head nouns: an appositive holding one of these ("Cui Zheng, director of ...") is a role.
ROLE_NOUNS = TITLE_WORDS | _words(
    """
    member fellow official officer employee worker staffer volunteer resident student teacher
    professor lecturer father mother son daughter wife husband widow brother sister uncle aunt
    grandfather grandmother friend neighbour neighbor colleague fan supporter republican democrat
    conservative liberal candidate nominee veteran substitute victim survivor witness driver owner manager
    suspect defendant gunman
    administrator commissioner regulator watchdog representative delegate organiser organizer
    vice deputy assistant associate senior junior principal general chief head
    """
)

# Those who speak for someone else: "a spokesman for Terminix", "Representatives for Vergara", "Swift's rep".
SPEAKERS_FOR = _words(
    """
    spokesman spokeswoman spokesperson spokesmen spokeswomen rep reps representative representatives
    lawyer lawyers attorney attorneys aide aides
    """
)

# Nouns that, after "the" or "a", refer back to a person already named ("the attorney added").
PERSON_DESCRIPTIONS = _words(
    """
    attorney lawyer solicitor barrister counsel spokesman spokeswoman spokesperson official doctor
    surgeon expert analyst coach manager defender forward midfielder striker goalkeeper player
    president minister secretary ambassador judge senator governor mayor chairman chairwoman founder
    director executive actress actor singer star presenter father mother teenager midwife nurse
    scientist researcher professor chief captain suspect defendant gunman general representatives reps
    """
)
# Description nouns that mean the same person in other words.
DESCRIPTION_SYNONYMS = {
    "lawyer": "attorney", "solicitor": "attorney", "barrister": "attorney", "counsel": "attorney",
    "spokeswoman": "spokesman", "spokesperson": "spokesman", "representatives": "spokesman", "reps": "spokesman", "chairwoman": "chairman", "chair": "chairman",
    "source": "insider", "sources": "insider", "protester": "fan", "supporter": "fan",
    "investigation": "inquiry", "probe": "inquiry", "review": "inquiry", "gen": "general",
}

# Nouns for documents and inquiries that speak for whoever wrote them ("the report found"); with
# no named author they become actors themselves ("the independent inquiry").
DOCUMENT_DESCRIPTIONS = _words("report inquiry investigation review study survey probe statement audit")

# Nouns that, before a name, make it an organisation ("terror group Al-Muhajiroun").
ORG_KIND_NOUNS = _words(
    "group company firm party charity club band agency organisation organization network label movement "
    "newspaper paper tabloid magazine broadcaster website"
)

# Words that introduce examples rather than actors ("the likes of X, Y and Z").
EXAMPLE_CUES = _phrases(
    r"""
    the likes of
    such as
    including
    """
)

# Who a story can be about without naming them: brought in with "a" ("A Chinese team took ...",
# "a holidaymaker walked in"), then taken up with "the" (see analysis/protagonists.py).
UNNAMED_PROTAGONISTS = _words(
    """
    man woman boy girl teenager pensioner grandmother grandfather mother father holidaymaker tourist
    passenger motorist cyclist driver pilot teacher judge doctor nurse officer soldier student worker
    employee customer resident neighbour neighbor fan businessman businesswoman millionaire
    team group gang crew couple family company firm charity
    """
)

# Nouns that refer back to an organisation ("the company said", "the agency added").
ORG_DESCRIPTIONS = _words(
    """
    company firm agency group organisation organization department ministry office court panel
    committee council board government administration authority watchdog regulator union club
    team label party charity hospital trust clinic university school institute center centre
    commission service newspaper outlet network channel station paper website league federation
    foundation campaign bank airline statement report study survey inquiry investigation
    """
)

# Last words that make a capitalised name an organisation ("Liaoning University").
# A team's last word ("Manchester United", "Bolton Wanderers"): it names no field of work.
TEAM_HEADS = _words("club fc united rovers wanderers athletic team squad")
# Points of the compass: no name alone, but the start of many ("West Yorkshire Police").
COMPASS_WORDS = _words("north south east west northern southern eastern western central")

ORG_HEADS = TEAM_HEADS | _words(
    """
    office department ministry agency administration authority commission committee council court
    tribunal parliament congress senate assembly government cabinet party movement front alliance
    league union federation association society institute institution foundation trust fund
    university college school academy hospital clinic centre center laboratory lab observatory
    bank group company corporation corp inc ltd llc plc co holdings partners industries enterprises
    records productions studios entertainment media network networks news times post journal
    herald telegraph guardian gazette tribune chronicle mail express standard independent mirror
    sun observer review magazine press radio television tv channel broadcasting
    police force army navy marines guard service services bureau board panel ambulance brigade
    church mosque synagogue diocese
    forum network coalition organisation organization initiative project program programme council
    commissioner ombudsman secretariat
    solutions systems technologies airlines airways motors vacations
    protection enforcement prevention
    """
)

# Capitalised words that, leading a name, make it an organisation ("Department of Justice").
ORG_LEADS = _words(
    """
    department ministry office university college institute bank house court council committee
    commission agency bureau board federation association church society league union party
    """
)

# Names of well-known organisations that no cue word marks, as the article may write them.
KNOWN_ORG_NAMES = frozenset(
    """United Nations|European Union|Arab League|African Union|White House|Red Cross|Security Council|
    Premier League|Champions League|Justice Department|State Department|Foreign Office|Home Office""".replace("\n", "").split("|")
)

# Names of well-known organisations written as one word or an acronym that no cue word marks.
KNOWN_ORGS = _words(
    """
    NASA EPA FBI CIA NSA NATO UN U.N. EU E.U. BBC CNN ABC NBC CBS NPR PBS ITV IS ISIS ISIL
    Hamas Hezbollah Taliban Roscosmos Tass TASS Reuters AP AFP WHO IMF OPEC FIFA UEFA IOC NHS
    NMC ICC ICJ Interpol Europol Google Apple Amazon Facebook Twitter Microsoft Netflix Tesla
    Pentagon Kremlin Congress Parliament Senate Vatican Fox
    """
)

# Last words that make a capitalised name a place, an event or a work, never an actor.
PLACE_HEADS = _words(
    """
    street st road rd avenue ave boulevard lane drive square parkway highway bridge tunnel
    station airport port harbour harbor stadium arena ground grounds centre-court
    island islands river sea ocean gulf coast beach mountain mountains mount
    valley desert forest canyon peninsula strait channel county province region district state
    city town village borough estate resort hotel villa tower building palace castle cathedral
    abbey prison jail camp base embassy consulate mall market
    pavilion amphitheatre amphitheater theatre theater auditorium coliseum colosseum ballroom garden gardens
    """
)
# US state postal codes ("Tampa, FL"): places written as two capitals, never organisations.
US_STATE_CODES = frozenset(
    """AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND
    OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC""".split()
)
# Place words that are also common surnames ("Hugh Hill", "Sally Field"): a place only when no
# given name comes first.
SURNAME_PLACE_HEADS = _words("hill hills park field lake bay green hall wood woods ford brook")
EVENT_HEADS = _words(
    """
    war wars battle day days week weekend summit conference games olympics cup championship
    championships league-cup open masters tournament series season awards award prize festival
    election elections referendum revolution crisis act bill law amendment treaty accord agreement
    convention protocol plan programme program christmas easter eve year
    """
)

# Words never an actor name by themselves, however capitalised.
NOT_NAMES = _words(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today tonight yesterday tomorrow
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    i i'm i've i'll i'd me my we our us you your he him his she her they them their it its
    the a an this that these those there here then now when where why how what who which
    mr mrs ms dr prof sir god internet web tv online
    but and or so yet if as at in on of for to from by with about after before over under into
    also still even just only not no yes oh please thanks
    earth rs usd gbp eur inr
    """
) | COMPASS_WORDS

# First words of place names ("San Francisco", "Rio Grande", "Port Talbot"), that no person's name
# starts with.
PLACE_LEADS = _words("san santa santo sao los las rio fort port mount mt lake cape saint st ste glen")

# Lower-case words that can sit inside a name ("Court of Appeal", "Vicente del Bosque").
NAME_CONNECTORS = _words("of for and the de del della der di da dos van von bin al la le du y")
# Of those, the ones that can sit inside a person's name.
PERSON_PARTICLES = _words("de del della der di da dos van von bin al la le du")

# Words that follow a person's name and end it ("Patrick W. Carlineo Jr.").
NAME_SUFFIXES = _words("Jr. Jr Sr. Sr II III IV")

# --- attribution ---------------------------------------------------------------------------------

# Reporting verbs, by lemma. Speech verbs introduce what someone said; stance verbs what someone
# thinks, wants or does with words (praise, accuse, deny). Both make positions.
SPEECH_VERBS = _words(
    """
    say tell add warn argue insist stress note explain claim deny admit confirm announce declare
    state write tweet post ask reply respond answer acknowledge concede reveal report suggest urge
    recall describe highlight emphasise emphasize maintain reiterate testify allege blame demand
    predict estimate conclude continue caution complain lament observe quip joke counter retort
    assert contend affirm insist remark comment mention indicate disclose inform assure promise
    vow pledge threaten boast brag admit apologise apologize notify advise uncover confess
    speak talk sing chant shout yell whisper exclaim remember recount point
    """
)
STANCE_VERBS = _words(
    """
    call praise criticise criticize condemn slam blast accuse welcome hail believe think hope want
    fear expect doubt question dispute reject dismiss disagree agree oppose support back endorse
    applaud thank attack denounce decry deplore regret defend justify recognize recognise accept
    scold rebuke chide mock ridicule lash hammer regard consider see view feel worry celebrate
    cheer oppose vow propose recommend float
    """
)
# Forms that regular rules get wrong.
IRREGULAR_FORMS = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "think": ("thinks", "thought", "thinking"),
    "see": ("sees", "saw", "seen", "seeing"),
    "feel": ("feels", "felt", "feeling"),
    "lash": ("lashes", "lashed", "lashing"),
    "plead": ("pleads", "pleaded", "pled", "pleading"),
    "hold": ("holds", "held", "holding"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "sing": ("sings", "sang", "sung", "singing"),
}
# Past forms the regular rules cannot make, of verbs that tell events.
IRREGULAR_PAST = _words(
    """
    won lost held found struck fell rose took left fled sold hit cut shut broke began built caught drove
    flew froze gave got went grew hid kept knew led made met paid put quit ran sent set shot sank spent
    stole stood swore threw withdrew bought brought chose dealt drew became came fought upheld
    """
)
# Verbs that double their last consonant (admit → admitted).
DOUBLING = _words("admit regret commit submit permit plan rebut slam quip")

# Verbs that report a finding when their subject is a report, an inquiry or an organisation
# ("the inquiry found ..."), but an event when a person or the police do them.
FINDING_VERBS = _words("find")

# Verbs whose subject says something only when a clause or a quote follows: "X called the talks
# 'productive'" is a position, "X called a meeting" is not. Kept apart so the quote test applies.
NEEDS_COMPLEMENT = _words("call see view regard feel float continue speak talk point")

# "according to X", "in the words of X": a source named after a preposition.
ACCORDING_TO = _phrases(
    r"""
    according to
    as reported by
    in the words of
    cited by
    quoted by
    """
)

# Generic speakers that stand for a group the article never names ("an insider told E!",
# "supporters said"): they become group actors only when they speak.
GENERIC_SPEAKERS = _words(
    """
    insider source sources critics supporters opponents campaigners activists protesters fans
    prosecutors police officers officer judges authorities settlers veterans businesses employers bosses
    unions groups governments states officials experts analysts observers economists historians
    charities inspectors investigators rescuers witnesses residents neighbours neighbors locals
    doctors scientists researchers authors lawmakers politicians parents teachers families relatives
    passengers users organisers organizers workers students voters customers executives management
    """
)

# --- outcomes and open questions -----------------------------------------------------------------

# Verbs (any form) reporting something that happened, was decided or was found: outcomes.
OUTCOME_VERBS = _words(
    """
    agree approve adopt announce arrest award ban cancel charge close conclude confirm convict
    decide defeat die dismiss elect end fine find fire force free grant hold impose jail kill
    launch lose name order pass plead postpone rule sack sign win withdraw resign sentence seize
    settle suspend strike reach release remove replace reject overturn uphold acquit abandon
    admit accept attack beat block break build buy capture collapse complete create cut destroy
    discover drop escape expand fall file flee hit increase injure introduce invest join leave
    lift open raise reduce return rise score sell ship shut spark sue take trigger vote wound
    unveil publish issue deliver launch appoint hire lay lift crash fly move receive record
    halt scrap strip postpone delay double treble wrap
    """
)
# Cues of something unresolved, uncertain, disputed, pending or still to come: open questions.
# Each with its weight: 1 for a cue that alone makes a sentence an open question ("is expected
# to", "could face", "whether"), less for one that only leans that way ("would", "if"). Written as
# word phrases (see `briefer.analysis.cues`): "|" between alternatives, "*" for a stem, "!w" for a
# word that must not follow; options: not_first (not the sentence's first word), last (only as
# the sentence's last word: "Which?" inside a name asks nothing), unless (words that cancel the cue
# anywhere in the sentence).
OPEN_CUES = (
    ("future", "will|i'll|we'll|you'll|they'll|he'll|she'll|it'll|shall !not", 1.0, {}),
    ("future_negated", "will|shall not", 0.5, {}),
    ("wont", "won't", 0.5, {}),
    ("expected", "expect|expects|expected|expecting|expectation|expectations", 1.0, {}),
    ("scheduled", "is|are due|set|scheduled|slated|poised|likely|unlikely to", 1.0, {}),
    ("scheduled_for", "scheduled for", 1.0, {}),
    ("intends", "plan|plans|planned|planning|intend|intends|aim|aims|vowed|pledged|preparing to", 1.0, {}),
    ("hopes", "hope|hopes|hoped|hoping", 1.0, {}),
    ("could_face", "could|may|might face", 1.0, {}),
    ("faces", "face|faces a|up|possible|charges|trial|jail|prison|disciplinary|an|the|life|deportation", 1.0, {}),
    ("may_have", "could|may|might have", 1.0, {}),
    ("modal", "could|may|might", 0.75, {}),
    ("conditional", "would|should", 0.5, {}),
    # "said he would": the speaker's "will", told in the past
    ("reported_future", "said|says|told|added|insisted|warned|claimed|believes|believed he|she|they|it|we would", 1.0, {}),
    ("reported_future_adverb", "said|says|told|added|insisted|warned|claimed he|she|they|it|we would now|soon|also|still", 1.0, {}),
    ("pending", "pending|awaiting|unresolved", 1.0, {}),
    ("yet_to", "yet to", 1.0, {}),
    ("not_yet", "not yet", 1.0, {}),
    ("still", "still", 1.0, {"not_first": True}),
    ("ongoing", "ongoing", 0.5, {}),
    ("remains", "remain|remains", 1.0, {}),
    ("continues", "continues", 1.0, {}),
    ("continuing", "is|are|was|were continuing", 1.0, {}),
    ("continue_to", "continue to", 1.0, {}),
    ("continue_efforts", "continue their|its efforts|search|attempts|investigation|work", 1.0, {}),
    ("unclear", "unclear|uncertain|uncertainty|unknown|undecided", 1.0, {}),
    # "It was not immediately clear when", "it's not known if": what the story cannot say yet
    ("not_clear", "is|was|it's not clear|known", 1.0, {}),
    ("not_clear_yet", "is|was|it's not immediately|yet|entirely clear|known", 1.0, {}),
    ("not_clear_nt", "isn't|wasn't clear|known", 1.0, {}),
    ("in_doubt", "in doubt", 1.0, {}),
    ("whether", "whether", 1.0, {}),
    ("to_decide_who", "decide|determine|establish|ascertain who|what|how|why|which", 1.0, {}),
    ("questions_remain", "question|questions|doubt|doubts remain|about|over|whether", 1.0, {}),
    ("many_questions", "many questions", 1.0, {}),
    ("questioned", "questions|questioned|doubts|doubted", 0.5, {}),
    ("investigation", "investigate|investigates|investigating|investigation|investigations|investigators|inquiry|probe", 1.0, {"unless": "found uncovered concluded revealed"}),
    ("being_investigated", "being|under investigated|probed|examined|reviewed|review", 1.0, {}),
    ("appeal", "an|to|the|his|her|their|its|any appeal !court", 1.0, {}),
    ("appeals", "appeal|appeals|appealed|appealing against|the|to", 1.0, {}),
    ("proceedings", "hearing|trial|case continues|resumes|will", 1.0, {}),
    ("denies", "denies|disputes|contests|rejects", 1.0, {}),
    ("denied", "denied|disputed|contested", 0.75, {}),
    ("accused", "accused", 0.5, {}),
    ("alleged", "alleged|allegedly|rumoured|rumored|reportedly|estimated", 0.5, {}),
    ("understood", "understood|thought to be", 0.5, {}),
    ("seems", "seem|seems|appear|appears to|distant|unlikely|likely", 1.0, {}),
    ("no_prospect", "no prospect|sign|reason|guarantee|timeline|date", 1.0, {}),
    ("looking_ahead", "looking ahead", 1.0, {}),
    ("going_to", "is|are|am|was|were|i'm|we're|they're|you're|he's|she's|it's|that's|not going to", 1.0, {}),
    ("within", "within a|the decade|generation|year|years|months|weeks", 1.0, {}),
    ("matter_of_time", "matter of time", 1.0, {}),
    ("tomorrow", "tomorrow", 1.0, {}),
    ("soon", "soon|hopefully|presumably !after", 0.75, {}),
    ("far_from", "far from", 0.75, {}),
    ("unverified", "independently confirm*|verif*", 1.0, {}),
    ("coming", "in the coming days|weeks|months|years", 1.0, {}),
    ("next", "next week|month|year|season|step", 1.0, {}),
    ("possibility", "future|further|potential|potentially|possible|possibly|possibility|perhaps|risk|risks", 0.5, {}),
    ("condition", "if|unless|until", 0.25, {}),
    ("question_mark", "?", 0.75, {"last": True}),
    ("no_comment", "did|declined|refused|would not|to say|comment|confirm|disclose|reveal", 1.0, {}),
    ("didnt_say", "didn't say|comment|confirm|disclose|reveal", 1.0, {}),
    ("few_details", "few|no details|word|explanation", 1.0, {}),
    # "The price wasn't announced", "the victim has not been named": what the story cannot tell yet
    ("not_disclosed", "was|were|is|are not announced|disclosed|released|revealed|identified|named", 1.0, {}),
    ("not_disclosed_nt", "wasn't|weren't|isn't|aren't announced|disclosed|released|revealed|identified|named", 1.0, {}),
    ("not_been_disclosed", "has|have not been announced|disclosed|released|revealed|identified|named", 1.0, {}),
    ("not_been_disclosed_nt", "hasn't|haven't been announced|disclosed|released|revealed|identified|named", 1.0, {}),
    # "BALPA has not ruled out more action": a door the story says is still open
    ("not_ruled_out", "not|never rule|ruled|ruling out", 1.0, {}),
    ("not_ruled_out_nt", "didn't|hasn't|haven't|won't|wouldn't|doesn't rule|ruled out", 1.0, {}),
    ("refused_to_rule_out", "refused|refuses|declined|declines to rule out", 1.0, {}),
)
# Cues that a sentence looks back on settled background rather than news: neither kind.
BACKGROUND_CUES = _phrases(
    r"""
    \bfor example\b
    \bsuch as\b
    \bis (?:one|a|an) of\b
    \bis known\b
    \bcan result\b
    \btypically\b
    \busually\b
    \bin most cases\b
    """
)


@cache
def gazetteer() -> dict:
    """Return the countries, blocs and places of ``data/gazetteer.json``."""
    raw = resources.files("briefer").joinpath("data/gazetteer.json").read_text(encoding="utf-8")
    return json.loads(raw)


def verb_forms(lemma: str) -> tuple[str, ...]:
    """Return the lemma and its inflected forms: 3rd person, past, -ing."""
    if lemma in IRREGULAR_FORMS:
        return (lemma, *IRREGULAR_FORMS[lemma])
    if lemma.endswith("e"):
        return lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return lemma, lemma + "es", lemma + "ed", lemma + "ing"
    if lemma in DOUBLING:
        return lemma, lemma + "s", lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"
    return lemma, lemma + "s", lemma + "ed", lemma + "ing"


def form_table(lemmas: frozenset[str]) -> dict[str, str]:
    """Return every form of the lemmas mapped to its lemma."""
    table: dict[str, str] = {}
    for lemma in sorted(lemmas):
        for form in verb_forms(lemma):
            table.setdefault(form, lemma)
    return table


# Every form of the speech verbs, mapped to its lemma: asked by the splitter, the caption test and
# attribution alike.
SPEECH_FORMS = form_table(SPEECH_VERBS)


def alternation(words: Iterable[str]) -> str:
    """Return a regular expression that matches any of ``words`` (literally, the first that fits in
    their order), its alternatives grouped under their first characters.

    Python's engine tries the alternatives of ``a|b|c`` one after the other wherever it stands;
    grouped, it tries only the words that start with the character there: over a word list,
    several times fewer tests at every position.
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in groups.items())
