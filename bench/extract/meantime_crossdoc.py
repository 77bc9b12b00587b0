"""Entities across documents on MEANTIME English: do the mentions of one real entity in
different articles end up in one storyline entity?

Each corpus (airbus, apple, gm: 30 Wikinews articles each) is one story: every article is
analyzed, then `resolve_entities` groups the mentions of all of them, as `storyline build`
does. Gold: the named mentions (NAM, PRE.NAM; the innermost) of PER, ORG and LOC entities, in
whole articles (MEANTIME marks the entities it links across documents throughout an article),
clustered by the entity's cross-document `instance_id` (an entity with none is its article's
own). Scored over the gold mentions storyline finds (same span, or one ending where the gold
ends), with MUC, B3, CEAF-e and their mean (the CoNLL F1) of storyline's entity ids against
the gold instances; the found share is reported beside them. Anchors in the same run: each
article's entities on their own (no cross-document linking at all) and one entity per exact
name string across articles.

    .venv/bin/python -m bench.extract.meantime_crossdoc
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from bench.extract.coref_score import system_scores
from bench.extract.meantime_entities import DATA, TYPES, SystemMention, _matching
from bench.extract.meantime_entity_gold import gold_mentions, trim
from bench.results import write_run
from bench.timex.meantime_reader import ANNOTATION_FOLDER, meantime_files, rebuild


def _instances(doc: Any) -> dict[str, str]:
    """ENTITY m_id -> its cross-document instance id, where it has one."""
    markables = doc.root.find("Markables")
    listed = list(markables) if markables is not None else []
    return {
        m.get("m_id", ""): m.get("instance_id", "")
        for m in listed
        if m.tag == "ENTITY" and m.get("instance_id")
    }


def _corpus(files: list[Path]) -> dict[str, Any]:
    from storyline.analyze.document import analyze_document
    from storyline.analyze.nlp import load_pipeline
    from storyline.config import Config
    from storyline.model import Document, document_id
    from storyline.resolve.entities import resolve_entities

    nlp = load_pipeline(Config().spacy_model)
    gold: dict[tuple[str, int, int], str] = {}
    systems: dict[str, dict[tuple[str, int, int], str]] = {"storyline": {}, "per_article": {}}
    systems["same_string"] = {}
    counts: Counter[str] = Counter()
    found_for: list[tuple[tuple[str, int, int], Any, str]] = []
    analyses = []
    for path in files:
        doc = rebuild(path, sentences=None)
        document = Document(id=document_id(doc.text), source=path.name, text=doc.text)
        analysis = analyze_document(nlp(doc.text), document, "bench")
        analyses.append(analysis)
        instances = _instances(doc)
        system = []
        for mention in analysis.mentions:
            start, end = trim(doc.text, mention.evidence.start, mention.evidence.end)
            system.append(
                SystemMention(
                    start, end, doc.text[start:end], mention.label, mention.named, mention.entity
                )
            )
        for g in gold_mentions(doc):
            if g.type not in TYPES or not (g.named and g.innermost) or g.cluster is None:
                continue
            counts["gold"] += 1
            match = _matching(g, system)
            if match is None:
                continue
            counts["found"] += 1
            key = (path.name, g.start, g.end)
            gold[key] = instances.get(g.cluster) or f"{path.name}#{g.cluster}"
            found_for.append((key, match, path.name))
    _, remap = resolve_entities(analyses)
    for key, match, name in found_for:
        systems["storyline"][key] = remap.get(match.entity, match.entity)
        systems["per_article"][key] = f"{name}#{match.entity}"
        systems["same_string"][key] = match.text.casefold()
    scores = system_scores(gold, systems)
    return {
        "articles": len(files),
        "gold_mentions": counts["gold"],
        "found": counts["found"],
        "gold_instances": len(set(gold.values())),
        "systems": scores,
    }


def score_corpora(files: list[Path]) -> dict[str, dict[str, Any]]:
    """Each MEANTIME corpus (airbus, apple, gm) scored as one story."""
    by_corpus: dict[str, list[Path]] = {}
    for path in files:
        by_corpus.setdefault(path.parent.name.removeprefix("corpus_"), []).append(path)
    return {name: _corpus(paths) for name, paths in sorted(by_corpus.items())}


def floor_scores(files: list[Path]) -> dict[str, Any]:
    """What the CI floor holds (bench/floors/subsets.py): storyline's B3 and CoNLL F1 per
    corpus, and the share of gold mentions found (fewer found must not pass for better)."""
    results = score_corpora(files)
    scores: dict[str, Any] = {}
    for name, result in results.items():
        ours = result["systems"]["storyline"]
        scores[f"{name}_b_cubed_f1"] = ours["b_cubed"]["f1"]
        scores[f"{name}_conll_f1"] = ours["conll_f1"]
        scores[f"{name}_found_pct"] = round(100 * result["found"] / result["gold_mentions"], 2)
    return {"crossdoc": scores}


def main() -> None:
    root = DATA / ANNOTATION_FOLDER
    if not root.is_dir():
        print(f"skipped: {root} is absent (MEANTIME lives in ../shared/eval-data)")
        return
    results = score_corpora(meantime_files(DATA))
    print(json.dumps(results, indent=2))
    write_run("meantime_crossdoc.json", "bench.extract.meantime_crossdoc", corpora=results)


if __name__ == "__main__":
    main()
