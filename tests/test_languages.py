"""Documents in languages with no configured pipeline: stored, listed, dated, never parsed by
the English model. The foreign texts are in tests/data/mixed/, written for these tests."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from tests.test_end_to_end import run as storyline

from storyline.config import DEFAULT_MODEL, PIPELINE_VERSION, Config
from storyline.model import Rejection, ResolvedStory
from storyline.pipeline import build
from storyline.present.dates import language_label
from storyline.present.export import export_object, schema
from storyline.store import Store

REPO = Path(__file__).resolve().parent.parent
ENGLISH = [
    REPO / "examples" / "corpus" / "wire" / "meridian-wire-cairo-talks-sullivan.txt",
    REPO / "examples" / "corpus" / "scraped" / "levant-ledger-haniyeh-cairo.txt",
]
MIXED = REPO / "tests" / "data" / "mixed"
RUSSIAN = MIXED / "vedomosti-obraztsov-blinchiki.txt"
GERMAN = MIXED / "tagblatt-bahn-streik.txt"
# A German page dated by its metadata.
GERMAN_PAGE = MIXED / "rundschau-wahl.html"
FOREIGN = [RUSSIAN, GERMAN, GERMAN_PAGE]
CYRILLIC = re.compile("[\u0400-\u04ff]")
# The records every document contributes to through its analysis.
ANALYSIS_TABLES = ("entities", "events", "figures", "quotes", "times", "conflicts")

pytestmark = pytest.mark.slow


def _folder(tmp_path: Path, name: str, files: list[Path]) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for f in files:
        shutil.copy(f, folder / f.name)
    return folder


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ResolvedStory, ResolvedStory]:
    tmp = tmp_path_factory.mktemp("languages")
    mixed_db, english_db = tmp / "mixed.db", tmp / "english.db"
    mixed = build([str(_folder(tmp, "mixed", [*ENGLISH, *FOREIGN]))], str(mixed_db))
    english = build([str(_folder(tmp, "english", ENGLISH))], str(english_db))
    assert mixed.story is not None and english.story is not None
    assert mixed.not_analyzed == {"ru": 1, "de": 2} and mixed.analyzed == len(ENGLISH)
    return mixed_db, mixed.story, english.story


def test_every_document_is_stored_with_its_language(
    builds: tuple[Path, ResolvedStory, ResolvedStory],
) -> None:
    _, mixed, _ = builds
    by_name = {Path(d.source).name: d for d in mixed.documents}
    assert len(by_name) == len(ENGLISH) + len(FOREIGN)
    for path in ENGLISH:
        doc = by_name[path.name]
        assert (doc.language, doc.not_analyzed) == ("en", None)
    russian, german, page = (by_name[path.name] for path in FOREIGN)
    assert (russian.language, russian.not_analyzed) == ("ru", "no pipeline for ru")
    assert (german.language, german.not_analyzed) == ("de", "no pipeline for de")
    # Dated from its metadata, as any document is.
    assert (page.published, page.published_basis) == ("2024-03-10", "metadata")
    assert (page.language, page.not_analyzed) == ("de", "no pipeline for de")
    # Searchable like any document.
    with Store.open(str(builds[0])) as store:
        assert store.search("Образцов") == [russian.id]
        assert store.search("Weselsky") == [german.id]


def test_no_foreign_word_becomes_a_record(
    builds: tuple[Path, ResolvedStory, ResolvedStory],
) -> None:
    _, mixed, _ = builds
    foreign = {d.id for d in mixed.documents if d.language != "en"}
    exported = export_object(mixed)
    for table in ANALYSIS_TABLES:
        text = json.dumps(exported[table], ensure_ascii=False)
        assert not CYRILLIC.search(text), table
        assert not any(doc in text for doc in foreign), table


def test_the_english_results_are_those_of_a_build_without_the_foreign_documents(
    builds: tuple[Path, ResolvedStory, ResolvedStory],
) -> None:
    _, mixed, english = builds
    with_foreign, alone = export_object(mixed), export_object(english)
    for table in ANALYSIS_TABLES:
        assert with_foreign[table] == alone[table], table
    english_ids = {d.id for d in english.documents}
    assert [s for s in with_foreign["stories"] if set(s["documents"]) & english_ids] == alone[
        "stories"
    ]


def test_a_pipeline_added_for_one_language_analyzes_only_that_language(
    builds: tuple[Path, ResolvedStory, ResolvedStory], tmp_path: Path
) -> None:
    """The mapping, with the one installed model standing in for a German one: the German
    documents are analyzed (and no longer listed as not analyzed), the English ones are not
    analyzed again, the Russian one still is not."""
    db = tmp_path / "mixed.db"
    shutil.copy(builds[0], db)
    config = Config(language_models={"de": DEFAULT_MODEL})
    result = build([], str(db), config)
    assert result.analyzed == 2 and result.story is not None
    notes = {d.language: d.not_analyzed for d in result.story.documents}
    assert notes == {"en": None, "de": None, "ru": "no pipeline for ru"}
    with Store.open(str(db)) as store:
        assert store.docs_missing_analysis(config.analyzed_languages()) == []


def test_pipeline_versions_of_the_default_configuration_are_unchanged() -> None:
    config = Config()
    before = f"{PIPELINE_VERSION}+{DEFAULT_MODEL}"
    assert config.pipeline_version == before
    assert config.analysis_version("en") == config.analysis_version("und") == before
    assert config.analysis_version(None) == before
    assert config.model_for("ru") is None and config.skip_reason("ru") == "no pipeline for ru"
    german = Config(language_models={"de": "de_core_news_sm"})
    assert german.analysis_version("en") == before
    assert german.analysis_version("de") == f"{PIPELINE_VERSION}+de_core_news_sm"
    assert german.pipeline_version != before


def test_the_cli_says_what_was_not_analyzed(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "mixed", [ENGLISH[0], *FOREIGN])
    run = storyline("build", str(folder), "--db", "s.db", "-q", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "not analyzed: no pipeline for de (2), ru (1)" in run.stderr
    dates = storyline("dates", "--db", "s.db", "--format", "json", cwd=tmp_path)
    rows: list[dict[str, Any]] = json.loads(dates.stdout)
    found = {Path(r["source"]).name: (r["language"], r["not_analyzed"]) for r in rows}
    assert found["tagblatt-bahn-streik.txt"] == ("de", "no pipeline for de")
    assert found[ENGLISH[0].name] == ("en", None)
    only = storyline("dates", "--db", "s.db", "--format", "json", "--language", "ru", cwd=tmp_path)
    assert [Path(r["source"]).name for r in json.loads(only.stdout)] == [
        "vedomosti-obraztsov-blinchiki.txt"
    ]
    russian = next(r for r in rows if r["language"] == "ru")
    assert language_label(russian) == "ru, not analyzed: no pipeline for ru"
    exported = json.loads(storyline("export", "--db", "s.db", cwd=tmp_path).stdout)
    assert {d["language"] for d in exported["documents"]} == {"en", "de", "ru"}
    jsonschema.validate(exported, schema())


def test_a_configured_pipeline_that_is_not_installed_is_one_line(tmp_path: Path) -> None:
    run = storyline(
        "build", str(ENGLISH[0]), "--db", "s.db", "--model", "de=de_no_such_pipeline", cwd=tmp_path
    )
    assert run.returncode == 1
    assert run.stderr.strip().splitlines() == [
        "Error: spaCy pipeline 'de_no_such_pipeline' is not installed (hint: install the spaCy "
        "package de_no_such_pipeline here, or leave out its --model)"
    ]
    assert not (tmp_path / "s.db").exists()


def test_two_pipelines_for_one_language_is_one_line(tmp_path: Path) -> None:
    run = storyline(
        "build", str(ENGLISH[0]), "--db", "s.db", "--model", DEFAULT_MODEL, "--model",
        "en=en_core_web_md", cwd=tmp_path,
    )  # fmt: skip
    assert run.returncode == 1
    assert run.stderr.strip().splitlines() == [
        "Error: --model names two pipelines for en (hint: give one --model per language)"
    ]


def test_the_engine_parses_no_document_without_a_pipeline() -> None:
    """Every document in gets an analysis out, in order; one in a language with no pipeline is
    not parsed and finds nothing."""
    from storyline.engines.local import analyze_batch
    from storyline.model import Document, document_id

    texts = [(GERMAN.read_text(encoding="utf-8"), "de"), ("Короткий текст.", "ru")]
    docs = [Document(id=document_id(t), source="x", text=t, language=lang) for t, lang in texts]
    analyses = analyze_batch(docs, Config())
    assert [a.doc for a in analyses] == [d.id for d in docs]
    assert all(a.pipeline_version == f"{PIPELINE_VERSION}+none" for a in analyses)
    assert not any(a.sentences or a.mentions or a.figures or a.quotes for a in analyses)


def test_analyze_says_why_a_document_was_not_analyzed() -> None:
    from storyline.pipeline import analyze

    [(doc, analysis)] = [
        item for item in analyze([str(RUSSIAN)]) if not isinstance(item, Rejection)
    ]
    assert (doc.language, doc.not_analyzed) == ("ru", "no pipeline for ru")
    assert analysis.doc == doc.id and not analysis.mentions and not analysis.figures
