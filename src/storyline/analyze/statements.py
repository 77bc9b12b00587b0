"""Dated statements in reported speech: "Herzog said on Tuesday that Israel was ready for
another pause" is a statement of Herzog's on that Tuesday, as much as a direct quote is. They
are Quote records with ``direct`` False, whose text is the reported clause (no quotation marks
of the article's), so the timeline lists them as statements with the speaker as actor.

Only statements the article dates in the reporting clause itself ("said on Tuesday", "told
reporters on Monday") are kept: an undated "officials said" is the article's own attribution,
not a moment of the story. A clause inside quotation marks is a direct quote already.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storyline.analyze.lexicon import words
from storyline.analyze.quote_marks import QuotedText
from storyline.analyze.reporting import name_source, subject_of
from storyline.analyze.syntax import MentionIndex, governing_verb
from storyline.model import Document, Mention, Quote, TimeExpression, evidence, span_id


def _clause_span(clause: Any) -> tuple[int, int]:
    """The reported clause's characters, without its "that" and closing punctuation."""
    tokens = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i)]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def extract_statements(
    sdoc: Any,
    document: Document,
    mentions: Sequence[Mention],
    times: Sequence[TimeExpression],
    quotes: Sequence[Quote],
) -> list[Quote]:
    """The dated statements in reported speech, in text order."""
    quoted = QuotedText(document.text)
    index = MentionIndex(sdoc, mentions)
    verbs = words("saying_verbs.txt")
    taken = [(q.evidence.start, q.evidence.end) for q in quotes]
    dated: dict[int, TimeExpression] = {}
    for te in times:
        if te.type != "DATE" or quoted.covers(te.evidence.start):
            continue
        span = sdoc.char_span(te.evidence.start, te.evidence.end, alignment_mode="expand")
        governor = governing_verb(span.root) if span is not None and len(span) else None
        if governor is not None:
            dated.setdefault(governor.i, te)
    out = []
    for verb_i, te in sorted(dated.items()):
        verb = sdoc[verb_i]
        if verb.lemma_.lower() not in verbs or quoted.covers(verb.idx):
            continue
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if clause is None:
            continue
        start, end = _clause_span(clause)
        text = document.text[start:end]
        if quoted.covers(start) or any('"' in c or c in "“”" for c in text):
            continue
        if any(s < end and start < e for s, e in taken):
            continue
        subject = subject_of(verb)
        source = name_source(subject, index, quoted) if subject is not None else None
        if source is None:
            continue
        out.append(
            Quote(
                id=span_id("s", document.id, start, end),
                text=text,
                speaker=source.mention.entity if source.mention else source.name,
                speaker_name=source.name,
                date=te.value,
                date_ref=te.id,
                evidence=evidence(document, start, end),
                direct=False,
            )
        )
    return out
