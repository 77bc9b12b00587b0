"""Properties over any input: normalize never raises and only returns valid TIMEX3 values;
find_candidates returns disjoint spans inside the text."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.timex import TIMEX3_VALUE, find_candidates, normalize
from storyline.timex.lexicon import lexicon


def _vocabulary() -> list[str]:
    lex = lexicon()
    words: set[str] = set()
    for table in (
        lex.months,
        lex.weekdays,
        lex.cardinals,
        lex.ordinals,
        lex.units,
        lex.point_mods,
        lex.quantity_mods,
        lex.references,
        lex.relative_days,
        lex.parts_of_day,
        lex.seasons,
        lex.shifts,
        lex.directions,
        lex.set_words,
        lex.holidays,
        lex.decade_words,
    ):
        words.update(table)
    words.update(["the", "a", "of", "and", "ago", "long", "old", "every", "fiscal", "quarter"])
    words.update(["1990s", "'90s", "1/2", "a.m.", "p.m.", "(", ")", ",", "-", "'s", "12:30"])
    words.update(str(n) for n in (0, 1, 2, 7, 12, 19, 29, 30, 31, 32, 99, 1989, 2024, 2999))
    return sorted(words)


VOCABULARY = _vocabulary()
phrases = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=6).map(" ".join)
anything = st.one_of(st.text(max_size=60), phrases)
anchors = st.one_of(st.none(), st.dates(min_value=dt.date.min, max_value=dt.date.max))
tenses = st.sampled_from([None, "past", "present", "future"])


@settings(max_examples=600, deadline=None)
@given(text=anything, anchor=anchors, tense=tenses)
def test_normalize_never_raises_and_returns_timex3(
    text: str, anchor: dt.date | None, tense: str | None
) -> None:
    timex = normalize(text, anchor, tense)  # type: ignore[arg-type]
    if timex is not None:
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")
        assert TIMEX3_VALUE.fullmatch(timex.value), (text, timex)
        if anchor is None:
            assert not timex.anchored


@settings(max_examples=300, deadline=None)
@given(text=st.lists(anything, max_size=5).map(" ".join))
def test_find_candidates_returns_disjoint_readable_spans(text: str) -> None:
    spans = find_candidates(text)
    assert spans == sorted(spans)
    for (_, end_1), (start_2, _) in itertools.pairwise(spans):
        assert end_1 <= start_2
    for start, end in spans:
        assert 0 <= start < end <= len(text)
        assert normalize(text[start:end], None) is not None
