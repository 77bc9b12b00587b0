from __future__ import annotations

from collections.abc import Callable
from typing import Any

from storyline.analyze.entities import extract_mentions
from storyline.analyze.events import extract_events
from storyline.model import Event, Mention, TimeExpression


def _events(
    parse: Callable, text: str, check_evidence: Callable, times: Callable | None = None
) -> tuple[list[Event], dict[str, str]]:
    """Events of ``text`` and a map from entity id to mention text. ``times`` builds the
    time expressions from the Document."""
    sdoc, doc = parse(text)
    mentions: list[Mention] = extract_mentions(sdoc, doc)
    expressions: list[TimeExpression] = times(doc) if times else []
    events = extract_events(sdoc, doc, mentions, expressions)
    for event in events:
        check_evidence(doc, event.mentions)
        if event.date_evidence is not None:
            check_evidence(doc, [event.date_evidence])
        assert event.documents == [doc.id]
        assert 0 < len(event.summary.split()) <= 20
        assert not event.summary.endswith(",")
    return events, {m.entity: m.evidence.text for m in mentions}


def test_talks_in_cairo(parse: Callable, check_evidence: Callable, time_at: Callable) -> None:
    made: list[TimeExpression] = []

    def sunday(doc: Any) -> list[TimeExpression]:
        made.append(time_at(doc, "Sunday", "2024-12-01"))
        return made

    events, names = _events(
        parse,
        "Hamas leaders held talks with Egyptian officials in Cairo on Sunday.",
        check_evidence,
        sunday,
    )
    [event] = events
    assert event.date_ref == made[0].id
    assert event.type == "CONSULT"
    assert event.mode == "asserted"
    assert names[event.source_actor] == "Hamas"
    assert names[event.target_actor] in {"Egyptian", "Egypt"}
    assert names[event.location] == "Cairo"
    assert event.date == "2024-12-01"
    assert event.date_evidence is not None and event.date_evidence.text == "Sunday"
    assert event.summary.startswith("Hamas leaders held talks with Egyptian officials")
    assert "Sunday" not in event.summary


def test_negated_event(parse: Callable, check_evidence: Callable) -> None:
    events, names = _events(
        parse, "Israel did not send a delegation to the talks in Doha.", check_evidence
    )
    [event] = events
    assert event.mode == "negated"
    assert names[event.source_actor] == "Israel"
    assert event.summary.startswith("Israel did not send a delegation")


def test_future_and_hypothetical(parse: Callable, check_evidence: Callable) -> None:
    events, _ = _events(
        parse,
        "The ministers will meet in Amman. Jordan could expel the ambassador.",
        check_evidence,
    )
    # PLOVER codes a meeting announced for the future as the intent to meet (AGREE); the
    # summary keeps the act.
    assert [(e.type, e.mode) for e in events] == [
        ("AGREE", "future"),
        ("SANCTION", "hypothetical"),
    ]
    assert events[0].summary.startswith("The ministers will meet")
    assert events[0].trigger is not None and events[0].trigger.text == "meet"


def test_set_to_is_future(parse: Callable, check_evidence: Callable) -> None:
    events, names = _events(
        parse, "Secretary Marco Reyes is set to visit Riyadh next week.", check_evidence
    )
    [event] = events
    assert (event.type, event.mode) == ("AGREE", "future")
    assert names[event.source_actor] == "Marco Reyes"


def test_two_events_in_one_sentence(parse: Callable, check_evidence: Callable) -> None:
    events, _ = _events(
        parse,
        "Gunmen from the Ansar Front stormed the village and abducted twelve farmers.",
        check_evidence,
    )
    assert [e.type for e in events] == ["ASSAULT", "ASSAULT"]
    assert len({e.id for e in events}) == 2
    assert "stormed" in events[0].summary and "abducted" in events[1].summary


def test_passive_agent_is_the_source(parse: Callable, check_evidence: Callable) -> None:
    events, names = _events(
        parse, "Forty prisoners were released by Israel on Thursday.", check_evidence
    )
    [event] = events
    assert event.type == "RETREAT"
    assert names[event.source_actor] == "Israel"


def test_release_of_a_video_is_no_event(parse: Callable, check_evidence: Callable) -> None:
    events, _ = _events(
        parse, "The group released a video of the captives on Tuesday.", check_evidence
    )
    assert events == []


def test_reporting_verbs_and_quotes_are_not_events(
    parse: Callable, check_evidence: Callable
) -> None:
    events, _ = _events(
        parse,
        "“We attacked the base and we will strike again,” the commander said.",
        check_evidence,
    )
    assert events == []


def test_complement_belongs_to_its_governor(parse: Callable, check_evidence: Callable) -> None:
    events, names = _events(
        parse, "Qatar threatened to expel Hamas leaders from Doha.", check_evidence
    )
    [event] = events
    assert event.type == "THREATEN"
    assert names[event.source_actor] == "Qatar"
    assert names[event.target_actor] == "Hamas"
    assert "expel Hamas leaders" in event.summary


def test_pronoun_source(parse: Callable, check_evidence: Callable) -> None:
    events, names = _events(
        parse,
        "President Amara Diallo arrived on Monday. She met the prime minister in Dakar.",
        check_evidence,
    )
    # Her arrival is a visit of its own (CONSULT); the meeting is the second event.
    arrival, event = events
    assert arrival.type == event.type == "CONSULT"
    assert names[event.source_actor] == "Amara Diallo"
    assert event.summary.startswith("Amara Diallo met")


def test_relative_clause_event_takes_the_described_noun_as_subject(nlp: Any) -> None:
    from storyline.analyze.document import analyze_document
    from storyline.model import Document, document_id

    text = "The 1918 flu pandemic, which killed more than 50 million people, was the worst."
    doc = Document(id=document_id(text), source="t", text=text)
    [event] = analyze_document(nlp(text), doc, "t").events
    assert event.type == "ASSAULT"
    assert event.summary.startswith("The 1918 flu pandemic killed")


def test_a_date_after_since_or_until_bounds_the_event_instead_of_dating_it(
    parse: Callable, check_evidence: Callable, time_at: Callable
) -> None:
    events, _ = _events(
        parse,
        "Rebels have attacked the garrison since October. Troops attacked the depot on Sunday.",
        check_evidence,
        lambda doc: [time_at(doc, "October", "2023-10"), time_at(doc, "Sunday", "2023-12-03")],
    )
    dates = {e.summary.split()[0]: e.date for e in events}
    assert dates == {"Rebels": None, "Troops": "2023-12-03"}


def test_an_opening_phrase_moved_after_the_subject_loses_its_capital(
    parse: Callable, check_evidence: Callable
) -> None:
    events, _ = _events(
        parse, "On the ground, Israeli strikes killed at least 20 people.", check_evidence
    )
    [event] = events
    assert event.summary.startswith("Israeli strikes")
    assert " On " not in event.summary
