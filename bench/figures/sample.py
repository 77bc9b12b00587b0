"""Figures drawn at random from articles with no gold, for judging precision by hand.

Timeline17 articles of some topics (a few per topic, spread over each topic's period) or the
demo corpus (examples/corpus) are analyzed afresh (no cache: the figures are what the code
gives now) and ``--sample`` of their figures are printed, each with its sentence, what it
counts, its bounds, whose, its as-of and attribution, and written to
bench/out/figures_sample_<corpus>.json, where a reader marks each one right or wrong.

The rules were written on the seeds and the demo corpus; Timeline17's topics are split in two:
DEV (looked at while writing rules) and HELD_OUT (only measured).

    python -m bench.figures.sample --corpus t17 --topics held-out --sample 50
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence
from typing import Any

from bench.results import REPO, write_run
from storyline.model import Analysis, Document, Figure

DEV = ("bpoil", "H1N1", "haiti", "Finan")
HELD_OUT = ("EgyptianProtest", "LibyaWar", "SyrianCrisis", "IraqWar", "MJ")
DEMO = REPO / "examples" / "corpus"


def _t17(
    topics: Sequence[str], per_topic: int, seen: Sequence[int] = ()
) -> list[tuple[Document, Analysis]]:
    """The articles of ``topics``, about ``per_topic`` of each, without those an earlier
    draw with ``--per-topic`` in ``seen`` took (so a later sample is of unseen articles)."""
    from bench.dating.t17_corpus import _spread, articles, sources

    skip = {s.key for k in seen for s in _spread(sources(topics=topics), k)}
    chosen = [s.key for s in _spread(sources(topics=topics), per_topic) if s.key not in skip]
    found = articles(topics, per_topic=per_topic, cache=None) if chosen else []
    return [(a.document, a.analysis) for a in found if a.key in set(chosen)]


def _demo() -> list[tuple[Document, Analysis]]:
    from storyline.config import Config
    from storyline.engines.local import LocalEngine
    from storyline.ingest import ingest
    from storyline.model import Ingested

    config = Config(workers=1)
    paths = sorted(str(p) for p in DEMO.rglob("*") if p.is_file())
    documents = [i.document for i in ingest(paths, config) if isinstance(i, Ingested)]
    with LocalEngine(config) as engine:
        return list(zip(documents, engine.analyze(iter(documents)), strict=True))


def _sentence(document: Document, analysis: Analysis, figure: Figure) -> str:
    for s in analysis.sentences:
        if s.start <= figure.evidence.start < s.end:
            return " ".join(document.text[s.start : s.end].split())
    return figure.evidence.text


def describe(document: Document, analysis: Analysis, figure: Figure) -> dict[str, Any]:
    times = {t.id: t for t in analysis.times}
    dated = times.get(figure.as_of_ref or "")
    return {
        "source": document.source,
        "evidence": figure.evidence.text,
        "value": figure.value,
        "low": figure.low,
        "high": figure.high,
        "approximate": figure.approximate,
        "counts": figure.counts,
        "subject": figure.subject,
        "as_of": f"{figure.as_of} ({dated.evidence.text})" if dated else None,
        "attributed_to": figure.attributed_to,
        "sentence": _sentence(document, analysis, figure),
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=["t17", "demo"], default="t17")
    parser.add_argument("--topics", choices=["dev", "held-out"], default="dev")
    parser.add_argument("--per-topic", type=int, default=8)
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument(
        "--unseen-after",
        type=int,
        nargs="*",
        default=[],
        help="leave out the articles of earlier draws made with these --per-topic values",
    )
    args = parser.parse_args(argv)
    if args.corpus == "demo":
        analyzed = _demo()
    else:
        topics = DEV if args.topics == "dev" else HELD_OUT
        analyzed = _t17(topics, args.per_topic, args.unseen_after)
    every = [(d, a, f) for d, a in analyzed for f in a.figures]
    chosen = random.Random(args.seed).sample(every, min(args.sample, len(every)))
    rows = [describe(d, a, f) for d, a, f in chosen]
    for k, row in enumerate(rows, 1):
        bound = "~" if row["approximate"] else ""
        bound += f">={row['low']:g}" if row["low"] is not None else ""
        bound += f"<={row['high']:g}" if row["high"] is not None else ""
        print(
            f"{k:>2}. {row['value']:g} {bound} [{row['counts']}] whose={row['subject']} "
            f"as_of={row['as_of']} by={row['attributed_to']}\n    "
            f"{row['evidence']!r} | {row['sentence']}"
        )
    label = args.corpus if args.corpus == "demo" else f"t17_{args.topics}"
    path = write_run(
        f"figures_sample_{label}.json",
        "figures sample for judging by hand",
        articles=len(analyzed),
        figures=len(every),
        seed=args.seed,
        sample=rows,
    )
    print(f"{len(analyzed)} articles, {len(every)} figures; {len(rows)} drawn -> {path}")


if __name__ == "__main__":
    main()
