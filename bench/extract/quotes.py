"""Direct quotes and their speakers on PolNeAR, storyline beside textacy in the same run.

Gold: bench/extract/polnear_quotes.py (which attributions are direct quotes, and how an
interrupted quote is one span); scores: bench/extract/quote_scoring.py (exact and overlap F1,
speaker accuracy, quote and speaker together).

storyline reads each article under a neutral name (bench/article_cache.py) and analyzes it as
`storyline analyze` does, through analyze_document on the same spaCy pipeline; its offsets
point into the cleaned text and are mapped back to the article's own before scoring. Parses
are cached under bench/out/quotes-cache/ (the parse, not the extraction: a change to the
rules shows at once). The anchor is textacy 0.13.0's direct_quotations on the same model and
the same cleaned texts, run in bench/out/venv-anchors (`make anchors`) as a subprocess; without
that venv the anchor is skipped with a message.

    .venv/bin/python -m bench.extract.quotes [--split dev|train] [--errors N] [--no-anchor]

The rules are tuned on train; dev is the held-out figure.
"""

from __future__ import annotations

import argparse
import json
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.article_cache import Source, ingest_sources
from bench.extract import polnear_quotes
from bench.extract.alignment import offset_map
from bench.extract.polnear_quotes import QuoteArticle, Span
from bench.extract.quote_scoring import Counts, Predicted, metrics, overlaps, score_article
from bench.results import OUT, REPO, write_run

CACHE = OUT / "quotes-cache"
ANCHOR_PYTHON = OUT / "venv-anchors" / "bin" / "python"
ANCHOR_SCRIPT = REPO / "bench" / "extract" / "textacy_anchor.py"


@dataclass(frozen=True)
class Run:
    """One article as a system saw it: the cleaned text and its quotes on the original."""

    article: QuoteArticle
    cleaned: str
    predicted: list[Predicted]


class _Mapper:
    """Offsets of the cleaned text to offsets of the article's own text."""

    def __init__(self, cleaned: str, original: str) -> None:
        self.mapping = None if cleaned == original else offset_map(cleaned, original)

    def at(self, offset: int) -> int:
        if self.mapping is None:
            return offset
        k = offset
        while k >= 0 and self.mapping[k] is None:
            k -= 1
        found = self.mapping[k] if k >= 0 else 0
        return found if found is not None else 0

    def span(self, start: int, end: int) -> Span:
        return self.at(start), self.at(end)


def cleaned_documents(articles: Sequence[QuoteArticle]) -> dict[str, Any]:
    sources = [
        Source(a.key, a.split, a.publisher, a.published, a.text_path.read_bytes) for a in articles
    ]
    return ingest_sources(sources, corpus="polnear")


def _parses(documents: dict[str, Any], split: str, model: str, cache: Path | None) -> list[Any]:
    """The spaCy parse of each document, from the cache when it holds this very text."""
    from spacy.tokens import DocBin

    from storyline.analyze.nlp import load_pipeline

    nlp = load_pipeline(model)
    keys = list(documents)
    ids = [documents[k].id for k in keys]
    index = cache / f"{split}.json" if cache else None
    binary = cache / f"{split}.spacy" if cache else None
    if index and binary and index.is_file() and binary.is_file():
        stored = json.loads(index.read_text(encoding="utf-8"))
        if stored == {"model": model, "ids": ids}:
            return list(DocBin().from_bytes(binary.read_bytes()).get_docs(nlp.vocab))
    parses = list(nlp.pipe(documents[k].text for k in keys))
    if index and binary:
        binary.parent.mkdir(parents=True, exist_ok=True)
        binary.write_bytes(DocBin(docs=parses).to_bytes())
        index.write_text(json.dumps({"model": model, "ids": ids}), encoding="utf-8")
    return parses


def run_storyline(
    articles: Sequence[QuoteArticle], documents: dict[str, Any], cache: Path | None
) -> list[Run]:
    from storyline.analyze.document import analyze_document
    from storyline.config import Config

    config = Config()
    chosen = [a for a in articles if a.key in documents]
    parses = _parses(
        {a.key: documents[a.key] for a in chosen},
        chosen[0].split if chosen else "",
        config.spacy_model,
        cache,
    )
    runs = []
    for article, sdoc in zip(chosen, parses, strict=True):
        doc = documents[article.key]
        analysis = analyze_document(sdoc, doc, config.pipeline_version)
        runs.append(Run(article, doc.text, predictions(analysis, doc.text, article.text)))
    return runs


def predictions(analysis: Any, cleaned: str, original: str) -> list[Predicted]:
    """An analysis's direct quotes on the article's own text, each with the mentions of the
    entity its speaker was resolved to (statements in reported speech, direct False, are no
    direct quotes: the gold holds only those)."""
    where = _Mapper(cleaned, original)
    found = []
    for q in (q for q in analysis.quotes if q.direct):
        speaker = q.speaker_evidence
        mentions = tuple(
            where.span(m.evidence.start, m.evidence.end)
            for m in analysis.mentions
            if q.speaker is not None and m.entity == q.speaker
        )
        found.append(
            Predicted(
                where.span(q.evidence.start, q.evidence.end),
                where.span(speaker.start, speaker.end) if speaker else None,
                mentions,
            )
        )
    return found


def run_textacy(
    articles: Sequence[QuoteArticle], documents: dict[str, Any], model: str
) -> list[Run] | None:
    if not ANCHOR_PYTHON.is_file():
        print(f"anchor skipped: {ANCHOR_PYTHON} is absent (make anchors creates it)")
        return None
    chosen = [a for a in articles if a.key in documents]
    lines = "".join(json.dumps({"id": a.key, "text": documents[a.key].text}) + "\n" for a in chosen)
    result = subprocess.run(
        [str(ANCHOR_PYTHON), str(ANCHOR_SCRIPT), model],
        input=lines,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"textacy anchor failed ({result.returncode}): {result.stderr[-2000:]}")
    rows = {row["id"]: row for row in map(json.loads, result.stdout.splitlines())}
    runs = []
    for a in chosen:
        cleaned = documents[a.key].text
        where = _Mapper(cleaned, a.text)
        predicted = [
            Predicted(
                where.span(q["start"], q["end"]),
                where.span(*q["speaker"]) if q["speaker"] else None,
            )
            for q in rows[a.key]["quotes"]
        ]
        runs.append(Run(a, cleaned, predicted))
    return runs


def score_runs(runs: Sequence[Run]) -> dict[str, Any]:
    total = Counts()
    for run in runs:
        total.add(score_article(run.article.text, run.article.quotes, run.predicted))
    return metrics(total)


def print_errors(runs: Sequence[Run], limit: int) -> None:
    """Missed gold quotes, predictions that are no gold quote, and wrong speakers."""
    from bench.extract.quote_scoring import speaker_right, trimmed

    missed: list[str] = []
    extra: list[str] = []
    wrong: list[str] = []
    for run in runs:
        text = run.article.text
        golds = [(trimmed(text, g.span), g) for g in run.article.quotes]
        preds = [(trimmed(text, p.span), p) for p in run.predicted]

        def show(span: Span | None, text: str = text) -> str:
            return repr(text[span[0] : span[1]][:160]) if span else "None"

        for span, g in golds:
            if not any(overlaps(span, p) for p, _ in preds):
                missed.append(f"MISS {show(span)} src={show(g.source)}")
        for span, p in preds:
            hits = [g for g_span, g in golds if overlaps(span, g_span)]
            if not hits:
                extra.append(f"EXTRA {show(span)} spk={show(p.speaker)}")
                continue
            g = max(hits, key=lambda g: min(span[1], g.span[1]) - max(span[0], g.span[0]))
            if not speaker_right(p, g):
                ctx = text[max(0, span[0] - 120) : span[1] + 80].replace("\n", " | ")
                wrong.append(f"SPEAKER pred={show(p.speaker)} gold={show(g.source)}\n      {ctx!r}")
    for name, rows in (("missed", missed), ("extra", extra), ("speaker", wrong)):
        print(f"--- {name}: {len(rows)}")
        for row in rows[:limit]:
            print("  " + row)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--errors", type=int, default=0, help="print N errors of each kind")
    parser.add_argument("--no-anchor", action="store_true")
    parser.add_argument("--no-cache", action="store_true", help="parse afresh")
    args = parser.parse_args(argv)
    if not polnear_quotes.available():
        print(f"skipped: {polnear_quotes.DATA} is absent (PolNeAR lives in ../shared/eval-data)")
        return 0
    from storyline.config import Config

    articles = polnear_quotes.load(args.split)
    documents = cleaned_documents(articles)
    runs = run_storyline(articles, documents, None if args.no_cache else CACHE)
    systems = {"storyline": score_runs(runs)}
    if not args.no_anchor:
        anchor = run_textacy(articles, documents, Config().spacy_model)
        if anchor is not None:
            systems["textacy-0.13.0"] = score_runs(anchor)
    print(f"PolNeAR {args.split}: {len(runs)} articles, {systems['storyline']['gold']} gold quotes")
    for name, m in systems.items():
        print(
            f"  {name:16} overlap F1 {m['overlap']['f1']:6.2f} (P {m['overlap']['p']:.2f} "
            f"R {m['overlap']['r']:.2f})  exact F1 {m['exact']['f1']:6.2f}  speaker "
            f"{m['speaker_accuracy']:6.2f} (strict {m['speaker_accuracy_strict']:.2f})  "
            f"quote+speaker F1 {m['quote_and_speaker']['f1']:6.2f}  [{m['predicted']} predicted]"
        )
    if args.errors:
        print_errors(runs, args.errors)
    path = write_run(
        f"quotes-{args.split}.json" if args.split != "dev" else "quotes.json",
        "polnear-direct-quotes",
        split=args.split,
        articles=len(runs),
        pipeline_version=Config().pipeline_version,
        systems=systems,
    )
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
