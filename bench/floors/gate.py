"""A quality floor that cannot drift: the corpus it was measured on is pinned beside it.

A floor file (tests/quality/floors/<name>.json) holds:

- ``subset``: what is measured, in words;
- ``corpus``: where the files are (``root``, under ../shared/eval-data), how many, and the
  ``sha256`` of exactly the files the measurement reads (corpus_digest);
- ``measured``: the scores when the floors were last set, kept beside them;
- ``floors``: the least each score may be, flat (``{"value_f1": 82.1}``) or by setting
  (``{"leave_one_out": {"exact": 31.8}}``).

A score passes when it is at least its floor less EPSILON. A floor is never lowered by a
command: update() refuses, and a lower floor is a hand edit with its reason in the commit.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Scores are percentages rounded to two decimals, and the scorers are deterministic: this
# absorbs a last-digit difference in rounding (another machine, another Python), while one
# document or one expression more or less in a floor's subset moves a score by 0.3 points or
# more, far past it.
EPSILON = 0.05
# A floor sits about a point under what was measured (rounded down to a tenth); an update
# raises a floor to that, never lowers one.
MARGIN = 1.0


class FloorError(Exception):
    """A floor file that cannot be used or updated as asked; the message says why."""


@dataclass(frozen=True)
class FloorFile:
    path: Path
    subset: str
    corpus: dict[str, Any]  # root (under ../shared/eval-data), files, sha256
    measured: dict[str, Any]
    floors: dict[str, Any]

    @property
    def name(self) -> str:
        return self.path.stem

    def to_json(self) -> str:
        fields = {
            "subset": self.subset,
            "corpus": self.corpus,
            "measured": self.measured,
            "floors": self.floors,
        }
        return json.dumps(fields, indent=2, ensure_ascii=False) + "\n"


def read_floors(path: Path) -> FloorFile:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return FloorFile(path, data["subset"], data["corpus"], data["measured"], data["floors"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise FloorError(f"{path}: not a floor file ({error!r})") from error


def write_floors(floors: FloorFile) -> None:
    """Write the file whole or not at all: a temporary file beside it, then one rename, so an
    interrupted update never leaves half a floor file."""
    handle, tmp = tempfile.mkstemp(dir=floors.path.parent, prefix=f".{floors.path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(floors.to_json())
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, floors.path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def corpus_digest(root: Path, files: Iterable[Path]) -> str:
    """SHA-256 over the files in order of their path relative to ``root``: for each, that path
    (POSIX), its length in bytes and its bytes, so that a renamed, moved, added, dropped or
    edited file changes the digest and no two corpora share one."""
    digest = hashlib.sha256()
    for relative, path in sorted((p.relative_to(root).as_posix(), p) for p in files):
        data = path.read_bytes()
        digest.update(f"{relative}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def pinned_corpus(root: Path, files: list[Path], eval_data: Path) -> dict[str, Any]:
    """The ``corpus`` field for these files."""
    return {
        "root": root.relative_to(eval_data).as_posix(),
        "files": len(files),
        "sha256": corpus_digest(root, files),
    }


def corpus_change(floors: FloorFile, found: Mapping[str, Any], update: str) -> str | None:
    """Why the floors do not apply to the corpus ``found`` (a pinned_corpus), or None."""
    pinned = floors.corpus
    if found["sha256"] == pinned.get("sha256"):
        return None
    return (
        f"corpus changed: {floors.name} floors were measured on {pinned.get('sha256')} "
        f"({pinned.get('files')} files under {pinned.get('root')}), found {found['sha256']} "
        f"({found['files']} files); re-measure with `{update}`"
    )


def flat(scores: Mapping[str, Any], prefix: str = "") -> dict[str, float]:
    """Nested scores as one level: ``{"b": {"exact": 1.0}}`` -> ``{"b.exact": 1.0}``."""
    found: dict[str, float] = {}
    for key, value in scores.items():
        if isinstance(value, Mapping):
            found.update(flat(value, f"{prefix}{key}."))
        else:
            found[f"{prefix}{key}"] = value
    return found


def nested(scores: Mapping[str, float]) -> dict[str, Any]:
    """The inverse of flat()."""
    found: dict[str, Any] = {}
    for key, value in scores.items():
        *path, last = key.split(".")
        level = found
        for part in path:
            level = level.setdefault(part, {})
        level[last] = value
    return found


def shortfalls(floors: FloorFile, scores: Mapping[str, Any], part: str | None = None) -> list[str]:
    """Each floored metric that ``scores`` leave under its floor, or do not report at all, as a
    line saying so; ``part`` keeps one metric (``value_f1``) or one setting's
    (``leave_one_out``)."""
    found = flat(scores)
    lines = []
    for metric, floor in flat(floors.floors).items():
        if part is not None and metric != part and not metric.startswith(f"{part}."):
            continue
        if not isinstance(found.get(metric), int | float):
            lines.append(f"{metric}: not measured (floor {floor})")
        elif found[metric] < floor - EPSILON:
            lines.append(f"{metric} {found[metric]} fell below its floor {floor}")
    return lines


def raised_floor(score: float) -> float:
    """The floor a score of ``score`` sets: MARGIN under it, rounded down to a tenth."""
    return math.floor(round((score - MARGIN) * 10, 6)) / 10


def updated(floors: FloorFile, scores: Mapping[str, Any], corpus: dict[str, Any]) -> FloorFile:
    """The floor file after a measurement on ``corpus``: the new scores as ``measured``, each
    floor raised where the new score allows, the corpus pinned. Refused (FloorError, nothing
    changed) when a score is under its floor: that would lower the floor."""
    lower = shortfalls(floors, scores)
    if lower:
        raise FloorError(
            f"{floors.name}: refusing to lower a floor (" + "; ".join(lower) + "). Lowering one "
            f"is a decision: edit {floors.path} by hand and say why in the commit."
        )
    found = flat(scores)
    old = flat(floors.floors)
    return FloorFile(
        path=floors.path,
        subset=floors.subset,
        corpus=corpus,
        measured=nested({metric: found[metric] for metric in old}),
        floors=nested({m: max(floor, raised_floor(found[m])) for m, floor in old.items()}),
    )
