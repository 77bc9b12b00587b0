from storyline.model import Analysis, Evidence, Mention, entity_id
from storyline.resolve.entities import resolve_entities


def _mention(doc: str, text: str, key: str, start: int = 0) -> Mention:
    ev = Evidence(doc=doc, start=start, end=start + len(text), text=text)
    return Mention(evidence=ev, label="PERSON", key=key, entity=entity_id("person", key))


def test_short_name_joins_the_unique_full_name_across_documents() -> None:
    a = Analysis(
        doc="d1",
        pipeline_version="t",
        mentions=[_mention("d1", "Ismail Haniyeh", "ismail haniyeh")],
    )
    b = Analysis(
        doc="d2",
        pipeline_version="t",
        mentions=[_mention("d2", "Haniyeh", "haniyeh"), _mention("d2", "Haniyeh", "haniyeh", 40)],
    )
    entities, remap = resolve_entities([a, b])
    [entity] = entities
    assert entity.name == "Ismail Haniyeh"
    assert entity.aliases == ["Haniyeh"]
    assert len(entity.mentions) == 3
    assert remap[entity_id("person", "haniyeh")] == entity.id


def test_ambiguous_short_name_stays_apart() -> None:
    mentions = [
        _mention("d1", "Joe Biden", "joe biden"),
        _mention("d1", "Hunter Biden", "hunter biden", 20),
        _mention("d1", "Biden", "biden", 40),
    ]
    entities, _ = resolve_entities([Analysis(doc="d1", pipeline_version="t", mentions=mentions)])
    assert sorted(e.name for e in entities) == ["Biden", "Hunter Biden", "Joe Biden"]
