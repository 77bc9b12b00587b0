"""Direct quotes scored against PolNeAR's: spans exact and overlapping, speakers, both together.

- A span is compared without the quotation marks, spaces and punctuation at its edges (gold
  Content spans keep their marks; storyline's evidence starts inside them): ``“Yes,”`` and
  ``Yes`` are the same quote.
- Overlap (Citron's metric): a predicted quote is right when it overlaps a gold quote, a gold
  quote is found when a prediction overlaps it; exact: the same, on equal spans.
- Speaker: a prediction that overlaps gold quotes is paired with the one it overlaps most. Its
  speaker is right when its speaker span overlaps the gold Source span, or when the entity it
  resolved the speaker to has a mention overlapping the gold Source (a pronoun resolved to the
  name the annotator chose: “…,” he said, with gold Source "Trump" three sentences up, or the
  reverse); when the gold names no source, right only when the prediction names none. The
  strict figure counts the speaker span alone.
- Quote and speaker (end to end): a prediction is right when it overlaps a gold quote and its
  speaker is right for the gold quote it is paired with; a gold quote is found when some
  prediction paired with it has its speaker right.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bench.extract.polnear_quotes import GoldQuote, Span

_EDGE = " \t\n\r“”\"‘’'`,.;:—–-"


@dataclass(frozen=True)
class Predicted:
    span: Span
    speaker: Span | None  # where the speaker is named at the quote
    # Every mention of the entity the speaker was resolved to (none when unresolved).
    entity_mentions: tuple[Span, ...] = field(default=())


def trimmed(text: str, span: Span) -> Span:
    start, end = span
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def speaker_right(pred: Predicted, gold: GoldQuote, *, strict: bool = False) -> bool:
    if gold.source is None:
        return pred.speaker is None
    if pred.speaker is not None and overlaps(pred.speaker, gold.source):
        return True
    return not strict and any(overlaps(m, gold.source) for m in pred.entity_mentions)


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    exact_right: int = 0  # predictions equal to a gold quote
    exact_found: int = 0  # gold quotes equal to a prediction
    overlap_right: int = 0
    overlap_found: int = 0
    paired: int = 0  # predictions overlapping a gold quote
    speaker_right: int = 0
    speaker_right_strict: int = 0
    both_right: int = 0
    both_found: int = 0

    def add(self, other: Counts) -> None:
        for key, value in vars(other).items():
            setattr(self, key, getattr(self, key) + value)


def score_article(text: str, gold: Sequence[GoldQuote], predicted: Iterable[Predicted]) -> Counts:
    golds = [(trimmed(text, g.span), g) for g in gold]
    preds = [(trimmed(text, p.span), p) for p in predicted]
    counts = Counts(predicted=len(preds), gold=len(golds))
    gold_spans = {span for span, _ in golds}
    pred_spans = {span for span, _ in preds}
    counts.exact_right = sum(span in gold_spans for span, _ in preds)
    counts.exact_found = sum(span in pred_spans for span, _ in golds)
    found: set[int] = set()
    found_with_speaker: set[int] = set()
    for span, pred in preds:
        hits = [(k, g) for k, (g_span, g) in enumerate(golds) if overlaps(span, g_span)]
        if not hits:
            continue
        found.update(k for k, _ in hits)
        k, best = max(hits, key=lambda h: _overlap(span, golds[h[0]][0]))
        counts.overlap_right += 1
        counts.paired += 1
        if speaker_right(pred, best, strict=True):
            counts.speaker_right_strict += 1
        if speaker_right(pred, best):
            counts.speaker_right += 1
            counts.both_right += 1
            found_with_speaker.add(k)
    counts.overlap_found = len(found)
    counts.both_found = len(found_with_speaker)
    return counts


def _f1(right: int, predicted: int, found: int, gold: int) -> dict[str, float]:
    p = right / predicted if predicted else 0.0
    r = found / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f1": round(100 * f, 2)}


def metrics(c: Counts) -> dict[str, Any]:
    """Percentages, two decimals."""
    paired = c.paired or 1
    return {
        "gold": c.gold,
        "predicted": c.predicted,
        "exact": _f1(c.exact_right, c.predicted, c.exact_found, c.gold),
        "overlap": _f1(c.overlap_right, c.predicted, c.overlap_found, c.gold),
        "speaker_accuracy": round(100 * c.speaker_right / paired, 2),
        "speaker_accuracy_strict": round(100 * c.speaker_right_strict / paired, 2),
        "quote_and_speaker": _f1(c.both_right, c.predicted, c.both_found, c.gold),
    }
