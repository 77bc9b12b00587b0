"""Time expressions against MEANTIME English (NewsReader, 90 Wikinews articles in the airbus,
apple and gm corpora), with HeidelTime side by side on the same documents: a second corpus the
time tagger's rules were never tuned on (they were tuned on TempEval-3 TBAQ-cleaned).

Scored exactly as bench/timex/tempeval.py scores TempEval-3 (bench/timex/scoring.py): strict and
relaxed span P/R/F1, type and value F1, on all documents and per corpus; every document is held
out. The text is rebuilt from MEANTIME's tokens (bench/timex/meantime_reader.py explains how, and
which TIMEX3 count as gold). Speed in words per second as in bench/timex/tempeval.py.

    .venv/bin/python -m bench.timex.meantime [--limit N] [--errors K] [--no-heideltime]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bench.results import EVAL_DATA, OUT
from bench.timex.meantime_reader import load_meantime
from bench.timex.report import (
    arguments,
    commonest_errors,
    heideltime_beside,
    print_scores,
    speed_ratios,
    storyline_speed,
    words_in,
    write_payload,
)
from bench.timex.scoring import TimeMLDocument, Timex, metrics, score
from bench.timex.tempeval import run_storyline

DATA = EVAL_DATA / "meantime-en"
NO_DATE_LINE = "all, no date line"


def corpus_of(document: TimeMLDocument) -> str:
    """ "airbus" for "airbus/1173_....xml" (the reader names documents <corpus>/<file>)."""
    return document.name.split("/", 1)[0]


def date_line(document: TimeMLDocument) -> tuple[int, int] | None:
    """The span of the Wikinews date line, the paragraph between the first two blank lines of
    the rebuilt text (bench/timex/meantime_reader.py puts it there), or None."""
    first = document.text.find("\n\n")
    second = document.text.find("\n\n", first + 2) if first >= 0 else -1
    return (first + 2, second) if second >= 0 else None


def _off_line(timexes: Sequence[Timex], line: tuple[int, int] | None) -> list[Timex]:
    if line is None:
        return list(timexes)
    return [t for t in timexes if t.end <= line[0] or t.start >= line[1]]


def scores(documents: Sequence[TimeMLDocument], found: Sequence[list[Timex]]) -> dict[str, Any]:
    """Metrics on all documents (all held out), on each corpus, and on all documents without
    the date line: it is the DCT itself, a quarter of the gold and trivial for both taggers."""
    pairs = [(list(doc.timexes), system) for doc, system in zip(documents, found, strict=True)]
    parts: dict[str, list[tuple[list[Timex], list[Timex]]]] = {"all": pairs}
    for doc, pair in zip(documents, pairs, strict=True):
        parts.setdefault(corpus_of(doc), []).append(pair)
    parts[NO_DATE_LINE] = [
        (_off_line(gold, date_line(doc)), _off_line(system, date_line(doc)))
        for doc, (gold, system) in zip(documents, pairs, strict=True)
    ]
    return {name: metrics(score(part)) for name, part in parts.items() if part}


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__, DATA, "MEANTIME English folder").parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: {args.data} is absent (MEANTIME lives in ../shared/eval-data)")
        return 0
    from storyline.config import DEFAULT_MODEL

    model = args.model or DEFAULT_MODEL
    documents = load_meantime(args.data)
    if args.limit:
        documents = documents[: args.limit]
    if not documents:
        print(f"skipped: no MEANTIME documents under {args.data}")
        return 0
    words = words_in(documents)
    run = run_storyline(documents, model)
    ours = scores(documents, run.found)
    tally = score([(list(d.timexes), f) for d, f in zip(documents, run.found, strict=True)])
    speed = storyline_speed(run, words)
    dated = tally.gold - sum(len(_off_line(d.timexes, date_line(d))) for d in documents)
    print(
        f"MEANTIME English (airbus, apple, gm), {len(documents)} documents, "
        f"{tally.gold} gold TIMEX3 ({dated} on the date line), all held out"
    )
    print_scores("storyline", ours)
    heideltime, skipped = heideltime_beside(documents, args.no_heideltime, scores)
    print(
        f"\nwords/s ({words} words): storyline time tagger {speed['time_tagger_words_per_s']} "
        f"on parsed text ({speed['time_tagger_ms_per_1000_words']} ms per 1,000 words); "
        f"whole analyze {speed['analyze_words_per_s']} (parse alone {speed['parse_words_per_s']})"
    )
    ratios = speed_ratios(speed, heideltime, {})
    found = commonest_errors(tally, args.errors)
    write_payload(
        OUT / "meantime.json",
        "meantime-en",
        tally,
        {"scores": ours, **speed},
        heideltime,
        model=model,
        limit=args.limit,
        documents=len(documents),
        held_out="every document (the rules were tuned on TempEval-3 only)",
        heideltime_skipped=skipped,
        speed_ratios=ratios,
        commonest_errors=found,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
