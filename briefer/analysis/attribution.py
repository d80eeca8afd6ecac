"""Who said what: each sentence's speakers, from the reporting verbs and quotations around them.

Handled: `"...," X said` and `"...," said X`; `X said: "..."`; `X said (that) ...`; `according to X`;
`X told Y ...`; stance verbs (X praised, accused, denied ...); appositives between the speaker and
the verb (`Hugh Hill, a doctor at X, said`); a participle after the clause (`..., saying ...`);
quotations over several sentences, whose speaker is named once; a quotation that follows a
speaker; pronouns (he, she, they, it) continuing the last compatible speaker; descriptions ("the
attorney", "the company", "a spokesman for X", "Russia's foreign ministry", "a survey by X"); and
unnamed groups that speak ("an insider", "supporters of the measure"). A sentence whose speaker
cannot be resolved gets none: no guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import ACCORDING_TO, DOCUMENT_DESCRIPTIONS, FINDING_VERBS, NEEDS_COMPLEMENT, verb_forms
from .actors import AUXILIARIES, VERB_FORMS, Entity
from .names import Mention
from .referents import SKIP_BETWEEN as _SKIP_BETWEEN
from ..lexicon import SPEECH_FORMS as _SPEECH
from .referents import STANCE_FORMS as _STANCE
from .referents import Referent
from .referents import Context, _make, find_referents, resolve
from .subjects import PASSIVE, adjacent_subject, inverted_subject, participle_subject, subject_before
from .units import SIGNATURE, Unit

_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
# "did not say", "hasn't immediately said", "would not comment": a verb of saying denied says
# nothing, which the story leaves open.
_UNSAID = frozenset("say tell comment confirm disclose reveal specify elaborate explain".split())
_NEGATED = re.compile(r"\b(?:not|never|n['\u2019]t)\s+(?:[a-z]+ly\s+)?$")
_LOWER_WORD = re.compile(r"[a-z][a-z'\u2019-]*")
# "Big Machine Records issued a statement ...": verbs that report only with a statement as object.
_STATEMENT_FORMS = {f: lemma for lemma in ("issue", "release") for f in verb_forms(lemma) if not f.endswith("ing")}
_STATEMENT_OBJECT = re.compile(r"\s+(?:a\s+|an\s+)?(?:joint\s+|brief\s+|written\s+|short\s+|public\s+)?(?:statement|apology|denial)\b")
# Words after a name that make it a clause's subject: auxiliaries, reporting, stance and event
# verbs, and the adverbs that may stand between.
_SUBJECT_VERBS = AUXILIARIES | frozenset(VERB_FORMS) | frozenset(_SPEECH) | frozenset(_STANCE) | _SKIP_BETWEEN
_FREE_RELATIVE = re.compile(
    r"\b(?:what|whatever|whichever)\s+(?:[a-z]+\s+)?(?:he|she|they|we|you|i|it)\s+"
    r"(?:(?:was|were|is|are|had|has|have|would|will|did|do|does|might|may)\s+)?$",
    re.IGNORECASE,
)
_NOUN_THEN_VERB = re.compile(
    r"\s+[a-z]+\s+(?:are|were|have|had|will|would|can|could|may|might|must|should|do|did|say|said|want)\b"
)
_REPORTED_PRONOUN = re.compile(r"\b(?:said|says|say|told \w+|added)\s+(?:that\s+)?$")
_POSTING = frozenset({"post", "tweet"})
_MEDIA_OBJECT = re.compile(
    r"\s+(?:(?:a|an|the|his|her|their|its|this|that)\s+)?(?:[a-z-]+\s+)?"
    r"(?:photos?|pictures?|images?|videos?|selfies?|clips?)\b"
)
# "has agreed a deal to replace ...", "agreed a £30m fee": a bargain struck, not a view.
_AGREED_TERMS = re.compile(
    r"\s+(?:(?:a|an|the|his|her|their|its|new)\s+)?(?:[\w£$€.-]+\s+){0,2}?"
    r"(?:deal|terms|contract|fee|transfer|settlement|agreement|pay|loan)\b"
)
_BY_DOING = re.compile(r"\s+by\s+([a-z]+ing)\b")
_CONDITIONAL = re.compile(r"\b(?:if|unless)\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
_CLOSING_MARKS = "\"'\u201d\u2019"
_NAMING = frozenset({"call", "describe", "term", "dub", "brand", "label"})
_VERB_WORDS = frozenset(_SPEECH) | frozenset(_STANCE) | frozenset(_STATEMENT_FORMS)
# Each reporting verb form's lemma, a speech verb's first (as `_SPEECH.get(w) or _STANCE.get(w)`).
_VERB_LEMMAS = {**_STATEMENT_FORMS, **_STANCE, **_SPEECH}
# (The look-ahead for a phrase's first letter adds no condition: it lets the search skip the
# other positions at once, before the word boundary is tested. Case-insensitively, a letter
# matches nothing its class does not.)
_ACCORDING = re.compile(
    r"(?=[" + "".join(sorted({re.escape(p[0].lower()) for p in ACCORDING_TO})) + r"])\b(?:" + "|".join(re.escape(p) for p in ACCORDING_TO) + r")\s+",
    re.IGNORECASE,
)
_INVERTIBLE = frozenset(
    f
    for lemma in (
        "say add ask write continue conclude explain insist warn claim note tell tweet recall reply stress argue admit "
        "comment remark respond quip joke counter retort observe complain announce declare confirm"
    ).split()
    for f in verb_forms(lemma)
    if not f.endswith("ing")
)
_PHRASE_END = re.compile(r"[,;:]\s+(?=[a-z])")
_PROGRESSIVE = re.compile(r"\b(?:is|are|was|were|am|been|be|isn't|aren't|wasn't|weren't)\s+(?:not\s+|also\s+|now\s+|still\s+)?$", re.IGNORECASE)
_TAKES_OBJECT = frozenset({"tell", "ask"})  # "..., Hatfield, 27, told the Post": no inversion
_SUBORDINATE_FIRST = re.compile(r"\W*(?:while|although|though|whereas|even though)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"\b(?:while|whereas|but|and|as)\b|[;]|,\s+with\b")
# Compiled once: these run for every reporting verb.
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had|having)\s+(?:\w+ly\s+)?$")
_ABOUT = re.compile(r"(?:(?:\s+[a-z]+){0,2}\s+about|\s+of)\b")
_TOPIC_VERBS = frozenset({"speak", "talk"})
_THAT_ON_FOR = re.compile(r"\s+(?:that|on|for)\b")
_AS = re.compile(r"\bas\b")
_WORD_BEFORE = re.compile(r"[\w'\u2019]+")
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$")
_PARTICIPLES = frozenset("seen written given known shown spoken chosen".split())
_BARE_BEFORE = frozenset("they we you i will would could can may might must should did does do not to n't also".split())


@dataclass(slots=True)
class Attribution:
    unit: int
    entity: int
    cue: str
    confidence: float


def attribute(
    units: list[Unit], mentions: list[Mention], owner: dict[int, int], entities: list[Entity]
) -> dict[int, list[Attribution]]:
    """Return each unit's attributions. Unnamed groups and inquiries that speak ("an insider",
    "the independent inquiry") are appended to ``entities``."""
    by_unit: dict[int, list[tuple[Mention, int]]] = {}
    for i, m in enumerate(mentions):
        if i in owner:
            by_unit.setdefault(m.unit, []).append((m, owner[i]))
    ctx = Context(entities)
    made: dict[str, int] = {}
    out: dict[int, list[Attribution]] = {}
    for u in units:
        if u.caption:
            continue
        found = _attribute_unit(u, by_unit.get(u.index, []), entities, ctx, made)
        if found:
            out[u.index] = found
        for m, eid in by_unit.get(u.index, []):
            if entities[eid].kind in ("person", "organization", "country", "group", "other") and not m.quoted:
                if not (m.modifier or m.locative):
                    ctx.saw(eid)  # what "the company" can refer back to: not "a Netflix documentary"
                if not m.possessive and _is_subject(m, u):
                    ctx.note(eid)  # a subject: what the next sentence's "he" or "it" continues
        for a in found:
            ctx.note(a.entity)
    _continue_quotations(units, out)
    _signed_posts(units, by_unit, entities, made, out)
    return out


def _signed_posts(
    units: list[Unit],
    by_unit: dict[int, list[tuple[Mention, int]]],
    entities: list[Entity],
    made: dict[str, int],
    out: dict[int, list[Attribution]],
) -> None:
    """An embedded post (a tweet) prints its text as a paragraph, then its signature line, "—
    Cooper Lund (@cooperlund) November 18, 2019": the paragraph is what the person signing it
    wrote, whatever the sentence's own words seemed to say."""
    for u in units:
        if not u.signature or u.index == 0:
            continue
        signer = next((eid for m, eid in by_unit.get(u.index, []) if entities[eid].kind in _SIGNERS), None)
        name = SIGNATURE.match(u.text).group("name").strip()
        if signer is None:
            signer = _named_elsewhere(name, entities)
        if signer is None and _PERSON_LIKE.fullmatch(name):
            # "— Dele (@dele_official)", named nowhere else: the signature is all we know of him.
            signer = _make(entities, made, "signer:" + name.casefold(), "person", name, u.start)
        if signer is None:
            continue  # "— tall glass of coquito (@_orabora)": no name we can list
        post = units[u.index - 1].paragraph
        for v in units[u.index - 1 :: -1]:
            if v.paragraph != post:
                break
            if not v.caption and v.words >= _POST_MIN_WORDS:  # ("Club statement" labels a picture)
                out[v.index] = [Attribution(v.index, signer, "post", 0.9)]


_SIGNERS = frozenset(("person", "organization", "group", "other"))
_PERSON_LIKE = re.compile(r"[A-Z][a-z'\u2019-]+(?: [A-Z][a-z'\u2019.-]*){0,2}")
_POST_MIN_WORDS = 3


def _named_elsewhere(name: str, entities: list[Entity]) -> int | None:
    """The one person the article names in full whose given name or surname signs a post
    ("— Dele (@dele_official)" after "Dele Alli")."""
    word = name.strip().casefold()
    if not word or " " in word:
        return None
    found = [e.id for e in entities if e.kind == "person" and e.mentions and word in e.name.casefold().split()]
    return found[0] if len(found) == 1 else None


def _is_subject(m: Mention, u: Unit) -> bool:
    """True when a verb follows the name: the next sentence's "he" or "it" can continue it."""
    nxt = m.next
    if nxt in _SUBJECT_VERBS or nxt.endswith("ed"):
        return True
    # "Carlineo faces a maximum of 10 years": a present-tense verb after a name that opens the
    # sentence (after "the" or "a" the word is a noun the name modifies: "the Trump supporters").
    # ("Union members are scheduled ...": a plural noun, its verb after it.)
    if not (m.initial and len(nxt) > 3 and nxt.endswith("s") and not nxt.endswith(("ss", "us", "is"))):
        return False
    return not _NOUN_THEN_VERB.match(u.text, m.end - u.start)


def _attribute_unit(
    u: Unit, mentions: list[tuple[Mention, int]], entities: list[Entity], ctx: Context, made: dict[str, int]
) -> list[Attribution]:
    masked = u.outside_quotes()
    lowered = masked.lower()
    words, runs = _lower_words(lowered)  # (asked twice only: no set of them is worth making)
    if _VERB_WORDS.isdisjoint(words) and "according" not in words:
        return []  # no reporting verb outside the quotes: nobody is reported here
    refs = find_referents(u, mentions, entities)
    found: list[Attribution] = []
    last_verb_end = -1

    def add(ref_list: list[Referent], cue: str, confidence: float, finding: bool = False) -> bool:
        added = False
        for ref in ref_list:
            eid, conf = resolve(ref, u, masked, entities, ctx, made, finding)
            if eid is None or any(a.entity == eid for a in found):
                continue
            found.append(Attribution(u.index, eid, cue, round(confidence * conf, 2)))
            ctx.note(eid)  # "Russia's foreign ministry said it viewed ...": "it" is the speaker
            added = True
        return added

    # (In an ASCII sentence the case-insensitive pattern can only match where a phrase stands in
    # the lower-cased text: a substring test each rules it out, where the pattern runs its matcher
    # at every position.)
    according = not masked.isascii() or any(p in lowered for p in ACCORDING_TO)
    for m in _ACCORDING.finditer(masked) if according else ():
        # The source is named before the phrase ends ("According to The Verge's review, the
        # platform does not run Destiny 2" is not Destiny's word), or in an appositive after a
        # comma ("according to the family's attorney, James Maron"); of unnamed sources, only those
        # known by what they know ("according to people familiar with the talks").
        close = _PHRASE_END.search(masked, m.end())
        stop = min(m.end() + 90, close.start() if close else len(masked))
        after = [
            r for r in refs
            if m.end() <= r.start < stop and (r.kind not in ("pronoun", "generic") or r.word == "people")
            and not (r.kind == "description" and r.word in DOCUMENT_DESCRIPTIONS)
        ]
        for r in after:
            if add([r], "according to", 0.85):
                break
    # The reporting verbs, picked out in one pass: the checks below are for them only.
    for w in _verb_matches(masked, words, runs):
        word = w.group().lower()
        lemma = _VERB_LEMMAS[word]
        if _is_passive(masked, w.start()) and not word.endswith("ing") or _is_attributive(masked, w):
            continue
        if any(r.start <= w.start() < r.end for r in refs):
            continue  # "the only two Arab states": a noun inside a name or a description
        if word in _STATEMENT_FORMS and not _STATEMENT_OBJECT.match(masked, w.end()):
            continue  # "issued a warrant", "released the hostages": no statement
        if lemma in NEEDS_COMPLEMENT and not _has_complement(u, masked, w, lemma):
            continue
        if word in _PARTICIPLES and not _PERFECT_BEFORE.search(masked[max(0, w.start() - 20) : w.start()]):
            continue  # "territories, seen as ...": a participle without "have" reports nothing
        if lemma in _POSTING and _MEDIA_OBJECT.match(masked, w.end()):
            continue  # "had posted a photo on her Instagram account": a picture, not a statement
        if lemma == "agree" and _AGREED_TERMS.match(masked, w.end()):
            continue  # "Jose Mourinho has agreed a deal to replace ...": an outcome
        if lemma in _UNSAID and _NEGATED.search(masked, max(0, w.start() - 24), w.start()):
            continue  # "The lawyer did not say who ...", "has not said whether ...": nothing said
        doing = _BY_DOING.match(masked, w.end())
        if doing and doing.group(1) not in _SPEECH:
            continue  # "Mr Ray responded by banging on her door": an act ("by saying ..." is speech)
        if _CONDITIONAL.search(masked, max(0, w.start() - 30), w.start()):
            continue  # "advising parents ... if they fear ...": a supposition, nobody's statement
        if lemma not in _NAMING and _FREE_RELATIVE.search(masked, max(0, w.start() - 40), w.start()):
            # "whatever angle they want", "that's what she was thinking": no statement ("what he
            # called 'bullying'" is one: the name he gives it).
            continue
        if word == lemma and not _finite_bare(masked, w.start()):
            continue  # "a Palestinian state", "a call": a noun unless a subject or an auxiliary comes first
        speech = word in _SPEECH
        aux = _PROGRESSIVE.search(masked, max(0, w.start() - 20), w.start()) if word.endswith("ing") else None
        if aux:
            subj = subject_before(refs, masked, aux.start())  # "Police are warning residents ..."
        elif word.endswith("ing"):
            subj = adjacent_subject(refs, masked, w.start()) or participle_subject(refs, masked, w.start())
        else:
            # `..., said Pushparam K.C.`: after a comma, a speaker right after the verb is its
            # subject, however long the clause before it.
            subj = inverted_subject(refs, masked, w) if word in _INVERTIBLE and lemma not in _TAKES_OBJECT else []
            subj = subj or subject_before(refs, masked, w.start())
        if not subj:
            continue
        if subj[0].kind == "pronoun" and _REPORTED_PRONOUN.search(masked, max(0, subj[0].start - 20), subj[0].start):
            continue  # "several dock crews said they wanted": the pronoun is the reporter's subject, not news
        between = masked[last_verb_end : subj[0].start] if found and last_verb_end >= 0 else None
        if between is not None and not (
            _CLAUSE_BREAK.search(between) or "," in between and _SUBORDINATE_FIRST.match(masked)
        ):
            # "Pompeo said that ... Washington had concluded ...": reported inside the first report.
            # ("While the BBC claimed ..., Maria Cristina Barrionuevo said ...": the comma ends the
            # first clause.)
            if not _closes_sentence(masked, w, subj):
                continue
            # "..., for fear that he will only demand more, people familiar with the talks said.":
            # the attribution that closes the sentence reports all before it, its verbs included.
            found.clear()
        finding = lemma in FINDING_VERBS
        if add(subj, lemma, 0.9 if speech else 0.75, finding):
            last_verb_end = w.end()
    return found


_CLOSING = re.compile(r"\s*[.!?]?[\"'\u201d\u2019]?\s*$")


def _closes_sentence(masked: str, w: re.Match[str], subj: list[Referent]) -> bool:
    """True for "..., X said." or "..., said X.": a verb and its subject set off by a comma at the
    sentence's end."""
    if not _CLOSING.match(masked, max(w.end(), subj[-1].end)):
        return False
    return masked[: min(w.start(), subj[0].start)].rstrip().endswith(",")


def _lower_words(lowered: str) -> tuple[list[str], str | None]:
    """Return ``_LOWER_WORD.findall(lowered)``, and the text with every character outside the
    words made a space when that is how they were found (else None)."""
    if lowered.isascii():
        # A run of [a-z'-] holds one word, from its first letter: when no run starts with a mark,
        # the words are the runs, which split() gives once every other character is a space.
        runs = lowered.encode("ascii").translate(_ASCII_NON_WORD_TO_SPACE).decode("ascii")
        if runs[:1] not in ("'", "-") and " '" not in runs and " -" not in runs:
            return runs.split(), runs
    return _LOWER_WORD.findall(lowered), None


def _verb_matches(masked: str, words: list[str], runs: str | None) -> list[re.Match[str]]:
    """Return the matches of ``_WORD`` in ``masked`` that are reporting verb forms, in order."""
    if runs is None or not masked.isascii():
        return [w for w in _WORD.finditer(masked) if w.group().lower() in _VERB_LEMMAS]
    # An ASCII text lower-cases letter for letter, so its _WORD matches are its runs (each starts
    # with a letter here), at the same offsets. Only the few verb forms among them are looked up
    # and matched again where they stand, instead of a match object and a lookup for every word.
    starts: list[int] = []
    end = len(runs)
    for v in _VERB_WORDS.intersection(words):  # (the verb forms are _VERB_LEMMAS's keys; only the words are walked)
        n = len(v)
        at = runs.find(v)
        while at >= 0:
            if (at == 0 or runs[at - 1] == " ") and (at + n == end or runs[at + n] == " "):
                starts.append(at)
            at = runs.find(v, at + n)
    starts.sort()
    return [_WORD.match(masked, at) for at in starts]


# (A table for the text's bytes: str.translate() looks every distinct character up in a dict, at each call.)
_ASCII_NON_WORD_TO_SPACE = bytes(c if re.fullmatch("[a-z'-]", chr(c)) else 32 for c in range(128)) + bytes(128)


def _has_complement(u: Unit, masked: str, w: re.Match[str], lemma: str) -> bool:
    """"X called the talks 'productive'", "X regards Y as ...", "X called on Y", "X spoke of Y": a
    stance, not an act."""
    after = masked[w.end() : w.end() + 80]
    if lemma == "point":
        return after.startswith(" out ")  # "Fadem points out a couple of reasons ..." ("20 points" is no statement)
    if _THAT_ON_FOR.match(after) or _AS.search(after[:60]) or lemma in _TOPIC_VERBS and _ABOUT.match(after):
        return True  # ("X spoke with his son" is an act; "X talked a lot about ..." says something)
    return any(s >= w.end() for s, _ in u.quotes)


def _finite_bare(masked: str, v: int) -> bool:
    before = _WORD_BEFORE.findall(masked[max(0, v - 30) : v].lower())
    while len(before) > 1 and before[-1].endswith("ly"):
        before.pop()  # "did not immediately respond": the adverb stands between
    if not before:
        return False
    prev = before[-1]
    return prev in _BARE_BEFORE or prev.endswith("n't") or (prev.endswith("s") and not prev.endswith(("'s", "\u2019s", "ss")))


def _is_passive(masked: str, v: int) -> bool:
    before = masked[max(0, v - 30) : v].lower().split()
    return bool(before) and (before[-1] in PASSIVE or len(before) > 1 and before[-1].endswith("ly") and before[-2] in PASSIVE)


def _is_attributive(masked: str, w: re.Match[str]) -> bool:
    """"the reported deaths", "a called meeting": a participle before a noun reports nothing."""
    before = masked[max(0, w.start() - 6) : w.start()].lower()
    return w.group().lower().endswith("ed") and bool(_ARTICLE_BEFORE.search(before))


# How far back (in sentences) an unattributed quotation looks for its speaker: the last speaker
# stays the speaker over a sentence or two of narrative ("Then the daily barrage of noise began.
# 'On the first morning, I was laid in bed ...'").
QUOTE_REACH = 3


def _continue_quotations(units: list[Unit], out: dict[int, list[Attribution]]) -> None:
    """Give every sentence of a quotation the speaker named in one of them, and a quotation that
    follows an attributed sentence, closely, that sentence's speaker."""
    runs: list[list[Unit]] = []
    for u in units:
        if u.caption:
            continue
        if runs and u.opens_inside and runs[-1][-1].leaves_open and runs[-1][-1].index == u.index - 1:
            runs[-1].append(u)
        else:
            runs.append([u])
    # A quotation paragraph printed without its closing mark goes on in the next one: "'We are
    # now all living in a peepshow. 'Continually being watched ...,' he said." is one speaker's.
    for run, after in zip(runs[-2::-1], runs[:0:-1]):
        first, last, nxt = run[0], run[-1], after[0]
        if first.index in out or nxt.index not in out or nxt.index != last.index + 1:
            continue
        open_end = last.text.rstrip()[-1:] not in _CLOSING_MARKS
        if open_end and first.quotes and first.quotes[0][0] == 0 and nxt.quotes and nxt.quotes[0][0] == 0:
            tagged = out[nxt.index][0]
            for u in run:
                if u.quoted_share() > 0.5:
                    out[u.index] = [Attribution(u.index, tagged.entity, tagged.cue, min(0.7, tagged.confidence))]
    prev_speaker: Attribution | None = None
    prev_index = -2
    for run in runs:
        tagged = next((out[u.index][0] for u in run if u.index in out), None)
        starts_quote = bool(run[0].quotes) and run[0].quotes[0][0] == 0
        if tagged is None and starts_quote and prev_speaker and run[0].index - prev_index <= QUOTE_REACH:
            tagged = Attribution(-1, prev_speaker.entity, prev_speaker.cue, 0.6)
        if tagged is not None:
            for u in run:
                if u.index not in out and u.quoted_share() > 0.5:
                    out[u.index] = [Attribution(u.index, tagged.entity, tagged.cue, min(0.7, tagged.confidence))]
        last = run[-1]
        if last.index in out:
            prev_speaker, prev_index = out[last.index][0], last.index
