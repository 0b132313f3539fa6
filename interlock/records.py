"""What ingesters yield: messages, entities (see :mod:`interlock.entities`) and rejections.

A source is read as a sequence of records (a row, a message, a document). Each record yields a
list of outputs, or one :class:`Reject` that says why it could not be read. The ingest driver
counts records, so a run that was killed can resume at the first record it had not committed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from interlock.entities import Entity, Origin


@dataclass(frozen=True)
class Address:
    address: str
    name: str = ""


@dataclass
class Attachment:
    name: str
    sha256: str
    size: int
    content_type: str
    data: bytes = b""
    text: str = ""      # extracted text (PDF, DOCX, RTF, HTML …), bounded
    error: str = ""     # why no text could be extracted, when it could not


@dataclass
class Message:
    """One e-mail, decoded: headers, body text, participants and attachments."""

    origin: Origin
    message_id: str = ""
    in_reply_to: str = ""
    references: str = ""
    sent_at: datetime | None = None
    date_raw: str = ""
    sender: Address | None = None
    to: list[Address] = field(default_factory=list)
    cc: list[Address] = field(default_factory=list)
    bcc: list[Address] = field(default_factory=list)
    subject: str = ""
    body: str = ""
    folder: str = ""
    attachments: list[Attachment] = field(default_factory=list)
    meta: dict[str, str | list[str]] = field(default_factory=dict)  # production metadata, see store.schema
    children: list[Message] = field(default_factory=list)  # messages inside this one (attached, quoted)
    relation: str = ""                                     # for a child: "attached" or "quoted"


@dataclass(frozen=True)
class Reject:
    origin: Origin
    reason: str


Output = Entity | Message
Record = list[Output] | Reject
