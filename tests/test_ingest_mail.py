from __future__ import annotations

import os
import signal
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest
from conftest import make_message, write_mbox

from interlock.case import Case
from interlock.ingest.mbox import iter_mbox
from interlock.settings import Settings

INTERLOCK = [sys.executable, "-m", "interlock.cli"]


def counts(case: Path) -> tuple[int, int, int, int]:
    with Case.open(case) as c:
        return c.store.query(
            "SELECT (SELECT count(*) FROM messages), (SELECT count(DISTINCT id) FROM messages),"
            " (SELECT count(*) FROM participants), (SELECT count(*) FROM rejects)"
        )[0]


def test_mbox_splits_on_from_lines_and_unescapes(tmp_path: Path) -> None:
    box = write_mbox(tmp_path / "a.mbox", [make_message(1, body="From here on.\nline"), make_message(2)])
    raws = list(iter_mbox(box))
    assert len(raws) == 2
    with Case.open(tmp_path / "c", create=True) as c:
        [report] = c.ingest([box])
        body = c.store.query("SELECT body FROM messages ORDER BY sent_at")[0][0]
    assert report.records == 2 and report.rejected == 0
    assert body.startswith("From here on.")


def test_a_bad_message_is_rejected_and_the_rest_go_in(tmp_path: Path) -> None:
    box = write_mbox(tmp_path / "a.mbox", [make_message(1), "no headers at all\n", make_message(3)])
    with Case.open(tmp_path / "c", create=True) as c:
        [report] = c.ingest([box])
        rejects = c.store.query("SELECT path, record, reason FROM rejects")
    assert (report.records, report.rejected) == (2, 1)
    assert rejects[0][0].endswith("a.mbox") and rejects[0][1].startswith("offset ") and "no message headers" in rejects[0][2]


def test_ingesting_the_same_source_twice_adds_nothing(tmp_path: Path) -> None:
    box = write_mbox(tmp_path / "a.mbox", [make_message(i) for i in range(5)])
    with Case.open(tmp_path / "c", create=True) as c:
        c.ingest([box])
        [again] = c.ingest([box])
    assert again.skipped
    assert counts(tmp_path / "c")[:2] == (5, 5)


def test_eml_folder_and_maildir_keep_folders(tmp_path: Path) -> None:
    for folder in ("inbox", "sent"):
        (tmp_path / "md" / folder).mkdir(parents=True)
        for i in range(3):
            (tmp_path / "md" / folder / f"{i}_").write_text(make_message(i + (10 if folder == "sent" else 0)))
    (tmp_path / "eml").mkdir()
    (tmp_path / "eml" / "one.eml").write_text(make_message(99))
    with Case.open(tmp_path / "c", create=True) as c:
        reports = c.ingest([tmp_path / "md", tmp_path / "eml"])
        folders = dict(c.store.query("SELECT folder, count(*) FROM messages GROUP BY folder"))
    assert [r.kind for r in reports] == ["maildir", "eml"]
    assert folders == {"inbox": 3, "sent": 3, "": 1}


def test_owner_and_government_domain_are_inferred_and_said(tmp_path: Path) -> None:
    msgs = [make_message(i, sender="clerk@lakeport.gov" if i % 2 else f"p{i}@gmail.com",
                         to=f"p{i}@gmail.com" if i % 2 else "clerk@lakeport.gov") for i in range(10)]
    with Case.open(tmp_path / "c", create=True) as c:
        [report] = c.ingest([write_mbox(tmp_path / "a.mbox", msgs)])
        box = c.store.query("SELECT owner, owner_inferred, gov_domains FROM mailboxes")[0]
    assert box == ("clerk@lakeport.gov", True, "lakeport.gov")
    assert any("owner inferred: clerk@lakeport.gov" in n for n in report.notes)


def test_owner_given_is_kept(tmp_path: Path) -> None:
    msgs = [make_message(i, sender="clerk@lakeport.gov") for i in range(3)]
    with Case.open(tmp_path / "c", Settings(owner="b@example.com", gov_domains=("lakeport.gov",)), create=True) as c:
        c.ingest([write_mbox(tmp_path / "a.mbox", msgs)])
        assert c.store.query("SELECT owner, owner_inferred, gov_domains, gov_inferred FROM mailboxes")[0] == (
            "b@example.com", False, "lakeport.gov", False)


def test_killed_ingest_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    n = 12_000
    box = write_mbox(tmp_path / "big.mbox", [make_message(i) for i in range(n)])
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    cmd = [*INTERLOCK, "ingest", str(tmp_path / "c"), str(box), "--batch-size", "250"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    assert proc.stderr is not None
    deadline = time.monotonic() + 120
    for line in proc.stderr:  # a progress line is printed only after a batch has been committed
        if "records committed" in line or time.monotonic() > deadline:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = counts(tmp_path / "c")
    assert 0 < partial[0] < n, "the run should have been killed half-way"
    again = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    assert "resuming at record" in again.stderr
    assert counts(tmp_path / "c") == (n, n, 2 * n, 0)
    clean = subprocess.run([*INTERLOCK, "ingest", str(tmp_path / "clean"), str(box)], capture_output=True, text=True, env=env)
    assert clean.returncode == 0
    with Case.open(tmp_path / "c") as a, Case.open(tmp_path / "clean") as b:
        q = "SELECT id, record, subject FROM messages ORDER BY id"
        assert a.store.query(q) == b.store.query(q)


@pytest.mark.slow
def test_enron_maildirs_every_message_ingested_or_rejected(shared_data: Path, tmp_path: Path) -> None:
    with tarfile.open(shared_data / "enron-maildir-lay-skilling" / "enron_lay_skilling_maildir.tar.xz") as tar:
        tar.extractall(tmp_path / "enron", filter="data")
    files = [p for p in (tmp_path / "enron").rglob("*") if p.is_file()]
    assert len(files) == 10_076
    with Case.open(tmp_path / "c", create=True) as c:
        [report] = c.ingest([tmp_path / "enron"], "maildir")
        stored, distinct, rejects, no_reason = c.store.query(
            "SELECT (SELECT count(*) FROM messages), (SELECT count(DISTINCT path) FROM messages),"
            " (SELECT count(*) FROM rejects), (SELECT count(*) FROM rejects WHERE coalesce(reason, '') = '')")[0]
        folders = {f for (f,) in c.store.query("SELECT DISTINCT folder FROM messages")}
    assert report.records + report.rejected == 10_076
    assert (stored, rejects) == (report.records, report.rejected)
    assert distinct == stored and no_reason == 0
    assert "lay-k/inbox" in folders and "skilling-j/inbox/genie" in folders
