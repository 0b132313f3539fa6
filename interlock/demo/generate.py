"""Generate the demo case: a fictional city's records with a planted pattern, and the truth about it.

``generate(root)`` writes ``root/input/`` (the clerk's mailbox, a lobbyist registry, a contracts
file, two voter-guide profiles, a companies file) and ``root/truth.json``, and returns the truth.
The same ``seed`` and ``emails`` give byte-identical files: every random choice comes from one
``random.Random(seed)``, times are fixed Lakeport offsets, and nothing reads the clock.
"""

from __future__ import annotations

import json
import random
import re
from datetime import UTC, date
from pathlib import Path
from typing import Any

from interlock.demo import cast, ties
from interlock.demo.cast import CLERK, CLERK_HOME, REGISTRATION, SPOUSE, SPOUSE_WORK
from interlock.demo.contracts import HARBORLINE_CONTRACTS, build_vendors, contract_rows, write_contracts
from interlock.demo.mail import Mail, mbox_entry
from interlock.demo.plants import plant
from interlock.demo.profiles import write_companies, write_profiles
from interlock.demo.registry import build_registry, write_registry
from interlock.demo.ties import write_receipts
from interlock.demo.traffic import Scene, background

MBOX_NAME = "dortiz-lakeport.mbox"
SPOUSE_ADDRS = frozenset({SPOUSE.email, SPOUSE_WORK.email})
CLERK_ADDRS = frozenset({CLERK.email, CLERK_HOME.email})
# "Sam Reyes" (or "Sam M. Reyes"), never "Sam Reyes Jr."
SPOUSE_NAME = re.compile(r"\bSam\s+(?:[A-Z]\.?\s+)?Reyes\b(?!\s*,?\s*(?:Jr|Sr|II|III)\b)", re.IGNORECASE)


def generate(root: Path, emails: int = 20_000, seed: int = 7) -> dict[str, Any]:
    """Write the demo case's sources under ``root/input/`` and ``root/truth.json``; return the truth."""
    rng = random.Random(seed)
    registry_rng, contracts_rng, mail_rng = (random.Random(rng.getrandbits(64)) for _ in range(3))
    inp = Path(root) / "input"
    inp.mkdir(parents=True, exist_ok=True)

    registry = build_registry(registry_rng)
    write_registry(registry, inp / "registry", registry_rng)
    spouse_clients = {c.name for _, lob, c in registry.combos if lob is registry.spouse}
    vendors = build_vendors(contracts_rng, [n for n in registry.clients if n not in spouse_clients | {cast.CLIENT, cast.LOOKALIKE}])
    rows, _, _ = contract_rows(contracts_rng, vendors)
    write_contracts(rows, inp / "contracts" / "Contracts.csv")
    write_profiles(inp / "profiles")
    write_companies(inp / "companies.ftm.json")
    write_receipts(random.Random(rng.getrandbits(64)), inp / "campaign" / "friends-of-dana-ortiz-receipts.csv")

    scene = Scene(mail_rng, registry, vendors)
    planted, decoys = plant(scene, emails)
    fixed = planted.mails + decoys
    if emails < len(fixed):
        raise ValueError(f"emails={emails} is too few: the planted and decoy mail alone is {len(fixed)} messages")
    mails = fixed + background(scene, emails - len(fixed))
    mails.sort(key=lambda m: (m.when.astimezone(UTC), m.message_id))
    write_mbox(mails, inp / "mailbox" / MBOX_NAME)

    truth = make_truth(mails, planted.ceo_request, planted.term_sheet_forward, planted.award_nomination,
                       personal_business=planted.personal_business, introduction=planted.introduction,
                       decoy_messages=planted.decoy_messages)
    (Path(root) / "truth.json").write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return truth


def write_mbox(mails: list[Mail], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="ascii", newline="\n") as fh:
        for start in range(0, len(mails), 1000):
            fh.write("".join(mbox_entry(m) for m in mails[start:start + 1000]))


def _local_day(mail: Mail) -> date:
    return mail.when.date()


def mail_counts(mails: list[Mail]) -> dict[str, int]:
    """Count what was planted, from the messages themselves."""
    counts = {"emails": len(mails), "spouse_emails_before": 0, "spouse_emails_after": 0, "about_emails_before": 0,
              "about_emails_after": 0, "namesake_emails": 0, "lookalike_emails": 0, "whitfield_emails": 0,
              "personal_business_emails": 0}
    for m in mails:
        addrs = set(m.addresses())
        when = "before" if _local_day(m) < REGISTRATION else "after"
        if addrs & SPOUSE_ADDRS:
            counts[f"spouse_emails_{when}"] += 1
        elif CLERK.email in addrs and (SPOUSE_NAME.search(m.subject) or SPOUSE_NAME.search(m.text)):
            counts[f"about_emails_{when}"] += 1
        if cast.NAMESAKE.email in addrs:
            counts["namesake_emails"] += 1
        if any(a.endswith("@" + cast.LOOKALIKE_DOMAIN) for a in addrs):
            counts["lookalike_emails"] += 1
        if cast.ALDERMAN_SPOUSE.email in addrs:
            counts["whitfield_emails"] += 1
        if CLERK_HOME.email in addrs and addrs & {cast.CEO.email, cast.PROGRAM_MANAGER.email}:
            counts["personal_business_emails"] += 1
    return counts


def make_truth(mails: list[Mail], ceo_request: list[str], term_sheet_forward: str, award_nomination: str,
               personal_business: list[str] | None = None, introduction: str = "",
               decoy_messages: dict[str, list[str]] | None = None) -> dict[str, Any]:
    c = mail_counts(mails)
    by_id = {m.message_id: m for m in mails}
    ceo = [by_id[i] for i in ceo_request]
    fwd, nom = by_id[term_sheet_forward], by_id[award_nomination]
    official, spouse, client = cast.CLERK.name, cast.SPOUSE.name, cast.CLIENT
    reg = REGISTRATION.isoformat()
    awards = [(desc, rev) for desc, _, _, _, revs in HARBORLINE_CONTRACTS for rev in revs]
    total = sum(rev[3] for _, rev in awards)
    approvals = sorted(rev[0] for _, rev in awards)
    return {
        "planted": [
            {"rule": "relative-registered-lobbyist", "subjects": [official, spouse, client],
             "note": f"The clerk's profile names her husband Sam Reyes; the registry has SAM REYES ({SPOUSE_WORK.email}, employer "
                     f"{cast.SPOUSE_FIRM}) registered from {reg} (CREATED_DATE 07/01/2019) and representing {client} in 2019, "
                     f"2020 and 2021, paid $3,000-$6,000 a quarter from 2019Q3 to 2021Q4."},
            {"rule": "relative-correspondence", "subjects": [official, spouse],
             "note": f"{c['spouse_emails_after']} messages between {CLERK.email} and Sam Reyes ({SPOUSE.email}, "
                     f"{SPOUSE_WORK.email}) on or after {reg}, personal and business, plus {c['about_emails_after']} staff "
                     f"messages naming him; {c['spouse_emails_before']} messages with him and {c['about_emails_before']} "
                     f"naming him before {reg} are context."},
            {"rule": "relative-client-contact", "subjects": [official, spouse, client],
             "note": f"From {CLERK.email} the clerk asked {cast.CEO.name} ({cast.CEO.email}), CEO of {cast.CLIENT_TITLE}, for help "
                     f"finding partners for the LakeportID municipal ID card: thread '{ceo[0].subject}', {len(ceo)} messages "
                     f"{ceo[0].when.date()} to {ceo[-1].when.date()}, {sum(m.sender[1] == cast.CEO.email for m in ceo)} of them "
                     f"Vega's replies (one with a list of partner leads)."},
            {"rule": "relative-client-benefit", "subjects": [official, spouse, client],
             "note": f"While Sam Reyes represented the client, {cast.CLIENT_VENDOR} won {len(HARBORLINE_CONTRACTS)} city contracts "
                     f"({'; '.join(d for d, *_ in HARBORLINE_CONTRACTS)}), {len(awards)} award rows with revisions, "
                     f"${total:,} in all, approved {approvals[0]} to {approvals[-1]}. On {fwd.when.date()} the clerk forwarded "
                     f"a third party's confidential '{cast.TERM_SHEET}' (from {cast.SOCCER.email}) from {CLERK.email} to "
                     f"{SPOUSE.email} ('{fwd.subject}'); on {nom.when.date()} she nominated Sam Reyes for the {cast.AWARD} "
                     f"in mail to {cast.CHAMBER.email} ('{nom.subject}')."},
            *mail_rule_items(by_id, personal_business or [], introduction, c),
            *ties.planted(),
        ],
        "decoys": [
            {"name": cast.NAMESAKE.name, "why": f"namesake of the spouse, unrelated: a constituent ({cast.NAMESAKE.email}) who "
                                                f"wrote {c['namesake_emails']} messages about a permit and his block; not in the "
                                                f"registry, no family tie"},
            {"name": cast.LOOKALIKE, "why": f"a different company whose name resembles the client's "
                                            f"({cast.LOOKALIKE_DOMAIN}, contact {cast.LOOKALIKE_CONTACT.name}); it holds two "
                                            f"records contracts and is a client of an unrelated lobbyist, not of Sam Reyes"},
            {"name": cast.ALDERMAN_SPOUSE.name, "why": "husband of Alderman Priya Natarajan who wrote to the clerk "
                                                       f"{c['whitfield_emails']} times; not a registered lobbyist and no "
                                                       "private interest before the city"},
            *mail_rule_decoys(),
            *ties.decoys(),
        ],
        "context": [
            {"rule": "relative-correspondence", "subjects": [official, spouse], "before": reg,
             "count": c["spouse_emails_before"] + c["about_emails_before"],
             "direct": c["spouse_emails_before"], "about": c["about_emails_before"],
             "why": "mail with the spouse before he registered is context, not conflict"},
        ],
        "planted_messages": {"term_sheet_forward": term_sheet_forward, "ceo_request": list(ceo_request),
                             "award_nomination": award_nomination,
                             **({"personal_business": list(personal_business)} if personal_business else {}),
                             **({"introduction": introduction} if introduction else {})},
        "decoy_messages": dict(decoy_messages or {}),
        "counts": c,
    }


def mail_rule_items(by_id: dict[str, Mail], personal_business: list[str], introduction: str, c: dict[str, int]) -> list[dict[str, Any]]:
    """The planted items of the documents-to-relative, personal-account-business and favour-for-relative rules."""
    official, spouse, client = cast.CLERK.name, cast.SPOUSE.name, cast.CLIENT
    out: list[dict[str, Any]] = [
        {"rule": "documents-to-relative", "subjects": [official, spouse],
         "note": f"From {CLERK.email} the clerk forwarded {cast.SOCCER.name}'s ({cast.SOCCER.email}) confidential draft "
                 f"'{cast.TERM_SHEET}' to {SPOUSE.email} with 'Not public yet', while he was registered to lobby the city. "
                 f"Lighthouse FC, the third party, is not an organisation in the case's records."},
        {"rule": "favour-for-relative", "subjects": [official, spouse],
         "note": f"From {CLERK.email} the clerk nominated Sam Reyes for the {cast.AWARD} in mail to {cast.CHAMBER.email}, "
                 f"while he was registered to lobby the city."},
    ]
    if personal_business:
        mails = [by_id[i] for i in personal_business]
        out.append({"rule": "personal-account-business", "subjects": [official, spouse, client],
                    "note": f"{c['personal_business_emails']} messages on LakeportID business (partners, the card production "
                            f"contract, the RFP) between the clerk's webmail {CLERK_HOME.email} and {cast.CEO.name} of "
                            f"{cast.CLIENT_TITLE} or {cast.PROGRAM_MANAGER.email}, {mails[0].when.date()} to "
                            f"{mails[-1].when.date()}."})
    if introduction:
        intro = by_id[introduction]
        out.append({"rule": "favour-for-relative", "subjects": [official, spouse, client],
                    "note": f"On {intro.when.date()}, from {CLERK.email}, the clerk introduced {cast.CEO.name} of "
                            f"{cast.CLIENT_TITLE} (copied) to {cast.WATERFRONT.name} ({cast.WATERFRONT.email}) and asked for "
                            f"a meeting ('{intro.subject}')."})
    return out


def mail_rule_decoys() -> list[dict[str, str]]:
    """People in acts that look like the mail rules' patterns and are not (their messages are in ``decoy_messages``)."""
    return [
        {"name": cast.COUNSEL.name, "why": "a city colleague, not a relative, to whom the clerk forwarded the same term sheet"},
        {"name": cast.COMMS.name, "why": "wrote a public press release that the clerk forwarded to her husband: a public, "
                                         "official document, nothing confidential and no third party's"},
        {"name": cast.RESIDENT.name, "why": "a resident with no tie to the clerk, nominated by her for the same award"},
        {"name": cast.STAFF_HOME.name, "why": f"a staff member who wrote about LakeportID from his own webmail "
                                              f"({cast.STAFF_HOME.email}): not the official's personal account"},
        {"name": cast.PTA.name, "why": f"school mail with the clerk's webmail {CLERK_HOME.email}: family matters, not business"},
    ]
