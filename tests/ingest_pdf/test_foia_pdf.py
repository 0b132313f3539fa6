"""foia-pdf: printed-email PDFs (text layer, OCR'd scans, portfolios) into messages, through the real store."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pdf_fixtures import scanned, text_pdf

from interlock.case import Case
from interlock.entities import Origin
from interlock.ingest.driver import SourceReport
from interlock.ingest.foia_pdf import FoiaPdf, read_pdf
from interlock.records import Reject
from interlock.settings import Settings

HEADERS = [
    "From:       Dana Ortiz <dortiz@lakeport.gov>",
    "Sent:       Monday, March 2, 2020 9:15 AM",
    "To:         Sam Reyes <sam@reyesstrategies.com>",
    "Subject:    Term sheet (draft)",
    "",
    "Sam, see the attached term sheet.",
    "Dana",
]
EML = b"From: Sam Reyes <sam@reyesstrategies.com>\nTo: dortiz@lakeport.gov\nSubject: Award nomination\n" \
      b"Date: Tue, 03 Mar 2020 10:00:00 -0600\nMessage-ID: <n1@reyes>\n\nThank you.\n"
ORIGIN = Origin("src", "file", "/in/x.pdf", "x.pdf")


@dataclass
class Ingested:
    case: Case
    report: SourceReport
    seconds: float


def ingest(folder: Path, case_dir: Path) -> Ingested:
    case = Case.open(case_dir, Settings(), create=True)
    started = time.perf_counter()
    (report,) = case.ingest([folder], kind="foia-pdf")
    return Ingested(case, report, time.perf_counter() - started)


def messages(case: Case, file_name: str, top: bool = True) -> list[dict[str, Any]]:
    """The messages read from one file (top-level only, or all) in the order they are printed, with participants and meta."""
    rows = case.store.query(
        "SELECT id, from_addr, from_name, subject, sent_at, body, parent, relation FROM messages "
        "WHERE path LIKE ? AND (parent IS NULL OR NOT ?)", ["%/" + file_name, top])
    out = []
    for mid, addr, name, subject, sent_at, body, parent, relation in rows:
        people = case.store.query("SELECT role, address, name FROM participants WHERE message = ? ORDER BY role, name", [mid])
        meta = dict(case.store.query("SELECT key, value FROM message_meta WHERE message = ?", [mid]))
        out.append({"from": (addr or "", name or ""), "subject": subject, "sent_at": sent_at, "body": body,
                    "parent": parent, "relation": relation, "meta": meta,
                    **{role: [(a.lower(), n) for r, a, n in people if r == role] for role in ("to", "cc", "bcc")}})
    return sorted(out, key=lambda m: int(m["meta"].get("span", "0-0").split("-")[0]))


# -- synthetic PDFs -------------------------------------------------------------------------------------------

def test_a_generated_text_layer_pdf_round_trips() -> None:
    out = read_pdf(text_pdf([HEADERS]), ORIGIN)
    assert not isinstance(out, Reject)
    (msg,) = out
    assert msg.sender is not None and (msg.sender.address, msg.sender.name) == ("dortiz@lakeport.gov", "Dana Ortiz")
    assert [(a.address, a.name) for a in msg.to] == [("sam@reyesstrategies.com", "Sam Reyes")]
    assert (msg.subject, msg.sent_at) == ("Term sheet (draft)", datetime(2020, 3, 2, 9, 15))
    assert msg.body == "Sam, see the attached term sheet.\nDana"
    assert msg.meta["page"] == "1" and "span" in msg.meta and "ocr_confidence" not in msg.meta


def test_a_pdf_without_printed_email_is_rejected_with_the_reason() -> None:
    out = read_pdf(text_pdf([["Dear Chairperson Collier,", "", "Earlier this week the Inspector General wrote."]]), ORIGIN)
    assert isinstance(out, Reject) and "no printed e-mail" in out.reason
    corrupt = read_pdf(b"%PDF-1.4 garbage", ORIGIN)
    assert isinstance(corrupt, Reject) and corrupt.reason.startswith("not a readable PDF")


def test_a_portfolio_yields_its_embedded_mail_and_keeps_other_files_as_attachments() -> None:
    cover = ["For the best experience, open this PDF portfolio in", "Acrobat X or Adobe Reader X, or later."]
    files = [("Award.eml", EML), ("Term sheet.pdf", text_pdf([HEADERS])), ("budget.xlsx", b"PK\x03\x04 not really"),
             ("broken.msg", b"not an Outlook file")]
    out = read_pdf(text_pdf([cover], files=files), ORIGIN)
    assert not isinstance(out, Reject)
    assert [m.subject for m in out] == ["Award nomination", "Term sheet (draft)"]
    assert [m.meta["embedded_file"] for m in out] == ["Award.eml", "Term sheet.pdf"]
    assert out[0].message_id == "<n1@reyes>"
    kept = {a.name: a for a in out[0].attachments}
    assert set(kept) == {"budget.xlsx", "broken.msg"}
    assert kept["budget.xlsx"].error == "" and kept["budget.xlsx"].data.startswith(b"PK")
    assert kept["broken.msg"].error  # why the .msg could not be read


def test_a_printed_emails_embedded_files_are_its_attachments_with_their_text() -> None:
    release = text_pdf([["Press release", "", "Carol Schwartz leaves the Board"]])
    out = read_pdf(text_pdf([HEADERS], files=[("Press Release.pdf", release), ("photo.png", b"\x89PNG")]), ORIGIN)
    assert not isinstance(out, Reject)
    (msg,) = out
    press, photo = msg.attachments
    assert (press.name, press.content_type, press.error) == ("Press Release.pdf", "application/pdf", "")
    assert press.text == "Press release\n\nCarol Schwartz leaves the Board" and press.data == release
    assert (photo.name, photo.content_type, photo.text) == ("photo.png", "image/png", "")


def test_embedded_pdfs_are_read_three_levels_deep_and_no_deeper() -> None:
    inner = text_pdf([HEADERS])
    for level in range(3):
        inner = text_pdf([["cover"]], files=[(f"level{level}.pdf", inner)])
    out = read_pdf(inner, ORIGIN)  # the mail is three PDFs inside the outer one
    assert not isinstance(out, Reject) and [m.subject for m in out] == ["Term sheet (draft)"]
    deeper = read_pdf(text_pdf([["cover"]], files=[("level3.pdf", inner)]), ORIGIN)
    assert isinstance(deeper, Reject)
    assert "embedded level3.pdf/level2.pdf/level1.pdf/level0.pdf: a PDF nested more than 3 levels deep is not read" in deeper.reason


def test_sniff_and_files(tmp_path: Path) -> None:
    kind = FoiaPdf()
    (tmp_path / "a.pdf").write_bytes(text_pdf([HEADERS]))
    (tmp_path / "b.PDF").write_bytes(text_pdf([HEADERS]))
    (tmp_path / "notes.txt").write_text("index")
    assert kind.sniff(tmp_path / "a.pdf") and kind.sniff(tmp_path)
    assert [p.name for p in kind.files(tmp_path)] == ["a.pdf", "b.PDF"]
    assert not kind.sniff(tmp_path / "notes.txt")
    (tmp_path / "more.txt").write_text("index")  # boundary: half the files are PDFs, which is not "mostly"
    assert not kind.sniff(tmp_path)


def test_a_folder_with_a_corrupt_pdf_and_a_scan(tmp_path: Path) -> None:
    folder = tmp_path / "release"
    folder.mkdir()
    (folder / "1 text.pdf").write_bytes(text_pdf([HEADERS]))
    (folder / "2 corrupt.pdf").write_bytes(text_pdf([HEADERS])[:400])
    (folder / "3 scan.pdf").write_bytes(scanned(text_pdf([HEADERS]), dpi=150))
    got = ingest(folder, tmp_path / "case")
    assert (got.report.records, got.report.rejected) == (2, 1)
    ((record, reason),) = got.case.store.query("SELECT record, reason FROM rejects")
    assert record == "2 corrupt.pdf" and reason.startswith("not a readable PDF")
    (text,) = messages(got.case, "1 text.pdf")
    (scan,) = messages(got.case, "3 scan.pdf")
    for msg in (text, scan):
        assert msg["from"] == ("dortiz@lakeport.gov", "Dana Ortiz")
        assert msg["to"] == [("sam@reyesstrategies.com", "Sam Reyes")]
        assert (msg["subject"], msg["sent_at"]) == ("Term sheet (draft)", datetime(2020, 3, 2, 9, 15))
    assert "ocr_confidence" not in text["meta"] and float(scan["meta"]["ocr_confidence"]) > 80
    got.case.close()


# -- the DC BEGA release (../shared/data) ---------------------------------------------------------------------

@pytest.fixture(scope="session")
def bega(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ingested]:
    """The DC BEGA sample PDFs, ingested once per session (the two scans are OCR'd once)."""
    got = ingest(shared_data / "dc-bega-foia-emails" / "pdf_samples", tmp_path_factory.mktemp("bega") / "case")
    print(f"\nfoia-pdf: DC BEGA pdf_samples ingested in {got.seconds:.1f} s")
    yield got
    got.case.close()


def one(bega: Ingested, file_name: str) -> dict[str, Any]:
    (msg,) = messages(bega.case, file_name)
    return msg


def test_bega_counts(bega: Ingested) -> None:
    # 11 PDFs, one record each; the Mayor's referral is a scanned letter, not an e-mail
    assert bega.report.records + bega.report.rejected == 11
    rejects = dict(bega.case.store.query("SELECT record, reason FROM rejects"))
    assert "no printed e-mail" in rejects["Mayor Referral to BEGA 2.16.2018..pdf"]


def test_bega_outlook_prints(bega: Ingested) -> None:
    msg = one(bega, "Re_ BEGA_Redacted.pdf")
    assert msg["from"] == ("", "Walker, Steven (EOM)") and msg["to"] == [("", "Collier, Tameka (BEGA)")]
    assert (msg["subject"], msg["sent_at"]) == ("Re: BEGA", datetime(2017, 12, 7, 8, 38, 23))
    assert msg["body"].startswith("Sure, I’m free until 8:55")

    msg = one(bega, "Re_ Call this morning_Redacted.pdf")
    assert msg["from"] == ("", "Collier, Tameka (BEGA)") and msg["to"] == [("", "Weil, Sonia (Council)")]
    assert (msg["subject"], msg["sent_at"]) == ("Re: Call this morning", datetime(2018, 2, 5, 10, 37, 42))

    msg = one(bega, "Re_ Constituent Issue_Redacted.pdf")
    assert msg["from"] == ("", "Rockett, Ayana (EOM)") and msg["to"] == [("", "Collier, Tameka (BEGA)")]
    assert msg["cc"] == [("", "Grimaldi, John J. (BEGA)")]
    assert (msg["subject"], msg["sent_at"]) == ("Re: Constituent Issue", datetime(2017, 9, 5, 13, 28, 50))

    msg = one(bega, "Re_ possible to delay mtg a day or so_ _Redacted.pdf")
    assert msg["from"] == ("", "Grimaldi, John J. (BEGA)") and msg["to"] == [("", "Intrieri, Alana (EOM)")]
    assert (msg["subject"], msg["sent_at"]) == ("Re: possible to delay mtg a day or so?", datetime(2017, 10, 30, 8, 28, 32))

    # the resignation's To: line is blacked out in the release; Bcc is printed
    msg = one(bega, "My Resignation from the Board of Ethics and Government Accountability _Redacted.pdf")
    assert msg["from"] == ("", "Schwartz, Carol (BEGA)") and msg["to"] == []
    assert msg["bcc"] == [("", "Schwartz, Carol (BEGA)")]
    assert msg["subject"] == "My Resignation from the Board of Ethics and Government Accountability"
    assert msg["sent_at"] == datetime(2017, 11, 6, 11, 4, 30)
    assert msg["meta"]["page"] == "1" and "span" in msg["meta"]


def test_bega_quoted_history(bega: Ingested) -> None:
    everything = messages(bega.case, "Re_ Call this morning_Redacted.pdf", top=False)
    quoted = [m for m in everything if m["parent"]]
    assert [m["sent_at"] for m in quoted] == [datetime(2018, 2, 5, 10, 27, 27), datetime(2018, 2, 5, 9, 54, 20)]
    assert quoted[-1]["from"] == ("sweil@DCCOUNCIL.US", "Weil, Sonia (Council)")
    assert quoted[-1]["to"] == [("", "Collier, Tameka (BEGA)")] and quoted[-1]["subject"] == "Call this morning"
    assert all(m["relation"] == "quoted" for m in quoted)
    delay = messages(bega.case, "Re_ possible to delay mtg a day or so_ _Redacted.pdf", top=False)
    assert len(delay) == 10  # the reply and nine quoted messages, over four pages
    assert delay[-1]["meta"]["page"] == "4" and delay[-1]["from"] == ("", "Cavendish, Betsy (EOM)")


def test_bega_scan_is_ocrd(bega: Ingested) -> None:
    everything = messages(bega.case, "Grimaldi-emails.pdf", top=False)
    first = everything[0]
    assert first["from"] == ("", "Adams, Eugene (OAH)") and first["to"] == [("", "Grimaldi, John J. (BEGA)")]
    assert first["sent_at"] == datetime(2018, 1, 8, 11, 18)
    assert float(first["meta"]["ocr_confidence"]) > 85
    # the three printed e-mails of the scan (pages 1, 2 and 5) and the history quoted in them
    headers = {(m["from"][1], m["sent_at"], m["subject"]) for m in everything}
    assert ("Collier, Tameka (BEGA)", datetime(2018, 1, 18, 14, 11), "Fw: OOG-0003_7.03.17 OMA Complaint_COST_AO") in headers
    assert ("Hughes, Traci (BEGA)", datetime(2017, 11, 16, 10, 0), "OOG-0003_ 7.03.17 OMA Complaint_COST_AO") in headers
    assert ("Grimaldi, John J. (BEGA)", datetime(2017, 11, 14, 12, 41), "RE: RE:") in headers
    assert len(everything) == 9
    assert all("ocr_confidence" in m["meta"] for m in everything)


def test_bega_portfolio(bega: Ingested) -> None:
    msg = one(bega, "Re_ Check in_Redacted.pdf")
    assert msg["meta"]["embedded_file"] == "Re_ Check in.pdf"
    assert msg["from"] == ("", "Schwartz, Carol (BEGA)") and msg["to"] == [("", "Walker, Steven (EOM)")]
    assert (msg["subject"], msg["sent_at"]) == ("Re: Check in", datetime(2017, 7, 4, 23, 6, 27))
    assert msg["body"].startswith("Busy with daughter and pets in town")


def test_bega_only_the_letter_is_rejected(bega: Ingested) -> None:
    assert (bega.report.records, bega.report.rejected) == (10, 1)


def test_bega_outlook_web_print_natale(bega: Ingested) -> None:
    msg = one(bega, "Natale Email.pdf")
    assert msg["from"] == ("", "Natale, Vanessa (OAH)") and msg["sent_at"] == datetime(2017, 11, 7, 16, 2)
    assert msg["subject"] == "Complaint regarding OOG"
    # the To line wraps over two columns in this print: the order read is not the order written
    assert sorted(a for a, _ in msg["to"]) == sorted(["tameka.collier@dc.gov", "carol.schwartz@dc.gov", "norma.hutcheson@dc.gov",
                                                       "shomari.wade@dc.gov"])
    assert [a for a, _ in msg["cc"]] == ["brian.flowers@dc.gov", "traci.hughes@dc.gov"]


def test_bega_outlook_web_print_recruitment(bega: Ingested) -> None:
    msg = one(bega, "Follow-up Recruitment for BEGA Email_Redacted.pdf")
    assert msg["from"] == ("", "Walker, Steven (EOM)") and msg["sent_at"] == datetime(2018, 2, 6, 10, 45)
    assert msg["subject"] == "Follow up - Recruitment for BEGA"
    assert msg["to"] == [("tameka.collier@dc.gov", "Collier, Tameka (BEGA)")]


def test_bega_outlook_web_print_chairs_phone(bega: Ingested) -> None:
    msg = one(bega, "Chairs Phone no. Email_Redacted.pdf")
    assert msg["from"] == ("", "Grimaldi, John J. (BEGA)") and msg["sent_at"] == datetime(2018, 2, 16, 21, 59)
    assert msg["subject"] == "Re: Chair’s Phone No."
    assert msg["to"] == [("kmitchell@dccouncil.us", "Mitchell, Katherine (Council)")]
    assert msg["cc"] == [("tameka.collier@dc.gov", "Collier, Tameka (BEGA)")]


def test_bega_chairs_phone_quoted_message(bega: Ingested) -> None:
    everything = messages(bega.case, "Chairs Phone no. Email_Redacted.pdf", top=False)
    quoted = next(m for m in everything if m["sent_at"] == datetime(2018, 2, 16, 17, 58))
    assert quoted["from"] == ("kmitchell@DCCOUNCIL.US", "Mitchell, Katherine (Council)")
    assert quoted["to"] == [("", "Grimaldi, John J. (BEGA)")] and quoted["subject"] == "Chair’s Phone No."
