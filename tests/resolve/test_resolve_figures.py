import datetime as dt

import pytest

from storyline.model import Evidence, Figure
from storyline.resolve.figure_series import FigureContext, figure_series, unit_only
from storyline.resolve.figures import figure_conflicts, own_context


def _fig(doc: str, value: float, **kw: object) -> Figure:
    ev = Evidence(doc=doc, start=0, end=5, text="12345")
    return Figure(id=f"f:{doc}:{value}", value=value, evidence=ev, **kw)  # type: ignore[arg-type]


def test_two_sources_disagree_on_a_toll() -> None:
    a = _fig("d1", 1140, counts="people killed", approximate=True, attributed_to="AFP")
    b = _fig("d2", 1200, counts="people killed", attributed_to="Israel")
    [conflict] = figure_conflicts([a, b])
    assert conflict.kind == "figure"
    assert set(conflict.items) == {a.id, b.id}
    assert "1,140 (AFP)" in conflict.note and "1,200 (Israel)" in conflict.note


def test_value_inside_the_other_range_is_no_conflict() -> None:
    a = _fig("d1", 19667, counts="people killed")
    b = _fig("d2", 20000, counts="people killed", approximate=True, high=20000)
    assert figure_conflicts([a, b]) == []


def test_a_running_tally_is_a_series_not_a_conflict() -> None:
    a = _fig("d1", 19667, counts="people killed")
    b = _fig("d2", 44400, counts="people killed", low=44400)
    assert figure_conflicts([a, b]) == []


def test_same_document_and_different_counts_never_conflict() -> None:
    a = _fig("d1", 1140, counts="people killed")
    b = _fig("d1", 1200, counts="people killed")
    c = _fig("d2", 1200, counts="hostages")
    assert figure_conflicts([a, b, c]) == []


def test_different_subjects_do_not_conflict() -> None:
    a = _fig("d1", 1140, counts="people killed", subject="Israel")
    b = _fig("d2", 1200, counts="people killed", subject="Lebanon")
    assert figure_conflicts([a, b]) == []


def test_small_counts_conflict_only_when_dated_alike() -> None:
    a = _fig("d1", 17, counts="people killed")
    b = _fig("d2", 20, counts="people killed")
    assert figure_conflicts([a, b]) == []
    c = _fig("d3", 17, counts="people killed", as_of="2024-12-01")
    d = _fig("d4", 20, counts="people killed", as_of="2024-12-01")
    assert len(figure_conflicts([c, d])) == 1


def test_differently_dated_figures_do_not_conflict() -> None:
    a = _fig("d1", 30960, counts="people killed", as_of="2024-03-07")
    b = _fig("d2", 31045, counts="people killed", as_of="2024-03-08")
    assert figure_conflicts([a, b]) == []


def test_a_repeated_pair_is_reported_once() -> None:
    a = _fig("d1", 1140, counts="people killed")
    b = _fig("d2", 1200, counts="people killed")
    b2 = b.model_copy(update={"id": "f:d2:again"})
    assert len(figure_conflicts([a, b, b2])) == 1


def test_every_disagreeing_value_of_one_quantity_is_one_conflict() -> None:
    afp = _fig("d1", 1140, counts="people killed", attributed_to="AFP")
    israel = _fig("d2", 1200, counts="people killed", attributed_to="Israel")
    again = _fig("d3", 1200, counts="people killed", attributed_to="Israel")
    other = _fig("d4", 1300, counts="people killed", attributed_to="Lebanon")
    later = _fig("d5", 44400, counts="people killed")  # a year on: a series, no conflict
    [conflict] = figure_conflicts([later, other, again, israel, afp])
    assert conflict.items == [afp.id, israel.id, again.id, other.id]
    # Each value and source once, in order of value.
    assert conflict.note == "people killed: 1,140 (AFP) vs 1,200 (Israel) vs 1,300 (Lebanon)"


def test_the_docstring_example_is_one_conflict() -> None:
    afp = _fig("d1", 1140, counts="people killed", attributed_to="AFP")
    israel = _fig("d2", 1200, counts="people killed", attributed_to="Israel")
    about = _fig("d3", 1250, counts="people killed", approximate=True)
    [conflict] = figure_conflicts([about, israel, afp])
    assert conflict.items == [afp.id, israel.id, about.id]


def test_a_chain_of_pairs_is_cut_at_one_band_of_values() -> None:
    # Each pair within 25 %, the ends 1.9 times apart: two disagreements, not one.
    values = [1000, 1200, 1440, 1728, 1900]
    figs = [_fig(f"d{k}", v, counts="people killed") for k, v in enumerate(values)]
    conflicts = figure_conflicts(figs)
    assert len(conflicts) >= 2
    for c in conflicts:
        members = [f.value for f in figs if f.id in c.items]
        assert max(members) / min(members) < 1.25


def test_a_chain_of_article_days_is_cut_at_one_week() -> None:
    # Articles every five days: each pair within a week, the first and last fifteen days apart.
    days = ["2024-01-01", "2024-01-06", "2024-01-11", "2024-01-16"]
    figs = [
        _fig(f"d{k}", 1000 + 10 * k, counts="people killed").model_copy(update={"id": f"f{k}"})
        for k in range(4)
    ]
    published = zip(figs, days, strict=True)
    context = FigureContext({}, {f.id: (day, "publication") for f, day in published})
    conflicts = figure_conflicts(figs, context)
    assert conflicts
    for c in conflicts:
        members = sorted(days[int(i[1:])] for i in c.items)
        assert (dt.date.fromisoformat(members[-1]) - dt.date.fromisoformat(members[0])).days <= 7


def test_an_undated_figure_joins_one_time_and_does_not_bridge_two() -> None:
    october = _fig("d1", 1140, counts="people killed", as_of="2023-10-07")
    undated = _fig("d2", 1200, counts="people killed")
    january = _fig("d3", 1250, counts="people killed", as_of="2024-01-15")
    [conflict] = figure_conflicts([october, undated, january])
    # The closer value wins the undated figure; the other date stays out.
    assert conflict.items == [undated.id, january.id]


def test_a_figure_without_place_does_not_bridge_two_places() -> None:
    israel = _fig("d1", 1140, counts="people killed", subject="Israel")
    unplaced = _fig("d2", 1200, counts="people killed")
    lebanon = _fig("d3", 1250, counts="people killed", subject="Lebanon")
    [conflict] = figure_conflicts([israel, unplaced, lebanon])
    assert len(conflict.items) == 2 and unplaced.id in conflict.items


def test_an_old_date_is_not_restated_by_an_earlier_article() -> None:
    quake = _fig("d1", 2000, counts="people killed", as_of="1946")
    syria = _fig("d2", 2200, counts="people killed")
    toll = _fig("d3", 2100, counts="people killed", as_of="2011-09-10")
    context = own_context([quake, syria, toll])
    dates = {**context.dates, syria.id: ("1940-01-01", "publication")}
    context = FigureContext(context.subjects, dates)
    assert figure_conflicts([quake, syria, toll], context) == []


def test_a_floor_is_not_contradicted_by_a_higher_value() -> None:
    floor = _fig("d1", 100000, counts="people killed", low=100000)
    higher = _fig("d2", 110000, counts="people killed")
    assert figure_conflicts([floor, higher]) == []


@pytest.mark.parametrize(
    "counts", ["USD", "EUR", "%", "barrels", "gallons", "feet", "bpd", "barrels released", "people"]
)
def test_a_count_naming_only_a_unit_forms_no_conflict_and_no_series(counts: str) -> None:
    a = _fig("d1", 1140, counts=counts, subject="Libya", as_of="2011-03-01")
    b = _fig("d2", 1200, counts=counts, subject="Libya", as_of="2011-03-01")
    assert unit_only(counts)
    assert figure_conflicts([a, b]) == []
    assert figure_series([a, b], own_context([a, b])) == []


@pytest.mark.parametrize("counts", ["people killed", "relief wells", "hostages", "barrels fund"])
def test_a_counted_thing_is_a_quantity(counts: str) -> None:
    assert not unit_only(counts)
    a = _fig("d1", 1140, counts=counts, as_of="2011-03-01")
    b = _fig("d2", 1200, counts=counts, as_of="2011-03-01")
    assert len(figure_conflicts([a, b])) == 1


def test_a_dated_count_is_restated_within_its_story_or_a_year() -> None:
    october = _fig("d1", 240, counts="hostages abducted", as_of="2023-10-07")
    retold = _fig("d2", 251, counts="hostages abducted")
    dates = {october.id: ("2023-10-07", "as_of"), retold.id: ("2024-12-02", "publication")}
    # Fourteen months on: the same story's count, background to another story's news.
    one_story = FigureContext({}, dates, {"d1": "s:war", "d2": "s:war"})
    assert len(figure_conflicts([october, retold], one_story)) == 1
    two_stories = FigureContext({}, dates, {"d1": "s:war", "d2": "s:talks"})
    assert figure_conflicts([october, retold], two_stories) == []
    in_december = {**dates, retold.id: ("2023-12-21", "publication")}
    assert len(figure_conflicts([october, retold], FigureContext({}, in_december))) == 1


def test_articles_of_one_week_in_two_stories_do_not_conflict() -> None:
    cairo = _fig("d1", 611, counts="people injured")
    elsewhere = _fig("d2", 639, counts="people injured")
    unknown = _fig("d3", 650, counts="people injured")
    dates = {
        cairo.id: ("2011-02-02", "publication"),
        elsewhere.id: ("2011-02-03", "publication"),
        unknown.id: ("2011-02-03", "publication"),
    }
    one_story = FigureContext({}, dates, {"d1": "s:egypt", "d2": "s:egypt"})
    assert len(figure_conflicts([cairo, elsewhere], one_story)) == 1
    two = FigureContext({}, dates, {"d1": "s:egypt", "d2": "s:libya"})
    assert figure_conflicts([cairo, elsewhere], two) == []
    # An article in no known story joins one of them, never both.
    [conflict] = figure_conflicts([cairo, elsewhere, unknown], two)
    assert len(conflict.items) == 2 and unknown.id in conflict.items
