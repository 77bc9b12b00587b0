"""PLOVER coding of acts a sentence announces, refuses or demands (event_intent.py), event
nouns ("staged demonstrations"), and the trigger and actor spans each event carries. Every
sentence here is written for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from storyline.analyze.entities import extract_mentions
from storyline.analyze.events import extract_events
from storyline.model import Event

pytestmark = pytest.mark.slow


def _coded(parse: Callable, check_evidence: Callable, text: str) -> list[Event]:
    sdoc, doc = parse(text)
    events = extract_events(sdoc, doc, extract_mentions(sdoc, doc), [])
    for event in events:
        spans = [event.trigger, event.source_evidence, event.target_evidence]
        check_evidence(doc, [s for s in spans if s is not None])
    return events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A helpful act declined in advance, or failed, is a rejection (CAMEO 12x).
        ("Syria says it will not accept any more refugees.", ("REJECT", "asserted")),
        ("The two sides failed to reach an agreement on Sunday.", ("REJECT", "asserted")),
        # Reported speech: "would" is the future of what was said, a commitment (03x).
        ("The rebels said they would release the hostages.", ("AGREE", "future")),
        # A hostile act announced is a threat (13x), and so is a helpful one with "unless".
        ("The farmers said they would blockade the capital.", ("THREATEN", "future")),
        ("Nigeria will withdraw its troops unless the talks resume.", ("THREATEN", "future")),
        # An obligation or a demand clause is a request (10x).
        ("Russia said that Sudan must return the helicopter.", ("REQUEST", "demanded")),
        (
            "The union repeated its demand that the company lift the curfew.",
            ("REQUEST", "demanded"),
        ),
        # The commitment is the adjective's ("is willing to"), not a verb's preparation.
        ("Syria is willing to withdraw its troops from Lebanon.", ("AGREE", "future")),
        ("The agency will provide 20,000 tons of food aid to the refugees.", ("AGREE", "future")),
    ],
)
def test_announced_refused_and_demanded_acts(
    parse: Callable, check_evidence: Callable, text: str, expected: tuple[str, str]
) -> None:
    events = _coded(parse, check_evidence, text)
    assert events, text
    # "repeated its demand that ..." is also a REQUEST of its own, on the demand noun.
    coded = [(e.type, e.mode) for e in events]
    assert coded[0] == expected or (expected[1] == "demanded" and expected in coded)


@pytest.mark.parametrize(
    ("text", "kind", "trigger"),
    [
        (
            "Students staged mass demonstrations in the capital.",
            "PROTEST",
            "staged mass demonstrations",
        ),
        ("The army mounted an invasion of the south on Friday.", "ASSAULT", "mounted an invasion"),
        (
            "Officers ended mediation efforts between the militias.",
            "SANCTION",
            "ended mediation efforts",
        ),
        (
            "The troops completed their withdrawal from the town.",
            "RETREAT",
            "completed their withdrawal",
        ),
        ("Violent riots continued in the city.", "PROTEST", "continued"),
        ("Protesters blocked the main bridge for three hours.", "PROTEST", "blocked"),
        ("The police blocked the delivery of the aid.", "COERCE", "blocked"),
    ],
)
def test_event_nouns_and_what_is_blocked(
    parse: Callable, check_evidence: Callable, text: str, kind: str, trigger: str
) -> None:
    events = _coded(parse, check_evidence, text)
    assert [e.type for e in events][:1] == [kind]
    assert events[0].trigger is not None and events[0].trigger.text == trigger


def test_a_video_of_captives_is_no_release_but_tons_of_aid_are_given(
    parse: Callable, check_evidence: Callable
) -> None:
    assert _coded(parse, check_evidence, "The group released a video of the captives.") == []
    [event] = _coded(parse, check_evidence, "Japan gave the ministry 5 million dollars of aid.")
    assert event.type == "AID"


def test_actor_spans_point_at_the_mentions(parse: Callable, check_evidence: Callable) -> None:
    [event] = _coded(parse, check_evidence, "Egypt held talks with Hamas in Cairo.")
    assert event.type == "CONSULT"
    assert event.trigger is not None and event.trigger.text == "held talks"
    assert event.source_evidence is not None and event.source_evidence.text == "Egypt"
    assert event.target_evidence is not None and event.target_evidence.text == "Hamas"


def test_a_trailing_participle_is_done_by_the_clause_before_it(
    parse: Callable, check_evidence: Callable
) -> None:
    text = "The war began in May, when Velmoran fighters crossed the river, killing two farmers."
    events = _coded(parse, check_evidence, text)
    killing = next(e for e in events if e.trigger is not None and e.trigger.text == "killing")
    assert killing.summary.startswith("Velmoran fighters killing")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The foreign minister arrived in Amman for talks.", "CONSULT"),
        ("Two hundred troops arrived in the border town.", "MOBILIZE"),
        ("The intelligence chief was dispatched to Doha.", "CONSULT"),
        ("The fighting has claimed 300 lives.", "ASSAULT"),
        ("The shelling resulted in 40 deaths.", "ASSAULT"),
        ("The army began a campaign of bombardment.", "ASSAULT"),
        ("The group reiterated its readiness for a deal.", "AGREE"),
        ("The council voiced a firm rejection of the plan.", "REJECT"),
        ("Envoys renewed contact with the rebels.", "CONSULT"),
        ("The conflict, which began in May, has displaced thousands.", "ASSAULT"),
    ],
)
def test_more_event_words(parse: Callable, check_evidence: Callable, text: str, kind: str) -> None:
    assert kind in [e.type for e in _coded(parse, check_evidence, text)]


def test_an_event_noun_with_its_doer_is_an_event(parse: Callable, check_evidence: Callable) -> None:
    text = "The vote came weeks after a raid by Velmoran militias on the port."
    events = _coded(parse, check_evidence, text)
    [raid] = [e for e in events if e.trigger is not None and e.trigger.text == "raid"]
    assert raid.type == "ASSAULT"
    assert raid.source_evidence is not None and "Velmoran" in raid.source_evidence.text
    # Without a doer the noun is a topic, not an event.
    assert _coded(parse, check_evidence, "The vote came weeks after the raid.") == []


def _actors(parse: Callable, check_evidence: Callable, text: str) -> tuple[Event, str, str]:
    [event, *_] = _coded(parse, check_evidence, text)
    source = event.source_evidence.text if event.source_evidence else ""
    target = event.target_evidence.text if event.target_evidence else ""
    return event, source, target


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # "it" is the country that says it.
        ("Norway says it will withdraw its troops from Mali.", "Norway", "Mali"),
        ("Finland will give Tanzania a grant of 50 million dollars.", "Finland", "Tanzania"),
        ("Chile demanded that Peru cancel the sale of the jets.", "Chile", "Peru"),
        # Where it happens is the target when nothing else is.
        ("The president imposed a curfew in Lima on Friday.", "", "Lima"),
    ],
)
def test_source_and_target(
    parse: Callable, check_evidence: Callable, text: str, source: str, target: str
) -> None:
    _, got_source, got_target = _actors(parse, check_evidence, text)
    assert (got_source, got_target) == (source, target)


def test_a_demand_is_the_demanders(parse: Callable, check_evidence: Callable) -> None:
    text = "Russia said on Tuesday that Sudan must return the helicopter."
    event, source, target = _actors(parse, check_evidence, text)
    assert (event.type, event.mode, source, target) == ("REQUEST", "demanded", "Russia", "Sudan")
    assert event.summary.startswith("Sudan must return the helicopter")


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Egypt proposed to host talks between the factions.", "proposed"),
        ("The plan to withdraw the troops was rejected.", "proposed"),
        ("The minister plans to travel to Oslo.", "future"),
    ],
)
def test_proposed_mode(parse: Callable, check_evidence: Callable, text: str, mode: str) -> None:
    events = _coded(parse, check_evidence, text)
    assert mode in [e.mode for e in events], [(e.type, e.mode, e.summary) for e in events]


@pytest.mark.parametrize(
    ("text", "reporter"),
    [
        ("Reuters reported on Monday that Chile had met Peru in Lima.", "Reuters"),
        ("Peru attacked the border post, according to Chile.", "Chile"),
        ("Peru attacked the border post on Monday.", None),
    ],
)
def test_reported_events_keep_who_reported_them(
    parse: Callable, check_evidence: Callable, text: str, reporter: str | None
) -> None:
    [event] = _coded(parse, check_evidence, text)
    got = event.reported_by_evidence.text if event.reported_by_evidence else None
    assert got == reporter
    assert (event.reported_by is None) == (reporter is None)


def test_a_generic_head_takes_the_type_of_what_it_is_for(
    parse: Callable, check_evidence: Callable
) -> None:
    text = "Norway launched a new bid to negotiate with the rebels."
    coded = [
        (e.type, e.trigger.text if e.trigger else "") for e in _coded(parse, check_evidence, text)
    ]
    assert ("CONSULT", "launched a new bid") in coded


def test_a_second_object_after_a_comma_is_an_aside(
    parse: Callable, check_evidence: Callable
) -> None:
    text = "Strikes killed 20 people on Sunday, among them six people in the Velmora camp."
    [event] = _coded(parse, check_evidence, text)
    assert event.summary == "Strikes killed 20 people"
