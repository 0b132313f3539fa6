"""pst: Outlook data files. The real fixtures (java-libpst's dist-list.pst and passworded.pst) hold no
mail, only an appointment, a contact, a distribution list and free/busy data; the mail path is tested
on a stand-in for a libpff item."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pypff
import pytest

import interlock.ingest.pst as pst
from interlock.case import Case
from interlock.entities import Origin
from interlock.errors import InputError
from interlock.ingest.base import Context, SourceFile
from interlock.records import Address, Message, Record, Reject
from interlock.settings import Settings

FIXTURES = "email-format-fixtures"
PST_SIZE = 271_360


def context(path: Path, said: list[str] | None = None) -> Context:
    settings = Settings(say=said.append if said is not None else Settings().say)
    return Context(path, "source", (SourceFile(path, "file", path.stat().st_size),), settings)


def read_all(path: Path, start: int = 0, said: list[str] | None = None) -> list[Record]:
    return list(pst.PstIngester().records(context(path, said), start))


def where(record: Record) -> str:
    return record.origin.record if isinstance(record, Reject) else "".join(m.origin.record for m in record) or "-"


# -- a stand-in for a libpff item: the properties and attributes pst_fields reads -------------------


@dataclass
class Entry:
    entry_type: int
    value: Any

    @property
    def data_as_string(self) -> str:
        if not isinstance(self.value, str):
            raise OSError("not a string")
        return self.value

    @property
    def data_as_integer(self) -> int:
        return int(self.value)


@dataclass
class RecordSet:
    entries: list[Entry]


def record_sets(props: dict[int, Any]) -> list[RecordSet]:
    return [RecordSet([Entry(tag, value) for tag, value in props.items()])]


@dataclass
class FakeAttachment:
    props: dict[int, Any]
    data: bytes
    number_of_sub_items: int = 0

    @property
    def record_sets(self) -> list[RecordSet]:
        return record_sets(self.props)

    @property
    def size(self) -> int:
        return len(self.data)

    def read_buffer(self, size: int) -> bytes:
        return self.data[:size]


@dataclass
class FakeRecipients:
    rows: list[dict[int, Any]]

    @property
    def record_sets(self) -> list[RecordSet]:
        return [RecordSet([Entry(tag, value) for tag, value in row.items()]) for row in self.rows]


@dataclass
class FakeItem:
    props: dict[int, Any]
    subject: str = ""
    transport_headers: str | None = None
    plain_text_body: bytes | None = None
    html_body: bytes | None = None
    client_submit_time: datetime | None = None
    delivery_time: datetime | None = None
    creation_time: datetime | None = None
    recipients: FakeRecipients | None = None
    attachments: list[FakeAttachment] = field(default_factory=list)

    @property
    def record_sets(self) -> list[RecordSet]:
        return record_sets(self.props)

    @property
    def number_of_attachments(self) -> int:
        return len(self.attachments)

    def get_attachment(self, i: int) -> FakeAttachment:
        return self.attachments[i]


def test_mail_from_transport_headers_and_properties() -> None:
    item = FakeItem(
        props={0x001A: "IPM.Note", 0x0C1A: "Ortiz, Dana", 0x0C1F: "/O=LAKEPORT/OU=EXCHANGE/CN=RECIPIENTS/CN=DORTIZ",
               0x5D01: "DOrtiz@Lakeport.gov", 0x1035: "<prop@id>"},
        subject="Award nomination",
        transport_headers="From: Dana Ortiz <dortiz@lakeport.gov>\r\nTo: sam@reyesstrategies.com\r\n"
                          "Date: Tue, 05 Jul 2019 09:00:00 -0500\r\nMessage-ID: <m1@lakeport.gov>\r\nIn-Reply-To: <m0@x>\r\n",
        plain_text_body="Nominating Sam — see attached.\r\n".encode(),
        client_submit_time=datetime(2019, 7, 5, 14, 0, 1),
        recipients=FakeRecipients([{0x0C15: 1, 0x3001: "Sam", 0x3003: "sam@reyesstrategies.com"},
                                   {0x0C15: 3, 0x3001: "Records", 0x3003: "/O=X/CN=REC", 0x39FE: "Records@Lakeport.gov"}]),
        attachments=[FakeAttachment({0x3705: 1, 0x3707: "..\\nomination.pdf", 0x370E: "application/pdf"}, b"%PDF-1.7"),
                     FakeAttachment({0x3705: 5, 0x3001: "Untitled"}, b"\x72\x03\xec\xbc")],
    )
    fields = pst.pst_fields(item, Origin("s", "f", "box.pst", "Inbox, item 1"), 0)
    msg = pst.build_message(fields, Origin("s", "f", "box.pst", "Inbox, item 1"), "Top of Personal Folders/Inbox")
    assert msg.sender == Address("dortiz@lakeport.gov", "Dana Ortiz")
    assert msg.to == [Address("sam@reyesstrategies.com")]
    assert msg.bcc == [Address("records@lakeport.gov", "Records")]   # only the recipients table knows Bcc
    assert (msg.sent_at, msg.message_id, msg.in_reply_to) == (datetime(2019, 7, 5, 14, 0), "<m1@lakeport.gov>", "<m0@x>")
    assert (msg.subject, msg.body, msg.folder) == ("Award nomination", "Nominating Sam — see attached.", "Top of Personal Folders/Inbox")
    (att,) = msg.attachments
    assert (att.name, att.size, att.content_type, att.data) == ("nomination.pdf", 8, "application/pdf", b"%PDF-1.7")
    assert msg.meta == {"unread": ["attachment 2 (an embedded object libpff does not open)"]}


def test_without_headers_the_properties_speak() -> None:
    item = FakeItem(props={0x001A: "IPM.Note", 0x0042: "Sam Reyes", 0x0065: "sam@reyesstrategies.com"},
                    subject="draft", html_body=b'<meta charset="windows-1252"><p>Caf\xe9</p>', delivery_time=datetime(2020, 1, 2, 3, 4, 5),
                    recipients=FakeRecipients([{0x0C15: 2, 0x3001: "Dana", 0x39FE: "dortiz@lakeport.gov"}]))
    origin = Origin("s", "f", "box.pst", "Drafts, item 1")
    msg = pst.build_message(pst.pst_fields(item, origin, 0), origin)
    assert msg.sender == Address("sam@reyesstrategies.com", "Sam Reyes")
    assert (msg.cc, msg.sent_at, msg.body) == ([Address("dortiz@lakeport.gov", "Dana")], datetime(2020, 1, 2, 3, 4, 5), "Café")


def test_is_mail() -> None:
    for cls in ("IPM.Note", "ipm.note.smime", "IPM.Schedule.Meeting.Request", "IPM.Appointment", "REPORT.IPM.Note.NDR", ""):
        assert pst.is_mail(cls), cls
    for cls in ("IPM.Contact", "IPM.DistList", "IPM.Task", "IPM.StickyNote", "IPM.Activity", "IPM.Microsoft.ScheduleData.FreeBusy"):
        assert not pst.is_mail(cls), cls


def test_sniff(tmp_path: Path) -> None:
    ing = pst.PstIngester()
    (tmp_path / "box.pst").write_bytes(b"!BDN" + bytes(600))
    (tmp_path / "box.ost").write_bytes(b"!BDN" + bytes(600))
    (tmp_path / "fake.pst").write_bytes(b"From nobody\n")
    (tmp_path / "box.bin").write_bytes(b"!BDN" + bytes(600))
    assert ing.sniff(tmp_path / "box.pst") and ing.sniff(tmp_path / "box.ost")
    assert not ing.sniff(tmp_path / "fake.pst") and not ing.sniff(tmp_path / "box.bin") and not ing.sniff(tmp_path)


def test_not_a_pst(tmp_path: Path) -> None:
    path = tmp_path / "mailbox.pst"
    path.write_bytes(b"From nobody Thu Jan  1 00:00:00 2020\n" * 50)
    with pytest.raises(InputError, match=r"mailbox\.pst: not a readable Outlook data file: it does not start with the PST signature"):
        read_all(path)


# -- the real fixtures ------------------------------------------------------------------------------


def fixture(shared_data: Path, name: str) -> Path:
    return shared_data / FIXTURES / name


def messages(records: list[Record]) -> list[Message]:
    return [m for r in records if isinstance(r, list) for m in r if isinstance(m, Message)]


@pytest.mark.slow
def test_dist_list_pst(shared_data: Path) -> None:
    path = fixture(shared_data, "dist-list.pst")
    root = pst.open_pst(path)
    try:
        slots = {s.path: s.count for s in pst.folder_slots(root.get_root_folder())}
    finally:
        root.close()
    assert {p: n for p, n in slots.items() if n} == {
        "Freebusy Data": 1, "Top of Personal Folders/Calendar": 1, "Top of Personal Folders/Contacts": 2}
    assert {"Top of Personal Folders/Inbox", "Top of Personal Folders/Sent Items", "Search Root/All Messages"} <= set(slots)
    said: list[str] = []
    records = read_all(path, said=said)
    assert [where(r) for r in records] == ["-", "Top of Personal Folders/Calendar, item 1", "-", "-"]
    (appointment,) = messages(records)
    assert (appointment.subject, appointment.folder, appointment.body) == (
        "Test appointment", "Top of Personal Folders/Calendar", "This is a complete test")
    assert appointment.sent_at == datetime(2016, 8, 2, 0, 27, 12, 637000)
    assert appointment.sender is None                     # its sender is the literal name "Unknown", no address
    assert appointment.meta["item_class"] == "IPM.Appointment"
    assert said == [f"{path}: 3 items that are not correspondence (contacts, lists, tasks, notes, free/busy) were counted and left out"]


@pytest.mark.slow
def test_passworded_pst_reads_without_the_password(shared_data: Path) -> None:
    """A PST password is a CRC-32 in the message store (0x67FF), not encryption: libpff reads every item."""
    locked, plain = fixture(shared_data, "passworded.pst"), fixture(shared_data, "dist-list.pst")
    for path, flagged in ((locked, True), (plain, False)):
        f = pst.open_pst(path)
        try:
            assert pst.is_password_flagged(f) is flagged
            contacts = next(s for s in pst.folder_slots(f.get_root_folder()) if s.path == "Top of Personal Folders/Contacts")
            subjects = [contacts.folder.get_sub_message(i).subject for i in range(contacts.count)]
            assert subjects == ["test dist list", "contact name 1"]
        finally:
            f.close()
    said: list[str] = []
    records = read_all(locked, said=said)
    assert len(records) == 3 and not any(isinstance(r, Reject) for r in records)   # free/busy, a list, a contact
    assert messages(records) == []
    assert "carries an Outlook password" in said[0] and "reads the file without it" in said[0]


@pytest.mark.slow
def test_resume_skips_without_reading(shared_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = fixture(shared_data, "dist-list.pst")
    full = [where(r) for r in read_all(path)]
    reads: list[int] = []
    real_read = pst.read_item

    def counting(slot: pst.Slot, index: int, origin: Origin) -> Record:
        reads.append(index)
        return real_read(slot, index, origin)

    monkeypatch.setattr(pst, "read_item", counting)
    for start in range(len(full) + 1):
        reads.clear()
        assert [where(r) for r in read_all(path, start)] == full[start:]
        assert len(reads) == len(full) - start


@pytest.mark.slow
def test_through_a_case(shared_data: Path, tmp_path: Path) -> None:
    with Case.open(tmp_path / "case", create=True) as case:
        (report,) = case.ingest([fixture(shared_data, "dist-list.pst")], "pst")
        assert (report.records, report.rejected, report.counts["messages"]) == (4, 0, 1)
        assert case.store.query("SELECT folder, subject FROM messages") == [("Top of Personal Folders/Calendar", "Test appointment")]


@pytest.mark.slow
@pytest.mark.parametrize("cut", [100, 4096, 100_000])
def test_truncated_pst_is_a_clear_error(shared_data: Path, tmp_path: Path, cut: int) -> None:
    path = tmp_path / "cut.pst"
    path.write_bytes(fixture(shared_data, "dist-list.pst").read_bytes()[:cut])
    expected = (f"it is only {cut} bytes long, too short for a PST header" if cut < 0xC0
                else f"it is truncated: it holds {cut:,} of the {PST_SIZE:,} bytes")
    with pytest.raises(InputError, match=f"cut.pst: not a readable Outlook data file: {expected}.*Inbox Repair Tool"):
        read_all(path)
    with Case.open(tmp_path / "case", create=True) as case, pytest.raises(InputError, match="truncated|too short"):
        case.ingest([path], "pst")


@pytest.mark.slow
def test_truncated_pst_that_opens_rejects_what_is_gone(shared_data: Path, tmp_path: Path) -> None:
    path = tmp_path / "cut.pst"
    path.write_bytes(fixture(shared_data, "dist-list.pst").read_bytes()[:150_000])
    said: list[str] = []
    records = read_all(path, said=said)
    rejects = [r for r in records if isinstance(r, Reject)]
    assert [r.origin.record for r in rejects] == ["Top of Personal Folders/Calendar"]
    assert "item list cannot be read" in rejects[0].reason
    assert said[0] == (f"{path}: it is truncated: it holds 150,000 of the {PST_SIZE:,} bytes its header announces; "
                       "items past the end will be rejected")
    with Case.open(tmp_path / "case", create=True) as case:
        (report,) = case.ingest([path], "pst")
        assert report.rejected == 1


def test_pypff_is_the_pinned_build() -> None:
    assert pypff.get_version() == "20260926"
