"""The language a document is written in, detected from its cleaned text at ingest.

py3langid (a naive Bayes classifier over byte n-grams, 97 languages, its model inside the
package) was measured against lingua on the labelled texts of tests/data/languages.txt
(bench/language/detectors.py): equally right on every news paragraph, headline and mixed page
there, ten times faster (0.15 ms a text against 1.8), and a tenth of lingua's memory in its
accurate mode. Codes are ISO 639-1 where the language has one (ISO 639-3 otherwise, as
py3langid gives them); UNDETERMINED when the text is too short or too unsure to tell.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from storyline.config import UNDETERMINED

# The opening of a text decides its language: past a few sentences more text changes nothing,
# and a long page would cost time for no gain.
DETECT_CHARS = 2000
# Below this many letters (a caption, a time stamp, "AP Photo") no detector can tell. An
# ideograph or a Hangul syllable counts as IDEOGRAPH_LETTERS: it says as much as a short word,
# and a Chinese headline of ten of them is as plain as an English one of forty letters.
MIN_LETTERS = 16
IDEOGRAPH_LETTERS = 3
# Normalized probability under which the best language is a guess: residue and bylines score
# under 0.15 on the labelled set, the shortest real headline over 0.45.
MIN_CONFIDENCE = 0.3
# Languages left out of the candidates: Nigerian Pidgin wins English bylines and photo credits
# ("GRAPHIC : Karen Yourish and Laura Stanton - The Washington Post , September 30 , 2008")
# with 0.5 to 0.7, and an English page read as pidgin would go unanalyzed (Timeline17: 2 of
# 3,000 English pages). Its speakers write news in English.
NEVER = frozenset({"pcm"})


@dataclass(frozen=True)
class DetectedLanguage:
    code: str  # ISO 639-1 ("en", "ru"), or UNDETERMINED
    confidence: float  # the detector's probability for the code, 0 to 1


@cache
def _identifier() -> Any:
    # Loaded once per process, on first use (0.7 s): commands that ingest nothing never pay it.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([c for c in identifier.labels if c not in NEVER])
    return identifier


def detect_language(text: str) -> DetectedLanguage:
    """The language of ``text``, judged on its first DETECT_CHARS characters."""
    head = text[:DETECT_CHARS]
    if not _enough_letters(head):
        return DetectedLanguage(UNDETERMINED, 0.0)
    code, confidence = _identifier().classify(head)
    confidence = round(float(confidence), 3)
    if confidence < MIN_CONFIDENCE:
        return DetectedLanguage(UNDETERMINED, confidence)
    return DetectedLanguage(str(code), confidence)


def _enough_letters(text: str) -> bool:
    letters = 0
    for c in text:
        if c.isalpha():
            letters += (
                IDEOGRAPH_LETTERS if "\u3040" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" else 1
            )
            if letters >= MIN_LETTERS:
                return True
    return False
