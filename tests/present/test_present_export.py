from __future__ import annotations

import copy
import io
import json
import typing
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import BaseModel

from storyline.model import (
    PLOVER_TYPES,
    SCHEMA_NAME,
    DateInterval,
    Document,
    EventMode,
    Evidence,
    PublishedBasis,
    ResolvedStory,
    TimeType,
)
from storyline.present.columns import TABLE_DEFS
from storyline.present.export import (
    OPTIONAL_TABLES,
    SCHEMA_PATH,
    TABLE_MODELS,
    TABLES,
    export_object,
    schema,
    write_json,
    write_jsonl,
)


def validator(ref: str | None = None) -> Draft202012Validator:
    root = schema()
    if ref is not None:
        root = {"$defs": root["$defs"], "$ref": f"#/$defs/{ref}"}
    Draft202012Validator.check_schema(root)
    return Draft202012Validator(root, format_checker=Draft202012Validator.FORMAT_CHECKER)


def errors(obj: Any, ref: str | None = None) -> list[str]:
    return [e.message for e in validator(ref).iter_errors(obj)]


def test_schema_is_packaged_beside_the_code() -> None:
    assert SCHEMA_PATH.name == "storyline-1.schema.json"
    assert SCHEMA_PATH.is_file()
    loaded = schema()
    assert loaded["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert loaded["properties"]["schema"] == {"const": "storyline/1"}
    required = [t for t in TABLES if t not in OPTIONAL_TABLES]
    assert list(loaded["required"]) == ["schema", *required]
    assert set(loaded["properties"]) == {"schema", *TABLES}


def test_full_export_validates(story: ResolvedStory) -> None:
    obj = export_object(story)
    assert errors(obj) == []
    assert obj["schema"] == SCHEMA_NAME
    assert list(obj) == ["schema", *TABLES]
    for table in TABLES:
        assert len(obj[table]) == len(getattr(story, table)), table


def test_empty_export_validates(empty_story: ResolvedStory) -> None:
    obj = export_object(empty_story)
    assert errors(obj) == []
    assert all(obj[t] == [] for t in TABLES)


def test_timeline_is_not_part_of_the_contract(story: ResolvedStory) -> None:
    assert "timeline" not in export_object(story)


def test_every_exported_evidence_matches_its_document(story: ResolvedStory) -> None:
    obj = export_object(story)
    texts = {d["id"]: d["text"] for d in obj["documents"]}

    def spans(value: Any) -> list[dict[str, Any]]:
        if isinstance(value, dict):
            if set(value) == {"doc", "start", "end", "text"}:
                return [value]
            return [s for v in value.values() for s in spans(v)]
        if isinstance(value, list):
            return [s for v in value for s in spans(v)]
        return []

    found = spans({t: obj[t] for t in TABLES})
    assert len(found) > 15
    for ev in found:
        assert texts[ev["doc"]][ev["start"] : ev["end"]] == ev["text"]


@pytest.mark.parametrize(
    "breakage",
    [
        lambda o: o.pop("documents"),
        lambda o: o.update(schema="storyline/2"),
        lambda o: o.update(timeline=[]),
        lambda o: o["events"][0].update(type="FIGHT"),
        lambda o: o["events"][0].update(mode="rumoured"),
        lambda o: o["events"][0].pop("mentions"),
        lambda o: o["events"][0].update(source_actor=7),
        lambda o: o["events"][0].update(date="March 5"),
        lambda o: o["figures"][0]["evidence"].pop("end"),
        lambda o: o["figures"][0].update(value="1,200"),
        lambda o: o["figures"][0]["evidence"].update(start=-1),
        lambda o: o["documents"][0].update(published=20240305),
        lambda o: o["documents"][0].update(published={"earliest": "2024-03-05"}),
        lambda o: o["documents"][0].update(published_basis="guessed"),
        lambda o: o["documents"][0].update(extra="field"),
        lambda o: o["times"][0].update(type="MOMENT"),
        lambda o: o["rejections"][0].pop("reason"),
        lambda o: o["conflicts"][0].update(items="f1,f2"),
    ],
)
def test_broken_objects_fail_validation(story: ResolvedStory, breakage: Any) -> None:
    obj = copy.deepcopy(export_object(story))
    breakage(obj)
    assert errors(obj) != []


def _model_required(model: type[BaseModel]) -> set[str]:
    return {name for name, f in model.model_fields.items() if f.is_required()}


@pytest.mark.parametrize("table", TABLES)
def test_schema_and_models_agree_on_fields(table: str) -> None:
    definition = schema()["$defs"][TABLE_DEFS[table]]
    model = TABLE_MODELS[table]
    properties = set(definition["properties"])
    required = set(definition["required"])
    assert properties == set(model.model_fields), "every model field is in the schema and back"
    assert required <= properties
    # What the model cannot do without, the contract cannot either.
    assert _model_required(model) <= required


def test_nested_definitions_agree_with_models() -> None:
    defs = schema()["$defs"]
    assert set(defs["evidence"]["properties"]) == set(Evidence.model_fields)
    assert set(defs["dateInterval"]["properties"]) == set(DateInterval.model_fields)


def test_schema_enums_are_the_model_literals() -> None:
    defs = schema()["$defs"]
    assert tuple(defs["event"]["properties"]["type"]["enum"]) == PLOVER_TYPES
    assert set(defs["event"]["properties"]["mode"]["enum"]) == set(typing.get_args(EventMode))
    assert set(defs["time"]["properties"]["type"]["enum"]) == set(typing.get_args(TimeType))
    basis = set(defs["document"]["properties"]["published_basis"]["enum"])
    assert basis == {*typing.get_args(PublishedBasis), None}


def _canonical(record: BaseModel) -> str:
    # Evidence lists are sets of spans: the export fixes their order, so compare them as sets.
    dumped = record.model_dump(mode="json")
    for key in ("mentions", "published_evidence"):
        if key in dumped:
            dumped[key] = sorted(json.dumps(e, sort_keys=True) for e in dumped[key])
    return json.dumps(dumped, sort_keys=True)


def test_exported_records_read_back_into_the_models(story: ResolvedStory) -> None:
    obj = export_object(story)
    for table in TABLES:
        originals = sorted(_canonical(r) for r in getattr(story, table))
        read_back = sorted(_canonical(TABLE_MODELS[table].model_validate(r)) for r in obj[table])
        assert read_back == originals, table


def _shuffled(story: ResolvedStory) -> ResolvedStory:
    update = {t: list(reversed(getattr(story, t))) for t in TABLES}
    entities = [
        e.model_copy(update={"mentions": list(reversed(e.mentions))}) for e in update["entities"]
    ]
    update["entities"] = entities
    return story.model_copy(update=update)


def test_export_order_does_not_depend_on_input_order(story: ResolvedStory) -> None:
    assert export_object(_shuffled(story)) == export_object(story)
    a, b = io.StringIO(), io.StringIO()
    write_json(story, a)
    write_json(_shuffled(story), b)
    assert a.getvalue() == b.getvalue()


def test_export_order_is_by_id_date_and_position(story: ResolvedStory) -> None:
    obj = export_object(story)
    doc_ids = [d["id"] for d in obj["documents"]]
    assert doc_ids == sorted(doc_ids)
    # Dated events by date, undated last.
    assert [e["date"] for e in obj["events"]] == ["2024-03-05", "2024-03-06", None]
    positions = [(f["evidence"]["doc"], f["evidence"]["start"]) for f in obj["figures"]]
    assert positions == sorted(positions)
    mentions = obj["entities"][[e["name"] for e in obj["entities"]].index("Velmora")]["mentions"]
    assert [(m["doc"], m["start"]) for m in mentions] == sorted(
        (m["doc"], m["start"]) for m in mentions
    )


def test_write_json_round_trips(story: ResolvedStory) -> None:
    out = io.StringIO()
    write_json(story, out)
    assert out.getvalue().endswith("\n")
    assert json.loads(out.getvalue()) == export_object(story)
    # Non-ASCII text stays readable rather than \u-escaped.
    doc = Document(id="d1", source="x", text="Khan Yunis – 1 140 “killed”")
    out = io.StringIO()
    write_json(ResolvedStory(documents=[doc]), out)
    assert "“killed”" in out.getvalue()


def test_jsonl_round_trips(story: ResolvedStory) -> None:
    out = io.StringIO()
    write_jsonl(story, out)
    lines = out.getvalue().splitlines()
    obj = export_object(story)
    assert len(lines) == sum(len(obj[t]) for t in TABLES)
    line_validator = validator("jsonlLine")
    rebuilt: dict[str, Any] = {"schema": SCHEMA_NAME, **{t: [] for t in TABLES}}
    tables_seen: list[str] = []
    for line in lines:
        row = json.loads(line)
        assert list(line_validator.iter_errors(row)) == []
        assert row["schema"] == SCHEMA_NAME
        rebuilt[row["table"]].append(row["record"])
        if not tables_seen or tables_seen[-1] != row["table"]:
            tables_seen.append(row["table"])
    assert rebuilt == obj
    # Each table appears in one run, in contract order.
    assert tables_seen == [t for t in TABLES if obj[t]]


def test_jsonl_line_schema_rejects_a_record_in_the_wrong_table(story: ResolvedStory) -> None:
    figure = export_object(story)["figures"][0]
    good = {"schema": SCHEMA_NAME, "table": "figures", "record": figure}
    assert errors(good, "jsonlLine") == []
    assert errors({**good, "table": "quotes"}, "jsonlLine") != []
    assert errors({**good, "table": "timeline"}, "jsonlLine") != []


def test_jsonl_of_empty_bundle_is_empty(empty_story: ResolvedStory) -> None:
    out = io.StringIO()
    write_jsonl(empty_story, out)
    assert out.getvalue() == ""
