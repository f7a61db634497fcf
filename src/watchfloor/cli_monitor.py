"""Close-monitoring commands: ``sources``, ``rules``, ``alerts`` and ``monitor``. They parse, call
``watchfloor.monitor`` and ``store.watch``, format and pick an exit code, as ``cli`` does."""

from __future__ import annotations

import signal
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from watchfloor.cli import _ledger, alert_options, format_option
from watchfloor.errors import WatchfloorError
from watchfloor.formats import ALERT_COLUMNS

# cli.DB_OPTION, restated: mypy cannot type it through the import cycle (cli registers these commands)
DB_OPTION = click.option(
    "--db",
    envvar="WATCHFLOOR_DB",
    metavar="URL",
    help="Ledger database: sqlite:///PATH or postgresql://... Default: ~/.local/share/watchfloor/ledger.sqlite.",
)
SOURCE_COLUMNS = ["id", "url", "kind", "every", "outlet", "next_poll", "last_poll", "status", "failures", "error"]


def _store(db: str | None) -> Any:
    from watchfloor.store.watch import WatchStore

    return WatchStore(_ledger(db))


def _every(_ctx: click.Context, _param: click.Parameter, value: str) -> int:
    from watchfloor.monitor.poll import parse_every

    try:
        return parse_every(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


@click.group()
def sources() -> None:
    """The sources `watchfloor monitor` polls: feeds, pages, sitemaps, local files and drop folders.

    \b
    Examples:
      watchfloor sources add https://example.org/world.rss --every 15m --outlet "Example News"
      watchfloor sources add ~/drop --kind folder --every 1m
      watchfloor sources list --format table
    """


@sources.command("add")
@click.argument("url")
@click.option("--kind", type=click.Choice(["feed", "page", "sitemap", "folder"]), help="Default: guessed from URL.")
@click.option("--every", default="15m", show_default=True, callback=_every, help="Poll interval: 30s, 15m, 2h, 1d.")
@click.option("--outlet", metavar="NAME", help="Outlet to credit (default: the feed's or page's own name).")
@DB_OPTION
@format_option("jsonl")
def add_source(url: str, kind: str | None, every: int, outlet: str | None, db: str | None, output_format: str) -> None:
    """Add a source (or change one's kind, interval and outlet); it is due at once.

    URL is an http(s) feed, page or sitemap, or a local file or folder (a drop folder: each new or changed
    file is ingested once).

    \b
    Example:
      watchfloor sources add https://example.org/world.rss --every 15m
    """
    from watchfloor.formats import print_rows
    from watchfloor.monitor.poll import guess_kind

    kind = kind or guess_kind(url)
    if kind == "folder":
        url = str(Path(url.removeprefix("file://")).expanduser().resolve())
    elif not url.startswith(("http://", "https://")):
        raise click.BadParameter(f"{url!r}: a {kind} source needs an http(s) URL", param_hint="URL")
    print_rows([_store(db).add_source(url, kind, every, outlet)], SOURCE_COLUMNS, output_format)


@sources.command("list")
@DB_OPTION
@format_option("jsonl")
def list_sources(db: str | None, output_format: str) -> None:
    """List sources with their schedule, last status and last error.

    \b
    Example:
      watchfloor sources list --format table
    """
    from watchfloor.formats import print_rows

    print_rows(_store(db).sources(), SOURCE_COLUMNS, output_format)


@sources.command("remove")
@click.argument("url_or_id")
@DB_OPTION
def remove_source(url_or_id: str, db: str | None) -> None:
    """Remove a source (the documents it gave stay in the ledger).

    \b
    Example:
      watchfloor sources remove 3
    """
    if not _store(db).remove_source(url_or_id):
        raise click.ClickException(f"no source {url_or_id!r}; see `watchfloor sources list`")
    click.echo(f"removed {url_or_id}", err=True)


@click.group()
def rules() -> None:
    """Watch rules stored in the ledger (`monitor --rules FILE` adds those of a TOML or YAML file).

    \b
    Examples:
      watchfloor rules add prk-troops --kind new_figure --track "troops|PRK|deploy|RUS" --severity high
      watchfloor rules add big-revision --kind revision --actor PRK --unit troops --percent 25
      watchfloor rules list --format table
    """


@rules.command("add")
@click.argument("name")
@click.option(
    "--kind",
    required=True,
    type=click.Choice(
        [
            "new_figure",
            "revision",
            "denial",
            "event",
            "first_mention",
            "contradiction",
            "near",
            "first_place",
            "dyad_rise",
        ]
    ),
)
@click.option(
    "--severity", default="medium", show_default=True, type=click.Choice(["low", "medium", "high", "critical"])
)
@click.option("--description", default="", help="What the rule watches for, in words.")
@click.option("--track", help="Track key or key prefix (figure rules), e.g. 'troops|PRK|deploy|RUS'.")
@click.option("--actor", help="Whose figure (figure rules): an actor id or country code.")
@click.option("--unit", help="Unit of the figure (figure rules), e.g. troops.")
@click.option("--percent", type=float, help="revision: smallest change that alerts, in percent (default 10).")
@click.option("--type", "types", multiple=True, help="event: PLOVER type, e.g. ATTACK (repeatable).")
@click.option("--source", "sources_", multiple=True, help="event: acting actor id or country (repeatable).")
@click.option("--target", "targets", multiple=True, help="event: target actor id or country (repeatable).")
@click.option("--actors", "actors", multiple=True, help="first_mention: actor id or country (repeatable).")
@click.option("--place", help="near: a place name or lat,lon, e.g. Kharkiv or 49.99,36.23.")
@click.option("--km", type=float, help="near: radius in km (default 50).")
@click.option("--places", "places", multiple=True, help="first_place: place name (repeatable; any if none).")
@click.option("--first", help="dyad_rise: the acting side, e.g. RUS.")
@click.option("--second", help="dyad_rise: the side acted on, e.g. UKR.")
@click.option("--by", type=click.Choice(["day", "week", "month"]), help="dyad_rise: period (default week).")
@click.option("--periods", type=int, help="dyad_rise: earlier periods averaged (default 4).")
@click.option("--drop", type=float, help="dyad_rise: score fall below that mean that alerts (default 5).")
@DB_OPTION
def add_rule(name: str, kind: str, severity: str, description: str, db: str | None, **filters: Any) -> None:
    """Add a watch rule (replacing one of the same name).

    \b
    Example:
      watchfloor rules add prk-denials --kind denial --actor PRK --severity high
      watchfloor rules add near-kharkiv --kind near --place Kharkiv --km 30 --type ASSAULT
      watchfloor rules add rus-ukr-surge --kind dyad_rise --first RUS --second UKR --periods 4 --drop 5
    """
    from watchfloor.monitor.rules import make_rule

    names = {"sources_": "sources"}
    params = {names.get(k, k): (list(v) if isinstance(v, tuple) else v) for k, v in filters.items() if v}
    try:
        rule = make_rule({"name": name, "kind": kind, "severity": severity, "description": description, **params})
    except WatchfloorError as error:
        raise click.UsageError(str(error)) from None
    _store(db).add_rule(rule.row())
    click.echo(f"rule {name} stored", err=True)


@rules.command("list")
@DB_OPTION
@format_option("jsonl")
def list_rules(db: str | None, output_format: str) -> None:
    """List the rules stored in the ledger.

    \b
    Example:
      watchfloor rules list --format table
    """
    from watchfloor.formats import print_rows

    print_rows(_store(db).rules(), ["name", "kind", "severity", "description", "params"], output_format)


@rules.command("remove")
@click.argument("name")
@DB_OPTION
def remove_rule(name: str, db: str | None) -> None:
    """Remove a stored rule (its alerts stay).

    \b
    Example:
      watchfloor rules remove prk-troops
    """
    if not _store(db).remove_rule(name):
        raise click.ClickException(f"no rule {name!r}; see `watchfloor rules list`")
    click.echo(f"removed {name}", err=True)


def _since(_ctx: click.Context, _param: click.Parameter, value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date or time; use e.g. 2024-11-26 or 2024-11-26T08:00") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@click.command()
@click.option("--unseen", is_flag=True, help="Only alerts not marked seen.")
@click.option("--since", callback=_since, metavar="DATE[THH:MM]", help="Only alerts raised since then (UTC).")
@click.option("--mark-seen", is_flag=True, help="Mark the listed alerts seen.")
@DB_OPTION
@format_option("jsonl")
def alerts(unseen: bool, since: datetime | None, mark_seen: bool, db: str | None, output_format: str) -> None:
    """List alerts raised by the watch rules, oldest first, with the facts (document and spans) behind them.

    \b
    Examples:
      watchfloor alerts --unseen --format table
      watchfloor alerts --since 2024-11-26 --mark-seen
    """
    from watchfloor.formats import print_rows

    store = _store(db)
    rows = store.alerts(unseen=unseen, since=since)
    print_rows(rows, ALERT_COLUMNS, output_format)
    if mark_seen and rows:
        store.mark_seen(row["id"] for row in rows)


@click.command()
@click.option("--once", is_flag=True, help="Poll the due sources once and exit (for cron or a timer).")
@click.option("--all", "everything", is_flag=True, help="With --once: poll every source, due or not.")
@alert_options
@click.option("--quiet", is_flag=True, help="Do not print alerts on stdout.")
@click.option("--delay", type=float, default=1.0, show_default=True, help="Seconds between requests to one host.")
@click.option("--timeout", type=float, default=20.0, show_default=True, help="Seconds before a request gives up.")
@click.option("--retries", type=int, default=2, show_default=True, help="Retries of a timeout, 5xx or 429.")
@click.option("--idle", type=float, default=30.0, show_default=True, help="Seconds to sleep when nothing is due.")
@click.option("--model", envvar="WATCHFLOOR_MODEL", metavar="NAME_OR_PATH", help="spaCy model name or folder.")
@DB_OPTION
def monitor(
    once: bool, everything: bool, rule_files: tuple[Path, ...], jsonl: Path | None, webhook: str | None,
    webhook_secret: str | None, quiet: bool, delay: float, timeout: float, retries: int, idle: float,
    model: str | None, db: str | None,
) -> None:  # fmt: skip
    """Poll due sources, ingest new articles, evaluate the watch rules and raise alerts.

    One line per poll goes to stderr; alerts go to stdout as JSON lines (and to --jsonl, --webhook). State
    is in the ledger, committed per entry: a killed monitor restarts where it stopped. SIGTERM stops it
    after the current poll.

    \b
    Examples:
      watchfloor monitor --rules watch.toml --jsonl alerts.jsonl
      watchfloor monitor --once --webhook https://hooks.example.org/wf --webhook-secret "$SECRET"
    """
    from watchfloor.config import Settings
    from watchfloor.monitor.alerts import Alerter, all_rules, make_sinks
    from watchfloor.monitor.fetch import Fetcher
    from watchfloor.monitor.poll import Monitor
    from watchfloor.store.watch import now

    if webhook and not webhook_secret:
        raise click.UsageError("--webhook needs --webhook-secret (or WATCHFLOOR_WEBHOOK_SECRET) to sign alerts")
    settings = Settings(model=model) if model else Settings()
    ledger = _ledger(db)
    try:
        from watchfloor.store.watch import WatchStore

        store = WatchStore(ledger)
        alerter = Alerter(ledger, store, all_rules(store, rule_files), make_sinks(not quiet, jsonl, webhook,
                          webhook_secret), _log)  # fmt: skip
        runner = Monitor(ledger, settings, Fetcher(delay=delay, timeout=timeout, retries=retries), alerter, _log)
        if once:
            if everything:
                runner.flush()
            reports = [runner.poll(s) for s in store.sources()] if everything else runner.poll_due()
            if any(report.status == "failed" for report in reports):
                sys.exit(1)
            return
        stopping: list[int] = []
        signal.signal(signal.SIGTERM, lambda number, _frame: stopping.append(number))
        _log(f"monitoring {len(store.sources())} source(s) with {len(alerter.rules)} rule(s) since {now():%H:%M:%S}")
        runner.run(idle=idle, stop=lambda: bool(stopping))
    except WatchfloorError as error:
        raise click.ClickException(str(error)) from error


def _log(line: str) -> None:
    click.echo(f"{datetime.now(UTC):%Y-%m-%dT%H:%M:%SZ} {line}", err=True)


COMMANDS = (sources, rules, alerts, monitor)
