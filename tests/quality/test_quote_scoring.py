"""The quote scorer and the brat reader on hand-made cases, before any score is trusted."""

from __future__ import annotations

from bench.extract.polnear_quotes import GoldQuote, read_attributions
from bench.extract.quote_scoring import Predicted, metrics, score_article

TEXT = "“We will win,” he said. “Both of us.” Critics called the plan “a fantasy” last week."


def _span(part: str) -> tuple[int, int]:
    start = TEXT.index(part)
    return start, start + len(part)


def test_brat_reader_keeps_quotes_merges_fragments_and_skips_paraphrase() -> None:
    ann = "\n".join(
        [
            "T1\tContent 0 14;24 37\t“We will win,” “Both of us.”",
            "T2\tSource 15 17\the",
            "T3\tCue 18 22\tsaid",
            "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2",
            "T4\tContent 48 52\tplan",
            "T5\tSource 38 45\tCritics",
            "E2\tAttribution:T3 Content:T4 Source:T5",
        ]
    )
    [quote] = read_attributions(ann, TEXT)
    assert quote == GoldQuote((0, 37), (15, 17))


def test_overlap_exact_and_speaker() -> None:
    gold = [
        GoldQuote((0, 37), _span("he")),
        GoldQuote(_span("the plan “a fantasy”"), _span("Critics")),
    ]
    predicted = [
        Predicted(_span("We will win,”"), _span("he")),  # overlaps only: the gold runs on
        Predicted(_span("Both of us."), None),  # found, speaker missing
        Predicted(_span("a fantasy"), (0, 2), (_span("Critics"),)),  # right through its entity
        Predicted(_span("last week"), None),  # no gold quote
    ]
    m = metrics(score_article(TEXT, gold, predicted))
    assert m["overlap"] == {"p": 75.0, "r": 100.0, "f1": 85.71}
    assert m["exact"]["r"] == 0.0
    assert m["speaker_accuracy"] == 66.67
    assert m["speaker_accuracy_strict"] == 33.33
    assert m["quote_and_speaker"]["r"] == 100.0


def test_exact_ignores_marks_and_edge_punctuation() -> None:
    gold = [GoldQuote(_span("“We will win,”"), None)]
    m = metrics(score_article(TEXT, gold, [Predicted(_span("We will win"), None)]))
    assert m["exact"]["f1"] == 100.0
    assert m["speaker_accuracy"] == 100.0
