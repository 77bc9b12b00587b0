"""TempEval-3 through the public command, as a user (or a held-out check) runs it.

bench/timex/tempeval.py calls the time tagger on each TimeML text directly. Here the same documents
go through `storyline analyze` as JSON Lines `{id, text, published}` (published = the document
creation time), and the `times` it writes are scored against the gold. Offsets in the output
point into the cleaned text, which can differ from the input (leading blank lines dropped, a
line of residue removed); each cleaned text is aligned back to its input character by character
(difflib opcodes) before scoring, and the documents whose cleaned text is not the input itself
are counted. A score here equal to bench/timex/tempeval.py's says the command loses nothing.

    .venv/bin/python -m bench.timex.tempeval_cli [--limit N] [--workers N]
"""

from __future__ import annotations

import argparse
import difflib
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.results import OUT
from bench.timex.scoring import TimeMLDocument, Timex, metrics, score
from bench.timex.tempeval import DATA, load_documents


def offset_map(cleaned: str, original: str) -> list[int | None]:
    """For each offset of ``cleaned`` (and its end), the offset in ``original`` holding the same
    character, or None where the cleaned text has characters the original lacks."""
    mapping: list[int | None] = [None] * (len(cleaned) + 1)
    matcher = difflib.SequenceMatcher(None, cleaned, original, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size + 1):
            if a + k <= len(cleaned):
                mapping[a + k] = b + k
    return mapping


def times_in_original(output: dict[str, Any], original: str) -> list[Timex] | None:
    """The output's time expressions with offsets into ``original``; None when a span cannot
    be mapped back to the same words."""
    cleaned = output["documents"][0]["text"]
    mapping = offset_map(cleaned, original) if cleaned != original else None
    found = []
    for t in output["times"]:
        start, end = t["evidence"]["start"], t["evidence"]["end"]
        if mapping is not None:
            mapped_start, mapped_end = mapping[start], mapping[end]
            if mapped_start is None or mapped_end is None:
                return None
            start, end = mapped_start, mapped_end
            if original[start:end] != t["evidence"]["text"]:
                return None  # the cleaning changed the words themselves
        found.append(Timex(start, end, t["type"], t["value"], original[start:end]))
    return found


def run_command(documents: Sequence[TimeMLDocument], workers: int) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tempeval.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for doc in documents:
                line = {"id": doc.name, "text": doc.text, "published": doc.dct}
                handle.write(json.dumps(line) + "\n")
        command = [sys.executable, "-m", "storyline", "analyze", str(path)]
        command += ["--format", "jsonl", "--workers", str(workers)]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"storyline analyze failed ({result.returncode}): {result.stderr}")
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent (TempEval-3 lives in ../shared/eval-data)")
        return 0
    documents = load_documents(DATA, args.limit)
    by_name = {doc.name: doc for doc in documents}
    outputs = run_command(documents, args.workers)
    pairs = []
    rewritten = unmapped = 0
    for output in outputs:
        name = output["documents"][0]["source"].rsplit("#", 1)[-1]
        doc = by_name[name]
        rewritten += output["documents"][0]["text"] != doc.text
        found = times_in_original(output, doc.text)
        if found is None:
            unmapped += 1
            found = []
        pairs.append((doc.timexes, found))
    missing = len(documents) - len(outputs)
    result = metrics(score(pairs))
    print(
        f"TempEval-3 through `storyline analyze`: {len(outputs)} documents "
        f"({rewritten} with a cleaned text other than the input, {unmapped} not mappable, "
        f"{missing} rejected)"
    )
    for key in ("strict_f1", "relaxed_f1", "type_f1", "value_f1"):
        print(f"  {key} {result[key]}")
    OUT.mkdir(parents=True, exist_ok=True)
    payload = {
        "benchmark": "tempeval3-via-storyline-analyze",
        "documents": len(outputs),
        "cleaned_text_differs": rewritten,
        "unmapped": unmapped,
        "rejected": missing,
        "scores": result,
    }
    (OUT / "tempeval_cli.json").write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
