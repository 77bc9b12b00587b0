"""The outlets a document credits or cites (resolve/credits.py, resolve/outlets.py), on
sentences written for these tests and on the seeds (read at run time)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.config import Config
from storyline.ingest import ingest
from storyline.model import Document, Ingested, SourceCredit, document_id
from storyline.resolve.credits import document_credits
from storyline.resolve.outlets import find_outlets


def doc(text: str, **fields: object) -> Document:
    return Document(id=document_id(text), source="test.txt", text=text, **fields)


def credits(text: str, **fields: object) -> list[SourceCredit]:
    found = document_credits(doc(text, **fields))
    for c in found:
        if c.evidence is not None:
            assert text[c.evidence.start : c.evidence.end] == c.evidence.text
    return found


def roles(text: str) -> list[tuple[str | None, str, str]]:
    return [(c.outlet, c.role, c.evidence.text if c.evidence else "") for c in credits(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The wire that wrote the copy.
        (
            "NAIROBI (Reuters) - The council met on Monday.",
            [("Reuters", "wire", "NAIROBI (Reuters) -")],
        ),
        (
            "The council met on Monday.\n\nThe Associated Press contributed to this report.",
            [("AP", "wire", "Associated Press contributed to this report")],
        ),
        (
            "The council met.\n(Reporting by Jane Roe in Lima; Editing by John Doe)",
            [(None, "wire", "(Reporting by Jane Roe in Lima; Editing by John Doe)")],
        ),
        # Someone spoke to an outlet: it gathered what follows.
        ("A spokesman told Reuters the talks had stalled.", [("Reuters", "told", "told Reuters")]),
        (
            "The minister confirmed to Agence France-Presse that she would resign.",
            [("AFP", "told", "confirmed to Agence France-Presse")],
        ),
        (
            "In an interview with the BBC, the mayor said the bridge would reopen.",
            [("BBC", "told", "interview with the BBC")],
        ),
        (
            "During a CNN interview, the senator said no deal was near.",
            [("CNN", "told", "CNN interview")],
        ),
        # An outlet merely cited for a fact.
        (
            "According to the Financial Times, the bank will cut 300 jobs.",
            [("Financial Times", "cited", "According to the Financial Times")],
        ),
        (
            "The Israeli daily Haaretz reported that the cabinet would vote.",
            [("Haaretz", "cited", "Haaretz reported")],
        ),
        (
            "The deal was first reported by the Lakeside Gazette on Sunday.",
            [("Lakeside Gazette", "cited", "reported by the Lakeside Gazette")],
        ),
    ],
)
def test_roles_in_text(text: str, expected: list[tuple[str | None, str, str]]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Not an outlet, or an outlet named for something else than a source.
        "According to the health ministry, 40 people were hurt.",
        "The Guardian Council rejected the candidates.",
        "She spoke at a Financial Times conference in London.",
        "He told reporters the vote would go ahead.",
        "With mounting pressure on all sides, the talks resumed.",
    ],
)
def test_no_credit_where_none_is_given(text: str) -> None:
    assert credits(text) == []


def test_a_header_credit_ingest_took_out_has_no_span() -> None:
    found = credits("The council met on Monday.", credits=["Agence France-Presse"])
    assert [(c.outlet, c.role, c.basis, c.evidence) for c in found] == [
        ("AFP", "wire", "credit line", None)
    ]


def test_a_dateline_credit_is_not_listed_twice() -> None:
    text = "GAZA CITY (AFP) - The crossing opened on Sunday."
    found = credits(text, credits=["AFP"])
    assert [(c.outlet, c.basis) for c in found] == [("AFP", "dateline")]


def test_a_listed_name_inside_a_longer_name_is_not_the_outlet() -> None:
    assert find_outlets("The Sunday Guardian and AP Photo archives") == []


def _seed_documents(seeds_dir: Path) -> dict[str, Document]:
    found = {}
    for item in ingest([str(seeds_dir)], Config()):
        if isinstance(item, Ingested):
            found[Path(item.document.source).name[:3]] = item.document
    return found


def test_seeds_credit_and_cite_their_sources(seeds_dir: Path) -> None:
    docs = _seed_documents(seeds_dir)
    named = {
        key: {(c.outlet, c.role) for c in document_credits(d)} for key, d in sorted(docs.items())
    }
    # 000 is AFP copy with no credit line: its sources told AFP; Axios is cited.
    assert named["000"] == {("AFP", "told"), ("AFP", "cited"), ("Axios", "cited")}
    # 002 is News of War's retelling of a Reuters story: only the interview names Reuters.
    assert named["002"] == {("Reuters", "told")}
    # 004 ends "With AFP" (out of the text) and cites the Wall Street Journal.
    assert named["004"] == {("AFP", "wire"), ("The Wall Street Journal", "cited")}
    assert named["001"] == set()
    for d in docs.values():
        for c in document_credits(d):
            if c.evidence is not None:
                assert d.text[c.evidence.start : c.evidence.end] == c.evidence.text
