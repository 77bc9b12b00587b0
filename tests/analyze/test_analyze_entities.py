from __future__ import annotations

from collections.abc import Callable

import pytest

from storyline.analyze.entities import extract_mentions, name_key
from storyline.analyze.syntax import MentionIndex, compact_phrase
from storyline.model import Mention, entity_id, label_group


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


def _by_text(mentions: list[Mention]) -> dict[str, Mention]:
    return {m.evidence.text: m for m in mentions}


def test_apposition_before_a_name_and_later_roles_stand_for_the_person(
    parse: Callable, check_evidence: Callable
) -> None:
    sdoc, doc = parse(
        "The Qatar-based Hamas chief, Ismail Haniyeh, said the talks had stalled. "
        "The Hamas chief later left Doha."
    )
    mentions = extract_mentions(sdoc, doc)
    check_evidence(doc, [m.evidence for m in mentions])
    found = _by_text(mentions)
    haniyeh = found["Ismail Haniyeh"]
    for role in ("The Qatar-based Hamas chief", "The Hamas chief"):
        assert found[role].entity == haniyeh.entity
        assert found[role].label == "PERSON"
        assert not found[role].named
    assert haniyeh.named
    # A name inside the role stays its own mention.
    assert found["Hamas"].label == "ORG"


def test_title_before_a_name_ties_later_mentions_of_that_title_only(parse: Callable) -> None:
    sdoc, doc = parse(
        "Mossad chief David Barnea met officials in Doha on Monday. "
        "The Mossad chief returned on Tuesday. Israel's spy chief was not there."
    )
    found = _by_text(extract_mentions(sdoc, doc))
    assert found["The Mossad chief"].entity == found["David Barnea"].entity
    # The text never says Barnea is "Israel's spy chief": that phrase stays nobody's.
    assert not any("spy chief" in text for text in found)


def test_apposition_after_a_name(parse: Callable) -> None:
    sdoc, doc = parse(
        "Louis Gallois, the Airbus chief executive, said jobs would go. "
        "The chief executive gave no figure."
    )
    found = _by_text(extract_mentions(sdoc, doc))
    gallois = found["Louis Gallois"].entity
    assert found["the Airbus chief executive"].entity == gallois
    assert found["The chief executive"].entity == gallois


def test_a_role_two_people_hold_names_neither(parse: Callable) -> None:
    sdoc, doc = parse(
        "Mossad chief David Barnea met Hamas chief Ismail Haniyeh's envoy. The chief said little."
    )
    found = _by_text(extract_mentions(sdoc, doc))
    assert "The chief" not in found


def test_a_role_with_an_of_complement_apposed_to_a_name(parse: Callable) -> None:
    sdoc, doc = parse(
        "The head of the Mossad, David Barnea, met the head of the CIA, Bill Burns, on Friday. "
        "The head of Mossad then flew home."
    )
    found = _by_text(extract_mentions(sdoc, doc))
    barnea = found["David Barnea"].entity
    assert found["The head of the Mossad"].entity == barnea
    assert found["the head of the CIA"].entity == found["Bill Burns"].entity
    assert found["The head of Mossad"].entity == barnea


def test_mention_index_gives_the_person_at_a_role_and_the_name_inside_it(parse: Callable) -> None:
    sdoc, doc = parse("The Qatar-based Hamas chief, Ismail Haniyeh, said the talks had stalled.")
    index = MentionIndex(sdoc, extract_mentions(sdoc, doc))
    chief = next(t for t in sdoc if t.text == "chief")
    hamas = next(t for t in sdoc if t.text == "Hamas")
    person = index.at(chief)
    assert person is not None and person.key == "ismail haniyeh"
    inner = index.at(hamas)
    assert inner is not None and inner.label == "ORG"
    best = index.best_in(compact_phrase(chief))
    assert best is not None and best.key == "ismail haniyeh"


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # Places the small model calls persons: the gazetteer's cities, the listed places.
        ("Airbus will build the plant in Toulouse, officials said.", "Toulouse", "GPE"),
        ("Israeli strikes hit Khan Younis overnight.", "Khan Younis", "GPE"),
        # A title makes it a person whatever the gazetteer says.
        ("Mr. Jordan said the deal was done.", "Jordan", "PERSON"),
        # A fuller name of the document that ends with it does too.
        ("Defense Secretary Lloyd Austin arrived. Austin said little.", "Austin", "PERSON"),
    ],
)
def test_gazetteer_fixes_labels_unless_the_text_makes_a_person(
    parse: Callable, text: str, name: str, label: str
) -> None:
    sdoc, doc = parse(text)
    found = _by_text(extract_mentions(sdoc, doc))
    assert found[name].label == label


def test_one_label_per_name_within_a_document(parse: Callable) -> None:
    # The small model reads the second "Ryanair" as a person.
    sdoc, doc = parse("Ryanair has ordered new jets. Ryanair was pleased.")
    assert [e.label_ for e in sdoc.ents if e.text == "Ryanair"] == ["ORG", "PERSON"]
    ryanair = [m for m in extract_mentions(sdoc, doc) if m.evidence.text == "Ryanair"]
    assert len(ryanair) == 2
    assert {m.label for m in ryanair} == {"ORG"}
    assert len({m.entity for m in ryanair}) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The Government Accountability Office (GAO) upheld the protest. The GAO said more.",
        "The Government Accountability Office upheld the protest. The GAO said more.",
    ],
)
def test_an_abbreviation_the_document_spells_out_is_the_full_name(
    parse: Callable, text: str
) -> None:
    sdoc, doc = parse(text)
    mentions = extract_mentions(sdoc, doc)
    assert {m.key for m in mentions if m.label == "ORG"} == {"government accountability office"}


def test_legal_forms_leave_an_organisations_key(parse: Callable) -> None:
    sdoc, doc = parse("Aer Lingus Group PLC agreed to the deal. Aer Lingus said more.")
    keys = {m.key for m in extract_mentions(sdoc, doc) if m.label == "ORG"}
    assert keys == {"aer lingus"}


def test_a_pronoun_after_a_role_resolves_to_the_person(parse: Callable) -> None:
    sdoc, doc = parse(
        "Mossad chief David Barnea flew to Doha. Officials met the Mossad chief, and later he left."
    )
    mentions = extract_mentions(sdoc, doc)
    he = next(t for t in sdoc if t.text == "he")
    person = MentionIndex(sdoc, mentions).person_before(he.idx)
    assert person is not None
    assert person.evidence.text == "the Mossad chief"
    assert person.entity == _by_text(mentions)["David Barnea"].entity


@pytest.mark.parametrize(
    "text",
    [
        # No comma: a name in a quote beside a role is not its apposition.
        "He has called the Texas senator “the next George Washington” at every rally.",
        # A list of people, not a post and its holder.
        "I and everybody in the administration, the president, the vice president, "
        "Susan Rice, we were scrambling to get information.",
    ],
)
def test_no_role_without_a_true_apposition(parse: Callable, text: str) -> None:
    sdoc, doc = parse(text)
    assert [m.evidence.text for m in extract_mentions(sdoc, doc) if not m.named] == []


@pytest.mark.parametrize(
    ("text", "words", "country"),
    [
        ("Cairo said on Monday it would host the talks.", "Cairo", "egypt"),
        (
            "The White House said the envoy would travel on Friday.",
            "The White House",
            "united states",
        ),
        ("The Kremlin denied the report.", "The Kremlin", "russia"),
    ],
)
def test_a_capital_or_seat_that_speaks_is_its_country(
    parse: Callable, text: str, words: str, country: str
) -> None:
    sdoc, doc = parse(text)
    [mention] = [m for m in extract_mentions(sdoc, doc) if m.evidence.text in words]
    assert mention.entity == entity_id("place", country) and not mention.named


def test_a_capital_as_a_place_stays_a_place(parse: Callable) -> None:
    sdoc, doc = parse("The delegation held talks in Cairo on Monday.")
    [cairo] = [m for m in extract_mentions(sdoc, doc) if m.evidence.text == "Cairo"]
    assert cairo.named and cairo.key == "cairo"


def test_the_premier_is_the_prime_minister_named_before(parse: Callable) -> None:
    sdoc, doc = parse(
        "Velmoran Prime Minister Ada Brenn met the families. "
        '"We will bring them home," the premier said.'
    )
    [premier] = [m for m in extract_mentions(sdoc, doc) if m.evidence.text == "the premier"]
    assert (premier.key, premier.named) == ("ada brenn", False)
