"""Figures across sources: each figure's place and date, series per quantity, and conflicts
one per quantity and time (resolve/figure_series.py, resolve/figures.py)."""

from __future__ import annotations

from storyline.model import Document, Entity, Event, Evidence, Figure
from storyline.resolve.figure_series import (
    FigureContext,
    figure_dates,
    figure_series,
    figure_subjects,
)
from storyline.resolve.figures import figure_conflicts


def _doc(doc_id: str, text: str, published: str) -> Document:
    return Document(
        id=doc_id, source=f"{doc_id}.txt", text=text, published=published, published_basis="text"
    )


def _span(doc: Document, words: str) -> Evidence:
    start = doc.text.index(words)
    return Evidence(doc=doc.id, start=start, end=start + len(words), text=words)


def _figure(doc: Document, words: str, value: float, counts: str, **fields: object) -> Figure:
    ev = _span(doc, words)
    return Figure(id=f"f:{doc.id}:{ev.start}", value=value, counts=counts, evidence=ev, **fields)


def _place(name: str, *aliases: str) -> Entity:
    return Entity(id=f"e:{name}", name=name, kind="place", aliases=list(aliases))


ENTITIES = [_place("the Gaza Strip", "Gaza", "Gazan"), _place("Israel", "Israeli")]


def test_a_figures_place_is_named_by_its_entity_or_by_its_tally_keeper() -> None:
    doc = _doc(
        "d1",
        "In Gaza 300 died, said Gaza's health ministry of 400 more; the Israeli army said 50 "
        "fighters were killed; Gazan officials said 500.",
        "2024-01-05",
    )
    own = _figure(doc, "300", 300, "people killed", subject="Gaza")
    keeper = _figure(
        doc, "400", 400, "people killed", attribution_evidence=_span(doc, "Gaza's health ministry")
    )
    army = _figure(
        doc, "50", 50, "fighters killed", attribution_evidence=_span(doc, "the Israeli army")
    )
    demonym = _figure(doc, "500", 500, "people killed", attributed_to="Gazan officials")
    subjects = figure_subjects([own, keeper, army, demonym], ENTITIES)
    assert subjects[own.id] == "Gaza Strip"
    assert subjects[keeper.id] == "Gaza Strip"
    assert subjects[demonym.id] == "Gaza Strip"
    # An army's count is of the other side: its country is not the place counted.
    assert subjects[army.id] is None


def _event(doc: Document, trigger: str, date: str, basis: str) -> Event:
    at = _span(doc, trigger)
    start = doc.text.rfind(". ", 0, at.start)
    start = 0 if start < 0 else start + 2
    end = doc.text.find(". ", at.end)
    end = len(doc.text) if end < 0 else end + 1
    return Event(
        id=f"ev:{doc.id}:{trigger}",
        type="ASSAULT",
        summary=trigger,
        date=date,
        date_basis=basis,  # type: ignore[arg-type]
        trigger=at,
        mentions=[Evidence(doc=doc.id, start=start, end=end, text=doc.text[start:end])],
        documents=[doc.id],
    )


def test_a_figure_takes_the_date_of_the_event_whose_verb_counts_it() -> None:
    doc = _doc(
        "d1",
        "The war began when militants attacked on 7 October, killing 1,200 people. Since "
        "then, strikes have killed 20,000, officials said.",
        "2023-12-20",
    )
    fixed = _figure(doc, "1,200 people", 1200, "people killed")
    tally = _figure(doc, "20,000", 20000, "people killed")
    dated_as_of = _figure(doc, "7 October", 7, "people killed", as_of="2023-10-06")
    events = [
        _event(doc, "killing", "2023-10-07", "text"),
        # Dated only by its article: it says nothing of when the tally holds.
        _event(doc, "killed", "2023-12-20", "publication"),
    ]
    dates = figure_dates([fixed, tally, dated_as_of], events, [doc])
    assert dates[fixed.id] == ("2023-10-07", "event")
    assert dates[tally.id] == ("2023-12-20", "publication")
    assert dates[dated_as_of.id] == ("2023-10-06", "as_of")


def test_a_running_tally_or_the_next_sentence_keeps_its_articles_day() -> None:
    doc = _doc(
        "d1",
        "The attack on 7 October killed about 1,200. Officials say 14,800 have died since. "
        "The campaign has killed 44,429 people.",
        "2024-12-02",
    )
    next_sentence = _figure(doc, "14,800", 14800, "people killed")
    running = _figure(doc, "44,429 people", 44429, "people killed")
    events = [_event(doc, "killed about", "2023-10-07", "text")]
    # The running tally's "killed" is an event merged with the attack's across articles.
    attack = _event(doc, "killed about", "2023-10-07", "text")
    at = doc.text.index("has killed") + len("has ")
    tally_event = attack.model_copy(
        update={
            "id": "ev:tally",
            "trigger": Evidence(doc=doc.id, start=at, end=at + 6, text="killed"),
            "mentions": [_span(doc, "The campaign has killed 44,429 people.")],
        }
    )
    dates = figure_dates([next_sentence, running], [*events, tally_event], [doc])
    assert dates[next_sentence.id] == ("2024-12-02", "publication")
    assert dates[running.id] == ("2024-12-02", "publication")


def test_a_series_puts_one_quantitys_points_in_date_order() -> None:
    a = _doc("a", "The toll rose to 44,400 and 17 died in one strike.", "2024-12-01")
    b = _doc("b", "The toll reached 19,667.", "2023-12-20")
    c = _doc("c", "Israel counted 1,200 dead.", "2023-12-21")
    figures = [
        _figure(a, "44,400", 44400, "people killed", subject="Gaza"),
        _figure(a, "17", 17, "people killed", subject="Gaza"),
        _figure(b, "19,667", 19667, "people killed", subject="the Gaza Strip"),
        _figure(c, "1,200", 1200, "people killed", subject="Israel"),
    ]
    context = FigureContext(
        figure_subjects(figures, ENTITIES), figure_dates(figures, [], [a, b, c])
    )
    [series] = figure_series(figures, context)
    assert series.quantity == "people killed (Gaza Strip)"
    # A single incident's count (17) is no point of a running tally; one figure is no series.
    assert [(p.date, p.value, p.date_basis) for p in series.points] == [
        ("2023-12-20", 19667, "publication"),
        ("2024-12-01", 44400, "publication"),
    ]
    assert series.points[0].evidence.text == "19,667"


def test_a_conflict_is_one_quantity_at_one_time() -> None:
    a = _doc("a", "AFP counted 1,140 killed; the toll was 20,000.", "2023-12-20")
    b = _doc("b", "Israel says 1,200 were killed; the toll was 21,000.", "2023-12-22")
    c = _doc("c", "The toll was 22,000.", "2024-01-30")
    figures = [
        _figure(a, "1,140", 1140, "people killed", subject="Israel", as_of="2023-10-07"),
        _figure(b, "1,200", 1200, "people killed", subject="Israel", as_of="2023-10-07"),
        _figure(a, "20,000", 20000, "people killed", subject="Gaza"),
        _figure(b, "21,000", 21000, "people killed", subject="Gaza Strip"),
        _figure(c, "22,000", 22000, "people killed", subject="Gaza"),
    ]
    context = FigureContext(
        figure_subjects(figures, ENTITIES), figure_dates(figures, [], [a, b, c])
    )
    conflicts = figure_conflicts(figures, context)
    by_quantity = {c.quantity: c for c in conflicts}
    assert set(by_quantity) == {"people killed (Israel)", "people killed (Gaza Strip)"}
    assert by_quantity["people killed (Israel)"].date == "2023-10-07"
    gaza = by_quantity["people killed (Gaza Strip)"]
    # Two tallies two days apart disagree; the one five weeks later is change over time.
    assert sorted(gaza.items) == sorted([figures[2].id, figures[3].id])
    assert gaza.date == "2023-12-20"


def test_figures_that_disagree_share_the_place_one_of_them_names() -> None:
    a = _doc("a", "1,140 were killed in Israel.", "2023-12-20")
    b = _doc("b", "1,200 individuals died, as reported by Israel.", "2023-12-21")
    figures = [
        _figure(a, "1,140", 1140, "people killed", subject="Israel", as_of="2023-10-07"),
        _figure(b, "1,200", 1200, "people killed", attributed_to="Israel"),
    ]
    context = FigureContext(figure_subjects(figures, ENTITIES), figure_dates(figures, [], [a, b]))
    [conflict] = figure_conflicts(figures, context)
    [series] = figure_series(figures, context.joined([conflict.items]))
    assert series.quantity == "people killed (Israel)"
    assert [p.value for p in series.points] == [1140, 1200]
