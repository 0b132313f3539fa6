"""Claims carried by a verb: endorse, donate, pay, award, lobby, found, own, run, marry, elect, seek.

Each handler reads the verb's subject and objects from the parse (passive voice through the "by"
agent, shared subjects through conjunctions and relative clauses) and resolves them to mentions. A
handler that cannot resolve both ends returns nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from interlock.claims.context import Context
from interlock.claims.grammar import agent, child, conjuncts, negated, passive, phrase, pobj, subject
from interlock.claims.lexicon import CAMPAIGN, OFFICE
from interlock.claims.model import Mention
from interlock.claims.roles import Found, office_mention

Handler = Callable[[Context, Token], list[Found]]
GOV_WORDS = ("city", "village", "county", "township", "town", "district")
CONTRACT = {"contract", "contracts", "grant", "grants", "work", "deal", "award", "renewal", "extension", "lease"}
DONATION = {"contribution", "contributions", "donation", "donations", "campaign", "committee", "fund"}
PROUD = {"proud", "honored", "honoured", "pleased", "grateful", "happy"}
PUBLIC_BODIES = {"council", "board", "commission", "committee", "legislature", "senate", "house", "caucus", "trustees"}
SEATS = {w for o in OFFICE for w in o.split()} | {"board", "council", "seat", "senate", "house", "assembly", "legislature",
                                                   "commission", "congress", "district", "ward", "office", "mayor"}
AGENTS = {"lobbyist", "attorney", "lawyer", "counsel"}   # the roles that make their employer an agency
LEGAL = {"matters", "case", "lawsuit", "legal", "court", "clients", "client", "lobbying", "negotiations"}


def who(ctx: Context, tok: Token | None) -> Mention | None:
    if tok is None:
        return None
    m = ctx.mention(tok)
    if m is None and tok.pos_ == "NOUN":  # "a civil engineer employed by X": the noun's holder
        from interlock.claims.roles import holder
        m = holder(ctx, tok)
    return m


def entity_object(ctx: Context, verb: Token) -> list[Mention]:
    """The person or organisation a verb acts on: its first object that is not a sum. When that object
    stands for no one ("paid a landscaping firm run by ..."), a later one is a misparse, not the object."""
    out: list[Mention] = []
    for c in verb.children:
        if c.dep_ in ("dobj", "dative") and c.ent_type_ != "MONEY" and not c.like_num and c.text != "$":
            for t in conjuncts(c):
                m = who(ctx, t)
                if m is not None and m.kind in ("person", "org"):
                    out.append(m)
            if not out:
                return []
    return out


def endorse(ctx: Context, verb: Token) -> list[Found]:
    if verb.dep_ in ("xcomp", "advcl", "pcomp") and verb.head.lemma_ not in ("decline", "refuse") and not negated(verb) \
            and not (passive(verb) and verb.head.lower_ in PROUD):
        return []  # "we considered endorsing X": not an endorsement; "proud to be endorsed by X" is one
    if passive(verb):
        givers = [who(ctx, t) for t in conjuncts(agent(verb))]
        takers = [who(ctx, child(verb, "nsubjpass") or subject(verb))]  # "is running ... and has been endorsed by"
    else:
        givers = [who(ctx, t) for t in conjuncts(subject(verb))]
        takers = [who(ctx, t) for t in conjuncts(child(verb, "dobj"))]
        if not any(takers) and verb.dep_ in ("relcl",):
            takers = [who(ctx, verb.head)]
    declined = negated(verb)
    rel, detail = ("declined-to-endorse", "declined to endorse") if declined else ("endorsed", verb.text.lower())
    out = []
    for g in givers:
        for t in takers:
            if g is not None and t is not None and t.kind == "person" and g.name != t.name and g.kind in ("person", "org"):
                out.append(Found(rel, g, t, detail, verb))
                ent = ctx.index.entities.get(g.name.lower())
                if ent is not None and ent.kind == "org" and not declined:
                    ctx.endorsers.append(ent)
                office = pobj(verb, "for")
                if office is not None and not declined and office.pos_ == "NOUN":
                    seat = office_mention(phrase(office), office.left_edge, office.right_edge)
                    out.append(Found("candidate-for", t, seat, "endorsed for", verb))
    return out


def donate(ctx: Context, verb: Token) -> list[Found]:
    if verb.lemma_ == "give" and not any(t.ent_type_ == "MONEY" or t.text.startswith("$") for t in verb.subtree):
        return []
    target = pobj(verb, "to")
    if target is None:
        obj = child(verb, "dobj")
        target = pobj(obj, "to") if obj is not None else None
    taker = who(ctx, target)
    if target is None and ctx.recipient is not None and ctx.sentence - ctx.recipient[0] <= 1 and pobj(verb, "from") is None \
            and any(t.ent_type_ == "MONEY" or t.text.startswith("$") for t in verb.subtree):
        taker = ctx.recipient[1]  # "Briggs gave $5,000 to X on June 3. His wife donated $4,000 the same day."
    detail = verb.lemma_ if verb.lemma_ != "make" else "contribution"
    givers = [who(ctx, t) for t in conjuncts(subject(verb))]   # "A and her husband, B, each gave"
    return [Found("donated", g, taker, detail, verb) for g in givers
            if g is not None and taker is not None and g.name != taker.name]


def make(ctx: Context, verb: Token) -> list[Found]:
    obj = child(verb, "dobj")
    return donate(ctx, verb) if obj is not None and obj.lemma_ in ("contribution", "donation") else []


def receive(ctx: Context, verb: Token) -> list[Found]:
    taker = who(ctx, subject(verb))
    if taker is None:
        return []
    words = {t.lower_ for t in verb.subtree}
    source = pobj(verb, "from")
    subj = subject(verb)
    if words & CONTRACT and not source:
        gov = next((t.lower_ for t in verb.subtree if t.lower_ in GOV_WORDS and t.dep_ in ("compound", "amod", "nmod")), None)
        ent = ctx.government(gov) if gov else None
        if ent is not None:
            return [Found("awarded", Mention(gov or "", ent.name, ent.kind, verb.idx, verb.idx), taker, "received", verb)]
        return []
    giver = who(ctx, source)
    if giver is None or giver.name == taker.name:
        return []
    committee = taker.kind == "org" and taker.name.lower().split()[0] in ("friends", "citizens", "committee")
    campaign = committee or subj is not None and (subj.lower_ in CAMPAIGN or words & DONATION)
    return [Found("donated" if campaign else "paid", giver, taker, "received", verb)]


def pay(ctx: Context, verb: Token) -> list[Found]:
    if passive(verb):
        payer, payees = who(ctx, agent(verb)), [who(ctx, child(verb, "nsubjpass"))]
    else:
        payer = who(ctx, subject(verb))
        payees = list(entity_object(ctx, verb)) or [who(ctx, pobj(verb, "to"))]
    return [Found("paid", payer, p, "paid", verb) for p in payees if payer is not None and p is not None and p.name != payer.name]


def award(ctx: Context, verb: Token) -> list[Found]:
    if passive(verb):
        giver = who(ctx, agent(verb))
        takers = [who(ctx, child(verb, "nsubjpass"))]
        if giver is None:
            gov = next((t.lower_ for t in verb.sent if t.lower_ in GOV_WORDS), None)
            ent = ctx.government(gov) if gov else None
            giver = Mention(gov or "", ent.name, ent.kind, verb.idx, verb.idx) if ent else None
    else:
        giver = who(ctx, subject(verb))
        takers = [m for m in entity_object(ctx, verb)] or [who(ctx, pobj(verb, "to"))]
    return [Found("awarded", giver, t, verb.lemma_, verb) for t in takers
            if giver is not None and t is not None and t.kind in ("org", "person") and t.name != giver.name]


def have_contract(ctx: Context, verb: Token) -> list[Found]:
    """ "X holds a $9 million contract with the city", "X has a snow-removal contract with the village"."""
    obj = child(verb, "dobj")
    if obj is None or obj.lower_ not in CONTRACT:
        return []
    with_ = pobj(obj, "with", "from") or pobj(verb, "with", "from")
    giver = who(ctx, with_ or child(obj, "poss"))   # "holds a contract with the city", "has held the city's contract"
    taker = who(ctx, subject(verb))
    if giver is None or taker is None or taker.kind != "org":
        return []
    return [Found("awarded", giver, taker, f"{verb.lemma_} contract", verb)]


def renew(ctx: Context, verb: Token) -> list[Found]:
    """ "The district renewed the company's contract", "the county extended its contract with X": a government
    awards the contract again."""
    obj = child(verb, "dobj")
    if obj is None or obj.lower_ not in CONTRACT or passive(verb):
        return []
    giver = who(ctx, subject(verb))
    poss = child(obj, "poss")   # "its contract" is too loose a link: "its" may be the government itself
    taker = who(ctx, pobj(obj, "with", "to") or (poss if poss is not None and poss.pos_ != "PRON" else None))
    if giver is None or taker is None or not government(giver) or taker.kind != "org" or giver.name == taker.name:
        return []
    return [Found("awarded", giver, taker, verb.lemma_, verb)]


def government(m: Mention) -> bool:
    """A city, village, county, township or district (a "place", or an organisation so named)."""
    low = m.name.lower()
    return m.kind == "place" or low.split()[-1] in GOV_WORDS or low.startswith(("city of ", "village of ", "town of "))


def lobby(ctx: Context, verb: Token) -> list[Found]:
    lobbyist = who(ctx, subject(verb))
    client = who(ctx, pobj(verb, "for", "of"))
    if lobbyist is None or client is None or client.name == lobbyist.name:
        return []
    return [Found("represents", lobbyist, client, "lobbies for", verb)]


def include(ctx: Context, verb: Token) -> list[Found]:
    """ "a registered lobbyist whose clients include Y and Z"."""
    subj = child(verb, "nsubj")
    if subj is None or subj.lower_ not in ("clients", "client") or verb.dep_ != "relcl":
        return []
    from interlock.claims.roles import holder
    noun = verb.head
    lobbyist = holder(ctx, noun) if ctx.mention(noun) is None else ctx.mention(noun)
    out = []
    for t in conjuncts(child(verb, "dobj")):
        client = who(ctx, t)
        if lobbyist is not None and client is not None:
            out.append(Found("represents", lobbyist, client, "clients include", verb))
    return out


def list_as(ctx: Context, verb: Token) -> list[Found]:
    as_ = pobj(verb, "as")
    if as_ is None or as_.lower_ not in ("client", "clients"):
        return []
    agent_ = who(ctx, subject(verb))
    client = who(ctx, child(verb, "dobj"))
    return [Found("represents", agent_, client, "client", verb)] if agent_ and client else []


def represent(ctx: Context, verb: Token) -> list[Found]:
    """ "Crane represented the developer in the lawsuit"; "The firm represents X and Y" when the firm is known to
    employ a lobbyist or a lawyer ("joined Keel Street Advocates as a senior lobbyist")."""
    lawyer = who(ctx, subject(verb))
    if lawyer is None or negated(verb):
        return []
    agency = lawyer.kind == "org" and any(name == lawyer.name and word.split()[-1] in AGENTS for name, word in ctx.roles)
    if not agency and (lawyer.kind != "person" or not {t.lower_ for t in verb.sent} & LEGAL):
        return []
    clients = [who(ctx, t) for t in conjuncts(child(verb, "dobj"))]
    return [Found("represents", lawyer, c, "represents", verb) for c in clients
            if c is not None and c.kind in ("org", "person") and c.name != lawyer.name]


def found(ctx: Context, verb: Token) -> list[Found]:
    titles = {"found": "founder", "co-found": "co-founder", "own": "owner", "co-own": "co-owner", "run": "runs", "lead": "leads",
              "head": "head", "employ": "employee", "hire": "hired", "start": "founder", "establish": "founder"}
    title = titles.get(verb.lemma_.lower(), verb.lemma_)
    if passive(verb):
        orgs, people = [who(ctx, child(verb, "nsubjpass"))], [who(ctx, agent(verb))]
        if verb.lemma_ in ("employ", "hire"):
            orgs, people = people, orgs
    else:
        if verb.lemma_ == "hire" and pobj(verb, "as") is None:
            boss, firm = who(ctx, subject(verb)), who(ctx, child(verb, "dobj"))
            if boss is not None and firm is not None and government(boss) and firm.kind == "org" and boss.name != firm.name:
                return [Found("awarded", boss, firm, "hired", verb)]  # "which the township hired to clear storm damage"
            return []
        if verb.lemma_ == "employ" and pobj(verb, "as") is None:
            return []
        orgs, people = [who(ctx, t) for t in conjuncts(child(verb, "dobj"))], [who(ctx, subject(verb))]
        if verb.lemma_ in ("employ", "hire"):
            orgs, people = people, orgs
    out = []
    for org in orgs:
        for person in people:
            if org is None or person is None or org.kind != "org" or person.kind != "person":
                continue
            if verb.lemma_ in ("lead", "head", "run") and org.name.lower().split()[-1] in PUBLIC_BODIES:
                continue  # "who has led the council since 2020" holds an office there
            out.append(Found("employs", org, person, title, verb))
            partner = who(ctx, pobj(verb, "with")) if verb.lemma_ in ("found", "co-found", "start") else None
            if partner is not None and partner.kind == "person":
                out.append(Found("associate", person, partner, "co-founder", verb))
                out.append(Found("employs", org, partner, "co-founder", verb))
    return out


def retire(ctx: Context, verb: Token) -> list[Found]:
    org, person = who(ctx, pobj(verb, "from")), who(ctx, subject(verb))
    return [Found("employs", org, person, "retired from", verb)] if org and person and org.kind == "org" and person.kind == "person" else []


def work(ctx: Context, verb: Token) -> list[Found]:
    org, person = who(ctx, pobj(verb, "for", "at")), who(ctx, subject(verb))
    return [Found("employs", org, person, "works for", verb)] if org and person and org.kind == "org" and person.kind == "person" else []


def marry(ctx: Context, verb: Token) -> list[Found]:
    subj = subject(verb)
    a = who(ctx, subj)
    b = who(ctx, pobj(verb, "to")) or who(ctx, child(verb, "dobj"))
    if b is None and subj is not None and subj.conjuncts:
        b = who(ctx, subj.conjuncts[0])
    if a is None or b is None or a.name == b.name or a.kind != "person" or b.kind != "person" or negated(verb):
        return []
    return [Found("spouse", a, b, "spouse", verb)]  # the word a Family link reads as spouse


def elect(ctx: Context, verb: Token) -> list[Found]:
    person, body = who(ctx, subject(verb)), pobj(verb, "to")
    if person is None or body is None or body.lower_ not in ("board", "council", "commission", "legislature", "house", "senate"):
        return []
    return [Found("holds-office", person, office_mention(phrase(body), body.left_edge, body), "elected to", verb)]


def serve(ctx: Context, verb: Token) -> list[Found]:
    """ "I served eight years on the Kessler Library Board". ("served as City Clerk" is left alone for now: the
    profile ingester would make a second, jurisdiction-less position of the office its header already names.)"""
    person = who(ctx, subject(verb))
    spell = child(verb, "dobj", "npadvmod")   # "served two terms on the Dorrance School Board"
    body = pobj(verb, "on") or (pobj(spell, "on") if spell is not None and spell.lemma_ in ("term", "year") else None)
    if person is None or person.kind != "person" or body is None:
        return []
    name = ctx.index.at(body.i)
    if name is None or name.entity.kind != "org" or name.entity.name.lower().split()[-1] not in PUBLIC_BODIES:
        return []
    return [Found("holds-office", person, Mention(name.entity.name, name.entity.name, "office", body.idx, body.idx),
                  "served on", verb)]


def chair(ctx: Context, verb: Token) -> list[Found]:
    person, body = who(ctx, subject(verb)), child(verb, "dobj")
    if person is None or body is None or person.kind != "person" or body.lower_ not in ("committee", "board", "commission", "council"):
        return []
    text = f"{phrase(body)} chair"
    return [Found("holds-office", person, office_mention(text, body.left_edge, body), "chairs", verb)]


def run_for(ctx: Context, verb: Token) -> list[Found]:
    person = who(ctx, subject(verb))
    if person is None or person.kind != "person":
        return []
    target = pobj(verb, "for") if verb.lemma_ in ("run", "challenge") else child(verb, "dobj")
    if target is None:
        return []
    if target.lower_ in ("re-election", "reelection"):
        return seek_term(ctx, person, target, verb)
    if target.lower_ in ("term", "seat"):
        inner = pobj(target, "as", "on") or (target if target.lower_ == "seat" and child(target, "compound") else None)
        if inner is None:
            return seek_term(ctx, person, target, verb) if target.lower_ == "term" else []
        if target.lower_ == "seat":
            inner = target
        target = inner
    elif target.pos_ != "NOUN" or (verb.lemma_ == "seek" and target.lower_ not in OFFICE) \
            or not {t.lower_ for t in target.subtree} & SEATS:
        return []  # "run a business for 18 years" is no race
    return [Found("candidate-for", person, office_mention(phrase(target), target.left_edge, target), verb.lemma_, verb)]


def seek_term(ctx: Context, person: Mention, target: Token, verb: Token) -> list[Found]:
    """ "seeking a third term", "running for re-election": the office the person is known to hold, else nothing."""
    ent = ctx.index.entities.get(person.name.lower())
    offices = (ent.seats if ent else []) or [o for o in (ent.offices if ent else []) if o not in ("former", "incumbent")]
    if not offices:
        return []
    seat = Mention(offices[-1], offices[-1], "office", target.idx, target.idx)
    return [Found("candidate-for", person, seat, "seeking a term", verb)]


def challenge(ctx: Context, verb: Token) -> list[Found]:
    """ "He is being challenged by Democrat Yolanda Price", "Price is challenging Hutchins": the challenger runs
    for the office the challenged person is known to hold."""
    if pobj(verb, "for") is not None and not passive(verb):
        return run_for(ctx, verb)
    if passive(verb):
        challenger, held = who(ctx, agent(verb)), who(ctx, child(verb, "nsubjpass") or subject(verb))
    else:
        challenger, held = who(ctx, subject(verb)), who(ctx, child(verb, "dobj"))
    if challenger is None or held is None or challenger.kind != "person" or held.kind != "person":
        return []
    ent = ctx.index.entities.get(held.name.lower())
    if ent is None:
        return []
    seat = ent.seats[-1] if ent.seats else " ".join(w for w in ent.offices if w not in ("former", "incumbent"))
    if not seat:
        return []
    return [Found("candidate-for", challenger, Mention(seat, seat, "office", verb.idx, verb.idx), "challenger", verb)]


HANDLERS: dict[str, Handler] = {
    "endorse": endorse, "recommend": endorse, "back": lambda c, v: endorse(c, v) if passive(v) else [],
    "donate": donate, "contribute": donate, "give": donate, "make": make, "receive": receive, "pay": pay,
    "award": award, "grant": award, "renew": renew, "extend": renew, "have": have_contract, "hold": have_contract, "win": have_contract,
    "lobby": lobby, "include": include, "list": list_as, "represent": represent,
    "found": found, "co-found": found, "own": found, "run": lambda c, v: run_for(c, v) if pobj(v, "for") else found(c, v),
    "lead": found, "head": found, "employ": found, "hire": found, "retire": retire, "work": work, "teach": work, "serve": serve,
    "marry": marry, "married": marry, "elect": elect, "chair": chair, "seek": run_for, "challenge": challenge,
}


def verb_claims(ctx: Context, tok: Token) -> list[Found]:
    if tok.pos_ not in ("VERB", "AUX", "ADJ"):
        return []
    lemma = tok.lemma_.lower()
    if tok.lower_ == "married":
        lemma = "marry"
    handler = HANDLERS.get(lemma)
    if handler is None or tok.pos_ not in ("VERB", "AUX", "ADJ"):
        return []
    if lemma not in ENDORSING and (negated(tok) or hypothetical(tok)):
        return []  # "never lobbied for", "does not own", "would own ... if the sale closes"
    return handler(ctx, tok)


ENDORSING = {"endorse", "recommend", "back"}   # their handlers read a denial as declined-to-endorse
MODALS = {"would", "could", "might", "may", "should"}


def hypothetical(verb: Token) -> bool:
    """ "would own", "if X lobbies for Y", "could receive": not a statement that it is so."""
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in MODALS or c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether")
               for c in verb.children):
            return True
        if verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False
