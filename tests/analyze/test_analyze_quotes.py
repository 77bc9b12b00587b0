from __future__ import annotations

from collections.abc import Callable

from storyline.analyze.entities import extract_mentions
from storyline.analyze.quotes import extract_quotes
from storyline.model import Quote


def _quotes(
    parse: Callable, text: str, check_evidence: Callable, times: list | None = None
) -> list[Quote]:
    sdoc, doc = parse(text)
    mentions = extract_mentions(sdoc, doc)
    quotes = extract_quotes(sdoc, doc, mentions, times or [])
    if quotes:
        check_evidence(doc, [q.evidence for q in quotes])
    for q in quotes:
        if q.speaker is not None and q.speaker.startswith("e:"):
            assert q.speaker in {m.entity for m in mentions}
    return quotes


def test_interrupted_quote_is_one_quote(parse: Callable, check_evidence: Callable) -> None:
    text = (
        "“We will not accept a partial deal,” Foreign Minister Maria Lindqvist said on Monday, "
        "“because the hostages must all come home.”"
    )
    [quote] = _quotes(parse, text, check_evidence)
    assert quote.evidence.text.startswith("We will not accept")
    assert quote.evidence.text.endswith("must all come home.")
    assert "Maria Lindqvist said" in quote.evidence.text
    assert quote.text == (
        "We will not accept a partial deal, because the hostages must all come home."
    )
    assert quote.speaker_name == "Maria Lindqvist"
    assert quote.speaker is not None and quote.speaker.startswith("e:")


def test_pronoun_speaker_resolves_to_the_last_person(
    parse: Callable, check_evidence: Callable
) -> None:
    text = (
        "Army spokesman Daniel Okafor visited the border town on Tuesday. "
        "“The crossing will reopen within days,” he said."
    )
    [quote] = _quotes(parse, text, check_evidence)
    assert quote.speaker_name == "Daniel Okafor"


def test_pronoun_does_not_resolve_to_a_name_inside_a_quote(
    parse: Callable, check_evidence: Callable
) -> None:
    text = (
        "Mayor Lena Brandt spoke first. “Nobody here trusts Viktor Hale,” she said. "
        "“We want water and power back,” she added."
    )
    quotes = _quotes(parse, text, check_evidence)
    assert [q.speaker_name for q in quotes] == ["Lena Brandt", "Lena Brandt"]


def test_speaker_before_the_quote_and_reporting_date(
    parse: Callable, check_evidence: Callable, time_at: Callable
) -> None:
    text = "Envoy Samuel Osei said on Tuesday that “talks are moving in the right direction”."
    sdoc, doc = parse(text)
    tuesday = time_at(doc, "Tuesday", "2024-03-05")
    [quote] = extract_quotes(sdoc, doc, extract_mentions(sdoc, doc), [tuesday])
    check_evidence(doc, [quote.evidence])
    assert quote.speaker_name == "Samuel Osei"
    assert quote.date == "2024-03-05"


def test_date_inside_the_quote_is_not_the_statement_date(
    parse: Callable, time_at: Callable
) -> None:
    text = "“The two chiefs met on Friday in Rome,” the office said."
    sdoc, doc = parse(text)
    friday = time_at(doc, "Friday", "2024-03-08")
    [quote] = extract_quotes(sdoc, doc, extract_mentions(sdoc, doc), [friday])
    assert quote.date is None
    # "the office" alone names no one: the speaker is unknown (null), not "office".
    assert quote.speaker is None and quote.speaker_name is None


def test_continued_quote_keeps_its_speaker(parse: Callable, check_evidence: Callable) -> None:
    text = (
        "“There is some progress,” Minister Ana Duarte said. "
        "“But we will know more in the coming days.”"
    )
    quotes = _quotes(parse, text, check_evidence)
    assert len(quotes) == 2
    assert [q.speaker_name for q in quotes] == ["Ana Duarte", "Ana Duarte"]


def test_according_to_names_the_speaker(parse: Callable, check_evidence: Callable) -> None:
    text = "The deal is “close to done”, according to the foreign ministry."
    [quote] = _quotes(parse, text, check_evidence)
    assert quote.speaker_name == "foreign ministry"


def test_scare_quotes_without_a_speaker_are_dropped(
    parse: Callable, check_evidence: Callable
) -> None:
    text = "The so-called “buffer zone” grew again this week."
    assert _quotes(parse, text, check_evidence) == []


def test_of_two_subjects_the_parser_gives_a_verb_the_nearest_speaks() -> None:
    """In context the small model read the fronted "Aboard Air Force One" as a second subject
    of "called" (the demo corpus): the speaker is the subject beside the verb."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from storyline.analyze.reporting import subject_of

    words = ["Aboard", "Air", "Force", "One", ",", "spokesman", "John", "Kirby", "called"]
    heads = [3, 3, 3, 8, 3, 7, 7, 8, 8]
    deps = ["compound", "compound", "compound", "nsubj", "punct"]
    deps += ["compound", "compound", "nsubj", "ROOT"]
    sdoc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    subject = subject_of(sdoc[8])
    assert subject is not None and subject.text == "Kirby"


def test_a_statement_is_the_speech_of_whoever_issued_it(
    parse: Callable, check_evidence: Callable
) -> None:
    text = (
        "The two spy chiefs met on Friday as part of “ceaseless efforts” to free the hostages, "
        "according to a statement that Prime Minister Ilan Varga’s office issued."
    )
    [quote] = _quotes(parse, text, check_evidence)
    assert quote.speaker_name is not None and quote.speaker_name.endswith("office")
    assert "Varga" in quote.speaker_name


def test_a_bare_common_noun_is_no_speaker_but_a_title_is(
    parse: Callable, check_evidence: Callable
) -> None:
    [unknown] = _quotes(
        parse, "“The talks will resume next week in the capital,” sources said.", check_evidence
    )
    assert unknown.speaker is None and unknown.speaker_name is None
    [titled] = _quotes(
        parse,
        "“The talks will resume next week in the capital,” the minister said.",
        check_evidence,
    )
    assert titled.speaker_name == "minister"
