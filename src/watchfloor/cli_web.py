"""``watchfloor serve``: the REST API and the dashboard over HTTP, in one process."""

from __future__ import annotations

import click

# cli.DB_OPTION, restated: mypy cannot type it through the import cycle (cli registers these commands)
DB_OPTION = click.option(
    "--db",
    envvar="WATCHFLOOR_DB",
    metavar="URL",
    help="Ledger database: sqlite:///PATH or postgresql://... Default: ~/.local/share/watchfloor/ledger.sqlite.",
)


@click.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option("--port", type=int, default=8750, show_default=True)
def serve(db: str | None, host: str, port: int) -> None:
    """Serve the REST API (/api, OpenAPI at /openapi.json, docs at /docs) and the dashboard (/).

    \b
    Example:
      watchfloor serve --db ledger.sqlite --port 8750
    """
    import uvicorn

    from watchfloor.config import Settings
    from watchfloor.errors import WatchfloorError
    from watchfloor.web.app import create_app
    from watchfloor.web.guard import ApiError

    try:
        app = create_app(db or Settings().db, host=host)
    except (WatchfloorError, ApiError, OSError) as error:
        raise click.ClickException(str(error)) from error
    guard = app.state.guard
    token = f"token file {guard.token_file}" if guard.token_file else "token from WATCHFLOOR_TOKEN"
    reads = "reads open (loopback)" if guard.reads_open else "reads need the token"
    click.echo(f"watchfloor serving {app.state.ledger.url} on http://{host}:{port} ({token}; {reads})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


COMMANDS = (serve,)
