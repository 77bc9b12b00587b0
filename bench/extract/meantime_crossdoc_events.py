"""Events across documents on MEANTIME English: do the mentions of one real event in
different articles end up in one storyline event?

Each corpus (airbus, apple, gm: 30 Wikinews articles each) is one story: every article is
analyzed with its DCT as its publication date, then `resolve_story` merges the events of all
of them, as `storyline build` does. Gold: every EVENT_MENTION with token anchors, clustered by
the cross-document `instance_id` of the EVENT it REFERS_TO (an event with none is its
article's own; a mention that refers to no event is a cluster of one). A gold mention is found
when a storyline event's trigger overlaps its tokens; scored over the found mentions with MUC,
B3 and their mean, the found share beside them. storyline's triggers are PLOVER's political
events, of which these business articles hold few: the found share is small, and the score
measures the links among what is found. With --every-verb, every gold mention whose first
token the parser makes a verb is an event of its article (bench/extract/meantime_events.py
dates it by storyline's rules; no type, no actors), and the merging is measured apart from the
trigger lexicon on most of the gold. Anchors in the same run, over the same mentions: each
event on its own (no merging) and one event per corpus for each trigger word's stem (same
lemma, same corpus).

    .venv/bin/python -m bench.extract.meantime_crossdoc_events [--every-verb]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.extract.coref_score import system_scores
from bench.extract.meantime_events import DATA, GoldEvent, _dated_verbs
from bench.results import write_run
from bench.timex.meantime_reader import (
    ANNOTATION_FOLDER,
    Rebuilt,
    as_document,
    meantime_files,
    rebuild,
)

Key = tuple[str, int, int]


def gold_event_mentions(name: str, doc: Rebuilt) -> list[tuple[int, int, str]]:
    """(start, end, cluster) of every anchored event mention of a file."""
    listed = doc.root.find("Markables")
    markables = list(listed) if listed is not None else []
    instances = {m.get("m_id", ""): m.get("instance_id", "") for m in markables if m.tag == "EVENT"}
    refers: dict[str, str] = {}
    for link in doc.root.iter("REFERS_TO"):
        target = link.find("target")
        if target is None or target.get("m_id", "") not in instances:
            continue
        event = target.get("m_id", "")
        cluster = instances[event] or f"{name}#{event}"
        for source in link.findall("source"):
            refers[source.get("m_id", "")] = cluster
    out = []
    for m in markables:
        if m.tag != "EVENT_MENTION":
            continue
        anchors = [a.get("t_id", "") for a in m.iter("token_anchor")]
        spans = [doc.spans[a] for a in anchors if a in doc.spans]
        if not spans:
            continue
        m_id = m.get("m_id", "")
        cluster = refers.get(m_id, f"{name}#m{m_id}")
        out.append((spans[0][0], spans[-1][1], cluster))
    return out


def _every_verb(sdoc: Any, document: Any, analysis: Any, mentions: list[Any]) -> Any:
    """The analysis with every gold mention the parser makes a verb as its events."""
    from storyline.model import Evidence

    golds = [GoldEvent(start, end, "", "on", "", False) for start, end, _ in mentions]
    events = []
    for event in _dated_verbs(sdoc, document, analysis, golds):
        start, end = (int(x) for x in event.id.rsplit(":", 1)[1].split("-"))
        trigger = Evidence(doc=document.id, start=start, end=end, text=document.text[start:end])
        events.append(event.model_copy(update={"trigger": trigger}))
    return analysis.model_copy(update={"events": events})


def _corpus(name: str, files: list[Path], nlp: Any, every_verb: bool) -> dict[str, Any]:
    from storyline.analyze.document import analyze_document
    from storyline.resolve.corpus import resolve_story
    from storyline.resolve.event_words import head_word, stem

    documents, analyses, golds = [], [], []
    for path in files:
        doc = rebuild(path, sentences=None)
        document = as_document(path, doc)
        documents.append(document)
        mentions = gold_event_mentions(path.name, doc)
        sdoc = nlp(doc.text)
        analysis = analyze_document(sdoc, document, "bench")
        if every_verb:
            analysis = _every_verb(sdoc, document, analysis, mentions)
        analyses.append(analysis)
        golds.append((document.id, mentions))
    started = time.perf_counter()
    story = resolve_story(documents, analyses, infer_dates=False)
    seconds = time.perf_counter() - started
    merged_into = {r.id: e.id for e in story.events for r in e.reports}
    gold: dict[Key, str] = {}
    systems: dict[str, dict[Key, str]] = {"storyline": {}, "singletons": {}, "same_lemma": {}}
    counts: Counter[str] = Counter()
    for analysis, (doc_id, mentions) in zip(analyses, golds, strict=True):
        triggers = [(e.trigger, e) for e in analysis.events if e.trigger is not None]
        for start, end, cluster in mentions:
            counts["gold"] += 1
            found = next((e for t, e in triggers if t.start < end and start < t.end), None)
            if found is None or found.trigger is None:
                continue
            counts["found"] += 1
            key = (doc_id, start, end)
            gold[key] = cluster
            systems["storyline"][key] = merged_into.get(found.id, found.id)
            systems["singletons"][key] = found.id
            systems["same_lemma"][key] = stem(head_word(found.trigger.text))
    scores = system_scores(gold, systems)
    return {
        "articles": len(files),
        "gold_mentions": counts["gold"],
        "found": counts["found"],
        "found_pct": round(100 * counts["found"] / max(1, counts["gold"]), 2),
        "gold_clusters_found": len(set(gold.values())),
        "cross_document_gold_links": _cross_links(gold),
        "merged_events": sum(1 for e in story.events if e.reports),
        "resolve_seconds": round(seconds, 2),
        "systems": scores,
    }


def _cross_links(gold: dict[Key, str]) -> int:
    """Pairs of found mentions in different documents that are one gold event."""
    by_cluster: dict[str, Counter[str]] = {}
    for (doc, _, _), cluster in gold.items():
        by_cluster.setdefault(cluster, Counter())[doc] += 1
    total = 0
    for docs in by_cluster.values():
        n = sum(docs.values())
        total += (n * n - sum(c * c for c in docs.values())) // 2
    return total


def measure(files: list[Path], every_verb: bool = False) -> dict[str, Any]:
    from storyline.analyze.nlp import load_pipeline
    from storyline.config import Config

    nlp = load_pipeline(Config().spacy_model)
    by_corpus: dict[str, list[Path]] = {}
    for path in files:
        by_corpus.setdefault(path.parent.name.removeprefix("corpus_"), []).append(path)
    return {
        name: _corpus(name, paths, nlp, every_verb) for name, paths in sorted(by_corpus.items())
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--every-verb", action="store_true")
    args = parser.parse_args()
    root = DATA / ANNOTATION_FOLDER
    if not root.is_dir():
        print(f"skipped: {root} is absent (MEANTIME lives in ../shared/eval-data)")
        return
    results = measure(meantime_files(DATA), args.every_verb)
    print(json.dumps(results, indent=2))
    name = "meantime_crossdoc_events" + ("_every_verb" if args.every_verb else "")
    write_run(f"{name}.json", "bench.extract.meantime_crossdoc_events", corpora=results)


if __name__ == "__main__":
    main()


def floor_scores(files: list[Path]) -> dict[str, Any]:
    """What the floor holds (bench/floors/subsets.py), every gold verb an event: storyline's
    B3 and MUC F1 over the three corpora's found mentions (their mean), and the found share."""
    results = measure(files, every_verb=True)
    systems = [r["systems"]["storyline"] for r in results.values()]
    gold = sum(r["gold_mentions"] for r in results.values())
    found = sum(r["found"] for r in results.values())
    return {
        "every_verb": {
            "b_cubed_f1": round(sum(s["b_cubed"]["f1"] for s in systems) / len(systems), 2),
            "b_cubed_precision": round(
                sum(s["b_cubed"]["precision"] for s in systems) / len(systems), 2
            ),
            # B3 is over the mentions found: finding fewer must not pass for grouping better.
            "found_pct": round(100 * found / gold, 2),
        }
    }
