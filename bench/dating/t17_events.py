"""What merged events could tell Timeline17's articles with no day of their own (issue 11,
point 2): an article that reports an event another article dates by its words appeared on or
after that day, and news reports events soon after they happen.

Setting (b) of bench/dating/t17.py (leave-one-out within each topic): every other article has
its gold day, the events of all of them dated as `resolve_story` dates them. For each article
with no day of its own, its asserted events are matched with the events of the others that
their words date to a span of at most a month, by the same blocking and agreement as
resolve/event_merge.py (a pair merged when it reaches what event_match.needed asks). Printed
and written to bench/out/t17_events.json, with the leave-one-out dates and the nearest-article
anchor of the same run over the same articles:

- how many articles have such a match, and the days from the latest matched event to the gold
  publication day (how often the event is fresh news, how often background);
- rule 1: the article appeared on or after the latest event it reports (its best day moved
  there when dating put it before);
- rule 2: the best day is that of the latest matched event told in the article's lede (its
  first LEDE characters), where news tells the newest event.

    .venv/bin/python -m bench.dating.t17_events [--topic T ...]
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from bench.article_cache import Article
from bench.dating import t17_corpus
from bench.dating.nearest_article import nearest_day
from bench.dating.score import Prediction, score
from bench.dating.settings import TODAY, leave_one_out
from bench.dating.t17 import by_topic, own_date
from bench.results import write_run

LEDE = 300
KEPT = ("exact", "within_1", "within_3")
# A match: (days of the other article's event, where the article tells its own, in characters).
Match = tuple[dt.date, int]


def _events(items: Sequence[Article], undated: set[str]) -> tuple[list[Any], list[Any]]:
    """Every article's events dated with its gold day, and the undated articles' events as
    they read without it (ids marked "?")."""
    from storyline.resolve.dating import apply_dating
    from storyline.resolve.entities import resolve_entities
    from storyline.resolve.event_dates import StoryEventDater

    given = [
        a.document.model_copy(
            update={"published": a.gold.isoformat(), "published_basis": "metadata"}
        )
        for a in items
    ]
    dated = apply_dating(given, [a.analysis for a in items], (), today=TODAY, infer=False)
    by_id = {d.id: d for d in dated.documents}
    entities, remap = resolve_entities(dated.analyses)
    events = []
    for document, analysis in [(by_id[an.doc], an) for an in dated.analyses] + [
        (a.document, a.analysis) for a in items if a.document.id in undated
    ]:
        dater = StoryEventDater(document, analysis.times)
        marked = "?" if document.published_basis != "metadata" else ""
        for ev in analysis.events:
            roles = {r: getattr(ev, r) for r in ("source_actor", "target_actor", "location")}
            update = {r: remap.get(v or "", v) for r, v in roles.items()}
            events.append(
                ev.model_copy(update={"id": marked + ev.id, **update, **dater.date_fields(ev)})
            )
    return events, [dated.analyses, remap, entities]


def topic_matches(items: Sequence[Article]) -> dict[str, list[Match]]:
    """For each article with no day of its own, the events of the others it matches."""
    from storyline.resolve.event_match import needed
    from storyline.resolve.event_merge import agreeing_pairs, make_reports

    undated = {a.document.id for a in items if own_date(a) == "no day of its own"}
    events, (analyses, remap, entities) = _events(items, undated)
    # An undated copy's sentence names the same entities as its dated twin.
    for_names = [e.model_copy(update={"id": e.id.lstrip("?")}) for e in events]
    reports = make_reports(for_names, analyses, remap)
    reports = [replace(r, event=e) for r, e in zip(reports, events, strict=True)]
    found: dict[str, list[Match]] = defaultdict(list)
    for (i, j), agreement in agreeing_pairs(reports, entities).items():
        a, b = reports[i], reports[j]
        asked, told = (a, b) if a.event.id.startswith("?") else (b, a)
        if told.event.id.startswith("?") or not asked.event.id.startswith("?"):
            continue
        if told.firm and told.last is not None and agreement >= needed(asked, told):
            found[asked.doc].append((told.last, asked.event.mentions[0].start))
    return found


def _moved(p: Prediction, day: dt.date) -> Prediction:
    return Prediction(p.gold, p.earliest, p.latest, day.isoformat())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--topic", action="append", help="only this topic (repeatable)")
    args = parser.parse_args(argv)
    if not t17_corpus.available():
        print(f"skipped: {t17_corpus.DATA} is absent (Timeline17 lives in ../shared/eval-data)")
        return 0
    articles = t17_corpus.articles(args.topic)
    dates = by_topic(articles, leave_one_out)
    anchor = by_topic(articles, nearest_day)
    matches: dict[str, list[Match]] = {}
    by_split: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        by_split[a.split].append(a)
    for items in by_split.values():
        matches.update(topic_matches(items))
    rows = [
        (a, p, q, matches.get(a.document.id, []))
        for a, p, q in zip(articles, dates, anchor, strict=True)
        if own_date(a) == "no day of its own" and p is not None and q is not None
    ]
    lags: Counter[int] = Counter()
    rule1, rule2 = [], []
    for a, p, _, found in rows:
        latest = max((day for day, _ in found), default=None)
        lede = max((day for day, at in found if at < LEDE), default=None)
        if latest is not None:
            lags[max(-5, min((a.gold - latest).days, 10))] += 1
        best = p.best_day
        moved = latest is not None and (best is None or best < latest)
        rule1.append(_moved(p, latest) if moved and latest is not None else p)
        rule2.append(_moved(p, lede) if lede is not None else p)
    matched = [i for i, row in enumerate(rows) if row[3]]
    result: dict[str, Any] = {
        "no_day_articles": len(rows),
        "with_a_matched_event": len(matched),
        "gold_minus_latest_event_days": {str(k): v for k, v in sorted(lags.items())},
    }
    systems = {
        "leave_one_out": [r[1] for r in rows],
        "anchor_nearest_day": [r[2] for r in rows],
        "rule1_on_or_after_latest_event": rule1,
        "rule2_lede_event_day": rule2,
    }
    for name, predictions in systems.items():
        overall = score(predictions, today=TODAY)
        subset = score([predictions[i] for i in matched], today=TODAY) if matched else {}
        result[name] = {
            "all": {k: overall[k] for k in KEPT},
            "matched": {k: subset.get(k) for k in KEPT},
        }
        print(f"{name:32} all {result[name]['all']}  matched {result[name]['matched']}")
    print({k: result[k] for k in list(result)[:3]})
    write_run("t17_events.json", "bench.dating.t17_events", topics=args.topic, **result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
