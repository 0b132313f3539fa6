"""The generated demo case: deterministic, well-formed, and holding exactly what truth.json says was planted."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import mailbox
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from datetime import date
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest
from followthemoney import model

from interlock.demo import cast
from interlock.demo.attachments import make_docx, make_pdf
from interlock.demo.generate import SPOUSE_NAME, generate

EMAILS = 2000
REGISTRY_FILES = ["Lobbyists", "Employers", "Clients", "Lobbyist__Employer__Client_Combinations", "Compensation"]
SAM = {"sam.reyes@gmail.com", "sam@reyesstrategies.com"}
CLERK = {"dortiz@lakeport.gov", "dana.ortiz@gmail.com"}


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    root = tmp_path_factory.mktemp("demo")
    return root, generate(root, emails=EMAILS, seed=7)


@pytest.fixture(scope="module")
def messages(case: tuple[Path, dict[str, Any]]) -> list[Message]:
    return list(mailbox.mbox(case[0] / "input" / "mailbox" / "dortiz-lakeport.mbox"))


def digests(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


def addrs(msg: Message, *headers: str) -> set[str]:
    return {a.lower() for _, a in getaddresses([str(v) for h in headers for v in msg.get_all(h, [])])}


def participants(msg: Message) -> set[str]:
    return addrs(msg, "from", "to", "cc")


def day(msg: Message) -> date:
    return parsedate_to_datetime(str(msg["date"])).date()


def text_of(msg: Message) -> str:
    for part in msg.walk():
        if part.get_content_type() == "text/plain" and not part.get_filename():
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            return payload.decode(part.get_content_charset() or "utf-8")
    return ""


def attachments(msg: Message) -> Iterator[tuple[str, bytes]]:
    for part in msg.walk():
        if part.get_filename():
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            yield str(part.get_filename()), payload


def by_id(messages: list[Message]) -> dict[str, Message]:
    return {str(m["message-id"]): m for m in messages}


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def registry(root: Path, name: str) -> Path:
    return root / "input" / "registry" / f"Lobbyist_Data_-_{name}_20220115.csv"


# determinism


def test_same_seed_and_size_give_byte_identical_files(case: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    root, truth = case
    again = generate(tmp_path / "again", emails=EMAILS, seed=7)
    assert digests(root) == digests(tmp_path / "again")
    assert again == truth
    assert len(digests(root)) == 13   # mbox, 6 registry files, contracts, 2 profiles, companies, campaign receipts, truth


def test_same_bytes_in_another_process_with_another_hash_seed(case: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    code = f"from pathlib import Path; from interlock.demo.generate import generate; generate(Path({str(tmp_path)!r}), {EMAILS}, 7)"
    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "PYTHONHASHSEED": "12345"})
    assert digests(case[0]) == digests(tmp_path)


def test_another_seed_gives_another_mailbox(case: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    generate(tmp_path / "other", emails=EMAILS, seed=8)
    mbox = "input/mailbox/dortiz-lakeport.mbox"
    assert digests(case[0])[mbox] != digests(tmp_path / "other")[mbox]


def test_too_few_emails_for_the_planted_mail_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="too few"):
        generate(tmp_path, emails=50)


# the mailbox


def test_mailbox_holds_exactly_the_messages_asked_for_each_with_key_headers(messages: list[Message]) -> None:
    assert len(messages) == EMAILS
    ids = set()
    for msg in messages:
        assert msg["from"] and msg["to"] and msg["subject"] is not None
        assert parsedate_to_datetime(str(msg["date"])).tzinfo is not None
        assert date(2017, 1, 1) <= day(msg) <= date(2021, 12, 31)
        ids.add(str(msg["message-id"]))
    assert len(ids) == EMAILS


def test_the_clerk_takes_part_in_essentially_every_message(messages: list[Message]) -> None:
    share = sum(bool(participants(m) & CLERK) for m in messages) / len(messages)
    assert share > 0.95


def test_mailbox_is_ascii_mboxrd_with_escaped_from_lines(case: tuple[Path, dict[str, Any]]) -> None:
    raw = (case[0] / "input" / "mailbox" / "dortiz-lakeport.mbox").read_bytes()
    assert raw.isascii() and raw.startswith(b"From ")
    assert b"\n>From the editor" in raw
    separators = [line for line in raw.split(b"\n") if line.startswith(b"From ")]
    assert len(separators) == EMAILS


def test_mailbox_has_the_mix_of_real_mail(messages: list[Message]) -> None:
    subjects = [str(m["subject"]) for m in messages]
    types = {m.get_content_type() for m in messages}
    encodings = {str(p["content-transfer-encoding"]) for m in messages for p in m.walk() if p["content-transfer-encoding"]}
    names = [n for m in messages for n, _ in attachments(m)]
    assert sum(s.startswith("Re: ") for s in subjects) > 100
    assert sum(s.startswith("Fwd: ") for s in subjects) > 5
    assert sum(bool(m["in-reply-to"]) for m in messages) > 100
    assert sum("=?utf-8?" in s for s in subjects) > 10
    assert {"text/plain", "multipart/alternative", "multipart/mixed"} <= types
    assert {"7bit", "quoted-printable", "base64"} <= encodings
    assert {n.rsplit(".", 1)[1] for n in names} >= {"pdf", "docx", "csv"}
    senders = {a.split("@")[1] for m in messages for a in addrs(m, "from")}
    assert {"lakeport.gov", "gmail.com", "lakeportherald.com"} <= senders
    assert sum(a.endswith("@lakeport.gov") for m in messages for a in addrs(m, "from")) > 0.3 * EMAILS
    assert len({a for m in messages for a in addrs(m, "from") if a.endswith("@lakeport.gov")}) > 30


def test_attachments_are_valid_files(messages: list[Message]) -> None:
    files = dict(a for m in messages for a in attachments(m))
    pdf = next(v for k, v in files.items() if k.endswith(".pdf"))
    docx = next(v for k, v in files.items() if k.endswith(".docx"))
    assert_valid_pdf(pdf)
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        assert {"[Content_Types].xml", "_rels/.rels", "word/document.xml"} <= set(zf.namelist())


def assert_valid_pdf(data: bytes) -> None:
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    xref = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    assert data[xref:xref + 4] == b"xref"
    entries = data[xref:].split(b"\n")[3:9]
    for n, entry in enumerate(entries, start=1):
        offset = int(entry[:10])
        assert data[offset:].startswith(b"%d 0 obj" % n)


def test_pdf_and_docx_makers_are_deterministic_and_escape_text() -> None:
    pdf = make_pdf("A (draft)", ["back\\slash", "caf\u00e9"])
    assert pdf == make_pdf("A (draft)", ["back\\slash", "caf\u00e9"])
    assert b"(A \\(draft\\)) Tj" in pdf
    assert_valid_pdf(pdf)
    assert make_docx(["x & y"]) == make_docx(["x & y"])
    assert make_pdf("A", []) != pdf


# planted mail


def test_term_sheet_is_forwarded_from_the_government_account_to_the_spouse(
        case: tuple[Path, dict[str, Any]], messages: list[Message]) -> None:
    fwd = by_id(messages)[case[1]["planted_messages"]["term_sheet_forward"]]
    assert addrs(fwd, "from") == {"dortiz@lakeport.gov"}
    assert "sam.reyes@gmail.com" in addrs(fwd, "to")
    assert str(fwd["subject"]) == "Fwd: Lighthouse FC - Term Sheet"
    assert day(fwd) >= cast.REGISTRATION
    files = dict(attachments(fwd))
    assert list(files) == ["Lighthouse FC - Term Sheet.pdf"]
    assert_valid_pdf(files["Lighthouse FC - Term Sheet.pdf"])
    original = [m for m in messages if addrs(m, "from") == {"jpark@lighthousefc.com"}]
    assert len(original) == 1 and "Lighthouse FC - Term Sheet.pdf" in dict(attachments(original[0]))
    assert day(original[0]) <= day(fwd)


def test_clerk_asks_the_clients_ceo_for_help_in_a_thread(case: tuple[Path, dict[str, Any]], messages: list[Message]) -> None:
    ids = case[1]["planted_messages"]["ceo_request"]
    thread = [by_id(messages)[i] for i in ids]
    assert len(thread) >= 3
    assert addrs(thread[0], "from") == {"dortiz@lakeport.gov"} and addrs(thread[0], "to") == {"mvega@harborlinesecurity.com"}
    assert "LakeportID" in text_of(thread[0]) and "partners" in text_of(thread[0])
    assert sum(addrs(m, "from") == {"mvega@harborlinesecurity.com"} for m in thread) >= 2
    for earlier, later in zip(thread, thread[1:], strict=False):
        assert str(later["in-reply-to"]) == str(earlier["message-id"])
    assert all(day(m) >= cast.REGISTRATION for m in thread)


def test_clerk_nominates_the_spouse_for_the_award(case: tuple[Path, dict[str, Any]], messages: list[Message]) -> None:
    nom = by_id(messages)[case[1]["planted_messages"]["award_nomination"]]
    assert addrs(nom, "from") == {"dortiz@lakeport.gov"}
    assert addrs(nom, "to") == {"awards.committee@lakeportchamber.org"}
    body = text_of(nom)
    assert "Lakeport Civic Leadership Award" in body and SPOUSE_NAME.search(body)
    assert day(nom) >= cast.REGISTRATION


def test_spouse_mail_is_split_around_the_registration_and_counted_in_truth(
        case: tuple[Path, dict[str, Any]], messages: list[Message]) -> None:
    counts = case[1]["counts"]
    with_sam = [m for m in messages if participants(m) & SAM]
    before = [m for m in with_sam if day(m) < cast.REGISTRATION]
    after = [m for m in with_sam if day(m) >= cast.REGISTRATION]
    assert (len(before), len(after)) == (counts["spouse_emails_before"], counts["spouse_emails_after"])
    assert len(with_sam) >= 40 and abs(len(before) - len(after)) <= 2
    assert all(participants(m) & {"dortiz@lakeport.gov"} for m in with_sam)
    assert any("sam@reyesstrategies.com" in participants(m) for m in after)
    assert not any("sam@reyesstrategies.com" in participants(m) for m in before)
    about = [m for m in messages if not participants(m) & SAM and SPOUSE_NAME.search(text_of(m) + str(m["subject"]))]
    assert sum(day(m) < cast.REGISTRATION for m in about) == counts["about_emails_before"] > 0
    assert sum(day(m) >= cast.REGISTRATION for m in about) == counts["about_emails_after"] > 0
    context = case[1]["context"][0]
    assert context["count"] == counts["spouse_emails_before"] + counts["about_emails_before"]


def test_namesake_writes_often_and_is_never_called_plain_sam_reyes(messages: list[Message]) -> None:
    jr = [m for m in messages if "sreyesjr@outlook.com" in participants(m)]
    assert len(jr) >= 15
    assert min(day(m) for m in jr).year <= 2018 and max(day(m) for m in jr).year >= 2020
    assert any("Sam Reyes Jr." in text_of(m) for m in jr)
    assert not any(SPOUSE_NAME.search(text_of(m)) for m in jr)
    assert SPOUSE_NAME.search("Sam Reyes called") and not SPOUSE_NAME.search("Sam Reyes Jr. called")


def test_lookalike_company_and_aldermans_husband_write_in(messages: list[Message]) -> None:
    assert sum(any(a.endswith("@harborlinelogistics.com") for a in participants(m)) for m in messages) >= 10
    assert 3 <= sum("tom.whitfield@gmail.com" in participants(m) for m in messages) <= 10


# registry


def test_registry_headers_are_the_real_2025_exports(case: tuple[Path, dict[str, Any]], shared_data: Path) -> None:
    real = shared_data / "chicago-lobbyists-2025"
    for name in REGISTRY_FILES:
        with (real / f"Lobbyist_Data_-_{name}_20250121.csv").open(encoding="utf-8") as fh:
            expected = fh.readline()
        assert registry(case[0], name).read_text(encoding="utf-8").split("\n", 1)[0] + "\n" == expected


def test_registry_reproduces_the_client_and_employer_id_quirk(case: tuple[Path, dict[str, Any]]) -> None:
    root = case[0]
    clients = read_csv(registry(root, "Clients"))
    combos = read_csv(registry(root, "Lobbyist__Employer__Client_Combinations"))
    employers = read_csv(registry(root, "Employers"))
    lobbyists = read_csv(registry(root, "Lobbyists"))
    pay = read_csv(registry(root, "Compensation"))
    big = {r["CLIENT_ID"] for r in clients if r["NAME"] == cast.CLIENT}
    small = {r["CLIENT_ID"] for r in combos if r["CLIENT_NAME"] == cast.CLIENT}
    assert len(big) == 1 and len(small) == 1 and big != small
    assert all(int(r["CLIENT_ID"]) > 1_000_000 for r in clients) and all(int(r["CLIENT_ID"]) < 100_000 for r in combos)
    assert all(int(r["EMPLOYER_ID"]) > 1_000_000 for r in employers) and all(int(r["EMPLOYER_ID"]) < 100_000 for r in combos)
    assert {r["CLIENT_ID"] for r in pay if r["CLIENT_NAME"] == cast.CLIENT} == big
    assert {r["LOBBYIST_ID"] for r in combos} <= {r["LOBBYIST_ID"] for r in lobbyists}
    assert {r["LOBBYIST_ID"] for r in pay} <= {r["LOBBYIST_ID"] for r in lobbyists}
    assert 250 <= len({r["LOBBYIST_ID"] for r in lobbyists}) <= 350 and 400 <= len({r["NAME"] for r in clients}) <= 600
    assert {r["YEAR"] for r in lobbyists} == {str(y) for y in range(2015, 2022)}
    assert all(r["EMAIL"] for r in lobbyists)
    assert all(re.fullmatch(r"\d\d/\d\d/\d{4}", r["CREATED_DATE"]) for r in lobbyists + employers + clients + pay)


def test_registry_has_the_spouse_his_client_and_not_the_decoys(case: tuple[Path, dict[str, Any]]) -> None:
    root = case[0]
    lobbyists = read_csv(registry(root, "Lobbyists"))
    combos = read_csv(registry(root, "Lobbyist__Employer__Client_Combinations"))
    pay = read_csv(registry(root, "Compensation"))
    sam = sorted((r for r in lobbyists if (r["FIRST_NAME"], r["LAST_NAME"]) == ("SAM", "REYES")), key=lambda r: r["YEAR"])
    assert [r["YEAR"] for r in sam] == ["2019", "2020", "2021"]
    assert {r["EMAIL"] for r in sam} == {"sam@reyesstrategies.com"} and sam[0]["CREATED_DATE"] == "07/01/2019"
    assert {r["EMPLOYER_NAME"] for r in sam} == {cast.SPOUSE_FIRM}
    sam_id = sam[0]["LOBBYIST_ID"]
    harborline = [r for r in combos if r["CLIENT_NAME"] == cast.CLIENT]
    assert sorted(r["Year"] for r in harborline if r["LOBBYIST_ID"] == sam_id) == ["2019", "2020", "2021"]
    assert {r["Year"] for r in harborline if r["LOBBYIST_ID"] != sam_id} == {"2015", "2016", "2017", "2018"}
    assert 1 <= len({r["CLIENT_NAME"] for r in combos if r["LOBBYIST_ID"] == sam_id} - {cast.CLIENT}) <= 2
    paid = sorted((r["PERIOD_START"][6:] + r["PERIOD_START"][:2], float(r["COMPENSATION_AMOUNT"]))
                  for r in pay if r["LOBBYIST_ID"] == sam_id and r["CLIENT_NAME"] == cast.CLIENT)
    assert [p[0] for p in paid] == ["201907", "201910"] + [f"{y}{m}" for y in (2020, 2021) for m in ("01", "04", "07", "10")]
    assert all(3000 <= amount <= 6000 for _, amount in paid)
    lookalike = [r for r in combos if r["CLIENT_NAME"] == cast.LOOKALIKE]
    assert lookalike and sam_id not in {r["LOBBYIST_ID"] for r in lookalike}
    assert not [r for r in lobbyists if r["LAST_NAME"] in ("WHITFIELD", "NATARAJAN", "ORTIZ")]
    mail_senders = {r["EMAIL"] for r in lobbyists} - {"sam@reyesstrategies.com"}
    mbox = (root / "input" / "mailbox" / "dortiz-lakeport.mbox").read_text(encoding="ascii")
    assert sum(f"<{e}>" in mbox for e in mail_senders) >= 5


# contracts, profiles, companies


def test_contracts_file_layout_and_harborline_awards(case: tuple[Path, dict[str, Any]]) -> None:
    path = case[0] / "input" / "contracts" / "Contracts.csv"
    header = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert header == ("Purchase Order Description,Purchase Order (Contract) Number,Revision Number,Specification Number,"
                      "Contract Type,Start Date,End Date,Approval Date,Department,Vendor Name,Vendor ID,Address 1,Address 2,City,"
                      "State,Zip,Award Amount,Procurement Type,Contract PDF")
    rows = read_csv(path)
    assert 380 <= len({r["Purchase Order (Contract) Number"] for r in rows}) <= 420
    assert {"0", "1", "2"} <= {r["Revision Number"] for r in rows}
    ours = [r for r in rows if r["Vendor Name"] == "HARBORLINE SECURITY CONSULTANTS INC"]
    assert len({r["Purchase Order (Contract) Number"] for r in ours}) == 3 and len(ours) > 3
    assert sum(float(r["Award Amount"]) for r in ours) > 2_000_000
    approvals = sorted(r["Approval Date"][6:] + r["Approval Date"][:2] for r in ours)
    assert approvals[0] >= "201909" and approvals[-1] <= "202106"
    assert all(re.fullmatch(r"\d+\.\d\d", r["Award Amount"]) for r in rows)
    lookalike = {r["Purchase Order (Contract) Number"] for r in rows if r["Vendor Name"] == cast.LOOKALIKE}
    assert len(lookalike) == 2


def test_profiles_name_the_spouses(case: tuple[Path, dict[str, Any]]) -> None:
    folder = case[0] / "input" / "profiles"
    dana = (folder / "dana-ortiz.txt").read_text(encoding="utf-8")
    assert dana.startswith("Name: Dana M. Ortiz\nOffice: City Clerk\nJurisdiction: City of Lakeport\nEmail: dortiz@lakeport.gov\n"
                           "Family: Husband, Sam Reyes; two children\nOccupation: City Clerk, City of Lakeport\n\n")
    priya = (folder / "priya-natarajan.txt").read_text(encoding="utf-8")
    assert "Email: pnatarajan@lakeport.gov\nFamily: Husband, Tom Whitfield\n" in priya
    assert len(priya.split("\n\n")) == 3


def test_companies_file_is_valid_followthemoney(case: tuple[Path, dict[str, Any]]) -> None:
    lines = (case[0] / "input" / "companies.ftm.json").read_text(encoding="utf-8").splitlines()
    proxies = {p.id: p for p in (model.get_proxy(json.loads(line)) for line in lines)}
    assert proxies["demo-harborline"].schema.name == "Company"
    assert proxies["demo-harborline"].get("name") == ["Harborline Security Consultants, Inc."]
    assert proxies["demo-marisol-vega"].get("email") == ["mvega@harborlinesecurity.com"]
    ceo = proxies["demo-harborline-vega"]
    assert ceo.get("director") == ["demo-marisol-vega"] and ceo.get("organization") == ["demo-harborline"]
    assert ceo.get("role") == ["Chief Executive Officer"]
    assert any(p.get("organization") == ["demo-harborline-logistics"] for p in proxies.values() if p.schema.name == "Directorship")


# truth


def test_truth_json_has_the_contract_shape(case: tuple[Path, dict[str, Any]]) -> None:
    root, truth = case
    assert json.loads((root / "truth.json").read_text(encoding="utf-8")) == truth
    rules = [(p["rule"], p["subjects"]) for p in truth["planted"]]
    client = ["Dana M. Ortiz", "Sam Reyes", "HARBORLINE SECURITY CONSULTANTS, INC."]
    couple = ["Dana M. Ortiz", "Sam Reyes"]
    assert rules == [("relative-registered-lobbyist", client), ("relative-correspondence", couple),
                     ("relative-client-contact", client), ("relative-client-benefit", client),
                     ("documents-to-relative", couple), ("favour-for-relative", couple),
                     ("personal-account-business", client), ("favour-for-relative", client),
                     ("lobbyist-donor", ["Dana M. Ortiz", "Kevin M. Brannigan"]),
                     ("associate-benefit", ["Dana M. Ortiz", "Sam Reyes", "Nora Blake", "Blake Event Services LLC"]),
                     ("relative-business-benefit", ["Dana M. Ortiz", "Sam Reyes", "Reyes Strategies, LLC"]),
                     ("undisclosed-interest", ["Dana M. Ortiz", "Harbor Point Properties LLC"])]
    assert all(p["note"] for p in truth["planted"])
    assert [d["name"] for d in truth["decoys"]] == ["Sam Reyes Jr.", "HARBORLINE SECURE LOGISTICS LLC", "Tom Whitfield",
                                                   "Noor Haddadin", "Lena Marchetti", "Ruth Castellano", "Kofi Mensah",
                                                   "Millbrook Elementary PTA", "Kevin R. Brannigan", "Ethan Blake", "Marco Reyes",
                                                   "Harbor Point Local School Council"]
    assert all(d["why"] for d in truth["decoys"])
    context = truth["context"][0]
    assert (context["rule"], context["subjects"], context["before"]) == ("relative-correspondence", ["Dana M. Ortiz", "Sam Reyes"],
                                                                         "2019-07-01")
    assert set(truth["planted_messages"]) == {"term_sheet_forward", "ceo_request", "award_nomination", "personal_business",
                                              "introduction"}
    assert set(truth["decoy_messages"]) == {"press_release_to_spouse", "term_sheet_to_colleague", "resident_nomination",
                                            "staff_personal_account", "family_mail_on_personal_account"}
    assert truth["counts"]["personal_business_emails"] == len(truth["planted_messages"]["personal_business"]) == 5
    assert truth["counts"]["emails"] == EMAILS


@pytest.mark.slow
def test_generates_twenty_thousand_messages(tmp_path: Path) -> None:
    truth = generate(tmp_path, emails=20_000)
    raw = (tmp_path / "input" / "mailbox" / "dortiz-lakeport.mbox").read_bytes()
    assert sum(line.startswith(b"From ") for line in raw.split(b"\n")) == 20_000
    assert truth["counts"]["spouse_emails_before"] + truth["counts"]["spouse_emails_after"] == 400
