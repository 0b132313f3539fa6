"""Questions rules ask of the mail tables, as SQL the store runs, plus the pure helpers around them.

Queries select only what a finding needs (ids, dates, subjects, a slice of the body), so the cost
grows with the matching mail, not with the mailbox.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from interlock.findings import Evidence, Timeline
from interlock.names import PersonName, person_name
from interlock.store import Store
from interlock.threads import QUOTE_START

BODY_SLICE = 4000


@dataclass(frozen=True)
class Mail:
    id: str
    sent_at: datetime | None
    subject: str
    path: str
    record: str
    file_sha: str
    sender: str
    body: str
    attachments: int
    copies: int = 0  # other places the same message was found (other mailboxes or productions)

    @property
    def day(self) -> str | None:
        return self.sent_at.date().isoformat() if self.sent_at else None


def _marks(values: Iterable[str]) -> tuple[str, list[str]]:
    vals = sorted(set(values))
    return ", ".join("?" for _ in vals) or "NULL", vals


def _printed(address: str, name: str, names: set[str]) -> tuple[str, list[str]]:
    """The SQL that also matches a party printed by ``name`` without an address, and its values; nothing
    when there are no names (most cases have none, and the store then has no clause to evaluate)."""
    if not names:
        return "", []
    marks, values = _marks(names)
    return f" OR (coalesce({address}, '') = '' AND {name} IN ({marks}))", values


SELECT = f"""SELECT m.id, m.sent_at, coalesce(m.subject, ''), m.path, m.record, m.file_sha, coalesce(m.from_addr, ''),
       substr(coalesce(m.body, ''), 1, {BODY_SLICE}),
       (SELECT count(*) FROM attachments a WHERE a.message = m.id),
       (SELECT count(*) FROM duplicates d WHERE d.canonical = m.id)
FROM messages m"""
# a message found in several places is counted once, at its first copy
FIRST_COPY = "m.id NOT IN (SELECT message FROM duplicates)"


def between(store: Store, side_a: set[str], side_b: set[str], domains_b: Iterable[str] = (),
            names_b: Iterable[str] = ()) -> list[Mail]:
    """Messages one side sent to the other: the sender on one side, a recipient on the other.

    Side B may also be given as mail domains (a company's domain), and as names printed without an
    address ("To: Reyes, Sam", as written: see ``Graph.names``).
    """
    domains_b, names_b = set(domains_b), set(names_b)
    if not side_a or not (side_b or domains_b or names_b):
        return []
    ma, va = _marks(side_a)
    mb, vb = _marks(side_b)
    md, vd = _marks(domains_b)
    p_named, vn = _printed("p.address", "p.name", names_b)
    m_named, _ = _printed("m.from_addr", "m.from_name", names_b)
    in_b = f"(p.address IN ({mb}) OR split_part(p.address, '@', 2) IN ({md}){p_named})"
    from_b = f"(m.from_addr IN ({mb}) OR split_part(m.from_addr, '@', 2) IN ({md}){m_named})"
    sql = f"""{SELECT}
    WHERE {FIRST_COPY} AND (
          (m.from_addr IN ({ma}) AND EXISTS (SELECT 1 FROM participants p WHERE p.message = m.id AND p.role <> 'from' AND {in_b}))
       OR ({from_b} AND EXISTS (SELECT 1 FROM participants p WHERE p.message = m.id AND p.role <> 'from' AND p.address IN ({ma}))))
    ORDER BY m.sent_at NULLS LAST, m.id"""
    params = [*va, *vb, *vd, *vn, *vb, *vd, *vn, *va]
    return [Mail(*row) for row in store.query(sql, params)]


def name_pattern(names: Iterable[PersonName]) -> re.Pattern[str] | None:
    """A regex for "First [M.] Last" not followed by a suffix: "Sam Reyes" but not "Sam Reyes Jr."."""
    alts = sorted({rf"{re.escape(n.first)}\s+(?:[a-z]\.?\s+|{re.escape(n.middle)}\s+)?{re.escape(n.last)}"
                   for n in names if n.first and n.last and not n.suffix})
    if not alts:
        return None
    return re.compile(rf"\b(?:{'|'.join(alts)})\b(?!\s*,?\s*(?:jr|sr|ii|iii|iv)\b\.?)", re.IGNORECASE)


def mentioning(store: Store, accounts: set[str], names: Iterable[str]) -> list[tuple[Mail, str]]:
    """Messages an account took part in whose subject or body names the person (with the matched text)."""
    parsed = [person_name(n) for n in names]
    pattern = name_pattern(parsed)
    lasts = sorted({p.last for p in parsed if p.last and p.first})
    if pattern is None or not accounts or not lasts:
        return []
    ma, va = _marks(accounts)
    like = " OR ".join("lower(m.body) LIKE ? OR lower(m.subject) LIKE ?" for _ in lasts)
    sql = f"""{SELECT}
    WHERE {FIRST_COPY} AND ({like}) AND EXISTS (SELECT 1 FROM participants p WHERE p.message = m.id AND p.address IN ({ma}))
    ORDER BY m.sent_at NULLS LAST, m.id"""
    params: list[str] = [x for last in lasts for x in (f"%{last}%", f"%{last}%")] + va
    out = []
    for row in store.query(sql, params):
        mail = Mail(*row)
        hit = pattern.search(mail.subject) or pattern.search(mail.body)
        if hit:
            out.append((mail, hit.group(0)))
    return out


def monthly(mails: Iterable[Mail], start: str | None) -> list[tuple[str, int, int]]:
    """(YYYY-MM, messages on or after ``start``, messages before) for every month in the span."""
    after: Counter[str] = Counter()
    before: Counter[str] = Counter()
    for m in mails:
        if m.sent_at is None:
            continue
        month = m.sent_at.strftime("%Y-%m")
        if start and m.day and m.day < start:
            before[month] += 1
        else:
            after[month] += 1
    months = sorted(set(after) | set(before))
    if not months:
        return []
    out = []
    y, mo = map(int, months[0].split("-"))
    last = months[-1]
    while True:
        key = f"{y:04d}-{mo:02d}"
        out.append((key, after[key], before[key]))
        if key >= last:
            break
        y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    return out


def excerpt(mail: Mail, around: str | None = None, width: int = 320) -> str:
    body = " ".join(mail.body.split())
    pos = body.lower().find(around.lower()) if around else -1
    if pos > width // 3:
        body = "…" + body[pos - width // 3:]
    text = body[:width] + ("…" if len(body) > width else "")
    if mail.copies:
        text += f" [the same message was found in {mail.copies} more place{'s' if mail.copies > 1 else ''}]"
    return f"Subject: {mail.subject} — {text}" if mail.subject else text


def evidence(mail: Mail, context: bool, highlight: list[str], around: str | None = None) -> Evidence:
    return Evidence(mail.path, mail.record, mail.day, excerpt(mail, around), mail.file_sha, "email", context, highlight)


def pick(mails: list[Mail], n: int) -> list[Mail]:
    """A few messages that show the pattern: those with attachments first, then spread over time."""
    if len(mails) <= n:
        return mails
    first = [m for m in mails if m.attachments][: n // 3]
    rest = [m for m in mails if m not in first]
    step = len(rest) / max(n - len(first), 1)
    spread = [rest[int(i * step)] for i in range(n - len(first))]
    return sorted(first + spread, key=lambda m: (m.sent_at or datetime.max, m.id))


def timeline(mails: list[Mail], start: str | None, markers: list[tuple[str, str]]) -> Timeline:
    return Timeline(monthly(mails, start), markers)


# Mail a person sent: the acts the mail-based rules read (forwards, nominations, introductions).


def sent(store: Store, senders: set[str], to: set[str] | None = None, domains: Iterable[str] = (),
         words: Iterable[str] = (), pattern: re.Pattern[str] | None = None, to_names: Iterable[str] = ()) -> list[Mail]:
    """Top-level messages sent from one of ``senders``: to one of ``to`` (or an address at one of
    ``domains``, or a name printed without an address in ``to_names``) unless ``to`` is None and no
    domains or names are given, and whose subject or body holds one of ``words`` (lower case,
    matched as text) when those are given, and matches ``pattern`` when it is given.

    The store matches ``pattern`` with RE2 over the subject, a space and the whole body: for a
    pattern whose ``\b`` edges are ASCII letters, that finds every message Python's ``re`` would
    find in the subject or the body, so a rule can test the text it reads (the sender's own part,
    the first ``BODY_SLICE`` characters) after this without losing any."""
    domains, words, to_names = set(domains), sorted(set(words)), set(to_names)
    if not senders or (to is not None and not to and not domains and not to_names):
        return []
    ms, vs = _marks(senders)
    where = [FIRST_COPY, "m.parent IS NULL", f"m.from_addr IN ({ms})"]
    params: list[str] = [*vs]
    if to is not None or domains or to_names:
        mr, vr = _marks(to or set())
        md, vd = _marks(domains)
        named, vn = _printed("p.address", "p.name", to_names)
        where.append(f"EXISTS (SELECT 1 FROM participants p WHERE p.message = m.id AND p.role <> 'from' AND "
                     f"(p.address IN ({mr}) OR split_part(p.address, '@', 2) IN ({md}){named}))")
        params += [*vr, *vd, *vn]
    if words:
        where.append("(" + " OR ".join("lower(coalesce(m.subject, '') || ' ' || coalesce(m.body, '')) LIKE ?" for _ in words) + ")")
        params += [f"%{w}%" for w in words]
    if pattern is not None:
        where.append("regexp_matches(coalesce(m.subject, '') || ' ' || coalesce(m.body, ''), ?)")
        params.append(("(?i)" if pattern.flags & re.IGNORECASE else "") + pattern.pattern)
    sql = f"{SELECT}\n    WHERE {' AND '.join(where)}\n    ORDER BY m.sent_at NULLS LAST, m.id"
    return [Mail(*row) for row in store.query(sql, params)]


def touching(store: Store, accounts: set[str]) -> list[Mail]:
    """Top-level messages one of ``accounts`` took part in (sent, received or copied)."""
    if not accounts:
        return []
    ma, va = _marks(accounts)
    sql = f"""{SELECT}
    WHERE {FIRST_COPY} AND m.parent IS NULL AND EXISTS (SELECT 1 FROM participants p WHERE p.message = m.id AND p.address IN ({ma}))
    ORDER BY m.sent_at NULLS LAST, m.id"""
    return [Mail(*row) for row in store.query(sql, va)]


def recipients(store: Store, mails: Iterable[Mail], printed: bool = False) -> dict[str, set[str]]:
    """The addresses each message went to (to, cc, bcc), by message id; with ``printed``, the names of
    recipients printed without an address instead, as written ("Reyes, Sam")."""
    ids = [m.id for m in mails]
    out: dict[str, set[str]] = {i: set() for i in ids}
    column, where = ("name", "coalesce(address, '') = '' AND coalesce(name, '') <> ''") if printed else \
        ("lower(address)", "coalesce(address, '') <> ''")
    for start in range(0, len(ids), 500):
        mi, vi = _marks(ids[start:start + 500])
        for mid, who in store.query(f"SELECT message, {column} FROM participants WHERE role <> 'from' AND "
                                    f"{where} AND message IN ({mi})", vi):
            out[mid].add(who)
    return out


@dataclass(frozen=True)
class Attached:
    name: str
    text: str   # the start of the extracted text, "" when there is none


def attachments(store: Store, mails: Iterable[Mail], text_chars: int = 2000) -> dict[str, list[Attached]]:
    """The files attached to each message (name and the start of their text), by message id."""
    ids = [m.id for m in mails if m.attachments]
    out: dict[str, list[Attached]] = {}
    for start in range(0, len(ids), 500):
        mi, vi = _marks(ids[start:start + 500])
        for mid, name, text in store.query(f"SELECT message, coalesce(name, ''), substr(coalesce(text, ''), 1, {int(text_chars)}) "
                                           f"FROM attachments WHERE message IN ({mi}) ORDER BY message, name", vi):
            out.setdefault(mid, []).append(Attached(name, text))
    return out


FORWARD_MARK = re.compile(r"^\s*(?:-{2,}\s*(?:Forwarded message|Original Message)\s*-*|Begin forwarded message:)\s*$",
                          re.IGNORECASE | re.MULTILINE)
HEADER_FROM = re.compile(r"^\s*\*?From:\*?\s*(.+)$", re.IGNORECASE | re.MULTILINE)
ANGLE = re.compile(r"<([^<>@\s]+@[^<>@\s]+)>|([^\s<>\"',;]+@[^\s<>\"',;]+\.[A-Za-z]{2,})")
FORWARD_SUBJECT = re.compile(r"^\s*(?:fwd?|fw)\s*:", re.IGNORECASE)


@dataclass(frozen=True)
class Forwarded:
    """What a message carries on from someone else: the senders named in its forwarded header blocks."""

    marked: bool                               # a "Fwd:"/"FW:" subject or a forwarded-message block
    senders: tuple[tuple[str, str], ...]       # (display name, address) from each block's From: line


def forwarded(mail: Mail) -> Forwarded:
    """The forwarded-message blocks of a message ("---------- Forwarded message ---------", "-----Original
    Message-----", "Begin forwarded message:") and the sender each one names."""
    senders = []
    for mark in FORWARD_MARK.finditer(mail.body):
        block = mail.body[mark.end(): mark.end() + 600]
        head = HEADER_FROM.search(block)
        if head is None:
            continue
        value = head.group(1).strip()
        found = ANGLE.search(value)
        address = (found.group(1) or found.group(2)).lower() if found else ""
        name = value[: found.start()].strip(" \"'") if found else value
        senders.append((name, address))
    marked = bool(FORWARD_SUBJECT.match(mail.subject) or senders or FORWARD_MARK.search(mail.body))
    return Forwarded(marked, tuple(senders))


def words_in(pattern: re.Pattern[str], *texts: str) -> list[str]:
    """The distinct matches of ``pattern`` in the texts, lower case, in order of first appearance."""
    seen: dict[str, None] = {}
    for text in texts:
        for hit in pattern.finditer(text):
            seen.setdefault(" ".join(hit.group(0).lower().split()), None)
    return list(seen)


def own_part(body: str) -> str:
    """What the sender wrote: the body before any quoted or forwarded history, without ``>`` lines."""
    hit = QUOTE_START.search(body)
    text = body[: hit.start()] if hit else body
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))


def split_monthly(counted: Iterable[Mail], context: Iterable[Mail]) -> list[tuple[str, int, int]]:
    """Like :func:`monthly`, for acts already sorted into counted and context (when no one date splits them)."""
    after = Counter(m.sent_at.strftime("%Y-%m") for m in counted if m.sent_at)
    before = Counter(m.sent_at.strftime("%Y-%m") for m in context if m.sent_at)
    months = sorted(set(after) | set(before))
    out: list[tuple[str, int, int]] = []
    if not months:
        return out
    y, mo = map(int, months[0].split("-"))
    while True:
        key = f"{y:04d}-{mo:02d}"
        out.append((key, after[key], before[key]))
        if key >= months[-1]:
            return out
        y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)


def n_of(n: int, noun: str, plural: str = "") -> str:
    """"1 message", "3 messages"."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def span(first: str | None, last: str | None) -> str:
    """"On 2020-04-15" or "From 2020-04-15 to 2020-06-01"."""
    return f"On {first}" if first == last else f"From {first} to {last}"
