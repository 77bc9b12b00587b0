"""The quotes `storyline analyze` writes, compared with analyze_document's on the same text.

bench/extract/quotes.py scores analyze_document directly (parses cached, seconds per run).
This checks that it scores what a user gets: the PolNeAR articles of a split go through
`storyline analyze` as JSON Lines `{id, text}`, each output document's cleaned text is
analyzed again in this process, and the quotes are compared field by field. The command
resolves speaker entities and dates across documents after the per-document analysis, so
`speaker` (an entity id), `date` and `date_ref` may differ; every other field must not.

    .venv/bin/python -m bench.extract.quotes_cli [--split dev|train]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.extract import polnear_quotes

# Fields the command re-resolves across documents.
RESOLVED = frozenset({"speaker", "date", "date_ref"})


def _per_document(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in q.items() if k not in RESOLVED} for q in quotes]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    args = parser.parse_args(argv)
    if not polnear_quotes.available():
        print(f"skipped: {polnear_quotes.DATA} is absent (PolNeAR lives in ../shared/eval-data)")
        return 0
    from storyline.analyze.document import analyze_document
    from storyline.analyze.nlp import load_pipeline
    from storyline.config import Config
    from storyline.model import Document

    articles = polnear_quotes.load(args.split)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for i, article in enumerate(articles):
                row = {"id": f"article-{i:04d}", "text": article.text}
                handle.write(json.dumps(row) + "\n")
        command = [sys.executable, "-m", "storyline", "analyze", str(path), "--format", "jsonl"]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"storyline analyze failed ({result.returncode}): {result.stderr}")
    config = Config()
    nlp = load_pipeline(config.spacy_model)
    same = 0
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    for row in rows:
        document = Document.model_validate(row["documents"][0])
        analysis = analyze_document(nlp(document.text), document, config.pipeline_version)
        direct = _per_document([q.model_dump(mode="json") for q in analysis.quotes])
        if direct == _per_document(row["quotes"]):
            same += 1
        else:
            print(f"differs: {document.source}")
    print(f"{len(rows)} documents through `storyline analyze`: {same} with the same quotes")
    return 0 if same == len(rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
