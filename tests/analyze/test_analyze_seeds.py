"""The whole per-document analysis on the user's five example articles (read from
../shared/seeds, never copied into the repository)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from storyline.analyze.document import analyze_document
from storyline.model import Analysis, Document, Evidence, document_id

pytestmark = pytest.mark.slow

Seeds = dict[str, tuple[Document, Any, Analysis]]


@cache
def _analyze_seeds(seeds: str, nlp: Any) -> Seeds:
    out: Seeds = {}
    for path in sorted(Path(seeds).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = Document(id=document_id(text), source=str(path), text=text)
        sdoc = nlp(text)
        out[path.name[:3]] = (doc, sdoc, analyze_document(sdoc, doc, "test"))
    return out


@pytest.fixture
def seeds(seeds_dir: Path, nlp: Any) -> Seeds:
    pytest.importorskip("storyline.analyze.times")
    found = _analyze_seeds(str(seeds_dir), nlp)
    assert len(found) == 5
    return found


def _all_evidence(analysis: Analysis) -> list[Evidence]:
    spans = [m.evidence for m in analysis.mentions]
    spans += [t.evidence for t in analysis.times]
    spans += [f.evidence for f in analysis.figures]
    spans += [q.evidence for q in analysis.quotes]
    for event in analysis.events:
        spans += event.mentions
        if event.date_evidence is not None:
            spans.append(event.date_evidence)
    return spans


def test_every_evidence_matches_its_text(seeds: Seeds) -> None:
    for doc, _, analysis in seeds.values():
        assert analysis.doc == doc.id and analysis.pipeline_version == "test"
        assert analysis.sentences and analysis.mentions and analysis.quotes
        spans = _all_evidence(analysis)
        assert len(spans) > 50
        for ev in spans:
            assert ev.doc == doc.id
            assert doc.text[ev.start : ev.end] == ev.text, ev
        for sentence in analysis.sentences:
            assert 0 <= sentence.start < sentence.end <= len(doc.text)


def test_ids_are_unique_and_stable(seeds: Seeds, nlp: Any) -> None:
    doc, sdoc, analysis = seeds["000"]
    for records in (analysis.figures, analysis.quotes, analysis.events):
        ids = [r.id for r in records]
        assert len(ids) == len(set(ids))
    again = analyze_document(sdoc, doc, "test")
    assert again == analysis


def test_dated_records_name_the_expression_their_date_came_from(seeds: Seeds) -> None:
    refs = 0
    for _, _, analysis in seeds.values():
        times = {t.id: t for t in analysis.times}
        quotes = {q.id for q in analysis.quotes}
        dated = [(q.date, q.date_ref) for q in analysis.quotes]
        dated += [(f.as_of, f.as_of_ref) for f in analysis.figures]
        dated += [(e.date, e.date_ref) for e in analysis.events]
        for date, ref in dated:
            # Every date comes from an expression and is that expression's value (an
            # event's may be none yet, as its date evidence says).
            assert date is None or ref is not None
            if ref is not None:
                assert times[ref].value == date
                refs += 1
        for e in analysis.events:
            assert e.date_evidence == (times[e.date_ref].evidence if e.date_ref else None)
        assert all(t.quote_ref in quotes for t in analysis.times if t.quote_ref is not None)
    assert refs > 10


def test_seed_000_tolls(seeds: Seeds) -> None:
    _, _, analysis = seeds["000"]
    by_value = {f.value: f for f in analysis.figures}
    afp = by_value[1140]
    assert afp.approximate and afp.counts == "people killed" and afp.subject == "Israel"
    assert afp.attributed_to == "AFP"
    ministry = by_value[19667]
    assert ministry.counts == "people killed"
    assert ministry.attributed_to is not None and "health ministry" in ministry.attributed_to


def test_seed_000_premier_quote_and_travel(seeds: Seeds) -> None:
    _, _, analysis = seeds["000"]
    names = {m.entity: m.evidence.text for m in analysis.mentions}
    herzog = [q for q in analysis.quotes if q.speaker_name == "Isaac Herzog"]
    assert herzog and herzog[0].date is not None  # "said on Tuesday"
    [travel] = [e for e in analysis.events if "travelled" in e.summary]
    assert travel.type == "CONSULT" and names[travel.source_actor] == "Hamas"
    assert names[travel.target_actor] == "Egypt"
    assert travel.date_evidence is not None and travel.date_evidence.text == "Wednesday"


def test_seed_002_and_003_figures(seeds: Seeds) -> None:
    nearly = {f.value: f for f in seeds["002"][2].figures}[20000]
    assert nearly.approximate and nearly.high == 20000 and nearly.counts == "people killed"
    hostages = {f.value: f for f in seeds["003"][2].figures}[250]
    assert hostages.low == 250 and hostages.counts == "hostages abducted"


def test_seed_004_meeting_quote(seeds: Seeds) -> None:
    _, _, analysis = seeds["004"]
    [meeting] = [q for q in analysis.quotes if "yesterday (Friday)" in q.text]
    assert meeting.evidence.text.startswith("The head of the Mossad")
    assert meeting.speaker_name is not None and "office" in meeting.speaker_name
    # The quote's own "yesterday" is when the chiefs met, not when the office spoke.
    assert meeting.date is None
