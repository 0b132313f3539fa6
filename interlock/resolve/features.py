"""Comparisons: what agrees and what disagrees between two nodes, each with a weight and a sentence.

A weight is in bits (log2 of how much likelier the evidence is for one identity than for two), as in
a Fellegi–Sunter model; the weights of a pair add up, and with the prior they give the probability
that the two are one. The weights are set by hand from what each feature means, and checked on the
labelled sets of ``bench/resolve_quality.py``; every one is listed here, so a decision can always be
read back as the sentences of the features that made it.

Features never look at the store.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from rigour.text.distance import levenshtein

from interlock.mailbox import WEBMAIL
from interlock.names import LEGAL_FORMS, PersonName, acronym, local_part_names, mail_domain, nickname_of, swapped
from interlock.resolve.nodes import Node

PRIOR = -4.0          # bits before any evidence, for a pair that shares a blocking key
MERGE_AT = 0.9        # probability from which a pair is merged
REVIEW_FROM = 0.3     # probability from which an unmerged pair is offered for review

SAME_EMAIL = 14.0
SHARED_EMAIL = 2.0
OCR_EMAIL = 12.0
SWAPPED_EMAIL = 10.0
OWN_EMAILS_DIFFER = -2.0
SAME_EMPLOYER = 4.0
SAME_CLIENTS = 4.0
SAME_DISPLAY_AT_DOMAIN = 8.0   # two addresses of one organisation's domain shown with one name ("H")
FULL_NAME = 10.0
FIRST_LAST = 8.0
NICKNAME = 6.0
INITIAL = 4.0
FIRST_DIFFERS = -6.0
MIDDLE_OR_SUFFIX_DIFFERS = -10.0
SUFFIX_MISSING = -2.0
NAMES_DIFFER = -8.0
SURNAME_TYPO = 5.0
OTHER_ORDER = 6.0     # a printed name in the other order: offered for review, never merged alone
ADDRESS_SPELLS_NAME = 8.0
SAME_ORG_NAME = 10.0
CLOSE_ORG_NAME = 8.0
NEAR_ORG_NAME = 5.0
ORG_ACRONYM = 3.0
ORG_NAMES_DIFFER = -6.0
SAME_PLACE = 4.0
SAME_SOURCE = -6.0
RARE_SURNAME = 3.0     # same first and last name, and no one else in the case bears that last name
RARE_FROM_SURNAMES = 1000  # a surname's rarity says something only in a population this large


NAME_FEATURES = frozenset({"name", "org", "rarity"})  # evidence from names alone


@dataclass(frozen=True)
class Evidence:
    feature: str
    weight: float
    text: str


@dataclass
class Comparison:
    left: str
    right: str
    evidence: list[Evidence] = field(default_factory=list)

    # read once the evidence is complete (compare() returns it so), then cached
    @cached_property
    def weight(self) -> float:
        return PRIOR + sum(e.weight for e in self.evidence)

    @cached_property
    def probability(self) -> float:
        return 1.0 / (1.0 + 2.0 ** -self.weight)

    @property
    def name_only(self) -> bool:
        """Nothing but names agree: two people can share a name."""
        agreeing = {e.feature for e in self.evidence if e.weight > 0}
        return bool(agreeing) and agreeing <= NAME_FEATURES

    @cached_property
    def explanation(self) -> str:
        return self.explain()

    def explain(self) -> str:
        parts = [f"{e.text} ({e.weight:+g})" for e in sorted(self.evidence, key=lambda e: -abs(e.weight))]
        text = "; ".join(parts) or "no evidence"
        text += f"; probability {self.probability:.2f}"
        if self.name_only:
            text += "; this rests on the name alone, and a namesake is possible"
        return text


def compare(a: Node, b: Node, shared_emails: frozenset[str] | set[str] = frozenset(),
            rare: frozenset[str] | set[str] = frozenset()) -> Comparison:
    c = Comparison(a.id, b.id)
    found = c.evidence.append
    shared = a.emails & b.emails
    own = shared - shared_emails
    if own:
        found(Evidence("email", SAME_EMAIL, f"same e-mail address {min(own)}"))
    elif shared:
        found(Evidence("email", SHARED_EMAIL, f"same e-mail address {min(shared)}, which records of several people give"))
    elif a.ocr & b.ocr:
        found(Evidence("email", OCR_EMAIL, f"addresses differ only in letters OCR confuses ({min(a.emails)}, {min(b.emails)})"))
    elif a.swaps & b.swaps and (slip := next(((x, y) for x in sorted(a.emails) for y in sorted(b.emails) if swapped(x, y)), None)):
        found(Evidence("email", SWAPPED_EMAIL,
                       f"addresses differ by two neighbouring letters swapped, a typing slip ({slip[0]}, {slip[1]})"))
    elif a.kind == b.kind == "person" and a.emails and b.emails:
        found(Evidence("email", OWN_EMAILS_DIFFER, "each has its own e-mail address and they share none"))
    if e := display_at_domain(a, b):
        found(e)
    if a.employers & b.employers:
        found(Evidence("employer", SAME_EMPLOYER, f"same employer ({min(a.employers & b.employers).upper()})"))
    if common := a.clients & b.clients:
        found(Evidence("clients", SAME_CLIENTS, f"represent the same client(s) ({', '.join(sorted(common)[:3]).upper()}"
                       + (f" and {len(common) - 3} more" if len(common) > 3 else "") + ")"))
    if a.people and b.people:
        e = person_names(a.people, b.people)
        if e and e.weight <= NAMES_DIFFER and "name" in (a.kind, b.kind):
            e = other_order(a.people, b.people) or e
        if e:
            found(e)
            if e.weight >= NICKNAME and (last := rare_surname(a, b, rare)):
                found(Evidence("rarity", RARE_SURNAME, f"no one else in the case has the last name {last.title()}"))
    elif a.people or b.people:
        if e := address_spells_name(a, b):
            found(e)
    if a.orgs and b.orgs:
        if e := org_names(a.orgs, b.orgs):
            found(e)
    if a.places & b.places:
        found(Evidence("place", SAME_PLACE, f"same postal address ({min(a.places & b.places)})"))
    # one source's two records with one name are two people (an employee list), unless something beyond
    # the name ties them (a registry that files a row per filing gives the same address and firm again)
    if (a.kind != "address" and b.kind != "address" and a.sources == b.sources and len(a.sources) == 1
            and a.schema == b.schema and not any(e.weight > 0 and e.feature not in NAME_FEATURES for e in c.evidence)):
        found(Evidence("source", SAME_SOURCE, "two separate records of the same source"))
    return c


def display_at_domain(a: Node, b: Node) -> Evidence | None:
    """Two addresses at one organisation's own mail domain, shown with the same display name.

    Full names already count through the name features; this is for what they cannot read ("H",
    "HRC"): one office's mail server showing one name on two addresses. Webmail is left out, where
    a domain says nothing about who is behind it.
    """
    if a.kind != "address" or b.kind != "address" or not (a.displays & b.displays) or a.people or b.people:
        return None
    domains = {mail_domain(x) for x in a.emails} & {mail_domain(x) for x in b.emails}
    domains -= WEBMAIL
    if not domains:
        return None
    shown = min(a.displays & b.displays)
    return Evidence("display", SAME_DISPLAY_AT_DOMAIN, f"both addresses at {min(domains)} are shown as {shown.upper()!r}")


# Endings that make a feminine name of a masculine one (Don/Donna, Paul/Pauline, Louis/Louise,
# Stephan/Stephanie, Daniel/Daniela): such a pair is two people, not a name and its short form or typo.
FEMININE_ENDINGS = ("a", "e", "ie", "ine", "ina", "na", "ne", "le", "ette", "elle", "ielle", "enne", "ienne")


def gendered_pair(short: str, long: str) -> bool:
    """Whether ``long`` is ``short`` with a feminine ending, or the two are Francis and Frances."""
    if {short, long} == {"francis", "frances"}:
        return True
    ending = long[len(short):]
    if ending == "ie" and len(short) < 6:
        return False    # Frankie, Johnnie: a diminutive of a short name, not its feminine form (Stephanie)
    return long.startswith(short) and ending in FEMININE_ENDINGS


def name_pair(a: PersonName, b: PersonName) -> Evidence | None:
    """How two parsed person names relate, or None when their last names differ."""
    if a.last != b.last:
        return None
    shown = f"{a.first} {a.last}".title()
    suffix_note: Evidence | None = None
    if a.suffix and b.suffix and a.suffix != b.suffix:
        return Evidence("name", MIDDLE_OR_SUFFIX_DIFFERS, f"{shown}: suffixes differ ({a.suffix.title()}, {b.suffix.title()})")
    if a.suffix != b.suffix:
        suffix_note = Evidence("suffix", SUFFIX_MISSING, f"one name has the suffix {(a.suffix or b.suffix).title()}, the other none")
    if a.middle and b.middle and not (a.middle.startswith(b.middle) or b.middle.startswith(a.middle)):
        return Evidence("name", MIDDLE_OR_SUFFIX_DIFFERS, f"{shown}: middle names differ ({a.middle.title()}, {b.middle.title()})")
    if a.first == b.first:
        if a.middle and a.middle == b.middle:
            found = Evidence("name", FULL_NAME, f"same full name ({a.first} {a.middle} {a.last})".title())
        else:
            found = Evidence("name", FIRST_LAST, f"same first and last name ({shown}); middle names do not contradict")
        if suffix_note:
            found = Evidence("name", found.weight + suffix_note.weight, f"{found.text}; {suffix_note.text}")
        return found
    short, long = sorted((a.first, b.first), key=len)
    # Don and Donna, Louis and Louise are two people (often a couple), not a name and its short form or typo.
    if not gendered_pair(short, long):
        if nickname_of(a.first, b.first):
            return Evidence("name", NICKNAME, f"{a.first.title()} and {b.first.title()} are one name and its nickname, "
                            f"same last name {a.last.title()}")
        if len(short) >= 3 and len(long) >= len(short) + 2 and long.startswith(short):
            return Evidence("name", NICKNAME, f"{short.title()} is the start of {long.title()}, as short forms are, "
                            f"same last name {a.last.title()}")
        if len(short) >= 5 and levenshtein(a.first, b.first) == 1:
            return Evidence("name", NICKNAME, f"first names differ by one letter ({a.first.title()}, {b.first.title()}), "
                            f"same last name {a.last.title()}")
    if (len(a.first) == 1 or len(b.first) == 1) and a.first[0] == b.first[0]:
        return Evidence("name", INITIAL, f"initial {a.first[0].upper()}. fits {max(a.first, b.first, key=len).title()}, "
                        f"same last name {a.last.title()}")
    return Evidence("name", FIRST_DIFFERS, f"same last name {a.last.title()} but first names differ "
                    f"({a.first.title()}, {b.first.title()})")


def person_names(names_a: set[PersonName], names_b: set[PersonName]) -> Evidence | None:
    """The strongest agreement between the two sides' names; a disagreement only when nothing agrees."""
    found = [e for x in names_a for y in names_b if (e := name_pair(x, y))]
    if not found:
        for x in sorted(names_a, key=lambda n: n.key):
            for y in sorted(names_b, key=lambda n: n.key):
                if x.first == y.first and min(len(x.last), len(y.last)) >= 6 and levenshtein(x.last, y.last) == 1:
                    return Evidence("name", SURNAME_TYPO, f"same first name {x.first.title()}, last names differ by one "
                                    f"letter ({x.last.title()}, {y.last.title()})")
        a, b = min(names_a, key=lambda n: n.key), min(names_b, key=lambda n: n.key)
        return Evidence("name", NAMES_DIFFER, f"names differ ({a.key.title()}, {b.key.title()})")
    best = max(found, key=lambda e: e.weight)
    if best.weight > 0:
        worst = min(found, key=lambda e: e.weight)
        return worst if worst.weight <= MIDDLE_OR_SUFFIX_DIFFERS else best
    return best


def other_order(names_a: set[PersonName], names_b: set[PersonName]) -> Evidence | None:
    """A printed name that lost its comma ("Clinton Hillary") and the same name in the usual order: a
    question for a person (it is also how two people, Thomas James and James Thomas, are named)."""
    for x in sorted(names_a, key=lambda n: n.key):
        for y in sorted(names_b, key=lambda n: n.key):
            if len(x.first) > 1 and x.first == y.last and x.last == y.first:
                return Evidence("name", OTHER_ORDER, f"the same name in the other order ({x.first.title()} {x.last.title()}, "
                                f"{y.first.title()} {y.last.title()}), as a print-out that lost the comma writes it")
    return None


def address_spells_name(a: Node, b: Node) -> Evidence | None:
    """A correspondent's address spells the other side's name ("huma.abedin@", "abedinh@", "hclinton@")."""
    named, other = (a, b) if a.people else (b, a)
    if other.kind != "address" or other.role:
        return None
    for address in sorted(other.emails):
        for first, last in local_part_names(address):
            for name in named.people:
                if name.last == last and name.first and (name.first == first or (len(first) == 1 and name.first[0] == first)):
                    return Evidence("address", ADDRESS_SPELLS_NAME, f"the address {address} spells the name "
                                    f"{name.first.title()} {name.last.title()}")
    return None


def org_names(keys_a: set[str], keys_b: set[str]) -> Evidence:
    best = Evidence("org", ORG_NAMES_DIFFER, f"organisation names differ ({min(keys_a).upper()}, {min(keys_b).upper()})")
    for x in sorted(keys_a):
        for y in sorted(keys_b):
            e = org_pair(x, y)
            if e and e.weight > best.weight:
                best = e
    return best


# words organisations abbreviate or spell two ways; compared in their long form
ORG_WORDS = {
    "assoc": "association", "assn": "association", "asso": "association", "associates": "association",
    "associate": "association", "apts": "apartments", "apt": "apartments", "il": "illinois", "ill": "illinois",
    "theater": "theatre", "ctr": "center", "centre": "center", "intl": "international", "natl": "national",
    "dept": "department", "univ": "university", "hosp": "hospital", "mgmt": "management", "svcs": "services",
    "svc": "services", "bros": "brothers", "mfg": "manufacturing", "dev": "development", "st": "saint",
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10",
}
FILLER = frozenset({"and", "of", "the", "for", "a"})
NUMBERED = frozenset("i ii iii iv v vi vii viii ix x 1 2 3 4 5 6 7 8 9 10".split())  # "City Lights II" is another firm
# a part of an organisation is not the organisation: "City of Chicago Department of Law" is not "City of Chicago"
SUB_UNITS = frozenset("department office bureau division committee commission board council ward district unit program "
                      "programme chapter branch local".split())


@lru_cache(maxsize=1 << 16)
def compare_words(key: str) -> tuple[str, ...]:
    """An organisation key's words for comparing: abbreviations spelt out, fillers and legal-form slips dropped."""
    words = [ORG_WORDS.get(w, w) for w in key.split() if w not in FILLER]
    if len(words) > 2 and words[-2] + words[-1] in LEGAL_FORMS:
        words = words[:-2]                             # "I NC."
    while len(words) > 1 and len(words[-1]) <= 5 and any(levenshtein(words[-1], form) <= 1 for form in ("llc", "inc", "ltd", "corp")):
        words.pop()                                    # "LLCR", "INCC": a legal form mistyped
    return tuple(words)


def squeeze(key: str) -> str:
    return "".join(compare_words(key))


def plural(a: str, b: str) -> bool:
    """One word is the other's plural ("sign", "signs"; "box", "boxes")."""
    short, long = sorted((a, b), key=len)
    return len(short) >= 3 and long in (short + "s", short + "es")


def close_words(x: str, y: str) -> bool:
    """Word by word the same but for a plural, or a typo after the first letter in words of five letters or more
    ("Swible", "Swibel")."""
    xs, ys = compare_words(x), compare_words(y)
    if len(xs) != len(ys):
        return False
    for a, b in zip(xs, ys, strict=True):
        if a == b or plural(a, b):
            continue
        if min(len(a), len(b)) < 5 or a[0] != b[0] or levenshtein(a, b) > (2 if min(len(a), len(b)) >= 8 else 1):
            return False   # a typo keeps the first letter: Napleton and Stapleton are two names
    return True


def in_order(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    rest = iter(long)
    return all(word in rest for word in short)


def org_pair(x: str, y: str) -> Evidence | None:
    if x == y or squeeze(x) == squeeze(y):
        return Evidence("org", SAME_ORG_NAME, f"same organisation name ({x.upper()}) once legal forms, spaces and "
                        "\"and\" are set aside")
    if close_words(x, y):
        return Evidence("org", CLOSE_ORG_NAME, f"organisation names differ by a typo, a plural or an abbreviation "
                        f"({x.upper()}, {y.upper()})")
    short, long = sorted((compare_words(x), compare_words(y)), key=len)
    extra = set(long) - set(short)
    if len(short) >= 2 and short[0] == long[0] and in_order(short, long) and not extra & (NUMBERED | SUB_UNITS):
        return Evidence("org", NEAR_ORG_NAME, f"the words of {' '.join(short).upper()} are all in {' '.join(long).upper()}")
    distance = levenshtein(x, y)
    if 1 - distance / max(len(x), len(y)) >= 0.9 and x.split()[0] == y.split()[0]:
        return Evidence("org", NEAR_ORG_NAME, f"organisation names nearly the same ({x.upper()}, {y.upper()})")
    if (acronym(x) and acronym(x) == y.replace(" ", "")) or (acronym(y) and acronym(y) == x.replace(" ", "")):
        return Evidence("org", ORG_ACRONYM, f"{min(x, y, key=len).upper()} is the initials of {max(x, y, key=len).upper()}")
    return None


def rare_surname(a: Node, b: Node, rare: frozenset[str] | set[str]) -> str:
    common = {x.last for x in a.people} & {y.last for y in b.people} & rare
    return min(common) if common else ""


def rare_surnames(nodes: dict[str, Node]) -> set[str]:
    """Last names that only one person in the case can bear: every first name given with them is one name,
    its nickname or its initial ("Tom", "Thomas", "T." Aridas). The same first and last name on such a
    surname is stronger evidence than on "Smith", as in a term-frequency adjustment; it stays name-only
    evidence. In a small case (a few hundred correspondents) no surname is known to be rare: none is.
    """
    firsts: dict[str, set[str]] = defaultdict(set)
    for node in nodes.values():
        for name in node.people:
            if name.last and name.first:
                firsts[name.last].add(name.first)
    rare: set[str] = set()
    if len(firsts) < RARE_FROM_SURNAMES:
        return rare
    for last, names in firsts.items():
        full = sorted(n for n in names if len(n) > 1)
        if any(len(n) == 1 and not any(f[0] == n for f in full) for n in names):
            continue
        if all(x == y or nickname_of(x, y) for i, x in enumerate(full) for y in full[i + 1:]):
            rare.add(last)
    return rare


def shared_emails(nodes: dict[str, Node]) -> set[str]:
    """Addresses that records of more than one person give: a firm's, an assistant's or a filing agent's.

    Two person records giving one address whose names cannot be one person's (another last name, another
    first name) make it shared; the address then says little about who is who.
    """
    holders: dict[str, list[Node]] = defaultdict(list)
    for node in nodes.values():
        if node.kind == "person":
            for e in node.emails:
                holders[e].append(node)
    shared = set()
    for email, people in holders.items():
        names = [n for p in people for n in p.people]
        for i, a in enumerate(names):
            if any(a.last != b.last or ((ev := name_pair(a, b)) is not None and ev.weight < 0) for b in names[i + 1:]):
                shared.add(email)
                break
    return shared
