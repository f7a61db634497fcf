"""``watchfloor delete`` and ``watchfloor correct``: an analyst's corrections, kept with who, when and why."""

from __future__ import annotations

import getpass

import click

from watchfloor.cli import _ledger
from watchfloor.errors import WatchfloorError

# cli.DB_OPTION, restated: mypy cannot type it through the import cycle (cli registers these commands)
DB_OPTION = click.option(
    "--db",
    envvar="WATCHFLOOR_DB",
    metavar="URL",
    help="Ledger database: sqlite:///PATH or postgresql://... Default: ~/.local/share/watchfloor/ledger.sqlite.",
)
AUTHOR_OPTION = click.option(
    "--by", "author", default=getpass.getuser, show_default="your login name", help="Who makes the correction."
)
REASON_OPTION = click.option("--why", "reason", help="Why: kept with the correction and shown with the fact.")


@click.command()
@click.argument("document")
@DB_OPTION
@AUTHOR_OPTION
@REASON_OPTION
def delete(document: str, db: str | None, author: str, reason: str | None) -> None:
    """Delete a stored document and its facts from every listing, track and brief. DOCUMENT is its id or a
    prefix naming one (the `sha256:` may be left out). Its versions stay in the ledger's version table and
    ingesting the same text again does not bring it back.

    \b
    Example:
      watchfloor delete 3f9a1c2b --why "satire, not news"
    """
    try:
        document_id = _ledger(db).delete(document, author=author, reason=reason)
    except WatchfloorError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"deleted {document_id}")


@click.command()
@click.argument("fact")
@click.option("--field", "assignment", metavar="NAME=VALUE", help="Set a field: source=KOR, value=3000, type=AID.")
@click.option("--reject", is_flag=True, help="Reject the fact: it is left out everywhere.")
@DB_OPTION
@AUTHOR_OPTION
@REASON_OPTION
def correct(fact: str, assignment: str | None, reject: bool, db: str | None, author: str, reason: str | None) -> None:
    """Correct a claim or an event: FACT is DOCUMENT_ID:cN (a claim) or DOCUMENT_ID:eN (an event), the id
    columns of `watchfloor claims` and `watchfloor events` (the document id may be a prefix). The correction
    is recorded as an analyst's annotation, shown with the fact, and holds for every later extraction.

    \b
    Examples:
      watchfloor correct 3f9a1c2b:c4 --field source=KOR --why "the NIS briefed lawmakers"
      watchfloor correct 3f9a1c2b:e2 --reject --why "background, not news"
    """
    field = value = None
    if assignment is not None:
        field, equals, value = assignment.partition("=")
        if not equals or not field.strip():
            raise click.UsageError(f"--field takes NAME=VALUE, not {assignment!r}")
        field, value = field.strip(), value.strip()
    try:
        document_id, kind, (start, end) = _ledger(db).correct(
            fact, author=author, field=field, value=value, reject=reject, reason=reason
        )
    except WatchfloorError as error:
        raise click.ClickException(str(error)) from error
    change = "rejected" if reject else f"{field}={value}"
    click.echo(f"corrected the {kind} at {start}-{end} of {document_id}: {change}")


COMMANDS = (delete, correct)
