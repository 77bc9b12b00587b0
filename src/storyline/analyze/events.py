"""Events: one per clause whose verb is a trigger (event_triggers.py), with its PLOVER type,
mode, actors, place, date and a one-line summary.

source_actor is the subject's mention (the agent of a passive; "he"/"she" resolved to the
nearest preceding PERSON), target_actor the object's or a "with/to/on/against X" mention,
location a place in an "in/at X" phrase. The date is event_dates.py's: the clause's own, else
its reporting clause's, on or before which a past event took place. Triggers inside direct
quotes are left out: the quote is the record of what was said.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storyline.analyze.event_dates import EventDater
from storyline.analyze.event_intent import coded_act, demand_words
from storyline.analyze.event_mode import event_mode, is_infinitival
from storyline.analyze.event_triggers import Trigger, agent_of_noun, find_triggers, objects_of
from storyline.analyze.quote_marks import QuotedText
from storyline.analyze.reporting import PERSON_PRONOUNS, reporting_verbs, subject_of
from storyline.analyze.syntax import (
    ACTOR_LABELS,
    PLACE_LABELS,
    MentionIndex,
    Token,
    compact_phrase,
    tokens_text,
)
from storyline.model import (
    Document,
    Event,
    Evidence,
    Mention,
    TimeExpression,
    evidence,
    span_id,
)

_TARGET_PREPS = frozenset({"with", "to", "on", "against", "toward", "towards", "from"})
# Pronouns standing for a group or country: in "Syria says it will withdraw", "it" is the one
# who says it.
_GROUP_PRONOUNS = frozenset({"it", "they", "we"})
# Where the act takes place, the target when nothing else is (PLOVER codes "imposed a curfew
# in Sudan" with Sudan as target).
_PLACE_TARGET_PREPS = frozenset({"in", "into", "inside", "at"})
_LOCATION_PREPS = frozenset(
    {"in", "at", "inside", "into", "near", "across", "outside", "throughout", "within"}
)
_SUMMARY_PREPS = _TARGET_PREPS | _LOCATION_PREPS | {"for", "from", "over", "between", "of", "about"}
_VERB_GROUP_DEPS = frozenset({"aux", "auxpass", "neg", "prt"})
_TIME_ENTS = frozenset({"DATE", "TIME"})
# "which hostages", "in which": relative words make no sense out of their sentence.
_WH_TAGS = frozenset({"WDT", "WP", "WP$"})
MAX_SUMMARY_WORDS = 20
# Words between a light verb and its event noun that still make one trigger span ("held two
# days of talks"); further apart, the verb alone is the trigger.
MAX_TRIGGER_GAP = 4


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _preps(head: Token | None, allowed: frozenset[str]) -> list[Token]:
    """The objects of ``head``'s prepositions in ``allowed``."""
    if head is None:
        return []
    out = []
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in allowed:
            obj = _pobj(child)
            if obj is not None:
                out.append(obj)
    return out


def _complements(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.pos_ == "VERB" and is_infinitival(c)]


def _participle_subject(verb: Token) -> Token | None:
    """The subject of a trailing participle clause is that of the clause just before it: in
    "The war began on October 7, when Hamas fighters stormed Israel, killing 1,200 people"
    the parser hangs "killing" on "began", but the fighters killed. None when no clause
    stands between the participle and the verb it hangs from."""
    root = verb
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    if root.dep_ != "advcl" or root.tag_ != "VBG" or root.head.i > root.i:
        return None
    head = root.head
    between = [
        t
        for t in head.subtree
        if head.i < t.i < root.i and t.pos_ in ("VERB", "AUX") and t.dep_ in ("relcl", "advcl")
    ]
    for clause in reversed(between):
        subjects = [c for c in clause.children if c.dep_ == "nsubj" and c.tag_ not in _WH_TAGS]
        if subjects:
            return subjects[0]
    return None


def _is_dated(token: Token) -> bool:
    return any(t.ent_type_ in _TIME_ENTS for t in compact_phrase(token, with_of=False))


class _EventFinder:
    def __init__(
        self,
        sdoc: Any,
        document: Document,
        mentions: Sequence[Mention],
        times: Sequence[TimeExpression],
    ) -> None:
        self.document = document
        self.index = MentionIndex(sdoc, mentions)
        self.quoted = QuotedText(document.text)
        self.dater = EventDater(sdoc, times, self.quoted)
        self.verbs = reporting_verbs()

    # -- actors -----------------------------------------------------------------------

    def actor(self, token: Token | None) -> Mention | None:
        """The mention standing for the actor whose phrase is headed by ``token``."""
        if token is None:
            return None
        if token.lower_ in PERSON_PRONOUNS:
            return self.index.person_before(token.idx, self.quoted)
        if token.lower_ in _GROUP_PRONOUNS:
            reporter = self.reporter(token.head)
            return self.actor(reporter) if reporter is not None else None
        mention = self.index.at(token)
        if mention is not None and mention.label in ACTOR_LABELS:
            return mention
        return self.index.best_in(compact_phrase(token, with_of=True))

    def reporter(self, verb: Token) -> Token | None:
        """The subject of the nearest reporting verb ``verb``'s clause is reported under
        ("Syria says it will withdraw": Syria), when that subject is no pronoun itself; or
        the one whose demand the clause is ("the ILO reiterated its demand that ...")."""
        demands = demand_words()
        for above in [verb, *verb.ancestors]:
            if above.lemma_.lower() in self.verbs or above.lemma_.lower() in demands:
                subject = subject_of(above) if above.pos_ in ("VERB", "AUX") else None
                if subject is None and above.dep_ in ("dobj", "nsubj"):
                    subject = subject_of(above.head)
                if (
                    subject is not None
                    and subject.i != verb.i
                    and subject.lower_ not in (_GROUP_PRONOUNS | PERSON_PRONOUNS)
                ):
                    return subject
                return None
            if above.dep_ == "ccomp" and above.head.pos_ == "VERB":
                head = above.head
                if any(c.dep_ == "dobj" and c.lemma_.lower() in demands for c in head.children):
                    return subject_of(head)
        return None

    def report_of(self, verb: Token) -> Mention | None:
        """Who the article says told of the event: the subject of a reporting verb the
        event's clause is reported under ("Axios reported on Monday that Barnea had met
        Burns", "a source close to Hamas told AFP"), else "according to X" on its clause."""
        for above in verb.ancestors:
            if above.lemma_.lower() in self.verbs and above.pos_ in ("VERB", "AUX"):
                found = self.actor(subject_of(above))
                if found is not None:
                    return found
                break
        for head in (verb, *verb.ancestors):
            for prep in (c for c in head.children if c.lower_ == "according"):
                for to in (c for c in prep.children if c.lower_ == "to"):
                    found = self.actor(_pobj(to))
                    if found is not None:
                        return found
        return None

    @staticmethod
    def source_token(verb: Token) -> Token | None:
        """Who does it: the agent of a passive, no one for a passive without one, else the
        subject (shared with the governing verb for complements and participles)."""
        if verb.pos_ == "NOUN":
            return agent_of_noun(verb)
        for child in verb.children:
            if child.dep_ == "agent":
                return _pobj(child)
        passive = any(c.dep_ == "nsubjpass" for c in verb.children)
        if passive or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
            return None
        nearer = _participle_subject(verb)
        if nearer is not None:
            return nearer
        subject = subject_of(verb)
        if subject is not None and subject.tag_ in _WH_TAGS and verb.dep_ == "relcl":
            # "the 1918 pandemic, which killed ...": the actor is the noun the clause describes.
            return verb.head
        return subject

    @staticmethod
    def target_tokens(trigger: Trigger) -> list[Token]:
        """Candidates for the target, best first: "with/to X" on the event noun ("held talks
        with X"), the objects, "with/to/on/against X" on the verb or its object, then the
        objects of its complement ("threatening to expel Hamas leaders")."""
        verb = trigger.token
        out = _preps(trigger.noun, _TARGET_PREPS)
        out += [c for c in verb.children if c.dep_ == "dative"]  # "give Tanzania a grant"
        objects = [o for o in objects_of(verb) if trigger.noun is None or o.i != trigger.noun.i]
        out += objects
        out += _preps(verb, _TARGET_PREPS)
        for obj in objects:
            out += _preps(obj, _TARGET_PREPS)
        # "demanded that the US cancel ...": who is to act is the target.
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            out += [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        for comp in _complements(verb):
            out += objects_of(comp)
            out += [c for c in comp.children if c.dep_ == "dative"]
            out += _preps(comp, _TARGET_PREPS)
        # Last, where it happens: "imposed a curfew in Algiers".
        for head in (verb, trigger.noun, *objects, *_complements(verb)):
            out += _preps(head, _PLACE_TARGET_PREPS)
        return out

    def location(self, heads: list[Token | None]) -> Mention | None:
        for head in heads:
            for obj in _preps(head, _LOCATION_PREPS):
                place = self.index.first_in(compact_phrase(obj, with_of=True), PLACE_LABELS)
                if place is not None:
                    return place
        return None

    # -- summary ----------------------------------------------------------------------

    def summary(self, trigger: Trigger, source: Token | None, source_name: str | None) -> str:
        """A headline line, "<source> <verb group> <object> <preps>", from the clause's own words:
        source first, the rest in text order, at most MAX_SUMMARY_WORDS words."""
        verb = trigger.token
        verb_group = [verb, *(c for c in verb.children if c.dep_ in _VERB_GROUP_DEPS)]
        if is_infinitival(verb) and 0 < verb.i - verb.head.i <= 3:  # "helped broker"
            head = verb.head
            verb_group += [head, *(c for c in head.children if c.dep_ in _VERB_GROUP_DEPS)]
        groups: list[list[Token]] = [verb_group]
        objects = objects_of(verb)
        groups += [compact_phrase(obj, with_of=True) for obj in objects]
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            obj = _pobj(agent)
            if obj is not None:
                groups.append([agent, *compact_phrase(obj, with_of=False)])
        for head in [*objects, verb]:
            for child in head.children:
                if child.dep_ != "prep" or child.lower_ not in _SUMMARY_PREPS:
                    continue
                obj = _pobj(child)
                if obj is None or obj.tag_ in _WH_TAGS or _is_dated(obj):
                    continue
                phrase = compact_phrase(obj, with_of=False)
                # "in Cairo" belongs in a headline; "in response", "in exchange" do not.
                if (
                    child.lower_ in _LOCATION_PREPS
                    and self.index.first_in(phrase, PLACE_LABELS) is None
                ):
                    continue
                groups.append([child, *phrase])
        for comp in _complements(verb):  # "urged it to protect civilians"
            aux = [c for c in comp.children if c.dep_ == "aux"]
            groups.append([*aux, comp])
            groups += [compact_phrase(obj, with_of=False) for obj in objects_of(comp)]

        replace: dict[int, str] = {}
        subject: list[Token] = []
        # The agent of a passive stays in its by-phrase ("Qatar, backed by Egypt").
        if source is not None and source.head.dep_ != "agent":
            subject = compact_phrase(source, with_of=True)
            if source.lower_ in PERSON_PRONOUNS and source_name:
                replace[source.i] = source_name
        chosen = {t.i for t in subject}
        rest: list[Token] = []
        for group in groups:
            fresh = [t for t in group if t.i not in chosen and t.tag_ not in _WH_TAGS]
            if fresh and fresh[0].is_sent_start and fresh[0].pos_ != "PROPN":
                # "On the ground, Israeli strikes killed ...": the opening word moves inside.
                replace.setdefault(fresh[0].i, fresh[0].lower_)
            if len(chosen) + len(fresh) > MAX_SUMMARY_WORDS:
                continue
            chosen.update(t.i for t in fresh)
            rest.extend(fresh)
        if subject and subject[0].i > min((t.i for t in rest), default=0):
            text = tokens_text(subject, replace) + " " + tokens_text(rest, replace)
        else:
            text = tokens_text(subject + rest, replace)
        text = text.strip(" ,;:-–—")
        return text[:1].upper() + text[1:]

    def trigger_evidence(self, trigger: Trigger) -> Evidence:
        """The verb, with its event noun when that follows close by ("held talks")."""
        verb = trigger.token
        end = verb.idx + len(verb.text)
        noun = trigger.noun
        if noun is not None and 0 < noun.i - verb.i <= MAX_TRIGGER_GAP:
            end = noun.idx + len(noun.text)
        return evidence(self.document, verb.idx, end)

    # -- assembly ---------------------------------------------------------------------

    def events_in(self, sentence: Any) -> list[Event]:
        tokens = [t for t in sentence if not self.quoted.covers(t.idx)]
        triggers = find_triggers(tokens)
        trigger_ids = {t.token.i for t in triggers}
        sentence_text = sentence.text.rstrip()
        sentence_ev = evidence(
            self.document, sentence.start_char, sentence.start_char + len(sentence_text)
        )
        events = []
        for trigger in triggers:
            verb = trigger.token
            kind, mode = coded_act(verb, trigger.type, event_mode(verb))
            subject_tok = source_tok = self.source_token(verb)
            first_targets: list[Token] = []
            if mode == "demanded" and trigger.type != "REQUEST":
                # "Russia said that Sudan must return the helicopter": Russia demands it of
                # Sudan (the summary keeps the clause's own subject).
                demander = self.reporter(verb)
                if demander is not None:
                    first_targets = [source_tok] if source_tok is not None else []
                    source_tok = demander
            source = self.actor(source_tok)
            target = next(
                (
                    m
                    for tok in [*first_targets, *self.target_tokens(trigger)]
                    if (m := self.actor(tok)) is not None
                    and (source is None or m.entity != source.entity)
                ),
                None,
            )
            reporter = self.report_of(verb)
            heads: list[Token | None] = [verb, trigger.noun, *objects_of(verb), source_tok]
            location = self.location(heads)
            date = self.dater.date(trigger, sentence, trigger_ids)
            named = source if subject_tok is source_tok else self.actor(subject_tok)
            summary = self.summary(trigger, subject_tok, named.evidence.text if named else None)
            events.append(
                Event(
                    id=span_id("v", self.document.id, verb.idx, verb.idx + len(verb.text)),
                    type=kind,
                    mode=mode,
                    summary=summary,
                    date=date.expression.value if date else None,
                    date_evidence=date.expression.evidence if date else None,
                    date_ref=date.expression.id if date else None,
                    date_latest=date.expression.value if date and date.by else None,
                    source_actor=source.entity if source else None,
                    target_actor=target.entity if target else None,
                    location=location.entity if location else None,
                    documents=[self.document.id],
                    mentions=[sentence_ev],
                    trigger=self.trigger_evidence(trigger),
                    reported_by=reporter.entity if reporter else None,
                    reported_by_evidence=reporter.evidence if reporter else None,
                    source_evidence=source.evidence if source else None,
                    target_evidence=target.evidence if target else None,
                    location_evidence=location.evidence if location else None,
                )
            )
        return events


def extract_events(
    sdoc: Any,
    document: Document,
    mentions: list[Mention],
    times: list[TimeExpression],
) -> list[Event]:
    """Every event the document reports, in text order."""
    finder = _EventFinder(sdoc, document, mentions, times)
    events: list[Event] = []
    for sentence in sdoc.sents:
        events.extend(finder.events_in(sentence))
    return events
