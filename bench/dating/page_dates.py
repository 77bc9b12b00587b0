"""Publication dates of pages as ingest reads them, against an anchor: another checkout's
code (main) on the same pages in the same run.

Three sets: tests/data/dated_pages (pages written for this benchmark imitating common
layouts, with the expected date, basis and field in expected.json); the seeds and the demo
corpus (no expected file: the anchor's date and basis are the reference, and every difference
is listed to be judged); with --text-corpora, PolNeAR's 924 articles and every
``--t17-every``-th Timeline17 article as plain text under neutral names, scored against their
gold days (what ingest reads from a text's own header, the only part of dating this touches).

    .venv/bin/python -m bench.dating.page_dates --anchor-src /tmp/main-src/src [--text-corpora]

writes bench/out/page_dates.json. The anchor's src folder is put first on the child's
PYTHONPATH, so both runs use this checkout's virtualenv and differ only in storyline's code.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.results import REPO, SEEDS, write_run

PAGES = REPO / "tests" / "data" / "dated_pages"
DEMO = REPO / "examples" / "corpus"


def read_dates(paths: list[str]) -> dict[str, dict[str, Any]]:
    """source → date, basis and (where the code records it) the field, for every document."""
    from storyline.config import Config
    from storyline.ingest import ingest
    from storyline.model import Ingested

    found: dict[str, dict[str, Any]] = {}
    for result in ingest(paths, Config()):
        if not isinstance(result, Ingested):
            continue
        doc = result.document
        source = getattr(doc, "published_source", None)
        found[doc.source] = {
            "date": doc.published if isinstance(doc.published, str) else None,
            "basis": doc.published_basis,
            "field": source.field if source is not None else None,
        }
    return found


def _run(src: Path | None, paths: list[str]) -> dict[str, dict[str, Any]]:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = f"{src}{os.pathsep}{env.get('PYTHONPATH', '')}"
    out = subprocess.run(
        [sys.executable, "-m", "bench.dating.page_dates", "--child", *paths],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    dates: dict[str, dict[str, Any]] = json.loads(out.stdout)
    return dates


def _layout_score(found: dict[str, dict[str, Any]], expected: dict[str, Any]) -> dict[str, Any]:
    right = []
    wrong = {}
    for name, want in expected.items():
        got = found.get(str(PAGES / name), {})
        if got.get("date") == want["date"]:
            right.append(name)
        else:
            wrong[name] = {"expected": want["date"], "got": got.get("date")}
    return {"pages": len(expected), "right": len(right), "wrong": wrong}


def _differences(
    anchor: dict[str, dict[str, Any]], branch: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    keys = sorted(set(anchor) | set(branch))
    changed = {
        k: {"anchor": anchor.get(k), "branch": branch.get(k)}
        for k in keys
        if (anchor.get(k) or {}).get("date") != (branch.get(k) or {}).get("date")
        or (anchor.get(k) or {}).get("basis") != (branch.get(k) or {}).get("basis")
    }
    with_field = sum(1 for v in branch.values() if v["date"] is None or v["field"])
    return {
        "documents": len(keys),
        "dated_anchor": sum(1 for v in anchor.values() if v["date"]),
        "dated_branch": sum(1 for v in branch.values() if v["date"]),
        "date_or_basis_changed": changed,
        "dated_with_field_branch": with_field,
    }


def _text_corpora(folder: Path, t17_every: int) -> dict[str, dict[str, str]]:
    """PolNeAR and a sample of Timeline17 written as article-NNNN.txt: path → corpus, gold."""
    from bench.dating import polnear_corpus, t17_corpus

    gold: dict[str, dict[str, str]] = {}
    chosen: list[tuple[str, Any]] = []
    if polnear_corpus.available():
        entries = polnear_corpus.entries(polnear_corpus.DATA)
        chosen += [("polnear", (e.path.read_bytes, e.gold)) for e in entries]
    if t17_corpus.available():
        t17 = t17_corpus.sources()[::t17_every]
        chosen += [("t17", (s.read, s.gold)) for s in t17]
    for i, (corpus, (read, day)) in enumerate(chosen):
        path = folder / f"article-{i:05d}.txt"
        path.write_bytes(read())
        gold[str(path)] = {"corpus": corpus, "gold": day.isoformat()}
    return gold


def _text_scores(found: dict[str, dict[str, Any]], gold: dict[str, dict[str, str]]) -> Any:
    scores: dict[str, dict[str, int]] = {}
    for path, want in gold.items():
        got = found.get(path, {})
        score = scores.setdefault(want["corpus"], {"articles": 0, "dated": 0, "exact": 0})
        score["articles"] += 1
        if got.get("date"):
            score["dated"] += 1
            score["exact"] += got["date"][:10] == want["gold"]
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--anchor-src", type=Path, required=False)
    parser.add_argument("--child", nargs="*")
    parser.add_argument("--out", default="page_dates.json")
    parser.add_argument("--text-corpora", action="store_true")
    parser.add_argument("--t17-every", type=int, default=4)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(read_dates(args.child)))
        return
    expected = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
    layouts = [str(PAGES / name) for name in expected]
    corpus = [str(p) for p in sorted(SEEDS.iterdir())] + [str(DEMO)]
    results: dict[str, Any] = {}
    for label, src in (("anchor", args.anchor_src), ("branch", REPO / "src")):
        results[label] = {
            "layouts": _layout_score(_run(src, layouts), expected),
            "corpus": _run(src, corpus),
        }
    corpus_diff = _differences(results["anchor"]["corpus"], results["branch"]["corpus"])
    text: dict[str, Any] = {}
    if args.text_corpora:
        with tempfile.TemporaryDirectory() as tmp:
            gold = _text_corpora(Path(tmp), args.t17_every)
            runs = {
                label: _run(src, [tmp])
                for label, src in (("anchor", args.anchor_src), ("branch", REPO / "src"))
            }
            text = {label: _text_scores(found, gold) for label, found in runs.items()}
            text["changed"] = sorted(
                Path(k).name
                for k in gold
                if runs["anchor"].get(k, {}).get("date") != runs["branch"].get(k, {}).get("date")
            )
    path = write_run(
        args.out,
        "publication dates of pages (layouts written for the benchmark; seeds and demo corpus)",
        command="python -m bench.dating.page_dates --anchor-src " + str(args.anchor_src),
        anchor_src=str(args.anchor_src),
        layouts={k: v["layouts"] for k, v in results.items()},
        seeds_and_demo=corpus_diff,
        text_corpora=text,
        machine_name="vm-2c",
    )
    summary = {k: f"{v['layouts']['right']}/{v['layouts']['pages']}" for k, v in results.items()}
    print(json.dumps({"layouts_right": summary, "out": str(path)}))
    print(json.dumps(corpus_diff, indent=1, ensure_ascii=False))
    print(json.dumps(text, indent=1))


if __name__ == "__main__":
    main()
