"""Entity mentions and within-document coreference against MEANTIME English (90 Wikinews
articles: airbus, apple, gm), a corpus the entity rules were not written on.

Text and gold: the six sentences per article that MEANTIME annotated in full (headline, date
line and four more; bench/timex/meantime_reader.py): past them only the mentions of entities
linked across documents are marked, so precision could not be measured there. A gold mention is
an ENTITY_MENTION with its tokens, typed by the ENTITY its REFERS_TO links it to (PER, ORG, LOC,
PRO, FIN, MIX).

Mentions (named): gold mentions whose syntactic type is NAM or PRE.NAM (a name, or a name
modifying a noun: "US" in "US automaker") of type PER, ORG or LOC, the innermost ones only
("Paul Nesbit", not "JSA Research defence analysist Paul Nesbit", which MEANTIME also marks
NAM). Products and financial entities (PRO, FIN) have no storyline label, and a name marked
around another name is not what a named-entity tagger finds: system mentions matching those
(or an untyped gold name) count neither way, and so do system mentions inside a product or
financial mention ("Airbus" in "Airbus A330-200 passenger airliner", where MEANTIME does not
mark the maker's name). System mentions: storyline's named mentions labelled PERSON, ORG, GPE,
LOC, FAC or NORP (MEANTIME marks a nationality adjective as a mention of its country: "German"
in "German airline Lufthansa" is LOC). Strict: the same span once a leading "the" and a
trailing possessive are set aside, or the name a MEANTIME mention ends with after its
descriptor (MEANTIME extends a name over the title or description before it: "Chief executive
Thomas Enders", "President Vladimir Putin"; the descriptor ends in a lower-case word or a title
of analyze/data/titles.txt); overlap: any shared character. One system mention per gold
mention. Typed: PERSON=PER, ORG=ORG, GPE/LOC/FAC/NORP=LOC.

Coreference: gold mentions of PER, ORG and LOC entities (conjunctions, partitives and the
like left out), matched to a storyline mention (named, or a role phrase storyline links to a
person) with the same span or, failing that, one ending where the gold mention ends inside it
(its head: "Paul Nesbit" for "JSA Research defence analysist Paul Nesbit"). Over the gold
mentions matched, MUC and B³ of storyline's entities (after resolve_entities, as a corpus of
one document) against the gold clusters; "named" keeps the innermost named gold mentions,
"all" every type (nominal, pronoun, apposition). Scores over matched mentions only: they say
how well what was found is grouped, not how much was found (that is the found count).

Run in-process with the functions `storyline analyze` runs per document (analyze_document,
then resolve_entities over that one analysis) on a Document built from the rebuilt text. On the
same text they give the command's entities (ids and mention spans; checked on 10 documents
through JSON Lines `{id, text, published}`), but the command's ingest takes the headline off as
the document's title, and MEANTIME annotates headlines; in-process also gives each mention's
spaCy label, which the JSON output does not carry.
Per corpus too: the rules' errors were read on airbus only; apple and gm are held out.

    .venv/bin/python -m bench.extract.meantime_entities [--limit N] [--errors K]
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from bench.extract.coref_score import b_cubed, muc
from bench.extract.meantime_entity_gold import GoldMention, gold_mentions, trim
from bench.results import EVAL_DATA, write_run
from bench.timex.meantime_reader import as_document, meantime_files, rebuild

DATA = EVAL_DATA / "meantime-en"
TYPES = ("PER", "ORG", "LOC")
# Groups of mentions rather than mentions of one entity.
_NOT_ONE_ENTITY = frozenset({"CONJ", "PTV", "HLS", "ARC"})
_OTHER_TYPES = frozenset({"PRO", "FIN", "MIX"})
SYSTEM_TYPES = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "LOC",
}


@dataclass(frozen=True)
class SystemMention:
    start: int
    end: int
    text: str
    label: str
    named: bool
    entity: str  # the resolved entity's id


def system_mentions(sdoc: Any, document: Any) -> list[SystemMention]:
    from storyline.analyze.document import analyze_document
    from storyline.resolve.entities import resolve_entities

    analysis = analyze_document(sdoc, document, "bench")
    _, remap = resolve_entities([analysis])
    out = []
    for m in analysis.mentions:
        start, end = trim(document.text, m.evidence.start, m.evidence.end)
        out.append(
            SystemMention(
                start,
                end,
                document.text[start:end],
                m.label,
                getattr(m, "named", True),
                remap.get(m.entity, m.entity),
            )
        )
    return out


@dataclass
class Tally:
    """Counts of one document or many."""

    counts: Counter[str]
    gold_clusters: dict[tuple[str, int, int], str]
    system_clusters: dict[tuple[str, int, int], str]
    errors: list[str]

    @classmethod
    def empty(cls) -> Tally:
        return cls(Counter(), {}, {}, [])

    def add(self, other: Tally) -> None:
        self.counts.update(other.counts)
        self.gold_clusters.update(other.gold_clusters)
        self.system_clusters.update(other.system_clusters)
        self.errors.extend(other.errors)


def _overlaps(a: GoldMention | SystemMention, b: GoldMention | SystemMention) -> bool:
    return a.start < b.end and b.start < a.end


@cache
def _titles() -> frozenset[str]:
    from storyline.analyze.lexicon import words

    return frozenset(words("titles.txt"))


def _strict(gold: GoldMention, system: SystemMention) -> bool:
    """The same span, or the name ``gold`` ends with after a descriptor (module docstring)."""
    if (gold.start, gold.end) == (system.start, system.end):
        return True
    if system.end != gold.end or not gold.start < system.start:
        return False
    descriptor = gold.text[: system.start - gold.start].split()
    if not descriptor:  # a name cut inside a word
        return False
    last = descriptor[-1].strip(".,").lower()
    return descriptor[-1].islower() or last in _titles()


def _inside(system: SystemMention, gold: GoldMention) -> bool:
    return gold.start <= system.start and system.end <= gold.end


def score_mentions(golds: Sequence[GoldMention], system: Sequence[SystemMention]) -> Counter[str]:
    """Strict and overlap matches of named mentions, typed and untyped (module docstring)."""
    counts: Counter[str] = Counter()
    scored = [g for g in golds if g.named and g.innermost and g.type in TYPES]
    ignored = [g for g in golds if g not in scored and (g.named or g.type in _OTHER_TYPES)]
    found = [s for s in system if s.named and s.label in SYSTEM_TYPES]
    for g in scored:
        counts["gold"] += 1
        counts[f"gold {g.type}"] += 1
    for mode in ("strict", "overlap"):
        same = _strict if mode == "strict" else _overlaps
        within = _inside if mode == "strict" else _overlaps
        free = list(scored)
        for s in found:
            match = next((g for g in free if same(g, s)), None)
            if match is None:
                if not any(within(s, g) for g in ignored):
                    counts[f"{mode} system"] += 1
                    counts[f"{mode} system {SYSTEM_TYPES[s.label]}"] += 1
                    counts[f"{mode} fp"] += 1
                continue
            free.remove(match)
            typed = SYSTEM_TYPES[s.label] == match.type
            counts[f"{mode} system"] += 1
            counts[f"{mode} system {SYSTEM_TYPES[s.label]}"] += 1
            counts[f"{mode} tp"] += 1
            counts[f"{mode} typed tp"] += typed
            counts[f"{mode} typed tp {match.type}"] += typed
    return counts


def _matching(gold: GoldMention, system: Sequence[SystemMention]) -> SystemMention | None:
    exact = [s for s in system if (s.start, s.end) == (gold.start, gold.end)]
    if exact:
        return exact[0]
    heads = [s for s in system if s.end == gold.end and gold.start <= s.start]
    return min(heads, key=lambda s: s.start) if heads else None


def score_document(
    name: str, golds: Sequence[GoldMention], system: Sequence[SystemMention]
) -> Tally:
    tally = Tally(score_mentions(golds, system), {}, {}, [])
    for g in golds:
        if g.type not in TYPES or g.cluster is None or g.syntax in _NOT_ONE_ENTITY:
            continue
        variants = ["all"] + (["named"] if g.named and g.innermost else [])
        match = _matching(g, system)
        for variant in variants:
            tally.counts[f"coref {variant} gold"] += 1
            if match is None:
                continue
            tally.counts[f"coref {variant} found"] += 1
            key = (f"{variant}:{name}", g.start, g.end)
            tally.gold_clusters[key] = f"{name}#{g.cluster}"
            tally.system_clusters[key] = f"{name}#{match.entity}"
    tally.errors.extend(_detection_errors(name, golds, system))
    return tally


def _detection_errors(
    name: str, golds: Sequence[GoldMention], system: Sequence[SystemMention]
) -> list[str]:
    out = []
    scored = [g for g in golds if g.named and g.innermost and g.type in TYPES]
    found = [s for s in system if s.named and s.label in SYSTEM_TYPES]
    for g in scored:
        hit = next((s for s in found if _strict(g, s)), None)
        if hit is None:
            near = [s.text for s in found if _overlaps(s, g)]
            out.append(f"{name} missed {g.type} {g.text!r} (overlapping: {near})")
        elif SYSTEM_TYPES[hit.label] != g.type:
            out.append(f"{name} typed {g.text!r} {hit.label}, gold {g.type}")
    ignored = [g for g in golds if g not in scored and (g.named or g.type in _OTHER_TYPES)]
    for s in found:
        if not any(_strict(g, s) for g in scored) and not any(_inside(s, g) for g in ignored):
            out.append(f"{name} spurious {s.label} {s.text!r}")
    return out


def _prf(tp: int, system: int, gold: int) -> dict[str, float]:
    p = tp / system if system else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(100 * p, 2), "recall": round(100 * r, 2), "f1": round(100 * f, 2)}


def summary(tally: Tally) -> dict[str, Any]:
    c = tally.counts
    mentions: dict[str, Any] = {"gold": c["gold"]}
    for mode in ("strict", "overlap"):
        mentions[mode] = _prf(c[f"{mode} tp"], c[f"{mode} system"], c["gold"])
        mentions[f"{mode}_typed"] = _prf(c[f"{mode} typed tp"], c[f"{mode} system"], c["gold"])
    mentions["strict_by_type"] = {
        t: _prf(c[f"strict typed tp {t}"], c[f"strict system {t}"], c[f"gold {t}"]) for t in TYPES
    }
    coref: dict[str, Any] = {}
    for variant in ("named", "all"):
        keys = [k for k in tally.gold_clusters if k[0].startswith(f"{variant}:")]
        gold = {k: tally.gold_clusters[k] for k in keys}
        system = {k: tally.system_clusters[k] for k in keys}
        m, b = muc(gold, system), b_cubed(gold, system)
        coref[variant] = {
            "gold_mentions": c[f"coref {variant} gold"],
            "found": c[f"coref {variant} found"],
            "gold_entities": len(set(gold.values())),
            "muc": m.as_dict(),
            "b_cubed": b.as_dict(),
            "muc_b_cubed_f1": round(50 * (m.f1 + b.f1), 2),
        }
    return {"mentions": mentions, "coreference": coref}


def score_files(files: Iterable[Path]) -> dict[str, Tally]:
    """Each corpus's tally (airbus, apple, gm), from a fresh parse of each file."""
    from storyline.analyze.nlp import load_pipeline
    from storyline.config import Config

    nlp = load_pipeline(Config().spacy_model)
    tallies: dict[str, Tally] = {}
    for path in files:
        doc = rebuild(path)
        document = as_document(path, doc)
        system = system_mentions(nlp(doc.text), document)
        corpus = path.parent.name.removeprefix("corpus_")
        name = f"{corpus}/{path.name[:40]}"
        tallies.setdefault(corpus, Tally.empty()).add(
            score_document(name, gold_mentions(doc), system)
        )
    return tallies


def overall(tallies: dict[str, Tally]) -> Tally:
    total = Tally.empty()
    for tally in tallies.values():
        total.add(tally)
    return total


def floor_scores(files: list[Path]) -> dict[str, Any]:
    """What the floor holds (bench/floors/subsets.py): F1s over all 90 documents."""
    result = summary(overall(score_files(files)))
    mentions, coref = result["mentions"], result["coreference"]
    return {
        "mentions": {
            "strict_f1": mentions["strict"]["f1"],
            "overlap_f1": mentions["overlap"]["f1"],
            "strict_typed_f1": mentions["strict_typed"]["f1"],
        },
        "coreference": {
            "named_b_cubed_f1": coref["named"]["b_cubed"]["f1"],
            "all_b_cubed_f1": coref["all"]["b_cubed"]["f1"],
            # B³ is over the mentions found: finding fewer must not pass for grouping better.
            "all_found_pct": round(100 * coref["all"]["found"] / coref["all"]["gold_mentions"], 2),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--errors", type=int, default=0, help="print this many errors")
    parser.add_argument("--corpus", default="airbus", help="whose errors to print")
    parser.add_argument("--out", default="meantime_entities.json")
    args = parser.parse_args()
    if not DATA.is_dir():
        raise SystemExit(f"{DATA} is not present")
    files = meantime_files(DATA)[: args.limit]
    tallies = score_files(files)
    result = {"all": summary(overall(tallies))}
    result.update({corpus: summary(t) for corpus, t in tallies.items()})
    held_out = overall({c: t for c, t in tallies.items() if c != "airbus"})
    result["held_out (apple+gm)"] = summary(held_out)
    for line in tallies.get(args.corpus, Tally.empty()).errors[: args.errors]:
        print("  ", line)
    for part, scores in result.items():
        m, c = scores["mentions"], scores["coreference"]
        print(
            f"{part}: mentions strict F1 {m['strict']['f1']} (P {m['strict']['precision']}, "
            f"R {m['strict']['recall']}), overlap F1 {m['overlap']['f1']}, typed strict F1 "
            f"{m['strict_typed']['f1']}; coref named B3 {c['named']['b_cubed']['f1']} MUC "
            f"{c['named']['muc']['f1']} (found {c['named']['found']}/"
            f"{c['named']['gold_mentions']}), all B3 {c['all']['b_cubed']['f1']} MUC "
            f"{c['all']['muc']['f1']} (found {c['all']['found']}/{c['all']['gold_mentions']})"
        )
    print(write_run(args.out, "meantime_entities", documents=len(files), **result))


if __name__ == "__main__":
    main()
