from storyline.model import Evidence, Figure
from storyline.resolve.figures import figure_conflicts


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
