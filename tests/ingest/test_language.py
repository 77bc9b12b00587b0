"""Language detection at ingest, on the labelled texts of tests/data/languages.txt (written for
the repository: news paragraphs, ~20-word texts, headlines and mixed pages in 12 languages, and
texts too short to tell)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from storyline.config import UNDETERMINED, Config
from storyline.ingest import ingest
from storyline.ingest.language import DETECT_CHARS, detect_language
from storyline.model import Ingested

DATA = Path(__file__).resolve().parent.parent / "data"
CORPUS = Path(__file__).resolve().parent.parent.parent / "examples" / "corpus"
# Pinned floors: measured 1.000 overall and for every language (bench.language.detectors,
# 2026-12-07); a point or two under it absorbs a detector upgrade's noise, not a regression.
FLOOR = 0.98
LANGUAGE_FLOOR = 0.9


def labelled() -> list[tuple[str, str, str]]:
    rows = []
    for line in (DATA / "languages.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, kind, text = line.split(" ", 2)
            rows.append((label, kind, text))
    return rows


def test_the_labelled_texts_are_detected_above_the_floor() -> None:
    rows = labelled()
    right: dict[str, list[bool]] = defaultdict(list)
    for label, _, text in rows:
        right[label].append(detect_language(text).code == label)
    assert len(right) == 13 and all(len(v) >= 3 for v in right.values())
    total = [ok for oks in right.values() for ok in oks]
    assert sum(total) / len(total) >= FLOOR
    for label, oks in right.items():
        assert sum(oks) / len(oks) >= LANGUAGE_FLOOR, label


def test_a_page_quoting_another_language_is_the_page_s_language() -> None:
    mixed = [(label, text) for label, kind, text in labelled() if kind == "mixed"]
    assert {label for label, _ in mixed} == {"en", "de"}
    for label, text in mixed:
        assert detect_language(text).code == label


def test_too_little_text_is_undetermined() -> None:
    for text in ("", "AP Photo", "Image 1 of 8", "12:45 GMT", "Caption"):
        found = detect_language(text)
        assert found.code == UNDETERMINED, text
    confident = detect_language("Die Gewerkschaft kündigte einen dreitägigen Streik an.")
    assert confident.code == "de" and 0.3 <= confident.confidence <= 1


def test_only_the_opening_is_read() -> None:
    # A long English page with a Russian appendix past the window is English.
    english = "The council voted to close the library next spring. " * 60
    russian = "Городской совет проголосовал за закрытие библиотеки. " * 400
    assert len(english) >= DETECT_CHARS
    assert detect_language(english + russian).code == "en"


def test_ingest_gives_every_document_its_language() -> None:
    docs = [i.document for i in ingest([str(CORPUS)], Config()) if isinstance(i, Ingested)]
    assert docs
    for doc in docs:
        assert doc.language == "en", doc.source
        assert doc.language_confidence is not None and doc.language_confidence > 0.9
