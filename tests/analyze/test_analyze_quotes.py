from __future__ import annotations

from collections.abc import Callable

import pytest

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


def _one(parse: Callable, check_evidence: Callable, text: str) -> Quote:
    [quote] = _quotes(parse, text, check_evidence)
    return quote


def _evidence(quote: Quote) -> str | None:
    return quote.speaker_evidence.text if quote.speaker_evidence else None


def test_speaker_evidence_names_an_unnamed_speaker_that_stays_null(
    parse: Callable, check_evidence: Callable
) -> None:
    quote = _one(
        parse,
        check_evidence,
        "“We will keep the crossing open,” the group said in a statement on Monday.",
    )
    assert _evidence(quote) == "the group"
    assert quote.speaker is None and quote.speaker_name is None


def test_first_person_speaker_is_its_evidence(parse: Callable, check_evidence: Callable) -> None:
    quote = _one(parse, check_evidence, "“I would like to answer the question,” I said.")
    assert _evidence(quote) == "I"
    assert quote.speaker is None


def test_pronoun_evidence_is_the_pronoun_and_the_speaker_its_person(
    parse: Callable, check_evidence: Callable
) -> None:
    text = (
        "Army spokesman Daniel Okafor visited the border town on Tuesday. "
        "“The crossing will reopen within days,” he said."
    )
    quote = _one(parse, check_evidence, text)
    assert _evidence(quote) == "he"
    assert quote.speaker_name == "Daniel Okafor"


def test_a_verb_of_speaking_beyond_reporting_verbs(
    parse: Callable, check_evidence: Callable
) -> None:
    quote = _one(parse, check_evidence, "“Bring them all home now,” Mayor Lena Brandt shouted.")
    assert quote.speaker_name == "Lena Brandt"


def test_a_partial_quote_is_spoken_by_the_subject_of_its_clause(
    parse: Callable, check_evidence: Callable
) -> None:
    quote = _one(
        parse,
        check_evidence,
        "Senator Paul Verhoeven called the proposal “a reckless gamble with our security.”",
    )
    assert quote.speaker_name == "Paul Verhoeven"


def test_a_described_subject_is_no_speaker(parse: Callable, check_evidence: Callable) -> None:
    # The subject of "was" is what the quote describes; Osei says so.
    quote = _one(
        parse,
        check_evidence,
        "Envoy Samuel Osei said on Tuesday that the ceasefire plan was “a total failure.”",
    )
    assert quote.speaker_name == "Samuel Osei"


def test_a_common_noun_subject_of_a_clause_is_no_speaker(
    parse: Callable, check_evidence: Callable
) -> None:
    quote = _one(
        parse,
        check_evidence,
        "A federal court should settle the matter “so that every voter knows the rules.”",
    )
    assert quote.speaker is None and quote.speaker_evidence is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Former president Martin Hale released the following statement: "
            "“We offer our condolences to the family and friends of the governor.”",
            "Martin Hale",
        ),
        # A place before the colon, inside a prepositional phrase, is no speaker.
        (
            "As Ana Duarte reported after the police left the square in San Bernardino: "
            "“The crowd has gone home for the night.”",
            "Ana Duarte",
        ),
    ],
)
def test_a_quote_introduced_by_a_colon(
    parse: Callable, check_evidence: Callable, text: str, speaker: str
) -> None:
    assert _one(parse, check_evidence, text).speaker_name == speaker


def test_a_headline_names_its_speaker_before_a_colon(
    parse: Callable, check_evidence: Callable
) -> None:
    text = "Lindqvist: Border Talks ‘Will Not End Without A Deal’\n\nThe minister spoke on Monday."
    quote = _one(parse, check_evidence, text)
    assert _evidence(quote) == "Lindqvist"


def test_a_message_reading_a_quote_is_its_posters(
    parse: Callable, check_evidence: Callable
) -> None:
    quote = _one(
        parse,
        check_evidence,
        "Ana Duarte posted a message on Twitter reading “Thank you all for coming tonight.”",
    )
    assert quote.speaker_name == "Ana Duarte"


def test_adding_belongs_to_the_speech_verb_above_it(
    parse: Callable, check_evidence: Callable
) -> None:
    text = (
        "Ana Duarte said the process of writing the platform could be “messy,” adding, "
        "“Democracy is messy.”"
    )
    quotes = _quotes(parse, text, check_evidence)
    assert {q.speaker_name for q in quotes} == {"Ana Duarte"}


def test_an_attribution_the_parser_put_in_its_own_sentence(
    parse: Callable, check_evidence: Callable
) -> None:
    text = "“Is that really all there is?” Viktor Hale said. “We need a new plan, fast!”"
    quotes = _quotes(parse, text, check_evidence)
    assert [q.speaker_name for q in quotes] == ["Viktor Hale", "Viktor Hale"]


def test_an_unattributed_quoted_paragraph_goes_on_in_the_voice_before(
    parse: Callable, check_evidence: Callable
) -> None:
    text = (
        "“The harbour must reopen this week,” Mayor Lena Brandt told reporters.\n\n"
        "She spoke outside the town hall.\n\n"
        "“Without fuel the hospital will close within days.”"
    )
    quotes = _quotes(parse, text, check_evidence)
    assert [q.speaker_name for q in quotes] == ["Lena Brandt", "Lena Brandt"]


def test_a_speech_verb_without_a_parsed_subject_takes_the_name_before_it(
    parse: Callable, check_evidence: Callable
) -> None:
    text = (
        "In a statement to the Courier, her senior policy adviser, Jake Sullivan, said: "
        "“Cooperation across the Atlantic is essential.”"
    )
    quote = _one(parse, check_evidence, text)
    assert quote.speaker_name == "Jake Sullivan"


def test_an_age_in_the_subject_is_still_a_speaker(
    parse: Callable, check_evidence: Callable
) -> None:
    text = "Melanie Kurz spoke last. “Our town is proud of this day,” said the 46-year-old."
    quotes = _quotes(parse, text, check_evidence)
    assert _evidence(quotes[-1]) == "the 46-year-old"


def test_a_show_named_in_quotes_is_no_quote_but_a_slogan_is(
    parse: Callable, check_evidence: Callable
) -> None:
    text = "Senator Ana Duarte said on NBC’s “Meet the Press” that the talks would resume."
    assert _quotes(parse, text, check_evidence) == []
    slogan = "Senator Ana Duarte told the crowd to “Bring Them Home Now” before the vote."
    [quote] = _quotes(parse, slogan, check_evidence)
    assert quote.speaker_name == "Ana Duarte"


def test_a_relative_pronoun_is_part_of_the_speaker_words(
    parse: Callable, check_evidence: Callable
) -> None:
    text = "Contrast that with Senator Paul Verhoeven, who has called the treaty “pure insanity.”"
    quote = _one(parse, check_evidence, text)
    assert _evidence(quote) == "Senator Paul Verhoeven, who"
    assert quote.speaker_name == "Paul Verhoeven"


def test_a_name_after_its_speech_verb_speaks(parse: Callable, check_evidence: Callable) -> None:
    text = (
        "''Is the party running against its own candidate?'' asked Mr. Manafort, "
        "referring to the committee."
    )
    quote = _one(parse, check_evidence, text)
    assert quote.speaker_name == "Manafort"


def test_a_dash_and_a_name_sign_a_quote(parse: Callable, check_evidence: Callable) -> None:
    text = "“I will look into the transcripts of those speeches.”\n\n- Ana Duarte.\n\nShe left."
    quote = _one(parse, check_evidence, text)
    assert quote.speaker_name == "Ana Duarte"
    assert _evidence(quote) == "Ana Duarte"


def test_a_participle_quote_is_dated_by_the_speech_verb_it_hangs_from(
    parse: Callable, time_at: Callable
) -> None:
    text = (
        "Late on Tuesday, Minister Ana Duarte told the families that talks had resumed, "
        "calling their rescue “a supreme task”."
    )
    sdoc, doc = parse(text)
    tuesday = time_at(doc, "Late on Tuesday", "2024-03-05")
    [quote] = extract_quotes(sdoc, doc, extract_mentions(sdoc, doc), [tuesday])
    assert quote.speaker_name == "Ana Duarte"
    assert quote.date == "2024-03-05"
