"""Offices as people write them: "Chicago City Clerk", "City Clerk of Lakeport", "Village President of Glenvale".

:func:`parse_office` splits the office from the government it belongs to, so that a profile's
"City Clerk, City of Lakeport" and an article's "Lakeport City Clerk" name one post of one body.
"""

from __future__ import annotations

import re

GOVERNMENT = re.compile(r"^(?:the\s+)?(city|village|town|county|state|township)\s+of\s+\S", re.I)
KIND_WORD = re.compile(r"^(city|village|town|county|township)\b", re.I)


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
    if sep and GOVERNMENT.match(tail.strip()):
        return head.strip(), tail.strip()
    m = re.match(r"^(.+?)\s+of\s+(?:the\s+)?((?:city|village|town|county|state|township)\s+of\s+.+)$", text, re.I)
    if m:
        return m.group(1), m.group(2)
    m = re.match(r"^(.+?)\s+of\s+([A-Z][\w .'-]*)$", text)
    if m:
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
