"""Direct quotes and who said them.

An interrupted quote (“A,” he said, “B.”) is one quote: its evidence runs from the first
quoted word to the last, its text is the quoted parts joined. The speaker is the subject of
the reporting verb next to the quote (data/reporting_verbs.txt), or of "according to X";
failing that, the speaker of the quote just before (a quote continued after "he said."), a
"X said:" in the sentence before, or a "X said" opening the sentence after. "he"/"she"
resolve to the nearest preceding PERSON mention outside quotes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice
from typing import Any

from storyline.analyze.quote_marks import QuotedSpan, QuotedText, find_quoted_spans
from storyline.analyze.reporting import (
    Source,
    name_source,
    names_someone,
    phrase_source,
    reporting_verbs,
    subject_of,
)
from storyline.analyze.sentences import SentenceIndex
from storyline.analyze.syntax import MentionIndex, Token, compact_phrase, governing_verb
from storyline.model import Document, Evidence, Mention, Quote, TimeExpression, evidence, span_id

# Quotes shorter than this many words are kept only when a speaker is found: a lone quoted
# word without one is a scare quote, not a statement.
MIN_WORDS_WITHOUT_SPEAKER = 3
# The reporting clause inside an interrupted quote is short: "he said", "the minister added".
MAX_INTERRUPTION_WORDS = 10

_INTERRUPTION_END = re.compile(r"[,:—–]\s*$")


class _Context:
    def __init__(self, sdoc: Any, document: Document, mentions: Sequence[Mention]) -> None:
        self.sdoc = sdoc
        self.text = document.text
        self.index = MentionIndex(sdoc, mentions)
        self.sentences = SentenceIndex(sdoc)
        self.verbs = reporting_verbs()
        self.spans: list[QuotedSpan] = []
        self.quoted = QuotedText.empty()

    def inside_quote(self, offset: int) -> bool:
        return self.quoted.covers(offset)

    def tokens(self, start: int, end: int) -> list[Token]:
        span = self.sdoc.char_span(start, end, alignment_mode="expand")
        return list(span) if span is not None else []

    def is_reporting(self, tok: Token) -> bool:
        return tok.pos_ == "VERB" and tok.lemma_.lower() in self.verbs

    def speaker_of(self, tok: Token) -> Source | None:
        """The speaker named by a reporting verb or an "according to" phrase at ``tok``."""
        subject = phrase_source(tok)
        if subject is None and self.is_reporting(tok):
            subject = subject_of(tok)
        if subject is None or self.inside_quote(subject.idx):
            return None
        found = name_source(subject, self.index, self.quoted)
        return found if found is not None and names_someone(found) else None


def _joinable(text: str, first: QuotedSpan, second: QuotedSpan) -> bool:
    """Whether the text between two quoted spans reads as an interruption of one quote:
    short, on one line, after a comma (“A,” or “A”,) and ending in a comma, colon or dash."""
    gap = text[first.outer_end : second.open]
    if "\n" in gap or len(gap.split()) > MAX_INTERRUPTION_WORDS or not gap.strip():
        return False
    first_words = text[first.start : first.end].rstrip()
    comma_before = first_words.endswith(",") or gap.lstrip().startswith(",")
    return comma_before and _INTERRUPTION_END.search(gap) is not None


def _group_interrupted(ctx: _Context) -> list[tuple[list[QuotedSpan], Token | None]]:
    """Quoted spans grouped into quotes, each with the reporting verb of its interruption."""
    groups: list[tuple[list[QuotedSpan], Token | None]] = []
    for span in ctx.spans:
        if groups and groups[-1][0][-1].close is not None:
            last = groups[-1][0][-1]
            if _joinable(ctx.text, last, span):
                gap_tokens = ctx.tokens(last.outer_end, span.open)
                verb = next((t for t in gap_tokens if ctx.is_reporting(t)), None)
                if verb is not None:
                    groups[-1][0].append(span)
                    if groups[-1][1] is None:
                        groups[-1] = (groups[-1][0], verb)
                    continue
        groups.append(([span], None))
    return groups


def _attached_verb(ctx: _Context, quote_tokens: list[Token], start: int, end: int) -> Token | None:
    """A reporting verb the quote hangs from in the parse (“...,” the premier told AFP)."""
    for tok in quote_tokens:
        head = tok.head
        if start <= head.idx < end:
            continue
        for cand in [head, *islice(head.ancestors, 2)]:
            if not (start <= cand.idx < end) and ctx.is_reporting(cand):
                return cand
    return None


def _reporting_verb(ctx: _Context, group: list[QuotedSpan]) -> Token | None:
    """The reporting verb the quote hangs on ("...," she told reporters), speaker or not."""
    first, last = group[0], group[-1]
    return _attached_verb(ctx, ctx.tokens(first.start, last.end), first.open, last.outer_end)


def _nearby_speaker(ctx: _Context, group: list[QuotedSpan]) -> tuple[Source | None, Token | None]:
    first, last = group[0], group[-1]
    quote_tokens = ctx.tokens(first.start, last.end)
    verb = _attached_verb(ctx, quote_tokens, first.open, last.outer_end)
    if verb is not None:
        found = ctx.speaker_of(verb)
        if found is not None:
            return found, verb
    # Otherwise the nearest reporting verb or "according to" outside quotes in the sentences
    # the quote begins and ends in.
    k_first = ctx.sentences.position(first.open)
    k_last = ctx.sentences.position(max(last.outer_end - 1, first.open))
    candidates: list[tuple[int, Token]] = []
    for k in range(k_first, k_last + 1):
        for tok in ctx.sentences.spans[k]:
            if ctx.inside_quote(tok.idx):
                continue
            if ctx.is_reporting(tok) or tok.lower_ in ("according", "per"):
                distance = (
                    tok.idx - last.outer_end if tok.idx >= last.outer_end else first.open - tok.idx
                )
                candidates.append((distance, tok))
    for _, tok in sorted(candidates, key=lambda c: c[0]):
        found = ctx.speaker_of(tok)
        if found is not None:
            return found, tok
    return None, None


def _neighbour_speaker(ctx: _Context, group: list[QuotedSpan]) -> Source | None:
    """A "X said:" ending the sentence before, or a "X said" opening the sentence after."""
    first, last = group[0], group[-1]
    before = ctx.sentences.get(ctx.sentences.position(first.open) - 1)
    if before is not None and before.text.rstrip().endswith(":"):
        for tok in reversed(list(before)):
            if ctx.is_reporting(tok) and not ctx.inside_quote(tok.idx):
                found = ctx.speaker_of(tok)
                if found is not None:
                    return found
    after = ctx.sentences.get(ctx.sentences.position(max(last.outer_end - 1, 0)) + 1)
    if after is not None:
        for tok in list(after)[:6]:
            if ctx.inside_quote(tok.idx):
                break
            if ctx.is_reporting(tok):
                return ctx.speaker_of(tok)
    return None


def _continues(ctx: _Context, prev: QuotedSpan, span: QuotedSpan) -> bool:
    """Whether ``span`` goes on with the quote before it: a new paragraph re-opening the
    quote, or the next sentence after “…,” he said."""
    gap = ctx.text[prev.outer_end : span.open]
    if not gap.strip():
        return True
    if "\n" in gap:
        return False
    here = ctx.sentences.position(span.open)
    return ctx.sentences.position(max(prev.outer_end - 1, 0)) >= here - 1


def _statement_date(
    ctx: _Context, verb: Token | None, dates: list[tuple[Token, TimeExpression]]
) -> TimeExpression | None:
    """The date of the reporting clause ("said on Tuesday"), never one inside the quote."""
    if verb is None:
        return None
    for root, te in dates:
        if not ctx.inside_quote(root.idx) and governing_verb(root) == verb:
            return te
    return None


def _speaker_evidence(document: Document, source: Source) -> Evidence:
    """Where the speaker is named at the quote: the pronoun itself ("he"), else the noun
    phrase of the speaker's head word ("Foreign Minister Maria Lindqvist")."""
    tok = source.token
    phrase = [tok] if tok.pos_ == "PRON" else compact_phrase(tok, with_of=True)
    start = min(t.idx for t in phrase)
    end = max(t.idx + len(t.text) for t in phrase)
    return evidence(document, start, end)


def extract_quotes(
    sdoc: Any,
    document: Document,
    mentions: list[Mention],
    times: Sequence[TimeExpression] = (),
) -> list[Quote]:
    """Direct quotes with their speakers, in text order. ``times`` (optional) lets a quote
    carry the date of its reporting clause."""
    ctx = _Context(sdoc, document, mentions)
    ctx.spans = find_quoted_spans(document.text)
    ctx.quoted = QuotedText(document.text, ctx.spans)
    dates: list[tuple[Token, TimeExpression]] = []
    for te in times:
        if te.type == "DATE" and te.value:
            span = sdoc.char_span(te.evidence.start, te.evidence.end, alignment_mode="expand")
            if span is not None:
                dates.append((span.root, te))

    quotes: list[Quote] = []
    previous: tuple[QuotedSpan, Source | None] | None = None
    for group, gap_verb in _group_interrupted(ctx):
        speaker: Source | None = None
        verb = gap_verb
        if verb is not None:
            speaker = ctx.speaker_of(verb)
        if speaker is None:
            speaker, nearby_verb = _nearby_speaker(ctx, group)
            verb = nearby_verb or verb
        if speaker is None and previous is not None and _continues(ctx, previous[0], group[0]):
            speaker = previous[1]
        if speaker is None:
            speaker = _neighbour_speaker(ctx, group)
        previous = (group[-1], speaker)

        words = " ".join(document.text[s.start : s.end].strip() for s in group)
        if len(words.split()) < MIN_WORDS_WITHOUT_SPEAKER and speaker is None:
            continue
        ev = evidence(document, group[0].start, group[-1].end)
        # An unresolved speaker ("she told reporters on Tuesday") still dates it.
        dated_by = _statement_date(ctx, verb or _reporting_verb(ctx, group), dates)
        quotes.append(
            Quote(
                id=span_id("q", document.id, ev.start, ev.end),
                text=words,
                speaker=(speaker.mention.entity if speaker.mention else speaker.name)
                if speaker
                else None,
                speaker_name=speaker.name if speaker else None,
                speaker_evidence=_speaker_evidence(document, speaker) if speaker else None,
                date=dated_by.value if dated_by else None,
                date_ref=dated_by.id if dated_by else None,
                evidence=ev,
            )
        )
    return quotes
