"""The TempEval-3 scorer (bench/timex/scoring.py) on hand-made cases."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCORER = Path(__file__).resolve().parents[2] / "bench" / "timex" / "scoring.py"


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("tempeval_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["tempeval_score"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_strict_relaxed_and_value(scorer: ModuleType) -> None:
    T = scorer.Timex
    gold = [
        T(0, 5, "DATE", "2020"),  # found exactly, right value
        T(10, 20, "DURATION", "P1D"),  # found partly, wrong value
        T(30, 35, "DATE", "2021"),  # found partly, wrong type, right value
        T(50, 55, "DATE", "2022"),  # missed
    ]
    system = [
        T(0, 5, "DATE", "2020"),
        T(12, 20, "DURATION", "P2D"),
        T(28, 33, "TIME", "2021"),
        T(40, 45, "DATE", "1999"),  # spurious
        T(60, 70, "SET", "P1W"),  # spurious
    ]
    tally = scorer.align(gold, system)
    assert (tally.gold, tally.system) == (4, 5)
    assert (tally.strict, tally.relaxed) == (1, 3)
    assert (tally.type_correct, tally.value_correct) == (2, 2)
    m = scorer.metrics(tally)
    assert (m["strict_p"], m["strict_r"]) == (20.0, 25.0)
    assert m["relaxed_p"] == 60.0 and m["relaxed_r"] == 75.0
    assert m["relaxed_f1"] == pytest.approx(66.67, abs=0.01)
    assert m["value_p"] == 40.0 and m["value_r"] == 50.0
    assert m["value_f1"] == pytest.approx(44.44, abs=0.01)
    assert m["value_accuracy"] == pytest.approx(66.67, abs=0.01)
    assert m["type_accuracy"] == pytest.approx(66.67, abs=0.01)


def test_one_system_span_matches_one_gold_span(scorer: ModuleType) -> None:
    T = scorer.Timex
    # "Sunday morning" in gold as two expressions, the system has one long span: it can
    # match only one of them (the one it covers more of, then the earlier one).
    gold = [T(0, 6, "DATE", "a"), T(7, 14, "TIME", "b")]
    system = [T(0, 14, "TIME", "b")]
    tally = scorer.align(gold, system)
    assert tally.relaxed == 1 and tally.strict == 0
    assert [g.start for g, _ in tally.pairs] == [7]
    # An exact match wins over a longer overlapping span.
    tally = scorer.align([T(5, 10, "DATE", "x")], [T(0, 10, "DATE", "y"), T(5, 10, "DATE", "x")])
    assert tally.strict == 1 and tally.value_correct == 1


def test_parse_timeml(scorer: ModuleType) -> None:
    xml = (
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" '
        'functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>\n'
        '<TEXT>\nShares rose <TIMEX3 tid="t1" type="DATE" value="2013-03-22">Friday'
        '</TIMEX3> &amp; fell <TIMEX3 tid="t2" type="DATE" value="2013-W11">the last week'
        "</TIMEX3>.\n</TEXT></TimeML>"
    )
    doc = scorer.parse_timeml("x.tml", xml)
    assert doc.dct == "2013-03-22"
    assert doc.text == "\nShares rose Friday & fell the last week.\n"
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Friday", "DATE", "2013-03-22"),
        ("the last week", "DATE", "2013-W11"),
    ]
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text


def test_score_sums_documents(scorer: ModuleType) -> None:
    T = scorer.Timex
    total = scorer.score(
        [([T(0, 1, "DATE", "1")], [T(0, 1, "DATE", "1")]), ([T(0, 1, "DATE", "2")], [])]
    )
    assert (total.gold, total.system, total.value_correct) == (2, 1, 1)
