"""Language detectors compared on the labelled texts of tests/data/languages.txt (written for the
repository: news paragraphs, ~20-word texts and mixed pages in 12 languages, plus texts too short
to tell), with the spaCy parse of the same texts as the anchor, in the same run.

    .venv/bin/python -m bench.language.detectors            # every candidate, writes bench/out/
    .venv/bin/python -m bench.language.detectors --only storyline

Each candidate runs in a process of its own, so that its load time and peak memory (VmHWM
above the interpreter's before the detector is imported) are its own. Accuracy counts a text
right when the detector's code equals its label ("und" for a text too short to tell); ms per
document is the mean over every text after one warm-up pass, whose own mean is kept too (lingua
loads its models lazily, during that first pass).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.results import OUT, REPO, write_run

LABELLED = REPO / "tests" / "data" / "languages.txt"
Detect = Callable[[str], str]


def labelled_texts() -> list[tuple[str, str, str]]:
    """(label, kind, text) of every labelled text."""
    rows = []
    for line in LABELLED.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, kind, text = line.split(" ", 2)
            rows.append((label, kind, text))
    return rows


def long_texts() -> list[tuple[str, str]]:
    """(label, text) of one article-length text per language (about 5,000 characters): its
    paragraphs, twice over."""
    paragraphs: dict[str, list[str]] = defaultdict(list)
    for label, kind, text in labelled_texts():
        if kind == "paragraph":
            paragraphs[label].append(text)
    return [(label, "\n\n".join(texts * 2)) for label, texts in sorted(paragraphs.items())]


def _storyline() -> Detect:
    from storyline.ingest.language import detect_language

    return lambda text: detect_language(text).code


def _py3langid() -> Detect:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return lambda text: str(identifier.classify(text)[0])


def _lingua(low_accuracy: bool) -> Callable[[], Detect]:
    def make() -> Detect:
        from lingua import LanguageDetectorBuilder

        builder = LanguageDetectorBuilder.from_all_languages()
        if low_accuracy:
            builder = builder.with_low_accuracy_mode()
        detector = builder.build()

        def detect(text: str) -> str:
            found = detector.detect_language_of(text)
            return "und" if found is None else found.iso_code_639_1.name.lower()

        return detect

    return make


CANDIDATES: dict[str, Callable[[], Detect]] = {
    "storyline": _storyline,
    "py3langid": _py3langid,
    "lingua": _lingua(low_accuracy=False),
    "lingua-low-accuracy": _lingua(low_accuracy=True),
}


def _peak_mib() -> float:
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure(name: str) -> dict[str, Any]:
    """One candidate, in this process: load time, memory, accuracy by language and kind."""
    rows = labelled_texts()
    before = _peak_mib()
    start = time.perf_counter()
    detect = CANDIDATES[name]()
    load_s = time.perf_counter() - start
    start = time.perf_counter()
    for _, _, text in rows:  # warm-up: lingua loads its models on first use
        detect(text)
    first_pass = time.perf_counter() - start
    start = time.perf_counter()
    found = [detect(text) for _, _, text in rows]
    elapsed = time.perf_counter() - start
    right: dict[str, list[bool]] = defaultdict(list)
    by_kind: dict[str, list[bool]] = defaultdict(list)
    misses = []
    for (label, kind, text), code in zip(rows, found, strict=True):
        right[label].append(code == label)
        by_kind[kind].append(code == label)
        if code != label:
            misses.append({"label": label, "found": code, "text": text[:60]})
    total = [ok for oks in right.values() for ok in oks]
    articles = long_texts()
    start = time.perf_counter()
    article_right = sum(detect(text) == label for label, text in articles)
    article_ms = 1000 * (time.perf_counter() - start) / len(articles)
    return {
        "detector": name,
        "texts": len(rows),
        "accuracy": round(sum(total) / len(total), 4),
        "accuracy_by_language": {k: round(sum(v) / len(v), 3) for k, v in sorted(right.items())},
        "accuracy_by_kind": {k: round(sum(v) / len(v), 3) for k, v in sorted(by_kind.items())},
        "ms_per_document": round(1000 * elapsed / len(rows), 3),
        "first_pass_ms_per_document": round(1000 * first_pass / len(rows), 3),
        "article_accuracy": round(article_right / len(articles), 3),
        "article_ms_per_document": round(article_ms, 3),
        "article_chars": round(sum(len(t) for _, t in articles) / len(articles)),
        "load_s": round(load_s, 3),
        "memory_mib": round(_peak_mib() - before, 1),
        "misses": misses,
    }


def parse_anchor() -> dict[str, Any]:
    """The spaCy parse of the same texts, the cost detection must stay small beside."""
    from storyline.analyze.nlp import load_pipeline
    from storyline.config import DEFAULT_MODEL

    texts = [text for _, _, text in labelled_texts()]
    articles = [text for _, text in long_texts()]
    nlp = load_pipeline(DEFAULT_MODEL)
    list(nlp.pipe(texts[:10]))
    start = time.perf_counter()
    list(nlp.pipe(texts, batch_size=32))
    elapsed = time.perf_counter() - start
    start = time.perf_counter()
    list(nlp.pipe(articles, batch_size=32))
    article_elapsed = time.perf_counter() - start
    words = sum(len(t.split()) for t in texts)
    return {
        "detector": f"spacy parse ({DEFAULT_MODEL})",
        "ms_per_document": round(1000 * elapsed / len(texts), 3),
        "article_ms_per_document": round(1000 * article_elapsed / len(articles), 3),
        "words_per_s": round(words / elapsed),
    }


def _in_own_process(name: str) -> dict[str, Any] | None:
    """One candidate's figures; None (said on stderr) when its package is not installed:
    lingua is not a dependency of storyline (pip install lingua-language-detector==2.1.1)."""
    out = subprocess.run(
        [sys.executable, "-m", "bench.language.detectors", "--one", name],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        last = (out.stderr.strip().splitlines() or ["failed"])[-1]
        print(f"{name}: not measured: {last}", file=sys.stderr)
        return None
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--one", choices=[*CANDIDATES, "anchor"], help=argparse.SUPPRESS)
    parser.add_argument("--only", nargs="+", choices=list(CANDIDATES))
    args = parser.parse_args(argv)
    if args.one:
        result = parse_anchor() if args.one == "anchor" else measure(args.one)
        print(json.dumps(result))
        return 0
    results = [r for n in (args.only or CANDIDATES) if (r := _in_own_process(n)) is not None]
    anchor = _in_own_process("anchor")
    if anchor is None:
        return 1
    for r in results:
        print(
            f"{r['detector']:22} accuracy {r['accuracy']:.3f}  {r['ms_per_document']:7.3f} ms/doc"
            f"  articles {r['article_ms_per_document']:7.3f} ms/doc"
            f"  load {r['load_s']:6.2f} s  memory {r['memory_mib']:7.1f} MiB"
        )
    print(
        f"{anchor['detector']:22} {anchor['ms_per_document']:7.3f} ms/doc"
        f"  articles {anchor['article_ms_per_document']:7.3f} ms/doc (the anchor)"
    )
    path = write_run(
        "language-detectors.json",
        "bench.language.detectors",
        corpus=str(LABELLED.relative_to(REPO)),
        results=results,
        anchor=anchor,
    )
    print(f"written to {path.relative_to(OUT.parent.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
