"""datafiles.py: the one reader of every stage's data/ folder (comments, errors naming file and
line, refusals), and every packaged data file loads."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

import pytest

from storyline import datafiles
from storyline.errors import DataFileError, StorylineError

DataPackage = Callable[[dict[str, str]], str]


@pytest.fixture
def data_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DataPackage:
    """Writes a package with a data/ folder holding the given files; returns its name. Each
    package has a new name, so the loader's caches never mix two tests."""

    def make(data: dict[str, str]) -> str:
        name = f"datafiles_test_{uuid.uuid4().hex}"
        folder = tmp_path / name / "data"
        folder.mkdir(parents=True)
        (tmp_path / name / "__init__.py").write_text("")
        for file, content in data.items():
            (folder / file).write_text(content, encoding="utf-8")
        return name

    monkeypatch.syspath_prepend(str(tmp_path))
    return make


def test_comment_lines_and_blank_lines_are_skipped(data_package: DataPackage) -> None:
    package = data_package(
        {"w.txt": "# a comment\n\n   # indented comment\nSaid\n  prime   minister \n"}
    )
    assert datafiles.lines(package, "w.txt") == ("Said", "prime   minister")
    assert datafiles.words(package, "w.txt") == {"said", "prime minister"}


def test_a_hash_after_an_entry_belongs_to_it(data_package: DataPackage) -> None:
    package = data_package({"w.txt": "c# sharp\n", "p.txt": "(?P<tag>[#]\\w+) #\\d\n"})
    assert datafiles.words(package, "w.txt") == {"c# sharp"}
    (pattern,) = datafiles.patterns(package, "p.txt")
    assert pattern.fullmatch("#news #1")


def test_a_broken_regex_names_file_and_line(data_package: DataPackage) -> None:
    package = data_package({"rules.txt": "# comment\n\nfine\n(unclosed\n"})
    with pytest.raises(DataFileError, match=r"/data/rules\.txt, line 4: not a valid regex"):
        datafiles.patterns(package, "rules.txt")


def test_fragments_are_expanded_and_an_undefined_one_names_its_line(
    data_package: DataPackage,
) -> None:
    package = data_package(
        {
            "ok.txt": "@AGENCY = (?:AFP|Reuters)\nWith <<AGENCY>>\n",
            "bad.txt": "@AGENCY = AFP\n# comment\nWith <<AGNECY>>\n",
        }
    )
    (pattern,) = datafiles.patterns(package, "ok.txt")
    assert pattern.pattern == "With (?:AFP|Reuters)"
    with pytest.raises(DataFileError, match=r"bad\.txt, line 3: <<AGNECY>> is not defined"):
        datafiles.patterns(package, "bad.txt")


def test_a_regex_that_matches_nothing_in_particular_is_refused(data_package: DataPackage) -> None:
    package = data_package({"p.txt": "Staff Writer\n(?:By )?\n"})
    with pytest.raises(DataFileError, match=r"line 2: the regex matches the empty string"):
        datafiles.patterns(package, "p.txt")


def test_a_file_with_no_entries_is_refused(data_package: DataPackage) -> None:
    package = data_package({"w.txt": "# only a comment\n\n", "p.txt": "@NAME = x\n"})
    with pytest.raises(DataFileError, match=r"w\.txt: no entries"):
        datafiles.words(package, "w.txt")
    with pytest.raises(DataFileError, match=r"p\.txt: no patterns"):
        datafiles.patterns(package, "p.txt")


def test_mapping_lines(data_package: DataPackage) -> None:
    package = data_package(
        {
            "m.txt": "Hamas : ORG\nclose  to : approximate  high\n",
            "colon.txt": "hamas : ORG\nhezbollah ORG\n",
            "empty.txt": "hamas :\n",
        }
    )
    assert datafiles.mapping(package, "m.txt") == {"hamas": "ORG", "close to": "approximate high"}
    with pytest.raises(DataFileError, match=r"colon\.txt, line 2: expected 'key : value'"):
        datafiles.mapping(package, "colon.txt")
    with pytest.raises(DataFileError, match=r"empty\.txt, line 1: empty key or value"):
        datafiles.mapping(package, "empty.txt")


def test_toml_errors_name_the_file_and_line(data_package: DataPackage) -> None:
    package = data_package({"t.toml": "a = 1\nb = \n"})
    with pytest.raises(DataFileError, match=r"/data/t\.toml: .*line 2"):
        datafiles.table(package, "t.toml")


def test_a_table_is_a_fresh_copy_for_each_caller(data_package: DataPackage) -> None:
    package = data_package({"t.toml": "tolerance = 1\n[a]\nwords = ['x']\n"})
    first = datafiles.table(package, "t.toml")
    first.pop("tolerance")
    first["a"]["words"].append("y")
    assert datafiles.table(package, "t.toml") == {"tolerance": 1, "a": {"words": ["x"]}}


def test_listed_refuses_a_missing_or_empty_list(data_package: DataPackage) -> None:
    package = data_package({"t.toml": "cues = ['will', 'shall']\nnone = []\nblank = ['']\n"})
    assert datafiles.listed(package, "t.toml", "cues") == ("will", "shall")
    for key in ("none", "missing"):
        with pytest.raises(DataFileError, match=rf"t\.toml: {key} must be a non-empty list"):
            datafiles.listed(package, "t.toml", key)
    with pytest.raises(DataFileError, match="empty or non-text entry"):
        datafiles.listed(package, "t.toml", "blank")


def test_a_missing_file_is_a_data_file_error(data_package: DataPackage) -> None:
    package = data_package({})
    with pytest.raises(DataFileError, match=r"/data/absent\.txt: cannot be read"):
        datafiles.words(package, "absent.txt")


def test_errors_are_raised_under_python_optimize(tmp_path: Path) -> None:
    """The checks are not asserts: `python -O` keeps them."""
    package = tmp_path / "optimized_pkg"
    (package / "data").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "data" / "p.txt").write_text("a*\n")
    code = (
        "from storyline import datafiles\n"
        "from storyline.errors import DataFileError\n"
        "try:\n"
        "    datafiles.patterns('optimized_pkg', 'p.txt')\n"
        "except DataFileError as exc:\n"
        "    print(exc)\n"
    )
    src = Path(datafiles.__file__).parent.parent
    env = {"PYTHONPATH": f"{tmp_path}:{src}", "PATH": ""}
    done = subprocess.run(
        [sys.executable, "-O", "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert "optimized_pkg/data/p.txt, line 1: the regex matches the empty string" in done.stdout


def test_the_error_names_the_file_as_packaged() -> None:
    assert datafiles.where("storyline.resolve.dating", "cues.toml") == (
        "resolve/dating/data/cues.toml"
    )
    assert issubclass(DataFileError, StorylineError)  # the CLI prints it as one line


# The packaged files, by how they are read; the rest of the .txt files are word lists.
PATTERN_FILES = {
    "summarize/data/dateline_patterns.txt",
    "summarize/data/sentence_rejects.txt",
    "ingest/data/byline_patterns.txt",
    "ingest/data/credit_patterns.txt",
    "ingest/data/date_line_patterns.txt",
    "ingest/data/date_stamp_patterns.txt",
    "ingest/data/dateline_credit_patterns.txt",
    "ingest/data/residue_lines.txt",
}
LINE_FILES = {"ingest/data/date_formats.txt"}
MAPPING_FILES = {
    f"analyze/data/{name}.txt"
    for name in (
        "approx_words",
        "count_nouns",
        "currencies",
        "label_fixes",
        "number_scales",
        "number_words",
        "outcome_complements",
        "outcomes",
        "role_synonyms",
        "seats_of_government",
        "verb_lemma_fixes",
    )
} | {"resolve/data/country_names.txt", "resolve/data/nicknames.txt"}
DATA_FOLDERS = {
    "ingest/data",
    "analyze/data",
    "timex/data",
    "resolve/data",
    "resolve/dating/data",
    "summarize/data",
    "present/data",
}


def _walk(folder: Traversable, prefix: str) -> Iterator[tuple[str, Traversable]]:
    for child in folder.iterdir():
        name = f"{prefix}{child.name}"
        if child.is_dir():
            yield from _walk(child, f"{name}/")
        else:
            yield name, child


def _packaged() -> list[tuple[str, Traversable]]:
    return [
        (name, item)
        for name, item in _walk(files("storyline"), "")
        if "__pycache__" not in name and not name.endswith(".py")
    ]


def _data_files() -> list[tuple[str, str, str]]:
    """(package, file name, package-relative path) of every file in a data/ folder."""
    found = []
    for name, _ in _packaged():
        folder, _, file = name.rpartition("/")
        if folder.endswith("/data"):
            package = "storyline." + folder.removesuffix("/data").replace("/", ".")
            found.append((package, file, name))
    return sorted(found)


def test_every_rule_and_word_file_lives_in_a_data_folder() -> None:
    folders = {path.rpartition("/")[0] for _, _, path in _data_files()}
    assert folders == DATA_FOLDERS
    others = [name for name, _ in _packaged() if name.rpartition("/")[0] not in DATA_FOLDERS]
    # Besides the data: the report's and the web app's templates and static files (read by
    # Jinja or served as they are) and the typing marker.
    pages = ("present/templates/", "web/templates/", "web/static/")
    stray = [name for name in others if not name.startswith(pages) and name != "py.typed"]
    assert stray == []


@pytest.mark.parametrize(("package", "name", "path"), _data_files(), ids=lambda v: str(v))
def test_every_packaged_data_file_loads(package: str, name: str, path: str) -> None:
    assert datafiles.where(package, name) == path
    if name.endswith(".toml"):
        assert datafiles.table(package, name)
    elif name.endswith(".json"):
        assert json.loads(datafiles.text(package, name))
    elif path in PATTERN_FILES:
        assert all(isinstance(p, re.Pattern) for p in datafiles.patterns(package, name))
    elif path in LINE_FILES:
        assert datafiles.lines(package, name)
    elif path in MAPPING_FILES:
        assert datafiles.mapping(package, name)
    else:
        assert name.endswith(".txt")
        entries = datafiles.words(package, name)
        assert all(entry and ":" not in entry for entry in entries)


def test_the_schema_path_points_at_the_packaged_schema() -> None:
    from storyline.present.export import SCHEMA_PATH, schema

    assert SCHEMA_PATH.parent.name == "data"
    assert json.loads(SCHEMA_PATH.read_text(encoding="utf-8")) == schema()


def test_every_stage_reads_its_data() -> None:
    """The readers that give the files their meaning (checks beyond parsing) all succeed."""
    from storyline.analyze import event_mode, event_triggers
    from storyline.present.report_view import event_groups
    from storyline.resolve.dating import settings
    from storyline.timex import grammar, lexicon, spelling

    assert lexicon.lexicon().weekday_names[0] == "monday"
    assert lexicon.lexicon().month_names[-1] == "december"
    assert lexicon.tense_cues().future_auxiliaries
    assert grammar.rules()
    assert spelling.respell("thrusday") == "thursday"
    assert settings.settings().weights
    assert settings.cues().weekdays == lexicon.lexicon().weekday_names
    assert settings.lunar_calendar().holidays
    assert "monday" in settings.stopwords()
    assert event_mode._modes().future_aux == lexicon.tense_cues().future_auxiliaries
    assert event_triggers._lexicon().verbs
    assert event_groups()
