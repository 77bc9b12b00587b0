from storyline.model import Analysis, Document, Event, Evidence, Quote, document_id
from storyline.resolve.corpus import resolve_story
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
        _ev("d7", "2023-12-01", date_basis="publication"),
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


def test_events_get_their_date_from_the_text_or_else_from_their_article() -> None:
    text = "Talks went on. Envoys met on Monday."
    doc = Document(
        id=document_id(text),
        source="a.txt",
        text=text,
        published="2024-03-09",
        published_basis="metadata",
    )
    monday = Evidence(doc=doc.id, start=29, end=35, text="Monday")
    events = [
        _ev(doc.id, None).model_copy(update={"id": "v1"}),
        _ev(doc.id, "2024-03-04").model_copy(update={"id": "v2", "date_evidence": monday}),
        _ev(doc.id, None, mode="future").model_copy(update={"id": "v3"}),
        _ev(doc.id, "XXXX-WXX-1").model_copy(update={"id": "v4"}),
    ]
    analysis = Analysis(doc=doc.id, pipeline_version="t", events=events)
    story = resolve_story([doc], [analysis])
    dated = {e.id: (e.date, e.date_basis) for e in story.events}
    # The future event is after the article appeared: a lower bound, no date.
    assert dated == {
        "v1": ("2024-03-09", "publication"),
        "v2": ("2024-03-04", "text"),
        "v3": (None, "publication"),
        "v4": (None, None),
    }
    [future] = [e for e in story.events if e.id == "v3"]
    assert (future.date_earliest, future.date_latest) == ("2024-03-09", None)
    assert [t.ref for t in build_timeline(story.events, story.quotes)] == ["v2"]


def test_the_same_words_carried_by_two_outlets_are_one_statement() -> None:
    def quote(doc: str, text: str, speaker: str = "Jake Sullivan") -> Quote:
        return Quote(
            id=f"q:{doc}:0-9",
            text=text,
            speaker_name=speaker,
            date="2024-12-02",
            evidence=Evidence(doc=doc, start=0, end=9, text=text[:9]),
        )

    timeline = build_timeline(
        [],
        [
            quote("d1", "We may have a chance."),
            quote("d2", "we may have a chance"),
            quote("d3", "We may have a chance.", speaker="Noa Tal"),
            quote("d4", "We may not have a chance."),
        ],
    )
    assert len(timeline) == 3
    merged = next(t for t in timeline if t.documents == ["d1", "d2"])
    assert {c.doc for c in merged.citations} == {"d1", "d2"}


def test_a_statement_dated_by_its_article_names_no_expression() -> None:
    text = "She said on Monday. He said on Wednesday. They said."
    doc = Document(id=document_id(text), source="a.txt", text=text, published="2024-03-09")

    def quote(n: int, date: str | None, ref: str | None) -> Quote:
        ev = Evidence(doc=doc.id, start=n, end=n + 1, text=text[n])
        return Quote(id=f"q{n}", text="words", date=date, date_ref=ref, evidence=ev)

    quotes = [quote(0, "2024-03-04", "t1"), quote(1, "XXXX-WXX-3", "t2"), quote(2, None, None)]
    analysis = Analysis(doc=doc.id, pipeline_version="t", quotes=quotes)
    story = resolve_story([doc], [analysis])
    assert [(q.date, q.date_ref) for q in story.quotes] == [
        ("2024-03-04", "t1"),
        ("2024-03-09", None),
        ("2024-03-09", None),
    ]
    # Without an article day, an unresolved statement keeps pointing at its expression.
    undated = doc.model_copy(update={"published": None})
    story = resolve_story([undated], [analysis], infer_dates=False)
    assert [(q.date, q.date_ref) for q in story.quotes] == [
        ("2024-03-04", "t1"),
        (None, "t2"),
        (None, None),
    ]


def test_a_speaker_named_by_one_of_the_entitys_names_is_called_by_its_name() -> None:
    from storyline.model import Mention, entity_id

    person = entity_id("person", "benjamin netanyahu")

    def document(text: str) -> Document:
        return Document(id=document_id(text), source="t", text=text, published="2024-03-09")

    def named(doc: Document, words: str) -> Mention:
        start = doc.text.index(words)
        ev = Evidence(doc=doc.id, start=start, end=start + len(words), text=words)
        return Mention(evidence=ev, label="PERSON", key="benjamin netanyahu", entity=person)

    def quote(doc: Document, qid: str, words: str, speaker_name: str) -> Quote:
        start = doc.text.index(words)
        ev = Evidence(doc=doc.id, start=start, end=start + len(words), text=words)
        return Quote(id=qid, text=words, speaker=person, speaker_name=speaker_name, evidence=ev)

    doc = document('Netanyahu said: "We will not stop." The health ministry said: "Twenty died."')
    other = document("Benjamin Netanyahu")
    quotes = [
        quote(doc, "q1", "We will not stop.", "Netanyahu"),
        quote(doc, "q2", "Twenty died.", "The health ministry"),
    ]
    analyses = [
        Analysis(
            doc=doc.id, pipeline_version="t", mentions=[named(doc, "Netanyahu")], quotes=quotes
        ),
        Analysis(doc=other.id, pipeline_version="t", mentions=[named(other, "Benjamin Netanyahu")]),
    ]
    story = resolve_story([doc, other], analyses)
    names = {q.id: q.speaker_name for q in story.quotes}
    # A name of the entity becomes its full name; words the quote gave that are none of its
    # names stay as written.
    assert names == {"q1": "Benjamin Netanyahu", "q2": "The health ministry"}
