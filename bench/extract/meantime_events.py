"""Event dates against MEANTIME English (90 Wikinews articles: airbus, apple, gm), where
annotators anchored events to time expressions (TLINK). A corpus the event-dating rules were
never written on (they were written on the seeds): every document is held out.

Gold: each event mention in the annotated sentences (0-5, bench/timex/meantime_reader.py)
with a TLINK to a time expression whose value is a calendar date (the DCT included):
- on that date: the event IS_INCLUDED in it or SIMULTANEOUS with it (or the time INCLUDES it);
  of several, the one that is not the DCT and then the most precise;
- else on or before it: the event is BEFORE it or ENDED_BY it (or the time is AFTER it);
  of several, the one that is not the DCT.
Events only after a time (AFTER, BEGUN_BY) are scored against storyline's lower bound
(date_earliest with no date: an event told as yet to come).

System: each article analysed with its DCT as its publication date and resolved as a corpus of
one. A gold event is found when a storyline event's trigger is its first token (or a storyline
event of its sentence names its word). Its date is right when it has the gold's form and value
at the gold's granularity: "on" and the same date cut to the gold's precision, "on or before"
(date_latest with no date_earliest, or a publication date) and the same bound. "consistent"
also counts a more precise answer within the gold ("on" a day on or before an "on or before"
bound).

With --every-verb, every gold event the parser makes a verb is dated by the same rules as if it
were a trigger: the dating measured apart from the trigger lexicon (PLOVER's political events,
of which these business articles hold few).

    .venv/bin/python -m bench.extract.meantime_events [--every-verb] [--limit N] [--errors K]
"""

from __future__ import annotations

import argparse
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.results import EVAL_DATA, write_run
from bench.timex.meantime_reader import Rebuilt, as_document, meantime_files, rebuild

DATA = EVAL_DATA / "meantime-en"
_ON = {("e", "IS_INCLUDED"), ("e", "SIMULTANEOUS"), ("t", "INCLUDES"), ("t", "SIMULTANEOUS")}
_BY = {("e", "BEFORE"), ("e", "ENDED_BY"), ("t", "AFTER")}
_AFTER = {("e", "AFTER"), ("e", "BEGUN_BY"), ("t", "BEFORE")}


@dataclass(frozen=True)
class GoldEvent:
    start: int
    end: int
    word: str
    relation: str  # "on", "by" or "after"
    date: str
    from_dct: bool


def _calendar(value: str | None) -> str | None:
    from storyline.timex.days import calendar_date

    found = calendar_date(value)
    return found if found is not None and found == (value or "")[: len(found)] else None


def gold_events(doc: Rebuilt) -> list[GoldEvent]:
    listed = doc.root.find("Markables")
    markables = {m.get("m_id", ""): m for m in (listed if listed is not None else [])}
    dct_id = doc.creation.get("m_id") if doc.creation is not None else None
    links: dict[str, list[tuple[str, str, str]]] = {}
    for tlink in doc.root.iter("TLINK"):
        source = tlink.find("source")
        target = tlink.find("target")
        if source is None or target is None:
            continue
        s, t = markables.get(source.get("m_id", "")), markables.get(target.get("m_id", ""))
        if s is None or t is None:
            continue
        reltype = tlink.get("reltype", "")
        if s.tag == "EVENT_MENTION" and t.tag == "TIMEX3":
            links.setdefault(s.get("m_id", ""), []).append(("e", reltype, t.get("m_id", "")))
        elif s.tag == "TIMEX3" and t.tag == "EVENT_MENTION":
            links.setdefault(t.get("m_id", ""), []).append(("t", reltype, s.get("m_id", "")))
    out = []
    for event_id, found in links.items():
        event = markables[event_id]
        anchors = [a.get("t_id", "") for a in event.iter("token_anchor")]
        if not anchors or any(a not in doc.spans for a in anchors):
            continue
        chosen = _choose(found, markables, dct_id, doc.dct)
        if chosen is None:
            continue
        relation, date, from_dct = chosen
        start, end = doc.spans[anchors[0]]
        out.append(GoldEvent(start, end, doc.text[start:end], relation, date, from_dct))
    return sorted(out, key=lambda g: g.start)


def _choose(
    links: list[tuple[str, str, str]],
    markables: dict[str, ET.Element],
    dct_id: str | None,
    dct: str | None,
) -> tuple[str, str, bool] | None:
    """The gold relation and date of an event from its links to time expressions."""
    for relation, kinds in (("on", _ON), ("by", _BY), ("after", _AFTER)):
        dated = []
        for side, reltype, timex_id in links:
            if (side, reltype) not in kinds:
                continue
            is_dct = timex_id == dct_id
            value = dct if is_dct else _calendar(markables[timex_id].get("value"))
            if value is not None:
                dated.append((is_dct, -len(value), value))
        if dated:
            is_dct, _, value = min(dated)
            return relation, value, is_dct
    return None


def answer(event: Any) -> tuple[str, str | None]:
    """A storyline event's date as (relation, date)."""
    if event.date_latest is not None and event.date_earliest is None:
        return "by", event.date or event.date_latest
    if event.date_earliest is not None and event.date_latest is None and event.date is None:
        return "after", event.date_earliest
    if event.date_basis == "publication":
        return "by", event.date
    return "on", event.date


def judge(gold: GoldEvent, got: tuple[str, str | None]) -> tuple[bool, bool]:
    """(right at the gold's granularity, consistent with the gold)."""
    relation, date = got
    if date is None:
        return False, False
    if relation == gold.relation:
        if relation == "on":
            right = date[: len(gold.date)] == gold.date
            return right, right
        if relation == "after":
            return date == gold.date, date >= gold.date
        return date == gold.date, date <= gold.date or date.startswith(gold.date)
    if gold.relation == "by" and relation == "on":
        return False, date[: len(gold.date)] <= gold.date
    if gold.relation == "on" and relation == "by":  # true, but vaguer
        return False, gold.date <= date[: len(gold.date)]
    return False, False


def _match(gold: GoldEvent, doc_id: str, events: list[Any]) -> Any:
    from storyline.model import span_id

    exact = span_id("v", doc_id, gold.start, gold.end)
    for event in events:
        if event.id == exact:
            return event
    for event in events:
        sentence = event.mentions[0]
        named = gold.word.lower() in event.summary.lower()
        if sentence.start <= gold.start < sentence.end and named:
            return event
    return None


def _dated_verbs(sdoc: Any, document: Any, analysis: Any, golds: list[GoldEvent]) -> list[Any]:
    """Every gold event whose first token the parser makes a verb, dated by storyline's rules
    as if it were a trigger (the other gold verbs being the other events): the rules measured
    apart from which verbs the trigger lexicon knows."""
    from storyline.analyze.event_dates import EventDater
    from storyline.analyze.event_mode import event_mode
    from storyline.analyze.event_triggers import Trigger
    from storyline.analyze.quote_marks import QuotedText
    from storyline.model import Event, evidence, span_id
    from storyline.resolve.event_dates import StoryEventDater

    quoted = QuotedText(document.text)
    dater = EventDater(sdoc, analysis.times, quoted)
    story_dater = StoryEventDater(document, analysis.times)
    tokens = [sdoc.char_span(g.start, g.end, alignment_mode="expand") for g in golds]
    verbs = [span[0] for span in tokens if span is not None and span[0].pos_ in ("VERB", "AUX")]
    others = {v.i for v in verbs}
    out = []
    for verb in verbs:
        if quoted.covers(verb.idx):
            continue
        date = dater.date(Trigger(token=verb, type="CONSULT"), verb.sent, others - {verb.i})
        sentence = verb.sent
        event = Event(
            id=span_id("v", document.id, verb.idx, verb.idx + len(verb.text)),
            type="CONSULT",
            mode=event_mode(verb),
            summary=verb.text,
            date=date.expression.value if date else None,
            date_evidence=date.expression.evidence if date else None,
            date_ref=date.expression.id if date else None,
            date_latest=date.expression.value if date and date.by else None,
            documents=[document.id],
            mentions=[evidence(document, sentence.start_char, sentence.end_char)],
        )
        out.append(event.model_copy(update=story_dater.date_fields(event)))
    return out


def run(limit: int | None, errors: int, every_verb: bool = False) -> dict[str, Any]:
    return score_files(meantime_files(DATA)[:limit], every_verb, errors)


def floor_scores(files: list[Path]) -> dict[str, Any]:
    """What the floor holds (bench/floors/subsets.py): every gold verb dated, in percent."""
    result = score_files(files, every_verb=True, errors=0)
    return {
        "every_verb": {
            "date_right": round(100 * result["date_right"], 2),
            "date_consistent": round(100 * result["date_consistent"], 2),
        }
    }


def score_files(files: list[Path], every_verb: bool, errors: int) -> dict[str, Any]:
    from storyline.analyze.document import analyze_document
    from storyline.analyze.nlp import load_pipeline
    from storyline.config import Config
    from storyline.resolve.corpus import resolve_story

    nlp = load_pipeline(Config().spacy_model)
    counts: Counter[str] = Counter()
    misses: list[str] = []
    for path in files:
        doc = rebuild(path)
        golds = gold_events(doc)
        document = as_document(path, doc)
        sdoc = nlp(doc.text)
        analysis = analyze_document(sdoc, document, "bench")
        if every_verb:
            events = _dated_verbs(sdoc, document, analysis, golds)
        else:
            events = resolve_story([document], [analysis], infer_dates=False).events
        for gold in golds:
            counts[f"gold {gold.relation}"] += 1
            event = _match(gold, document.id, events)
            if event is None:
                continue
            counts[f"found {gold.relation}"] += 1
            got = answer(event)
            right, consistent = judge(gold, got)
            counts[f"right {gold.relation}"] += right
            counts[f"consistent {gold.relation}"] += consistent
            if not right:
                words = event.date_evidence.text if event.date_evidence else "-"
                misses.append(
                    f"{path.name[:40]} {gold.word!r}: gold {gold.relation} {gold.date}"
                    f"{' (DCT)' if gold.from_dct else ''}, got {got[0]} {got[1]} "
                    f"({event.date_basis}, {words})"
                )
    return _summary(counts, misses[:errors], len(files))


def _rate(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _summary(counts: Counter[str], misses: list[str], documents: int) -> dict[str, Any]:
    scored = ("on", "by")
    gold = sum(counts[f"gold {r}"] for r in scored)
    found = sum(counts[f"found {r}"] for r in scored)
    right = sum(counts[f"right {r}"] for r in scored)
    consistent = sum(counts[f"consistent {r}"] for r in scored)
    return {
        "documents": documents,
        "gold_events": gold,
        "found": found,
        "found_rate": _rate(found, gold),
        "date_right": _rate(right, found),
        "date_consistent": _rate(consistent, found),
        # Events only after a time, scored apart (the two rates above predate their scoring).
        "after_right": _rate(counts["right after"], counts["found after"]),
        "by_relation": {
            r: {
                "gold": counts[f"gold {r}"],
                "found": counts[f"found {r}"],
                "right": counts[f"right {r}"],
                "consistent": counts[f"consistent {r}"],
            }
            for r in (*scored, "after")
        },
        "errors": misses,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--errors", type=int, default=30)
    parser.add_argument(
        "--every-verb",
        action="store_true",
        help="date every gold event the parser makes a verb, not only storyline's triggers",
    )
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    if not DATA.is_dir():
        raise SystemExit(f"{DATA} is not present")
    result = run(args.limit, args.errors, args.every_verb)
    out = args.out or f"meantime_events{'_every_verb' if args.every_verb else ''}.json"
    for line in result["errors"]:
        print("  ", line)
    shown = {k: v for k, v in result.items() if k != "errors"}
    print(shown)
    print(write_run(out, "meantime_events", every_verb=args.every_verb, **result))


if __name__ == "__main__":
    main()
