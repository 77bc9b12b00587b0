"""The storyline/1 export: one JSON object, JSON Lines, or one Parquet file per table.

This is the contract other tools read (DESIGN.md, "The export contract"); its JSON Schema is
packaged in data/ beside this module. Every format carries the same records in the same
deterministic order, so two exports of the same store are byte-identical and diff cleanly.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from storyline import datafiles
from storyline.errors import OutputError
from storyline.model import (
    SCHEMA_NAME,
    Conflict,
    Derivation,
    Document,
    Entity,
    Event,
    Figure,
    FigureSeries,
    Quote,
    Record,
    Rejection,
    ResolvedStory,
    SourceCredit,
    Story,
    TimeExpression,
    contract_dump,
)
from storyline.present.columns import Column, table_columns
from storyline.present.output import (
    check_output_folder,
    output_errors,
    replacing,
    write_text_file,
)

_SCHEMA_FILE = "storyline-1.schema.json"
SCHEMA_PATH: Path = datafiles.path("storyline.present", _SCHEMA_FILE)

# The tables of the contract, in contract order.
TABLES: tuple[str, ...] = (
    "documents",
    "entities",
    "events",
    "figures",
    "quotes",
    "times",
    "stories",
    "conflicts",
    "series",
    "rejections",
    "source_credits",
    "derivations",
)
# Tables added to storyline/1 after it was first published: the schema does not require them,
# so an export written before them still validates.
OPTIONAL_TABLES: tuple[str, ...] = ("series", "source_credits", "derivations")

# The pydantic record behind each table, for tools that read an export back.
TABLE_MODELS: dict[str, type[Record]] = {
    "documents": Document,
    "entities": Entity,
    "events": Event,
    "figures": Figure,
    "quotes": Quote,
    "times": TimeExpression,
    "stories": Story,
    "conflicts": Conflict,
    "series": FigureSeries,
    "rejections": Rejection,
    "source_credits": SourceCredit,
    "derivations": Derivation,
}


def schema() -> dict[str, Any]:
    """The packaged JSON Schema of storyline/1 (a fresh copy the caller may modify)."""
    loaded: dict[str, Any] = json.loads(datafiles.text("storyline.present", _SCHEMA_FILE))
    return loaded


def dump_record(record: Record) -> dict[str, Any]:
    """A record as the storyline/1 contract writes it (also what the listing commands print)."""
    return contract_dump(record)


def export_object(story: ResolvedStory) -> dict[str, Any]:
    """The storyline/1 object: every record of the story, one list per table.

    The timeline is not part of the contract: it is derived from the events and quotes.
    """
    obj: dict[str, Any] = {"schema": SCHEMA_NAME}
    ordered = story.in_contract_order()
    for table in TABLES:
        obj[table] = [dump_record(record) for record in getattr(ordered, table)]
    return obj


def iter_rows(story: ResolvedStory) -> Iterator[tuple[str, dict[str, Any]]]:
    """(table, record) pairs in contract order: the JSON Lines stream."""
    obj = export_object(story)
    for table in TABLES:
        for record in obj[table]:
            yield table, record


def write_json(story: ResolvedStory, out: TextIO) -> None:
    # Compact: with indent, json falls back to its pure-Python encoder, several times slower
    # on a large story (pipe through `jq .` to read it).
    out.write(json.dumps(export_object(story), ensure_ascii=False, separators=(",", ":")))
    out.write("\n")


def write_jsonl(story: ResolvedStory, out: TextIO) -> None:
    """One line per record: {"schema": "storyline/1", "table": KIND, "record": {...}}."""
    for table, record in iter_rows(story):
        line = {"schema": SCHEMA_NAME, "table": table, "record": record}
        out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")


def _arrow_type(column: Column) -> Any:
    import pyarrow as pa

    return {
        "string": pa.string(),
        "integer": pa.int64(),
        "number": pa.float64(),
        "boolean": pa.bool_(),
    }[column.type]


def write_parquet(story: ResolvedStory, out_dir: Path) -> list[Path]:
    """Write one <table>.parquet per table into out_dir, then _schema.json describing them.

    Columns are flat and typed from the JSON Schema (see columns.py), so an empty table still
    has every column. Returns every file written: the Parquet files in contract order, then
    _schema.json.
    """
    # pyarrow is heavy to import; only Parquet export pays for it.
    import pyarrow as pa
    import pyarrow.parquet as pq

    from storyline.present.columns import flatten

    _make_folder(out_dir)
    columns = table_columns(schema())
    obj = export_object(story)
    written: list[Path] = []
    manifest: dict[str, Any] = {
        "schema": SCHEMA_NAME,
        "json_schema": SCHEMA_PATH.name,
        "tables": {},
    }
    for table in TABLES:
        cols = columns[table]
        arrow_schema = pa.schema(
            [pa.field(c.name, _arrow_type(c)) for c in cols],
            metadata={"storyline.schema": SCHEMA_NAME, "storyline.table": table},
        )
        rows = [flatten(record, cols) for record in obj[table]]
        path = out_dir / f"{table}.parquet"
        with replacing(path) as temporary:
            pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema), temporary)
        written.append(path)
        manifest["tables"][table] = {
            "file": path.name,
            "rows": len(rows),
            "columns": [{"name": c.name, "type": c.type, "json": c.json} for c in cols],
        }
    manifest_path = out_dir / "_schema.json"
    # Written last: a folder whose _schema.json lists a table holds that table whole.
    write_text_file(manifest_path, lambda out: out.write(json.dumps(manifest, indent=2) + "\n"))
    written.append(manifest_path)
    return written


def _make_folder(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"cannot write into {out_dir}: it is a file, not a folder")
    check_output_folder(out_dir)
    with output_errors(out_dir):
        out_dir.mkdir(exist_ok=True)
