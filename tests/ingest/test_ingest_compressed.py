"""Compressed inputs: gzip files read as the file they compress, zip archives as the files they
hold, with damage, nesting and decompression bombs rejected with a reason."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from pathlib import Path

import pytest
from tests.one_line import run_cli

from storyline.config import Config
from storyline.ingest import REJECTION_REASONS, ingest
from storyline.model import Ingested, Rejection

TEXT = "The pier was rebuilt over the winter and reopened on Saturday, the harbour office said."
PAGE = (
    "<!doctype html><html><head><title>Pier reopens</title>"
    '<meta name="author" content="Ana Ruiz"></head><body><article>'
    f"<h1>Pier reopens</h1><p>{TEXT}</p><p>Ferries will call twice a day from Monday.</p>"
    "</article></body></html>"
)
LINES = "".join(
    json.dumps({"id": f"n{i}", "title": f"Note {i}", "text": f"Note {i}. {TEXT}"}) + "\n"
    for i in range(3)
)


def results(*paths: Path, max_bytes: int | None = None) -> list[Ingested | Rejection]:
    config = Config() if max_bytes is None else Config(max_bytes=max_bytes)
    return list(ingest([str(p) for p in paths], config))


def accepted(items: list[Ingested | Rejection]) -> list[Ingested]:
    assert all(isinstance(i, Ingested) for i in items), items
    return [i for i in items if isinstance(i, Ingested)]


def rejection(items: list[Ingested | Rejection], reason: str) -> Rejection:
    [found] = [i for i in items if isinstance(i, Rejection)]
    assert found.reason == reason and reason in REJECTION_REASONS, found
    assert found.detail and "\n" not in found.source + found.detail
    return found


def _plain(tmp: Path, name: str, content: str) -> Ingested:
    path = tmp / "plain" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(content, encoding="utf-8")
    [item] = accepted(results(path))
    return item


@pytest.mark.parametrize(
    "name,content",
    [("page.html.gz", PAGE), ("page.htm.gz", PAGE), ("note.txt.gz", TEXT), ("page.gz", PAGE)],
)
def test_a_gzip_file_reads_as_the_file_it_compresses(
    tmp_path: Path, name: str, content: str
) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(content.encode()))
    [item] = accepted(results(path))
    plain = _plain(tmp_path, name.removesuffix(".gz") or "page", content)
    assert item.document.source == str(path)
    assert item.document.text == plain.document.text
    assert item.document.title == plain.document.title
    assert item.raw == content.encode()


@pytest.mark.parametrize("name", ["news.jsonl.gz", "news.json.gz"])
def test_gzip_json_lines_read_line_by_line(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(LINES.encode()))
    items = accepted(results(path))
    assert [i.document.source for i in items] == [f"{path}#n{i}" for i in range(3)]


def test_gzip_json_array(tmp_path: Path) -> None:
    path = tmp_path / "news.json.gz"
    array = [json.loads(line) for line in LINES.splitlines()]
    path.write_bytes(gzip.compress(json.dumps(array, indent=1).encode()))
    assert len(accepted(results(path))) == 3


def test_gzip_from_standard_input(tmp_path: Path) -> None:
    stdin = io.BytesIO(gzip.compress(PAGE.encode()))
    [item] = list(ingest(["-"], Config(), stdin=stdin))
    assert isinstance(item, Ingested) and item.document.title == "Pier reopens"


@pytest.mark.parametrize("cut", [10, 200])
def test_truncated_gzip_is_rejected(tmp_path: Path, cut: int) -> None:
    whole = gzip.compress((PAGE * 20).encode())
    path = tmp_path / "page.html.gz"
    path.write_bytes(whole[:cut])
    found = rejection(results(path), "bad-archive")
    assert found.source == str(path) and "damaged gzip data" in found.detail


def test_corrupt_gzip_is_rejected(tmp_path: Path) -> None:
    data = bytearray(gzip.compress((PAGE * 20).encode()))
    data[30:60] = bytes(30)
    path = tmp_path / "page.html.gz"
    path.write_bytes(bytes(data))
    rejection(results(path), "bad-archive")


def test_truncated_gzip_json_lines_keep_the_lines_before(tmp_path: Path) -> None:
    many = "".join(
        json.dumps({"id": f"n{i}", "text": f"Note number {i} of many. {TEXT} {i * 7919}"}) + "\n"
        for i in range(400)
    )
    whole = gzip.compress(many.encode())
    path = tmp_path / "news.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    items = results(path)
    kept = [i for i in items if isinstance(i, Ingested)]
    assert 0 < len(kept) < 400
    assert rejection(items, "bad-archive").source == str(path)


def test_a_decompression_bomb_is_rejected_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "bomb.html.gz"
    # 200 MB of spaces inside an HTML page compress to about 200 KB.
    with gzip.open(path, "wb") as out:
        out.write(b"<html><body><p>")
        for _ in range(200):
            out.write(b" " * 1_000_000)
    assert path.stat().st_size < 1_000_000
    found = rejection(results(path), "too-large")
    assert "once decompressed" in found.detail


def test_a_bomb_of_json_lines_is_limited_per_line(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb") as out:
        out.write(LINES.encode())
        out.write(b'{"text": "' + b"a" * 50_000_000 + b'"}\n')
        out.write(LINES.replace('"n', '"m').encode())
    items = results(path, max_bytes=1_000_000)
    assert len([i for i in items if isinstance(i, Ingested)]) == 6
    assert rejection(items, "too-large").source == f"{path}#4"


def _zip(path: Path, members: dict[str, bytes | None]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            if data is None:
                archive.mkdir(name)
            else:
                archive.writestr(name, data)
    return path


def test_a_zip_of_articles(tmp_path: Path) -> None:
    path = _zip(
        tmp_path / "articles.zip",
        {
            "b/": None,
            "b/page.html": PAGE.encode(),
            "a-note.txt": f"A note. {TEXT}".encode(),
            "news.jsonl": LINES.encode(),
            "page.html.gz": gzip.compress(PAGE.replace("Pier", "Quay").encode()),
            "inner.zip": _zip(tmp_path / "inner.zip", {"x.txt": TEXT.encode()}).read_bytes(),
            ".DS_Store": b"\x00\x00\x00\x01Bud1",
            "__MACOSX/b/._page.html": b"\x00\x05\x16\x07",
        },
    )
    items = results(path)
    sources = [
        i.document.source if isinstance(i, Ingested) else f"rejected {i.source}" for i in items
    ]
    assert sources == [
        f"{path}!a-note.txt",
        f"{path}!b/page.html",
        f"rejected {path}!inner.zip",
        *(f"{path}!news.jsonl#n{i}" for i in range(3)),
        f"rejected {path}!page.html.gz",
    ]
    nested = [i for i in items if isinstance(i, Rejection)]
    assert {(r.reason, r.detail) for r in nested} == {
        ("bad-archive", "an archive inside an archive is not read")
    }
    page = next(i for i in items if isinstance(i, Ingested) and i.document.source.endswith("html"))
    assert page.document.title == "Pier reopens"


def test_zip_member_over_max_bytes(tmp_path: Path) -> None:
    path = _zip(tmp_path / "a.zip", {"big.txt": b"word " * 100_000, "ok.txt": TEXT.encode()})
    items = results(path, max_bytes=10_000)
    assert rejection(items, "too-large").source == f"{path}!big.txt"
    assert [i.document.source for i in items if isinstance(i, Ingested)] == [f"{path}!ok.txt"]


def test_damaged_zips(tmp_path: Path) -> None:
    whole = _zip(tmp_path / "whole.zip", {"a.txt": (TEXT * 50).encode()}).read_bytes()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(whole[: len(whole) // 2])
    assert "not a readable zip archive" in rejection(results(cut), "bad-archive").detail
    flipped = bytearray(whole)
    flipped[60:90] = bytes(30)  # inside the member's compressed data
    bad = tmp_path / "bad.zip"
    bad.write_bytes(bytes(flipped))
    assert rejection(results(bad), "bad-archive").source == f"{bad}!a.txt"
    empty = _zip(tmp_path / "empty.zip", {"only/": None})
    rejection(results(empty), "empty")


def test_zip_member_names_print_on_one_line(tmp_path: Path) -> None:
    path = _zip(tmp_path / "odd.zip", {"line\nbreak.txt": b"\x00\x01" * 100})
    found = rejection(results(path), "binary")
    assert found.source == f"{path}!line\\nbreak.txt"


def test_a_docx_is_not_an_archive_of_articles(tmp_path: Path) -> None:
    path = _zip(tmp_path / "letter.docx", {"word/document.xml": b"<w:document/>"})
    rejection(results(path), "binary")


@pytest.mark.slow
def test_build_reads_compressed_inputs_and_names_them(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "in" / "cut.txt.gz").write_bytes(gzip.compress((TEXT * 40).encode())[:40])
    _zip(tmp_path / "in" / "more.zip", {"news.jsonl": LINES.encode()})
    db = tmp_path / "story.db"
    run = run_cli("build", "--db", str(db), "-q", str(tmp_path / "in"))
    assert run.exit_code == 2, run.output
    assert "Traceback" not in run.output
    [line] = [line for line in run.stderr.splitlines() if line.startswith("rejected")]
    assert line.startswith(f"rejected {tmp_path / 'in' / 'cut.txt.gz'}: bad-archive: damaged")
    assert "4 new document(s)" in run.stderr


def test_an_encrypted_zip_member_is_rejected_alone(tmp_path: Path) -> None:
    data = bytearray(
        _zip(
            tmp_path / "a.zip", {"locked.txt": TEXT.encode(), "open.txt": TEXT.encode()}
        ).read_bytes()
    )
    # Python writes no encrypted zips: set the "encrypted" flag of the first member by hand,
    # in its local header and in its central directory entry.
    data[6] |= 1
    data[data.index(b"PK\x01\x02") + 8] |= 1
    path = tmp_path / "locked.zip"
    path.write_bytes(bytes(data))
    items = results(path)
    assert rejection(items, "bad-archive").source == f"{path}!locked.txt"
    assert [i.document.source for i in items if isinstance(i, Ingested)] == [f"{path}!open.txt"]


def test_a_zip_from_standard_input(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "a.zip", {"page.html": PAGE.encode()}).read_bytes()
    [item] = list(ingest(["-"], Config(), stdin=io.BytesIO(archive)))
    assert isinstance(item, Ingested) and item.document.source == "<stdin>!page.html"
