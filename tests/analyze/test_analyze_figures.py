from __future__ import annotations

from collections.abc import Callable

from storyline.analyze.figures import extract_figures
from storyline.model import Figure


def _figures(parse: Callable, text: str, check_evidence: Callable) -> list[Figure]:
    sdoc, doc = parse(text)
    figures = extract_figures(sdoc, doc, [])
    if figures:
        check_evidence(doc, [f.evidence for f in figures])
    return figures


def _one(figures: list[Figure], value: float) -> Figure:
    [figure] = [f for f in figures if f.value == value]
    return figure


def test_space_grouped_toll_with_source(parse: Callable, check_evidence: Callable) -> None:
    figures = _figures(
        parse,
        "The gunmen killed around 1 140 people in Israel and abducted about 250, "
        "according to a tally by the news agency.",
        check_evidence,
    )
    killed = _one(figures, 1140)
    assert killed.approximate and killed.low is None and killed.high is None
    assert killed.counts == "people killed"
    assert killed.subject == "Israel"
    assert killed.evidence.text == "around 1 140 people"
    abducted = _one(figures, 250)
    assert abducted.counts == "people abducted"
    assert abducted.approximate


def test_no_break_space_grouping(parse: Callable, check_evidence: Callable) -> None:
    figures = _figures(
        parse, "The ministry says the strikes have killed 19\u202f667 people.", check_evidence
    )
    toll = _one(figures, 19667)
    assert toll.counts == "people killed"
    assert toll.attributed_to is not None and "ministry" in toll.attributed_to


def test_nearly_is_approximate_with_an_upper_bound(
    parse: Callable, check_evidence: Callable
) -> None:
    figures = _figures(
        parse, "The offensive has led to nearly 20,000 deaths in the territory.", check_evidence
    )
    deaths = _one(figures, 20000)
    assert deaths.approximate and deaths.high == 20000 and deaths.low is None
    assert deaths.counts == "people killed"


def test_more_than_is_a_lower_bound(parse: Callable, check_evidence: Callable) -> None:
    figures = _figures(
        parse, "The raiders took more than 250 hostages back across the border.", check_evidence
    )
    hostages = _one(figures, 250)
    assert hostages.low == 250 and hostages.high is None and not hostages.approximate
    assert hostages.counts is not None and "hostages" in hostages.counts
    assert hostages.evidence.text == "more than 250 hostages"


def test_according_to_gives_the_source(parse: Callable, check_evidence: Callable) -> None:
    figures = _figures(
        parse,
        "At least 1,580 people have died in the south, according to the health ministry.",
        check_evidence,
    )
    toll = _one(figures, 1580)
    assert toll.low == 1580
    assert toll.counts == "people killed"
    assert toll.attributed_to == "health ministry"


def test_reporting_verb_gives_the_source(parse: Callable, check_evidence: Callable) -> None:
    figures = _figures(
        parse, "The army reported that 133 soldiers had been killed.", check_evidence
    )
    soldiers = _one(figures, 133)
    assert soldiers.counts == "soldiers killed"
    assert soldiers.attributed_to == "army"


def test_number_words_and_dozen(parse: Callable, check_evidence: Callable) -> None:
    figures = _figures(
        parse,
        "The strike wounded a dozen civilians, and three children were freed later.",
        check_evidence,
    )
    assert _one(figures, 12).counts == "civilians wounded"
    assert _one(figures, 3).counts == "children released"


def test_ranges(parse: Callable, check_evidence: Callable) -> None:
    figures = _figures(
        parse, "Officials said between 12 and 18 fighters were arrested.", check_evidence
    )
    [fighters] = figures
    assert (fighters.low, fighters.high, fighters.value) == (12, 18, 15)
    assert fighters.approximate
    assert fighters.evidence.text.startswith("between 12 and 18")
    assert fighters.counts is not None and "fighters" in fighters.counts


def test_millions_and_percentages(parse: Callable, check_evidence: Callable) -> None:
    figures = _figures(
        parse,
        "The agency estimates 1.9 million residents have been displaced, about 85% of them.",
        check_evidence,
    )
    displaced = _one(figures, 1_900_000)
    assert displaced.counts == "residents displaced"
    assert displaced.attributed_to == "agency"
    assert _one(figures, 85).counts == "%"


def test_years_dates_and_ordinals_are_not_figures(
    parse: Callable, check_evidence: Callable
) -> None:
    figures = _figures(
        parse,
        "The war began on October 7, 2023, in its 2nd week the envoy made a 3rd trip.",
        check_evidence,
    )
    assert figures == []


def test_as_of_comes_from_the_clause_date(
    parse: Callable, check_evidence: Callable, time_at: Callable
) -> None:
    sdoc, doc = parse("On Sunday, airstrikes killed at least 20 people across the city.")
    sunday = time_at(doc, "Sunday", "2024-12-01")
    [figure] = extract_figures(sdoc, doc, [sunday])
    assert figure.as_of == "2024-12-01"
    assert figure.as_of_ref == sunday.id
    assert figure.low == 20


def test_a_figure_of_another_clause_names_no_date(parse: Callable, time_at: Callable) -> None:
    sdoc, doc = parse("The war, which began on Sunday, has killed at least 20 people.")
    sunday = time_at(doc, "Sunday", "2024-12-01")
    [figure] = extract_figures(sdoc, doc, [sunday])
    assert (figure.as_of, figure.as_of_ref) == (None, None)


def test_numbers_inside_time_expressions_are_skipped(parse: Callable, time_at: Callable) -> None:
    sdoc, doc = parse("Fighting over the past 19 days killed 40 people.")
    days = time_at(doc, "the past 19 days", "P19D")
    values = [f.value for f in extract_figures(sdoc, doc, [days])]
    assert values == [40]


def test_money_and_other_attributions(parse: Callable, check_evidence: Callable) -> None:
    money = _figures(parse, "The donors pledged $100 million for the agency.", check_evidence)
    assert [(f.value, f.counts, f.evidence.text) for f in money] == [
        (100_000_000, "USD", "$100 million")
    ]
    tally = _figures(parse, "At least 30 people died, by AFP's tally.", check_evidence)
    assert [f.attributed_to for f in tally] == ["AFP"]
    per = _figures(parse, "Some 400 trucks entered, per UN figures.", check_evidence)
    assert [(f.counts, f.attributed_to, f.approximate) for f in per] == [("trucks", "UN", True)]
    reported = _figures(
        parse, "The raid killed 15 militants, as reported by local media.", check_evidence
    )
    assert [(f.counts, f.attributed_to) for f in reported] == [("militants killed", "local media")]


def test_numbers_in_names_are_not_figures(parse: Callable, check_evidence: Callable) -> None:
    figures = _figures(parse, "He has 3 children and lives at 22 Baker Street.", check_evidence)
    assert [f.value for f in figures] == [3]
