"""How `storyline actors`, `figures` and `quotes` put records into words."""

from __future__ import annotations

from rich.console import Console

from storyline.model import Document, DocumentHead, Entity, Evidence, Figure, Quote, ResolvedStory
from storyline.present.actors import actors_table, by_prominence
from storyline.present.display import clipped, document_label
from storyline.present.figures import attribution_label, bounds_label, number_label, value_label
from storyline.present.quotes import speaker_label


def _figure(**fields: object) -> Figure:
    ev = Evidence(doc="d", start=0, end=3, text="300")
    return Figure.model_validate({"id": "f", "value": 300, "evidence": ev, **fields})


def test_numbers_values_and_bounds() -> None:
    assert (number_label(1200.0), number_label(2.5), number_label(1e6)) == (
        "1,200",
        "2.5",
        "1,000,000",
    )
    assert value_label(_figure(approximate=True)) == "~300"
    assert bounds_label(_figure(low=250, high=350)) == "250–350"
    assert bounds_label(_figure(low=300)) == "≥ 300"
    assert bounds_label(_figure(high=300)) == "≤ 300"
    assert bounds_label(_figure(low=300, high=300)) == "300"
    assert bounds_label(_figure()) == ""


class _FigureWithItsWords(Figure):
    """A Figure that has grown an attribution span, as the record may."""

    attribution_evidence: Evidence | None = None


def test_attribution_is_read_from_whichever_field_the_figure_has() -> None:
    assert (
        attribution_label(_figure(attributed_to="the  health\nministry")) == "the health ministry"
    )
    assert attribution_label(_figure()) == ""
    words = Evidence(doc="d", start=9, end=30, text="according to the UN")
    grown = _FigureWithItsWords.model_validate(
        {**_figure().model_dump(), "attribution_evidence": words.model_dump()}
    )
    assert attribution_label(grown) == "according to the UN"


def test_a_document_is_labelled_by_outlet_title_or_file_name_never_a_path() -> None:
    heads = {
        "a": DocumentHead(id="a", source="/data/x/a.html", outlet="Wire", title="T"),
        "b": DocumentHead(id="b", source="/data/x/b.html", title="A title"),
        "c": DocumentHead(id="c", source="/data/x/c.txt"),
        "d": DocumentHead(id="d", source="<stdin>"),
    }
    labels = [document_label(i, heads) for i in ("a", "b", "c", "d", "0123456789abcdef")]
    assert labels == ["Wire", "A title", "c.txt", "d", "01234567"]


def test_speakers_and_long_text() -> None:
    ev = Evidence(doc="d", start=0, end=2, text="hi")
    said = Quote(id="q", text="hi", speaker="e:1", speaker_name="Mr X", evidence=ev)
    assert speaker_label(said, {"e:1": "Xavier Y"}) == "Xavier Y"
    assert speaker_label(said, {}) == "Mr X"
    assert (
        speaker_label(said.model_copy(update={"speaker": None, "speaker_name": None}), {})
        == "unknown"
    )
    assert clipped("a  b\nc", 10) == "a b c"
    assert clipped("abcdefghijkl", 6) == "abcde…"


def test_actors_rank_by_distinct_mentions_and_print_without_markup(story: ResolvedStory) -> None:
    doc: Document = story.documents[0]
    first = Evidence(doc=doc.id, start=0, end=1, text=doc.text[:1])
    second = Evidence(doc=doc.id, start=1, end=2, text=doc.text[1:2])
    big = Entity(id="e:1", name="[bold]Big[/bold]", kind="org", mentions=[first, second])
    # The same span listed twice is one mention.
    doubled = Entity(id="e:2", name="Zed", kind="person", mentions=[first, first])
    once = Entity(id="e:3", name="Also once", kind="person", mentions=[second])
    ranked = by_prominence([once, doubled, big])
    assert [(a.entity.id, a.mentions, a.documents) for a in ranked] == [
        ("e:1", 2, 1),
        ("e:3", 1, 1),
        ("e:2", 1, 1),
    ]
    console = Console(record=True, width=120, color_system=None)
    console.print(actors_table(ranked))
    assert "[bold]Big[/bold]" in console.export_text()
