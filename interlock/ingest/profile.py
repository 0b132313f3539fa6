"""``profile``: a voter-guide style candidate profile, ``Key: value`` lines followed by free text.

::

    Name: Dana M. Ortiz
    Office: City Clerk
    Jurisdiction: City of Lakeport
    Email: dortiz@lakeport.gov
    Family: Husband, Sam Reyes; two children

Each key line is one record ("line N"). The subject is a ``Person``; the office becomes a ``Position``
of the government's ``PublicBody`` (keyed like a contracts file's government, so they meet) and an
``Occupancy``; each named relative a ``Person`` and a ``Family`` with the word the profile uses
("husband"). What a profile says is self-declared: nothing here is checked against other records.

The prose after the key lines (a questionnaire's answers, usually in the first person) is read for
claims like an article's (:mod:`interlock.claims`, :mod:`interlock.ingest.claimed`), with "I" and "my"
standing for the profile's subject; each claim is recorded against its sentence ("sentence 2,
characters 310–402", characters counted in the whole file). The same marriage told in a ``Family:``
line and in the prose is one ``Family`` entity citing both.

The parsing is pure (:func:`parse_profile`, :func:`parse_office`, :func:`parse_family`); the ingester
only reads the file and names the records.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from interlock.claims import extract, load_model
from interlock.entities import Origin, entity
from interlock.ingest.base import Context, ingester, walk_files
from interlock.ingest.claimed import PERSON_KEY, claims_records
from interlock.ingest.offices import parse_office
from interlock.names import norm_text, org_key
from interlock.records import Output, Record, Reject

NAME_KEYS = ("name", "candidate")
OFFICE_KEYS = ("office", "current office", "position", "occupation", "running for")  # in order of preference
SINCE_KEYS = ("since", "in office since", "took office")
FAMILY_KEYS = ("family", "spouse", "relatives", "family members")   # and any relation word: "Husband:", "Brother:"
KEY_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z ]{0,30}?)\s*:\s*(.*?)\s*$")
RELATION_FIRST = re.compile(r"^\s*([A-Za-z][A-Za-z -]*?)\s*,\s*(.+?)\s*$")       # Husband, Sam Reyes
RELATION_AFTER = re.compile(r"^\s*(.+?)\s*\(\s*([A-Za-z][A-Za-z -]*?)\s*\)\s*$")  # Sam Reyes (husband)
RELATION_WORD_FIRST = re.compile(r"^\s*(\S+(?:-in-law)?)\s+(.+?)\s*$")                 # Husband Sam Reyes
MARRIED_TO = re.compile(r"^\s*(?:married\s+to|(?:wife|husband|spouse)\s+of)\s+(.+?)\s*$", re.I)          # Married to Sam Reyes
RELATIONSHIP = re.compile(
    r"^(?:(?:ex|late|former|step|half|great)[- ]?)*(?:grand)?"
    r"(?:husband|wife|spouse|(?:domestic )?partner|fianc[eé]e?|son|daughter|child|brother|sister|sibling"
    r"|mother|father|parent|uncle|aunt|nephew|niece|cousin)s?(?:-in-law)?$", re.I)
NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.?|de|da|del|della|di|van|von|der|la|le|du|bin|al|y)$")
PROFILE_SUFFIXES = (".txt", ".md")
NO_NAME = "no Name: (or Candidate:) line at the head of the profile"
SNIFF_LINES = 12


@dataclass(frozen=True)
class Line:
    number: int
    key: str
    value: str


@dataclass(frozen=True)
class Relative:
    relationship: str
    name: str


@dataclass
class Profile:
    lines: list[Line] = field(default_factory=list)

    def first(self, *keys: str) -> Line | None:
        for key in keys:
            for line in self.lines:
                if line.key == key and line.value:
                    return line
        return None


def parse_profile(text: str) -> Profile:
    """The ``Key: value`` lines at the head of a profile (keys lower-cased), up to the first line of free text.

    Blank lines, a Markdown title and list or bold markup around the keys are allowed.
    """
    profile = Profile()
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        if kv := key_value(raw):
            profile.lines.append(Line(number, *kv))
        elif profile.lines:
            break
    return profile


def key_value(raw: str) -> tuple[str, str] | None:
    """("office", "City Clerk") from "Office: City Clerk", "- **Office:** City Clerk" and the like."""
    m = KEY_LINE.match(raw.strip().lstrip("-*\u2022 ").replace("**", "").replace("__", ""))
    return (" ".join(m.group(1).lower().split()), m.group(2)) if m else None


def is_person_name(text: str) -> bool:
    """Capitalised words (particles such as "de" allowed): "Sam Reyes" is a name, "two children" is not."""
    tokens = text.split()
    return bool(tokens) and any(t[0].isupper() for t in tokens) and all(NAME_TOKEN.match(t) for t in tokens)


def is_relationship(text: str) -> bool:
    return bool(RELATIONSHIP.match(" ".join(text.split())))


def parse_family(text: str, default: str = "relative") -> list[Relative]:
    """Named relatives from "Husband, Sam Reyes; two children" or "Sam Reyes (husband)".

    Entries are separated by ";". An entry with no personal name ("two children") yields nothing.

    >>> parse_family("Husband, Sam Reyes; two children")
    [Relative(relationship='husband', name='Sam Reyes')]
    """
    out = []
    for entry in (e.strip(" .") for e in text.split(";")):
        word, name = default, entry
        if (m := RELATION_AFTER.match(entry)) and is_relationship(m.group(2)):
            name, word = m.group(1), m.group(2)
        elif (m := RELATION_FIRST.match(entry)) and is_relationship(m.group(1)):
            word, name = m.group(1), m.group(2)
        elif (m := RELATION_WORD_FIRST.match(entry)) and is_relationship(m.group(1)):
            word, name = m.group(1), m.group(2)
        elif m := MARRIED_TO.match(entry):
            word, name = "spouse", m.group(1)
        name = name.strip(" .")
        head = re.split(r"\s*[,(]", name)[0]
        if not is_person_name(name) and is_person_name(head) and len(head.split()) >= 2:
            name = head   # "Carl Becker, a registered lobbyist for Apex Paving": the name, not the note
        if is_person_name(name):
            out.append(Relative(" ".join(word.lower().split()), name))
    return out


def parse_since(text: str) -> str | None:
    """ "2017", "May 2017", "May 15, 2017", "05/15/2017" or ISO → an ISO date or date prefix."""
    text = " ".join(text.replace(",", " ").split())
    for fmt, width in (("%Y", 4), ("%B %Y", 7), ("%b %Y", 7), ("%B %d %Y", 10), ("%b %d %Y", 10), ("%m/%d/%Y", 10), ("%Y-%m-%d", 10)):
        try:
            return datetime.strptime(text, fmt).date().isoformat()[:width]
        except ValueError:
            continue
    return None


def person_key(name: str) -> str:
    return norm_text(name)


def office_of(profile: Profile) -> tuple[Line | None, str, str | None]:
    """(the line naming the office, the office, its government).

    An explicit ``Jurisdiction:`` wins; else the government is read from the office text or from
    another office-like line ("Occupation: City Clerk, City of Lakeport"). An occupation that names
    no government is a job, not an office.
    """
    line = profile.first(*OFFICE_KEYS)
    if line is None:
        return None, "", None
    office, government = parse_office(line.value)
    if line.key == "occupation" and government is None:
        return None, "", None
    explicit = profile.first("jurisdiction")
    if explicit:
        government = explicit.value
    for other in profile.lines:
        if government is None and other.key in OFFICE_KEYS:
            government = parse_office(other.value)[1]
    return line, office, government


def profile_records(profile: Profile, origin_of: dict[int, Origin], file_sha: str) -> Iterator[tuple[int, list[Output]]]:
    """(line number, entities) for each key line that says something, in line order. Pure: origins are given."""
    name_line = profile.first(*NAME_KEYS)
    if name_line is None:
        return
    subject_key = (PERSON_KEY, file_sha, person_key(name_line.value))
    office_line, office, government = office_of(profile)
    explicit = profile.first("jurisdiction")
    since = profile.first(*SINCE_KEYS)
    for line in profile.lines:
        o = origin_of[line.number]
        subject = entity("Person", o, *subject_key)
        out: list[Output] = []
        if line is name_line:
            out.append(subject.add("name", line.value))
        elif line.key == "email":
            out.append(subject.add("email", line.value))
        elif line.key == "occupation" and line is not office_line:
            out.append(subject.add("profession", line.value))
        elif line is office_line or line is explicit:
            body = entity("PublicBody", o, "jurisdiction", org_key(government)).add("name", government) if government else None
            out += [body] if body else []
            if line is office_line:
                post = entity("Position", o, "position", norm_text(office), org_key(government)).add("name", office)
                post.add("organization", body.id if body else None)
                occ = entity("Occupancy", o, "occupancy", *subject_key, post.id).add("holder", subject.id).add("post", post.id)
                occ.add("startDate", parse_since(since.value) if since else None)
                if line.key == "running for":
                    occ.add("status", "candidate")
                out += [subject.add("position", line.value), post, occ]
        elif line.key in FAMILY_KEYS or is_relationship(line.key):
            default = line.key if is_relationship(line.key) else "spouse" if line.key == "spouse" else "relative"
            for rel in parse_family(line.value, default):
                relative = entity("Person", o, PERSON_KEY, file_sha, person_key(rel.name)).add("name", rel.name)
                family = entity("Family", o, "family", *subject_key, relative.id).add("person", subject.id).add("relative", relative.id)
                out += [relative, family.add("relationship", rel.relationship)]
        if out:
            yield line.number, out


def free_text(text: str, profile: Profile) -> tuple[int, str]:
    """(where it begins, the prose after the key lines): the answers a questionnaire gives in the candidate's words."""
    if not profile.lines:
        return 0, text
    lines = text.splitlines(keepends=True)
    offset = sum(len(line) for line in lines[:profile.lines[-1].number])
    return offset, text[offset:]


def looks_like_profile(path: Path) -> bool:
    """A .txt/.md file whose first non-empty lines hold ``Name:`` and an office or family key."""
    if not path.is_file() or path.suffix.lower() not in PROFILE_SUFFIXES:
        return False
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            head = [line for line in (fh.readline() for _ in range(SNIFF_LINES * 4)) if line.strip()][:SNIFF_LINES]
    except OSError:
        return False
    keys = {kv[0] for line in head if (kv := key_value(line))}
    return bool(keys & set(NAME_KEYS)) and bool(keys & {*OFFICE_KEYS, *FAMILY_KEYS})


class ProfileIngester:
    kind = "profile"
    description = "a candidate profile (.txt or .md): Name, Office, Jurisdiction, Email, Family lines, then free text"

    def sniff(self, path: Path) -> bool:
        if path.is_dir():
            files = walk_files(path)
            return bool(files) and all(looks_like_profile(p) for p in files)
        return looks_like_profile(path)

    def files(self, path: Path) -> list[Path]:
        """The file as given, or the profiles in a folder."""
        return [path] if path.is_file() else [p for p in walk_files(path) if looks_like_profile(p)]

    def records(self, ctx: Context, start: int) -> Iterator[Record]:
        number = 0
        for f in ctx.files:
            text = f.path.read_text(encoding="utf-8", errors="replace")
            profile = parse_profile(text)
            origin_of = {line.number: Origin(ctx.source_sha, f.sha256, str(f.path), f"line {line.number}") for line in profile.lines}
            if profile.first(*NAME_KEYS) is None:
                number += 1
                if number > start:
                    yield Reject(Origin(ctx.source_sha, f.sha256, str(f.path), "line 1"), NO_NAME)
                continue
            for _, out in profile_records(profile, origin_of, f.sha256):
                number += 1
                if number > start:
                    yield out
            name = profile.first(*NAME_KEYS)
            offset, prose = free_text(text, profile)
            if name is None or not prose.strip():
                continue
            origin = Origin(ctx.source_sha, f.sha256, str(f.path), "prose")
            number += 1
            if number > start:   # the prose itself, as the subject's own words: what the profile says in passing counts
                subject = entity("Person", origin, PERSON_KEY, f.sha256, person_key(name.value))
                yield [subject.add("notes", " ".join(prose.split()))]
            claims = extract(prose, None, load_model(), speaker=name.value)
            for entities in claims_records(claims, origin, f.sha256, None, offset):
                number += 1
                if number > start:
                    yield list(entities)


ingester(ProfileIngester())
