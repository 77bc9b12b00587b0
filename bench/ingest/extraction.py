"""Extraction F1 on the pages of tests/data/extraction (written for the repository, each with
its gold article text): the text `storyline build` stores for a page against trafilatura's plain
`extract()` of the same page, the anchor, in the same run.

    .venv/bin/python -m bench.ingest.extraction                  # writes bench/out/
    .venv/bin/python -m bench.ingest.extraction --residue dev    # lines kept that are not gold

Token F1 is over bags of words (casefolded \\w+ tokens, counted with multiplicity): precision is
the share of the extracted tokens that are in the gold, recall the share of the gold that was
extracted. Scores are means over pages (each page weighs the same), reported for all pages,
the dev pages and the held-out pages (a third, never looked at while writing residue rules).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import trafilatura

from bench.results import REPO, write_run
from storyline.config import Config
from storyline.ingest import ingest
from storyline.model import Ingested

PAGES = REPO / "tests" / "data" / "extraction" / "pages"
# Every page whose number is a multiple of 3 (tests/data/extraction/README.md).
HOLDOUT_EVERY = 3
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class Page:
    name: str
    html: Path
    gold: str

    @property
    def split(self) -> str:
        return "holdout" if int(self.name[:2]) % HOLDOUT_EVERY == 0 else "dev"


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float


def pages() -> list[Page]:
    return [
        Page(html.stem, html, html.with_suffix(".txt").read_text(encoding="utf-8"))
        for html in sorted(PAGES.glob("*.html"))
    ]


def tokens(text: str) -> Counter[str]:
    return Counter(token.casefold() for token in _TOKEN.findall(text))


def token_scores(found: str, gold: str) -> Scores:
    found_tokens, gold_tokens = tokens(found), tokens(gold)
    common = sum((found_tokens & gold_tokens).values())
    precision = common / sum(found_tokens.values()) if found_tokens else 0.0
    recall = common / sum(gold_tokens.values()) if gold_tokens else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1)


def mean_scores(scores: Iterable[Scores]) -> Scores:
    listed = list(scores)
    if not listed:
        return Scores(0.0, 0.0, 0.0)
    return Scores(
        sum(s.precision for s in listed) / len(listed),
        sum(s.recall for s in listed) / len(listed),
        sum(s.f1 for s in listed) / len(listed),
    )


def storyline_text(page: Path) -> str:
    """The document text `storyline build` stores for the page ("" when it is rejected)."""
    found = list(ingest([str(page)], Config()))
    return "\n\n".join(item.document.text for item in found if isinstance(item, Ingested))


def trafilatura_text(page: Path) -> str:
    return trafilatura.extract(page.read_text(encoding="utf-8")) or ""


EXTRACTORS = {"storyline": storyline_text, "trafilatura": trafilatura_text}


def score_pages(selected: list[Page]) -> dict[str, dict[str, Scores]]:
    """Scores of each extractor on each page: {extractor: {page name: scores}}."""
    return {
        name: {page.name: token_scores(extract(page.html), page.gold) for page in selected}
        for name, extract in EXTRACTORS.items()
    }


def residue_lines(found: str, gold: str) -> list[str]:
    """Lines of an extracted text with most of their tokens absent from the gold."""
    gold_tokens = tokens(gold)
    kept = []
    for line in found.splitlines():
        words = tokens(line)
        if words and sum((words & gold_tokens).values()) < sum(words.values()) / 2:
            kept.append(line)
    return kept


def _summary(by_page: dict[str, Scores], selected: list[Page]) -> dict[str, Any]:
    def rounded(scores: Scores) -> dict[str, float]:
        return {key: round(value, 4) for key, value in vars(scores).items()}

    splits = {"all": selected} | {
        split: [page for page in selected if page.split == split] for split in ("dev", "holdout")
    }
    return {
        split: {"pages": len(members), **rounded(mean_scores(by_page[p.name] for p in members))}
        for split, members in splits.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--label", default="", help="suffix of the output file's name")
    parser.add_argument(
        "--residue",
        choices=("dev", "holdout"),
        help="print the lines storyline keeps that are not gold, on these pages only",
    )
    args = parser.parse_args(argv)
    selected = pages()
    if args.residue:
        for page in selected:
            if page.split == args.residue:
                for line in residue_lines(storyline_text(page.html), page.gold):
                    print(f"{page.name}: {line[:120]}")
        return 0
    scored = score_pages(selected)
    summary = {name: _summary(by_page, selected) for name, by_page in scored.items()}
    for name, splits in summary.items():
        for split, fields in splits.items():
            print(
                f"{name:12} {split:8} pages {fields['pages']:2}  P {fields['precision']:.4f}"
                f"  R {fields['recall']:.4f}  F1 {fields['f1']:.4f}"
            )
    per_page = {
        page.name: {
            "split": page.split,
            **{name: round(scored[name][page.name].f1, 4) for name in scored},
        }
        for page in selected
    }
    suffix = f"_{args.label}" if args.label else ""
    path = write_run(
        f"extraction_pages{suffix}.json",
        "bench.ingest.extraction",
        command="python -m bench.ingest.extraction" + (f" --label {args.label}" if suffix else ""),
        corpus=str(PAGES.relative_to(REPO)),
        anchor="trafilatura.extract() with its defaults, same pages, same run",
        scores=summary,
        f1_by_page=per_page,
    )
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
