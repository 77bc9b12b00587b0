"""Rewrites (resolve/rewrites/): a document that retells another's copy is marked as derived
from it, with what it adds and drops; distinct articles of one event are not. Texts written
for these tests, one sentence a line; the seeds are read at run time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from tests.evidence import check_spans

from storyline.model import Analysis, Derivation, Document, Sentence, document_id
from storyline.resolve.credits import source_credits
from storyline.resolve.rewrites import find_derivations

ORIGINAL = [
    "LAKEVILLE (Harbor Wire) - The river port of Lakeville reopened on Tuesday after floods.",
    "Harbour master Ines Okafor said the first barges would dock before noon on Wednesday.",
    "The water rose to four metres above its usual level last Monday, the highest in forty years.",
    "About 1,200 residents were moved to schools and sports halls on the higher side of town.",
    "Engineers spent the weekend checking the quay walls for cracks and found only minor damage.",
    "“We were lucky that the new flood gates held,” Okafor told reporters at the port office.",
    "The regional council has promised three million euros to repair the roads along the river.",
    "Farmers downstream say their fields will stay under water until the end of the month.",
    "Forecasters expect dry weather for the rest of the week.",
]

# The retelling: the lead reworded, two sentences dropped, a few words changed, two added.
RETELLING = [
    "After seven days of flooding, river traffic is moving again in Lakeville, the port said.",
    "Harbour master Ines Okafor said the first barges would dock before noon on Wednesday.",
    "The water rose to four metres above its normal level last Monday, the highest in forty years.",
    "About 1,200 residents were moved to schools and sports halls on the higher side of the town.",
    "“We were lucky that the new flood gates held,” Okafor told reporters at the port office.",
    "The regional council has promised three million euros to repair the roads along the river.",
    "Local shops on the waterfront plan to open again on Saturday with a street market.",
    "Forecasters expect dry weather for the rest of the week, according to Harbor Wire.",
    "Our readers sent us photographs of the flooded market square all week long.",
]

# Another outlet's own account of the same day: one quote in common, its own words otherwise.
DISTINCT = [
    "Barges will return to Lakeville's quays on Wednesday, a week after the river burst its banks.",
    "“We were lucky that the new flood gates held,” Okafor told reporters at the port office.",
    "The harbour master would not say how much the clean-up had cost so far.",
    "Residents who left their homes are expected back by the weekend, the mayor's office said.",
    "Insurers have already received more than 300 claims from owners of riverside houses.",
    "A council report last year warned that the old southern quay needed new foundations.",
    "Opposition councillors want an inquiry into why the warning sirens sounded so late.",
]


def make(lines: list[str], **fields: object) -> tuple[Document, Analysis]:
    text = "".join(line + "\n" for line in lines)
    doc = Document(id=document_id(text), source="test.txt", text=text, **fields)
    spans, at = [], 0
    for line in lines:
        spans.append(Sentence(start=at, end=at + len(line)))
        at += len(line) + 1
    return doc, Analysis(doc=doc.id, pipeline_version="test", sentences=spans)


def derive(*pairs: tuple[Document, Analysis], days: dict[str, dt.date]) -> list[Derivation]:
    documents = [d for d, _ in pairs]
    found = find_derivations(documents, [a for _, a in pairs], days, source_credits(documents))
    texts = {d.id: d.text for d in documents}
    check_spans([f.model_dump() for f in found], texts)
    return found


DAY = dt.date(2025, 3, 4)


def test_a_retelling_is_derived_from_the_original_with_what_it_adds_and_drops() -> None:
    original, retelling = make(ORIGINAL), make(RETELLING)
    distinct = make(DISTINCT)
    days = {original[0].id: DAY, retelling[0].id: DAY, distinct[0].id: DAY}
    [found] = derive(original, retelling, distinct, days=days)
    assert (found.doc, found.derived_from) == (retelling[0].id, original[0].id)
    # The last sentence, kept with an attribution added, still matches its original.
    assert found.shared == 6
    assert [e.text for e in found.added] == [RETELLING[0], RETELLING[6], RETELLING[8]]
    assert [e.text for e in found.dropped] == [ORIGINAL[0], ORIGINAL[4], ORIGINAL[7]]
    # The retelling names Harbor Wire, the outlet whose dateline the original carries.
    assert found.basis == "names Harbor Wire, the other's outlet, as a source"


def test_the_later_one_is_the_retelling_when_nothing_names_a_source() -> None:
    plain = [line.replace(", according to Harbor Wire", "") for line in RETELLING]
    original, retelling = make(ORIGINAL[1:]), make(plain)
    days = {original[0].id: DAY + dt.timedelta(days=1), retelling[0].id: DAY}
    [found] = derive(original, retelling, days=days)
    # The "original" here appeared a day later: it is the one marked as derived.
    assert (found.doc, found.derived_from) == (original[0].id, retelling[0].id)
    assert found.basis.startswith("published later")


def test_articles_too_far_apart_in_time_are_not_compared() -> None:
    original, retelling = make(ORIGINAL), make(RETELLING)
    days = {original[0].id: DAY, retelling[0].id: DAY + dt.timedelta(days=30)}
    assert derive(original, retelling, days=days) == []


def test_distinct_accounts_of_one_event_are_not_rewrites() -> None:
    original, distinct = make(ORIGINAL), make(DISTINCT)
    assert derive(original, distinct, days={}) == []


@pytest.mark.slow
def test_no_seed_retells_another_seed(seeds_dir: Path, nlp: object) -> None:
    """002 retells a Reuters story of the same day (it names Reuters; tests/resolve/sources/
    test_credits.py), not AFP's (000): the two share an event, not their copy."""
    from storyline.analyze.document import analyze_document
    from storyline.config import Config
    from storyline.ingest import ingest
    from storyline.model import Ingested

    docs = [i.document for i in ingest([str(seeds_dir)], Config()) if isinstance(i, Ingested)]
    analyses = [analyze_document(nlp(d.text), d, "test") for d in docs]  # type: ignore[operator]
    assert find_derivations(docs, analyses, {}, source_credits(docs)) == []
