"""Judgements: a person's word on a pair is stored with who and when, replayed on every resolve, and
survives re-ingesting the sources (new ids found again by fingerprint) and a move to another case."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from interlock.case import Case
from interlock.cli import cli

REGISTRY = "NAME,EMAIL\nSAM REYES,sam@reyesstrategies.com\n"


def write_sources(root: Path, extra: str = "") -> list[Path]:
    root.mkdir(parents=True, exist_ok=True)
    (root / "ortiz.txt").write_text("Name: Dana M. Ortiz\nOccupation: City Clerk, City of Lakeport\nFamily: Husband, Sam Reyes\n" + extra)
    (root / "reyes.txt").write_text("Name: Samuel Reyes\nOccupation: Consultant\n")
    return [root / "ortiz.txt", root / "reyes.txt"]


def person_ids(case: Case, name: str) -> list[str]:
    return [r[0] for r in case.store.query(
        "SELECT DISTINCT entity_id FROM statements WHERE schema = 'Person' AND prop = 'name' AND value = ?", [name])]


def together(case: Case, a: str, b: str) -> bool:
    ids = dict(case.store.query("SELECT entity_id, canonical_id FROM identities"))
    return ids[a] == ids[b]


def test_a_same_judgement_joins_a_pair_and_holds_after_the_sources_change(tmp_path: Path) -> None:
    sources = write_sources(tmp_path / "in")
    with Case.open(tmp_path / "case", create=True) as case:
        case.ingest(sources)
        case.resolve()
        [sam] = person_ids(case, "Sam Reyes")
        [samuel] = person_ids(case, "Samuel Reyes")
        assert not together(case, sam, samuel)            # a nickname alone is a question, not a merge
        pair = case.store.query("SELECT decision, explanation FROM candidates WHERE ? IN (left_id, right_id) "
                                "AND ? IN (left_id, right_id)", [sam, samuel])
        assert pair and pair[0][0] == "review" and "nickname" in pair[0][1]
        case.judge(sam, samuel, "yes", "editor", "same man: his firm's site")
        case.resolve()
        assert together(case, sam, samuel)
        reason = case.store.query("SELECT reason FROM identities WHERE entity_id = ?", [samuel])[0][0]
        assert "editor judged them the same" in reason or "editor judged them the same" in \
            case.store.query("SELECT reason FROM identities WHERE entity_id = ?", [sam])[0][0]
        # a changed profile is a new source with a new hash: its records get new ids
        sources = write_sources(tmp_path / "in2", extra="\nElected in 2019.\n")
        case.ingest(sources)
        case.resolve()
        new_sam = [i for i in person_ids(case, "Sam Reyes") if i != sam]
        assert new_sam, "the changed profile should give Sam Reyes a new id"
        assert together(case, new_sam[0], samuel)


def test_a_not_same_judgement_holds_when_the_case_is_rebuilt_from_its_sources(tmp_path: Path) -> None:
    sources = write_sources(tmp_path / "in")
    (tmp_path / "in" / "reyes.txt").write_text("Name: SAM REYES\nOccupation: Lobbyist\n")
    with Case.open(tmp_path / "case", create=True) as case:
        case.ingest(sources)
        case.resolve()
        a, b = sorted(person_ids(case, "Sam Reyes") + person_ids(case, "SAM REYES"))
        assert together(case, a, b)                      # same first and last name, different sources
        case.judge(a, b, "no", "reporter", "two men, different ages")
        case.resolve()
        assert not together(case, a, b)
        case.export_judgements(tmp_path / "judgements.jsonl")
    shutil.rmtree(tmp_path / "case")
    with Case.open(tmp_path / "case", create=True) as case:
        case.ingest(sources)
        assert case.import_judgements(tmp_path / "judgements.jsonl") == 1
        assert case.import_judgements(tmp_path / "judgements.jsonl") == 0   # not twice
        case.resolve()
        assert not together(case, a, b)
        [(author, note)] = case.store.query("SELECT author, note FROM judgements")
        assert (author, note) == ("reporter", "two men, different ages")


def test_review_asks_one_pair_at_a_time_and_stores_the_answers(tmp_path: Path) -> None:
    sources = write_sources(tmp_path / "in")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(tmp_path / "case"), *map(str, sources)]).exit_code == 0
    result = runner.invoke(cli, ["resolve", str(tmp_path / "case"), "--review", "--author", "ana",
                                 "--export-judgements", str(tmp_path / "j.jsonl")], input="y\nchecked the firm\n")
    assert result.exit_code == 0, result.output
    assert "Sam Reyes" in result.output and "Samuel Reyes" in result.output and "nickname" in result.output
    assert "1 judgements recorded" in result.output
    assert "pairs are uncertain" in result.output
    with Case.open(tmp_path / "case") as case:
        [(verdict, author, note)] = case.store.query("SELECT judgement, author, note FROM judgements")
        assert (verdict, author, note) == ("yes", "ana", "checked the firm")
    assert '"author": "ana"' in (tmp_path / "j.jsonl").read_text()
    again = runner.invoke(cli, ["resolve", str(tmp_path / "case"), "--review"], input="q\n")
    assert "nothing to review" in again.output


def test_a_judgement_finds_its_records_by_fingerprint_when_their_ids_change(tmp_path: Path) -> None:
    first = write_sources(tmp_path / "in")
    (tmp_path / "in" / "reyes.txt").write_text("Name: SAM REYES\nOccupation: Lobbyist\n")
    with Case.open(tmp_path / "one", create=True) as case:
        case.ingest(first)
        case.resolve()
        a, b = sorted(person_ids(case, "Sam Reyes") + person_ids(case, "SAM REYES"))
        case.judge(a, b, "no", "reporter")
        case.export_judgements(tmp_path / "j.jsonl")
    second = write_sources(tmp_path / "in2", extra="\nRe-elected in 2023.\n")
    (tmp_path / "in2" / "reyes.txt").write_text("Name: SAM REYES\nOccupation: Lobbyist\n\nUpdated.\n")
    with Case.open(tmp_path / "two", create=True) as case:
        case.ingest(second)
        case.resolve()
        c, d = sorted(person_ids(case, "Sam Reyes") + person_ids(case, "SAM REYES"))
        assert {c, d}.isdisjoint({a, b}), "new sources, new ids"
        assert together(case, c, d)
        case.import_judgements(tmp_path / "j.jsonl")
        case.resolve()
        assert not together(case, c, d)


def test_review_stops_at_the_end_of_input_and_keeps_the_answer_given(tmp_path: Path) -> None:
    sources = write_sources(tmp_path / "in")
    runner = CliRunner()
    runner.invoke(cli, ["ingest", str(tmp_path / "case"), *map(str, sources)])
    result = runner.invoke(cli, ["resolve", str(tmp_path / "case"), "--review", "--author", "ana"], input="n\n")
    assert result.exit_code == 0, result.output
    assert "1 judgements recorded" in result.output
    with Case.open(tmp_path / "case") as case:
        assert case.store.query("SELECT judgement, note FROM judgements") == [("no", "")]
