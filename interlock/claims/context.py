"""What one document knows while it is read in order: names, who was mentioned last, and who a
pronoun or a description stands for.

Coreference is a documented heuristic, not a model:

* **he / she / his / her**: the closest earlier person in the same sentence whose gender fits, else
  the subject of the previous two sentences, else the most recent person there. Gender is known from
  relation words ("her husband, Sam Reyes" makes Sam Reyes male), honorifics, and "X said she".
  An unknown gender fits either pronoun, but not one that an earlier pronoun of the other gender in the
  same sentence stands for ("she is married to his brother").
* **I / my / me**: the speaker of the sentence ("X said"), else, in a voter-guide profile (a
  "Candidate:"/"Name:" line or questionnaire questions), the candidate profiled.
* **we / our / us**: the speaker if an organisation, else the organisation that endorsed earlier
  (an editorial board).
* **it / its**: the most recent organisation.
* **who / which / whom / whose**: the noun the relative clause hangs on.
* **descriptions** ("the company", "the soccer club", "the park district", "the city"): the most
  recent organisation whose name holds the description's words, else one of the right sort (a business
  for "the firm"); "the city/village/county/township" is the government named in the document or its
  dateline. "the alderman" is the most recent person holding that title.
* **relatives and roles** ("her husband", "the company's CEO"): the person earlier named in that role.
* **an unnamed subject** ("A lobbyist who is a cousin of the mayor has registered ..."): the person the next
  sentence opens with as its subject and names for the first time; else no one.

When no candidate fits, the mention is left unresolved and no claim is made from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from interlock.claims.lexicon import (
    BUSINESS_WORDS,
    CAMPAIGN,
    DESCRIPTIONS,
    GOVERNMENT_WORDS,
    KIN,
    MEDIA_WORDS,
    ORG_WORDS,
    OWN_BUSINESS,
    SAY,
)
from interlock.claims.model import Mention
from interlock.claims.names import Entity, NameIndex

UNNAMED = "\x00unnamed "   # the name an unnamed subject ("A lobbyist") carries until the next sentence names it
#: role nouns that open a lede about someone the next sentence names ("A lobbyist who is a cousin of the mayor ...")
FORWARD = {"lobbyist", "consultant", "contractor", "developer", "attorney", "lawyer", "relative", "donor", "vendor"}
MALE, FEMALE = {"he", "him", "his", "himself"}, {"she", "her", "hers", "herself"}
FIRST, WE = {"i", "me", "my", "mine", "myself"}, {"we", "us", "our", "ours"}
RELATIVE = {"who", "whom", "whose", "which", "that"}
DATELINE = re.compile(r"^\s*([A-Z][A-Z .'’-]{2,}?)(?:,| \(| —| –| -)", re.M)
GOV = re.compile(r"\b((?:City|Village|Town) of (?:[A-Z][a-z]+ ?){1,3})|((?:[A-Z][a-z]+ ){1,3}(?:County|Township))\b")
PROFILE = re.compile(r"^(Candidate|Name|Occupation|Endorsements?|Endorsed by)\s*:|\?\s", re.M)


@dataclass
class Seen:
    sentence: int
    token: int
    entity: Entity
    subject: bool


@dataclass
class Context:
    doc: Doc
    index: NameIndex
    governments: dict[str, Entity]
    profile: bool
    history: list[Seen] = field(default_factory=list)
    roles: dict[tuple[str, str], Entity] = field(default_factory=dict)   # (anchor name, role word) -> holder
    endorsers: list[Entity] = field(default_factory=list)
    employers: dict[str, list[Entity]] = field(default_factory=dict)   # person name -> organisations that employ them
    recipient: tuple[int, Mention] | None = None   # the last donation's recipient, and the sentence that named it
    sentence: int = 0
    author: Entity | None = None    # who "I" is in a first-person profile (``extract(speaker=...)``)
    race: str | None = None         # the office the document's candidates run for (:mod:`.race`)
    running: dict[str, str] = field(default_factory=dict)   # person name -> the office they run for
    unnamed: dict[int, Entity] = field(default_factory=dict)   # "A lobbyist" subjects, by token, until named

    # ---- building ---------------------------------------------------------------------------------
    @classmethod
    def build(cls, doc: Doc, speaker: str | None = None) -> Context:
        text = doc.text
        places = {m.group(1).strip().title().lower() for m in DATELINE.finditer(text)}
        places |= {e.text.lower() for e in doc.ents if e.label_ == "GPE"}
        index = NameIndex(doc, places)
        govs: dict[str, Entity] = {}
        for m in GOV.finditer(text):
            name = (m.group(1) or m.group(2)).strip()
            word = name.split()[0].lower() if m.group(1) else name.split()[-1].lower()
            govs.setdefault(word, index.entities.get(name.lower()) or Entity(name, "place" if m.group(1) else "org"))
        dateline = next((m.group(1).strip().title() for m in DATELINE.finditer(text)), None)
        if dateline:
            last = dateline.split()[-1].lower()
            if last in ("county", "township"):
                govs.setdefault(last, Entity(dateline, "org"))
            else:
                govs.setdefault("city", Entity(f"City of {dateline}", "place"))
                govs.setdefault("village", Entity(f"Village of {dateline}", "place"))
        for e in index.entities.values():
            low = e.name.lower()
            for word in ("county", "township"):
                if low.endswith(" " + word) and word not in govs:
                    govs[word] = e
        author = None
        if speaker and speaker.strip():
            author = index.entities.get(speaker.strip().lower()) or same_person(index, speaker.strip()) \
                or Entity(speaker.strip(), "person")
            author.name = speaker.strip()
        return cls(doc, index, govs, bool(PROFILE.search(text)) or author is not None, author=author)

    def main_person(self) -> Entity | None:
        if self.author is not None:
            return self.author
        people = [n.entity for n in self.index.names if n.entity.kind == "person"]
        return people[0] if people else None

    def remember(self, sent: Span, refs: list[tuple[Token, Entity]]) -> None:
        for tok, ent in refs:
            self.history.append(Seen(self.sentence, tok.i, ent, tok.dep_ in ("nsubj", "nsubjpass")))

    def learn(self, relation: str, subject: Mention, obj: Mention, detail: str) -> None:
        """What a claim just made tells later sentences: who employs whom ("her company"), who is whose
        relative ("my wife" after "Spouse: Linh Pham")."""
        ent = self.index.entities.get(obj.name.lower())
        org = self.index.entities.get(subject.name.lower())
        if relation == "employs" and ent is not None and org is not None and org.kind == "org":
            firms = self.employers.setdefault(obj.name, [])
            if org not in firms:
                firms.append(org)
        if relation == "donated":
            self.recipient = (self.sentence, obj)
        if relation == "candidate-for":
            self.running[subject.name] = obj.name
            self.race = obj.name
        person = self.index.entities.get(subject.name.lower())
        if relation == "holds-office" and person is not None and obj.name not in person.seats:
            person.seats.append(obj.name)
        if relation in ("spouse", "family") and ent is not None:
            for word in ("wife", "husband", "spouse") if relation == "spouse" else (detail,):
                self.roles.setdefault((subject.name, word), ent)
            other = self.index.entities.get(subject.name.lower())
            if relation == "spouse" and other is not None:
                for word in ("wife", "husband", "spouse"):
                    self.roles.setdefault((obj.name, word), other)

    # ---- resolving --------------------------------------------------------------------------------
    def mention(self, tok: Token | None) -> Mention | None:
        """The entity ``tok`` (the head of a noun phrase) stands for, as a :class:`Mention`."""
        if tok is None:
            return None
        found = self.resolve(tok, depth=0)
        if found is None:
            return None
        ent, span = found
        return Mention(span.text, ent.name, ent.kind, span.start_char, span.end_char)

    def resolve(self, tok: Token, depth: int) -> tuple[Entity, Span] | None:
        if depth > 3:
            return None
        doc = self.doc
        name = self.index.at(tok.i)
        if name is not None:
            return name.entity, doc[name.start:name.end]
        titled = self.index.by_token.get(tok.i)
        if titled is not None and titled.entity.kind == "person" and titled.title_start <= tok.i < titled.start \
                and not titled.org_start <= tok.i < titled.org_end:
            return titled.entity, doc[titled.start:titled.end]  # "A and Ald. Raymond Osterberg": the title heads the phrase
        low = tok.lower_
        if tok.pos_ == "PRON" or low in RELATIVE and tok.tag_ in ("WP", "WP$", "WDT"):
            ent = self.pronoun(tok)
            return (ent, doc[tok.i:tok.i + 1]) if ent else None
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        for child in tok.children:  # "her husband, Samuel Reyes" / "the committee, Citizens for X"
            if child.dep_ == "appos":
                found = self.resolve(child, depth + 1)
                one_word = low in KIN and child.pos_ == "PROPN" and not list(child.children)
                if found and one_word and " " not in found[0].name and found[0].kind in ("org", "place") \
                        and child.lower_ not in ORG_WORDS:
                    found[0].kind = "person"  # "her husband, Dominic", "their daughter, Imani": spaCy's label notwithstanding
                if found and found[0].kind != "place":
                    return found
                if found is None and one_word and child.pos_ == "PROPN" and not list(child.children):
                    ent = self.index.entities.setdefault(child.lower_, Entity(child.text, "person", first=child.i))
                    return ent, doc[child.i:child.i + 1]  # "her husband, Dominic"
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        phrase = " ".join(t.lower_ for t in tok.lefts if t.dep_ in ("compound", "amod") and t.pos_ != "PROPN") + " " + low
        phrase = phrase.strip()
        if poss is not None:
            owner = self.resolve(poss, depth + 1)
            if owner is None:
                return None
            if low in CAMPAIGN or phrase in CAMPAIGN:
                return owner if owner[0].kind == "person" else None
            if low in OWN_BUSINESS and owner[0].kind == "person":  # "my shop", "her husband's company"
                firms = [e for e in self.employers.get(owner[0].name, []) if set(e.name.lower().split()) & BUSINESS_WORDS]
                if firms:
                    return firms[-1], doc[tok.left_edge.i:tok.i + 1]
            for word in (phrase, low):
                held = self.roles.get((owner[0].name, word))
                if held is not None:
                    return held, doc[tok.left_edge.i:tok.i + 1]
            return None
        det = next((c for c in tok.children if c.dep_ == "det"), None)
        if det is not None and det.lower_ in ("a", "an") and (low in FORWARD or low in KIN) \
                and doc[det.i].is_sent_start and (tok.dep_ == "ROOT" or tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT"):
            ent = self.unnamed.setdefault(tok.i, Entity(f"{UNNAMED}{tok.i}", "person", first=tok.i))
            return ent, doc[det.i:tok.i + 1]  # "A lobbyist who ... has registered": named in the next sentence
        if det is not None and det.lower_ in ("the", "this", "that") and low in DESCRIPTIONS:
            ent = self.description(tok, phrase)
            return (ent, doc[det.i:tok.i + 1]) if ent else None
        if det is not None and det.lower_ == "the":
            ent = self.titled(low)
            return (ent, doc[det.i:tok.i + 1]) if ent else None
        return None

    def pronoun(self, tok: Token) -> Entity | None:
        low = tok.lower_
        if low in RELATIVE:
            clause = tok.head if low != "whose" else tok.head.head   # "Tran, whose husband ... is": the clause's verb
            for _ in range(4):
                if clause.dep_ in ("relcl", "acl") or clause.head.i == clause.i or clause.pos_ == "NOUN":
                    break
                clause = clause.head
            if clause.dep_ in ("relcl", "acl"):
                found = self.resolve(clause.head, 1)
                return found[0] if found else None
            return None
        if low in FIRST:
            speaker = self.speaker(tok)
            return speaker or (self.main_person() if self.profile else None)
        if low in WE:
            speaker = self.speaker(tok)
            if speaker is not None and speaker.kind == "org":
                return speaker
            return self.endorsers[-1] if self.endorsers else self.media()
        if low in ("it", "its"):
            for seen in reversed(self.history):
                if seen.entity.kind == "org" and seen.sentence >= self.sentence - 2:
                    return seen.entity
            return None
        gender = "m" if low in MALE else "f" if low in FEMALE else None
        if gender is None:
            return None
        return self.antecedent(tok, gender)

    def antecedent(self, tok: Token, gender: str, depth: int = 0) -> Entity | None:
        first = tok.sent.start  # once: ``Token.sent`` walks the document
        other = self.other_gender(tok, first, gender) if depth == 0 else set()
        fits = [s for s in self.history if s.entity.kind == "person" and s.entity.gender in (None, gender)
                and s.entity.name not in other]
        same = [Seen(self.sentence, n.end - 1, n.entity, self.doc[n.end - 1].dep_ in ("nsubj", "nsubjpass"))
                for n in self.index.names if first <= n.start and n.end <= tok.i and n.entity.kind == "person"
                and n.entity.gender in (None, gender) and not self.inside(tok, n.end - 1) and n.entity.name not in other]
        if same:
            subjects = [s for s in same if s.subject]
            return (subjects or same)[-1].entity
        for back in (1, 2):
            earlier = [s for s in fits if s.sentence == self.sentence - back]
            if not earlier:
                continue
            known = [s for s in earlier if s.entity.gender == gender]
            subjects = [s for s in earlier if s.subject]
            pick = (known if len({s.entity.name for s in known}) == 1 else None) or subjects[:1] or earlier[-1:]
            return pick[0].entity
        return None

    def introduced(self, sent: Span) -> Entity | None:
        """The person a sentence opens with as its subject and names for the first time ("Grant Fortescue, a
        partner at ..., filed"): who an unnamed subject of the sentence before ("A lobbyist who ...") is."""
        names = [n for n in self.index.names if sent.start <= n.start < sent.end]
        if not names or names[0].entity.kind != "person" or names[0].entity.first < sent.start:
            return None
        first = names[0]
        if any(not t.is_space and not t.is_punct for t in self.doc[sent.start:min(first.title_start, first.start)]):
            return None
        head = self.doc[first.end - 1]
        main = head.head.dep_ == "ROOT" or head.head.dep_ == "ccomp" and head.head.head.dep_ == "ROOT"  # "..., records show"
        return first.entity if head.dep_ in ("nsubj", "nsubjpass") and main else None

    def other_gender(self, tok: Token, first: int, gender: str) -> set[str]:
        """Who an earlier pronoun of the other gender in the sentence stands for: "she is married to his brother"
        cannot make "his" the woman "she" is."""
        words = FEMALE if gender == "m" else MALE
        out = set()
        for t in self.doc[first:tok.i]:
            if t.lower_ in words and t.pos_ == "PRON":
                ent = self.antecedent(t, "f" if gender == "m" else "m", depth=1)
                if ent is not None:
                    out.add(ent.name)
        return out

    def inside(self, pron: Token, token: int) -> bool:
        """True when ``token`` is the appositive the pronoun's own phrase names ("her husband, Sam")."""
        head = pron.head
        return any(c.dep_ == "appos" and c.left_edge.i <= token <= c.right_edge.i for c in head.children)

    def speaker(self, tok: Token) -> Entity | None:
        sent = tok.sent
        for t in sent:
            if t.lemma_ in SAY and t.pos_ == "VERB":
                subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.lower_ not in FIRST | WE and not (subj.left_edge.i <= tok.i <= subj.right_edge.i):
                    found = self.resolve(subj, 1)
                    if found:
                        return found[0]
        return None

    def media(self) -> Entity | None:
        for n in self.index.names:
            if n.entity.kind == "org" and n.entity.name.lower().split()[-1] in MEDIA_WORDS:
                return n.entity
        return None

    def description(self, tok: Token, phrase: str) -> Entity | None:
        low = tok.lower_
        sort = DESCRIPTIONS[low]
        if sort in ("city", "village", "county", "township"):
            return self.governments.get(sort) or (self.governments.get("city") if sort == "city" else None)
        words = phrase.split()
        orgs = [s.entity for s in reversed(self.history) if s.entity.kind == "org"]
        orgs += [n.entity for n in self.index.names if n.entity.kind == "org" and n.start < tok.i][::-1]
        for ent in orgs:
            if all(w in ent.name.lower().split() for w in words):
                return ent
        for ent in orgs:
            last = ent.name.lower().split()
            if low in ("committee", "campaign") and last[0] in ("friends", "citizens", "committee", "people"):
                return ent  # "the committee" after "Citizens for Siddiqui"
            if sort == "business" and set(last) & BUSINESS_WORDS:
                return ent
            if sort == "civic" and not set(last) & (BUSINESS_WORDS | GOVERNMENT_WORDS | MEDIA_WORDS):
                return ent
        return None

    def titled(self, word: str) -> Entity | None:
        for seen in reversed(self.history):
            if seen.entity.kind == "person" and word in seen.entity.offices:
                return seen.entity
        return None

    def government(self, word: str) -> Entity | None:
        return self.governments.get(word) or (self.governments.get("city") if word == "town" else None)


def same_person(index: NameIndex, name: str) -> Entity | None:
    """The person the text names as ``name`` less its middle initials ("Dana Ortiz" for "Dana M. Ortiz")."""
    words = [w for w in name.lower().split() if not (len(w.rstrip(".")) == 1)]
    for ent in index.entities.values():
        if ent.kind == "person" and [w for w in ent.name.lower().split() if len(w.rstrip(".")) > 1] == words:
            return ent
    return None


def kin_gender(word: str) -> str | None:
    return KIN.get(word)
