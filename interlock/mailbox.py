"""Whose mailbox a source is, and which mail domains are the government's.

Given by the user (``--owner``, ``--gov-domain``) or inferred: the owner is the address that takes
part in the most messages; the government's domain is the owner's own domain, or, when the owner
writes from webmail, the most frequent ``.gov``/``.mil`` domain in the mailbox.
What was inferred is said, so a person can correct it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from interlock.names import is_role_mailbox, mail_domain
from interlock.store import Store

WEBMAIL = frozenset(
    """gmail.com googlemail.com yahoo.com ymail.com hotmail.com outlook.com live.com msn.com aol.com
    icloud.com me.com mac.com comcast.net sbcglobal.net att.net verizon.net protonmail.com proton.me
    gmx.com mail.com yandex.com zoho.com fastmail.com""".split()
)


def is_gov_domain(domain: str) -> bool:
    parts = domain.lower().split(".")
    return "gov" in parts[-2:] or parts[-1] == "mil"


@dataclass
class Mailbox:
    owner: str | None
    owner_inferred: bool
    gov_domains: tuple[str, ...]
    gov_inferred: bool
    note: str


def infer_mailbox(store: Store, source_sha: str, owner: str | None, gov_domains: tuple[str, ...]) -> Mailbox:
    total = store.query("SELECT count(*) FROM messages WHERE source_sha = ?", [source_sha])[0][0]
    notes = []
    owner_inferred = False
    if not owner and total:
        rows = store.query(
            """SELECT p.address, count(DISTINCT p.message) AS n FROM participants p
               JOIN messages m ON m.id = p.message WHERE m.source_sha = ? AND coalesce(p.address, '') <> ''
               GROUP BY p.address ORDER BY n DESC, p.address LIMIT 1""",
            [source_sha],
        )
        if rows:
            owner, n = rows[0]
            owner_inferred = True
            notes.append(f"owner inferred: {owner} (takes part in {n:,} of {total:,} messages; give --owner to set it)")
    gov_inferred = False
    if not gov_domains:
        gov_inferred = True
        if owner and mail_domain(owner) not in WEBMAIL:
            gov_domains = (mail_domain(owner),)
        else:
            rows = store.query(
                """SELECT split_part(p.address, '@', 2) AS d, count(DISTINCT p.message) AS n FROM participants p
                   JOIN messages m ON m.id = p.message WHERE m.source_sha = ? AND coalesce(p.address, '') <> ''
                   GROUP BY d ORDER BY n DESC, d""",
                [source_sha],
            )
            gov_domains = tuple(d for d, _ in rows if d and is_gov_domain(d))[:1]
        if gov_domains:
            notes.append(f"government mail domain inferred: {', '.join(gov_domains)} (give --gov-domain to set it)")
    return Mailbox(owner, owner_inferred, gov_domains, gov_inferred, "; ".join(notes))


def record_mailbox(store: Store, source_sha: str, box: Mailbox) -> None:
    with store.transaction():
        store.execute("DELETE FROM mailboxes WHERE source_sha = ?", [source_sha])
        store.insert("mailboxes", [(source_sha, box.owner, box.owner_inferred, ",".join(box.gov_domains), box.gov_inferred, box.note)])


def account_kind(address: str, gov_domains: set[str]) -> str:
    """government, personal (webmail), role (info@, noreply@, lists) or organisation."""
    domain = mail_domain(address)
    if is_role_mailbox(address):
        return "role"
    if domain in gov_domains or is_gov_domain(domain):
        return "government"
    if domain in WEBMAIL:
        return "personal"
    return "organisation"


def build_accounts(store: Store) -> Counter[str]:
    """Rebuild the ``accounts`` table: every address that took part in mail, with its kind."""
    gov = {d for (domains,) in store.query("SELECT gov_domains FROM mailboxes") for d in (domains or "").split(",") if d}
    rows = [(address, account_kind(address, gov), n) for address, n in store.query(
        "SELECT address, count(DISTINCT message) FROM participants WHERE coalesce(address, '') <> '' GROUP BY address")]
    with store.transaction():
        store.execute("DELETE FROM accounts")
        store.insert("accounts", rows)
    return Counter(kind for _, kind, _ in rows)
