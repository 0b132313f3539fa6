"""Making mail that hangs together: plausible send times, unique Message-IDs, replies and forwards.

:class:`Clock` draws office-hours moments (weekdays far more than weekends) between two dates;
:class:`Postbox` hands out Message-IDs and builds replies ("Re:", In-Reply-To, References, the quoted
original) and forwards ("Fwd:", the forwarded header block, the attachments carried along).
"""

from __future__ import annotations

import bisect
import random
from datetime import date, datetime, timedelta
from email.utils import format_datetime

from interlock.demo.cast import MAIL_END, MAIL_START
from interlock.demo.mail import Addr, Attachment, Mail, central, format_addr, format_addrs

HOURS = list(range(24))
HOUR_WEIGHTS = [0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 1, 3, 8, 10, 10, 9, 7, 9, 10, 9, 8, 5, 3, 2, 2, 1.5, 1, 0.5]
QUOTE_LINES = 14


class Clock:
    """Random Lakeport wall-clock moments, weighted to weekdays and office hours."""

    def __init__(self, rng: random.Random, start: date = MAIL_START, end: date = MAIL_END) -> None:
        self.rng = rng
        self.days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
        total = 0.0
        self.cum: list[float] = []
        for d in self.days:
            total += 1.0 if d.weekday() < 5 else 0.18
            self.cum.append(total)
        self.hour_cum: list[float] = []
        total = 0.0
        for w in HOUR_WEIGHTS:
            total += w
            self.hour_cum.append(total)

    def day(self, lo: date | None = None, hi: date | None = None) -> date:
        i0 = 0 if lo is None else bisect.bisect_left(self.days, lo)
        i1 = len(self.days) - 1 if hi is None else bisect.bisect_right(self.days, hi) - 1
        base = self.cum[i0 - 1] if i0 else 0.0
        x = self.rng.uniform(base, self.cum[i1])
        return self.days[min(max(bisect.bisect_left(self.cum, x), i0), i1)]

    def moment(self, lo: date | None = None, hi: date | None = None) -> datetime:
        d = self.day(lo, hi)
        hour = bisect.bisect_left(self.hour_cum, self.rng.uniform(0, self.hour_cum[-1]))
        return central(datetime(d.year, d.month, d.day, min(hour, 23), self.rng.randint(0, 59), self.rng.randint(0, 59)))

    def later(self, when: datetime, lo_minutes: int = 4, hi_minutes: int = 1800) -> datetime:
        """A moment after ``when`` (a reply's time), kept within the mailbox's span."""
        naive = when.replace(tzinfo=None) + timedelta(minutes=self.rng.randint(lo_minutes, hi_minutes),
                                                      seconds=self.rng.randint(0, 59))
        limit = datetime(MAIL_END.year, MAIL_END.month, MAIL_END.day, 23, 59, 0)
        return central(min(naive, limit))


def strip_prefix(subject: str) -> str:
    while subject[:4].lower() in ("re: ", "fw: ") or subject[:5].lower() == "fwd: ":
        subject = subject.split(":", 1)[1].lstrip()
    return subject


def quote(mail: Mail) -> str:
    lines = mail.text.rstrip("\n").split("\n")[:QUOTE_LINES]
    head = f"On {format_datetime(mail.when)}, {format_addr(mail.sender)} wrote:"
    return head + "\n" + "\n".join(">" + (" " + line if line and not line.startswith(">") else line) for line in lines)


class Postbox:
    """Hands out unique Message-IDs and builds new messages, replies and forwards."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.seen: set[str] = set()

    def message_id(self, when: datetime, sender: str) -> str:
        """A unique id in the style of the sender's mail system (webmail, Outlook, a mailing service)."""
        domain = sender.rpartition("@")[2]
        while True:
            token = self.rng.getrandbits(64)
            if domain == "gmail.com":
                mid = f"<CA{token:016X}{self.rng.getrandbits(32):08x}@mail.gmail.com>"
            elif domain in ("yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com", "comcast.net", "sbcglobal.net"):
                mid = f"<{token:016x}.{when:%Y%m%d%H%M%S}@mail.{domain}>"
            elif domain.endswith(".gov"):
                mid = f"<{token:016X}@EXCH01.{domain.upper()}>"
            else:
                mid = f"<{when:%Y%m%d%H%M%S}.{token:016x}@{domain}>"
            if mid not in self.seen:
                self.seen.add(mid)
                return mid

    def new(self, when: datetime, sender: Addr, to: list[Addr], subject: str, text: str, **kw: object) -> Mail:
        mail = Mail(when, sender, to, subject, text, **kw)  # type: ignore[arg-type]
        mail.message_id = self.message_id(when, sender[1])
        return mail

    def reply(self, original: Mail, sender: Addr, text: str, when: datetime, to: list[Addr] | None = None,
              cc: list[Addr] | None = None, **kw: object) -> Mail:
        to = to if to is not None else [original.sender]
        mail = self.new(when, sender, to, "Re: " + strip_prefix(original.subject), text.rstrip("\n") + "\n\n" + quote(original),
                        cc=cc or [], **kw)
        mail.in_reply_to = original.message_id
        mail.references = [*original.references, original.message_id]
        return mail

    def forward(self, original: Mail, sender: Addr, to: list[Addr], note: str, when: datetime,
                attachments: list[Attachment] | None = None, **kw: object) -> Mail:
        block = [
            "---------- Forwarded message ---------",
            f"From: {format_addr(original.sender)}",
            f"Date: {format_datetime(original.when)}",
            f"Subject: {original.subject}",
            f"To: {format_addrs(original.to).replace(chr(10), '')}",
        ]
        text = note.rstrip("\n") + "\n\n" + "\n".join(block) + "\n\n" + original.text
        atts = list(original.attachments) if attachments is None else attachments
        mail = self.new(when, sender, to, "Fwd: " + strip_prefix(original.subject), text, attachments=atts, **kw)
        mail.references = [*original.references, original.message_id]
        return mail
