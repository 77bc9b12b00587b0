"""Summaries of a resolved story: the timeline."""
