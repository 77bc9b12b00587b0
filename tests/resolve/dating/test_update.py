"""Dating in rounds that re-judge only what changed, and updates that date only the new
documents and those reporting the same events (dating infer.py, readers.py, apply.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.records import tagged_document

from storyline.model import Analysis, DateInterval, Document
from storyline.resolve.dating import infer
from storyline.resolve.dating.apply import apply_dating

TODAY = dt.date(2026, 1, 1)

# A dates B through the bridge's opening; B, once dated, dates C through the ferry.
A = "Mayor Ilsa Varn opened the harbour bridge in Port Kell on Wednesday. Crowds cheered."
B = (
    "Ilsa Varn opened the Port Kell harbour bridge on Wednesday, officials said. "
    "The Oda Vale ferry sank near Marrow Point on Thursday."
)
C = "The Oda Vale ferry sank near Marrow Point on Thursday, divers said."
UNRELATED = "Farmers in Tessel Dale harvested their barley early on Tuesday."


def make(text: str, times: list[str], published: str | None = None) -> tuple[Document, Analysis]:
    return tagged_document(text, [(t, "past") for t in times], published)


def count_verdicts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents judged, in the order they were."""
    calls: list[str] = []
    verdict = infer.DateInference.verdict

    def counting(self: infer.DateInference, doc_id: str) -> object:
        calls.append(doc_id)
        return verdict(self, doc_id)

    monkeypatch.setattr(infer.DateInference, "verdict", counting)
    return calls


def test_a_round_judges_again_only_the_documents_that_read_what_moved(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b, c = (
        make(A, ["Wednesday"], "2025-06-12"),
        make(B, ["Wednesday", "Thursday"]),
        make(C, ["Thursday"]),
    )
    calls = count_verdicts(monkeypatch)
    result = apply_dating([a[0], b[0], c[0]], [a[1], b[1], c[1]], today=TODAY)
    dates = {d.id: d.published for d in result.documents}

    # B is dated by A; C by B's Thursday, which has a day only once B has one.
    assert isinstance(dates[b[0].id], DateInterval) and dates[b[0].id].best == "2025-06-12"
    c_date = dates[c[0].id]
    assert isinstance(c_date, DateInterval) and c_date.earliest <= "2025-06-12" <= c_date.latest
    assert result.judged == {b[0].id, c[0].id}
    # Round one judges both and dates B; round two only C, the one that reads B's facts;
    # round three only B, which reads C's (the same sinking), and whose date does not move.
    assert calls == [*sorted([b[0].id, c[0].id]), c[0].id, b[0].id]


def test_an_update_dates_the_new_document_and_leaves_the_others_as_stored() -> None:
    a, b = make(A, ["Wednesday"], "2025-06-12"), make(B, ["Wednesday", "Thursday"])
    unrelated = make(UNRELATED, ["Tuesday"])
    first = apply_dating([a[0], b[0]], [a[1], b[1]], today=TODAY)
    dated_b = next(d for d in first.documents if d.id == b[0].id)
    # An earlier inference that a full run would withdraw (nothing supports it any more).
    kept = unrelated[0].model_copy(
        update={
            "published": DateInterval(earliest="2025-03-01", latest="2025-03-04"),
            "published_basis": "inferred",
        }
    )
    c = make(C, ["Thursday"])
    docs, analyses = [a[0], dated_b, kept, c[0]], [a[1], b[1], unrelated[1], c[1]]

    update = apply_dating(docs, analyses, today=TODAY, changed=[c[0].id])
    by_id = {d.id: d for d in update.documents}
    # C is new; B reports the same sinking, so it is judged again (to the same dates); the
    # unrelated document is left as it was stored.
    assert update.judged == {b[0].id, c[0].id}
    new = by_id[c[0].id].published
    # From B's stored date: its Thursday is 2025-06-12 or a week before.
    assert isinstance(new, DateInterval) and new.earliest <= "2025-06-12" <= new.latest
    assert by_id[kept.id] == kept
    assert by_id[b[0].id].published == dated_b.published
    # The kept documents' analyses still follow their stored days.
    b_analysis = next(x for x in update.analyses if x.doc == b[0].id)
    assert b_analysis.times[0].value == "2025-06-11"

    full = apply_dating(docs, analyses, today=TODAY)
    assert {d.id: d for d in full.documents}[kept.id].published is None
    assert full.judged == {b[0].id, kept.id, c[0].id}


def test_a_changed_document_that_has_a_date_of_its_own_re_dates_those_reading_it() -> None:
    b, c = make(B, ["Wednesday", "Thursday"]), make(C, ["Thursday"])
    first = apply_dating([b[0], c[0]], [b[1], c[1]], today=TODAY)
    assert all(d.published is None for d in first.documents)  # nothing dates them yet

    a = make(A, ["Wednesday"], "2025-06-12")
    docs, analyses = [a[0], *first.documents], [a[1], b[1], c[1]]
    update = apply_dating(docs, analyses, today=TODAY, changed=[a[0].id])
    # A needs no date; B reads A's facts, and C reads B's once B is dated.
    assert update.judged == {b[0].id, c[0].id}
    assert all(isinstance(d.published, DateInterval) for d in update.documents if d.id != a[0].id)
