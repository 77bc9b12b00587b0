"""storyline: turn a pile of news articles into the story they tell."""

__version__ = "0.1.0"
