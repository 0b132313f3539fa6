from __future__ import annotations

from pathlib import Path

from conftest import make_message, write_mbox

from interlock.case import Case
from interlock.mailbox import account_kind
from interlock.threads import content_key, own_text, thread_subject


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
