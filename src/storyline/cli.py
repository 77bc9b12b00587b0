"""The command line: a thin layer over the library (storyline.pipeline).

Exit codes: 0 when all input was accepted, 2 when some input was rejected (each rejection is
one line on stderr naming the input and the reason), 1 when the run could not proceed.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click
from rich.console import Console

from storyline import __version__
from storyline.config import DEFAULT_MAX_BYTES, DEFAULT_MODEL, Config
from storyline.errors import StorylineError
from storyline.model import Document, Rejection, ResolvedStory

EXIT_OK, EXIT_FAILED, EXIT_REJECTED = 0, 1, 2

stderr = Console(stderr=True, highlight=False)
F = TypeVar("F", bound=Callable[..., Any])


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
        default=DEFAULT_MODEL,
        show_default=True,
        help="spaCy pipeline to load (package name or path), e.g. en_core_web_md.",
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
    from storyline.resolve.dating import load_anchors, parse_anchor

    try:
        found = load_anchors(path) if path is not None else []
        found.extend(parse_anchor(text) for text in texts)
    except ValueError as exc:
        _fail(StorylineError(str(exc), hint='write anchors as "event words=YYYY-MM-DD"'))
    return found


def _config(
    model: str, workers: int, max_bytes: int, engine: str | None, scheduler: str | None
) -> Config:
    if scheduler and engine == "local":
        _fail(StorylineError("--scheduler needs the dask engine", hint="drop --engine local"))
    return Config(
        spacy_model=model,
        workers=workers,
        max_bytes=max_bytes,
        engine="dask" if scheduler else engine or "local",
        scheduler=scheduler,
    )


def _rejection_line(r: Rejection) -> str:
    detail = f": {r.detail}" if r.detail else ""
    return f"rejected {r.source}: {r.reason}{detail}"


def _say_rejection(r: Rejection) -> None:
    # Plain print, not rich markup: sources and details are user data.
    print(_rejection_line(r), file=sys.stderr)


def _fail(exc: StorylineError) -> NoReturn:
    print(f"Error: {exc}", file=sys.stderr)
    sys.exit(EXIT_FAILED)


def _require_store(db: str) -> None:
    """Fail with one line when a local store does not exist (opening would create it)."""
    if "://" not in db and not Path(db).exists():
        _fail(StorylineError(f"no story store at {db}", hint="run 'storyline build PATH...' first"))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storyline")
def main() -> None:
    """storyline turns a pile of news articles into the story they tell: a dated, sourced
    timeline of events, the actors, the figures and where sources disagree, who said what.

    Start with `storyline build ARTICLES...`, then `storyline timeline`, `storyline report`
    or `storyline export`. `storyline demo` shows it all on the bundled example corpus.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_db_option
@_analysis_options
@_anchor_options
@click.option("--quiet", "-q", is_flag=True, help="No progress display.")
def build(
    paths: tuple[str, ...],
    db: str,
    model: str,
    workers: int,
    max_bytes: int,
    engine: str | None,
    scheduler: str | None,
    anchor_texts: tuple[str, ...],
    anchors_file: Path | None,
    quiet: bool,
) -> None:
    """Ingest articles (files, directories, globs, or - for stdin), analyze them and resolve
    the story into the store.

    Formats are detected by content and extension: plain text, HTML, JSON Lines
    ({id, text, published, ...} per line) and WARC. Rerunning on the same input changes
    nothing; a killed run is finished by the next one.
    """
    config = _config(model, workers, max_bytes, engine, scheduler)
    anchors = _anchors(anchor_texts, anchors_file)
    try:
        result = _run_build(list(paths), db, config, quiet, anchors)
    except StorylineError as exc:
        _fail(exc)
    story = result.story
    n_docs = len(story.documents) if story else 0
    n_events = len(story.timeline) if story else 0
    print(
        f"{result.added} new document(s), {result.already_stored} already stored, "
        f"{len(result.rejections)} rejected; the store holds {n_docs} document(s) and "
        f"{n_events} timeline entries ({db})",
        file=sys.stderr,
    )
    sys.exit(EXIT_REJECTED if result.rejections else EXIT_OK)


def _run_build(
    paths: list[str], db: str, config: Config, quiet: bool, anchors: list[Any] | None = None
) -> Any:
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from storyline.pipeline import build as build_story

    stdin = sys.stdin.buffer if "-" in paths else None
    if quiet or not stderr.is_terminal:
        return build_story(
            paths,
            db=db,
            config=config,
            stdin=stdin,
            progress=_plain_progress,
            anchors=anchors or (),
        )
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.completed} documents"),
        TimeElapsedColumn(),
        console=stderr,
        transient=True,
    ) as bar:
        task = bar.add_task("analyzing", total=None)

        def progress(kind: str, item: Document | Rejection) -> None:
            if isinstance(item, Rejection):
                bar.console.print(_rejection_line(item), markup=False)
            else:
                bar.advance(task)

        return build_story(
            paths, db=db, config=config, stdin=stdin, progress=progress, anchors=anchors or ()
        )


def _plain_progress(kind: str, item: Document | Rejection) -> None:
    if isinstance(item, Rejection):
        _say_rejection(item)


def _open(db: str) -> ResolvedStory:
    from storyline.pipeline import open_story

    _require_store(db)
    try:
        return open_story(db)
    except StorylineError as exc:
        _fail(exc)


@main.command()
@_db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl", "md"]),
    default="table",
    show_default=True,
)
def timeline(db: str, fmt: str) -> None:
    """Print the story's timeline: dated events and statements in order, with citations."""
    from storyline.present.table import timeline_json, timeline_markdown, timeline_table

    story = _open(db)
    if fmt == "table":
        Console(highlight=False).print(timeline_table(story))
    elif fmt == "md":
        click.echo(timeline_markdown(story))
    elif fmt == "json":
        click.echo(json.dumps(timeline_json(story), ensure_ascii=False, indent=2))
    else:
        for row in timeline_json(story):
            click.echo(json.dumps(row, ensure_ascii=False))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_analysis_options
@_anchor_options
@click.option(
    "--format", "fmt", type=click.Choice(["json", "jsonl"]), default="jsonl", show_default=True
)
def analyze(
    paths: tuple[str, ...],
    model: str,
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
    from storyline.pipeline import analyze as analyze_docs
    from storyline.present.export import export_object
    from storyline.resolve.corpus import resolve_story

    config = _config(model, workers, max_bytes, engine, scheduler)
    anchors = _anchors(anchor_texts, anchors_file)
    rejected = False
    objects: list[dict[str, Any]] = []
    try:
        stdin = sys.stdin.buffer if "-" in paths else None
        for item in analyze_docs(list(paths), config, stdin=stdin):
            if isinstance(item, Rejection):
                rejected = True
                _say_rejection(item)
                obj = export_object(ResolvedStory(rejections=[item]))
            else:
                doc, analysis = item
                obj = export_object(resolve_story([doc], [analysis], anchors=anchors))
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
    type=click.Choice(["json", "jsonl", "parquet"]),
    default="json",
    show_default=True,
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Output file (json, jsonl) or directory (parquet). Default: standard output.",
)
def export(db: str, fmt: str, output: Path | None) -> None:
    """Export the whole story in the storyline/1 format (see the JSON Schema in the package)."""
    from storyline.present.export import write_json, write_jsonl, write_parquet

    story = _open(db)
    if fmt == "parquet":
        if output is None:
            _fail(StorylineError("parquet needs a directory", hint="pass -o DIR"))
        for path in write_parquet(story, output):
            print(path, file=sys.stderr)
        return
    writer = write_json if fmt == "json" else write_jsonl
    if output is None:
        writer(story, sys.stdout)
        return
    with output.open("w", encoding="utf-8") as out:
        writer(story, out)


@main.command()
@_db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
)
def dates(db: str, fmt: str) -> None:
    """List the documents with their publication date: the day, or the interval it lies in,
    where it comes from (metadata, the text, or inferred) and the evidence for it."""
    from storyline.pipeline import open_dates
    from storyline.present.dates import date_rows

    _require_store(db)
    try:
        dated = open_dates(db)
    except StorylineError as exc:
        _fail(exc)
    rows = date_rows(dated)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        Console(highlight=False).print(_dates_table(rows))


def _dates_table(rows: list[dict[str, Any]]) -> Any:
    from rich.table import Table
    from rich.text import Text

    from storyline.present.dates import evidence_label, interval_label
    from storyline.present.display import file_name

    table = Table(title="Publication dates", expand=True)
    table.add_column("Document", overflow="fold", ratio=1, min_width=14)
    table.add_column("Date", no_wrap=True, style="bold")
    table.add_column("Interval", no_wrap=True)
    table.add_column("Basis", no_wrap=True, style="cyan")
    table.add_column("Evidence", overflow="fold", ratio=2, style="dim")
    for row in rows:
        name = file_name(row["source"]) or row["id"][:8]
        date = row["date"] or ("undated" if row["basis"] is None else "")
        # Text() rather than str so brackets in article text are not read as rich markup.
        table.add_row(
            Text(name),
            Text(date),
            Text(interval_label(row)),
            Text(row["basis"] or ""),
            Text(evidence_label(row)),
        )
    return table


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
def report(db: str, output: Path, title: str | None) -> None:
    """Write the story as one self-contained HTML file (no network needed to view it)."""
    from storyline.present.report import render_report

    story = _open(db)
    output.write_text(render_report(story, title=title), encoding="utf-8")
    print(f"wrote {output}", file=sys.stderr)


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
    from storyline.present.report import render_report
    from storyline.present.table import timeline_table

    corpus = corpus or _demo_corpus()
    if corpus is None:
        _fail(StorylineError("the example corpus was not found", hint="pass --corpus DIR"))
    with tempfile.TemporaryDirectory() as tmp:
        store = db or str(Path(tmp) / "demo.db")
        print(f"building the story of {corpus} ...", file=sys.stderr)
        try:
            result = _run_build([str(corpus)], store, Config(), quiet=False)
        except StorylineError as exc:
            _fail(exc)
    story: ResolvedStory = result.story
    Console(highlight=False).print(timeline_table(story))
    output.write_text(render_report(story, title="storyline demo"), encoding="utf-8")
    print(
        f"{len(story.documents)} documents, {len(story.entities)} entities, "
        f"{len(story.timeline)} timeline entries, {len(story.conflicts)} conflicts; "
        f"report written to {output}",
        file=sys.stderr,
    )
    sys.exit(EXIT_REJECTED if result.rejections else EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
