from __future__ import annotations

from collections.abc import Callable

import pytest

from storyline.analyze.entities import extract_mentions, name_key
from storyline.model import entity_id, label_group


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Benjamin Netanyahu", "benjamin netanyahu"),
        ("Prime Minister Benjamin Netanyahu", "benjamin netanyahu"),
        ("Sheikh Mohammed bin Abdulrahman al-Thani", "mohammed bin abdulrahman al thani"),
        ("Mohammed bin Abdulrahman Al-Thani", "mohammed bin abdulrahman al thani"),
        ("the Gaza Strip", "gaza strip"),
        ("Hamas’s", "hamas"),
        ("Israel's", "israel"),
        ("U.S.", "us"),
        ("  Mr.  Joe   Biden ", "joe biden"),
        ("Hossein Amir-Abdollahian", "hossein amir abdollahian"),
        ("Tor Wennesland", "tor wennesland"),
        ("Ismaïl Haniyéh", "ismail haniyeh"),
        # A title alone is still a name; titles only come off the front of a longer one.
        ("President", "president"),
        # Words that also start ordinary names are not titles.
        ("General Motors", "general motors"),
    ],
)
def test_name_key(text: str, key: str) -> None:
    assert name_key(text) == key


def test_name_key_keeps_titles_when_asked() -> None:
    assert name_key("Secretary of State", strip_titles=False) == "secretary of state"


@pytest.mark.parametrize(
    ("label", "group"),
    [
        ("PERSON", "person"),
        ("ORG", "org"),
        ("GPE", "place"),
        ("LOC", "place"),
        ("FAC", "place"),
        ("NORP", "group"),
        ("EVENT", "other"),
        ("WORK_OF_ART", "other"),
    ],
)
def test_label_group(label: str, group: str) -> None:
    assert label_group(label) == group


def test_mentions_group_names_and_skip_numbers_and_dates(
    parse: Callable, check_evidence: Callable
) -> None:
    sdoc, doc = parse(
        "Prime Minister Benjamin Netanyahu met Joe Biden in Washington on Monday. "
        "Netanyahu later flew to Cairo with 12 aides."
    )
    mentions = extract_mentions(sdoc, doc)
    check_evidence(doc, [m.evidence for m in mentions])
    labels = {m.label for m in mentions}
    assert not labels & {"DATE", "CARDINAL", "TIME"}
    netanyahu = [m for m in mentions if "Netanyahu" in m.evidence.text]
    assert len(netanyahu) == 2
    assert {m.key for m in netanyahu} == {"benjamin netanyahu", "netanyahu"}
    places = {m.evidence.text: m for m in mentions if m.label == "GPE"}
    assert places["Cairo"].entity == entity_id("place", "cairo")


def test_known_label_corrections_apply(parse: Callable) -> None:
    sdoc, doc = parse("Fighters from Hamas attacked Khan Younis, and Hamas denied it.")
    mentions = [m for m in extract_mentions(sdoc, doc) if m.key == "hamas"]
    assert mentions, "the model should find Hamas at least once"
    assert all(m.label == "ORG" for m in mentions)
    assert len({m.entity for m in mentions}) == 1
