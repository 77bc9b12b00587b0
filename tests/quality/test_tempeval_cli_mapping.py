"""bench/timex/tempeval_cli.py maps offsets into a cleaned text back to the input text."""

from __future__ import annotations

from bench.timex.tempeval_cli import offset_map, times_in_original


def test_offsets_after_dropped_lines_map_back_to_the_input() -> None:
    original = "\n\nTop of page\nTalks resumed on Monday.\n"
    cleaned = "Talks resumed on Monday."
    mapping = offset_map(cleaned, original)
    start = cleaned.index("Monday")
    assert original[mapping[start] : mapping[start + 6]] == "Monday"  # type: ignore[misc]


def test_times_come_back_with_input_offsets_or_not_at_all() -> None:
    original = "\n\nEnvoys met on Monday in Cairo."
    cleaned = original.strip()
    start = cleaned.index("Monday")
    output = {
        "documents": [{"text": cleaned}],
        "times": [
            {
                "type": "DATE",
                "value": "1998-08-03",
                "evidence": {"start": start, "end": start + 6, "text": "Monday"},
            }
        ],
    }
    [found] = times_in_original(output, original)  # type: ignore[misc]
    assert (found.start, found.end, found.text) == (start + 2, start + 8, "Monday")
    output["documents"] = [{"text": "Envoys met on Tuesday in Cairo."}]
    assert times_in_original(output, original) is None
