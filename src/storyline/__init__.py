"""storyline: turn a pile of news articles into the story they tell.

>>> import storyline
>>> result = storyline.build(["articles/"], db="story.db")
>>> for entry in result.story.timeline: ...
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["BuildResult", "__version__", "analyze", "build", "open_story"]

if TYPE_CHECKING:
    from storyline.pipeline import BuildResult, analyze, build, open_story


def __getattr__(name: str) -> Any:
    # Lazy: `import storyline.model` (and the CLI's start-up) should not pay for loading
    # spaCy, trafilatura and SQLAlchemy.
    if name in ("BuildResult", "analyze", "build", "open_story"):
        from storyline import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
