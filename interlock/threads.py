"""Threads and duplicates: which messages belong together, and which are the same message twice.

Threads join messages by Message-ID, In-Reply-To and References, by quoted history (a printed
message's quoted children), and, for messages that carry no ids (printed productions), by
normalised subject when it is specific enough (two words or more). Duplicates are the same message found in several
mailboxes or productions: exact (same Message-ID) first, then near (same sender, day, subject and
body once quoted history and signatures are stripped). A duplicate is counted once and cited
wherever it appears.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from interlock.store import Store
from interlock.unionfind import UnionFind

SUBJECT_PREFIX = re.compile(r"^\s*((re|fw|fwd|aw|wg|tr)\s*(\[\d+\])?\s*:\s*)+", re.IGNORECASE)
QUOTE_START = re.compile(
    r"^(-{2,}\s*original message\s*-{2,}|-{2,}\s*forwarded message\s*-{2,}|begin forwarded message:|"
    r"on .{4,200} wrote:|from:\s.+\n\s*sent:\s)",
    re.IGNORECASE | re.MULTILINE,
)
SIGNATURE = re.compile(r"^-- ?$", re.MULTILINE)
NON_WORD = re.compile(r"[\W_]+")


def fold(text: str | None) -> str:
    """Case-folded words joined by single spaces. Cheaper than full transliteration, which a key
    computed for every message cannot afford (ICU costs milliseconds on a non-ASCII body)."""
    return " ".join(NON_WORD.sub(" ", (text or "").casefold()).split())


def thread_subject(subject: str | None) -> str:
    """"RE: FW: Budget" and "Budget" are one thread's subject."""
    return fold(SUBJECT_PREFIX.sub("", subject or ""))


def own_text(body: str | None) -> str:
    """A body without quoted history (``>`` lines, "-----Original Message-----" and what follows) or signature."""
    text = body or ""
    m = QUOTE_START.search(text)
    if m:
        text = text[: m.start()]
    m = SIGNATURE.search(text)
    if m:
        text = text[: m.start()]
    lines = [line for line in text.splitlines() if not line.lstrip().startswith(">")]
    return fold(" ".join(lines))


def content_key(sender: str | None, day: str | None, subject: str | None, body: str | None) -> str:
    """The near-duplicate key: sender, day, thread subject and own text."""
    parts = (fold(sender), day or "", thread_subject(subject), own_text(body))
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:20]


@dataclass
class ThreadReport:
    messages: int = 0
    threads: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0


def build_threads(store: Store) -> ThreadReport:
    """Rebuild the ``threads`` and ``duplicates`` tables from the messages in the store."""
    report = ThreadReport()
    by_message_id: dict[str, str] = {}
    rows = list(store.iter_query(
        """SELECT id, coalesce(message_id, ''), coalesce(in_reply_to, ''), coalesce(refs, ''), coalesce(subject, ''),
                  coalesce(parent, ''), coalesce(relation, ''), coalesce(content_key, '') FROM messages ORDER BY id"""))
    report.messages = len(rows)
    dup = UnionFind()
    key_first: dict[str, str] = {}
    for mid, message_id, *_, key in rows:
        if message_id:
            if message_id in by_message_id:
                dup.union(by_message_id[message_id], mid)
                report.exact_duplicates += 1
            else:
                by_message_id[message_id] = mid
        if key:
            if key in key_first and dup.find(key_first[key]) != dup.find(mid):
                dup.union(key_first[key], mid)
                report.near_duplicates += 1
            key_first.setdefault(key, mid)
    threads = UnionFind()
    no_ids: dict[str, str] = {}
    for mid, message_id, in_reply_to, refs, subject, parent, relation, _ in rows:
        threads.find(mid)
        for ref in [in_reply_to, *refs.split()]:
            ref = ref.strip()
            if ref and ref in by_message_id:
                threads.union(mid, by_message_id[ref])
        if parent and relation == "quoted":
            threads.union(mid, parent)
        if not message_id and not in_reply_to:
            subj = thread_subject(subject)
            if len(subj.split()) >= 2:
                threads.union(mid, no_ids.setdefault(subj, mid))
    for mid, *_ in rows:
        threads.union(mid, dup.find(mid))
    thread_rows = [(mid, threads.find(mid)) for mid, *_ in rows]
    dup_rows = [(mid, dup.find(mid)) for mid, *_ in rows if dup.find(mid) != mid]
    report.threads = len({t for _, t in thread_rows})
    with store.transaction():
        store.execute("DELETE FROM threads")
        store.execute("DELETE FROM duplicates")
        store.insert("threads", thread_rows)
        store.insert("duplicates", dup_rows)
    return report
