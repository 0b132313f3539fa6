"""foia-text: a .txt file or a folder of them, each file one record, through the real ingest driver."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import interlock.ingest.foia_text as foia_text
from interlock.blobs import sha256_file
from interlock.case import Case
from interlock.entities import Origin
from interlock.ingest.base import Context, SourceFile, detect_kind
from interlock.ingest.foia_text import FoiaText, read_parallel, read_record, text_pages
from interlock.ingest.printed import NO_HEADER
from interlock.records import Message, Reject
from interlock.settings import Settings

BANNER = "UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. {doc} Date: 08/31/2015"

EMAIL = f"""     {BANNER}
                                                                       RELEASE IN PART B6
From:                             Sullivan, Jacob J <SullivanJJ@state.gov>
Sent:                             Sunday, August 8, 2010 9:42 AM
To:                               H; McHale, Judith A
Subject:                          Re: aid workers

We believe you should go on camera tomorrow.

    Original Message
From: H <HDR22@clintonemail.com>
To: McHale, Judith A
Sent: Sun Aug 08 08:21:27 2010
Subject: Re: aid workers

Have we put out a statement yet?                                                  B6
     {BANNER}
\f     {BANNER}

Pls tell David I'm sorry.
     {BANNER}
\f"""

MEMO = f"""     {BANNER}
                                                                       RELEASE IN FULL
                                   CONFIDENTIAL
 For: Hillary
 From: Sid
 Re: Berlin speeches

Below are my notes.
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def sources(*paths: Path) -> tuple[SourceFile, ...]:
    return tuple(SourceFile(p, sha256_file(p), p.stat().st_size) for p in paths)


def test_pages_split_at_form_feeds() -> None:
    assert [p.number for p in text_pages("one\ftwo\f")] == [1, 2]          # pdftotext's final form feed
    assert [p.text for p in text_pages("one\ftwo\fthree")] == ["one", "two", "three"]
    assert [p.text for p in text_pages("")] == [""]


def test_sniff(tmp_path: Path) -> None:
    kind = FoiaText()
    assert kind.sniff(write(tmp_path, "a/C05770355.txt", EMAIL.format(doc="C05770355")))
    assert kind.sniff(write(tmp_path, "b/memo.txt", MEMO.format(doc="C05770356")))          # the banner alone
    assert kind.sniff(write(tmp_path, "c/outlook.txt", "From:  Doe, Jane\nSent:  Monday, May 1, 2017 9:00 AM\n"))
    assert kind.sniff(tmp_path / "a")
    assert not kind.sniff(write(tmp_path, "d/profile.txt", "Name: Dana M. Ortiz\nOffice: City Clerk\n"))
    assert not kind.sniff(write(tmp_path, "e/mail.eml", "From: a@example.com\nSubject: hi\n\nbody\n"))
    assert not kind.sniff(tmp_path / "nothing-here")


def test_files_are_the_txt_files_of_a_folder_recursively_sorted(tmp_path: Path) -> None:
    for name in ("b/2.txt", "a/1.txt", "a/notes.md", ".hidden/3.txt", "c.TXT"):
        write(tmp_path, name, "x")
    assert [p.relative_to(tmp_path).as_posix() for p in FoiaText().files(tmp_path)] == ["a/1.txt", "b/2.txt", "c.TXT"]
    assert FoiaText().files(tmp_path / "a" / "1.txt") == [tmp_path / "a" / "1.txt"]


def test_each_file_is_one_record(tmp_path: Path) -> None:
    email = write(tmp_path, "C05770355.txt", EMAIL.format(doc="C05770355"))
    memo = write(tmp_path, "C05770356.txt", MEMO.format(doc="C05770356"))
    record = read_record("src", sources(email)[0])
    assert isinstance(record, list) and len(record) == 1
    msg = record[0]
    assert isinstance(msg, Message)
    assert msg.origin.record == "C05770355 message 1" and msg.origin.path == str(email)
    assert [c.relation for c in msg.children] == ["quoted"]
    assert msg.children[0].body == "Have we put out a statement yet?\n\nPls tell David I'm sorry."
    assert msg.children[0].meta["pages"] == "1-2"
    rejected = read_record("src", sources(memo)[0])
    assert rejected == Reject(Origin("src", sha256_file(memo), str(memo), "C05770356.txt"), NO_HEADER)


def test_further_printed_emails_in_a_file_are_attached_children(tmp_path: Path) -> None:
    second = (f"     {BANNER}\n\nFrom:                   Mills, Cheryl D <MillsCD@state.gov>\n"
              "Sent:                   Sunday, January 3, 2010 9:18 PM\nTo:                     H\n"
              "Subject:                FW: Iran reports\n\nFYI\n")
    path = write(tmp_path, "C05767214.txt", EMAIL.format(doc="C05767214") + second.format(doc="C05767214"))
    record = read_record("src", sources(path)[0])
    assert isinstance(record, list) and len(record) == 1
    top = record[0]
    assert isinstance(top, Message)
    assert [(c.relation, c.subject) for c in top.children] == [("quoted", "Re: aid workers"), ("attached", "FW: Iran reports")]
    assert top.children[1].origin.record == "C05767214 message 3" and top.children[1].meta["page"] == "3"


def test_unreadable_file_is_a_reject_not_a_crash(tmp_path: Path) -> None:
    gone = SourceFile(tmp_path / "gone.txt", "0" * 64, 0)
    record = read_record("src", gone)
    assert isinstance(record, Reject) and record.reason.startswith("cannot read the file")


def test_windows_1252_text_is_read(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes(EMAIL.format(doc="C05770355").replace("I'm", "I\u2019m").encode("cp1252"))
    record = read_record("src", sources(path)[0])
    assert isinstance(record, list) and isinstance(record[0], Message)
    assert record[0].children[0].body.endswith("I\u2019m sorry.")


def test_parallel_reading_gives_the_records_in_file_order(tmp_path: Path) -> None:
    paths = [write(tmp_path, f"C0577{n:04}.txt", (EMAIL if n % 3 else MEMO).format(doc=f"C0577{n:04}")) for n in range(150)]
    files = sources(*paths)
    sequential = [read_record("src", f) for f in files]
    assert list(read_parallel("src", files, workers=2)) == sequential
    assert foia_text.parse_workers(10) == 0


def test_ingest_through_the_driver(tmp_path: Path) -> None:
    folder = tmp_path / "release"
    write(folder, "HRCEmail_AugWeb/C05770355.txt", EMAIL.format(doc="C05770355"))
    write(folder, "HRCEmail_AugWeb/C05770356.txt", MEMO.format(doc="C05770356"))
    with Case.open(tmp_path / "case", Settings(), create=True) as case:
        report = case.ingest([folder], "foia-text")[0]
        assert (report.records, report.rejected) == (1, 1)
        store = case.store
        rows = store.query("SELECT record, subject, from_name, from_addr, relation, parent IS NULL FROM messages ORDER BY record")
        assert rows == [("C05770355 message 1", "Re: aid workers", "Sullivan, Jacob J", "SullivanJJ@state.gov", None, True),
                        ("C05770355 message 2", "Re: aid workers", "H", "HDR22@clintonemail.com", "quoted", False)]
        meta = dict(store.query("SELECT m.key, string_agg(m.value, ',' ORDER BY m.value) FROM message_meta m "
                                "JOIN messages g ON g.id = m.message WHERE g.record = 'C05770355 message 1' GROUP BY m.key"))
        assert meta["case_number"] == "F-2014-20439" and meta["doc_number"] == "C05770355"
        assert (meta["release_stamp"], meta["exemptions"], meta["release_date"]) == ("RELEASE IN PART", "B6", "2015-08-31")
        participants = store.query("SELECT role, address, name FROM participants p JOIN messages g ON g.id = p.message "
                                   "WHERE g.record = 'C05770355 message 1' ORDER BY role, name")
        assert participants == [("from", "SullivanJJ@state.gov", "Sullivan, Jacob J"), ("to", "", "H"), ("to", "", "McHale, Judith A")]
        assert store.query("SELECT path, reason FROM rejects") == [(str(folder / "HRCEmail_AugWeb" / "C05770356.txt"), NO_HEADER)]


def test_detected_without_kind(tmp_path: Path) -> None:
    path = write(tmp_path, "C05770355.txt", EMAIL.format(doc="C05770355"))
    assert detect_kind(path) == "foia-text"


def test_records_resume_from_a_start(tmp_path: Path) -> None:
    paths = [write(tmp_path, f"C0577035{n}.txt", EMAIL.format(doc=f"C0577035{n}")) for n in range(3)]
    ctx = Context(tmp_path, "src", sources(*paths), Settings())
    records = list(FoiaText().records(ctx, 1))
    assert [r[0].origin.record for r in records if isinstance(r, list)] == ["C05770351 message 1", "C05770352 message 1"]


# -- real files ---------------------------------------------------------------------------------------------------

def test_real_state_department_sample(shared_data: Path) -> None:
    folder = shared_data / "clinton-state-dept-emails" / "sample_txt"
    files = FoiaText().files(folder)
    assert len(files) == 40
    for path in files:
        record = read_record("src", sources(path)[0])
        assert isinstance(record, list), path
        msg = record[0]
        assert isinstance(msg, Message)
        assert msg.meta["doc_number"] == path.stem and msg.meta["case_number"] == "F-2014-20439", path
        assert msg.meta["release_stamp"] in ("RELEASE IN PART", "RELEASE IN FULL"), path
        assert msg.sent_at is not None and msg.sender is not None, path
        for m in (msg, *msg.children):
            assert "Department of State Case No" not in m.body and "RELEASE IN" not in m.body, path
            start, end = (int(x) for x in str(m.meta["span"]).split("-"))
            assert m.subject.split(" ")[0] in path.read_text(encoding="utf-8")[start:end], path


def test_real_sample_known_file(shared_data: Path) -> None:
    path = shared_data / "clinton-state-dept-emails" / "sample_txt" / "Clinton_Email_August_Release" / "C05772134.txt"
    record = read_record("src", sources(path)[0])
    assert isinstance(record, list)
    msg = record[0]
    assert isinstance(msg, Message)
    assert msg.sender is not None and msg.sender.name == "sbwhoeop" and msg.sender.address == ""
    assert msg.subject == "Re: H: First review of your speech. Goad you used Acheson. Sid"
    assert msg.meta["exemptions"] == ["B6"]
    assert [c.sender.name if c.sender else None for c in msg.children] == ["H", "sbwhoeop"]
    assert [c.sent_at.isoformat() if c.sent_at else None for c in msg.children] == ["2010-09-08T21:33:00", "2010-09-08T14:34:36"]


@pytest.mark.skipif(shutil.which("pdftotext") is None and os.environ.get("CI") != "true",
                    reason="pdftotext (poppler-utils) is not installed; `make test` installs it")
def test_real_outlook_print_pdf_as_text(shared_data: Path, tmp_path: Path) -> None:
    pdf = shared_data / "dc-bega-foia-emails" / "pdf_samples" / "Re_ possible to delay mtg a day or so_ _Redacted.pdf"
    text = tmp_path / "print.txt"
    subprocess.run(["pdftotext", "-layout", str(pdf), str(text)], check=True)
    record = read_record("src", sources(text)[0])
    assert isinstance(record, list)
    msg = record[0]
    assert isinstance(msg, Message)
    assert msg.sender is not None and msg.sender.name == "Grimaldi, John J. (BEGA)"
    assert msg.subject == "Re: possible to delay mtg a day or so?"
    assert [a.name for a in msg.cc] == ["Collier, Tameka (BEGA)", "Flowers, Brian (BEGA)", "Cavendish, Betsy (EOM)"]
    assert [(c.sender.name if c.sender else "", c.sent_at.isoformat() if c.sent_at else "") for c in msg.children][:3] == [
        ("Intrieri, Alana (EOM)", "2017-10-27T16:14:00"),
        ("Grimaldi, John J. (BEGA)", "2017-10-27T11:58:00"),
        ("Grimaldi, John J. (BEGA)", "2017-10-02T13:51:00"),
    ]
    assert "case_number" not in msg.meta and msg.meta["page"] == "1"
