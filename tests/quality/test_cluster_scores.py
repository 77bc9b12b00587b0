"""The clustering scores of the story benchmark (bench/extract/cluster_scores.py) on cases
worked by hand."""

from __future__ import annotations

import math

import pytest
from bench.extract.cluster_scores import adjusted_mutual_information, b_cubed, topic_separation


def test_b_cubed_by_hand() -> None:
    # Gold {1,2,3} {4,5}; found {1,2} {3,4,5}. Precision per item: 1, 1, 1/3, 2/3, 2/3 -> 11/15;
    # recall per item: 2/3, 2/3, 1/3, 1, 1 -> 11/15.
    scores = b_cubed(["a", "a", "a", "b", "b"], [1, 1, 2, 2, 2])
    assert scores["precision"] == pytest.approx(11 / 15)
    assert scores["recall"] == pytest.approx(11 / 15)
    assert scores["f1"] == pytest.approx(11 / 15)


def test_b_cubed_of_one_cluster_and_of_singletons() -> None:
    gold = ["a", "a", "b", "b"]
    assert b_cubed(gold, [0, 0, 0, 0]) == pytest.approx(
        {"precision": 0.5, "recall": 1.0, "f1": 2 / 3}
    )
    assert b_cubed(gold, [0, 1, 2, 3])["recall"] == pytest.approx(0.5)


def test_ami_of_the_same_partition_under_other_names_is_one() -> None:
    assert adjusted_mutual_information([0, 0, 1, 1, 2], ["x", "x", "y", "y", "z"]) == 1.0


def test_ami_by_hand_for_a_crossing_partition() -> None:
    # Gold {1,2} {3,4}, found {1,3} {2,4}: MI = 0. Each of the four cells holds 1 or 2 items;
    # with both classes of size 2 out of 4, P(n_ij = 2) = 2!2!2!2! / (4! 2! 0! 0! 2!) = 1/6, and
    # n_ij = 2 adds 2/4 ln(4*2 / (2*2)) = ln 2 / 2 (n_ij = 1 adds ln 1 = 0): E[MI] =
    # 4 * ln2/12 = ln2/3. H = ln 2 on both sides: AMI = (0 - ln2/3) / (ln2 - ln2/3) = -1/2.
    assert adjusted_mutual_information([0, 0, 1, 1], [0, 1, 0, 1]) == pytest.approx(-0.5)


def test_ami_by_hand_for_a_split_class() -> None:
    # Gold {1,2} {3,4}, found {1,2} {3} {4}. MI = 1/2 ln 2 + 2 * 1/4 ln 2 = ln 2.
    # H(gold) = ln 2, H(found) = 3/2 ln 2. E[MI]: the pair cluster (size 2) against a gold class
    # (size 2) contributes ln2/12 as above, twice; a singleton against a class of 2 holds n_ij = 1
    # with log(4 * 1 / 2) = ln 2, probability 1/2, so 1/4 ln2 * 1/2 = ln2/8, four times.
    # E[MI] = ln2/6 + ln2/2 = 2/3 ln 2; AMI = (1 - 2/3) / (5/4 - 2/3) = (1/3) / (7/12) = 4/7.
    found = adjusted_mutual_information([0, 0, 1, 1], ["p", "p", "q", "r"])
    assert found == pytest.approx(4 / 7)
    assert not math.isnan(found)


def test_topics_reported_apart_or_together() -> None:
    gold = ["egypt"] * 3 + ["libya"] * 3
    apart = topic_separation(gold, [1, 1, 1, 2, 2, 3], ["egypt", "libya"])
    assert apart["egypt"] == {
        "documents": 3,
        "main_story_share": 1.0,
        "main_story_purity": 1.0,
        "apart": True,
    }
    assert apart["libya"]["main_story_share"] == pytest.approx(0.6667)
    together = topic_separation(gold, [1] * 6, ["egypt", "libya"])
    assert not together["egypt"]["apart"] and together["libya"]["main_story_purity"] == 0.5
