"""Presenters: the storyline/1 export (JSON, JSON Lines, Parquet), the HTML report and the
timeline tables. Each reads a ResolvedStory and nothing else."""
