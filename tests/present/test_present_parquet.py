from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from storyline.model import SCHEMA_NAME, ResolvedStory
from storyline.present.columns import Column, column_for, table_columns
from storyline.present.export import TABLES, export_object, schema, write_parquet


def _decoded(row: dict[str, Any], columns: list[Column]) -> dict[str, Any]:
    return {
        c.name: json.loads(row[c.name]) if c.json and row[c.name] is not None else row[c.name]
        for c in columns
    }


def test_parquet_round_trips_every_table(story: ResolvedStory, tmp_path: Path) -> None:
    written = write_parquet(story, tmp_path / "out")
    assert [p.name for p in written] == [f"{t}.parquet" for t in TABLES] + ["_schema.json"]
    columns = table_columns(schema())
    obj = export_object(story)
    for table in TABLES:
        read = pq.read_table(tmp_path / "out" / f"{table}.parquet")
        assert read.num_rows == len(getattr(story, table)), table
        assert read.schema.metadata[b"storyline.schema"] == SCHEMA_NAME.encode()
        rows = [_decoded(r, columns[table]) for r in read.to_pylist()]
        # Optional extras the model dumps as null come back as null, so this is exact.
        assert rows == obj[table], table


def test_empty_tables_have_the_same_columns_as_full_ones(
    story: ResolvedStory, empty_story: ResolvedStory, tmp_path: Path
) -> None:
    write_parquet(story, tmp_path / "full")
    write_parquet(empty_story, tmp_path / "empty")
    for table in TABLES:
        full = pq.read_table(tmp_path / "full" / f"{table}.parquet")
        empty = pq.read_table(tmp_path / "empty" / f"{table}.parquet")
        assert empty.num_rows == 0
        assert empty.schema.equals(full.schema, check_metadata=True), table


def test_columns_are_flat_and_typed(tmp_path: Path, story: ResolvedStory) -> None:
    write_parquet(story, tmp_path)
    figures = pq.read_table(tmp_path / "figures.parquet").schema
    assert figures.field("value").type == pa.float64()
    assert figures.field("approximate").type == pa.bool_()
    assert figures.field("as_of").type == pa.string()
    documents = pq.read_table(tmp_path / "documents.parquet").schema
    # Nested or mixed values are JSON text, never struct or list columns.
    for name in ("published", "published_evidence", "credits"):
        assert documents.field(name).type == pa.string()
    for table in TABLES:
        for fld in pq.read_table(tmp_path / f"{table}.parquet").schema:
            assert not pa.types.is_nested(fld.type), (table, fld.name)


def test_published_keeps_both_of_its_shapes(story: ResolvedStory, tmp_path: Path) -> None:
    write_parquet(story, tmp_path)
    cells = pq.read_table(tmp_path / "documents.parquet").column("published").to_pylist()
    decoded = [json.loads(c) if c is not None else None for c in cells]
    assert "2024-03-05" in decoded
    assert {"earliest": "2024-03-05", "latest": "2024-03-07", "best": "2024-03-06"} in decoded
    assert None in decoded


def test_manifest_names_the_schema_and_counts_rows(story: ResolvedStory, tmp_path: Path) -> None:
    write_parquet(story, tmp_path)
    manifest = json.loads((tmp_path / "_schema.json").read_text())
    assert manifest["schema"] == SCHEMA_NAME
    assert list(manifest["tables"]) == list(TABLES)
    for table in TABLES:
        assert manifest["tables"][table]["rows"] == len(getattr(story, table))
    json_columns = {c["name"] for c in manifest["tables"]["events"]["columns"] if c["json"]}
    spans = {
        "trigger",
        "source_evidence",
        "target_evidence",
        "location_evidence",
        "reported_by_evidence",
    }
    assert json_columns == {"date_evidence", "documents", "mentions", "reports", *spans}


def test_column_types_follow_the_schema() -> None:
    defs = {"d": {"type": "string"}, "obj": {"type": "object"}}
    assert column_for("a", {"type": ["integer", "null"]}, defs) == Column("a", "integer", False)
    assert column_for("a", {"anyOf": [{"$ref": "#/$defs/d"}, {"type": "null"}]}, defs).json is False
    assert column_for("a", {"anyOf": [{"$ref": "#/$defs/d"}, {"$ref": "#/$defs/obj"}]}, defs).json
    assert column_for("a", {"enum": ["x", None]}, defs) == Column("a", "string", False)
    assert column_for("a", {"type": "array", "items": {}}, defs).json
