"""The five seed articles in ../shared/seeds (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.config import Config
from storyline.ingest import ingest
from storyline.model import Document, Ingested

RESIDUE = (
    "top of page",
    "bottom of page",
    "Subscribe to our newsletter",
    "Newsletter signup",
    "Please wait",
    "Thank you for sign up",
    "Staff Writer",
    "With AFP",
)


@pytest.fixture
def seed_docs(seeds_dir: Path) -> dict[str, Document]:
    results = list(ingest([str(seeds_dir)], Config()))
    docs = {
        Path(r.document.source).name[:3]: r.document for r in results if isinstance(r, Ingested)
    }
    assert len(docs) == len(results) == 5
    return docs


def test_no_residue_remains(seed_docs: dict[str, Document]) -> None:
    for key, doc in seed_docs.items():
        for residue in RESIDUE:
            assert residue not in doc.text, (key, residue)


def test_credit_of_004(seed_docs: dict[str, Document]) -> None:
    assert seed_docs["004"].credits == ["AFP"]
    assert all(not seed_docs[key].credits for key in ("000", "001", "002", "003"))


def test_headline_and_outlet_of_002(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["002"]
    assert doc.outlet == "News of War"
    assert doc.title is not None and doc.title.startswith("Intense Truce Talks")
    assert doc.title not in doc.text
    assert not doc.text.startswith("top of page")


def test_date_line_of_003(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["003"]
    assert doc.published == "2024-12-02"
    assert doc.published_basis == "text"
    [evidence] = doc.published_evidence
    assert evidence.doc == doc.id
    assert evidence.text == "2024-12-02"
    assert doc.text[evidence.start : evidence.end] == evidence.text
    assert doc.text.startswith("date 2024-12-02\n\n")


def test_undated_seeds_stay_undated(seed_docs: dict[str, Document]) -> None:
    for key in ("000", "001", "002", "004"):
        assert seed_docs[key].published is None


def test_ids_are_stable_across_runs(seeds_dir: Path, seed_docs: dict[str, Document]) -> None:
    again = [r.document.id for r in ingest([str(seeds_dir)], Config()) if isinstance(r, Ingested)]
    assert again == [seed_docs[key].id for key in sorted(seed_docs)]
