"""The 345 .eml files of the DC Board of Ethics FOIA release (../shared/data/dc-bega-foia-emails): every
one parsed or rejected with a reason, their attachments kept, and text read from their Word files
and text-layer PDFs. Many were converted from Outlook .msg with each base64 line padded on its own;
those attachments must come out whole."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest

from interlock.case import Case

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dc_case(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dc")
    with tarfile.open(shared_data / "dc-bega-foia-emails" / "dc_bega_foia_emails_2018.tar.xz") as tar:
        tar.extractall(root / "release", filter="data")
    with Case.open(root / "case", create=True) as case:
        [report] = case.ingest([root / "release"], kind="eml")
    assert report.kind == "eml"
    return root / "case"


def test_every_message_is_parsed_or_rejected_with_a_reason(dc_case: Path) -> None:
    with Case.open(dc_case) as case:
        parsed = case.store.query("SELECT count(*) FROM messages WHERE parent IS NULL")[0][0]
        rejects = case.store.query("SELECT path, record, reason FROM rejects")
    assert parsed + len(rejects) == 345
    assert all(path.endswith(".eml") and record and reason for path, record, reason in rejects)
    assert parsed >= 340


def test_attachments_are_kept_whole_and_read(dc_case: Path) -> None:
    with Case.open(dc_case) as case:
        rows = case.store.query("SELECT name, sha256, size, content_type, text, error FROM attachments")
        blobs = case.blobs
    assert len(rows) >= 240
    assert all(text or error for *_, text, error in rows)
    stored = [r for r in rows if not (r[5] or "").startswith("not stored")]
    assert all(blobs.has(sha) and blobs.path(sha).stat().st_size == size for _, sha, size, *_ in stored)
    by_name = {name: (text or "", error or "") for name, _, _, _, text, error in rows}
    # Word files, named .docx or .doc, whose base64 was padded line by line
    word = [t for name, _, _, ctype, t, _ in rows if t and ("wordprocessingml" in ctype or name.lower().endswith((".docx", ".doc")))]
    assert len(word) >= 50
    assert "Commission on the Selection and Tenure of ALJs" in by_name["COST Agenda July 22 2013.docx"][0]
    pdf_text, pdf_error = by_name["OOG-0003_7.03.17 Notice of Complaint_COST.pdf"]
    if pdf_error != "PDF text extraction unavailable":
        assert "OFFICE OF OPEN GOVERNMENT" in pdf_text
        assert sum(1 for name, *_, t, _ in rows if t and name.lower().endswith(".pdf")) >= 20
    # images and old binary Word files say why they have no text
    assert any("an image" in (e or "") for *_, e in rows) and any("Office 97-2003" in (e or "") for *_, e in rows)
