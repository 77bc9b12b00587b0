"""Flat table columns for each storyline/1 table, derived from the JSON Schema.

Parquet (and any other columnar writer) needs one fixed column type per field, also for empty
tables, so the types come from the schema rather than from the data. A field whose values can
only be one scalar JSON type (plus null) becomes a column of that type; anything nested or mixed
(evidence lists, ``published`` as date-or-interval) becomes a string column holding JSON, so
every table stays flat and its schema never depends on which records happen to be present.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

ColumnType = Literal["string", "integer", "number", "boolean"]

_SCALAR_TYPES: dict[str, ColumnType] = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
}

# Which $defs entry describes the records of each top-level table.
TABLE_DEFS: dict[str, str] = {
    "documents": "document",
    "entities": "entity",
    "events": "event",
    "figures": "figure",
    "quotes": "quote",
    "times": "time",
    "stories": "story",
    "conflicts": "conflict",
    "series": "series",
    "rejections": "rejection",
    "source_credits": "sourceCredit",
    "derivations": "derivation",
}


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    json: bool  # the cell holds a JSON text to be decoded with json.loads


def _json_type_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _allowed_types(prop: dict[str, Any], defs: dict[str, Any]) -> set[str]:
    """Every JSON type a value of this property may have."""
    if "$ref" in prop:
        name = str(prop["$ref"]).removeprefix("#/$defs/")
        return _allowed_types(defs[name], defs)
    for combinator in ("anyOf", "oneOf"):
        if combinator in prop:
            return set().union(*(_allowed_types(p, defs) for p in prop[combinator]))
    if "const" in prop:
        return {_json_type_of(prop["const"])}
    if "enum" in prop:
        return {_json_type_of(v) for v in prop["enum"]}
    declared = prop.get("type")
    if isinstance(declared, list):
        return {str(t) for t in declared}
    if isinstance(declared, str):
        return {declared}
    return {"object"}  # unconstrained: keep whatever it is as JSON


def column_for(name: str, prop: dict[str, Any], defs: dict[str, Any]) -> Column:
    types = _allowed_types(prop, defs) - {"null"}
    if len(types) == 1 and (only := next(iter(types))) in _SCALAR_TYPES:
        return Column(name, _SCALAR_TYPES[only], json=False)
    if types == {"integer", "number"}:
        return Column(name, "number", json=False)
    return Column(name, "string", json=True)


def table_columns(json_schema: dict[str, Any]) -> dict[str, list[Column]]:
    """The columns of every table, in contract order, fields in schema order."""
    defs: dict[str, Any] = json_schema["$defs"]
    return {
        table: [column_for(name, prop, defs) for name, prop in defs[def_name]["properties"].items()]
        for table, def_name in TABLE_DEFS.items()
    }


def flatten(record: dict[str, Any], columns: list[Column]) -> dict[str, Any]:
    """One row: scalar fields as they are, nested fields as JSON text (null stays null)."""
    row: dict[str, Any] = {}
    for column in columns:
        value = record.get(column.name)
        if column.json and value is not None:
            value = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        row[column.name] = value
    return row
