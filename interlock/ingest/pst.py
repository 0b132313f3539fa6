"""``pst``: an Outlook data file (``.pst``, or an offline ``.ost``), read with libpff (``pypff``).

Every folder is walked. Records are numbered over the folders sorted by path (``Top of Personal
Folders/Inbox``), then by the item's index in its folder, so a resumed run skips whole folders by
their item counts and opens only the items it reads. An item that came over SMTP keeps its transport
headers, which win where they say something; otherwise the MAPI properties stand in, by the rules
the ``msg`` kind uses (:func:`interlock.ingest.msg.build_message`).

- Mail, meeting requests, appointments, posts and reports become messages (``meta["item_class"]``
  says which). Contacts, distribution lists, tasks, notes, journal entries and free/busy data are
  counted as records and give nothing: they are not correspondence.
- An item that cannot be read is rejected with libpff's reason; a folder whose item list cannot be
  read is one rejected record. A file libpff cannot open at all (truncated, damaged, not a PST) is an
  :class:`~interlock.errors.InputError` that names the file, says what is wrong and what to do.
- An attachment libpff exposes as an item becomes a child message (relation ``attached``, to depth
  5); an embedded object it does not expose as one is left out rather than stored as raw PST bytes.

Passwords. A PST "password" is only a CRC-32 of the password, kept in the message store
(``PidTagPstPassword``, 0x67FF); Outlook asks for it, but the data is not encrypted with it (the
file's own encoding, none, compressible or high, is independent of it and libpff undoes it). libpff
opens a password-flagged file and reads every item without the password. Checked on java-libpst's
``passworded.pst``: its 0x67FF is 0xE61EB50F (``dist-list.pst``: 0), and its folders and items read
exactly like those of the unprotected file. So interlock reads such a file, and says that it carried
a password.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypff

from interlock.entities import Origin
from interlock.errors import InputError, RecordError
from interlock.ingest.base import Context, ingester
from interlock.ingest.msg import (
    MAX_DEPTH,
    MapiFields,
    attached_msg,
    build_message,
    child_origin,
    decode_html,
    make_attachment,
)
from interlock.records import Message, Record, Reject

SIGNATURE = b"!BDN"
MAIL_CLASSES = ("ipm.note", "ipm.schedule.meeting", "ipm.appointment", "ipm.post", "report.", "ipm.taskrequest",
                "ipm.outlook.recall", "ipm.sharing")
EMBEDDED_METHODS = (5, 6)    # ATTACH_EMBEDDED_MSG, ATTACH_OLE: an object, not a byte stream
PST_PASSWORD = 0x67FF
TO_DO = ("It may be truncated or damaged: copy it again from the original, or repair a copy with Outlook's "
         "Inbox Repair Tool (scanpst.exe) and export it anew.")
LIBPFF_ERRORS = (OSError, MemoryError)   # pypff reports a structure it cannot build as MemoryError too
NOT_PST = "Check that this is the file you meant, or name its kind with --kind."


def is_mail(item_class: str) -> bool:
    """True for the item classes that are correspondence (mail, meetings, posts, delivery reports)."""
    cls = item_class.strip().lower()
    return cls in ("", "ipm") or cls.startswith(MAIL_CLASSES)


# -- MAPI properties of a libpff item ----------------------------------------------------------


def entries(item: Any) -> dict[int, Any]:
    """The item's properties by id (the first record set: an item's own properties)."""
    found: dict[int, Any] = {}
    for record_set in item.record_sets:
        for entry in record_set.entries:
            found.setdefault(entry.entry_type, entry)
        break
    return found


def text(props: dict[int, Any], tag: int) -> str:
    entry = props.get(tag)
    if entry is None:
        return ""
    try:
        value = entry.data_as_string
    except Exception:  # noqa: BLE001  (not a string, or unreadable: absent)
        return ""
    return (value or "").replace("\x00", "").strip()


def integer(props: dict[int, Any], tag: int) -> int | None:
    entry = props.get(tag)
    try:
        return None if entry is None else int(entry.data_as_integer)
    except Exception:  # noqa: BLE001
        return None


def item_class(item: Any) -> str:
    return text(entries(item), 0x001A)


def decode_body(data: bytes | str | None) -> str:
    """libpff gives plain-text bodies as UTF-8 bytes."""
    if not data:
        return ""
    return data if isinstance(data, str) else data.decode("utf-8", errors="replace")


def pst_fields(item: Any, origin: Origin, depth: int) -> MapiFields:
    props = entries(item)
    subject = (item.subject if hasattr(item, "subject") else text(props, 0x0037)) or ""
    if subject.startswith("\x01"):  # a raw PST subject: "\x01", the prefix length, then the text
        subject = subject[2:]
    plain = decode_body(item.plain_text_body)
    fields = MapiFields(
        headers=item.transport_headers or "",
        item_class=text(props, 0x001A),
        subject=subject,
        sender_name=text(props, 0x0042) or text(props, 0x0C1A),
        sender_email=text(props, 0x5D02) or text(props, 0x0065) or text(props, 0x5D01) or text(props, 0x0C1F),
        submitted=item.client_submit_time,
        delivered=item.delivery_time,
        created=item.creation_time,
        message_id=text(props, 0x1035),
        in_reply_to=text(props, 0x1042),
        references=text(props, 0x1039),
        plain=plain,
        html="" if plain.strip() else decode_html(item.html_body),
    )
    if "@" not in fields.sender_email:  # an Exchange DN in sent-representing: try the sender's SMTP address
        fields.sender_email = text(props, 0x5D01) or fields.sender_email
    recipients = item.recipients
    for record_set in recipients.record_sets if recipients is not None else []:
        rprops = {e.entry_type: e for e in record_set.entries}
        kind = integer(rprops, 0x0C15)
        if kind is not None:
            fields.recipients.append((kind & 0xF, text(rprops, 0x3001), text(rprops, 0x39FE) or text(rprops, 0x3003)))
    for number in range(1, item.number_of_attachments + 1):
        try:
            add_pst_attachment(fields, item.get_attachment(number - 1), origin, number, depth)
        except Exception as exc:  # noqa: BLE001  (one unreadable attachment is noted, the rest go in)
            fields.unread.append(f"attachment {number} ({type(exc).__name__}: {exc})")
    return fields


def add_pst_attachment(fields: MapiFields, att: Any, origin: Origin, number: int, depth: int) -> None:
    props = entries(att)
    child: Message | None = None
    if att.number_of_sub_items and isinstance(sub := att.get_sub_item(0), pypff.message):
        if depth < MAX_DEPTH:
            inner = child_origin(origin, number)
            child = build_message(pst_fields(sub, inner, depth + 1), inner)
    elif integer(props, 0x3705) in EMBEDDED_METHODS:
        fields.unread.append(f"attachment {number} (an embedded object libpff does not open)")
    else:
        size = att.size or 0
        data = att.read_buffer(size) if size else b""
        name = text(props, 0x3707) or text(props, 0x3704) or text(props, 0x3001) or f"attachment-{number}"
        found = make_attachment(name, data, text(props, 0x370E))
        fields.attachments.append(found)
        child = attached_msg(found, origin, number, depth + 1)
    if child is not None:
        child.relation = "attached"
        fields.children.append(child)


# -- the file and its folders --------------------------------------------------------------------


def header_problem(path: Path) -> str:
    """What is visibly wrong with a PST's header ("" when nothing): signature, truncation."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        head = fh.read(512)
    if head[:4] != SIGNATURE:
        return "it does not start with the PST signature !BDN"
    if len(head) < 0xC0:
        return f"it is only {size:,} bytes long, too short for a PST header"
    version = struct.unpack_from("<H", head, 10)[0]
    eof = struct.unpack_from("<I", head, 0xA8)[0] if version in (14, 15) else struct.unpack_from("<Q", head, 0xB8)[0]
    if size < eof:
        return f"it is truncated: it holds {size:,} of the {eof:,} bytes its header announces"
    return ""


def open_pst(path: Path) -> Any:
    """An open ``pypff.file``; InputError, naming the file, what is wrong and what to do, when it cannot be opened."""
    problem = header_problem(path)
    pst = pypff.file()
    try:
        pst.open(str(path))
    except LIBPFF_ERRORS as exc:
        reason = problem or f"libpff cannot open it ({libpff_reason(exc)})"
        advice = NOT_PST if "signature" in reason else TO_DO
        raise InputError(f"{path}: not a readable Outlook data file: {reason}. {advice}") from None
    return pst


def libpff_reason(exc: BaseException) -> str:
    """libpff's innermost explanation, without the chain of function names."""
    parts = [p.strip() for p in str(exc).split(". ") if p.strip()]
    last = parts[1] if len(parts) > 1 else (parts[0] if parts else type(exc).__name__)
    return last.split(": ", 1)[-1].rstrip(".")


def is_password_flagged(pst: Any) -> bool:
    try:
        return bool(integer(entries(pst.get_message_store()), PST_PASSWORD))
    except Exception:  # noqa: BLE001  (a message store without the property has no password)
        return False


@dataclass
class Slot:
    """One folder in record order: its path, the open folder, how many items it holds (records it takes)."""

    path: str
    folder: Any
    count: int
    error: str = ""


def folder_slots(root: Any) -> list[Slot]:
    """Every folder, sorted by path; a folder whose items cannot be listed is one slot with an error."""
    slots: list[tuple[tuple[str, ...], int, Slot]] = []

    def visit(folder: Any, parts: tuple[str, ...], position: int) -> None:
        path = "/".join(parts)
        try:
            count = folder.number_of_sub_messages
        except LIBPFF_ERRORS as exc:
            slots.append((parts, position, Slot(path, None, 1, f"the folder's item list cannot be read ({libpff_reason(exc)})")))
            return
        slots.append((parts, position, Slot(path, folder, count)))
        try:
            subfolders = [folder.get_sub_folder(i) for i in range(folder.number_of_sub_folders)]
            names = [sub.name or f"folder {i + 1}" for i, sub in enumerate(subfolders)]
        except LIBPFF_ERRORS as exc:
            reason = f"the folder's subfolders cannot be read ({libpff_reason(exc)})"
            slots.append(((*parts, "\uffff"), position, Slot(path, None, 1, reason)))  # sorts after the folder's own items
            return
        for i, (name, sub) in enumerate(zip(names, subfolders, strict=True)):
            visit(sub, (*parts, name), i)

    visit(root, (), 0)
    return [slot for _, _, slot in sorted(slots, key=lambda s: (s[0], s[1]))]


class PstIngester:
    kind = "pst"
    description = "an Outlook data file (.pst or .ost)"

    def sniff(self, path: Path) -> bool:
        if not path.is_file() or path.suffix.lower() not in (".pst", ".ost"):
            return False
        with path.open("rb") as fh:
            return fh.read(4) == SIGNATURE

    def files(self, path: Path) -> list[Path]:
        return [path]

    def records(self, ctx: Context, start: int) -> Iterator[Record]:
        src = ctx.files[0]
        pst = open_pst(src.path)
        try:
            if problem := header_problem(src.path):
                ctx.settings.say(f"{src.path}: {problem}; items past the end will be rejected")
            if is_password_flagged(pst):
                ctx.settings.say(f"{src.path}: the PST carries an Outlook password; it is only a checksum, the data is "
                                 "not encrypted with it, so interlock reads the file without it")
            try:
                slots = folder_slots(pst.get_root_folder())
            except LIBPFF_ERRORS as exc:
                raise InputError(f"{src.path}: its folder tree cannot be read ({libpff_reason(exc)}). {TO_DO}") from None
            number = skipped = 0
            for slot in slots:
                if number + slot.count <= start:
                    number += slot.count
                    continue
                where = slot.path or "root folder"
                if slot.error:
                    yield Reject(Origin(ctx.source_sha, src.sha256, str(src.path), where), slot.error)
                    number += 1
                    continue
                for index in range(max(0, start - number), slot.count):
                    record = read_item(slot, index, Origin(ctx.source_sha, src.sha256, str(src.path), f"{where}, item {index + 1}"))
                    skipped += record == []
                    yield record
                number += slot.count
            if skipped:
                ctx.settings.say(f"{src.path}: {skipped:,} items that are not correspondence (contacts, lists, tasks, "
                                 "notes, free/busy) were counted and left out")
        finally:
            pst.close()


def read_item(slot: Slot, index: int, origin: Origin) -> Record:
    try:
        item = slot.folder.get_sub_message(index)
        if not isinstance(item, pypff.message) or not is_mail(item_class(item)):
            return []
        return [build_message(pst_fields(item, origin, 0), origin, slot.path)]
    except RecordError as exc:
        return Reject(origin, exc.reason)
    except Exception as exc:  # noqa: BLE001  (libpff failing on one item rejects that item alone)
        return Reject(origin, f"unreadable item ({libpff_reason(exc)})")


ingester(PstIngester())
