"""Offices as people write them: "Chicago City Clerk", "City Clerk of Lakeport", "Village President of Glenvale".

:func:`parse_office` splits the office from the government it belongs to, so that a profile's
"City Clerk, City of Lakeport" and an article's "Lakeport City Clerk" name one post of one body.
"""

from __future__ import annotations

import re

GOVERNMENT = re.compile(r"^(?:the\s+)?(city|village|town|county|state|township)\s+of\s+\S", re.I)
KIND_WORD = re.compile(r"^(city|village|town|county|township)\b", re.I)
# A named public body after the office: "Cook County", "Riverside School District", "Marsh County Board of
# Supervisors", "Springfield Park District". A numbered seat ("12th Ward", "61st District") is not one.
BODY = re.compile(r"^(?:the\s+)?[A-Z][\w.'&-]*(?:\s+(?:[A-Z0-9][\w.'&-]*|of|and|&))*?\s+"
                  r"(?:County|Township|Parish|Borough|(?:School|Park|Library|Sanitary|Fire|Water)\s+District|Public\s+Schools"
                  r"|(?:Board|Commission|Council)(?:\s+of\s+[A-Z][\w]*(?:\s+[A-Z][\w]*)*)?|Authority)$")
SEAT = re.compile(r"^(?:\d+(?:st|nd|rd|th)?\s+(?:Ward|District|Precinct)|(?:Ward|District|Precinct)\s+\d+)$", re.I)
# "Board of Supervisors", "Commission on Human Relations": a body's own name, not an office of a place
BODY_HEAD = re.compile(r"\b(?:Board|Commission|Committee|Council|Department|Office|Authority|District)$", re.I)


def parse_office(text: str) -> tuple[str, str | None]:
    """(office, government) from how profiles write an office.

    >>> parse_office("City Clerk, City of Lakeport")
    ('City Clerk', 'City of Lakeport')
    >>> parse_office("City Clerk of Lakeport")
    ('City Clerk', 'City of Lakeport')
    >>> parse_office("Chicago City Clerk")
    ('City Clerk', 'City of Chicago')
    >>> parse_office("Attorney")
    ('Attorney', None)
    """
    text = " ".join(text.split()).strip(" .")
    head, sep, tail = text.rpartition(",")
    if sep and (GOVERNMENT.match(tail.strip()) or (BODY.match(tail.strip()) and not SEAT.match(tail.strip()))):
        return head.strip(), tail.strip()
    m = re.match(r"^(.+?)\s+of\s+(?:the\s+)?((?:city|village|town|county|state|township)\s+of\s+.+)$", text, re.I)
    if m:
        return m.group(1), m.group(2)
    m = re.match(r"^([^,]+?)\s+of\s+([A-Z][\w .'-]*)$", text)
    if m and not BODY_HEAD.search(m.group(1)):
        office, place = m.group(1), m.group(2)
        return office, government_of(office, place)
    m = re.match(r"^([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*?)\s+((?:City|Village|Town|County|Township)\s+.+)$", text)
    if m:
        place, office = m.group(1), m.group(2)
        return office, government_of(office, place)
    return text, None


def government_of(office: str, place: str) -> str:
    """The government an office of a place belongs to: "City Clerk" of "Chicago" → "City of Chicago"."""
    m = KIND_WORD.match(office)
    kind = m.group(1).capitalize() if m else "City"
    return f"{place} County" if kind == "County" else f"{kind} of {place}"
