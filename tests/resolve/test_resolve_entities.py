from storyline.model import Analysis, Entity, Evidence, Mention, entity_id, label_group
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


def _named(doc: str, text: str, label: str, key: str, start: int = 0) -> Mention:
    ev = Evidence(doc=doc, start=start, end=start + len(text), text=text)
    return Mention(evidence=ev, label=label, key=key, entity=entity_id(label_group(label), key))


def _resolve(*mentions: Mention) -> tuple[list[Entity], dict[str, str]]:
    by_doc: dict[str, list[Mention]] = {}
    for m in mentions:
        by_doc.setdefault(m.evidence.doc, []).append(m)
    return resolve_entities(
        [Analysis(doc=d, pipeline_version="t", mentions=ms) for d, ms in by_doc.items()]
    )


def test_a_demonym_is_its_countrys_entity() -> None:
    entities, remap = _resolve(
        _named("d1", "Israeli", "NORP", "israeli"),
        _named("d1", "Israel", "GPE", "israel", 20),
        _named("d2", "Israelis", "NORP", "israelis"),
    )
    [israel] = entities
    assert israel.id == entity_id("place", "israel")
    assert (israel.name, israel.kind, israel.country) == ("Israel", "place", "ISR")
    assert israel.aliases == ["Israeli", "Israelis"]
    assert len(israel.mentions) == 3
    assert remap[entity_id("group", "israeli")] == israel.id


def test_a_demonym_alone_still_gets_the_countrys_id() -> None:
    entities, remap = _resolve(_named("d1", "Qatari", "NORP", "qatari"))
    [qatar] = entities
    assert qatar.id == entity_id("place", "qatar")
    assert (qatar.name, qatar.kind, qatar.country) == ("Qatari", "place", "QAT")
    assert remap[entity_id("group", "qatari")] == qatar.id


def test_a_countrys_names_are_one_entity() -> None:
    entities, _ = _resolve(
        _named("d1", "U.S.", "GPE", "us"),
        _named("d1", "United States", "GPE", "united states", 10),
        _named("d2", "America", "GPE", "america"),
        _named("d2", "American", "NORP", "american", 10),
    )
    [usa] = entities
    assert usa.id == entity_id("place", "united states")
    assert usa.name == "United States"
    assert usa.country == "USA"


def test_parts_of_a_country_and_others_stay_apart() -> None:
    entities, _ = _resolve(
        _named("d1", "Gaza", "GPE", "gaza"),
        _named("d1", "Palestinians", "NORP", "palestinians", 10),
        _named("d1", "Houthis", "NORP", "houthis", 30),
        _named("d1", "Jordan", "PERSON", "jordan", 50),
    )
    assert sorted((e.name, e.kind) for e in entities) == [
        ("Gaza", "place"),
        ("Houthis", "group"),
        ("Jordan", "person"),
        ("Palestinians", "place"),
    ]


def test_a_role_phrase_is_a_mention_of_the_person_not_a_name() -> None:
    name = _mention("d1", "David Barnea", "david barnea", 13)
    role = _mention("d1", "the Mossad chief", "david barnea", 60).model_copy(
        update={"named": False}
    )
    again = _mention("d1", "the Mossad chief", "david barnea", 90).model_copy(
        update={"named": False}
    )
    entities, _ = _resolve(name, role, again)
    [barnea] = entities
    assert barnea.name == "David Barnea"
    assert barnea.aliases == []
    assert [m.text for m in barnea.mentions] == [
        "David Barnea",
        "the Mossad chief",
        "the Mossad chief",
    ]


def test_a_country_known_only_by_its_capital_speaking_is_named_by_the_gazetteer() -> None:
    from storyline.model import Analysis, Evidence, Mention, entity_id

    text = "Cairo said it would host the talks."
    mention = Mention(
        evidence=Evidence(doc="d1", start=0, end=5, text="Cairo"),
        label="GPE",
        key="egypt",
        entity=entity_id("place", "egypt"),
        named=False,
    )
    entities, _ = resolve_entities([Analysis(doc="d1", pipeline_version="t", mentions=[mention])])
    [egypt] = entities
    assert (egypt.name, egypt.country, egypt.aliases) == ("Egypt", "EGY", [])
    assert text[egypt.mentions[0].start : egypt.mentions[0].end] == "Cairo"


def _spelled(doc: str, text: str, label: str) -> object:
    from storyline.model import Evidence, Mention, entity_id, label_group
    from storyline.names import plain_key

    key = plain_key(text)
    return Mention(
        evidence=Evidence(doc=doc, start=0, end=len(text), text=text),
        label=label,
        key=key,
        entity=entity_id(label_group(label), key),
    )


def _names_of(*named: tuple[str, str, str]) -> list[set[str]]:
    from storyline.model import Analysis

    by_doc: dict[str, list[object]] = {}
    for doc, text, label in named:
        by_doc.setdefault(doc, []).append(_spelled(doc, text, label))
    analyses = [Analysis(doc=d, pipeline_version="t", mentions=ms) for d, ms in by_doc.items()]  # type: ignore[arg-type]
    entities, _ = resolve_entities(analyses)
    return [{e.name, *e.aliases} for e in entities]


def test_a_familiar_first_name_and_a_transliteration_join_across_documents() -> None:
    groups = _names_of(
        ("d1", "Bill Burns", "PERSON"),
        ("d2", "William Burns", "PERSON"),
        ("d2", "William Burns", "PERSON"),
        ("d3", "Khan Yunis", "GPE"),
        ("d4", "Khan Younis", "GPE"),
        ("d5", "Taher Al-Nono", "PERSON"),
        ("d6", "Al-Nono", "PERSON"),
    )
    assert {"Bill Burns", "William Burns"} in groups
    assert {"Khan Yunis", "Khan Younis"} in groups
    assert {"Taher Al-Nono", "Al-Nono"} in groups


def test_look_alike_names_stay_apart() -> None:
    groups = _names_of(
        ("d1", "Alexandria", "GPE"),
        ("d2", "Alexandra", "GPE"),
        ("d3", "Mark Regev", "PERSON"),
        ("d4", "Ron Regev", "PERSON"),
        ("d5", "Regev", "PERSON"),  # two Regevs: no guess
    )
    assert {"Alexandria"} in groups and {"Alexandra"} in groups
    assert {"Mark Regev"} in groups and {"Ron Regev"} in groups and {"Regev"} in groups


def test_a_place_its_longer_name_and_its_people_are_one_entity() -> None:
    entities, remap = _resolve(
        _named("d1", "the Gaza Strip", "GPE", "the gaza strip"),
        _named("d2", "Gaza", "GPE", "gaza"),
        _named("d2", "Gaza", "GPE", "gaza", 20),
        _named("d3", "Gazans", "NORP", "gazans"),
        _named("d3", "Gaza City", "GPE", "gaza city", 20),
    )
    names = sorted((e.name, e.kind) for e in entities)
    # A name of several words names the entity, as "Benjamin Netanyahu" does.
    assert names == [("Gaza City", "place"), ("the Gaza Strip", "place")]
    gaza = next(e for e in entities if e.name == "the Gaza Strip")
    assert gaza.aliases == ["Gaza", "Gazans"]
    assert remap[entity_id("group", "gazans")] == gaza.id


def test_a_word_that_only_ends_like_a_people_stays_apart() -> None:
    entities, _ = _resolve(
        _named("d1", "Rome", "GPE", "rome"),
        _named("d1", "Romans", "NORP", "romans", 10),
        _named("d2", "Oman", "GPE", "oman"),
    )
    assert sorted(e.name for e in entities) == ["Oman", "Romans", "Rome"]


def test_a_long_name_joins_the_one_fuller_name_it_is_part_of() -> None:
    entities, _ = _resolve(
        _named(
            "d1", "Mohammed bin Abdulrahman al-Thani", "PERSON", "mohammed bin abdulrahman al-thani"
        ),
        _named("d2", "Mohammed bin Abdulrahman", "PERSON", "mohammed bin abdulrahman"),
        _named(
            "d3",
            "Mohammed bin Abdulrahman bin Jassim al-Thani",
            "PERSON",
            "mohammed bin abdulrahman bin jassim al-thani",
        ),
        # Two words are too common a name to join by: they stay apart.
        _named("d3", "John Smith", "PERSON", "john smith", 60),
        _named("d4", "John Paul Smith", "PERSON", "john paul smith"),
    )
    names = sorted(e.name for e in entities)
    assert names == [
        "John Paul Smith",
        "John Smith",
        "Mohammed bin Abdulrahman bin Jassim al-Thani",
    ]


def test_a_name_part_of_two_fuller_names_stays_apart() -> None:
    entities, _ = _resolve(
        _named("d1", "Mohammed bin Salman", "PERSON", "mohammed bin salman"),
        _named("d2", "Mohammed bin Salman al-Saud", "PERSON", "mohammed bin salman al-saud"),
        _named("d3", "Mohammed bin Salman bin Zayed", "PERSON", "mohammed bin salman bin zayed"),
    )
    assert len(entities) == 3


def test_a_name_the_model_cut_in_two_is_one_person() -> None:
    entities, remap = _resolve(
        _named("d1", "Mohammed bin Abdulrahman", "PERSON", "mohammed bin abdulrahman", 0),
        _named("d1", "bin Jassim Al-Thani", "PERSON", "bin jassim al-thani", 25),
        # Not right after another name: a name of its own.
        _named("d2", "Joe Biden", "PERSON", "joe biden", 0),
        _named("d2", "Ursula von der Leyen", "PERSON", "ursula von der leyen", 30),
    )
    assert sorted(e.name for e in entities) == [
        "Joe Biden",
        "Mohammed bin Abdulrahman",
        "Ursula von der Leyen",
    ]
    [qatari] = [e for e in entities if e.name == "Mohammed bin Abdulrahman"]
    assert qatari.aliases == ["bin Jassim Al-Thani"]
    assert remap[entity_id("person", "bin jassim al-thani")] == qatari.id
