"""What the time-expression benchmarks (bench/timex/tempeval.py, bench/timex/meantime.py)
share: storyline's speed on a run, HeidelTime run beside it on the same documents, the speed
ratios and the commonest errors, each scored and printed the same way whatever the corpus."""

from __future__ import annotations

import argparse
import json
import platform
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.timex.scoring import Tally, TimeMLDocument, Timex, score

if TYPE_CHECKING:
    from bench.timex.tempeval import StorylineRun

Scorer = Callable[[Sequence[TimeMLDocument], Sequence[list[Timex]]], dict[str, Any]]


def arguments(doc: str | None, data: Path, data_help: str) -> argparse.ArgumentParser:
    """The command line both benchmarks take."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0] if doc else None)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N files")
    parser.add_argument("--data", type=Path, default=data, help=data_help)
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: the config's)")
    parser.add_argument("--errors", type=int, default=0, help="print the K commonest errors")
    parser.add_argument("--no-heideltime", action="store_true", help="storyline only")
    return parser


def words_in(documents: Sequence[TimeMLDocument]) -> int:
    """Whitespace-separated words: the same count for every system's speed."""
    return sum(len(doc.text.split()) for doc in documents)


def per_second(words: int, seconds: float | None) -> float | None:
    return round(words / seconds) if seconds else None


def storyline_speed(run: StorylineRun, words: int) -> dict[str, Any]:
    return {
        "words": words,
        "time_tagger_words_per_s": per_second(words, run.tagger_seconds),
        "analysis_words_per_s": per_second(words, run.analysis_seconds),
        "analyze_words_per_s": per_second(words, run.parse_seconds + run.analysis_seconds),
        "parse_words_per_s": per_second(words, run.parse_seconds),
        "time_tagger_ms_per_1000_words": round(1000 * 1000 * run.tagger_seconds / words, 2),
        "time_tagger_share_of_parse": round(run.tagger_seconds / run.parse_seconds, 4),
        "analysis_share_of_parse": round(run.analysis_seconds / run.parse_seconds, 4),
        "startup_seconds": round(run.startup_seconds, 2),
    }


def heideltime_side(
    documents: Sequence[TimeMLDocument], skip: bool, scorer: Scorer
) -> tuple[dict[str, Any] | None, str | None]:
    """HeidelTime's scores (by ``scorer``), tally and speed, or (None, why it was skipped)."""
    if skip:
        return None, "--no-heideltime"
    from bench.timex.heideltime import missing, run_heideltime

    reason = missing()
    if reason is not None:
        return None, reason
    if any(not doc.dct for doc in documents):
        return None, "some documents have no DCT, which HeidelTime's news mode needs"
    run = run_heideltime([(doc.text, doc.dct or "") for doc in documents])
    words = words_in(documents)
    return {
        "mode": run.mode,
        "scores": scorer(documents, run.found),
        "words_per_s": per_second(words, run.tagging_seconds),
        "words_per_s_with_jvm_startup": per_second(words, run.seconds),
        "tally": score([(list(d.timexes), f) for d, f in zip(documents, run.found, strict=True)]),
    }, None


def heideltime_beside(
    documents: Sequence[TimeMLDocument], skip: bool, scorer: Scorer
) -> tuple[dict[str, Any] | None, str | None]:
    """heideltime_side(), its scores printed (or why it was skipped)."""
    heideltime, skipped = heideltime_side(documents, skip, scorer)
    if heideltime is not None:
        print_scores(f"HeidelTime ({heideltime['mode']})", heideltime["scores"])
    else:
        print(f"\nHeidelTime skipped: {skipped}")
    return heideltime, skipped


def print_scores(name: str, result: dict[str, dict[str, float]]) -> None:
    print(f"\n{name}")
    print(f"  {'':22}{'strict F1':>10}{'relaxed F1':>11}{'type F1':>9}{'value F1':>10}")
    for part, m in result.items():
        row = [m["strict_f1"], m["relaxed_f1"], m["type_f1"], m["value_f1"]]
        print(f"  {part:22}{row[0]:10.2f}{row[1]:11.2f}{row[2]:9.2f}{row[3]:10.2f}")


def speed_ratios(
    speed: dict[str, Any], heideltime: dict[str, Any] | None, goals: dict[str, float]
) -> dict[str, float]:
    """storyline's words/s over HeidelTime's, printed with the goals when there are any."""
    if heideltime is None or not heideltime["words_per_s"]:
        return {}
    ht_speed = heideltime["words_per_s"]
    ratios = {
        "tagger_vs_heideltime": round(speed["time_tagger_words_per_s"] / ht_speed, 1),
        "analyze_vs_heideltime": round(speed["analyze_words_per_s"] / ht_speed, 1),
    }
    shown = {k: f"{v}x" + (f" (goal {goals[k]}x)" if k in goals else "") for k, v in ratios.items()}
    print(
        f"HeidelTime {ht_speed} words/s ({heideltime['words_per_s_with_jvm_startup']} with JVM "
        f"start-up): tagger {shown['tagger_vs_heideltime']}, whole analyze "
        f"{shown['analyze_vs_heideltime']}"
    )
    return ratios


def errors(tally: Tally, k: int) -> dict[str, list[tuple[str, int]]]:
    """The commonest mistakes, to see what to fix next."""
    wrong_value = Counter(
        f"{g.text!r} gold={g.value} ({g.type}) got={s.value} ({s.type}) span={s.text!r}"
        for g, s in tally.pairs
        if g.value != s.value
    )
    missed = Counter(f"{g.text!r} {g.type} {g.value}" for g in tally.missed)
    spurious = Counter(f"{s.text!r} {s.type} {s.value}" for s in tally.spurious)
    return {
        "wrong_value": wrong_value.most_common(k),
        "missed": missed.most_common(k),
        "spurious": spurious.most_common(k),
    }


def commonest_errors(tally: Tally, k: int) -> dict[str, list[tuple[str, int]]]:
    """The 30 commonest mistakes of each kind (or k, if more), for the payload; the k
    commonest printed."""
    found = errors(tally, max(k, 30))
    if k:
        for kind, counted in found.items():
            print(f"\n{kind}:")
            for line, n in counted[:k]:
                print(f"  {n:4d}  {line}")
    return found


def write_payload(
    path: Path,
    benchmark: str,
    tally: Tally,
    storyline: dict[str, Any],
    heideltime: dict[str, Any] | None,
    **fields: Any,
) -> None:
    """The run's JSON: what was measured, when and where, both systems' scores and speeds."""
    payload = {
        "benchmark": benchmark,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": platform.platform(),
        "gold": tally.gold,
        "system": tally.system,
        "storyline": storyline,
        "heideltime": (
            {k: v for k, v in heideltime.items() if k != "tally"} if heideltime else None
        ),
        **fields,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
