"""Turn the groups a rule matched into a TIMEX3 value.

Each handler takes the match, the context (anchor date, tense, lexicon) and the rule's args and
returns a Timex, or None when the words do not make a time after all (February 30). Rules name
their handler in data/rules.toml; HANDLERS maps those names to the functions.
"""

from __future__ import annotations

from storyline.timex.handlers.base import Context, Handler
from storyline.timex.handlers.dates import (
    handle_century,
    handle_date,
    handle_decade,
    handle_half,
    handle_holiday,
    handle_month,
    handle_quarter,
    handle_reported_quarter,
    handle_season,
    handle_week_of,
    handle_whole_year,
    handle_year,
    handle_year_end,
)
from storyline.timex.handlers.durations import handle_duration, handle_set
from storyline.timex.handlers.relative import (
    handle_clock,
    handle_offset,
    handle_reference,
    handle_relative_day,
    handle_shifted_unit,
    handle_vague_reference,
    handle_weekday,
)

__all__ = ["HANDLERS", "Context", "Handler"]

HANDLERS: dict[str, Handler] = {
    "date": handle_date,
    "month": handle_month,
    "year": handle_year,
    "decade": handle_decade,
    "century": handle_century,
    "season": handle_season,
    "quarter": handle_quarter,
    "half": handle_half,
    "holiday": handle_holiday,
    "week_of": handle_week_of,
    "year_end": handle_year_end,
    "whole_year": handle_whole_year,
    "reported_quarter": handle_reported_quarter,
    "clock": handle_clock,
    "relative_day": handle_relative_day,
    "weekday": handle_weekday,
    "shifted_unit": handle_shifted_unit,
    "offset": handle_offset,
    "vague_reference": handle_vague_reference,
    "duration": handle_duration,
    "set": handle_set,
    "reference": handle_reference,
}
