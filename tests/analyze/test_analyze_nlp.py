from typing import Any

import pytest

from storyline.analyze.nlp import load_pipeline
from storyline.errors import ModelNotFound


def test_blank_line_and_final_punctuation_start_sentences(nlp: Any) -> None:
    text = (
        "date 2024-03-09\n\nEnvoys met in Doha on Friday.\nA second round is planned. "
        "Officials\nsaid little."
    )
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[0] == "date 2024-03-09"
    assert sents[1] == "Envoys met in Doha on Friday."
    assert "Officials\nsaid little." in sents  # a hard-wrapped line is not a sentence break


def test_unknown_model_is_a_named_error() -> None:
    with pytest.raises(ModelNotFound, match="no_such_model"):
        load_pipeline("no_such_model")
