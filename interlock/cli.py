"""The command line: parses arguments, calls :mod:`interlock.case`, prints. Nothing else lives here."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from interlock import __version__
from interlock.case import Case
from interlock.errors import InterlockError
from interlock.ingest.driver import SourceReport
from interlock.settings import Settings


def say(text: str) -> None:
    click.echo(text, err=True)


def make_settings(owner: str | None = None, gov_domain: tuple[str, ...] = (), jurisdiction: str | None = None,
                  batch_size: int = 2000) -> Settings:
    return Settings(owner=owner.lower() if owner else None, gov_domains=tuple(d.lower() for d in gov_domain),
                    jurisdiction=jurisdiction, batch_size=batch_size, say=say)


def print_sources(reports: list[SourceReport]) -> None:
    for r in reports:
        if r.skipped:
            click.echo(f"{r.path}: already in the case ({r.kind}, {r.records:,} records, {r.rejected:,} rejected); skipped")
            continue
        counts = ", ".join(f"{v:,} {k}" for k, v in r.counts.items())
        resumed = f", resumed at record {r.resumed_from:,}" if r.resumed_from else ""
        click.echo(f"{r.path}: {r.kind}, {r.records:,} records ingested, {r.rejected:,} rejected{resumed}")
        if counts:
            click.echo(f"  {counts}")
        for note in r.notes:
            click.echo(f"  {note}")


source_options = [
    click.option("--kind", help="Source kind (mbox, maildir, eml, chicago-lobbyists, ...); detected when not given."),
    click.option("--owner", help="Whose mailbox this is (an e-mail address). Inferred when not given."),
    click.option("--gov-domain", multiple=True, help="A mail domain of the government (repeatable). Inferred when not given."),
    click.option("--jurisdiction", help='The government a registry or contracts file belongs to, e.g. "City of Chicago".'),
    click.option("--batch-size", default=2000, show_default=True, help="Records committed per transaction."),
]


def with_source_options(func):  # type: ignore[no-untyped-def]
    for option in reversed(source_options):
        func = option(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="interlock")
def cli() -> None:
    """interlock finds patterns of conflict of interest in public records.

    Pour records into a CASE folder (mailboxes, lobbyist registries, contracts, profiles), let
    interlock work out who is who, and read the findings: places where an official's public acts
    touch a relative's or associate's private interest. Findings are patterns to check, never verdicts.

    Quick start: interlock investigate mycase mailbox.mbox registry/ profile.txt
    """


@cli.command()
@click.argument("case", type=click.Path(path_type=Path))
def init(case: Path) -> None:
    """Create a case folder (does nothing if it exists)."""
    with Case.open(case, make_settings(), create=True) as c:
        click.echo(f"case {c.name} ready at {case}")


@cli.command()
@click.argument("case", type=click.Path(path_type=Path))
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@with_source_options
def ingest(case: Path, paths: tuple[Path, ...], kind: str | None, owner: str | None, gov_domain: tuple[str, ...],
           jurisdiction: str | None, batch_size: int) -> None:
    """Add sources to a case. Each is copied into the case by its SHA-256; a source already
    ingested is skipped, and a run that was stopped resumes where it stopped."""
    with Case.open(case, make_settings(owner, gov_domain, jurisdiction, batch_size), create=True) as c:
        reports = c.ingest(list(paths), kind)
    print_sources(reports)
    if any(r.rejected and not r.skipped for r in reports):
        sys.exit(1)


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except InterlockError as exc:
        say(f"interlock: {exc}")
        sys.exit(exc.exit_code)


if __name__ == "__main__":
    main()
