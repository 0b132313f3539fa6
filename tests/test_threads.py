from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from conftest import make_message, write_mbox
from hypothesis import given, settings
from hypothesis import strategies as st

from interlock import threads as threads_module
from interlock.case import Case
from interlock.mailbox import account_kind
from interlock.store.duckdb import DuckDBStore
from interlock.store.schema import TABLES
from interlock.threads import SPACE, ThreadReport, build_threads, content_key, own_text, thread_subject
from interlock.unionfind import NumberUnionFind, UnionFind


def test_thread_subject_and_own_text() -> None:
    assert thread_subject("RE: Fwd: FW: Budget  talks") == thread_subject("budget talks") == "budget talks"
    body = "Yes, agreed.\n\n-- \nDana\n\n-----Original Message-----\nFrom: Sam\nSent: Monday\n> old"
    assert own_text(body) == "yes agreed"
    assert own_text("Fine.\nOn Mon, 1 Apr 2019 Sam wrote:\n> hi") == "fine"
    assert content_key("a@b", "2019-01-01", "Re: x", "Hi\n> quoted") == content_key("A@B", "2019-01-01", "x", "hi")
    assert content_key("a@b", "2019-01-02", "x", "hi") != content_key("a@b", "2019-01-01", "x", "hi")


def test_threads_and_duplicates_across_two_mailboxes(tmp_path: Path) -> None:
    first = make_message(1, subject="Paving bid")
    reply = make_message(2, subject="Re: Paving bid", extra="In-Reply-To: <m1@example>")
    other = make_message(3, subject="Lunch")
    forwarded_copy = make_message(4, subject="Paving bid").replace("<m4@example>", "<elsewhere@example>")
    box_a = write_mbox(tmp_path / "a.mbox", [first, reply, other])
    box_b = write_mbox(tmp_path / "b.mbox", [first, forwarded_copy])
    with Case.open(tmp_path / "c", create=True) as c:
        c.ingest([box_a, box_b])
        report = c.resolve()
        threads = dict(c.store.query(
            "SELECT m.subject || '@' || m.source_sha, t.thread_id FROM threads t JOIN messages m ON m.id = t.message"))
        dups = c.store.query("SELECT count(*) FROM duplicates")[0][0]
    assert report.threads is not None
    assert report.threads.exact_duplicates == 1      # message 1 in both mailboxes
    assert dups == 1
    assert report.threads.messages == 5 and report.threads.threads == 3
    assert len(set(threads.values())) == 3


def test_account_kinds() -> None:
    gov = {"lakeport.gov"}
    assert account_kind("dortiz@lakeport.gov", gov) == "government"
    assert account_kind("dana.ortiz@gmail.com", gov) == "personal"
    assert account_kind("noreply@lakeport.gov", gov) == "role"
    assert account_kind("mvega@harborlinesecurity.com", gov) == "organisation"
    assert account_kind("someone@dc.gov", set()) == "government"


# -- build_threads on the store, from rows written directly ---------------------------------------

MESSAGE_COLUMNS = [name for name, _ in TABLES["messages"]]


def put(store: DuckDBStore, *messages: dict[str, str | None]) -> None:
    store.insert("messages", [tuple(m.get(c) for c in MESSAGE_COLUMNS) for m in messages])


def tables(store: DuckDBStore) -> tuple[dict[str, str], dict[str, str]]:
    """(message → thread, copy → first copy)."""
    return (dict(store.query("SELECT message, thread_id FROM threads")),
            dict(store.query("SELECT message, canonical FROM duplicates")))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[DuckDBStore]:
    s = DuckDBStore(tmp_path / "case.duckdb")
    yield s
    s.close()


def test_references_join_known_ids_only(store: DuckDBStore) -> None:
    put(store,
        {"id": "m1", "message_id": "<a@x>"},
        {"id": "m2", "message_id": "<b@x>", "in_reply_to": " <a@x>\r\n"},          # trimmed as Python strips
        {"id": "m3", "message_id": "<c@x>", "refs": "<gone@x>\t\n <b@x>\u00a0"},   # split on any whitespace
        {"id": "m4", "message_id": "<d@x>", "in_reply_to": "<gone@x>", "refs": "<gone@x>"},
        {"id": "m5", "message_id": "<e@x>", "in_reply_to": "<gone@x>"},            # same unknown parent: no thread
        {"id": "m6", "message_id": "<f@x>", "refs": "<a@x>-not"})
    report = build_threads(store)
    threads, dups = tables(store)
    assert threads == {"m1": "m1", "m2": "m1", "m3": "m1", "m4": "m4", "m5": "m5", "m6": "m6"}
    assert dups == {}
    assert (report.messages, report.threads, report.exact_duplicates, report.near_duplicates) == (6, 4, 0, 0)


def test_duplicates_across_mailboxes_are_counted_once(store: DuckDBStore) -> None:
    put(store,
        {"id": "m1", "source_sha": "A", "message_id": "<x@1>", "content_key": "k1"},
        {"id": "m5", "source_sha": "B", "message_id": "<x@1>", "content_key": "k1"},  # exact copy
        {"id": "m7", "source_sha": "C", "message_id": "<x@1>", "content_key": "k1"},  # exact copy
        {"id": "m3", "source_sha": "C", "message_id": "<other@1>", "content_key": "k1"},  # near: another Message-ID
        {"id": "m2", "source_sha": "A", "message_id": "<y@1>", "content_key": "k2"},
        {"id": "m4", "source_sha": "B", "message_id": "<y@1>", "content_key": "k2"},  # exact, and so not near too
        {"id": "m6", "source_sha": "A", "content_key": ""},
        {"id": "m8", "source_sha": "B", "content_key": ""},                           # no key is no duplicate
        {"id": "m9", "source_sha": "B", "in_reply_to": "<other@1>"})                  # joins m3, and so m1's thread
    report = build_threads(store)
    threads, dups = tables(store)
    assert dups == {"m3": "m1", "m5": "m1", "m7": "m1", "m4": "m2"}
    assert (report.exact_duplicates, report.near_duplicates) == (3, 1)
    assert {m for m, t in threads.items() if t == "m1"} == {"m1", "m3", "m5", "m7", "m9"}
    assert threads["m4"] == "m2" and threads["m6"] == "m6" and threads["m8"] == "m8"
    assert report.threads == 4


def test_printed_messages_with_no_ids_are_threaded_by_subject(store: DuckDBStore) -> None:
    put(store,
        {"id": "p1", "subject": "Budget talks"},
        {"id": "p2", "subject": "RE: FW: budget   talks", "message_id": ""},
        {"id": "p3", "subject": "Budget"},                                    # one word: too vague
        {"id": "p4", "subject": "budget"},
        {"id": "p5", "subject": "Budget talks", "message_id": "<p5@x>"},      # has an id: threaded by it
        {"id": "p6", "subject": "Budget talks", "in_reply_to": "<gone@x>"},   # likewise
        {"id": "p7", "subject": "Straße plan"},
        {"id": "p8", "subject": "Fwd: STRASSE PLAN"},                         # casefold, not lower
        {"id": "p9"})
    report = build_threads(store)
    threads, _ = tables(store)
    assert threads == {"p1": "p1", "p2": "p1", "p3": "p3", "p4": "p4", "p5": "p5", "p6": "p6",
                       "p7": "p7", "p8": "p7", "p9": "p9"}
    assert report.threads == 7


def test_quoted_messages_join_their_parent(store: DuckDBStore) -> None:
    put(store,
        {"id": "q1", "subject": "Lunch"},
        {"id": "q2", "subject": "Paving", "parent": "q1", "relation": "quoted"},
        {"id": "q3", "subject": "Paving", "parent": "q1", "relation": "attached"},  # an attachment is not history
        # the parent of these two is not in the store (a rejected record): they still share a thread,
        # named by the parent's id, the smallest of the set
        {"id": "q4", "parent": "a-gone", "relation": "quoted"},
        {"id": "q5", "parent": "a-gone", "relation": "quoted"},
        {"id": "q6", "parent": "z-gone", "relation": "quoted"})
    report = build_threads(store)
    threads, _ = tables(store)
    assert threads == {"q1": "q1", "q2": "q1", "q3": "q3", "q4": "a-gone", "q5": "a-gone", "q6": "q6"}
    assert (report.messages, report.threads) == (6, 4)


def test_results_do_not_depend_on_row_order_or_chunks(store: DuckDBStore, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    rows: list[dict[str, str | None]] = [
        {"id": f"m{i:02}", "message_id": f"<{i % 7}@x>", "in_reply_to": f"<{(i * 3) % 11}@x>",
         "content_key": f"k{i % 5}", "subject": f"subject {i % 4} here", "parent": f"m{i // 2:02}",
         "relation": "quoted" if i % 3 == 0 else None}
        for i in range(40)]
    rows += [{"id": f"n{i:02}", "subject": f"Re: subject {i % 4} here"} for i in range(10)]
    put(store, *rows)
    forward = build_threads(store), tables(store)
    monkeypatch.setattr(threads_module, "CHUNK", 3)
    other = DuckDBStore(tmp_path / "other.duckdb")
    put(other, *reversed(rows))
    backward = build_threads(other), tables(other)
    rebuilt = build_threads(other), tables(other)   # rebuilding replaces, it does not add
    other.close()
    assert forward == backward == rebuilt
    assert len(forward[1][0]) == 50


def test_space_is_pythons_whitespace() -> None:
    """References are split and In-Reply-To trimmed in SQL as str.split and str.strip do in Python."""
    row = duckdb.connect().execute(
        "SELECT list(i ORDER BY i) FROM (SELECT * FROM range(0, 55296) UNION ALL SELECT * FROM range(57344, 1114112)) t(i) "
        f"WHERE regexp_full_match(chr(i::INTEGER), '{SPACE}')").fetchone()   # every code point but surrogates
    found = row[0] if row else None
    assert found == [i for i in range(0x110000) if chr(i).isspace()]


def test_number_union_find() -> None:
    uf = NumberUnionFind(5)
    assert uf.union(3, 1) and uf.union(4, 3)
    assert not uf.union(1, 4)
    assert [uf.find(x) for x in range(5)] == [0, 1, 2, 1, 1]
    copy = uf.copy()
    assert copy.union(4, 0)
    assert uf.find(4) == 1 and copy.find(4) == 0 and len(copy) == 5


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9))))
def test_number_union_find_roots_are_the_smallest_member(edges: list[tuple[int, int]]) -> None:
    uf = NumberUnionFind(10)
    for a, b in edges:
        uf.union(a, b)
    groups = [{x} for x in range(10)]
    for a, b in edges:
        ga, gb = next(g for g in groups if a in g), next(g for g in groups if b in g)
        if ga is not gb:
            ga |= gb
            groups.remove(gb)
    assert all(uf.find(x) == min(g) for g in groups for x in g)


# -- build_threads against its definition, over strings, on random messages -----------------------


def definition(rows: list[dict[str, str | None]]) -> tuple[ThreadReport, dict[str, str], dict[str, str]]:
    """What build_threads computes, written plainly over strings (as it was before it moved to SQL)."""
    rows = sorted(rows, key=lambda r: str(r["id"]))
    report = ThreadReport(messages=len(rows))
    dup, first_copy, first_key = UnionFind(), dict[str, str](), dict[str, str]()
    for r in rows:
        mid, message_id, key = str(r["id"]), r.get("message_id") or "", r.get("content_key") or ""
        if message_id in first_copy:
            dup.union(first_copy[message_id], mid)
            report.exact_duplicates += 1
        elif message_id:
            first_copy[message_id] = mid
        if key in first_key and dup.union(first_key[key], mid):
            report.near_duplicates += 1
        if key:
            first_key.setdefault(key, mid)
    threads, by_subject = UnionFind(), dict[str, str]()
    for r in rows:
        mid = str(r["id"])
        threads.union(mid, dup.find(mid))
        for ref in [(r.get("in_reply_to") or "").strip(), *(r.get("refs") or "").split()]:
            if ref in first_copy:
                threads.union(mid, first_copy[ref])
        if r.get("parent") and r.get("relation") == "quoted":
            threads.union(mid, str(r["parent"]))
        subject = thread_subject(r.get("subject"))
        if not r.get("message_id") and not r.get("in_reply_to") and len(subject.split()) >= 2:
            threads.union(mid, by_subject.setdefault(subject, mid))
    thread_of = {str(r["id"]): threads.find(str(r["id"])) for r in rows}
    report.threads = len(set(thread_of.values()))
    return report, thread_of, {m: dup.find(m) for m in thread_of if dup.find(m) != m}


IDS = ["<a@x>", "<b@x>", "<c@x>", "<d@x>"]
GAPS = [" ", "  ", "\t", "\r\n ", "\u00a0", "\u3000", "\x1c"]
messages = st.fixed_dictionaries({
    "id": st.text("abcd", min_size=1, max_size=3),
    "message_id": st.sampled_from([None, "", *IDS, "<a@x> <b@x>"]),
    "in_reply_to": st.one_of(st.sampled_from([None, "", " "]),
                             st.tuples(st.sampled_from(GAPS), st.sampled_from(IDS)).map(lambda t: t[0] + t[1] + t[0])),
    "refs": st.one_of(st.none(), st.lists(st.sampled_from([*IDS, "<gone@x>"])).flatmap(
        lambda ids: st.sampled_from(GAPS).map(lambda gap: gap.join(ids)))),
    "subject": st.sampled_from([None, "", "Budget", "Re: budget talks", "BUDGET  talks", "Straße plan", "strasse plan"]),
    "parent": st.sampled_from([None, "", "a", "b", "ab", "zz", "0"]),   # "zz" and "0" are never messages
    "relation": st.sampled_from([None, "", "quoted", "attached"]),
    "content_key": st.sampled_from([None, "", "k1", "k2", "k3"]),
})


def test_build_threads_agrees_with_its_definition(store: DuckDBStore) -> None:
    @settings(max_examples=60, deadline=None, derandomize=True)
    @given(st.lists(messages, max_size=14, unique_by=lambda m: m["id"]))
    def check(rows: list[dict[str, str | None]]) -> None:
        store.execute("DELETE FROM messages")
        put(store, *rows)
        report = build_threads(store)
        assert (report, *tables(store)) == definition(rows)

    check()
