"""Proper names in a parsed document: find them, split off titles, classify, and link repeats.

spaCy's small model labels fictional local names unreliably ("Marcus Bell" as ORG, "Nwosu" as GPE), so
its entity labels are only a hint. A *name* is a run of capitalised proper-noun tokens, joined across
"of", "for" and "&" when the result is an organisation ("Friends of Kessler Woods", "Citizens for
Siddiqui", "Hadley, Pruitt & Crane"). Titles in front ("Lakeport City Clerk Dana Ortiz", "Ald.") are
split off and kept as the name's title. A name is an organisation when it holds an organisation word
(Inc., Group, Union, Committee ...), a place when spaCy says so or it ends in a place word, and a person
otherwise. One-word names are linked to a full name in the document with that surname (or the first
word of an organisation's name); a word shared by two people is left unlinked unless a title decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from interlock.claims.lexicon import ABBREVIATIONS, HONORIFICS, ORG_WORDS, PLACE_WORDS, TITLE_MODIFIERS, TITLE_WORDS

CONNECT = {"of", "for", "&", "and"}
ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")
COMMITTEE_HEAD = {"friends", "citizens", "committee", "people"}
SUFFIXES = {"llc", "inc", "inc.", "co", "co.", "corp", "corp.", "corporation", "company", "ltd", "ltd.", "llp", "lp",
            "group", "&", "sons"}
SEAT_TITLES = {"commissioner", "trustee", "supervisor", "clerk", "alderman", "alderwoman", "member", "treasurer",
               "assessor", "director", "chair", "chairman", "president"}
OFFICE_HOLDERS = {"sheriff", "attorney", "clerk", "assessor", "treasurer", "mayor", "recorder", "coroner", "governor",
                  "comptroller", "auditor", "prosecutor", "engineer"}
PARTIES = {"democrat", "republican", "independent", "libertarian"}   # "challenged by Democrat Yolanda Price"
ROLE_PREFIXES = {"candidate", "incumbent", "challenger", "nominee", "contender", "hopeful", "newcomer",
                 "frontrunner", "front-runner", "runner-up"}   # "Candidate Gloria Estrada" is Gloria Estrada
NOT_NAME_WORDS = set(HONORIFICS) | PARTIES | ROLE_PREFIXES   # dropped from the front of a name
HEADER_WORDS = {"q&a", "questionnaire", "guide", "faq"}
GENERIC = {"council", "board", "committee", "district", "department", "commission", "city", "village", "county",
           "township", "town", "state", "company", "firm", "union", "party", "school", "office", "agency"}


@dataclass
class Entity:
    name: str
    kind: str                     # person | org | place
    gender: str | None = None
    offices: list[str] = field(default_factory=list)
    seats: list[str] = field(default_factory=list)   # offices read from sentences ("elected to the Board of Education")
    first: int = 0                # token index of its first mention


@dataclass
class Name:
    start: int                    # token range of the name itself
    end: int
    entity: Entity
    title_start: int              # token range of the title in front, empty when none
    org_start: int = -1           # an organisation named inside the title ("Friends of Kessler Woods Executive Director")
    org_end: int = -1


def is_cap(tok: Token) -> bool:
    numbered = tok.like_num and tok.i > 0 and tok.nbor(-1).text in {"Local", "District", "No."}
    if not tok.text[:1].isupper() and not ORDINAL.match(tok.text) and not numbered:
        return False
    if ORDINAL.match(tok.text):
        return tok.i + 1 < len(tok.doc) and tok.nbor(1).text in {"Ward", "District"}
    if tok.like_num:
        return True
    if tok.pos_ in ("DET", "PRON", "ADP", "AUX", "CCONJ", "SCONJ", "PART", "PUNCT", "NUM") and tok.text != "&":
        return False
    if tok.lower_ in ABBREVIATIONS:
        return True
    if tok.lower_ in COMMITTEE_HEAD and tok.i + 2 < len(tok.doc) and tok.nbor(1).lower_ in ("of", "for", "to") \
            and tok.nbor(2).text[:1].isupper():
        return True  # "Friends of Anthony Ruiz", tagged a common noun wherever it stands
    if tok.is_sent_start and tok.pos_ not in ("PROPN",) and tok.ent_type_ not in ("PERSON", "ORG", "GPE"):
        return False
    return (tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "FAC")
            or tok.lower_ in ORG_WORDS or tok.lower_ in TITLE_WORDS)


def runs(sent: Span) -> list[tuple[int, int]]:
    """Token ranges of capitalised runs, joined across connectors and "X, Y & Z"."""
    out: list[tuple[int, int]] = []
    i, end = sent.start, sent.end
    doc = sent.doc
    while i < end:
        if not is_cap(doc[i]) or doc[i].text in ("&",):
            i += 1
            continue
        j = i + 1
        while j < end:
            t = doc[j]
            if is_cap(t) and t.text != "&" and "\n" not in doc[j - 1].whitespace_:
                j += 1
            elif t.text == "&" and j + 1 < end and is_cap(doc[j + 1]):
                j += 1
            elif t.text == "," and j + 2 < end and is_cap(doc[j + 1]) and doc[j + 2].text == "&":
                j += 1
            elif doc[i].lower_ == "committee" and (t.lower_ == "to" or t.text == "-" or doc[j - 1].text == "-") \
                    and j + 1 < end and doc[j + 1].text[:1].isupper():
                j += 1  # "Committee to Re-Elect Sheriff Hutchins"
            elif doc[i].lower_ == "committee" and doc[j - 1].lower_ == "to" and t.text[:1].isupper():
                j += 1
            elif t.lower_ in ("of", "for") and j + 1 < end and is_cap(doc[j + 1]) and joins(doc, i, j):
                j += 1
            elif t.text in (".",) and doc[j - 1].text in ("Co", "Inc", "St"):
                j += 1
            elif t.text in ("'s", "’s") and j + 1 < end and doc[j + 1].lower_ in ("office", "department", "association") \
                    and doc[j - 1].lower_ in OFFICE_HOLDERS:
                j += 1  # "Kessler County Sheriff's Office", "the State's Attorney's Office"
            elif t.text == "-" and not doc[j - 1].whitespace_ and not t.whitespace_ and j + 1 < end and is_cap(doc[j + 1]):
                j += 1  # a hyphenated surname: "Jenna Pressley-Ruiz"
            else:
                break
        out.append((i, j))
        i = j
    return out


def joins(doc: Doc, start: int, at: int) -> bool:
    """Join "A of B" / "A for B" into one name only when it makes an organisation or a government."""
    left = [t.lower_ for t in doc[start:at]]
    right = doc[at + 1]
    if doc[at].lower_ == "of":
        return bool(left) and (left[-1] in ORG_WORDS or left[-1] in {"friends", "city", "village", "town", "chamber",
                                                                      "department", "board", "committee", "office"})
    after = doc[at + 2] if at + 2 < len(doc) else None
    return bool(left) and (left[0] in COMMITTEE_HEAD or (len(left) == 1 and right.ent_type_ in ("GPE", "")
                                                          and right.lower_ not in TITLE_WORDS
                                                          and (after is None or after.lower_ not in TITLE_WORDS)))


def split_title(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Where the name starts after titles in front: "Village President Margaret Hollis" -> at "Margaret"."""
    cut = start
    if doc[start].lower_ in COMMITTEE_HEAD:
        return start, end  # "Committee to Re-Elect Sheriff Hutchins", "Friends of Mayor Ann Lee": the committee's name
    for k in range(start, end - 1):
        w = doc[k].lower_
        if w == "of" or doc[k + 1].lower_ == "of" or not any(t.is_alpha and t.lower_ not in TITLE_WORDS for t in doc[k + 1:end]):
            continue  # "Chamber of Commerce", "Firefighters Local 2291", "County Board, District 4"
        if w in TITLE_WORDS or w in ABBREVIATIONS or w in HONORIFICS:
            if not any(doc[m].lower_ in ORG_WORDS for m in range(k + 1, end)):
                cut = k + 1
    return cut, end


def kind_of(doc: Doc, start: int, end: int, places: set[str], surnames: frozenset[str] = frozenset()) -> str:
    words = [t.lower_ for t in doc[start:end]]
    text = doc[start:end].text
    if set(words) & HEADER_WORDS:
        return "none"  # "Candidate Q&A", "VOTER GUIDE": a heading, not a name
    if len(words) == 1 and words[0] in GENERIC:
        return "none"  # "Council" alone is a description ("the council"), not a name
    if words[-1] in ("ward", "wards") or (len(words) > 1 and words[-2:] == ["district"] and words[0][:1].isdigit()):
        return "place"  # "Brookhaven 7th Ward", "Seventh Ward"
    if any(w in ORG_WORDS for w in words) or "&" in words or (len(words) > 2 and words[1] == "for") or words[0] in COMMITTEE_HEAD:
        if words[0] in ("city", "village", "town") and len(words) > 2 and words[1] == "of":
            return "place"
        return "org"
    if len(words) > 1 and words[-1] in surnames and words[0] not in PLACE_WORDS and text.lower() not in places:
        return "person"  # "Emeka Nwosu" after "Beatrice Nwosu", whatever spaCy's label
    if text.isupper() and len(text) > 3:
        return "place" if text.lower() in places else "none"  # news copy does not capitalise a person's whole name
    if text.lower() in places or words[-1] in PLACE_WORDS or words[0] in {"port", "north", "south", "east", "west", "lake", "new"}:
        return "place"
    labels = {t.ent_type_ for t in doc[start:end]} - {""}
    if labels & {"GPE", "LOC"} and len(words) > 1 and "PERSON" not in labels:
        return "place"
    if labels & {"ORG"} and len(words) == 1:
        return "unknown"
    if len(words) == 1:
        return "unknown" if "PERSON" not in labels else "person"
    return "person"


def body_end(doc: Doc, start: int, end: int, places: set[str]) -> int:
    """Where an organisation's name ends when a title follows it: "Linden Falls Park District Commissioner"
    in a heading names the seat; the body is "Linden Falls Park District"."""
    if end - start > 2 and doc[end - 1].lower_ in SEAT_TITLES and kind_of(doc, start, end - 1, places) in ("org", "place"):
        return end - 1
    return end


def clean(text: str) -> str:
    text = re.sub(r"^(the|The)\s+", "", text.strip())
    text = re.sub(r"\s+(editorial board)$", "", text)
    return re.sub(r"['’]s$", "", text).strip(" ,")


class NameIndex:
    """Every name in the document, linked to one :class:`Entity` per thing named."""

    def __init__(self, doc: Doc, places: set[str]):
        self.doc = doc
        self.places = places
        self.surnames: frozenset[str] = frozenset()
        self.entities: dict[str, Entity] = {}
        self.names: list[Name] = []
        self.by_token: dict[int, Name] = {}
        raw = []
        for sent in doc.sents:
            for start, end in runs(sent):
                name_start, _ = split_title(doc, start, end)
                while name_start < end and doc[name_start].lower_ in NOT_NAME_WORDS:
                    name_start += 1
                if name_start >= end:
                    continue
                title_start = start
                while title_start > sent.start and doc[title_start - 1].lower_ in (TITLE_MODIFIERS | TITLE_WORDS) - {"of"}:
                    title_start -= 1
                raw.append((title_start, start, name_start, end))
        # spaCy often tags a fictional surname as a place ("Sorensen" GPE): a word that ends a person's
        # full name in this document is a surname, not a place
        surnames = {doc[e - 1].lower_ for _, _, s, e in raw if e - s > 1 and kind_of(doc, s, e, places) == "person"}
        self.places = places - surnames
        self.surnames = frozenset(surnames)
        raw = [(t, r, s, body_end(doc, s, e, self.places)) for t, r, s, e in raw]
        self.org_names = [clean(doc[s:e].text).lower().split() for _, _, s, e in raw
                          if e - s > 1 and kind_of(doc, s, e, self.places) == "org"]
        self.starts: set[int] = set()
        for title_start, run_start, s, e in raw:
            self.add_full(title_start, run_start, s, e)
        for title_start, run_start, s, e in raw:
            self.add_short(title_start, run_start, s, e)
        self.names.sort(key=lambda n: n.start)
        for n in self.names:
            for k in range(n.title_start if n.title_start < n.start else n.start, n.end):
                self.by_token.setdefault(k, n)

    def add_full(self, title_start: int, run_start: int, s: int, e: int) -> None:
        words = [t for t in self.doc[s:e] if t.text not in ("'s", "’s")]
        kind = kind_of(self.doc, s, e, self.places, self.surnames)
        if e < len(self.doc) and self.doc[e].text == ":" and s == run_start:
            kind = "none"  # "Spouse: Linh Pham": a label
        if kind in ("unknown", "none") or (kind == "person" and len(words) < 2):
            return
        name = clean(self.doc[s:e].text)
        if self.short_form(name.lower().split()):
            return  # "Valeview" for "Valeview Health Systems", "Mercer Asphalt" for "Mercer Asphalt LLC": linked later
        ent = self.entities.setdefault(name.lower(), Entity(name, kind, first=s))
        if ent.name.isupper() and not name.isupper():
            ent.name = name  # "MARSH COUNTY" in the dateline, "Marsh County" in the text
        prefix = self.doc[run_start - 1] if run_start > 0 else None
        if prefix is not None and prefix.lower_ in HONORIFICS and HONORIFICS[prefix.lower_]:
            ent.gender = HONORIFICS[prefix.lower_]
        if title_start < s:
            ent.offices.extend(ABBREVIATIONS.get(w, w) for w in self.doc[title_start:s].text.lower().split())
        self.names.append(self.make_name(title_start, run_start, s, e, ent))

    def short_form(self, words: list[str]) -> bool:
        """A name that is only part of one organisation's full name in the document: one of its words,
        or its name less a legal or trade suffix."""
        if len(words) == 1:
            return sum(1 for org in self.org_names if words[0] in org and len(org) > 1) == 1
        return any(org[:len(words)] == words and len(org) > len(words) and all(w in SUFFIXES for w in org[len(words):])
                   for org in self.org_names)

    def make_name(self, title_start: int, run_start: int, s: int, e: int, ent: Entity) -> Name:
        self.starts.add(s)
        name = Name(s, e, ent, title_start)
        # an organisation run in front of the title: "Friends of Kessler Woods Executive Director"
        k = run_start
        while k < s and self.doc[k].lower_ not in TITLE_WORDS:
            k += 1
        if k > run_start and kind_of(self.doc, run_start, k, self.places) in ("org", "unknown"):
            name.org_start, name.org_end = run_start, k
        return name

    def add_short(self, title_start: int, run_start: int, s: int, e: int) -> None:
        if s in self.starts:
            return
        text = clean(self.doc[s:e].text)
        ent = self.link(text, self.doc[title_start:s].text.lower())
        if ent is not None:
            self.names.append(self.make_name(title_start, run_start, s, e, ent))
            return
        kind = kind_of(self.doc, s, e, self.places)
        if kind == "none" or (e < len(self.doc) and self.doc[e].text == ":" and s == run_start):
            return
        if kind == "unknown":
            label = self.doc[s].ent_type_
            kind = "org" if label == "ORG" else "place" if label in ("GPE", "LOC") else "person" if label == "PERSON" else ""
        if kind and text:
            ent = self.entities.setdefault(text.lower(), Entity(text, kind, first=s))
            self.names.append(self.make_name(title_start, run_start, s, e, ent))

    def link(self, text: str, title: str) -> Entity | None:
        """The full-named entity a short name stands for: a surname, an organisation's first words."""
        low = text.lower()
        if low in self.entities:
            return self.entities[low]
        people = [e for e in self.entities.values() if e.kind == "person" and e.name.lower().split()[-1] == low]
        if len(people) > 1 and title:
            word = title.split()[-1] if title.split() else ""
            word = ABBREVIATIONS.get(word, word)
            titled = [p for p in people if any(word in o.lower() for o in p.offices)]
            people = titled or people
        if people:  # shared surname: the person introduced first (news style names relatives in full)
            return min(people, key=lambda p: p.first)
        orgs = [e for e in self.entities.values() if e.kind == "org" and re.search(rf"(^|\s){re.escape(low)}(\s|$)", e.name.lower())]
        if len(orgs) == 1:
            return orgs[0]
        firsts = [e for e in self.entities.values() if e.kind == "person" and e.name.lower().split()[0] == low]
        return firsts[0] if len(firsts) == 1 and " " not in low else None

    def at(self, i: int) -> Name | None:
        n = self.by_token.get(i)
        return n if n is not None and n.start <= i < n.end else None

    def in_org_title(self, i: int) -> Name | None:
        n = self.by_token.get(i)
        return n if n is not None and n.org_start <= i < n.org_end else None
