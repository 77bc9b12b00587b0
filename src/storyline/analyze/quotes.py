"""Direct quotes and who said them.

An interrupted quote (“A,” he said, “B.”) is one quote: its evidence runs from the first
quoted word to the last, its text is the quoted parts joined. Its speaker is found beside it
(quote_speakers.py); failing that, a quote that goes on from the one before (a new paragraph
re-opening it, the next sentence after “…,” he said.) keeps that one's speaker, and last a
"X said:" before it or a "X said" after it names one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice
from typing import Any

from storyline.analyze.lexicon import words
from storyline.analyze.quote_marks import QuotedSpan, QuotedText, find_quoted_spans
from storyline.analyze.quote_speakers import Speaker, SpeakerFinder
from storyline.analyze.reporting import Source
from storyline.analyze.syntax import Token, governing_verb
from storyline.model import Document, Mention, Quote, TimeExpression, evidence, span_id

# Quotes shorter than this many words are kept only when a speaker is found: a lone quoted
# word without one is a scare quote, not a statement.
MIN_WORDS_WITHOUT_SPEAKER = 3
# The reporting clause inside an interrupted quote is short: "he said", "the minister added".
MAX_INTERRUPTION_WORDS = 10

# Paragraphs of other text a quote's voice carries across to an unattributed quoted
# paragraph (“…,” Viguerie notes. | He is upbeat. | “Not only can Cruz win…”).
MAX_PARAGRAPHS_BETWEEN = 1

_INTERRUPTION_END = re.compile(r"[,:—–]\s*$")
# How far up a participle ("…, calling it “…”") its speech verb's date is looked for.
MAX_DATING_CLIMB = 2
# A title is short and unpunctuated: "Meet the Press", "Crippled America".
MAX_TITLE_WORDS = 8
_TITLE_PUNCTUATION = re.compile(r"[,.;!?…]")


def _title_case(text: str) -> bool:
    small = words("title_small_words.txt")
    tokens = [w.strip("“”\"‘’'()") for w in text.split()]
    tokens = [w for w in tokens if w]
    return bool(tokens) and all(w[:1].isupper() or w[:1].isdigit() or w in small for w in tokens)


def _opens_a_title(before: str) -> bool:
    word = before.rstrip().rsplit(None, 1)[-1] if before.strip() else ""
    if word.endswith(("’s", "'s", "s’", "s'")):
        return True
    return word.lower().strip(",:") in words("title_openers.txt")


def _names_a_title(text: str, span: QuotedSpan) -> bool:
    """Whether a quoted span names a show, book or film ("on CBS’s “Face the Nation”")
    rather than quoting anyone: a few capitalized words without punctuation after a word
    that introduces a title (data/title_openers.txt), on a line that is not itself a
    title-case headline (where a quote is capitalized like every word)."""
    quoted = text[span.start : span.end]
    if len(quoted.split()) > MAX_TITLE_WORDS or _TITLE_PUNCTUATION.search(quoted):
        return False
    if not _title_case(quoted) or not _opens_a_title(text[: span.open]):
        return False
    line_start = text.rfind("\n", 0, span.open) + 1
    line_end = text.find("\n", span.outer_end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return not _title_case(line)


def _joinable(text: str, first: QuotedSpan, second: QuotedSpan) -> bool:
    """Whether the text between two quoted spans reads as an interruption of one quote:
    short, on one line, after a comma (“A,” or “A”,) and ending in a comma, colon or dash."""
    gap = text[first.outer_end : second.open]
    if "\n" in gap or len(gap.split()) > MAX_INTERRUPTION_WORDS or not gap.strip():
        return False
    first_words = text[first.start : first.end].rstrip()
    comma_before = first_words.endswith(",") or gap.lstrip().startswith(",")
    return comma_before and _INTERRUPTION_END.search(gap) is not None


def _group_interrupted(
    finder: SpeakerFinder, text: str, spans: list[QuotedSpan]
) -> list[tuple[list[QuotedSpan], Token | None]]:
    """Quoted spans grouped into quotes, each with the speech verb of its interruption."""
    groups: list[tuple[list[QuotedSpan], Token | None]] = []
    for span in spans:
        if groups and groups[-1][0][-1].close is not None:
            last = groups[-1][0][-1]
            if _joinable(text, last, span):
                gap_tokens = finder.tokens(last.outer_end, span.open)
                verb = next((t for t in gap_tokens if finder.is_speech(t)), None)
                if verb is not None:
                    groups[-1][0].append(span)
                    if groups[-1][1] is None:
                        groups[-1] = (groups[-1][0], verb)
                    continue
        groups.append(([span], None))
    return groups


def _continues(finder: SpeakerFinder, text: str, prev: QuotedSpan, span: QuotedSpan) -> bool:
    """Whether ``span`` goes on with the quote before it: a new paragraph re-opening the
    quote, a paragraph that opens with a quote after one that ended “…,” he said., or the
    next sentence after “…,” he said."""
    gap = text[prev.outer_end : span.open]
    if not gap.strip():
        return True
    if "\n" in gap:
        # A paragraph that is quoted from its first character, with no attribution of its
        # own, goes on in the voice of the quote one or two paragraphs up.
        paragraphs = len(re.findall(r"\n\s*", gap.strip()))
        return paragraphs <= MAX_PARAGRAPHS_BETWEEN and _opens_paragraph(text, span)
    if len(gap.split()) <= MAX_INTERRUPTION_WORDS:
        return True  # “A?” Trump said. “B.”: the parser made the attribution a sentence
    here = finder.sentences.position(span.open)
    return finder.sentences.position(max(prev.outer_end - 1, 0)) >= here - 1


def _opens_paragraph(text: str, span: QuotedSpan) -> bool:
    return span.open == 0 or text[span.open - 1] == "\n"


def _statement_date(
    finder: SpeakerFinder, verb: Token | None, dates: list[tuple[Token, TimeExpression]]
) -> TimeExpression | None:
    """The date of the reporting clause ("said on Tuesday"), never one inside the quote. A
    participle's clause is dated by the speech verb it hangs from ("Late on Tuesday,
    Netanyahu told relatives …, calling their rescue “a supreme task”")."""
    if verb is None:
        return None
    clause = [verb] + [v for v in islice(verb.ancestors, MAX_DATING_CLIMB) if finder.is_speech(v)]
    for root, te in dates:
        if not finder.inside_quote(root.idx) and governing_verb(root) in clause:
            return te
    return None


def _quote(
    document: Document, group: list[QuotedSpan], speaker: Speaker | None, dated_by: Any
) -> Quote:
    words = " ".join(document.text[s.start : s.end].strip() for s in group)
    ev = evidence(document, group[0].start, group[-1].end)
    source = speaker.source if speaker else None
    if source is not None and not source.mention:
        # A signature's dash is no part of the name: "- Ana Duarte".
        source = Source(source.name.lstrip("-—– "), None, source.token)
    return Quote(
        id=span_id("q", document.id, ev.start, ev.end),
        text=words,
        speaker=(source.mention.entity if source.mention else source.name) if source else None,
        speaker_name=source.name if source else None,
        speaker_evidence=evidence(document, *speaker.span()) if speaker else None,
        date=dated_by.value if dated_by else None,
        date_ref=dated_by.id if dated_by else None,
        evidence=ev,
    )


def extract_quotes(
    sdoc: Any,
    document: Document,
    mentions: list[Mention],
    times: Sequence[TimeExpression] = (),
) -> list[Quote]:
    """Direct quotes with their speakers, in text order. ``times`` (optional) lets a quote
    carry the date of its reporting clause."""
    spans = find_quoted_spans(document.text)
    finder = SpeakerFinder(sdoc, mentions, QuotedText(document.text, spans))
    dates: list[tuple[Token, TimeExpression]] = []
    for te in times:
        if te.type == "DATE" and te.value:
            span = sdoc.char_span(te.evidence.start, te.evidence.end, alignment_mode="expand")
            if span is not None:
                dates.append((span.root, te))

    quotes: list[Quote] = []
    previous: tuple[QuotedSpan, Speaker | None] | None = None
    for group, gap_verb in _group_interrupted(finder, document.text, spans):
        speaker = finder.at_verb(gap_verb) if gap_verb is not None else None
        verb = gap_verb
        if speaker is None:
            speaker, nearby_verb = finder.find(group)
            verb = nearby_verb or verb
        if (
            speaker is None
            and previous is not None
            and _continues(finder, document.text, previous[0], group[0])
        ):
            speaker = previous[1]
        if speaker is None:
            speaker = finder.before_or_after(group)
        previous = (group[-1], speaker)

        quoted = " ".join(document.text[s.start : s.end].strip() for s in group)
        if len(quoted.split()) < MIN_WORDS_WITHOUT_SPEAKER and speaker is None:
            continue
        if len(group) == 1 and _names_a_title(document.text, group[0]):
            continue
        if verb is None:
            first, last = group[0], group[-1]
            quote_tokens = finder.tokens(first.start, last.end)
            verb = finder.attached_verb(quote_tokens, first.open, last.outer_end)
        # An unresolved speaker ("she told reporters on Tuesday") still dates it.
        quotes.append(_quote(document, group, speaker, _statement_date(finder, verb, dates)))
    return quotes
