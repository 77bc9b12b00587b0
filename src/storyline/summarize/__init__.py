"""Summaries of a resolved story: the timeline of its events and statements (timeline.py),
and the summary timeline, its key days each with a few sentences quoted from the articles
(dated_summary.py, over candidates.py, date_choice.py, salience.py and settings.py)."""

from storyline.summarize.dated_summary import summary_timeline

__all__ = ["summary_timeline"]
