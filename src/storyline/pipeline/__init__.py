"""The library API, and the one place the stages run in order.

- stages.py: ingest → analyze → resolve → summarize → store the story (`build`), and the
  per-document path with no store (`analyze`, `analyze_stories`);
- read.py: what the read commands answer from, the stored story (`open_story`,
  `open_timeline`, `open_dates`, `open_actors`, `open_figures`, `open_series`, `open_quotes`,
  `open_stories`, `open_entity_names`, `open_conflicts`, `open_sources`);
- summary.py: the summary timeline of the stored documents (`open_summary_timeline`);
- anchors.py: the dates a user knows, read and kept in the store.

The CLI imports this package and the presenters, nothing else.
"""

from storyline.pipeline.anchors import read_anchors, save_anchors, stored_anchors
from storyline.pipeline.inputs import InputCount, count_inputs
from storyline.pipeline.read import (
    ConflictsPage,
    FiguresPage,
    QuotesPage,
    TimelinePage,
    count_documents,
    open_actors,
    open_conflicts,
    open_dates,
    open_entity_names,
    open_figures,
    open_quotes,
    open_series,
    open_sources,
    open_stories,
    open_story,
    open_timeline,
)
from storyline.pipeline.stages import (
    BuildResult,
    Progress,
    analyze,
    analyze_stories,
    build,
    preload_pipelines,
    story_fingerprint,
    update_story,
)
from storyline.pipeline.summary import SummaryPage, open_summary_timeline

__all__ = [
    "BuildResult",
    "ConflictsPage",
    "FiguresPage",
    "InputCount",
    "Progress",
    "QuotesPage",
    "SummaryPage",
    "TimelinePage",
    "analyze",
    "analyze_stories",
    "build",
    "count_documents",
    "count_inputs",
    "open_actors",
    "open_conflicts",
    "open_dates",
    "open_entity_names",
    "open_figures",
    "open_quotes",
    "open_series",
    "open_sources",
    "open_stories",
    "open_story",
    "open_summary_timeline",
    "open_timeline",
    "preload_pipelines",
    "read_anchors",
    "save_anchors",
    "stored_anchors",
    "story_fingerprint",
    "update_story",
]
