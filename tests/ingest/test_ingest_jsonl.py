"""JSON Lines (and JSON): one article per line, broken lines rejected one by one."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.config import Config
from storyline.ingest import ingest
from storyline.model import Ingested, Rejection


def write_lines(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run(path: Path, config: Config | None = None) -> list[Ingested | Rejection]:
    return list(ingest([str(path)], config or Config()))


def test_lines_with_and_without_ids(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    write_lines(
        path,
        [
            json.dumps(
                {
                    "id": "a-17",
                    "title": "Bakers Strike",
                    "text": "Bakers in the capital stopped work on Monday over pay.",
                    "url": "https://news.example/bakers",
                    "published": "2023-12-20T09:30:00Z",
                    "outlet": "Capital News",
                    "author": ["Ana Ruiz", "Tom Berg"],
                }
            ),
            "",
            json.dumps(
                {
                    "content": "The strike ended on Friday with a deal, the union said.",
                    "date": "2023-12",
                    "source": {"id": "wire", "name": "Wire Service"},
                }
            ),
        ],
    )
    results = run(path)
    assert all(isinstance(r, Ingested) for r in results), results
    first, second = (r.document for r in results if isinstance(r, Ingested))
    assert first.source == f"{path}#a-17"
    assert first.title == "Bakers Strike"
    assert first.url == "https://news.example/bakers"
    assert first.published == "2023-12-20"
    assert first.published_basis == "metadata"
    assert first.outlet == "Capital News"
    assert first.author == "Ana Ruiz, Tom Berg"
    assert second.source == f"{path}#3"  # line numbers count from 1, blank lines included
    assert second.published == "2023-12"  # the precision given is kept
    assert second.outlet == "Wire Service"


def test_raw_is_the_line(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    line = json.dumps({"id": 7, "body": "The ferry sailed again on Tuesday."})
    write_lines(path, [line])
    [result] = run(path)
    assert isinstance(result, Ingested)
    assert result.raw == line.encode("utf-8")
    assert result.document.source == f"{path}#7"


def test_broken_lines_are_rejected_and_others_kept(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    write_lines(
        path,
        [
            json.dumps({"text": "The museum reopened on Saturday after repairs."}),
            '{"text": "unterminated',
            json.dumps(["not", "an", "object"]),
            json.dumps({"id": "x1", "title": "A title but no body"}),
            json.dumps({"text": "   "}),
            json.dumps({"text": "Visitors queued around the block, staff said."}),
        ],
    )
    results = run(path)
    assert [type(r).__name__ for r in results] == [
        "Ingested",
        "Rejection",
        "Rejection",
        "Rejection",
        "Rejection",
        "Ingested",
    ]
    rejections = [r for r in results if isinstance(r, Rejection)]
    assert [(r.source, r.reason) for r in rejections] == [
        (f"{path}#2", "bad-json"),
        (f"{path}#3", "bad-json"),
        (f"{path}#4", "no-text"),
        (f"{path}#5", "empty"),
    ]
    assert all(r.detail for r in rejections)


def test_html_in_a_text_field_is_extracted(tmp_path: Path) -> None:
    path = tmp_path / "html.jsonl"
    markup = (
        "<div><h1>Ferry Back</h1><p>The island ferry resumed service on Friday after a "
        "month of repairs.</p><p>Share this article</p><p>Passengers cheered as it left "
        "port.</p></div>"
    )
    write_lines(path, [json.dumps({"id": "f1", "title": "Ferry Back", "text": markup})])
    [result] = run(path)
    assert isinstance(result, Ingested), result
    doc = result.document
    assert doc.title == "Ferry Back"
    assert "<p>" not in doc.text and "Share this" not in doc.text
    assert doc.text == (
        "The island ferry resumed service on Friday after a month of repairs.\n\n"
        "Passengers cheered as it left port."
    )


def test_json_extension_with_one_object_per_line(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    write_lines(
        path,
        [
            json.dumps({"text": "The first train ran on the new line on Monday."}),
            json.dumps({"text": "Ticket sales beat forecasts in the first week."}),
        ],
    )
    results = run(path)
    assert [r.document.source for r in results if isinstance(r, Ingested)] == [
        f"{path}#1",
        f"{path}#2",
    ]


def test_json_array_file(tmp_path: Path) -> None:
    path = tmp_path / "array.json"
    items = [
        {"id": "k", "text": "The dam's sluice gates opened at dawn on Sunday."},
        {"text": "Farmers downstream were warned to move livestock."},
    ]
    path.write_text(json.dumps(items, indent=2), encoding="utf-8")
    results = run(path)
    assert [r.document.source for r in results if isinstance(r, Ingested)] == [
        f"{path}#k",
        f"{path}#2",
    ]


def test_jsonl_detected_by_content_on_stdin() -> None:
    import io

    data = (json.dumps({"id": "s", "text": "Snow closed the pass on Sunday."}) + "\n").encode()
    [result] = list(ingest(["-"], Config(), stdin=io.BytesIO(data)))
    assert isinstance(result, Ingested)
    assert result.document.source == "<stdin>#s"


def test_oversize_line_is_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    write_lines(
        path,
        [
            json.dumps({"text": "Short line about the harbour."}),
            json.dumps({"text": "x " * 400}),
            json.dumps({"text": "Another short line about the pier."}),
        ],
    )
    results = run(path, Config(max_bytes=200))
    assert [getattr(r, "reason", "ok") for r in results] == ["ok", "too-large", "ok"]
    assert isinstance(results[1], Rejection)
    assert results[1].source == f"{path}#2"


def test_unparseable_published_value_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "dates.jsonl"
    write_lines(path, [json.dumps({"text": "The vote was held.", "published": "soon-ish"})])
    [result] = run(path)
    assert isinstance(result, Ingested)
    assert result.document.published is None
