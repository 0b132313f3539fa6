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
from interlock.unionfind import NumberUnionFind

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


# Python's whitespace (what str.split and str.strip cut), as an RE2 class, so that SQL splits
# References and trims In-Reply-To exactly as Python does; tests/test_threads.py checks the set.
SPACE = r"[\x09-\x0d\x1c-\x20\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]"

# Every message, and every quoted message's parent (present or not), numbered in id order: the
# union-finds hold numbers, and the smallest number is the smallest id, so roots are as before.
NODES = """
WITH nodes AS MATERIALIZED (
    SELECT id, row_number() OVER (ORDER BY id) - 1 AS node, bool_or(message) AS message
    FROM (SELECT id, true AS message FROM messages
          UNION ALL SELECT parent, false FROM messages WHERE relation = 'quoted' AND parent <> '')
    GROUP BY id),
numbered AS (
    SELECT n.node, m.message_id, m.in_reply_to, m.refs, m.subject, m.parent, m.relation, m.content_key
    FROM messages m JOIN nodes n USING (id))
"""

# (copy, first copy): the same Message-ID, then the same content key
DUPLICATE_EDGES = """
SELECT node, first FROM (
    SELECT node, min(node) OVER (PARTITION BY message_id) AS first FROM numbered WHERE message_id <> ''
    UNION ALL
    SELECT node, min(node) OVER (PARTITION BY content_key) FROM numbered WHERE content_key <> '')
WHERE node <> first
"""

# (message, message it names in In-Reply-To or References), and (quoted message, its parent)
THREAD_EDGES = f"""
, firsts AS (SELECT message_id, min(node) AS node FROM numbered WHERE message_id <> '' GROUP BY message_id),
named AS (
    SELECT node, regexp_replace(in_reply_to, '^{SPACE}+|{SPACE}+$', '', 'g') AS ref FROM numbered WHERE in_reply_to <> ''
    UNION ALL
    SELECT node, unnest(regexp_split_to_array(refs, '{SPACE}+')) FROM numbered WHERE refs <> '')
SELECT DISTINCT named.node, firsts.node FROM named JOIN firsts ON firsts.message_id = named.ref
WHERE named.node <> firsts.node
UNION ALL
SELECT numbered.node, nodes.node FROM numbered JOIN nodes ON nodes.id = numbered.parent
WHERE numbered.relation = 'quoted' AND numbered.parent <> ''
"""

# messages with no ids (printed productions): threaded by subject, which Python normalises
UNNUMBERED = """
SELECT node, coalesce(subject, '') FROM numbered
WHERE coalesce(message_id, '') = '' AND coalesce(in_reply_to, '') = ''
"""

CHUNK = 50_000


def build_threads(store: Store) -> ThreadReport:
    """Rebuild the ``threads`` and ``duplicates`` tables from the messages in the store.

    SQL finds the edges (same Message-ID, same content key, a reference, a quoted parent) between
    messages numbered in id order, and Python joins them in two arrays of numbers: loading every
    message's ids and references as Python strings took 15 GiB for a million e-mails. Only the
    subjects of messages without ids come to Python, as ``thread_subject`` is Python's casefold.
    """
    (size,), = store.query(NODES + "SELECT count(*) FROM nodes")
    (messages, exact), = store.query(
        "SELECT count(*), count(nullif(message_id, '')) - count(DISTINCT nullif(message_id, '')) FROM messages")
    dup = NumberUnionFind(size)
    joined = sum(dup.union(a, b) for a, b in store.iter_query(NODES + DUPLICATE_EDGES))
    threads = dup.copy()  # a message is in its first copy's thread
    for a, b in store.iter_query(NODES + THREAD_EDGES):
        threads.union(a, b)
    first: dict[str, int] = {}
    for node, subject in store.iter_query(NODES + UNNUMBERED):
        subj = thread_subject(subject)
        if len(subj.split()) >= 2:
            threads.union(node, first.setdefault(subj, node))
    del first
    # The counts are those of a loop over the messages in id order that joins each to its first copy
    # by Message-ID (always counted) and then by content key (counted when that joined two sets). In
    # that loop a copy is still alone when its Message-ID joins it, so every exact copy is one join;
    # and in any order the joins number members less sets: the near duplicates are the joins left.
    report = ThreadReport(messages=messages, exact_duplicates=exact, near_duplicates=joined - exact)
    report.threads = write_tables(store, threads, dup)
    return report


def write_tables(store: Store, threads: NumberUnionFind, dup: NumberUnionFind) -> int:
    """Write each message's thread and first copy, in chunks; return the number of threads.

    Nodes come back in id order, so a root (the smallest of its set) is met before its members:
    only the ids of roots that have members are held until the end."""
    held = bytearray(len(threads))
    for x in range(len(threads)):
        for root in (threads.find(x), dup.find(x)):
            if root != x:
                held[root] = 1
    names: dict[int, str] = {}
    counted = bytearray(len(threads))
    thread_rows: list[tuple[str, str]] = []
    dup_rows: list[tuple[str, str]] = []
    with store.transaction():
        store.execute("DELETE FROM threads")
        store.execute("DELETE FROM duplicates")
        for node, mid, is_message in store.iter_query(NODES + "SELECT node, id, message FROM nodes ORDER BY node"):
            if held[node]:
                names[node] = mid
            if not is_message:
                continue
            root, first = threads.find(node), dup.find(node)
            thread_rows.append((mid, mid if root == node else names[root]))
            counted[root] = 1
            if first != node:
                dup_rows.append((mid, names[first]))
            if len(thread_rows) >= CHUNK:
                store.insert("threads", thread_rows)
                store.insert("duplicates", dup_rows)
                thread_rows, dup_rows = [], []
        store.insert("threads", thread_rows)
        store.insert("duplicates", dup_rows)
    return sum(counted)
