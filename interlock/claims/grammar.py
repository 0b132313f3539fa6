"""Small helpers over spaCy's dependency parse: subjects, objects, conjuncts and phrases."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

NEGATIONS = {"not", "never", "n't", "no"}
DECLINE = {"decline", "refuse", "withhold", "reject"}
RELATIVES = {"who", "that", "which"}


def child(tok: Token, *deps: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def pobj(tok: Token, *preps: str) -> Token | None:
    """The object of a preposition hanging on ``tok`` ("to" -> "Citizens for Siddiqui")."""
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            obj = child(c, "pobj")
            if obj is not None:
                return obj
            inner = child(c, "prep")  # "on behalf of X"
            if inner is not None:
                return pobj(inner, "of") if inner.lower_ == "of" else None
        if c.dep_ == "prep" and c.lower_ == "on" and "behalf" in [g.lower_ for g in c.subtree] and "of" in preps:
            behalf = child(c, "pobj")
            if behalf is not None and behalf.lower_ == "behalf":
                return pobj(behalf, "of")
    return None


def conjuncts(tok: Token | None) -> list[Token]:
    """``tok`` and the words joined to it by "and"/"or"; "by X and by Y" too."""
    if tok is None:
        return []
    out = [tok, *tok.conjuncts]
    if tok.head.dep_ in ("agent", "prep") and tok.dep_ == "pobj":
        for prep in tok.head.conjuncts:
            obj = child(prep, "pobj")
            if obj is not None:
                out += [obj, *obj.conjuncts]
    return out


def subject(verb: Token) -> Token | None:
    """The grammatical subject, borrowed from the verb it is joined to, or the noun a clause modifies."""
    seen = 0
    while seen < 4:
        seen += 1
        subj = child(verb, "nsubj", "nsubjpass")
        if subj is not None:
            return subj if not after_preposition(subj) else relative_head(subj)
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            verb = verb.head
            continue
        if verb.dep_ in ("relcl", "acl") and verb.head.i != verb.i:
            return verb.head
        return None
    return None


def after_preposition(subj: Token) -> bool:
    """A "subject" right after a preposition is a misparsed object: in "a lobbyist who is a cousin of Mayor X
    has registered to lobby ...", the small model makes "X" the subject of "has registered"."""
    first = subj.left_edge
    return first.i > first.sent.start and first.nbor(-1).pos_ == "ADP" and first.nbor(-1).dep_ in ("prep", "agent")


def relative_head(tok: Token) -> Token | None:
    """The noun a relative clause around ``tok`` modifies ("a lobbyist who is a cousin of X": "lobbyist"),
    or None: a name inside the clause is never the subject of the verb after it."""
    for up in tok.ancestors:
        if up.dep_ == "relcl" and any(c.lower_ in RELATIVES and c.dep_ in ("nsubj", "nsubjpass") for c in up.children):
            return up.head
    return None


def passive(verb: Token) -> bool:
    return child(verb, "nsubjpass", "auxpass") is not None


def agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            return child(c, "pobj")
    return None


def negated(verb: Token) -> bool:
    """True for "did not endorse", "declined to endorse", "will not endorse"."""
    if any(c.dep_ == "neg" or c.lower_ in NEGATIONS for c in verb.children):
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and (head.lemma_ in DECLINE or any(c.dep_ == "neg" for c in head.children))


def objects(verb: Token) -> Iterator[Token]:
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "attr", "oprd"):
            yield c


def phrase(tok: Token) -> str:
    """A noun phrase without its article, appositives, relative clauses or trailing punctuation:
    "the 12th Ward", "mayor of Millbrook", "the City Council's Finance Committee"."""
    keep = [tok]
    for c in tok.lefts:
        if c.dep_ in ("compound", "amod", "nummod", "poss", "case", "nmod") and c.lower_ not in ("former", "second", "third"):
            keep += list(c.subtree)
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ in ("of", "on"):
            keep += list(c.subtree)
        if c.dep_ == "case":
            keep.append(c)
    words = sorted(set(keep), key=lambda t: t.i)
    words = [w for w in words if w.dep_ != "det" and w.dep_ != "punct" and w.lower_ not in ("a", "an", "the")]
    return " ".join(w.text for w in words).replace(" 's", "'s").replace(" ’s", "’s")
