from storyline.model import Event, Evidence, Quote
from storyline.summarize.timeline import build_timeline


def _ev(doc: str, date: str | None, **kw: object) -> Event:
    mention = Evidence(doc=doc, start=0, end=4, text="text")
    return Event(
        id=f"v:{doc}:{date}",
        type="CONSULT",
        summary="Hamas meets Egypt",
        date=date,
        documents=[doc],
        mentions=[mention],
        source_actor="e:hamas",
        target_actor="e:egypt",
        **kw,  # type: ignore[arg-type]
    )


def test_same_event_in_two_documents_is_one_line_with_both_citations() -> None:
    timeline = build_timeline([_ev("d1", "2023-12-20"), _ev("d2", "2023-12-20")], [])
    [entry] = timeline
    assert entry.documents == ["d1", "d2"]
    assert {c.doc for c in entry.citations} == {"d1", "d2"}


def test_order_and_undated_or_negated_events_left_out() -> None:
    events = [
        _ev("d1", "2024-12-01"),
        _ev("d2", "2023-10"),
        _ev("d3", "XXXX-10-07"),
        _ev("d4", None),
        _ev("d5", "2023-11-24", mode="negated"),
    ]
    quote = Quote(
        id="q:d6:0-5",
        text="We are pushing",
        speaker_name="Joe Biden",
        date="2023-12-20",
        evidence=Evidence(doc="d6", start=0, end=5, text="We ar"),
    )
    timeline = build_timeline(events, [quote])
    assert [t.date for t in timeline] == ["2023-10", "2023-12-20", "2024-12-01"]
    assert timeline[1].kind == "statement" and "Joe Biden" in timeline[1].summary
