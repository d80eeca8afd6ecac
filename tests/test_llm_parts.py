"""The pure parts of the openai backend, from literals: replies, quotes, waits, budget, cache keys."""

from __future__ import annotations

import email.utils
import multiprocessing

import pytest

from briefer.errors import TokenBudgetExceeded
from briefer.llm.cache import ResponseCache, cache_key
from briefer.llm.findings import Tally, find_quote, to_draft
from briefer.llm.retries import backoff_delay, retry_after
from briefer.llm.schema import ChunkReply, ReplyError, grammar_schema, parse_reply, strict_schema
from briefer.llm.usage import TokenBudget
from briefer.models import Chunk

TEXT = (
    "U.S. President Donald Trump met Russian President Vladimir Putin in Alaska. "
    "\u201cThere\u2019s no deal until there\u2019s a deal,\u201d Trump said. "
    "Putin praised a \u2018constructive atmosphere\u2019 of the talks. "
    "A trilateral meeting with Volodymyr Zelenskyy remains uncertain."
)
CHUNK = Chunk(index=0, start=0, end=len(TEXT), text=TEXT, tokens=60)


def _reply(**parts) -> ChunkReply:
    base = {"title": None, "summary": "Talks.", "actors": [], "positions": [], "outcomes": [], "open_questions": []}
    return ChunkReply.model_validate({**base, **parts})


def _actor(name, *aliases, kind="person"):
    return {"name": name, "aliases": list(aliases), "kind": kind, "role": None}


# --- replies ------------------------------------------------------------------------------------


def test_the_strict_schema_requires_every_property_and_forbids_others():
    def objects(node):
        if isinstance(node, dict):
            if node.get("type") == "object":
                yield node
            for v in node.values():
                yield from objects(v)
        elif isinstance(node, list):
            for v in node:
                yield from objects(v)

    schema = strict_schema(ChunkReply)
    found = list(objects(schema))
    assert len(found) == 4  # the reply, an actor, a position, an item
    for node in found:
        assert node["additionalProperties"] is False
        assert sorted(node["required"]) == sorted(node["properties"])
    assert "maxItems" not in str(schema)  # OpenAI's strict mode gets no caps it might refuse
    assert grammar_schema(ChunkReply)["properties"]["positions"]["maxItems"] == 8


def test_a_reply_in_a_code_fence_or_after_a_preamble_is_read():
    body = '{"summary": "s", "actors": [], "positions": [], "outcomes": [], "open_questions": []}'
    assert parse_reply(f"```json\n{body}\n```", ChunkReply).summary == "s"
    assert parse_reply(f"Here you go:\n{body}\nHope it helps!", ChunkReply).summary == "s"


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "empty"),
        ("not json at all", "not valid JSON"),
        ("[1, 2]", "not an object"),
        ('{"summary": "s", "actors": "Trump"}', "actors: Input should be a valid list"),
    ],
)
def test_an_unusable_reply_says_what_is_wrong(content, message):
    with pytest.raises(ReplyError, match=message):
        parse_reply(content, ChunkReply)


def test_an_actor_kind_in_other_words_is_understood():
    reply = _reply(actors=[_actor("Kremlin", kind="Organisation"), _actor("Russia", kind="NATION")])
    assert [a.kind for a in reply.actors] == ["organization", "country"]


# --- finding quotes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "quote, found",
    [
        # straight quote marks for the article's curly ones
        ("Putin praised a 'constructive atmosphere' of the talks.",
         "Putin praised a \u2018constructive atmosphere\u2019 of the talks."),
        ('"There\'s no deal until there\'s a deal," Trump said.',
         "There\u2019s no deal until there\u2019s a deal,\u201d Trump said."),
        ("U. S. President Donald Trump met", "U.S. President Donald Trump met"),  # a tokenizer's spaces
        ("A trilateral meeting with Volodymyr Zelenskyy\u2026", "A trilateral meeting with Volodymyr Zelenskyy"),
        ("  putin PRAISED a \u2018constructive   atmosphere\u2019  ", "Putin praised a \u2018constructive atmosphere"),
    ],
)
def test_a_quote_written_a_little_differently_is_found_as_the_article_has_it(quote, found):
    span = find_quote(quote, TEXT)
    assert span is not None and TEXT[span[0] : span[1]] == found


@pytest.mark.parametrize(
    "quote", ["Putin praised a 'productive atmosphere' of the talks.", "Trump and Putin signed a treaty."]
)
def test_a_quote_with_a_changed_word_is_not_found(quote):
    assert find_quote(quote, TEXT) is None


def test_findings_keep_only_what_the_article_says():
    reply = _reply(
        actors=[_actor("Donald Trump"), _actor("Vladimir Putin"), _actor("Joe Biden")],
        positions=[
            {"actor": "Trump", "text": "no deal", "quote": "There's no deal until there's a deal"},
            {"actor": "Putin", "text": "praise", "quote": "Putin praised a 'constructive atmosphere'"},
            {"actor": "Trump", "text": "praise", "quote": "Putin praised a 'constructive atmosphere'"},
            {"actor": "Volodymyr Zelenskyy", "text": "?", "quote": "A trilateral meeting with Volodymyr Zelenskyy"},
            {"actor": "Kamala Harris", "text": "x", "quote": "Trump said."},
        ],
        outcomes=[{"text": "met", "quote": "Donald Trump met Russian President Vladimir Putin"},
                  {"text": "signed", "quote": "They signed a treaty."}],
    )
    tally = Tally()
    d = to_draft(reply, CHUNK, tally=tally)
    names = [a.name for a in d.actors]
    assert names == ["Donald Trump", "Vladimir Putin", "Volodymyr Zelenskyy"]  # Biden is not in the text
    assert d.actors[0].aliases == ["Trump"] and d.actors[0].mentions == 2
    # One speaker per quote: the quote names Putin, so Trump's claim on it goes.
    assert [(p.actor, p.text) for p in d.positions] == [
        ("Donald Trump", "no deal"), ("Vladimir Putin", "praise"), ("Volodymyr Zelenskyy", "?")
    ]
    for item in [*d.positions, *d.outcomes]:
        e = item.evidence[0]
        assert TEXT[e.start : e.end] == e.quote
    assert [o.text for o in d.outcomes] == ["met"]
    assert tally.warnings() == [
        "dropped 1 item(s) whose quote the model gave is not in the article",
        "dropped actor(s) the article does not name: Joe Biden",
        "dropped position(s) of actor(s) not in the article: Kamala Harris",
    ]


def test_findings_in_a_window_have_spans_of_the_whole_chunk():
    second = TEXT.index("Putin praised")
    reply = _reply(outcomes=[{"text": "praise", "quote": "Putin praised a"}, {"text": "met", "quote": "Donald Trump met"}])
    d = to_draft(reply, CHUNK, window=(second, len(TEXT)))
    assert [(o.evidence[0].start, o.text) for o in d.outcomes] == [(second, "praise")]  # the other is outside


def test_an_empty_text_takes_the_quote():
    d = to_draft(_reply(outcomes=[{"text": " ", "quote": "Donald Trump met"}]), CHUNK)
    assert d.outcomes[0].text == "Donald Trump met"


def test_a_text_its_quote_does_not_support_is_not_kept_beside_it():
    tally = Tally()
    reply = _reply(outcomes=[
        # The text is the article's own sentence, the quote another one: the sentence becomes the evidence.
        {"text": "A trilateral meeting with Volodymyr Zelenskyy remains uncertain.", "quote": "Donald Trump met"},
        # The text is nowhere in the article: the verified quote becomes the text.
        {"text": "FOOTBALL WITHOUT FANS IS NOTHING", "quote": "Putin praised a 'constructive atmosphere'"},
    ])
    d = to_draft(reply, CHUNK, tally=tally)
    first, second = d.outcomes
    assert first.evidence[0].quote == "A trilateral meeting with Volodymyr Zelenskyy remains uncertain."
    assert second.text == second.evidence[0].quote and second.text.startswith("Putin praised a")
    assert tally.warnings() == ["replaced the text of 1 item(s) that their quote does not support with the quote"]


# --- waits, budget, cache -----------------------------------------------------------------------


def test_retry_after_in_its_three_forms():
    assert retry_after({"Retry-After": "3"}) == 3.0
    assert retry_after({"retry-after-ms": "250", "retry-after": "9"}) == 0.25
    date = email.utils.formatdate(1000.0 + 12, usegmt=True)
    assert retry_after({"Retry-After": date}, now=lambda: 1000.0) == 12.0
    assert retry_after({"Retry-After": "soon"}) is None
    assert retry_after({}) is None


def test_backoff_doubles_within_its_jitter_and_is_capped():
    assert [backoff_delay(n, 1.0, rand=lambda: 0.0) for n in (1, 2, 3)] == [0.5, 1.0, 2.0]
    assert [backoff_delay(n, 1.0, rand=lambda: 1.0) for n in (1, 2, 3)] == [1.0, 2.0, 4.0]
    assert backoff_delay(20, 1.0, rand=lambda: 1.0) == 30.0


def test_the_budget_counts_calls_in_flight():
    budget = TokenBudget(1000)
    budget.reserve(600)
    with pytest.raises(TokenBudgetExceeded, match=r"could take 500 tokens: --max-tokens-total 1000 leaves 400 "
                       r"\(0 used, 600 held by calls in flight\)"):
        budget.reserve(500)
    budget.settle(600, 300)  # the call took less than its worst case
    budget.reserve(500)
    assert budget.used == 300
    TokenBudget(None).reserve(10**9)  # no budget, no limit


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_the_budget_is_shared_with_forked_worker_processes():
    budget = TokenBudget(1000)
    child = multiprocessing.get_context("fork").Process(target=budget.settle, args=(0, 700))
    child.start()
    child.join()
    assert budget.used == 700  # what a worker used is gone from what this process may use
    with pytest.raises(TokenBudgetExceeded, match="leaves 300 \\(700 used\\)"):
        budget.reserve(400)


def test_the_cache_key_changes_with_anything_that_shapes_the_reply(tmp_path):
    base = dict(base_url="u", model="m", prompts="p1", schema="1", options={"temperature": 0}, stage="map", content="t")
    keys = {cache_key(**base)}
    for change in ({"model": "m2"}, {"prompts": "p2"}, {"schema": "2"}, {"options": {"temperature": 0.1}},
                   {"content": "t2"}, {"base_url": "u2"}):
        keys.add(cache_key(**{**base, **change}))
    assert len(keys) == 7
    cache = ResponseCache(tmp_path)
    cache.put(cache_key(**base), {"summary": "s"})
    assert ResponseCache(tmp_path).get(cache_key(**base)) == {"summary": "s"}  # it lasts
    assert cache.get(cache_key(**{**base, "model": "m2"})) is None
