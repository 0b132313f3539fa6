"""Candidacies read from the race a document is about, not from a verb or a title of their own::

    One of five candidates for three seats on the Brightwater School Board ...   -> the race: Brightwater School Board
    Candidate Gloria Estrada is the founder of ...                              -> candidate-for the race
    The other candidates are incumbents Ben Whitlock and Sandra Okafor.         -> candidate-for the race, each
    Oyelaran's Republican opponent, Tessa Lindqvist, called ...                 -> candidate-for what Oyelaran runs for

The race is the office last named after "candidates for" / "race for", or in the last candidate-for claim.
Without a race known, none of these gives a claim.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from interlock.claims.context import Context
from interlock.claims.grammar import child, phrase, pobj
from interlock.claims.model import Mention
from interlock.claims.roles import Found, holder

RACE_WORDS = {"candidate", "candidates", "race", "contest", "contenders"}
SEAT_WORDS = {"board", "council", "commission", "senate", "house", "assembly", "trustee", "trustees", "mayor", "clerk",
              "supervisor", "sheriff", "district", "ward", "treasurer", "assessor", "alderman", "representative"}
FIELD = {"candidates", "challengers", "contenders", "candidate"}     # "the other candidates are ..."
RIVAL = {"opponent", "challenger", "rival"}                         # "X's opponent, Y"


def learn_race(ctx: Context, sent: Span) -> None:
    """ "candidates for three seats on the Brightwater School Board", "the race for mayor": the office."""
    for tok in sent:
        if tok.lower_ not in RACE_WORDS:
            continue
        target = pobj(tok, "for")
        if target is not None and target.lower_ in ("seat", "seats"):
            target = pobj(target, "on", "in", "for") or target
        if target is None:
            continue
        name = ctx.index.at(target.i)
        text = name.entity.name if name is not None and name.entity.kind == "org" else phrase(target)
        if {w.lower() for w in text.split()} & SEAT_WORDS:
            ctx.race = text


def race_claims(ctx: Context, sent: Span) -> list[Found]:
    out: list[Found] = []
    for name in ctx.index.names:   # "Candidate Gloria Estrada"
        if sent.start <= name.start < sent.end and name.title_start == name.start - 1 and ctx.race \
                and ctx.doc[name.title_start].text == "Candidate" and name.entity.kind == "person":
            span = ctx.doc[name.start:name.end]
            out.append(Found("candidate-for", Mention(span.text, name.entity.name, "person", span.start_char, span.end_char),
                             seat(ctx.race, span[0]), "candidate", ctx.doc[name.title_start]))
    for tok in sent:
        if tok.lower_ in FIELD and tok.dep_ == "nsubj" and child(tok, "det") is not None and ctx.race \
                and tok.head.lemma_ in ("be", "include"):
            out += [Found("candidate-for", m, seat(ctx.race, tok), "candidates are", tok) for m in field(ctx, tok.head)]
        if tok.lower_ in RIVAL:
            out += rival(ctx, tok)
    return out


def field(ctx: Context, verb: Token) -> list[Mention]:
    """The people named after "are"/"include", up to a relative pronoun or another verb."""
    out: list[Mention] = []
    for tok in ctx.doc[verb.i + 1:verb.sent.end]:
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod",) or tok.lower_ in ("who", "whom", "whose", "which", "that"):
            break
        name = ctx.index.at(tok.i)
        if name is not None and tok.i == name.end - 1 and name.entity.kind == "person":
            span = ctx.doc[name.start:name.end]
            out.append(Mention(span.text, name.entity.name, "person", span.start_char, span.end_char))
    return out


def rival(ctx: Context, tok: Token) -> list[Found]:
    poss = child(tok, "poss")
    other = ctx.mention(poss) if poss is not None else None
    office = ctx.running.get(other.name) if other is not None else None
    who = holder(ctx, tok)
    if office is None or who is None or who.kind != "person" or who.name == other.name:  # type: ignore[union-attr]
        return []
    return [Found("candidate-for", who, seat(office, tok), "opponent", tok)]


def seat(text: str, tok: Token) -> Mention:
    return Mention(text, text, "office", tok.idx, tok.idx + len(tok.text))
