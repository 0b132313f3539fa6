"""Match features: pure functions deciding whether two identity nodes may be one.

Each returns a :class:`Match` (score and the reason a person reads) or None. The docstring of each
feature is its explanation. Features never look at the store.
"""

from __future__ import annotations

from dataclasses import dataclass

from interlock.names import PersonName


@dataclass(frozen=True)
class Match:
    score: float
    reason: str


def same_email(address: str) -> Match:
    """Both use the same e-mail address (role and shared mailboxes are never used this way)."""
    return Match(0.97, f"same e-mail address {address}")


def same_person_name(a: PersonName, b: PersonName, shown: str) -> Match | None:
    """Same first and last name and suffix; middle names or initials do not contradict each other.

    A name alone can belong to two people: such a match is marked as resting on the name only.
    """
    if not a.first or not b.first:
        return None
    if a.compatible(b):
        return Match(0.8, f"same name ({shown}); no conflicting middle name or suffix")
    return None


def same_org_name(key: str, shown: str) -> Match | None:
    """Same organisation name once case, punctuation and legal forms (Inc., LLC, Corp.) are set aside."""
    if len(key) < 3:
        return None
    return Match(0.9, f"same organisation name ({shown}) once legal forms are set aside")


def conflicting_names(names_a: set[PersonName], names_b: set[PersonName]) -> str | None:
    """Two clusters whose person names contradict (a "Jr." on one side, another middle name) stay apart."""
    for a in names_a:
        for b in names_b:
            if not a.first or not b.first or a.last != b.last:
                continue
            if a.first == b.first and not a.compatible(b):
                return f"names {a.key!r} and {b.key!r} differ in suffix or middle name"
    return None
