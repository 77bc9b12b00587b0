"""Inputs (files, directories, globs, stdin) and every bad-input reason."""

from __future__ import annotations

import gzip
import io
import os
import random
from pathlib import Path

import pytest

from storyline.config import Config
from storyline.ingest import REJECTION_REASONS, expand_paths, ingest
from storyline.model import Ingested, Rejection

TEXT = "The pier was rebuilt over the winter and reopened on Saturday."


def only(paths: list[str], config: Config | None = None) -> Ingested | Rejection:
    [result] = list(ingest(paths, config or Config()))
    return result


def rejected(result: Ingested | Rejection, reason: str) -> Rejection:
    assert isinstance(result, Rejection), result
    assert result.reason == reason, result
    assert result.reason in REJECTION_REASONS
    assert result.detail
    return result


def make_tree(root: Path) -> None:
    (root / "b").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".hidden").mkdir()
    (root / "z.txt").write_text(f"Z. {TEXT}")
    (root / "b" / "two.txt").write_text(f"Two. {TEXT}")
    (root / "b" / "one.txt").write_text(f"One. {TEXT}")
    (root / "a" / "deep.txt").write_text(f"Deep. {TEXT}")
    (root / ".secret.txt").write_text(f"Secret. {TEXT}")
    (root / ".hidden" / "x.txt").write_text(f"Hidden. {TEXT}")


def test_directory_is_walked_sorted_skipping_hidden(tmp_path: Path) -> None:
    make_tree(tmp_path / "corpus")
    root = str(tmp_path / "corpus")
    names = [name for name, _ in expand_paths([root])]
    assert names == [
        os.path.join(root, "a", "deep.txt"),
        os.path.join(root, "b", "one.txt"),
        os.path.join(root, "b", "two.txt"),
        os.path.join(root, "z.txt"),
    ]
    sources = [r.document.source for r in ingest([root], Config()) if isinstance(r, Ingested)]
    assert sources == names


def test_glob_patterns(tmp_path: Path) -> None:
    make_tree(tmp_path / "corpus")
    pattern = str(tmp_path / "corpus" / "**" / "*.txt")
    names = [Path(name).name for name, _ in expand_paths([pattern])]
    assert sorted(names) == ["deep.txt", "one.txt", "two.txt", "z.txt"]


def test_glob_matching_nothing_is_missing(tmp_path: Path) -> None:
    pattern = str(tmp_path / "*.nothing")
    result = rejected(only([pattern]), "missing")
    assert result.source == pattern
    assert "pattern" in result.detail


def test_missing_path(tmp_path: Path) -> None:
    path = str(tmp_path / "nope.txt")
    assert rejected(only([path]), "missing").source == path


def test_stdin() -> None:
    [doc] = list(ingest(["-"], Config(), stdin=io.BytesIO(TEXT.encode())))
    assert isinstance(doc, Ingested)
    assert doc.document.source == "<stdin>"
    assert doc.document.text == TEXT


def test_one_bad_input_does_not_stop_the_others(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXT)
    results = list(ingest([str(tmp_path / "missing.txt"), str(good)], Config()))
    assert [type(r).__name__ for r in results] == ["Rejection", "Ingested"]


def test_random_bytes_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(random.Random(7).randbytes(4096))
    rejected(only([str(path)]), "binary")


def test_gzip_of_binary_data_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "noise.gz"
    path.write_bytes(gzip.compress(random.Random(7).randbytes(4096)))
    rejected(only([str(path)]), "binary")


def test_utf16_without_bom_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(TEXT.encode("utf-16-le"))
    rejected(only([str(path)]), "binary")


@pytest.mark.parametrize("content", [b"", b"   \n\n\t \r\n", "\ufeff  \n".encode()])
def test_empty_and_whitespace_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    rejected(only([str(path)]), "empty")


def test_invalid_bytes_after_a_utf16_bom_are_an_encoding_error(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(b"\xff\xfe" + "Ok".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate
    rejected(only([str(path)]), "encoding")


def test_oversize_file_rejected_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "long.txt"
    path.write_text(TEXT * 10)

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("an oversize file must not be opened")

    monkeypatch.setattr(Path, "open", no_open)
    result = rejected(only([str(path)], Config(max_bytes=100)), "too-large")
    assert str(len(TEXT) * 10) in result.detail


def test_oversize_stdin(tmp_path: Path) -> None:
    result = list(ingest(["-"], Config(max_bytes=10), stdin=io.BytesIO(TEXT.encode())))
    rejected(result[0], "too-large")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(TEXT)
    path.chmod(0)
    try:
        rejected(only([str(path)]), "unreadable")
    finally:
        path.chmod(0o644)


def test_permission_error_is_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same as the chmod test, for runs as root (which can read a mode-000 file)."""
    path = tmp_path / "locked.txt"
    path.write_text(TEXT)

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(Path, "open", denied)
    result = rejected(only([str(path)]), "unreadable")
    assert "Permission denied" in result.detail


def test_unlistable_directory_is_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "listdir", scandir)
    result = rejected(only([str(folder)]), "unreadable")
    assert result.source == str(folder)


def test_unexpected_failure_becomes_an_error_rejection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storyline.ingest.assemble as assemble

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(assemble, "clean_text", boom)
    path = tmp_path / "fine.txt"
    path.write_text(TEXT)
    result = rejected(only([str(path)]), "error")
    assert "RuntimeError" in result.detail


def test_walk_skips_fifos_and_symlinked_folders_and_reports_broken_links(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    make_tree(root)
    os.mkfifo(root / "pipe")
    (root / "loop").symlink_to(root, target_is_directory=True)
    (root / "dangling.txt").symlink_to(root / "gone.txt")
    results = list(ingest([str(root)], Config()))
    rejections = [r for r in results if isinstance(r, Rejection)]
    assert [(Path(r.source).name, r.reason) for r in rejections] == [("dangling.txt", "missing")]
    assert len(results) == 5
