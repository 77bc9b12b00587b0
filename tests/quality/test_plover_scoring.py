"""The PLOVER benchmark's reading of the markup and its scores, on records made up here."""

from __future__ import annotations

from bench.extract.plover_corpus import GoldRecord, parse_markup
from bench.extract.plover_score import SystemEvent, actor_match, score


def test_markup_gives_back_the_sentence_and_its_spans() -> None:
    text, spans = parse_markup("{(SRC: Norway) (EVT: will send) aid to (TAR: Chad).}")
    assert text == "Norway will send aid to Chad."
    assert [(sorted(s.roles), text[s.start : s.end]) for s in spans] == [
        (["SRC"], "Norway"),
        (["EVT"], "will send"),
        (["TAR"], "Chad"),
    ]


def _record(markup: str, kind: str, sources: tuple[str, ...] = ()) -> GoldRecord:
    text, spans = parse_markup(markup)
    return GoldRecord("p000", text, kind, sources, (), tuple(spans))


def test_the_event_on_the_marked_words_is_scored_and_the_actor_by_its_words() -> None:
    record = _record(
        "(SRC: The Chadian army) (EVT: shelled) the town after talks.", "ASSAULT", ("Chadian army",)
    )
    talks = SystemEvent("CONSULT", (45, 50))
    shelled = SystemEvent("ASSAULT", (23, 30), source="The Chadian army")
    scores = score([record], {"p000": [talks, shelled]}).as_dict()
    assert scores["type_accuracy"] == 100.0 and scores["source_exact"] == 100.0
    # Without the marked event the first event found is the answer: a miss here.
    assert score([record], {"p000": [talks]}).as_dict()["type_accuracy"] == 0.0
    assert score([record], {}).confusion == {("ASSAULT", "NONE"): 1}


def test_actor_overlap_needs_a_content_word() -> None:
    assert actor_match("the army of Chad", ["Chadian army"]) == (False, True)
    assert actor_match("The government", ["government"]) == (True, True)
    assert actor_match("Chad", ["Niger"]) == (False, False)
