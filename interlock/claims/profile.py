"""Claims carried by the labelled lines of a voter guide rather than by sentences.

::

    2024 Primary Voter Guide: Kessler County Board, District 4     -> candidate-for (the office)
    Cedar Hollow Township Supervisor: Ruth Castellano              -> candidate-for
    Candidate: Dennis Pham        /  Beatrice Nwosu (Democrat)     -> who the profile is about
    Endorsed by: Orchard Bay Police Benevolent Association; Mayor Karen Olds   -> endorsed, each
    Spouse: Linh Pham                                              -> spouse
    Occupation: Owner, Pham Auto Repair                            -> employs ("owner")
    Dorrance County Board, District 5 — Candidate Questionnaire    -> candidate-for (the office), each profiled

A list item counts only when it holds a name the document's name index found; a line whose value is
a sentence with a verb is left to the grammar.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from interlock.claims.context import Context
from interlock.claims.lexicon import JOB, OFFICE
from interlock.claims.model import Mention
from interlock.claims.names import Name
from interlock.claims.roles import Found

LINE = re.compile(r"^[ \t]*([^:\n]{2,90}?)[ \t]*:[ \t]*(.+?)[ \t]*$", re.M)
CANDIDATE_LINE = re.compile(r"^[ \t]*(?:Candidate|Name)[ \t]*:[ \t]*(.+?)[ \t]*$"
                            r"|^[ \t]*([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})[ \t]*\((?:Democrat|Republican|Independent|"
                            r"Democratic|Libertarian|Green|Nonpartisan|incumbent|[DRI])\b[^)\n]*\)[ \t]*$", re.M)
NAME_LINE = re.compile(r"^[ \t]*([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})[ \t]*$", re.M)
GUIDE = re.compile(r"voter guide|meet the candidates|candidates? (?:for|questionnaire|q&a)|election guide|the race for", re.I)
ENDORSE_LABEL = re.compile(r"^(?:endorsed by|endorsements?|endorsers|key endorsements)$", re.I)
SPOUSE_LABEL = re.compile(r"^(?:spouse|husband|wife|partner|married to)$", re.I)
JOB_LABEL = re.compile(r"^(?:(?:current |present )?occupation|employer|job|profession|work)$", re.I)
SEAT_WORDS = OFFICE | {"board", "council", "seat", "district", "ward", "trustees", "commission", "education"}
HEADING = re.compile(r"^[ \t]*(?P<office>[^\n—–:]{3,80}?)[ \t]*(?:—|–|--)[ \t]*(?:candidate (?:questionnaire|q&a|answers|responses)|"
                     r"questionnaire|voter guide)[ \t]*$", re.I | re.M)
PARTY = re.compile(r"\s*\((?:Democrat|Republican|Independent|Democratic|Libertarian|Green|Nonpartisan|incumbent|[DRI])\b[^)]*\)")


def header_claims(ctx: Context) -> list[Found]:
    """Every claim the labelled lines of ``ctx.doc`` carry, in line order."""
    doc = ctx.doc
    candidates = list(candidates_named(ctx))
    people = [m for m in candidates if m.kind == "person"]
    out: list[Found] = []
    heading = HEADING.search(doc.text)
    first_word = token_at(doc, heading.start("office")) if heading else None
    if heading and first_word is not None and {w.strip(",.").lower() for w in heading.group("office").split()} & SEAT_WORDS:
        text = heading.group("office").strip()
        office = Mention(text, text.replace(",", ""), "office", heading.start("office"), heading.end("office"))
        out += [Found("candidate-for", p, office, "candidate", first_word) for p in people]
    for m in LINE.finditer(doc.text):
        label, value = m.group(1).strip(), m.group(2).strip()
        first = token_at(doc, m.start(1))
        if first is None:
            continue
        if ENDORSE_LABEL.match(label) and people:
            for item in items(ctx, m.start(2), m.end(2)):
                if item.kind in ("person", "org"):
                    out.append(Found("endorsed", item, people[-1], "endorsed by", first))
        elif SPOUSE_LABEL.match(label) and people:
            spouse = next(iter(items(ctx, m.start(2), m.end(2))), None)
            if spouse is not None and spouse.kind == "person":
                out.append(Found("spouse", people[-1], spouse, label.lower(), first))
        elif JOB_LABEL.match(label) and people and not has_verb(doc, m.start(2), m.end(2)):
            words = {w.strip(" ,.").lower() for w in re.split(r",| at | of ", value)}
            title = next((w for w in words if w in JOB), "")
            for org in items(ctx, m.start(2), m.end(2)):
                if org.kind == "org" and title and org.name.lower() not in JOB:  # "Owner, X": the title is no employer
                    out.append(Found("employs", org, people[-1], title, first))
        else:
            seats = seat_claims(ctx, label, value, m.start(1), m.start(2), m.end(2), people, first)
            people += [f.subject for f in seats if f.subject not in people]
            out += seats
    return out


def seat_claims(ctx: Context, label: str, value: str, label_start: int, value_start: int, value_end: int,
                people: list[Mention], first: Token) -> list[Found]:
    """ "Cedar Hollow Township Supervisor: Ruth Castellano" and "Voter Guide: Kessler County Board, District 4"."""
    seat = PARTY.sub("", label).strip()
    seat_words = {w.strip(",.()").lower() for w in seat.split()}
    named = items(ctx, value_start, value_end)
    if named and named[0].kind == "person" and seat_words & SEAT_WORDS and len(value.split()) <= 5:
        office = Mention(seat, seat, "office", label_start, label_start + len(seat))
        return [Found("candidate-for", named[0], office, "candidate", first)]
    if GUIDE.search(label) and people:
        office_text = re.sub(r"\s*\(\d+ seats?\)", "", PARTY.sub("", value)).strip(" .")
        words = {w.strip(",.()").lower() for w in office_text.split()}
        if words & SEAT_WORDS and not has_verb(ctx.doc, value_start, value_end):
            office = Mention(office_text, office_text.replace(",", ""), "office", value_start, value_start + len(office_text))
            return [Found("candidate-for", p, office, "candidate", first) for p in people]
    return []


def candidates_named(ctx: Context) -> Iterator[Mention]:
    """The people a guide profiles: "Candidate:"/"Name:" lines, "Name (Party)" lines, and the speaker."""
    seen = set()
    if ctx.author is not None:
        seen.add(ctx.author.name)
        yield Mention(ctx.author.name, ctx.author.name, "person", 0, 0)
    for m in CANDIDATE_LINE.finditer(ctx.doc.text):
        start = m.start(1) if m.group(1) else m.start(2)
        end = m.end(1) if m.group(1) else m.end(2)
        for item in items(ctx, start, end):
            if item.kind == "person" and item.name not in seen:
                seen.add(item.name)
                yield item
    if seen or not ctx.profile:
        return
    for m in NAME_LINE.finditer(ctx.doc.text):  # a guide that heads a profile with the bare name
        found = items(ctx, m.start(1), m.end(1))
        if len(found) == 1 and found[0].kind == "person" and found[0].text == m.group(1):
            yield found[0]
            return


def items(ctx: Context, start: int, end: int) -> list[Mention]:
    """The names in a list ("A; B; C" or "A, B and C") between two character offsets, in order."""
    out: list[Mention] = []
    names: list[Name] = []
    for n in ctx.index.names:
        tok = ctx.doc[n.start]
        if start <= tok.idx < end and n not in names:
            names.append(n)
    for n in names:
        span = ctx.doc[n.start:n.end]
        if any(o.name == n.entity.name for o in out):
            continue
        kind = n.entity.kind if n.entity.kind != "place" or " of " not in n.entity.name else "org"
        out.append(Mention(span.text, n.entity.name, kind, span.start_char, span.end_char))
    return out


def has_verb(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in span)


def token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
