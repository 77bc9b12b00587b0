"""bench/floors/gate.py: a floor pins the corpus it was measured on, compares with an epsilon,
and an update never lowers a floor and writes the file whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench.floors.gate import (
    EPSILON,
    FloorError,
    FloorFile,
    corpus_change,
    corpus_digest,
    flat,
    pinned_corpus,
    raised_floor,
    read_floors,
    shortfalls,
    updated,
    write_floors,
)
from bench.floors.subsets import FLOOR_FILES, FLOORS
from bench.results import EVAL_DATA
from tests.shared_data import CI_ENV, require_shared


def _corpus(tmp_path: Path) -> tuple[Path, list[Path]]:
    root = tmp_path / "eval-data" / "corpus"
    (root / "a").mkdir(parents=True)
    files = [root / "a" / "one.txt", root / "two.txt"]
    files[0].write_text("Talks resumed on Monday.", encoding="utf-8")
    files[1].write_text("The vote was moved to Tuesday.", encoding="utf-8")
    return root, files


def _floors(path: Path, corpus: dict[str, object] | None = None) -> FloorFile:
    return FloorFile(
        path=path,
        subset="two settings",
        corpus=corpus or {"root": "corpus", "files": 2, "sha256": "0" * 64},
        measured={"a": {"exact": 14.29, "coverage": 100.0}, "b": {"exact": 32.87}},
        floors={"a": {"exact": 13.1, "coverage": 99.0}, "b": {"exact": 31.8}},
    )


def test_the_digest_changes_with_any_file_and_not_with_their_order(tmp_path: Path) -> None:
    root, files = _corpus(tmp_path)
    pinned = corpus_digest(root, files)
    assert corpus_digest(root, list(reversed(files))) == pinned
    files[1].write_text("The vote was moved to Wednesday.", encoding="utf-8")
    edited = corpus_digest(root, files)
    files[1].rename(root / "a" / "two.txt")
    moved = corpus_digest(root, [files[0], root / "a" / "two.txt"])
    assert len({pinned, edited, moved, corpus_digest(root, files[:1])}) == 4
    # Lengths are hashed with the bytes: moving bytes from one file to the next is a change.
    files[0].write_text("Talks resumed on Monday.The vote", encoding="utf-8")
    (root / "a" / "two.txt").write_text(" was moved to Wednesday.", encoding="utf-8")
    assert corpus_digest(root, [files[0], root / "a" / "two.txt"]) != moved


def test_a_changed_corpus_is_named_with_both_digests_and_the_command(tmp_path: Path) -> None:
    root, files = _corpus(tmp_path)
    found = pinned_corpus(root, files, tmp_path / "eval-data")
    assert found["root"] == "corpus" and found["files"] == 2
    pinned = _floors(tmp_path / "x.json", found)
    assert corpus_change(pinned, found, "python -m bench.floors --update x") is None
    files[0].write_text("Talks resumed on Sunday.", encoding="utf-8")
    changed = pinned_corpus(root, files, tmp_path / "eval-data")
    message = corpus_change(pinned, changed, "python -m bench.floors --update x")
    assert message is not None
    assert message.startswith("corpus changed: x floors were measured on " + found["sha256"])
    assert f"found {changed['sha256']}" in message
    assert message.endswith("re-measure with `python -m bench.floors --update x`")


def test_scores_within_epsilon_of_a_floor_pass_and_one_under_it_fails(tmp_path: Path) -> None:
    floors = _floors(tmp_path / "x.json")
    scores = {"a": {"exact": 13.1 - EPSILON / 2, "coverage": 99.0}, "b": {"exact": 40.0}}
    assert shortfalls(floors, scores) == []
    scores["a"]["exact"] = 12.9
    assert shortfalls(floors, scores) == ["a.exact 12.9 fell below its floor 13.1"]
    assert shortfalls(floors, scores, "b") == []
    unmeasured = shortfalls(floors, {"a": {"exact": 20.0}}, "a")
    assert unmeasured == ["a.coverage: not measured (floor 99.0)"]


def test_an_update_refuses_to_lower_a_floor(tmp_path: Path) -> None:
    floors = _floors(tmp_path / "x.json")
    scores = {"a": {"exact": 12.0, "coverage": 100.0}, "b": {"exact": 33.0}}
    with pytest.raises(FloorError, match=r"refusing to lower a floor \(a.exact 12.0 fell below"):
        updated(floors, scores, floors.corpus)


def test_an_update_raises_floors_keeps_the_others_and_pins_the_corpus(tmp_path: Path) -> None:
    floors = _floors(tmp_path / "x.json")
    corpus = {"root": "corpus", "files": 3, "sha256": "1" * 64}
    scores = {"a": {"exact": 13.5, "coverage": 100.0, "dated": 80.0}, "b": {"exact": 35.07}}
    after = updated(floors, scores, corpus)
    assert after.corpus == corpus
    # Only floored metrics are kept as measured; a floor rises to a point under its score.
    assert after.measured == {"a": {"exact": 13.5, "coverage": 100.0}, "b": {"exact": 35.07}}
    assert after.floors == {"a": {"exact": 13.1, "coverage": 99.0}, "b": {"exact": 34.0}}
    assert raised_floor(91.64) == 90.6 and raised_floor(100.0) == 99.0


def test_floors_are_written_whole_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    floors = _floors(path)
    write_floors(floors)
    assert read_floors(path) == floors
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]  # no temporary file left
    with pytest.raises(TypeError):
        write_floors(_floors(path, {"root": object()}))  # not JSON: the old file stays
    assert read_floors(path) == floors
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


def test_every_floor_file_pins_its_corpus_and_sits_under_its_measure() -> None:
    assert sorted(p.stem for p in FLOOR_FILES.glob("*.json")) == sorted(FLOORS)
    for floor in FLOORS.values():
        pinned = read_floors(floor.path)
        assert len(pinned.corpus["sha256"]) == 64
        assert floor.root == EVAL_DATA / pinned.corpus["root"]
        measured = flat(pinned.measured)
        assert all(measured[m] >= f for m, f in flat(pinned.floors).items()), floor.name


def test_missing_shared_data_skips_outside_ci_and_fails_in_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "eval-data"
    monkeypatch.delenv(CI_ENV, raising=False)
    with pytest.raises(pytest.skip.Exception, match="is not present"):
        require_shared(missing)
    monkeypatch.setenv(CI_ENV, "1")
    with pytest.raises(pytest.fail.Exception, match=str(missing)):
        require_shared(missing)
    assert require_shared(tmp_path) == tmp_path
