"""The build's progress on a terminal: one step for loading the pipeline, then a bar with the
documents done of the total, the rate and the time left.

The rate is the documents done over the time since the analysis started (after the pipeline
loaded), not rich's moving average: documents come out of spaCy a batch at a time, and a rate
taken over the last few updates would swing with every batch. A total that was estimated
(WARC, zip, standard input) is shown as "~M", and so is its time left. The line fits 80
columns.
"""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

DOCUMENTS = "docs"


def _started(task: Task) -> float | None:
    started = task.fields.get("analysis_started")
    return started if isinstance(started, float) else None


def _rate(task: Task) -> float | None:
    """Documents a second since the analysis started; None before the first is done."""
    started = _started(task)
    if started is None or task.completed <= 0:
        return None
    return task.completed / max(time.monotonic() - started, 1e-6)


class CountColumn(ProgressColumn):
    """ "12 of 181 docs", "12 of ~181 docs" for an estimate, "12 docs" with no total."""

    def render(self, task: Task) -> Text:
        if _started(task) is None:
            return Text("")
        done = int(task.completed)
        if task.total is None:
            return Text(f"{done} {DOCUMENTS}")
        about = "" if task.fields.get("exact", True) else "~"
        return Text(f"{done} of {about}{int(task.total)} {DOCUMENTS}")


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        rate = _rate(task)
        if rate is None:
            return Text("")
        return Text(f"{rate:.1f}/s" if rate < 10 else f"{rate:.0f}/s", style="progress.data.speed")


class TimeLeftColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        rate = _rate(task)
        if rate is None or task.total is None:
            return Text("")
        seconds = max(task.total - task.completed, 0) / rate
        about = "" if task.fields.get("exact", True) else "~"
        return Text(f"{about}{_clock(seconds)} left", style="progress.remaining")


def _clock(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class BuildProgress:
    """A build's progress display (a context manager): ``loading`` while the pipeline loads,
    ``start`` when the analysis starts, ``advance`` per document (or duplicate, or rejection),
    ``say`` for a line printed above the bar."""

    def __init__(self, console: Console, total: int | None, *, exact: bool = True) -> None:
        self._exact = exact
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(bar_width=16),
            CountColumn(),
            RateColumn(),
            TimeLeftColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        # The bar is drawn empty (pulsing) until the analysis starts and the total applies.
        self._total = total
        self._task: TaskID = self._progress.add_task("starting", total=None, exact=exact)

    def __enter__(self) -> BuildProgress:
        self._progress.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._progress.stop()

    def loading(self, what: str) -> None:
        self._progress.update(self._task, description=f"loading {what}…")

    def start(self, description: str = "analyzing") -> None:
        self._progress.update(
            self._task,
            description=description,
            total=self._total,
            analysis_started=time.monotonic(),
        )

    def advance(self) -> None:
        task = self._progress.tasks[0]
        done, total = task.completed + 1, task.total
        if total is not None and done > total:
            # More than counted: an estimate was low, or the store held documents a killed
            # run left unanalyzed. The total grows rather than the bar running past its end.
            self._progress.update(
                self._task, completed=done, total=done, exact=False, description="analyzing"
            )
            return
        last = total is not None and done == total and self._exact
        # After the last document the build resolves the story, which takes a while.
        description = "resolving…" if last else "analyzing"
        self._progress.update(self._task, completed=done, description=description)

    def say(self, line: str) -> None:
        self._progress.console.print(line, markup=False, highlight=False)
