"""Claims read from word order over the mentions the name finder produced, for the plain constructions
of the genre that the small model often misparses ("is married to" as an adjective, "Reyes lobbies for"
with "lobbies" as a plural noun).

A sentence is rewritten as a line of words in which every mention is a placeholder naming its kind
(``<P3>`` a person, ``<O5>`` an organisation, ``<G7>`` a government or place; ``<P3w>`` when the mention
is a relative pronoun: "who", "which"), possessive pronouns become the mention plus ``'s`` ("her
husband" -> ``<P3> 's husband``), numbers become ``#`` and "the" in front of a mention is dropped::

    LAKEPORT — Lakeport City Clerk Dana Ortiz is married to Samuel Reyes, a registered lobbyist.
    <G0> — <P1> is married to <P2> , a registered lobbyist .

Each pattern is a regular expression over that line with named ends (``a``, ``b``; ``h`` the holder of
a role word and ``n`` its anchor), so an end is always a whole mention of the kind the pattern allows.
Guards, all of which give nothing: a negation or a hypothetical ("if", "would") in the matched words
or just before them; a doubting word ("denied", "rumored") earlier in the sentence; a match inside
quotation marks; an object that is itself a possessor ("married to Tran's daughter" is not married to
Tran). Role words ("the CEO of", "a lobbyist for", "the daughter of") are classified exactly as
:mod:`.roles` classifies them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from interlock.claims.context import Context
from interlock.claims.lexicon import ASSOCIATE, BUSINESS_WORDS, JOB, KIN, OFFICE
from interlock.claims.model import Mention
from interlock.claims.roles import STAFF, Found, classify, kind_of_role, office_mention
from interlock.claims.surface import mention_at

KIND_LETTER = {"person": "P", "org": "O", "place": "G", "office": "F"}
RELATIVES = {"who", "whom", "which", "that"}
POSSESSIVES = {"his", "her", "its", "my", "our", "their"}
NEGATION = {"not", "n't", "never", "no", "nor", "neither", "without", "denied", "denies", "deny"}
HYPOTHETICAL = {"if", "would", "could", "might", "may", "whether", "unless", "should", "considered", "considering",
                "plans", "planned", "proposed", "hopes", "wants", "seeking"}
DOUBT = {"denied", "denies", "deny", "rumored", "rumors", "rumor", "alleged", "allegedly", "falsely", "disputed",
         "speculated", "speculation", "whether"}
QUOTES = {'"', "“", "”"}
OF_BEFORE = re.compile(r"(?:^|\s)(?:of|for) (?:[a-z-]+ ){0,2}$")
GOV_NOUNS = ("city", "village", "county", "township", "town", "district", "state", "park district", "school district")

# ---- the vocabulary, as regular-expression alternations over the rewritten line ---------------------


def alt(words: set[str] | list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def words(text: str) -> str:
    """ "gave donated" -> "(?:gave|donated)": a space-separated list of alternatives."""
    return "(?:" + "|".join(text.split()) + ")"


BE = r"(?:is|was|am|are|were|has been|have been|had been|'s|’s)"
APPOS = r"(?:, [^,]{1,70}? )?,? ?"   # "X, 47, is ...", "X, the alderman's brother, lobbies ..."
ADV = r"(?:(?:also|now|still|currently|long|once|previously|formerly|reportedly|both) )?(?:has |had |have )?"
ART = r"(?:(?:a|an|the|one) )?"
ABOUT = words("about nearly almost roughly approximately some over another") + "|at least|more than|an additional"
MONEY = rf"(?:(?:{ABOUT}) )?\$ #(?: (?:million|billion|thousand))?"
MODS = "(?:" + words("registered longtime long-time current top senior part-time full-time paid outside in-house chief "
                     "founding managing") + " )*"
FORMER = r"(?:(?:former|onetime|then) )?"
KIN_MODS = r"(?:(?:first|second|#|older|younger|twin) )?"   # "a first cousin" ("first" reads as a number: "#")
KIN_RE = alt(set(KIN))
ROLE_WORDS = (JOB | OFFICE | STAFF | ASSOCIATE | {"lobbyist", "client", "attorney", "lawyer", "counsel", "co-owner",
                                                    "operator", "board member"}) - {"head", "employee", "officer", "member",
                                                                                    "executive"}
ROLE_RE = alt(ROLE_WORDS)
ANY_ROLE = alt(ROLE_WORDS | set(KIN))   # the second of "his brother and business partner, X"
CONTRACT = r"(?:[\w-]+ ){0,3}?(?:contract|contracts|grant|grants|deal|award|bid|renewal|extension|lease)"
A_CONTRACT = rf"(?:a |an )?(?:{MONEY} )?{CONTRACT}"
LIST = r"(?P<list>{x}(?: (?:,|and|, and|as well as) {x})*)"
GIVE = words("gave donated contributed give gives donates contributes given")
GIFT = rf"(?:a |an )?{MONEY} (?:in (?:campaign )?(?:contributions|donations) |(?:campaign )?(?:contribution|donation) )?"
CAMPAIGN_FUND = r"(?:[\w-]+ )?(?:campaign|committee|campaign fund|campaign committee|fund|war chest)"
PAY = words("paid pays pay")
AWARD = words("awarded awards granted gave")
WIN = words("won wins received receives landed secured got") + "|was awarded|were awarded|has been awarded"
OWN = words("owns owned co-owns co-owned founded co-founded runs ran heads headed operates operated started")
OWNED_ACTIVE = words("founded co-founded started owns owned runs ran heads headed")
OWNED = words("owned co-owned founded co-founded run operated headed led started")
LOBBY = words("lobbies lobbied lobby lobbying")
HIRED_AS = r"(?:to lobby|to represent|as (?:its|their|his|her|a) (?:[\w-]+ )?(?:lobbyist|attorney|lawyer|counsel))"
BEFORE = r"(?:before|in front of|at|in (?:its|their|his|her) dealings with)"
BODIES = {"senate", "assembly", "congress", "legislature", "council", "board", "commission"}   # "running for state senate"
SEAT = rf"(?:the |a |an )?(?:[\w.'’-]+ ){{0,4}}?{alt(OFFICE | BODIES)}\b"
SEAT += r"(?: of (?:the )?(?:[\w'’-]+ ){0,3}?(?:ward|district|board|council|commission|committee))?"
TERM = r"re-election|reelection|a (?:second|third|fourth|fifth|new|another|full|#) term"   # "fourth" reads as "#"
CLIENT_MODS = r"(?:(?:only|sole|main|biggest|largest|top|newest|other|lobbying) )?"
BUSINESS_NOUN = words("company firm business contractor chain dealership vendor shop store agency practice")
EMPLOYED_BY = r"(?:employed by|working for|who works for|who works at)"
ENDORSE = words("endorsed endorses endorsing endorse backs backed recommends recommended")


def ends(pattern: str) -> str:
    """``{a:PO}`` -> a named group holding one mention of kind P or O; ``{a:P+w}`` admits relative pronouns.

    An end never stands right before "'s" (a possessor is not the end: "married to Tran's daughter").
    """
    def one(m: re.Match[str]) -> str:
        name, kinds = m.group(1), m.group(2)
        rel = "w?" if kinds.endswith("+w") else ""
        return rf"(?P<{name}><[{kinds.removesuffix('+w')}]\d+{rel}>)(?! 's| ’s)"

    def many(m: re.Match[str]) -> str:  # {list:PO}
        x = rf"<[{m.group(1)}]\d+>(?! 's| ’s)"
        return LIST.replace("{x}", x)

    pattern = re.sub(r"\{list:([A-Z]+)\}", many, pattern)
    return re.sub(r"\{(\w+):([A-Z+w]+)\}", one, pattern)


END_GROUPS = {"a", "b", "h", "n", "list"}
POSS = r"(?P<n><[{k}]\d+>) (?:'s|’s|')"   # the possessor in "X's husband", "its lobbyist"

# ---- the patterns ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    relation: str          # a relation, or "role" (classified as :mod:`.roles` does) or "gov-award"
    regex: re.Pattern[str]
    detail: str = ""
    reverse: bool = False  # the relation's subject is ``b``
    ends: int = 2          # how many mentions a match holds at least: a line with fewer is not tried


def pattern(relation: str, text: str, detail: str = "", reverse: bool = False) -> Pattern:
    regex = re.compile(ends(text))
    return Pattern(relation, regex, detail, reverse, min(2, len(set(regex.groupindex) & END_GROUPS)))


def role_patterns() -> list[Pattern]:
    """A role word with its holder ``h`` and anchor ``n``: appositive, copular and possessive orders."""
    out = []
    for words, preps in ((KIN_RE, "of"), (ROLE_RE, "of|at|for|with|in")):
        mods = KIN_MODS if words == KIN_RE else FORMER + MODS
        role = rf"(?P<t>{mods}{words})"
        anchor = rf"(?:{preps}) {{n:POG}}"
        out += [
            pattern("role", rf"{{h:P+w}} , {ART}{role} {anchor}"),                      # X, the CEO of Y
            pattern("role", rf"{{h:P+w}} {APPOS}{BE} {ADV}{ART}{role} {anchor}"),  # X is the wife of Y
            pattern("role", rf"{POSS.format(k='POG')} {role}(?: and (?P<t2>{ANY_ROLE}))? ,? {{h:P}}"),  # Y's CEO, X / her husband, X
            pattern("role", rf"{{h:P}} , {POSS.format(k='POG')} {role}\b"),               # X, Y's husband
            pattern("role", rf"{{h:P+w}} {APPOS}{BE} {ADV}{POSS.format(k='POG')} {role}\b"),     # X is Y's brother
            pattern("role", rf"{ART}{role} {anchor} , {{h:P}} ,"),                        # the owner of Y, X,
            pattern("role", rf"(?P<n><[POG]\d+>) and (?:his|her|their|its) {role} ,? {{h:P}}"),  # X and her husband, Y
            pattern("role", rf"{{h:P+w}} {APPOS}{ADV}(?:has |had )?(?:joined|rejoined) {{n:O}} (?:in [\w#]+ )?as {ART}{role}"),
            pattern("role", rf"{{n:O}} , where {{h:P}} {BE} {ADV}{ART}{role}"),           # Y, where she is the founding partner
            pattern("role", rf"{{h:P+w}} {APPOS}{BE} {ADV}{ART}(?:[\w-]+ )?{role} {EMPLOYED_BY} {{n:O}}"),
        ]
    return out


PATTERNS: list[Pattern] = [
    # spouse ("spouse" is the word a Family link reads as a marriage)
    pattern("spouse", rf"{{a:P+w}} {APPOS}{BE} {ADV}(?P<t>married|wed) to {{b:P}}", "spouse"),
    pattern("spouse", rf"{{a:P+w}} {ADV}(?P<t>married|wed) {{b:P}}", "spouse"),
    pattern("spouse", rf"{{a:P+w}} {BE} {ADV}(?P<t>married) to {POSS.format(k='P')} {KIN_RE} ,? {{b:P}}", "spouse"),
    pattern("spouse", rf"{{a:P}} and {{b:P}} (?:{BE}|got) {ADV}(?P<t>married)", "spouse"),
    # represents
    pattern("represents", rf"{{a:PO+w}} {APPOS}{ADV}(?P<t>{LOBBY}) (?:for|on behalf of) {{list:PO}}", "lobbies for"),
    pattern("represents", rf"{{a:PO+w}} {APPOS}{ADV}(?P<t>represents|represented) {{list:PO}} {BEFORE} ", "represents"),
    pattern("represents", rf"{{b:PO+w}} {ADV}(?P<t>hired|retained|engaged|employs|employed) {{a:PO}} {HIRED_AS}", "hired to lobby"),
    pattern("represents", rf"(?P<a><[PO]\d+>) (?:'s|’s|') {CLIENT_MODS}(?P<t>clients) {ADV}(?:include|included|includes|are|were) "
                          r"{list:PO}", "clients include"),
    pattern("represents", rf"{{a:PO+w}} {ADV}(?P<t>lists|listed|registered|counts) {{list:PO}} as "
                          rf"(?:a |one of (?:its|his|her|their) |(?:its|his|her|their) )?{CLIENT_MODS}clients?\b", "client"),
    pattern("represents", rf"(?P<t>list|lists|listed|name|names|named|show|shows|showed) {{list:POG}} as "
                          rf"(?:one of )?(?P<a><[PO]\d+>) (?:'s|’s) {CLIENT_MODS}clients?\b", "client"),
    # employs
    pattern("employs", rf"{{a:P+w}} {APPOS}{ADV}(?P<t>{OWN}) {{b:O}}", "", reverse=True),
    pattern("employs", rf"{{b:O+w}} {APPOS}{BE} {ADV}(?P<t>{OWNED}) by {{a:P}}", "", reverse=True),
    pattern("employs", rf"{{b:O}} , (?:a|an|the) (?:[\w-]+ ){{0,3}}?{BUSINESS_NOUN} (?P<t>{OWNED}) by {{a:P}}", "", reverse=True),
    pattern("employs", rf"{{b:O}} , (?:<O\d+>|(?:a|an|the) (?:[\w-]+ ){{0,3}}?{BUSINESS_NOUN}) (?:that |which )?(?:<P\d+> 's {KIN_RE} , )?"
                       rf"{{a:P}} ,? {ADV}(?P<t>{OWNED_ACTIVE})\b", "", reverse=True),   # "X, the company Briggs founded"
    pattern("employs", rf"{{a:P+w}} {APPOS}{ADV}(?P<t>works|worked|work|working) (?:for|at) {{b:O}}", "works for", reverse=True),
    pattern("at-business", r"(?:^|, |\( )(?P<a><P\d+>) (?P<t>of) {b:O}(?= ,| \.| \)| and|$)", "of",
            reverse=True),   # "Felicia Grant of Grant & Moreau LLP"
    pattern("at-business", rf"{{a:P+w}} {APPOS}{ADV}(?:[^<,.]{{0,40}}?(?:<P\d+> 's )?[^<,.]{{0,30}}? and )?(?P<t>joined|rejoined) {{b:O}}"
                       r"(?! as)", "joined", reverse=True),
    pattern("employs", rf"{{a:P+w}} {APPOS}{ADV}(?P<t>left|joined|worked in|works in|served in) (?P<b><P\d+>) (?:'s|’s) "
                       r"(?:[\w-]+ )?(?:office|staff)\b", "staff", reverse=True),   # "left Kowalczyk's office"
    pattern("employs", rf"{{a:P+w}} {BE} {ADV}(?P<t>employed) (?:by|at) {{b:O}}", "employee", reverse=True),
    # donated
    pattern("donated", rf"{{a:PO+w}} {APPOS}{ADV}(?P<t>{GIVE}) {MONEY} (?:in [\w-]+ )?(?:to|toward) {{b:PO}}", "donated"),
    pattern("donated", rf"{{a:PO+w}} {APPOS}{ADV}(?P<t>{GIVE}) {MONEY} (?:in [\w-]+ )?(?:to|toward) (?P<b><P\d+>) (?:'s|’s) "
                       rf"{CAMPAIGN_FUND}\b(?!(?: [\w-]+)? , <O)", "donated"),
    pattern("donated", rf"{{a:PO+w}} {APPOS}{ADV}(?P<t>{GIVE}) {MONEY} (?:in [\w-]+ )?(?:to|toward) <P\d+> (?:'s|’s) "
                       rf"{CAMPAIGN_FUND} , {{b:O}}", "donated"),   # "to Kerrigan's political fund, the 19th Ward ..."
    pattern("donated", rf"{{a:PO+w}} {ADV}(?P<t>made) (?:a |an )?{MONEY} (?:[\w-]+ )?(?:contribution|donation) to {{b:PO}}",
            "contribution"),
    pattern("donated", rf"{{b:PO+w}} {ADV}(?P<t>received|accepted|took|got) {GIFT}from {{a:PO}}", "received"),
    pattern("donated", rf"(?P<b><P\d+>) (?:'s|’s) {CAMPAIGN_FUND} {ADV}(?P<t>received|accepted|took|got) {GIFT}from {{a:PO}}",
            "received"),
    # paid
    pattern("paid", rf"{{a:POG+w}} {ADV}(?P<t>{PAY}) {{b:PO}} (?:{MONEY}|for)", "paid"),
    pattern("paid", rf"{{a:POG+w}} {ADV}(?P<t>{PAY}) {MONEY} to {{b:PO}}", "paid"),
    pattern("paid", rf"{{b:PO}} , (?:<[PO]\d+w>|which|whom) {{a:POG}} {ADV}(?P<t>paid|pays) {MONEY}", "paid"),
    pattern("paid", rf"{{b:PO+w}} {BE} {ADV}(?P<t>paid) {MONEY} by {{a:POG}}", "paid"),
    # awarded
    pattern("awarded", rf"{{a:OG+w}} {ADV}(?P<t>{AWARD}) {{b:PO}} {A_CONTRACT}\b", "awarded"),
    pattern("awarded", rf"{{a:OG+w}} {ADV}(?P<t>{AWARD}) {A_CONTRACT} to {{b:PO}}", "awarded"),
    pattern("awarded", rf"{{b:PO+w}} {ADV}(?P<t>{WIN}) {A_CONTRACT} (?:from|by|with) {{a:OG}}", "received", reverse=True),
    pattern("awarded", rf"{{b:PO+w}} {ADV}(?P<t>holds|held|has|had) {A_CONTRACT} with {{a:OG}}", "has contract", reverse=True),
    pattern("gov-award", rf"{{b:PO+w}} {ADV}(?P<t>{WIN}|holds|held) (?:a |an )?(?:{MONEY} )?"
                         r"(?P<gov>city|village|county|township|town) (?:[\w-]+ ){0,2}?(?:contract|grant|contracts|grants)\b",
            "received"),
    # endorsed: "I am proud to have the endorsement of the Farm Bureau and of state Sen. Quill"
    pattern("endorsed", rf"{{a:P}} (?:{BE}|'m) {ADV}(?:proud|honored|honoured|pleased|grateful) to (?:have|receive|earn|accept) "
                        r"(?:the )?(?P<t>endorsements?) of (?P<list><[PO]\d+>(?! 's)(?: (?:,|and|, and) (?:of )?<[PO]\d+>(?! 's))*)",
            "endorsement", reverse=True),
    # candidate-for
    pattern("candidate-for", rf"{{a:P+w}} {BE}? ?{ADV}(?P<t>running|runs|ran|run|campaigning) for (?P<office>{SEAT})\b",
            "running for"),
    pattern("candidate-for", rf"{{a:P+w}} (?:, (?:a|an) [\w-]+ )?{BE}? ?{ADV}(?P<t>running|runs|ran|seeking|seeks) (?:for )?"
                             rf"(?P<office>{TERM})\b", "running for"),   # "X, a Democrat seeking a fourth term"
    pattern("candidate-for", rf"(?P<t>{ENDORSE}) {{a:P}} for (?P<office>{SEAT})\b", "endorsed for"),
    *role_patterns(),
]


# ---- rewriting a sentence --------------------------------------------------------------------------------


@dataclass
class Line:
    """A sentence rewritten for the patterns: the text, where each piece starts, and what each piece is."""
    text: str
    starts: list[int]
    tokens: list[Token]
    mentions: dict[int, Mention]  # placeholder number -> mention

    def token(self, char: int) -> Token:
        return self.tokens[max(0, bisect_right(self.starts, char) - 1)]

    def mention(self, placeholder: str) -> Mention:
        return self.mentions[int(re.sub(r"\D", "", placeholder))]


def rewrite(ctx: Context, sent: Span) -> Line:
    pieces: list[tuple[str, Token]] = []
    mentions: dict[int, Mention] = {}
    doc = ctx.doc
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        if tok.is_space:
            i += 1
            continue
        titled = ctx.index.by_token.get(i)
        found = mention_at(ctx, tok) if tok.lower_ not in POSSESSIVES else None
        if found is None and titled is not None and titled.title_start <= i < titled.start:  # "Ald. Edward Kerrigan"
            found = mention_at(ctx, doc[titled.start])
        if found is None and (tok.lower_ in POSSESSIVES and tok.tag_ == "PRP$" or tok.lower_ == "whose"):
            m = ctx.mention(tok)
            if m is not None and m.kind in KIND_LETTER:
                n = len(mentions)
                mentions[n] = m
                pieces += [(f"<{KIND_LETTER[m.kind]}{n}>", tok), ("'s", tok)]
                i += 1
                continue
        if found is not None and found[0].kind in KIND_LETTER and found[2] > i:
            m, _, end = found
            n = len(mentions)
            mentions[n] = m
            if pieces and pieces[-1][0] == "the":
                pieces.pop()
            rel = "w" if tok.lower_ in RELATIVES else ""
            pieces.append((f"<{KIND_LETTER[m.kind]}{n}{rel}>", tok))
            i = max(end, i + 1)
            continue
        word = "#" if tok.like_num and tok.lower_ not in ("one", "million", "billion", "thousand") else tok.lower_
        if word == "'" and pieces and pieces[-1][0].startswith("<"):
            word = "'s"
        pieces.append((word, tok))
        i += 1
    text, starts, tokens = "", [], []
    for word, tok in pieces:
        starts.append(len(text))
        tokens.append(tok)
        text += word + " "
    return Line(text, starts, tokens, mentions)


# ---- guards -------------------------------------------------------------------------------------------------


def guarded(line: Line, sent: Span, m: re.Match[str]) -> bool:
    """True when the matched words are denied, hypothetical, doubted or quoted (the trigger itself aside: "seeking a
    third term" is a candidacy, "seeking to ..." before a match a hope)."""
    first, last = line.token(m.start()), line.token(max(m.start(), m.end() - 2))
    said = line.token(m.start("t")).i if "t" in m.re.groupindex and m.group("t") else -1   # "seeking a term" is no hope
    words = {t.lower_ for t in sent.doc[max(sent.start, first.i - 3):last.i + 1] if t.i != said}
    if words & (NEGATION | HYPOTHETICAL):
        return True
    if {t.lower_ for t in sent.doc[sent.start:first.i]} & DOUBT:
        return True
    quotes = sum(1 for t in sent.doc[sent.start:first.i] if t.text in QUOTES)
    return quotes % 2 == 1 or any(t.text in QUOTES for t in sent.doc[first.i:last.i + 1])


# ---- reading -----------------------------------------------------------------------------------------------


def pattern_claims(ctx: Context, sent: Span) -> list[Found]:
    """Every claim the patterns read in ``sent``."""
    line = rewrite(ctx, sent)
    if not line.mentions:
        return []
    out: list[Found] = []
    for p in PATTERNS:
        if len(line.mentions) < p.ends:
            continue
        for m in p.regex.finditer(line.text):
            if guarded(line, sent, m) or (m.group(0).startswith("<") and OF_BEFORE.search(line.text[:m.start()])):
                continue  # "Friends of X paid ...", "Relatives of developer X gave ...": X is not the subject
            out += READERS.get(p.relation, read_pair)(ctx, line, p, m)
    return out


def trigger(line: Line, m: re.Match[str]) -> Token:
    names = m.re.groupindex
    key = "t" if "t" in names and m.group("t") is not None else next(iter(names))
    return line.token(m.start(key))


def read_pair(ctx: Context, line: Line, p: Pattern, m: re.Match[str]) -> list[Found]:
    names = m.re.groupindex
    a = line.mention(m.group("a"))
    others = [line.mention(x) for x in re.findall(r"<[A-Z]\d+w?>", m.group("list"))] if "list" in names \
        else [line.mention(m.group("b"))]
    tok = trigger(line, m)
    detail = p.detail or tok.lower_
    out = []
    for b in others:
        subj, obj = (b, a) if p.reverse else (a, b)
        if subj.name != obj.name:
            out.append(Found(p.relation, subj, obj, detail, tok))
    return out


def read_role(ctx: Context, line: Line, p: Pattern, m: re.Match[str]) -> list[Found]:
    out = one_role(ctx, line, m, m.group("t"), trigger(line, m))
    if "t2" in m.re.groupindex and m.group("t2"):
        out += one_role(ctx, line, m, m.group("t2"), line.token(m.start("t2")))
    return out


def one_role(ctx: Context, line: Line, m: re.Match[str], written: str, tok: Token) -> list[Found]:
    word = re.sub(rf"^{FORMER}{MODS}", "", written).strip()
    word = re.sub(rf"^{KIN_MODS}", "", word).strip() if word.split()[-1] in KIN else word
    sort = kind_of_role(word)
    if sort is None or sort == "candidate":
        return []
    holder, anchor = line.mention(m.group("h")), line.mention(m.group("n"))
    if holder.kind != "person" or holder.name == anchor.name:
        return []
    if sort == "kin" and word not in KIN:
        return []
    if sort == "agent" and "for" not in m.group(0).split() and word not in ("lobbyist",):
        return []   # "an attorney with Hadley & Crane" works there; "an attorney for X" represents X
    if sort == "agent" and (" with " in m.group(0) or "joined" in m.group(0).split() and "for" not in m.group(0).split()):
        sort = "job"   # "joined Birch Lane Partners as a lobbyist" works there
    return classify(ctx, tok, word, sort, holder, anchor)


def read_gov_award(ctx: Context, line: Line, p: Pattern, m: re.Match[str]) -> list[Found]:
    taker = line.mention(m.group("b"))
    word = m.group("gov")
    ent = ctx.government(word)
    if ent is None:
        return []
    tok = trigger(line, m)
    return [Found("awarded", Mention(word, ent.name, ent.kind, tok.idx, tok.idx), taker, p.detail, tok)]


def read_office(ctx: Context, line: Line, p: Pattern, m: re.Match[str]) -> list[Found]:
    person = line.mention(m.group("a"))
    if person.kind != "person":
        return []
    tok = trigger(line, m)
    office = m.group("office")
    first = line.token(m.start("office"))
    last = line.token(m.end("office") - 1)
    if office.split()[0] in ("re-election", "reelection", "a"):
        ent = ctx.index.entities.get(person.name.lower())
        held = [o for o in (ent.offices if ent else []) if o not in ("former", "incumbent", "the")]
        if not held and not (ent and ent.seats):
            return []
        text = ent.seats[-1] if ent and ent.seats else \
            " ".join(held[-2:]) if len(held) > 1 and held[-2] in ("city", "village", "county", "township", "state") else held[-1]
        return [Found("candidate-for", person, Mention(office, text, "office", first.idx, last.idx + len(last.text)),
                      "seeking re-election", tok)]
    text = " ".join(w for w in office.split() if w not in ("the", "a", "an"))
    return [Found("candidate-for", person, office_mention(text, first, last), p.detail, tok)]


def read_at_business(ctx: Context, line: Line, p: Pattern, m: re.Match[str]) -> list[Found]:
    """ "X joined Capitol Bridge Strategies", "Felicia Grant of Grant & Moreau LLP": a job at a business;
    joining a party or a club is no job, and "X of Y" is only an affiliation when Y is a firm."""
    org = line.mention(m.group("b"))
    if not set(org.name.lower().split()) & (BUSINESS_WORDS | {"&", "llp", "pc", "p.c."}):
        return []
    return [Found("employs", org, line.mention(m.group("a")), p.detail, trigger(line, m))]


Reader = Callable[[Context, Line, Pattern, re.Match[str]], list[Found]]
READERS: dict[str, Reader] = {"role": read_role, "at-business": read_at_business, "gov-award": read_gov_award, "candidate-for": read_office}
