"""Claims carried by a role word: titles in front of names ("Ald. Victor Nakamura (12th)", "Voss Homes
President Gerald Voss") and role nouns in apposition or after "is"/"as" ("her husband, Samuel Reyes",
"Samuel Reyes, the CEO of Reyes Paving", "Y is X's brother", "worked as X's chief of staff").

A role word relates its *holder* (the person it describes) to its *anchor* (whose role it is: the
possessor, or the object of "of"/"at"/"for"/"in"). The word decides the relation: a relative ->
spouse/family, a business partner -> associate, a job at an organisation -> employs, a public
office -> holds-office, "lobbyist for" -> represents, "client of" -> represents (reversed),
"candidate for" -> candidate-for. No holder or no anchor of the right kind: no claim.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Token

from interlock.claims.context import Context
from interlock.claims.grammar import child, phrase, pobj, subject
from interlock.claims.lexicon import ABBREVIATIONS, ASSOCIATE, JOB, KIN, NON_OFFICE_TITLES, OFFICE, SPOUSE
from interlock.claims.model import Mention

STAFF = {"chief of staff", "aide", "staffer", "spokesman", "spokeswoman", "spokesperson"}
LEGAL = {"attorney", "lawyer", "counsel", "general counsel"}
BODY = {"council", "committee", "board", "commission", "caucus", "legislature"}
SKIP_WORDS = {"term", "-", "former", "incumbent", "longtime", "the", "then", "current", "acting", "interim", "two-term"}


#: the words a role noun can end in ("partner" of "business partner", "chief" of "chief of staff"): other nouns are skipped
HEADS = {w.split(" of ")[0].split()[-1] for w in (*KIN, *ASSOCIATE, *JOB, *STAFF, *OFFICE, *LEGAL)} | {
    "client", "clients", "candidate", "member", "partner", "lobbyist", *ABBREVIATIONS}


class Found(NamedTuple):
    relation: str
    subject: Mention
    object: Mention
    detail: str
    trigger: Token


def office_mention(text: str, first: Token, last: Token) -> Mention:
    words = [ABBREVIATIONS.get(w.lower(), w) for i, w in enumerate(text.split())
             if w.lower() not in SKIP_WORDS or (w.lower() == "the" and i > 0)]
    return Mention(first.doc[first.i:last.i + 1].text, " ".join(words), "office", first.idx, last.idx + len(last.text))


def role_word(tok: Token) -> str:
    """The role as written: compounds in front ("chief executive", "business partner"), "of staff" after."""
    left = [t.lower_ for t in tok.lefts if t.dep_ in ("compound", "amod") and t.pos_ != "PROPN" and t.lower_ not in SKIP_WORDS]
    word = " ".join([*left, tok.lower_])
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        obj = child(of, "pobj")
        if obj is not None and obj.lower_ in ("staff", "operations"):
            word += f" of {obj.lower_}"
    return word


def kind_of_role(word: str) -> str | None:
    last = word.split()[-1]
    for candidate in (word, " ".join(word.split()[-2:]), last):
        if candidate in KIN:
            return "kin"
        if candidate in ASSOCIATE or candidate == "partner" and word != "partner":
            return "associate" if candidate != "partner" or word.split()[0] in ("business", "law") else "job"
        if candidate in ("client", "clients"):
            return "client"
        if candidate == "candidate":
            return "candidate"
        if candidate in LEGAL or candidate == "lobbyist":
            return "agent"
        if candidate in JOB or candidate in STAFF or candidate in OFFICE or candidate == "member":
            return "job"
    return None


def holder(ctx: Context, tok: Token) -> Mention | None:
    """The person a role noun describes."""
    for c in tok.children:
        if c.dep_ in ("appos",):
            m = ctx.mention(c)
            if m is not None and m.kind == "person":
                return m
    if tok.dep_ == "appos":
        head = tok.head
        if head.like_num and head.dep_ in ("appos", "npadvmod", "amod", "nummod") and head.head.i != head.i:
            head = head.head  # "Nwosu, 44, a nurse practitioner at ...": the age sits between
        return ctx.mention(head)
    if tok.dep_ == "compound" and ctx.index.at(tok.head.i):
        return ctx.mention(tok.head)
    if tok.dep_ in ("attr", "oprd") or (tok.dep_ == "pobj" and tok.head.lower_ == "as"):
        verb = tok.head if tok.dep_ != "pobj" else tok.head.head
        subj = subject(verb)
        if subj is not None and subj is not tok:
            return ctx.mention(subj)
    if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
        attr = child(tok.head, "attr")
        if attr is not None and ctx.index.at(attr.i):
            return ctx.mention(attr)
    return None


def anchor(ctx: Context, tok: Token) -> Mention | None:
    """Whose role it is: "X's husband", "CEO of X", "manager at X", "lobbyist for X", "joined X as ..."."""
    poss = child(tok, "poss")
    if poss is not None:
        return ctx.mention(poss)
    obj = pobj(tok, "of", "at", "for", "in", "with")
    if obj is not None:
        return ctx.mention(obj)
    for c in [t for t in tok.subtree if t.i < tok.i]:   # "a Meridian board member": "Meridian" may hang on "board"
        name = ctx.index.at(c.i)
        if c.dep_ == "compound" and name is not None and name.entity.kind == "org" and " " in name.entity.name:
            return ctx.mention(c)  # "a Meridian board member"; "a Fairmont police sergeant" names a place
    if tok.dep_ == "pobj" and tok.head.lower_ == "as":
        verb = tok.head.head
        obj = child(verb, "dobj")
        if obj is not None:
            return ctx.mention(obj)
        obj = pobj(verb, "at", "for", "with")
        if obj is not None:
            return ctx.mention(obj)
    return None


def role_claims(ctx: Context, tok: Token) -> list[Found]:
    if tok.lower_ not in HEADS or tok.pos_ not in ("NOUN", "PROPN") or tok.i in ctx.index.by_token:
        return []
    if tok.i + 1 < len(tok.doc) and tok.nbor(1).text == ":":
        return []  # "Township Supervisor: Ruth Castellano" labels a seat in a guide
    word = role_word(tok)
    sort = kind_of_role(word)
    if sort is None:
        return []
    who = holder(ctx, tok)
    if who is None or who.kind != "person":
        return []
    if sort == "candidate":
        obj = pobj(tok, "for")
        if obj is None:
            return []
        return [Found("candidate-for", who, office_mention(phrase(obj), obj.left_edge, obj.right_edge), "candidate", tok)]
    whose = anchor(ctx, tok)
    if sort == "agent" and pobj(tok, "for") is None and child(tok, "poss") is None:
        sort = "job"  # "a lobbyist with Stratton Public Affairs" works there; "a lobbyist for X" represents X
    if whose is None or whose.name == who.name:
        employed = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children) and pobj(tok, "in", "at", "for", "with")
        if sort == "job" and (word in OFFICE or word.split()[-1] in OFFICE) and word not in NON_OFFICE_TITLES and not employed:
            place = next((c for c in tok.lefts if c.dep_ == "compound" and ctx.index.at(c.i) is not None
                          and ctx.index.at(c.i).entity.kind == "place"), None)  # type: ignore[union-attr]
            if place is not None and word.split()[-1] in OFFICE:  # "Keith Lambert, the Grant City treasurer"
                text = f"{ctx.index.at(place.i).entity.name} {word}"  # type: ignore[union-attr]
                return [Found("holds-office", who, office_mention(text, place, tok), word, tok)]
            if word.split()[-1] in ("president", "chairman", "chair", "member", "treasurer", "director"):
                return []
            return [Found("holds-office", who, office_mention(word, tok, tok), word, tok)]
        return []
    return classify(ctx, tok, word, sort, who, whose)


def classify(ctx: Context, tok: Token, word: str, sort: str, who: Mention, whose: Mention) -> list[Found]:
    if sort == "kin" and whose.kind == "person":
        base = word if word in KIN else word.split()[-1]
        rel = "spouse" if base in SPOUSE else "family"
        remember(ctx, whose, base, who, KIN.get(base))
        return [Found(rel, whose, who, base, tok)]
    if sort == "associate" and whose.kind == "person":
        return [Found("associate", whose, who, word, tok)]
    if sort == "associate" and whose.kind == "org":
        return [Found("employs", whose, who, word, tok)]
    if sort == "client":
        return [Found("represents", whose, who, "client of", tok)]
    if sort == "agent":
        return [Found("represents", who, whose, word, tok)]
    if sort == "job" and whose.kind in ("org", "place") and whose.name.lower().split()[-1] in ("township", "county", "city", "village") \
            and word.split()[-1] in OFFICE and word not in JOB - OFFICE:
        text = f"{whose.name} {word}"
        return [Found("holds-office", who, Mention(text, text, "office", tok.idx, tok.idx + len(tok.text)), word, tok)]
    if sort == "job" and whose.kind == "org":
        last = whose.name.lower().split()[-1]
        if last in BODY and (word in OFFICE or word.split()[-1] in OFFICE | {"member"}):
            text = f"{word} of {whose.name}"
            return [Found("holds-office", who, Mention(text, text, "office", tok.idx, tok.idx + len(tok.text)), word, tok)]
        remember(ctx, whose, word, who, None)
        return [Found("employs", whose, who, word, tok)]
    if sort == "job" and whose.kind == "person" and word in STAFF:
        return [Found("employs", whose, who, word, tok)]
    if sort == "job" and whose.kind == "place" and (word in OFFICE or word.split()[-1] in OFFICE):
        text = f"{word} of {whose.name}"
        return [Found("holds-office", who, Mention(text, text, "office", tok.idx, tok.idx + len(tok.text)), word, tok)]
    if sort == "job" and whose.kind == "place" and whose.name.lower().startswith(("city of ", "village of ", "town of ")):
        return [Found("employs", whose, who, word, tok)]  # "the city's budget director": a government employs
    return []


def remember(ctx: Context, whose: Mention, word: str, who: Mention, gender: str | None) -> None:
    ent = ctx.index.entities.get(who.name.lower())
    if ent is None:
        return
    ctx.roles[(whose.name, word)] = ent
    if gender and ent.gender is None:
        ent.gender = gender


def title_claims(ctx: Context, sent_start: int, sent_end: int) -> list[Found]:
    """Titles in front of names: "Lakeport City Clerk Dana Ortiz", "Ald. Victor Nakamura (12th)"."""
    out: list[Found] = []
    doc = ctx.doc
    for name in ctx.index.names:
        if not (sent_start <= name.start < sent_end) or name.title_start >= name.start or name.entity.kind != "person":
            continue
        org_start, org_end = name.org_start, name.org_end
        if org_start >= 0 and ctx.mention(doc[org_end - 1]) is None \
                and all(t.ent_type_ in ("GPE", "LOC") or t.lower_ in ctx.index.places for t in doc[org_start:org_end]):
            org_start = -1  # "Elmwood Township Supervisor Gail Mercer": a place in front of an office
        if org_start < 0 and name.title_start > 0:
            before = ctx.index.at(name.title_start - 1)   # "Keystone president Brenda Moss"
            if before is not None and before.entity.kind == "org" and before.entity.kind != "person" \
                    and not doc[name.title_start].text[:1].isupper():
                org_start, org_end = before.start, name.title_start
        first = org_end if org_start >= 0 else name.title_start
        words = [t for t in doc[first:name.start] if t.lower_ not in ("the",)]
        if not words:
            continue
        title = " ".join(t.text for t in words)
        low = [ABBREVIATIONS.get(t.lower_, t.lower_) for t in words if t.lower_ not in SKIP_WORDS]
        if not low or low[-1] in NON_OFFICE_TITLES or "elect" in low[-1] or doc[name.start - 1].text.endswith("-elect"):
            continue
        span = doc[name.start:name.end]
        person = Mention(span.text, name.entity.name, "person", span.start_char, span.end_char)
        tail = " ".join(low[-2:]) if len(low) > 1 else low[-1]
        if org_start >= 0:
            org = ctx.mention(doc[org_end - 1])
            if org is not None and org.kind == "org" and (tail in JOB or low[-1] in JOB):
                remember(ctx, org, " ".join(low), person, None)
                out.append(Found("employs", org, person, " ".join(low), doc[name.start]))
            continue
        if low[-1] in OFFICE or tail in OFFICE or low[-1] == "member":
            if low[-1] in ("director", "manager", "executive") or (len(low) == 1 and low[0] in ("chairman", "chair", "member")):
                continue
            ward = ""
            end = name.end
            if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 1].text[:1].isdigit() and doc[end + 2].text == ")":
                ward = f" of the {doc[end + 1].text} Ward"
            office = office_mention(title + ward, words[0], words[-1])
            ctx.index.entities[name.entity.name.lower()].offices.extend(low)
            out.append(Found("holds-office", person, office, title, doc[name.start]))
    return out
