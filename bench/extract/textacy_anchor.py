"""The anchor: textacy 0.13.0's direct_quotations on the same spaCy model, run in its own venv.

textacy is no dependency of storyline: `make anchors` installs it with storyline's spaCy and
model pins into bench/out/venv-anchors, and bench/extract/quotes.py runs this file there as a
subprocess. It reads JSON Lines ``{id, text}`` on standard input and writes, per document,
``{id, quotes: [{start, end, speaker: [start, end] | null}]}`` (character offsets into the
text it was given). It imports nothing from storyline or bench.

    bench/out/venv-anchors/bin/python bench/extract/textacy_anchor.py MODEL < docs.jsonl
"""

from __future__ import annotations

import json
import sys
from typing import Any


def quotes_of(doc: Any) -> list[dict[str, Any]]:
    from textacy.extract.triples import direct_quotations  # type: ignore[import-not-found]

    found = []
    for triple in direct_quotations(doc):
        content = triple.content
        speaker = None
        if triple.speaker:
            start = min(t.idx for t in triple.speaker)
            end = max(t.idx + len(t.text) for t in triple.speaker)
            speaker = [start, end]
        found.append({"start": content.start_char, "end": content.end_char, "speaker": speaker})
    return found


def main() -> int:
    import spacy

    nlp = spacy.load(sys.argv[1])
    rows = [json.loads(line) for line in sys.stdin if line.strip()]
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows), strict=True):
        try:
            quotes = quotes_of(doc)
        except (ValueError, IndexError) as error:  # textacy fails on some unbalanced marks
            print(f"{row['id']}: {error!r}", file=sys.stderr)
            quotes = []
        sys.stdout.write(json.dumps({"id": row["id"], "quotes": quotes}) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
