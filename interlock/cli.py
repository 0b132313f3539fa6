"""The command line: parses arguments, calls :mod:`interlock.case`, prints. Nothing else lives here."""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import click

from interlock import __version__
from interlock.case import Case, DetectReport, Investigation
from interlock.errors import InterlockError, UsageError
from interlock.ingest.driver import SourceReport
from interlock.resolve import ResolveReport
from interlock.settings import Settings
from interlock.triage import STATUSES as TRIAGE_STATUSES
from interlock.triage import Decision


def say(text: str) -> None:
    click.echo(text, err=True)


def make_settings(owner: str | None = None, gov_domain: tuple[str, ...] = (), jurisdiction: str | None = None,
                  batch_size: int = 2000, mapping: Path | None = None) -> Settings:
    return Settings(owner=owner.lower() if owner else None, gov_domains=tuple(d.lower() for d in gov_domain),
                    jurisdiction=jurisdiction, batch_size=batch_size, mapping=mapping, say=say)


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
    click.option("--kind", help="Source kind (mbox, maildir, eml, chicago-lobbyists, csv, ...; `interlock kinds` lists them); "
                 "detected when not given."),
    click.option("--owner", help="Whose mailbox this is (an e-mail address). Inferred when not given."),
    click.option("--gov-domain", multiple=True, help="A mail domain of the government (repeatable). Inferred when not given."),
    click.option("--jurisdiction", help='The government a registry or contracts file belongs to, e.g. "City of Chicago".'),
    click.option("--mapping", type=click.Path(path_type=Path),
                 help="For a CSV table in any layout: an FtM mapping (YAML) saying which columns make which entities; "
                      "implies --kind csv."),
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
           jurisdiction: str | None, mapping: Path | None, batch_size: int) -> None:
    """Add sources to a case. Each is copied into the case by its SHA-256; a source already
    ingested is skipped, and a run that was stopped resumes where it stopped.

    A table in a layout interlock does not know (another city's registry, a county's contracts) goes
    in with --mapping FILE, an FtM mapping of its columns to entities (docs/model.md has an example)."""
    with Case.open(case, make_settings(owner, gov_domain, jurisdiction, batch_size, mapping), create=True) as c:
        reports = c.ingest(list(paths), kind)
    print_sources(reports)
    if any(r.rejected and not r.skipped for r in reports):
        sys.exit(1)


@cli.command()
def kinds() -> None:
    """The source kinds interlock reads, in the order they are tried when --kind is not given."""
    import interlock.ingest  # noqa: F401  (registers the built-in kinds)
    from interlock.ingest.base import KINDS

    width = max(len(k) for k in KINDS)
    for kind, ing in KINDS.items():
        click.echo(f"{kind:<{width}}  {ing.description}")


def ask_or_quit(prompt: str) -> str:
    """A review answer; the end of input (Ctrl-D, a closed pipe) is EOFError, which review takes as quit."""
    try:
        return str(click.prompt(prompt, default="", show_default=False, prompt_suffix=""))
    except click.exceptions.Abort:
        raise EOFError from None


def print_resolve(r: ResolveReport) -> None:
    merges = ", ".join(f"{n:,} by {why}" for why, n in r.merges.most_common()) or "none"
    names = f", {r.names:,} names seen without an address" if r.names else ""
    click.echo(f"resolved {r.entities:,} entities and {r.addresses:,} e-mail addresses{names} into {r.identities:,} identities "
               f"in {r.seconds:.1f} s (merges: {merges}; {r.judgements:,} stored judgements replayed)")
    decided = ", ".join(f"{n:,} {what}" for what, n in sorted(r.decisions.items()))
    click.echo(f"  {r.pairs:,} pairs compared: {decided or 'none'}" +
               (f"; {r.too_common:,} name keys too common to compare on" if r.too_common else ""))
    if r.decisions.get("review"):
        click.echo(f"  {r.decisions['review']:,} pairs are uncertain: `interlock resolve CASE --review` asks you about them one by one")
    if r.threads and r.threads.messages:
        t = r.threads
        kinds = ", ".join(f"{n:,} {kind}" for kind, n in sorted(r.accounts.items()))
        click.echo(f"{t.messages:,} messages in {t.threads:,} threads; duplicates: {t.exact_duplicates:,} exact, "
                   f"{t.near_duplicates:,} near; accounts: {kinds}")


def change_summary(d: DetectReport) -> str:
    """``3 new, 1 changed (2 more emails), 0 gone since the run of 2026-11-20 14:02 UTC``."""
    what = ""
    if len(d.changed) == 1:
        what = f" ({d.what[d.changed[0]][0]})"
    elif d.changed:
        more = "; ..." if len(d.changed) > 3 else ""
        what = " (" + "; ".join(f"{fid[:8]}: {d.what[fid][0]}" for fid in d.changed[:3]) + more + ")"
    when = f"since the run of {d.since:%Y-%m-%d %H:%M} UTC" if d.since else "(the first run)"
    return f"{len(d.new)} new, {len(d.changed)} changed{what}, {len(d.gone)} gone {when}"


def print_detect(d: DetectReport) -> None:
    by_rule: dict[str, int] = {}
    for f in d.findings:
        by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
    click.echo(f"{len(d.findings)} findings" + (": " + ", ".join(f"{n} {rule}" for rule, n in sorted(by_rule.items())) if by_rule else ""))
    new, changed = set(d.new), set(d.changed)
    for f in sorted(d.findings, key=lambda f: -f.score):
        what = "; ".join(d.what.get(f.id, [])[:2]) + ("; ..." if len(d.what.get(f.id, [])) > 2 else "")
        mark = " (new)" if f.id in new else f" (changed: {what})" if f.id in changed else ""
        status = d.triage.get(f.id, {}).get("status")
        click.echo(f"  [{f.severity}] {f.id} {f.title}{mark}" + (f" [{status}]" if status else ""))
    for fid in d.gone:
        title, rule = d.titles.get(fid, ("", ""))
        click.echo(f"  gone: {fid} {title} ({rule})")
    for fid in d.revived():
        click.echo(f"  back for review: {fid}: {d.triage[fid]['note']}")
    click.echo(change_summary(d))


@cli.command()
@click.argument("case", type=click.Path(path_type=Path))
@click.option("--review", is_flag=True, help="Then ask, one uncertain pair at a time, whether the two are the same.")
@click.option("--author", default=lambda: os.environ.get("USER", "unknown"), show_default="$USER",
              help="Who is judging (stored with each judgement).")
@click.option("--limit", type=int, help="Review at most this many pairs.")
@click.option("--import-judgements", "import_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Add the judgements of a JSON Lines file (written by --export-judgements) before resolving.")
@click.option("--export-judgements", "export_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write every stored judgement to a JSON Lines file.")
def resolve(case: Path, review: bool, author: str, limit: int | None, import_path: Path | None, export_path: Path | None) -> None:
    """Work out who is who: e-mail addresses and display names, registry people, donors, profile names
    and organisations become identities. Every pair compared gets a probability and the evidence for
    and against (table `candidates`); each merge keeps its explanation. Stored judgements are replayed:
    "not same" keeps two apart, "same" joins them, on every later run."""
    with Case.open(case, make_settings()) as c:
        if import_path:
            click.echo(f"{c.import_judgements(import_path):,} judgements imported from {import_path}")
        print_resolve(c.resolve())
        if review:
            n = c.review(author, ask=ask_or_quit, show=click.echo, limit=limit)
            click.echo(f"{n:,} judgements recorded")
            if n:
                print_resolve(c.resolve())
        if export_path:
            click.echo(f"{c.export_judgements(export_path):,} judgements written to {export_path}")


@cli.command()
@click.argument("case", type=click.Path(path_type=Path))
@click.option("--rule", help="Run only this rule (default: all).")
def detect(case: Path, rule: str | None) -> None:
    """Run the detection rules over the resolved case and store the findings."""
    with Case.open(case, make_settings()) as c:
        print_detect(c.detect(rule))


def print_triage_list(found: dict[str, dict[str, Any]], decided: dict[str, dict[str, Any]], orphans: list[Decision]) -> None:
    for fid, data in sorted(found.items(), key=lambda item: (item[0] not in decided, item[0])):
        t = decided.get(fid)
        if t is None:
            click.echo(f"{'untriaged':<13} {fid}  {data.get('title', '')}")
            continue
        stale = "*" if t["stale"] else " "
        click.echo(f"{t['status']:<12}{stale} {fid}  {t['at'][:16].replace('T', ' ')}  {t['author'] or '?'}  {data.get('title', '')}")
        if t["note"]:
            click.echo(f"    note: {t['note']}")
        if t["stale"] and t["decided"] == t["status"]:
            click.echo(f"    * the evidence changed since this decision: {'; '.join(t['changes'])}")
    for d in orphans:
        click.echo(f"{d.status:<13} {d.finding_id}  {d.at:%Y-%m-%d %H:%M}  {d.author or '?'}  {d.title} (no longer detected)")
    counts = Counter(t["status"] for t in decided.values())
    click.echo(f"{len(found):,} findings: " + ", ".join(f"{counts[s]:,} {s}" for s in TRIAGE_STATUSES) +
               f", {len(found) - len(decided):,} untriaged")


@cli.command()
@click.argument("case", type=click.Path(path_type=Path))
@click.argument("finding_id", required=False)
@click.option("--status", type=click.Choice(TRIAGE_STATUSES), help="Your decision on the finding (see above).")
@click.option("--note", default="", help="Why: what you checked, what you found.")
@click.option("--author", default=lambda: os.environ.get("USER", "unknown"), show_default="$USER",
              help="Who is deciding (stored with the decision).")
@click.option("--list", "list_", is_flag=True, help="List every finding with its status, note, who and when.")
def triage(case: Path, finding_id: str | None, status: str | None, note: str, author: str, list_: bool) -> None:
    """Record your decision on a finding, named by its id or the start of it (as `detect` and the
    report print it), or list the decisions with --list. Statuses:

    \b
      confirmed     you checked the records and the pattern holds
      dismissed     you checked and it does not (a namesake, an ordinary exchange); the
                    report lists it apart, and later runs keep it dismissed unless its
                    evidence changes: then it comes back as needs-review, saying what changed
      needs-review  someone should look (again)

    Each decision is stored with the evidence it was made on (records, counts and chain) and
    replayed on every detect and report; a later decision on the same finding replaces it.
    """
    with Case.open(case, make_settings()) as c:
        if list_:
            print_triage_list(*c.triage_list())
            return
        if not finding_id or not status:
            raise UsageError("give a FINDING_ID and --status confirmed|dismissed|needs-review, or --list")
        d = c.triage(finding_id, status, note, author)
    click.echo(f"{d.finding_id} {d.status} by {d.author} ({d.title})")


@cli.command()
@click.argument("case", type=click.Path(path_type=Path))
@click.option("--who", help="Only gifts whose giver or receiver has a name containing this (any case).")
@click.option("--limit", type=int, default=50, show_default=True, help="Print at most this many gifts (0: all).")
def donations(case: Path, who: str | None, limit: int) -> None:
    """List campaign gifts, each once: a gift that two filings report (the committee's receipt and the
    giver's own filing, dates days apart) is one line citing both."""
    with Case.open(case, make_settings()) as c:
        graph, found = c.gifts(who)
    def name(i: str) -> str:
        node = graph.get(i)
        return node.name if node else i
    shown = found if not limit else found[:limit]
    for g in shown:
        receivers = sorted({name(r) for r in g.receivers})
        click.echo(f"{g.first_day}  ${g.amount:,.2f}  {name(g.donor)} -> {' / '.join(receivers)}")
        if g.note:
            click.echo(f"    {g.note}")
        for f in g.filings:
            click.echo(f"    {f.day}  {f.kind} ({f.standing}): {f.path} {f.record}")
    twice = sum(1 for g in found if len(g.filings) > 1)
    more = f" ({len(found) - len(shown):,} more not shown; --limit 0 for all)" if len(shown) < len(found) else ""
    click.echo(f"{len(found):,} gifts, {twice:,} of them reported by two filings{more}")


@cli.command()
@click.argument("case", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["html", "json", "md", "pdf"]), default="html", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Where to write (default: CASE/report.FORMAT).")
def report(case: Path, fmt: str, output: Path | None) -> None:
    """Write the report of the stored findings: self-contained HTML, JSON (the documented contract), Markdown,
    or PDF (the HTML printed by Chromium, which must be installed)."""
    with Case.open(case, make_settings()) as c:
        click.echo(c.report(fmt, output))


@cli.command()
@click.argument("case", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["ftm", "csv", "gexf"]), default="ftm", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Where to write (default: CASE/export.FORMAT).")
def export(case: Path, fmt: str, output: Path | None) -> None:
    """Export the case's entities: FollowTheMoney JSON lines (for Aleph and ftm tools), CSV, or GEXF for Gephi."""
    with Case.open(case, make_settings()) as c:
        path, n = c.export(fmt, output)
    click.echo(f"{n:,} items written to {path}")


def print_investigation(inv: Investigation) -> None:
    print_sources(inv.sources)
    print_resolve(inv.resolved)
    print_detect(inv.detected)
    click.echo(f"JSON report: {inv.json}")


@cli.command()
@click.argument("case", type=click.Path(path_type=Path))
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="HTML report path (default: CASE/report.html).")
@with_source_options
def investigate(case: Path, paths: tuple[Path, ...], output: Path | None, kind: str | None, owner: str | None,
                gov_domain: tuple[str, ...], jurisdiction: str | None, mapping: Path | None, batch_size: int) -> None:
    """All in one go: init, ingest, resolve, detect and report."""
    with Case.open(case, make_settings(owner, gov_domain, jurisdiction, batch_size, mapping), create=True) as c:
        inv = c.investigate(list(paths), kind, output)
    print_investigation(inv)
    click.echo(f"report: {inv.html}")
    if any(r.rejected and not r.skipped for r in inv.sources):
        sys.exit(1)


@cli.command()
@click.argument("case", type=click.Path(path_type=Path), default=Path("demo-case"))
@click.option("--emails", default=20_000, show_default=True, help="Messages in the official's mailbox.")
@click.option("--seed", default=7, show_default=True, help="Random seed; the same seed gives the same case.")
def demo(case: Path, emails: int, seed: int) -> None:
    """Generate a fictional city (a clerk's mailbox, a lobbyist registry, contracts, profiles), with
    conflicts and decoys planted, investigate it, and check the findings against what was planted."""
    from interlock.demo.run import run_demo

    inv, check = run_demo(case, emails, seed, make_settings())
    print_investigation(inv)
    click.echo(check.line())
    for item in check.missed:
        click.echo(f"  missed: {item['rule']} {item['subjects']}")
    for decoy, fid in check.flagged:
        click.echo(f"  decoy flagged: {decoy['name']} in {fid}")
    click.echo(f"report: {inv.html}")
    if not check.ok:
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
