"""Campaign committees and the candidates they raise money for.

A gift is filed by the giver under the receiver's name as the giver writes it ("Friends of Roderick T.
Sawyer", "RODERICK SAWYER", "Alderman Pat Dowell, 3rd Ward") and by the committee under its own name
("Ward 6 alderman's committee"). To see that these are one receiver, a committee whose name or filing
names its candidate gets a link to that candidate: an ``UnknownLink`` with subject = the committee,
object = the candidate (a ``Person``), role = "committee of". Resolution then joins the candidate with
the other records of the same person, and :mod:`interlock.donations` reconciles the two filings.

Only a full name makes a candidate: "Friends of Sawyer" names no one we could tell apart.
"""

from __future__ import annotations

import re

from interlock.entities import Entity, Origin, make_id
from interlock.names import norm_text, person_name

COMMITTEE_OF = "committee of"
CANDIDATE = "candidate named by a committee"
LEADS = re.compile(r"^(?:the\s+)?(?:(?:citizens|friends|people|neighbors)\s+(?:of|for)|(?:committee|campaign)\s+to\s+(?:re-?)?elect"
                   r"|(?:committee|campaign)\s+(?:of|for))\s+(.+)$", re.I)
TRAILS = re.compile(r"^(.+?)\s+(?:for|4)\s+(?:alderman|alderwoman|ald\.?|mayor|clerk|treasurer|ward|[a-z]+ ward|\d+\w*\s+ward"
                    r"|state\s+\w+|illinois|chicago|congress|senate|senator|judge|commissioner|assessor|sheriff|governor|secretary|attorney"
                    r"|comptroller|president|representative|rep\.?|council|board|office)\b.*$", re.I)
TAILS = re.compile(r"\s*(?:[-–,(]\s*|\s)(?:(?:the\s+)?\d+\w*\s+ward\b.*|ward\s+\d+.*|\d+\w*\s+ward\s+alderm[ae]n.*|alderm[ae]n\b.*)$", re.I)
NOT_A_NAME = frozenset("committee ward city county party democratic republican organization fund pac illinois chicago "
                       "for of the and inc llc citizens friends".split())


def committee_candidate(name: str | None) -> str | None:
    """The candidate a committee's name names ("Friends of Carrie M. Austin - 34th Ward Alderman" → "Carrie M. Austin")."""
    text = " ".join((name or "").split())
    m = LEADS.match(text) or TRAILS.match(text)
    if not m:
        return None
    candidate = TAILS.sub("", m.group(1)).strip(" ,.-")
    return candidate if names_one_person(candidate) else None


def names_one_person(text: str) -> bool:
    words = norm_text(text).split()
    if not 2 <= len(words) <= 5 or any(w in NOT_A_NAME or w.isdigit() for w in words):
        return False
    parsed = person_name(text)
    return len(parsed.first) > 1 and len(parsed.last) > 1


def candidate_links(o: Origin, committee_id: str, candidate: str, note: str) -> list[Entity]:
    """The candidate (keyed by name within the committee's records) and the committee-of link."""
    person = Entity("Person", make_id("committee-candidate", norm_text(candidate)), o)
    person.add("name", candidate).add("classification", CANDIDATE)
    link = Entity("UnknownLink", make_id("committee-of", committee_id, person.id), o)
    link.add("subject", committee_id).add("object", person.id).add("role", COMMITTEE_OF).add("description", note)
    return [person, link]
