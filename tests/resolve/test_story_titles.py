"""A story's title and key actors (resolve/story_titles.py)."""

from __future__ import annotations

from storyline.model import Analysis, Document, Entity, Sentence
from storyline.resolve.story_titles import (
    TITLE_CHARS,
    TITLE_WORDS,
    UNTITLED,
    key_actors,
    story_title,
)

TEXT = (
    "Engineers reopened the Port Kell harbour bridge on Saturday after two years of repairs "
    "that closed the city's main crossing to traffic. Crowds walked across."
)


def _doc(title: str | None = None) -> Document:
    return Document(id="d1", source="d1.txt", title=title, text=TEXT)


def test_the_lead_documents_headline_is_the_title() -> None:
    assert story_title(_doc("Port Kell bridge reopens"), None) == "Port Kell bridge reopens"


def _untitled(text: str) -> str:
    """The title of a story led by a document of this text and no headline, its first
    sentence up to the first full stop."""
    doc = Document(id="d1", source="d1.txt", text=text)
    end = text.index(".") + 1
    analysis = Analysis(doc="d1", pipeline_version="t", sentences=[Sentence(start=0, end=end)])
    return story_title(doc, analysis)


def test_without_a_headline_the_first_sentence_cut_between_words() -> None:
    title = _untitled(TEXT)
    assert title == "Engineers reopened the Port Kell harbour bridge on Saturday after two…"
    assert len(title) <= TITLE_CHARS + 1
    # A short sentence is the title whole; a headline keeps its own length.
    assert _untitled("Crowds walk the new Port Kell bridge. It opened.") == (
        "Crowds walk the new Port Kell bridge."
    )
    long_headline = " ".join(["word"] * 20)
    assert len(story_title(_doc(long_headline), None).split()) == TITLE_WORDS
    assert story_title(None, None) == UNTITLED


def test_a_cut_title_does_not_end_on_a_word_leading_into_the_cut() -> None:
    # Cut at 70 characters, it would end "... the oil spill in the" or "... meet at the".
    spill = "Oil spill's animal victims As BP works to control the oil spill in the Gulf of it."
    assert _untitled(spill) == "Oil spill's animal victims As BP works to control the oil spill…"
    summit = "Libyan leader Moammar Gadhafi, left, and President Obama meet at the G-8 summit."
    assert _untitled(summit) == "Libyan leader Moammar Gadhafi, left, and President Obama meet…"
    # One word longer than a title is cut inside it rather than dropped.
    assert _untitled("x" * 100 + " is long.") == "x" * (TITLE_CHARS - 1) + "…"


def test_key_actors_put_people_before_countries_and_follow_merged_ids() -> None:
    entities = {
        "e:varn": Entity(id="e:varn", name="Ilsa Varn", kind="person"),
        "e:kellia": Entity(id="e:kellia", name="Kellia", kind="place", country="KLA"),
        "e:works": Entity(id="e:works", name="Harbour Works Agency", kind="organization"),
    }
    profile = {
        "e:kellia": 1.5,  # the country, weightiest in the profile, counts for half
        "e:varn": 1.0,
        "bridge": 3.0,  # a word, not an actor
        "e:old-works": 0.9,  # merged since into e:works
        "e:gone": 5.0,  # no longer an entity
    }
    found = key_actors(profile, {"e:old-works": "e:works"}, entities)
    assert found == ["e:varn", "e:works", "e:kellia"]


def test_a_dateline_with_its_time_stamp_is_passed_over() -> None:
    text = "PORT KELL | Sat Jun 14, 2025 10:19 am GMT PORT KELL (Wire) -\n" + TEXT
    doc = Document(id="d2", source="d2.txt", text=text)
    first, second = text.index("\n"), text.index(".", text.index("\n")) + 1
    analysis = Analysis(
        doc="d2",
        pipeline_version="t",
        sentences=[Sentence(start=0, end=first), Sentence(start=first + 1, end=second)],
    )
    assert story_title(doc, analysis).startswith("Engineers reopened")
