"""Time expressions against TempEval-3 (TBAQ-cleaned: TimeBank + AQUAINT, 256 documents).

For each .tml file the document creation time is the anchor: storyline parses the raw text of
<TEXT>, runs extract_times on a Document published on that day, and its expressions are aligned
with the gold TIMEX3 (bench/tempeval_score.py). Reported: strict and relaxed span P/R/F1, type
and value accuracy, type and value F1 (value F1 is TempEval-3's ranking metric: HeidelTime
scored 77.61 on the TempEval-3 test set), and the words per second of the time tagger alone on
already-parsed text.

    .venv/bin/python -m bench.tempeval [--limit N] [--errors K]
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.tempeval_score import Tally, Timex, metrics, parse_timeml, score

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "eval-data" / "tempeval3" / "TBAQ-cleaned"
OUT = REPO / "bench" / "out"
# Published anchors to compare with (TempEval-3 test set, UzZaman et al. 2013).
ANCHORS = {"HeidelTime value F1": 77.61, "SUTime value F1": 67.38}


def run(data: Path, limit: int | None, model: str) -> tuple[Tally, dict[str, Any]]:
    from storyline.analyze.nlp import load_pipeline
    from storyline.analyze.times import extract_times
    from storyline.model import Document, document_id

    files = sorted(data.glob("*/*.tml")) or sorted(data.glob("*.tml"))
    if limit:
        files = files[:limit]
    nlp = load_pipeline(model)
    pairs: list[tuple[list[Timex], list[Timex]]] = []
    words = 0
    tag_seconds = 0.0
    parse_seconds = 0.0
    for path in files:
        gold_doc = parse_timeml(path.name, path.read_text(encoding="utf-8"))
        text = gold_doc.text
        document = Document(
            id=document_id(text), source=path.name, text=text, published=gold_doc.dct
        )
        started = time.perf_counter()
        sdoc = nlp(text)
        parse_seconds += time.perf_counter() - started
        started = time.perf_counter()
        found = extract_times(sdoc, document)
        tag_seconds += time.perf_counter() - started
        words += sum(1 for token in sdoc if not token.is_space)
        system = [
            Timex(t.evidence.start, t.evidence.end, t.type, t.value, t.evidence.text) for t in found
        ]
        pairs.append((list(gold_doc.timexes), system))
    info = {
        "documents": len(files),
        "words": words,
        "time_tagger_words_per_s": round(words / tag_seconds) if tag_seconds else None,
        "parse_words_per_s": round(words / parse_seconds) if parse_seconds else None,
    }
    return score(pairs), info


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N files")
    parser.add_argument("--data", type=Path, default=DATA, help="folder of .tml files")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: the config's)")
    parser.add_argument("--errors", type=int, default=0, help="print the K commonest errors")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: {args.data} is absent (TempEval-3 data lives in ../shared/eval-data)")
        return 0
    from storyline.config import DEFAULT_MODEL

    model = args.model or DEFAULT_MODEL
    tally, info = run(args.data, args.limit, model)
    result = metrics(tally)
    print(f"TempEval-3 TBAQ-cleaned, {info['documents']} documents, {tally.gold} gold TIMEX3")
    print(f"{'':10}{'P':>8}{'R':>8}{'F1':>8}")
    for name in ("strict", "relaxed", "type", "value"):
        row = [result[f"{name}_{m}"] for m in ("p", "r", "f1")]
        print(f"{name:10}" + "".join(f"{x:8.2f}" for x in row))
    accuracy = f"type accuracy {result['type_accuracy']:.2f}"
    print(f"{accuracy}  value accuracy {result['value_accuracy']:.2f}")
    print(
        f"time tagger {info['time_tagger_words_per_s']} words/s on parsed text "
        f"(parse alone {info['parse_words_per_s']} words/s)"
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
        "gold": tally.gold,
        "system": tally.system,
        **info,
        "metrics": result,
        "anchors": ANCHORS,
        "commonest_errors": found,
    }
    (OUT / "tempeval.json").write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
