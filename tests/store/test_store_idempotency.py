from __future__ import annotations

from storyline.model import Analysis, Rejection
from storyline.store import Store


def test_same_item_twice_is_stored_once(store: Store, make_item) -> None:
    item = make_item("The bridge reopened at noon.", "a.txt")
    assert store.add_document(item) is True
    assert store.add_document(item) is False
    assert store.count_documents() == 1
    assert store.sources(item.document.id) == ["a.txt"]


def test_same_text_from_two_sources(store: Store, make_item) -> None:
    text = "The bridge reopened at noon."
    first = make_item(text, "pages/bridge.html", raw=b"<p>The bridge reopened at noon.</p>")
    second = make_item(text, "dump/bridge.txt")
    assert store.add_document(first)
    assert not store.add_document(second)
    assert store.count_documents() == 1
    assert store.sources(first.document.id) == ["dump/bridge.txt", "pages/bridge.html"]
    # First write wins for the document; both raw forms are kept.
    got = store.get_document(first.document.id)
    assert got is not None and got.source == "pages/bridge.html"
    assert store.raw(first.document.raw_ref or "") == first.raw
    assert store.raw(second.document.raw_ref or "") == second.raw


def test_rejection_replaced_then_cleared_by_success(store: Store, make_item) -> None:
    store.add_rejection(Rejection(source="a.txt", reason="empty"))
    store.add_rejection(Rejection(source="b.bin", reason="binary", detail="NUL bytes"))
    store.add_rejection(Rejection(source="a.txt", reason="too-large", detail="12 MB"))
    assert store.rejections() == [
        Rejection(source="a.txt", reason="too-large", detail="12 MB"),
        Rejection(source="b.bin", reason="binary", detail="NUL bytes"),
    ]
    store.add_document(make_item("Now the file has text.", "a.txt"))
    assert store.rejections() == [Rejection(source="b.bin", reason="binary", detail="NUL bytes")]


def test_docs_missing_analysis_by_version(store: Store, make_item) -> None:
    a = make_item("First note.", "a.txt")
    b = make_item("Second note.", "b.txt")
    c = make_item("Third note.", "c.txt")
    store.add_document(a, Analysis(doc=a.document.id, pipeline_version="v1"))
    store.add_document(b)
    store.add_document(c)
    store.put_analysis(Analysis(doc=c.document.id, pipeline_version="v2"))
    assert store.docs_missing_analysis("v1") == sorted([b.document.id, c.document.id])
    assert store.docs_missing_analysis("v2") == sorted([a.document.id, b.document.id])
    store.put_analysis(Analysis(doc=b.document.id, pipeline_version="v1"))
    store.put_analysis(Analysis(doc=c.document.id, pipeline_version="v1"))
    assert store.docs_missing_analysis("v1") == []


def test_readding_with_analysis_fills_it_in(store: Store, make_item) -> None:
    item = make_item("First note.", "a.txt")
    store.add_document(item)
    analysis = Analysis(doc=item.document.id, pipeline_version="v1")
    assert not store.add_document(item, analysis)
    assert store.get_analysis(item.document.id, "v1") == analysis


def test_a_later_copy_with_its_date_dates_an_undated_document(store: Store, make_item) -> None:
    text = "The ferry sailed again after the strike."
    undated = make_item(text, "dump/ferry.txt")
    dated = make_item(text, "feed.jsonl#3", published="2024-05-14", published_basis="metadata")
    other = make_item(text, "feed.jsonl#9", published="2024-06-01", published_basis="metadata")
    assert store.add_document(undated)
    assert not store.add_document(dated)
    got = store.get_document(undated.document.id)
    assert got is not None
    assert (got.published, got.published_basis) == ("2024-05-14", "metadata")
    # The first known date stays: a third copy does not move it.
    assert not store.add_document(other)
    got = store.get_document(undated.document.id)
    assert got is not None and got.published == "2024-05-14"
    assert got.source == "dump/ferry.txt"


def test_an_inferred_date_gives_way_to_a_known_one(store: Store, make_item) -> None:
    text = "Talks resumed on Monday in the harbour town."
    item = make_item(text, "a.txt")
    store.add_document(item)
    store.update_published(item.document.id, "2024-03", "inferred", [], ["a reason"])
    store.add_document(make_item(text, "b.txt", published="2024-03-12", published_basis="text"))
    got = store.get_document(item.document.id)
    assert got is not None
    assert (got.published, got.published_basis, got.published_reasons) == (
        "2024-03-12",
        "text",
        [],
    )
