"""Who said a direct quote: the words that name the speaker where the quote is attributed
("he", "the group", "Trump" of "Trump tweeted"), and whom they name.

The words are found first, by where the quote sits: the subject of a speech verb the quote
hangs from or that stands beside it in its sentence ("“…,” she said", "he called it “a
disaster”"; data/reporting_verbs.txt and data/quote_verbs.txt), "according to X", the
subject of the clause a partial quote is part of ("Mr. Cruz pledged to oppose it “today,
tomorrow, forever”"), a "X said:" or "X released this statement:" ending the sentence before,
a headline's "Name: ‘…’", a "X said" opening the sentence after, a signature ("— Name") under
it. Where the parser gave a speech verb no subject, the name just before or after it speaks
("Ramos, 58, told AFP", "asked Mr. Manafort"). Then the words are resolved: "he" and "she" to
the nearest person named before, a name to its entity. Words that name no one in particular (a
bare common noun, "they", "I") are the speaker's words all the same, and the speaker itself
stays unknown (null). A preposition, a date, a number or a place (LOC, FAC) never speaks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from storyline.analyze.lexicon import words
from storyline.analyze.quote_marks import QuotedSpan, QuotedText
from storyline.analyze.reporting import (
    Source,
    name_source,
    names_someone,
    phrase_source,
    reporting_verbs,
    subject_of,
)
from storyline.analyze.sentences import SentenceIndex
from storyline.analyze.syntax import MentionIndex, Token, compact_phrase
from storyline.model import Mention

# Parts of speech and entity types of words that never speak, whatever the parse says.
_NEVER_SPEAKS_POS = frozenset({"ADP", "NUM", "PUNCT", "SYM", "CCONJ", "SCONJ", "DET", "ADV"})
_NEVER_SPEAKS_ENT = frozenset({"CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
# Places that never speak (a country or a city does: "Israel said", "Moscow denied").
_PLACES = frozenset({"LOC", "FAC"})
# Subject dependencies: a partial quote's clause is spoken by its subject.
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# A quote's opening mark the parser left at the end of the sentence before, and spaces.
_OPENING_MARKS = " \n“\"‘`'"
# Words of a name opening a headline ("McCain Challenger Kelli Ward: …").
_MAX_NAME = 5
# How far a quote's clause is looked up for the verb it belongs to.
_MAX_CLIMB = 4
# The subject of these is what a partial quote describes, not who said it.
_LINKING_VERBS = frozenset({"be", "seem", "become", "remain", "appear", "look", "sound"})
# Pronouns that stand for a speaker where no speech verb says so ("you", "it" rarely do).
_SPEAKING_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})


def _names_without_verb(found: Speaker) -> bool:
    """Whether a subject speaks where no speech verb says so (a partial quote's clause, a
    colon): a name ("Bush called Trump “unhinged”") or a personal pronoun does; a common
    noun phrase ("a suitable court should settle it — “…”") is what is talked about."""
    if found.head.lower_ in _SPEAKING_PRONOUNS:
        return True
    if found.source is None:
        return False
    phrase = compact_phrase(found.head, with_of=True)
    return found.source.mention is not None or any(t.pos_ == "PROPN" for t in phrase)


@dataclass(frozen=True)
class Speaker:
    """The word naming a quote's speaker where the quote is attributed, and the speaker it
    names (None: someone unnamed, "the group", "they")."""

    head: Token
    source: Source | None
    # The relative pronoun that stands for the head in the clause ("Trump, who has called
    # it “insanity”"): part of the words naming the speaker.
    relative: Token | None = None

    def span(self) -> tuple[int, int]:
        """The characters naming the speaker: a pronoun alone, else its compact noun phrase,
        up to the relative pronoun that stands for it."""
        head = self.head
        phrase = [head] if head.pos_ == "PRON" else compact_phrase(head, with_of=True)
        if self.relative is not None:
            phrase.append(self.relative)
        words = [t for t in phrase if not t.is_punct] or phrase  # "- Ana Duarte" signs a quote
        return min(t.idx for t in words), max(t.idx + len(t.text) for t in words)


def speech_verbs() -> frozenset[str]:
    return reporting_verbs() | words("quote_verbs.txt")


def _in_prepositional_phrase(token: Token) -> bool:
    """Whether a name is the object of a preposition ("in San Bernardino")."""
    cur = token
    while cur.dep_ in ("compound", "flat") and cur.head.i != cur.i:
        cur = cur.head
    return bool(cur.dep_ == "pobj")


def _relative_subject(verb: Token) -> Token | None:
    """The "who" or "which" subject of a relative clause's verb, if it has one."""
    if verb.dep_ != "relcl":
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT")), None)


def _poster(verb: Token) -> Token | None:
    """Who put out a message that says the quote: "Trump posted a message reading “…”",
    "the group issued a statement saying “…”" are Trump's and the group's words."""
    if verb.dep_ != "acl" or verb.head.dep_ != "dobj":
        return None
    return next((c for c in verb.head.head.children if c.dep_ == "nsubj"), None)


class SpeakerFinder:
    """The speaker rules over one parsed document."""

    def __init__(self, sdoc: Any, mentions: Sequence[Mention], quoted: QuotedText) -> None:
        self.sdoc = sdoc
        self.index = MentionIndex(sdoc, mentions)
        self.sentences = SentenceIndex(sdoc)
        self.quoted = quoted
        self.verbs = speech_verbs()

    def inside_quote(self, offset: int) -> bool:
        return self.quoted.covers(offset)

    def tokens(self, start: int, end: int) -> list[Token]:
        span = self.sdoc.char_span(start, end, alignment_mode="expand")
        return list(span) if span is not None else []

    def is_speech(self, tok: Token) -> bool:
        return tok.pos_ == "VERB" and tok.lemma_.lower() in self.verbs

    def attribute(self, head: Token | None) -> Speaker | None:
        """The speaker ``head`` names, or None when it cannot speak (inside the quote, a
        preposition, a date)."""
        if head is None or self.inside_quote(head.idx):
            return None
        if head.pos_ in _NEVER_SPEAKS_POS or head.ent_type_ in _NEVER_SPEAKS_ENT:
            return None
        if head.ent_type_ in ("DATE", "TIME") and head.pos_ in ("PROPN", "NUM"):
            return None  # "Saturday said": a misparse; "the 46-year-old said" speaks
        found = name_source(head, self.index, self.quoted)
        if found is not None and found.mention is not None and found.mention.label in _PLACES:
            return Speaker(head, None)  # "the road said": a misparse; a place says nothing
        return Speaker(head, found if found is not None and names_someone(found) else None)

    def at_verb(self, tok: Token) -> Speaker | None:
        """The speaker of a speech verb or an "according to" phrase at ``tok``."""
        subject = phrase_source(tok)
        if subject is None and self.is_speech(tok):
            subject = _poster(tok) or self._speech_subject(tok)
        found = self.attribute(subject)
        relative = _relative_subject(tok)
        if found is not None and relative is not None and relative.head.head.i == found.head.i:
            return Speaker(found.head, found.source, relative)
        return found

    def _speech_subject(self, verb: Token) -> Token | None:
        """The subject of a speech verb; for one without its own ("…, adding, “…”") the
        subject of the nearest speech verb above it, before that of any other verb: in
        "Sanders said the process could be “messy,” adding, “…”" Sanders adds, not the
        process."""
        if any(c.dep_ in _SUBJECTS or c.dep_ == "agent" for c in verb.children):
            return subject_of(verb)
        for above in islice(verb.ancestors, _MAX_CLIMB):
            if self.inside_quote(above.idx):
                break
            if self.is_speech(above) and any(c.dep_ == "nsubj" for c in above.children):
                return subject_of(above)
        subject = subject_of(verb)
        if subject is None or self.inside_quote(subject.idx):
            return self._name_before(verb) or self._name_after(verb)
        return subject

    def _name_after(self, verb: Token) -> Token | None:
        """The name just after a speech verb the parser gave no subject, the inverted order
        after a quote (“…,” asked Mr. Manafort): the last word of the first name there."""
        found = None
        for tok in self.sdoc[verb.i + 1 : verb.i + 2 + _MAX_NAME]:
            if tok.pos_ == "PROPN" or (found is not None and tok.dep_ == "compound"):
                found = tok
            elif found is not None or not (tok.pos_ in ("DET", "ADJ") or tok.tag_ == "POS"):
                break
        return found

    def _name_before(self, verb: Token) -> Token | None:
        """The name just before a speech verb the parser gave no subject ("her adviser, Jake
        Sullivan, said:" read as an apposition; "Ramos, 58, told AFP"): the nearest noun to
        its left, across commas and an age, never into a quote."""
        k = verb.i - 1
        while k >= 0 and verb.i - k <= _MAX_NAME + 2:
            tok = self.sdoc[k]
            if self.inside_quote(tok.idx) or tok.is_sent_end:
                return None
            if tok.pos_ in ("PROPN", "NOUN", "PRON"):
                return tok
            if not (tok.is_punct or tok.like_num or tok.pos_ in ("ADV", "AUX", "PART")):
                return None
            k -= 1
        return None

    def find(self, group: Sequence[QuotedSpan]) -> tuple[Speaker | None, Token | None]:
        """The speaker named beside a quote (its pieces ``group``) in its own sentences, and
        the verb of the reporting clause (which dates the quote) when there is one."""
        first, last = group[0], group[-1]
        quote_tokens = self.tokens(first.start, last.end)
        verb = self.attached_verb(quote_tokens, first.open, last.outer_end)
        if verb is not None:
            found = self.at_verb(verb)
            if found is not None:
                return found, verb
        colon = self._headline_speaker(first) or self._colon_speaker(first)
        if colon is not None:
            return colon, verb
        for tok in self._speech_nearby(first, last):
            found = self.at_verb(tok)
            if found is not None:
                return found, tok
        after = self._speech_right_after(last)
        if after is not None:
            found = self.at_verb(after)
            if found is not None:
                return found, after
        return self._clause_subject(quote_tokens, first.open, last.outer_end), verb

    def _speech_right_after(self, last: QuotedSpan) -> Token | None:
        """A speech verb among the first words after a quote the parser closed a sentence
        on (“Why are you still endorsing him?” | Obama asked), before any other quote."""
        after = self.tokens(last.outer_end, min(len(self.sdoc.text), last.outer_end + 80))
        words = 0
        for tok in after:
            if tok.is_space or tok.is_punct:
                if tok.text in ".!?" or "\n" in tok.text:
                    return None
                continue
            if self.inside_quote(tok.idx) or words >= _MAX_NAME + 1:
                return None
            if self.is_speech(tok):
                return tok
            words += 1
        return None

    def attached_verb(self, quote_tokens: list[Token], start: int, end: int) -> Token | None:
        """A speech verb the quote hangs from in the parse (“...,” the premier told AFP)."""
        for tok in quote_tokens:
            head = tok.head
            if start <= head.idx < end:
                continue
            for cand in [head, *islice(head.ancestors, _MAX_CLIMB)]:
                if not (start <= cand.idx < end) and self.is_speech(cand):
                    return cand
        return None

    def _speech_nearby(self, first: QuotedSpan, last: QuotedSpan) -> list[Token]:
        """Speech verbs and "according to" outside quotes in the sentences the quote begins
        and ends in, nearest first."""
        k_first = self.sentences.position(first.open)
        k_last = self.sentences.position(max(last.outer_end - 1, first.open))
        candidates: list[tuple[int, Token]] = []
        for k in range(k_first, k_last + 1):
            for tok in self.sentences.spans[k]:
                if self.inside_quote(tok.idx):
                    continue
                if self.is_speech(tok) or tok.lower_ in ("according", "per"):
                    after = tok.idx >= last.outer_end
                    distance = tok.idx - last.outer_end if after else first.open - tok.idx
                    candidates.append((distance, tok))
        return [tok for _, tok in sorted(candidates, key=lambda c: c[0])]

    def _clause_subject(self, quote_tokens: list[Token], start: int, end: int) -> Speaker | None:
        """The subject of the clause a partial quote belongs to, when the quote is not that
        subject's own words: "Bush called Trump “unhinged”", "Huckabee is labeling the
        actions “a blatant abuse”". Only a subject that names someone: "the plan “would hurt
        families”" has no speaker here."""
        roots = [t for t in quote_tokens if not (start <= t.head.idx < end) and t.head.i != t.i]
        for tok in roots[:1]:
            cur = tok
            for _ in range(_MAX_CLIMB):
                if cur.head.i == cur.i:
                    break
                cur = cur.head
                if start <= cur.idx < end or cur.pos_ not in ("VERB", "AUX"):
                    continue
                if cur.lemma_.lower() in _LINKING_VERBS:
                    continue  # "Rubio was “a total lightweight”": the subject is described
                subject = next((c for c in cur.children if c.dep_ in _SUBJECTS), None)
                if subject is None or subject.left_edge.idx <= tok.idx <= subject.right_edge.idx:
                    continue
                found = self.attribute(subject)
                if found is not None and _names_without_verb(found):
                    return found
        return None

    def before_or_after(self, group: Sequence[QuotedSpan]) -> Speaker | None:
        """A "X said:" or "X issued this statement:" ending the sentence before, or a "X
        said" opening the sentence after."""
        first, last = group[0], group[-1]
        before = self.sentences.get(self.sentences.position(first.open) - 1)
        if before is not None and before.text.rstrip(_OPENING_MARKS).endswith(":"):
            found = self._introducer(before)
            if found is not None:
                return found
        dashed = self._dash_attribution(last)
        if dashed is not None:
            return dashed
        after = self.sentences.get(self.sentences.position(max(last.outer_end - 1, 0)) + 1)
        if after is not None:
            for tok in list(after)[:6]:
                if tok.is_punct or tok.is_space:
                    continue
                if self.inside_quote(tok.idx):
                    break
                if self.is_speech(tok):
                    return self.at_verb(tok)
        return None

    def _dash_attribution(self, last: QuotedSpan) -> Speaker | None:
        """A dash and a name right after a quote, the signature convention: “…” — Hillary
        Clinton."""
        after = [
            t
            for t in self.tokens(last.outer_end, min(len(self.sdoc.text), last.outer_end + 60))
            if not t.is_space and t.idx >= last.outer_end
        ]
        if not after or after[0].text not in ("-", "—", "–", "--"):
            return None
        name = None
        for tok in after[1 : 2 + _MAX_NAME]:
            if tok.pos_ != "PROPN":
                break
            name = tok
        return self.attribute(name) if name is not None else None

    def _introducer(self, sentence: Any) -> Speaker | None:
        """The speaker of a sentence that introduces a quote with a colon: the subject of its
        last speech verb, else of its main verb ("President Clinton released the following
        statement:")."""
        for tok in reversed(list(sentence)):
            if self.is_speech(tok) and not self.inside_quote(tok.idx):
                found = self.at_verb(tok)
                if found is not None:
                    return found
        root = sentence.root
        if root.pos_ in ("VERB", "AUX") and not self.inside_quote(root.idx):
            found = self.attribute(subject_of(root))
            if found is not None and _names_without_verb(found):
                return found
        return None

    def _headline_speaker(self, first: QuotedSpan) -> Speaker | None:
        """ "Graham: Trump’s ‘Hateful Rhetoric’ …": a capitalized name and a colon opening the
        sentence the quote is in, the headline convention for a quote."""
        sentence = self.sentences.at(first.open)
        colon = next((t for t in sentence if t.text == ":"), None)
        if colon is None or colon.idx > first.open or colon.i - sentence.start > _MAX_NAME:
            return None
        name = [t for t in sentence if t.i < colon.i]
        if not name or name[-1].pos_ not in ("PROPN", "NOUN"):
            return None  # a headline's tagging is poor: "Trump: ‘…’" may read as a noun
        if not all(t.text[:1].isupper() for t in name):
            return None
        return self.attribute(name[-1])

    def _colon_speaker(self, first: QuotedSpan) -> Speaker | None:
        """A quote after a colon in its own sentence: the name just before the colon
        ("Graham: Trump’s ‘Hateful Rhetoric’", "- Carl Bialik: “…”"), else the subject of the
        clause the colon ends ("the board was conclusive in its findings: “…”")."""
        mark = self.tokens(first.open, first.open + 1)
        k = mark[0].i - 1 if mark else -1
        while k >= 0 and self.sdoc[k].is_space:
            k -= 1
        if k < 0 or self.sdoc[k].text != ":" or self.inside_quote(self.sdoc[k].idx):
            return None
        colon = self.sdoc[k]
        named = self.sdoc[colon.i - 1] if colon.i > 0 else None
        # "after the FBI left the scene in San Bernardino:" ends on a place, not a speaker.
        if named is not None and named.pos_ == "PROPN" and not _in_prepositional_phrase(named):
            return self.attribute(named)
        verb = colon.head
        if verb.pos_ == "NOUN":
            verb = verb.head  # "released the following statement:"
        if verb.pos_ not in ("VERB", "AUX") or self.inside_quote(verb.idx):
            return None
        if self.is_speech(verb):
            return self.at_verb(verb)
        found = self.attribute(subject_of(verb))
        if found is not None and _names_without_verb(found):
            return found
        return None
