"""Endorsements read from word order when the parse is unreliable.

The small model often misparses endorsement sentences ("Firefighters Local 2291 on Tuesday endorsed
Ald. Chidi Okoye (5th) for mayor"), so the endorse verbs are also read linearly:

* active: the closest name or pronoun before the verb, with only adverbs, dates and "editorial board"
  between, endorses the people listed right after it ("A, B and incumbent C");
* passive ("X was endorsed in January by A and by B"): the names after "by" endorse the closest
  name before the verb;
* "declined/refused to endorse", "does not endorse", "will not endorse" make declined-to-endorse.

Only person or organisation endorsers and person endorsees give a claim.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from interlock.claims.context import Context
from interlock.claims.model import Mention
from interlock.claims.roles import Found

TRIGGERS = {"endorse", "endorses", "endorsed", "endorsing", "backed", "backs", "recommends", "recommended"}
BETWEEN_BEFORE = {"also", "on", "in", "last", "this", "earlier", "formally", "officially", "unanimously", "has", "have",
                  "had", "will", "would", "already", "editorial", "board", "now", "both", "each", "jointly",
                  "the", "of", "week", "month", "year", "today", "yesterday", "overwhelmingly", "quickly"}
LIST_WORDS = {",", "and", "or", "nor", "either", "neither", "both", "incumbent", "challenger", "former", "newcomer",
              "(", ")", "candidates", "candidate", "by"}
DECLINE = {"decline", "declined", "declines", "refuse", "refused", "refuses", "not", "n't", "never"}
PASSIVE_AUX = {"is", "was", "were", "are", "been", "be", "being", "has", "have", "had", "also"}
PROUD = {"be", "proud", "honored", "honoured", "pleased", "grateful", "happy", "'m", "am", "is", "are", "was", "were"}
PRONOUNS = {"we", "she", "he", "it", "they", "who", "which", "i", "her", "him", "them", "us", "me"}


def mention_at(ctx: Context, tok: Token) -> tuple[Mention, int, int] | None:
    """The mention a token begins or belongs to, with its token range (title included)."""
    name = ctx.index.at(tok.i)
    if name is not None:
        span = ctx.doc[name.start:name.end]
        start = min(name.title_start, name.start)
        return Mention(span.text, name.entity.name, name.entity.kind, span.start_char, span.end_char), start, name.end
    if tok.tag_ == "PRP$" or tok.dep_ == "poss":
        return None  # "her opponent": the noun, not the pronoun, is the mention
    if tok.lower_ in PRONOUNS or tok.pos_ in ("NOUN",) and any(c.dep_ == "det" for c in tok.children):
        m = ctx.mention(tok)
        if m is not None:
            return m, tok.i, tok.i + 1
    return None


def givers_before(ctx: Context, sent: Span, verb: Token) -> list[Mention]:
    """The closest name before the verb and the names joined to it by "and" or commas ("A and Ald. B have endorsed")."""
    first = giver_before(ctx, sent, verb)
    if first is None:
        return []
    out = [first]
    i = first_token(ctx, sent, verb) - 1
    while i > sent.start and ctx.doc[i].lower_ in (",", "and"):
        j = i - 1
        while j >= sent.start and (ctx.doc[j].lower_ in (",", "and", ")", "(") or ctx.doc[j].text[:-2].isdigit()):
            j -= 1
        found = mention_at(ctx, ctx.doc[j]) if j >= sent.start else None
        if found is None or found[0].kind not in ("person", "org"):
            break
        out.append(found[0])
        i = found[1] - 1
    return out


def first_token(ctx: Context, sent: Span, verb: Token) -> int:
    """Where the closest mention before the verb starts (its title included)."""
    i = verb.i - 1
    while i >= sent.start:
        found = mention_at(ctx, ctx.doc[i])
        if found is not None:
            return found[1]
        i -= 1
    return sent.start


def giver_before(ctx: Context, sent: Span, verb: Token) -> Mention | None:
    i = verb.i - 1
    while i >= sent.start:
        tok = ctx.doc[i]
        found = mention_at(ctx, tok)
        if found is not None:
            return found[0]
        if tok.text == ")":
            while i > sent.start and ctx.doc[i].text != "(":
                i -= 1  # "Ald. Raymond Osterberg (9th) endorsed"
            i -= 1
            continue
        if tok.lower_ in BETWEEN_BEFORE or tok.lower_ in DECLINE or tok.lower_ in ("to", "does", "did", "do") \
                or tok.lower_ in PROUD \
                or tok.ent_type_ == "DATE" or tok.pos_ == "ADV":
            i -= 1
            continue
        return None
    return None


def list_after(ctx: Context, sent: Span, start: int, kinds: tuple[str, ...]) -> list[Mention]:
    out: list[Mention] = []
    i = start
    while i < sent.end:
        tok = ctx.doc[i]
        found = mention_at(ctx, tok)
        if found is not None and found[2] < sent.end and ctx.doc[found[2]].lower_ in ("'s", "’s", "'"):
            break  # "never endorsed Holt's bids": a possessor is not the one endorsed
        if found is not None and found[0].kind in kinds:
            out.append(found[0])
            i = found[2]
            continue
        if tok.lower_ in ("in", "for") and i + 3 < sent.end and ctx.doc[i + 1].lower_ == "the" \
                and ctx.doc[i + 3].lower_ in ("district", "ward", "seat"):
            i += 4  # "recommends A in the 2nd District and B in the 4th District"
            continue
        if found is not None and found[0].kind not in kinds:
            break
        if tok.lower_ in LIST_WORDS or tok.like_num or tok.lower_ in ("the", "his", "her", "their", "its") \
                or tok.text[:-2].isdigit():
            i += 1
            continue
        if tok.lower_ in ("opponent", "rival", "challenger") and i + 1 < sent.end and ctx.doc[i + 1].text == ",":
            i += 2
            continue
        break
    return out


def endorse_claims(ctx: Context, sent: Span) -> list[Found]:
    out: list[Found] = []
    doc = ctx.doc
    triggers = [doc[i] for i in range(sent.start, sent.end) if doc[i].lower_ in TRIGGERS]
    for verb in triggers:
        if verb.lower_ not in TRIGGERS or (verb.lower_ == "recommended" and verb.nbor(-1).lower_ != "and"):
            continue
        before = [t.lower_ for t in sent.doc[max(sent.start, verb.i - 3):verb.i]]
        after = sent.doc[verb.i + 1].lower_ if verb.i + 1 < sent.end else ""
        passive = bool(set(before[-2:]) & PASSIVE_AUX - {"has", "have", "had"}) or after == "by" or before[-1:] == ["been"]
        if verb.lower_ in ("endorses", "backs", "recommends") or before[-1:] in (["has"], ["have"], ["had"]):
            passive = False
        declined = bool(set(before) & DECLINE)
        rel, detail = ("declined-to-endorse", "declined to endorse") if declined else ("endorsed", verb.lower_)
        if passive:
            by = next((t for t in sent.doc[verb.i + 1:min(sent.end, verb.i + 6)] if t.lower_ == "by"), None)
            if by is None:
                continue
            givers = list_after(ctx, sent, by.i + 1, ("person", "org"))
            taker = giver_before(ctx, sent, verb)
            takers = [taker] if taker is not None and taker.kind == "person" else []
        else:
            givers = [g for g in givers_before(ctx, sent, verb) if g.kind in ("person", "org")]
            takers = list_after(ctx, sent, verb.i + 1, ("person",))
        for g in givers:
            for t in takers:
                if g.name != t.name:
                    out.append(Found(rel, g, t, detail, verb))
                    ent = ctx.index.entities.get(g.name.lower())
                    if ent is not None and ent.kind == "org" and not declined:
                        ctx.endorsers.append(ent)
    return out
