"""The coreference scores of bench/extract/coref_score.py on a case worked by hand.

Gold {a, b, c} {d, e}; system {a, b} {c, d, e}.
- MUC: recall (3 - 2) + (2 - 1) over 2 + 1 = 2/3; precision (2 - 1) + (3 - 2) over 1 + 2 = 2/3.
- B3: per mention precision 1, 1, 1/3, 2/3, 2/3 and recall 2/3, 2/3, 1/3, 1, 1: both 11/15.
- CEAF-e: phi4 of {a,b,c}~{a,b} = 4/5, of {d,e}~{c,d,e} = 4/5 (the best one-to-one alignment),
  so precision = recall = 8/5 over 2 = 4/5.
- CoNLL: (2/3 + 11/15 + 4/5) / 3 = 11/15.
"""

from __future__ import annotations

import pytest
from bench.extract.coref_score import b_cubed, ceaf_e, conll_f1, muc

GOLD = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
SYSTEM = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}


def test_scores_of_a_case_worked_by_hand() -> None:
    m, b, c = muc(GOLD, SYSTEM), b_cubed(GOLD, SYSTEM), ceaf_e(GOLD, SYSTEM)
    assert (m.precision, m.recall) == pytest.approx((2 / 3, 2 / 3))
    assert (b.precision, b.recall) == pytest.approx((11 / 15, 11 / 15))
    assert (c.precision, c.recall) == pytest.approx((4 / 5, 4 / 5))
    assert conll_f1(GOLD, SYSTEM) == pytest.approx(11 / 15)


def test_a_perfect_clustering_scores_one_and_singletons_score_no_links() -> None:
    assert conll_f1(GOLD, GOLD) == pytest.approx(1.0)
    singletons = {m: m for m in GOLD}
    assert muc(GOLD, singletons).recall == 0
    # CEAF-e: each gold cluster aligned to one of its singletons.
    assert ceaf_e(GOLD, singletons).recall == pytest.approx((2 / 4 + 2 / 3) / 2)
