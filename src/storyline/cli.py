"""The command line: a thin layer over the library (storyline.pipeline).

Exit codes: 0 when all input was accepted, 2 when some input was rejected (each rejection is
one line on stderr naming the input and the reason), 1 when the run could not proceed (one line
on stderr: what, why and a hint), 130 when interrupted with Ctrl-C: the shell's convention
(128 + SIGINT), which lets a script or make tell "the user stopped it" from "it failed".
"""

from __future__ import annotations

import errno
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click
from rich.console import Console
from rich.table import Table

from storyline import __version__
from storyline.config import DEFAULT_LANGUAGE, DEFAULT_MAX_BYTES, DEFAULT_MODEL, Config
from storyline.errors import DiskFull, StorylineError
from storyline.model import ENTITY_KINDS, Document, Rejection, ResolvedStory

EXIT_OK, EXIT_FAILED, EXIT_REJECTED, EXIT_INTERRUPTED = 0, 1, 2, 130

stderr = Console(stderr=True, highlight=False)
# A --model value that names the language it is for: "de=de_core_news_sm".
_LANGUAGE_MODEL = re.compile(r"([a-z]{2,3})=(.+)")
# What --since/--until take: a date at a calendar precision.
_DATE_PREFIX = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")
F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


def _db_option(f: F) -> F:
    return click.option(
        "--db",
        default=lambda: os.environ.get("STORYLINE_DB", "storyline.db"),
        show_default="storyline.db, or $STORYLINE_DB",
        help="The story store: an SQLite file path or an SQLAlchemy URL.",
    )(f)


def _analysis_options(f: F) -> F:
    f = click.option(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help="Analyze on the running Dask cluster whose scheduler is here (implies dask).",
    )(f)
    f = click.option(
        "--engine",
        type=click.Choice(["local", "dask"]),
        show_default="local, or dask with --scheduler",
        help="Where documents are analyzed: this machine's processes, or a Dask cluster "
        "(a LocalCluster of --workers processes unless --scheduler is given).",
    )(f)
    f = click.option(
        "--model",
        multiple=True,
        metavar="[LANG=]NAME",
        help=f"spaCy pipeline (package name or path) for English, e.g. en_core_web_md "
        f"(default {DEFAULT_MODEL}); LANG=NAME names one for another language, e.g. "
        "de=de_core_news_sm. Repeatable. Documents in a language with no pipeline are "
        "stored and dated but not analyzed.",
    )(f)
    f = click.option(
        "--workers", default=1, show_default=True, type=click.IntRange(1), help="Processes."
    )(f)
    f = click.option(
        "--max-bytes",
        default=DEFAULT_MAX_BYTES,
        show_default=True,
        type=click.IntRange(1),
        help="Reject inputs larger than this.",
    )(f)
    return f


def _anchor_options(f: F) -> F:
    f = click.option(
        "--anchors",
        "anchors_file",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help='A TOML file of dates you know: one "event words" = YYYY-MM-DD per line.',
    )(f)
    f = click.option(
        "--anchor",
        "anchor_texts",
        multiple=True,
        metavar='"EVENT=DATE"',
        help='A date you know, e.g. "Yahya Sinwar killed=2024-10-16": undated articles '
        "reporting it are dated from it. Repeatable; kept in the store.",
    )(f)
    return f


def _anchors(texts: tuple[str, ...], path: Path | None) -> list[Any]:
    from storyline.pipeline import read_anchors

    try:
        return read_anchors(texts, path)
    except StorylineError as exc:
        _fail(exc)


def _config(
    model: tuple[str, ...],
    workers: int,
    max_bytes: int,
    engine: str | None,
    scheduler: str | None,
) -> Config:
    if scheduler and engine == "local":
        _fail(StorylineError("--scheduler needs the dask engine", hint="drop --engine local"))
    models = _language_models(model)
    return Config(
        spacy_model=models.pop(DEFAULT_LANGUAGE, DEFAULT_MODEL),
        language_models=models,
        workers=workers,
        max_bytes=max_bytes,
        engine="dask" if scheduler else engine or "local",
        scheduler=scheduler,
    )


def _language_models(values: tuple[str, ...]) -> dict[str, str]:
    """--model values by language: "de=de_core_news_sm", or a bare NAME for English."""
    models: dict[str, str] = {}
    for value in values:
        found = _LANGUAGE_MODEL.fullmatch(value)
        language, name = (found[1], found[2]) if found else (DEFAULT_LANGUAGE, value)
        if language in models:
            _fail(
                StorylineError(
                    f"--model names two pipelines for {language}",
                    hint="give one --model per language",
                )
            )
        models[language] = name
    return models


def _rejection_line(r: Rejection) -> str:
    detail = f": {r.detail}" if r.detail else ""
    return f"rejected {r.source}: {r.reason}{detail}"


def _say_rejection(r: Rejection) -> None:
    # Plain print, not rich markup: sources and details are user data.
    print(_rejection_line(r), file=sys.stderr)


def _fail(exc: StorylineError) -> NoReturn:
    # One line whatever the message holds: driver errors can span several.
    print("Error: " + " ".join(str(exc).split()), file=sys.stderr)
    sys.exit(EXIT_FAILED)


class _Commands(click.Group):
    """The command group, with what any command can meet and no command handles itself."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            print("interrupted", file=sys.stderr)
            sys.exit(EXIT_INTERRUPTED)
        except OSError as exc:
            if exc.errno != errno.ENOSPC:
                raise
            where = exc.filename or "standard output"
            _fail(DiskFull(f"no space left on device writing {where}"))


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storyline")
def main() -> None:
    """storyline turns a pile of news articles into the story they tell: a dated, sourced
    timeline of events, the actors, the figures and where sources disagree, who said what.

    Start with `storyline build ARTICLES...`, then `storyline timeline`, `storyline report`
    or `storyline export`. `storyline demo` shows it all on the bundled example corpus.
    """


@main.command()
@click.argument("paths", nargs=-1)
@_db_option
@_analysis_options
@_anchor_options
@click.option("--quiet", "-q", is_flag=True, help="No progress display.")
@click.option(
    "--full",
    is_flag=True,
    help="Resolve the whole story from scratch: every undated document dated again from the "
    "whole corpus (otherwise only new documents and those reporting the same events are).",
)
def build(
    paths: tuple[str, ...],
    db: str,
    model: tuple[str, ...],
    workers: int,
    max_bytes: int,
    engine: str | None,
    scheduler: str | None,
    anchor_texts: tuple[str, ...],
    anchors_file: Path | None,
    quiet: bool,
    full: bool,
) -> None:
    """Ingest articles (files, directories, globs, or - for stdin), analyze them, resolve
    the story and store it: every read command answers from what build stored.

    Formats are detected by content and extension: plain text, HTML, JSON Lines
    ({id, text, published, ...} per line) and WARC, each also gzip-compressed (.html.gz),
    and zip archives of them. Rerunning on the same input changes
    nothing; a killed run is finished by the next one. With no PATHS, the story of what the
    store holds is brought up to date.
    """
    config = _config(model, workers, max_bytes, engine, scheduler)
    anchors = _anchors(anchor_texts, anchors_file)
    try:
        result = _run_build(list(paths), db, config, quiet, anchors, full=full)
    except StorylineError as exc:
        _fail(exc)
    except KeyboardInterrupt:
        # Each document is stored with its analysis in one transaction: those are kept.
        print(f"interrupted: {_stored(db)}, run build again to continue", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
    story = result.story
    n_docs = len(story.documents) if story else 0
    n_events = len(story.timeline) if story else 0
    print(
        f"{result.added} new document(s), {result.already_stored} already stored, "
        f"{len(result.rejections)} rejected; the store holds {n_docs} document(s) and "
        f"{n_events} timeline entries ({db})",
        file=sys.stderr,
    )
    if result.not_analyzed:
        print(_not_analyzed_line(result.not_analyzed), file=sys.stderr)
    sys.exit(EXIT_REJECTED if result.rejections else EXIT_OK)


def _not_analyzed_line(counts: dict[str, int]) -> str:
    """'not analyzed: no pipeline for ru (2), de (1)': stored, but nothing read from them."""
    by_count = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    languages = ", ".join(f"{language} ({n})" for language, n in by_count)
    return f"not analyzed: no pipeline for {languages}; add --model LANG=PIPELINE to analyze them"


def _stored(db: str) -> str:
    """What the store holds after an interrupted build, counted in it: the signal may have
    come between a document's commit and its progress report."""
    from storyline.pipeline import count_documents

    try:
        return f"{count_documents(db)} document(s) stored"
    except StorylineError:  # interrupted while the store was being created
        return "nothing stored"


def _run_build(
    paths: list[str],
    db: str,
    config: Config,
    quiet: bool,
    anchors: list[Any] | None = None,
    *,
    full: bool = False,
) -> Any:
    from storyline.pipeline import build as build_story
    from storyline.pipeline import count_inputs, preload_pipelines
    from storyline.present.progress import BuildProgress

    stdin = sys.stdin.buffer if "-" in paths else None
    run = partial(
        build_story, paths, db=db, config=config, stdin=stdin, anchors=anchors or (), full=full
    )
    if quiet or not stderr.is_terminal:
        return run(progress=_plain_progress)
    # Counted first (a quick read of each input) so that the bar has its total from the
    # first document; with no paths the build analyzes what a killed run left: no total.
    count = count_inputs(paths) if paths else None
    total = count.total if count is not None else None
    with BuildProgress(stderr, total, exact=count is None or count.exact) as shown:
        description = "analyzing"
        if count is not None and count.total:
            shown.loading(config.spacy_model)
            if not preload_pipelines(config):
                description = f"analyzing (workers loading {config.spacy_model})"
        shown.start(description)

        def progress(kind: str, item: Document | Rejection) -> None:
            if isinstance(item, Rejection):
                shown.say(_rejection_line(item))
            shown.advance()

        return run(progress=progress)


def _plain_progress(kind: str, item: Document | Rejection) -> None:
    if isinstance(item, Rejection):
        _say_rejection(item)


def _refresh_option(f: F) -> F:
    return click.option(
        "--refresh",
        is_flag=True,
        help="Bring the stored story up to date first when documents changed since the last "
        "build (otherwise a stale story is an error).",
    )(f)


def _paging_options(f: F) -> F:
    f = click.option(
        "--offset", type=click.IntRange(0), default=0, help="Skip this many rows first."
    )(f)
    return click.option("--limit", type=click.IntRange(1), help="At most this many rows.")(f)


# What a listing's --format help says of table and tsv, and the default it shows.
_TABLE_HELP = (
    "table: for reading, as wide as the terminal; tsv: a header line, then one record a "
    "line, tab-separated (the default when standard output is not a terminal)"
)
_TABLE_DEFAULT = "table on a terminal, else tsv"


def _date_options(what: str) -> Callable[[F], F]:
    """--since and --until for a listing of ``what`` ("Lines", "Quotes")."""

    def add(f: F) -> F:
        f = click.option(
            "--until", metavar="DATE", help=f"{what} dated on or before DATE (YYYY[-MM[-DD]])."
        )(f)
        return click.option(
            "--since", metavar="DATE", help=f"{what} dated on or after DATE (YYYY[-MM[-DD]])."
        )(f)

    return add


def _check_dates(since: str | None, until: str | None) -> None:
    for name, value in (("--since", since), ("--until", until)):
        if value is not None and not _DATE_PREFIX.fullmatch(value):
            _fail(
                StorylineError(
                    f"{name} {value!r} is not a date", hint="use YYYY, YYYY-MM or YYYY-MM-DD"
                )
            )


def _listing_format(f: F) -> F:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "tsv", "json", "jsonl"]),
        show_default=_TABLE_DEFAULT,
        help=f"{_TABLE_HELP}; json: one array; jsonl: one object per line.",
    )(f)


def _table_or_tsv(fmt: str | None) -> str:
    """The format given, else a table for a person at a terminal and TSV for a pipe: a
    table drawn for no one wraps at 80 columns and breaks every line-based tool."""
    if fmt is not None:
        return fmt
    return "table" if sys.stdout.isatty() else "tsv"


def _print_table(fmt: str, table: Table) -> None:
    """``table`` drawn for the terminal, or as TSV (fmt "tsv")."""
    from storyline.present.tsv import table_tsv

    if fmt == "tsv":
        click.echo(table_tsv(table), nl=False)
    else:
        Console(highlight=False).print(table)


def _reading(read: Callable[[], T]) -> T:
    """What ``read`` returns (a read command's rows, a file written), or its error as one
    line."""
    try:
        return read()
    except StorylineError as exc:
        _fail(exc)


def _print_listing(
    fmt: str | None,
    count: int,
    table: Callable[[], Table],
    rows: Callable[[], list[dict[str, Any]]],
    nothing: str,
) -> None:
    """A read command's rows as a table, TSV, a JSON array or JSON lines; with none, the line
    ``nothing`` on stderr (and an empty array for json, so a pipe still gets JSON)."""
    fmt = _table_or_tsv(fmt)
    if count == 0:
        if fmt == "json":
            click.echo("[]")
        print(nothing, file=sys.stderr)
    elif fmt in ("table", "tsv"):
        _print_table(fmt, table())
    elif fmt == "json":
        click.echo(json.dumps(rows(), ensure_ascii=False, indent=2))
    else:
        for row in rows():
            click.echo(json.dumps(row, ensure_ascii=False))


def _open(db: str, refresh: bool) -> ResolvedStory:
    from storyline.pipeline import open_story

    try:
        return open_story(db, refresh=refresh)
    except StorylineError as exc:
        _fail(exc)


@main.command()
@_db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "tsv", "json", "jsonl", "md"]),
    show_default=_TABLE_DEFAULT,
    help=f"{_TABLE_HELP}; json, jsonl; md: a Markdown table.",
)
@_paging_options
@_date_options("Lines")
@click.option(
    "--type",
    "event_type",
    metavar="TYPE",
    help="Only events of this PLOVER type (ASSAULT, PROTEST, ...; statements have none).",
)
@click.option(
    "--actor",
    metavar="NAME",
    help="Only events this actor did or underwent and its statements (a part of its name).",
)
@click.option("--story", "story_id", metavar="ID", help="Only lines citing this story's documents.")
@click.option(
    "--summary",
    is_flag=True,
    help="The key days instead, each with a few sentences quoted from the articles, cited.",
)
@click.option(
    "--max-dates",
    type=click.IntRange(min=1),
    metavar="L",
    help="With --summary: at most L days (default: about one a week of the corpus's span).",
)
@click.option(
    "--sentences",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    metavar="K",
    help="With --summary: at most K sentences a day.",
)
@_refresh_option
def timeline(
    db: str,
    fmt: str | None,
    limit: int | None,
    offset: int,
    since: str | None,
    until: str | None,
    event_type: str | None,
    actor: str | None,
    story_id: str | None,
    summary: bool,
    max_dates: int | None,
    sentences: int,
    refresh: bool,
) -> None:
    """Print the story's timeline: dated events and statements in order, with citations.
    With --summary, the story's key days instead (or one story's, with --story), each with
    up to K sentences quoted from the articles: one JSON line per day with --format jsonl,
    {"date", "sentences", "citations"}."""
    from storyline.pipeline import open_timeline
    from storyline.present.table import timeline_json, timeline_markdown, timeline_table

    _check_dates(since, until)
    if summary:
        if event_type is not None:
            _fail(StorylineError("--type does not apply to --summary", hint="use --story ID"))
        _summary_timeline(db, fmt, since, until, actor, story_id, max_dates, sentences, refresh)
        return
    try:
        page = open_timeline(
            db,
            limit=limit,
            offset=offset,
            since=since,
            until=until,
            actor=actor,
            story=story_id,
            type=event_type,
            refresh=refresh,
        )
    except StorylineError as exc:
        _fail(exc)
    entries, documents = page.entries, page.documents
    fmt = _table_or_tsv(fmt)
    if fmt in ("table", "tsv"):
        _print_table(fmt, timeline_table(entries, documents))
    elif fmt == "md":
        click.echo(timeline_markdown(entries, documents))
    elif fmt == "json":
        click.echo(json.dumps(timeline_json(entries, documents), ensure_ascii=False, indent=2))
    else:
        for row in timeline_json(entries, documents):
            click.echo(json.dumps(row, ensure_ascii=False))


def _summary_timeline(
    db: str,
    fmt: str | None,
    since: str | None,
    until: str | None,
    actor: str | None,
    story_id: str | None,
    max_dates: int | None,
    sentences: int,
    refresh: bool,
) -> None:
    from storyline.pipeline.summary import open_summary_timeline
    from storyline.present.summary_timeline import summary_json, summary_table

    if actor is not None:
        _fail(StorylineError("--actor does not apply to --summary", hint="use --story ID"))
    if fmt == "md":
        _fail(StorylineError("--summary has no md format", hint="use table, json or jsonl"))
    page = _reading(
        partial(
            open_summary_timeline,
            db,
            max_dates=max_dates,
            sentences=sentences,
            since=since,
            until=until,
            story=story_id,
            refresh=refresh,
        )
    )
    _print_listing(
        fmt,
        len(page.days),
        lambda: summary_table(page.days, page.documents),
        lambda: summary_json(page.days),
        f"no dated sentences for a summary in {db}",
    )


@main.command()
@_db_option
@_listing_format
@click.option("--kind", metavar="KIND", help=f"Only this kind: {', '.join(ENTITY_KINDS)}.")
@_paging_options
@_refresh_option
def actors(
    db: str, fmt: str | None, kind: str | None, limit: int | None, offset: int, refresh: bool
) -> None:
    """List the story's actors (people, organizations, places, groups), most mentioned
    first: name, kind, country, mentions, documents and other names. An actor has no date,
    event type or story of its own to filter by: see `timeline --actor NAME`."""
    from storyline.pipeline import open_actors
    from storyline.present.actors import actors_json, actors_table

    if kind is not None and kind not in ENTITY_KINDS:
        _fail(
            StorylineError(f"--kind {kind!r} is not a kind", hint=f"use {', '.join(ENTITY_KINDS)}")
        )
    found = _reading(
        partial(open_actors, db, kind=kind, limit=limit, offset=offset, refresh=refresh)
    )
    what = f"{kind} actors" if kind else "actors"
    _print_listing(
        fmt,
        len(found),
        lambda: actors_table(found),
        lambda: actors_json(found),
        f"no {what}{_past(offset)} in the story in {db}",
    )


@main.command()
@_db_option
@_listing_format
@_paging_options
@_refresh_option
def sources(db: str, fmt: str | None, limit: int | None, offset: int, refresh: bool) -> None:
    """List the outlets the documents come from, most documents first: how many, the wires
    they credit and the days they cover. Outlets are listed whole: no date, actor, type or
    story filter (see `dates --story ID` for one story's documents)."""
    from storyline.pipeline import open_sources
    from storyline.present.sources import sources_json, sources_table

    found = _reading(partial(open_sources, db, limit=limit, offset=offset, refresh=refresh))
    _print_listing(
        fmt,
        len(found),
        lambda: sources_table(found),
        lambda: sources_json(found),
        f"no sources{_past(offset)} in the story in {db}",
    )


@main.command()
@_db_option
@_listing_format
@_paging_options
@_refresh_option
def stories(db: str, fmt: str | None, limit: int | None, offset: int, refresh: bool) -> None:
    """List the stories the documents were grouped into, largest first: id (for
    `timeline --story` and `dates --story`), title, key actors, dates, documents and
    events. Stories are paged only (--limit, --offset)."""
    from storyline.pipeline import open_entity_names, open_stories
    from storyline.present.stories import stories_json, stories_table

    found = _reading(partial(open_stories, db, limit=limit, offset=offset, refresh=refresh))
    names = open_entity_names(db, {a for s in found for a in s.key_actors}) if found else {}
    _print_listing(
        fmt,
        len(found),
        lambda: stories_table(found, names),
        lambda: stories_json(found, names),
        f"no stories{_past(offset)} in the story in {db}",
    )


@main.command()
@_db_option
@_listing_format
@_paging_options
@_refresh_option
def conflicts(db: str, fmt: str | None, limit: int | None, offset: int, refresh: bool) -> None:
    """List where sources disagree: one line per quantity, every value and who gave it.
    Conflicts are paged only (--limit, --offset)."""
    from storyline.pipeline import open_conflicts
    from storyline.present.stories import conflicts_json, conflicts_table

    page = _reading(partial(open_conflicts, db, limit=limit, offset=offset, refresh=refresh))
    _print_listing(
        fmt,
        len(page.conflicts),
        lambda: conflicts_table(page.conflicts, page.documents),
        lambda: conflicts_json(page.conflicts, page.documents),
        f"no conflicts{_past(offset)} in the story in {db}",
    )


@main.command()
@_db_option
@_listing_format
@click.option(
    "--series",
    is_flag=True,
    help="Each quantity over time: its values in date order, with sources.",
)
@_date_options("Figures as of a date")
@click.option(
    "--story", "story_id", metavar="ID", help="Only figures read in this story's documents."
)
@_paging_options
@_refresh_option
def figures(
    db: str,
    fmt: str | None,
    series: bool,
    since: str | None,
    until: str | None,
    story_id: str | None,
    limit: int | None,
    offset: int,
    refresh: bool,
) -> None:
    """List the figures the sources report (tolls, counts, amounts) by the date they hold
    as of: value, bounds, what is counted, whose figure it is, where it was read. With
    --series, each quantity reported on two days or more as a series over time (paged
    only). A figure has no event type, and whose it is is a source's words, not an actor
    (--type, --actor: see `timeline`)."""
    from storyline.pipeline import open_figures, open_series
    from storyline.present.figures import (
        figures_json,
        figures_table,
        series_json,
        series_table,
    )

    _check_dates(since, until)
    if series:
        if since or until or story_id:
            _fail(
                StorylineError(
                    "--since, --until and --story do not apply to --series",
                    hint="a series spans its dates: list the figures without --series",
                )
            )
        found = _reading(partial(open_series, db, limit=limit, offset=offset, refresh=refresh))
        _print_listing(
            fmt,
            len(found.series),
            lambda: series_table(found.series, found.documents),
            lambda: series_json(found.series, found.documents),
            f"no figure series{_past(offset)} in the story in {db}",
        )
        return
    page = _reading(
        partial(
            open_figures,
            db,
            since=since,
            until=until,
            story=story_id,
            limit=limit,
            offset=offset,
            refresh=refresh,
        )
    )
    _print_listing(
        fmt,
        len(page.figures),
        lambda: figures_table(page.figures, page.documents),
        lambda: figures_json(page.figures, page.documents),
        f"no figures{_past(offset)} in the story in {db}",
    )


@main.command()
@_db_option
@_listing_format
@click.option(
    "--speaker",
    "--actor",
    "speaker",
    metavar="NAME",
    help="Only quotes whose speaker's name holds NAME (--actor: the same).",
)
@_date_options("Quotes")
@_paging_options
@_refresh_option
def quotes(
    db: str,
    fmt: str | None,
    speaker: str | None,
    since: str | None,
    until: str | None,
    limit: int | None,
    offset: int,
    refresh: bool,
) -> None:
    """List who said what, by date: the speaker (the actor's name, or the words naming
    them), the date, the quote and where it was read. Quotes have no event type, and are
    not filtered by story (--type, --story: see `timeline`, whose statements are quotes)."""
    from storyline.pipeline import open_quotes
    from storyline.present.quotes import quotes_json, quotes_table

    _check_dates(since, until)
    page = _reading(
        partial(
            open_quotes,
            db,
            speaker=speaker,
            since=since,
            until=until,
            limit=limit,
            offset=offset,
            refresh=refresh,
        )
    )
    by = f" by a speaker named like {speaker!r}" if speaker else ""
    by += " in those dates" if since or until else ""
    _print_listing(
        fmt,
        len(page.quotes),
        lambda: quotes_table(page.quotes, page.speakers, page.documents),
        lambda: quotes_json(page.quotes, page.speakers, page.documents),
        f"no quotes{by}{_past(offset)} in the story in {db}",
    )


def _past(offset: int) -> str:
    return f" past the first {offset}" if offset else ""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_analysis_options
@_anchor_options
@click.option(
    "--format", "fmt", type=click.Choice(["json", "jsonl"]), default="jsonl", show_default=True
)
def analyze(
    paths: tuple[str, ...],
    model: tuple[str, ...],
    workers: int,
    max_bytes: int,
    engine: str | None,
    scheduler: str | None,
    anchor_texts: tuple[str, ...],
    anchors_file: Path | None,
    fmt: str,
) -> None:
    """Analyze each document on its own (no store, no cross-document work) and write one
    storyline/1 object per document: a JSON array, or one object per line with jsonl.
    An undated document is dated from its own text (and the anchors given)."""
    from storyline.pipeline import analyze_stories
    from storyline.present.export import export_object

    config = _config(model, workers, max_bytes, engine, scheduler)
    anchors = _anchors(anchor_texts, anchors_file)
    rejected = False
    objects: list[dict[str, Any]] = []
    try:
        stdin = sys.stdin.buffer if "-" in paths else None
        for item in analyze_stories(list(paths), config, stdin=stdin, anchors=anchors):
            if isinstance(item, Rejection):
                rejected = True
                _say_rejection(item)
                obj = export_object(ResolvedStory(rejections=[item]))
            else:
                obj = export_object(item)
            if fmt == "jsonl":
                click.echo(json.dumps(obj, ensure_ascii=False))
            else:
                objects.append(obj)
    except StorylineError as exc:
        _fail(exc)
    if fmt == "json":
        click.echo(json.dumps(objects, ensure_ascii=False, indent=2))
    sys.exit(EXIT_REJECTED if rejected else EXIT_OK)


@main.command()
@_db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "parquet", "plover"]),
    default="json",
    show_default=True,
    help="plover: one PLOVER-style event record per line, for event-data tools.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Output file (json, jsonl, plover) or directory (parquet). Default: standard output.",
)
@_refresh_option
def export(db: str, fmt: str, output: Path | None, refresh: bool) -> None:
    """Export the whole story in the storyline/1 format (see the JSON Schema in the package),
    or its events as PLOVER-style records (--format plover)."""
    from storyline.present.export import write_json, write_jsonl, write_parquet
    from storyline.present.output import check_output_file, write_text_file
    from storyline.present.plover import write_plover

    if fmt == "parquet" and output is None:
        _fail(StorylineError("parquet needs a directory", hint="pass -o DIR"))
    if output is not None and fmt != "parquet":
        _reading(partial(check_output_file, output))
    story = _open(db, refresh)
    if fmt == "parquet":
        assert output is not None
        for path in _reading(partial(write_parquet, story, output)):
            print(path, file=sys.stderr)
        return
    writers = {"json": write_json, "jsonl": write_jsonl, "plover": write_plover}
    writer = writers[fmt]
    if output is None:
        writer(story, sys.stdout)
        return
    _reading(partial(write_text_file, output, partial(writer, story)))


@main.command()
@_db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "tsv", "json"]),
    show_default=_TABLE_DEFAULT,
    help=f"{_TABLE_HELP}; json: one array.",
)
@click.option(
    "--language",
    metavar="CODE",
    help="Only the documents in this language (ISO 639-1, e.g. ru; und: undetermined).",
)
@_date_options("Documents")
@click.option("--story", "story_id", metavar="ID", help="Only this story's documents.")
@_paging_options
@_refresh_option
def dates(
    db: str,
    fmt: str | None,
    language: str | None,
    since: str | None,
    until: str | None,
    story_id: str | None,
    limit: int | None,
    offset: int,
    refresh: bool,
) -> None:
    """List the documents with their publication date: the day, or the interval it lies in,
    where it comes from (metadata, the text, or inferred) and the evidence for it, and their
    language (and, for those no pipeline analyzed, why). Documents are not filtered by
    event type or actor (--type, --actor: see `timeline`, whose lines cite documents)."""
    from storyline.pipeline import open_dates
    from storyline.present.dates import date_rows, dates_table

    _check_dates(since, until)
    # The language is read from each record, not a column: with it, paging follows the
    # filter here rather than in the store.
    paged_here = language is not None
    heads = _reading(
        partial(
            open_dates,
            db,
            refresh=refresh,
            since=since,
            until=until,
            story=story_id,
            limit=None if paged_here else limit,
            offset=0 if paged_here else offset,
        )
    )
    rows = date_rows(heads)
    if language is not None:
        rows = [row for row in rows if row["language"] == language.lower()]
        rows = rows[offset : None if limit is None else offset + limit]
    fmt = _table_or_tsv(fmt)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        _print_table(fmt, dates_table(rows))


@main.command()
@_db_option
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("story.html"),
    show_default=True,
)
@click.option("--title", help="Title of the report.")
@_refresh_option
def report(db: str, output: Path, title: str | None, refresh: bool) -> None:
    """Write the story as one self-contained HTML file (no network needed to view it)."""
    from storyline.present.output import check_output_file, write_text_file
    from storyline.present.report import render_report

    _reading(partial(check_output_file, output))
    story = _open(db, refresh)
    html = render_report(story, title=title)
    _reading(partial(write_text_file, output, lambda out: out.write(html)))
    print(f"wrote {output}", file=sys.stderr)


@main.command()
@_db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (0.0.0.0 lets other machines in: the story is then public).",
)
@click.option(
    "--port", default=8765, show_default=True, type=click.IntRange(0, 65535), help="Port."
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Server processes (each answers requests on its own core).",
)
def serve(db: str, host: str, port: int, workers: int) -> None:
    """Serve the stored story read-only in the browser, with a JSON HTTP API: open the URL
    it prints; the API's documentation is at /api/docs. Ctrl-C stops it."""
    from storyline.web.server import serve as serve_story

    try:
        serve_story(db, host, port, workers=workers)
    except StorylineError as exc:
        _fail(exc)


def _demo_corpus() -> Path | None:
    here = Path(__file__).resolve()
    for root in (*here.parents, Path.cwd()):
        corpus = root / "examples" / "corpus"
        if corpus.is_dir():
            return corpus
    return None


@main.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("story.html"),
    show_default=True,
)
@click.option("--corpus", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--db", default=None, help="Keep the demo store here (default: a temporary file).")
def demo(output: Path, corpus: Path | None, db: str | None) -> None:
    """Build the bundled example corpus, print its timeline and write the HTML report."""
    from storyline.present.output import check_output_file, write_text_file
    from storyline.present.report import render_report
    from storyline.present.sources import retelling_lines
    from storyline.present.table import timeline_table

    corpus = corpus or _demo_corpus()
    if corpus is None:
        _fail(StorylineError("the example corpus was not found", hint="pass --corpus DIR"))
    _reading(partial(check_output_file, output))
    with tempfile.TemporaryDirectory() as tmp:
        store = db or str(Path(tmp) / "demo.db")
        print(f"building the story of {corpus} ...", file=sys.stderr)
        try:
            result = _run_build([str(corpus)], store, Config(), quiet=False)
        except StorylineError as exc:
            _fail(exc)
    story: ResolvedStory = result.story
    documents = {d.id: d for d in story.documents}
    Console(highlight=False).print(timeline_table(story.timeline, documents))
    for line in retelling_lines(story.documents, story.derivations):
        print(line, file=sys.stderr)
    html = render_report(story, title="storyline demo")
    _reading(partial(write_text_file, output, lambda out: out.write(html)))
    print(
        f"{len(story.documents)} documents, {len(story.entities)} entities, "
        f"{len(story.timeline)} timeline entries, {len(story.conflicts)} conflicts; "
        f"report written to {output}",
        file=sys.stderr,
    )
    if db is not None:
        print(
            f"the story is kept in {db}: see it with `storyline serve --db {db}`", file=sys.stderr
        )
    sys.exit(EXIT_REJECTED if result.rejections else EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
