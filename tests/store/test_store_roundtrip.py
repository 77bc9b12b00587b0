from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import StoreError
from storyline.model import (
    Analysis,
    DateInterval,
    Event,
    Figure,
    Mention,
    Quote,
    Sentence,
    TimeExpression,
    entity_id,
    evidence,
    span_id,
)
from storyline.store import Store

# Line breaks, non-ASCII and trailing space: offsets point into this text, so it must come back
# byte for byte.
TEXT = "Harbour council ▸ Mayor Ana Lüders said on Tuesday\r\nthat 1 140 homes lost power.  \n"


def test_document_round_trip(store: Store, make_item) -> None:
    item = make_item(
        TEXT,
        "feeds/harbour.html",
        raw=b"<p>raw page bytes</p>",
        title="Council meets",
        outlet="Harbour Post",
        credits=["AFP"],
        published=DateInterval(earliest="2023-12-18", latest="2023-12-21", best="2023-12-19"),
        published_basis="inferred",
    )
    doc = item.document
    doc.published_evidence.append(evidence(doc, TEXT.index("Tuesday"), TEXT.index("Tuesday") + 7))
    assert store.add_document(item)

    got = store.get_document(doc.id)
    assert got == doc
    assert got is not None and got.text == TEXT
    ev = got.published_evidence[0]
    assert got.text[ev.start : ev.end] == ev.text == "Tuesday"
    assert isinstance(got.published, DateInterval)
    assert store.raw(doc.raw_ref or "") == b"<p>raw page bytes</p>"
    assert store.sources(doc.id) == ["feeds/harbour.html"]
    assert store.has_document(doc.id)
    assert not store.has_document("0" * 16)
    assert store.get_document("0" * 16) is None
    assert store.raw("f" * 64) is None


def test_plain_date_and_missing_raw_ref(store: Store, make_item) -> None:
    item = make_item("A short note.", "a.txt", published="2023-12")
    item = item.model_copy(update={"document": item.document.model_copy(update={"raw_ref": None})})
    store.add_document(item)
    got = store.get_document(item.document.id)
    assert got is not None
    assert got.published == "2023-12"
    # The store fills in the hash so the raw bytes stay reachable from the document.
    assert got.raw_ref is not None and store.raw(got.raw_ref) == b"A short note."


def test_raw_ref_must_match_raw_bytes(store: Store, make_item) -> None:
    item = make_item("Some text.", "a.txt")
    bad = item.model_copy(update={"raw": b"other bytes"})
    with pytest.raises(ValueError, match="raw_ref"):
        store.add_document(bad)
    assert store.count_documents() == 0


def _analysis(doc, version: str) -> Analysis:
    who = entity_id("PERSON", "ana luders")
    name = evidence(doc, TEXT.index("Ana"), TEXT.index("Ana") + len("Ana Lüders"))
    day = evidence(doc, TEXT.index("Tuesday"), TEXT.index("Tuesday") + 7)
    count = evidence(doc, TEXT.index("1 140"), TEXT.index("1 140") + 5)
    return Analysis(
        doc=doc.id,
        pipeline_version=version,
        sentences=[Sentence(start=0, end=len(TEXT))],
        mentions=[Mention(evidence=name, label="PERSON", key="ana luders", entity=who)],
        times=[
            TimeExpression(
                id=span_id("t", doc.id, day.start, day.end),
                type="DATE",
                value="2023-12-19",
                anchor="2023-12-20",
                evidence=day,
            )
        ],
        figures=[
            Figure(
                id=span_id("f", doc.id, count.start, count.end),
                value=1140,
                counts="homes",
                evidence=count,
            )
        ],
        quotes=[
            Quote(
                id=span_id("q", doc.id, 0, 10),
                text="homes lost power",
                speaker=who,
                evidence=evidence(doc, 0, 10),
            )
        ],
        events=[
            Event(
                id=span_id("e", doc.id, 0, 10),
                type="CONSULT",
                summary="council met",
                source_actor=who,
                documents=[doc.id],
                mentions=[name],
            )
        ],
    )


def test_analysis_round_trip_and_replace(store: Store, make_item) -> None:
    item = make_item(TEXT, "a.txt")
    first = _analysis(item.document, "v1")
    store.add_document(item, first)
    assert store.get_analysis(item.document.id, "v1") == first
    assert store.get_analysis(item.document.id, "v2") is None

    replaced = first.model_copy(update={"events": []})
    store.put_analysis(replaced)
    assert store.get_analysis(item.document.id, "v1") == replaced
    assert list(store.analyses("v1")) == [replaced]
    assert list(store.analyses("v2")) == []


def test_analysis_must_match_document(store: Store, make_item) -> None:
    item = make_item(TEXT, "a.txt")
    other = make_item("Another text.", "b.txt")
    with pytest.raises(ValueError):
        store.add_document(item, Analysis(doc=other.document.id, pipeline_version="v1"))


def test_analysis_of_unknown_document_is_refused(store: Store) -> None:
    with pytest.raises(StoreError):
        store.put_analysis(Analysis(doc="0" * 16, pipeline_version="v1"))


def test_update_published(store: Store, make_item) -> None:
    item = make_item(TEXT, "a.txt", title="Council meets")
    store.add_document(item)
    doc = item.document
    day = evidence(doc, TEXT.index("Tuesday"), TEXT.index("Tuesday") + 7)

    store.update_published(doc.id, "2023-12-20", "text", [day])
    got = store.get_document(doc.id)
    assert got is not None
    assert (got.published, got.published_basis, got.published_evidence) == (
        "2023-12-20",
        "text",
        [day],
    )
    assert got.text == TEXT and got.title == "Council meets"

    interval = DateInterval(earliest="2023-12-01", latest="2023-12-31")
    store.update_published(doc.id, interval, "inferred", [])
    got = store.get_document(doc.id)
    assert got is not None and got.published == interval and got.published_evidence == []

    with pytest.raises(StoreError):
        store.update_published("0" * 16, "2023", "text", [])


def test_update_published_refuses_unknown_basis(store: Store, make_item) -> None:
    item = make_item(TEXT, "a.txt")
    store.add_document(item)
    with pytest.raises(ValueError):  # pydantic's ValidationError is a ValueError
        store.update_published(item.document.id, "2023", "guessed", [])
    got = store.get_document(item.document.id)
    assert got is not None and got.published is None


def test_documents_in_id_order_across_pages(
    store: Store, make_item, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("storyline.store.store.PAGE_SIZE", 3)
    items = [make_item(f"Note number {i}.", f"n{i}.txt") for i in range(10)]
    for item in items:
        store.add_document(item)
        store.put_analysis(Analysis(doc=item.document.id, pipeline_version="v1"))
    ids = sorted(item.document.id for item in items)
    assert [doc.id for doc in store.documents()] == ids
    assert [a.doc for a in store.analyses("v1")] == ids
    assert store.count_documents() == 10


def test_meta(tmp_path: Path) -> None:
    db = str(tmp_path / "m.db")
    with Store.open(db) as store:
        assert store.get_meta("last_build") is None
        store.set_meta("last_build", "2024-01-01")
        store.set_meta("last_build", "2024-01-02")
        with pytest.raises(ValueError):
            store.set_meta("schema_version", "7")
    with Store.open(db) as store:
        assert store.get_meta("last_build") == "2024-01-02"
