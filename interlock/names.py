"""Pure normalisers for names and addresses: the keys that identity decisions are built on.

Nothing here merges anything; :mod:`interlock.resolve` decides. These functions only make two
spellings of one name compare equal ("MONTERREY SECURITY CONSULTANTS, INC." and "Monterrey
Security Consultants Inc") while keeping what tells people apart (a "Jr." suffix, a different
middle initial).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from normality import normalize

LEGAL_FORMS = frozenset(
    """inc incorporated corp corporation co company llc l l c ltd limited lp llp pllc pc plc
    na n a nfp the""".split()
)
TITLES = frozenset(
    """mr mrs ms miss dr prof hon honorable ald alderman alderwoman gov governor sen senator rep
    mayor clerk commissioner judge rev sir madam""".split()
)
SUFFIXES = frozenset("jr sr ii iii iv v".split())
POST_NOMINALS = frozenset("esq esquire phd md cpa jd mba pe rn dds".split())  # dropped: no part of who someone is
ROLE_MAILBOXES = frozenset(
    """info noreply no-reply donotreply do-not-reply newsletter news list lists listserv mailer-daemon
    postmaster admin webmaster support help office contact notifications notification alerts
    updates press media communications hr billing accounts sales subscriptions events""".split()
)
_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


def norm_text(text: str | None) -> str:
    """Lower-case, strip accents and punctuation, fold white space ("O&#039;Connell" as "O'Connell")."""
    if text and "&" in text:
        text = html.unescape(text)
    # lower-case again: transliteration to ASCII can bring back capitals ("ǅ" → "Dz")
    return (normalize(text or "", lowercase=True, ascii=True) or "").lower()


def org_key(name: str | None) -> str:
    """A comparison key for an organisation: legal forms, "DBA" tails and "the" removed.

    >>> org_key("MONTERREY SECURITY CONSULTANTS, INC.") == org_key("Monterrey Security Consultants Inc")
    True
    """
    text = norm_text(re.split(r"\b(?:d/?b/?a|doing business as)\b", (name or "").lower())[0])
    tokens = [t for t in join_initials(text.split()) if t not in LEGAL_FORMS]
    return " ".join(tokens)


def join_initials(tokens: list[str]) -> list[str]:
    """Runs of single letters are one word: "p c" (from "P.C.") → "pc", "a b c supply" → "abc supply"."""
    out: list[str] = []
    run = ""
    for t in tokens:
        if len(t) == 1 and t.isalpha():
            run += t
            continue
        if run:
            out.append(run)
            run = ""
        out.append(t)
    if run:
        out.append(run)
    return out


OCR_FOLD = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l", "y": "v", "5": "s"})


def ocr_key(address: str) -> str:
    """An address with the letters OCR confuses folded together ("HilICR@" and "hillcr@", "state.goy")."""
    return address.lower().replace("rn", "m").translate(OCR_FOLD)


SWAP_FROM = 6   # letters in a local part from which two swapped neighbours are a slip, not another address


def swap_key(address: str) -> str:
    """The letters of an address's local part in order, with its domain: addresses one slip of two
    neighbouring letters apart ("mhcaleja@", "mchaleja@") share it. Empty for short local parts."""
    local, _, domain = address.lower().partition("@")
    return f"{''.join(sorted(local))}@{domain}" if len(local) >= SWAP_FROM and local.isalpha() else ""


def swapped(a: str, b: str) -> bool:
    """Two addresses that differ only by two neighbouring letters swapped."""
    a, b = a.lower(), b.lower()
    if a == b or len(a) != len(b) or not swap_key(a) or swap_key(a) != swap_key(b):
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1


@dataclass(frozen=True)
class PersonName:
    """A person's name split into the parts that matter for telling people apart."""

    first: str
    middle: str
    last: str
    suffix: str

    @property
    def key(self) -> str:
        """First and last name, with the suffix: "sam reyes" and "sam reyes jr" differ."""
        return " ".join(x for x in (self.first, self.last, self.suffix) if x)

    def compatible(self, other: PersonName) -> bool:
        """Same first, last and suffix, and middle names that do not contradict each other."""
        if self.key != other.key or not self.first or not self.last:
            return False
        a, b = self.middle, other.middle
        return not a or not b or a.startswith(b) or b.startswith(a)


PARENTHESES = re.compile(r"\([^)]*\)")


def person_name(name: str | None) -> PersonName:
    """Parse "Last, First M.", "Mr. First Middle Last Jr." and the like.

    >>> person_name("KELLY, JR., JOHN J")
    PersonName(first='john', middle='j', last='kelly', suffix='jr')
    >>> person_name("Reyes, Sam Jr.")
    PersonName(first='sam', middle='', last='reyes', suffix='jr')
    >>> person_name("Mills. Cheryl D")
    PersonName(first='cheryl', middle='d', last='mills', suffix='')
    >>> person_name("Shapiro, Daniel B (Tel Aviv)")
    PersonName(first='daniel', middle='b', last='shapiro', suffix='')
    """
    # "O'Keefe" and "OKEEFE" are one name; numbers ("MICHAEL HOULIHAN 8060636") are no part of one
    raw = html.unescape(name or "").replace("'", "").replace("’", "").strip().strip("'\"")
    # a remark is no part of a name: "Shapiro, Daniel B (Tel Aviv)", "Rosemarie Howe [mailto:…"
    raw = PARENTHESES.sub(" ", raw).split("[")[0].strip()
    if "," in raw:
        head, _, tail = raw.partition(",")
        rest = [p.strip() for p in tail.split(",")]
        # "KELLY, JR., JOHN J": the suffix may follow the last name
        suffix_parts = [p for p in rest if norm_text(p) in SUFFIXES]
        given = [p for p in rest if norm_text(p) not in SUFFIXES]
        # "REYES, SAM JR.": the suffix may end the given names too
        for i, part in enumerate(given):
            words = part.split()
            if len(words) > 1 and norm_text(words[-1]) in SUFFIXES:
                given[i] = " ".join(words[:-1])
                suffix_parts.append(words[-1])
        if given:
            raw = " ".join(given + [head] + suffix_parts)
    tokens = [t for t in norm_text(raw).split() if t and not t.isdigit()]
    while tokens and tokens[0] in TITLES:
        tokens.pop(0)
    suffix = ""
    while tokens and (tokens[-1] in SUFFIXES or tokens[-1] in POST_NOMINALS):
        if tokens[-1] in SUFFIXES:
            suffix = suffix or tokens[-1]
        tokens.pop()
    if not tokens:
        return PersonName("", "", "", suffix)
    if len(tokens) == 1:
        return PersonName("", "", tokens[0], suffix)
    if len(tokens[-1]) == 1 and len(tokens[0]) > 1 and not {tokens[0], tokens[1]} & (TITLES | SUFFIXES | POST_NOMINALS):
        # no surname is one letter: "Mills Cheryl D", "Mills. Cheryl D" (a print-out's comma lost) is "Last First M"
        return PersonName(tokens[1], " ".join(tokens[2:]), tokens[0], suffix)
    return PersonName(tokens[0], " ".join(tokens[1:-1]), tokens[-1], suffix)


def parse_address(value: str | None) -> str | None:
    """A clean, lower-case e-mail address, or None when the value is not one."""
    text = (value or "").strip().strip("<>\"' ").lower()
    if text.startswith("mailto:"):
        text = text[7:]
    # split rather than one regex: a pattern over "a@....@" backtracks quadratically on hostile input
    local, at, domain = text.partition("@")
    if not at or not local or "@" in domain or "." not in domain.strip(".") or any(c in text for c in " \t\r\n<>"):
        return None
    return text if _EMAIL.match(text) else None


def mail_domain(address: str) -> str:
    return address.rpartition("@")[2]


def is_role_mailbox(address: str) -> bool:
    """info@, noreply@, newsletters and list addresses belong to no single person."""
    local = address.partition("@")[0].lower()
    base = re.split(r"[._+-]", local)[0]
    return local in ROLE_MAILBOXES or base in ROLE_MAILBOXES or local.startswith(("bounce", "owner-"))


@lru_cache(maxsize=1)
def _nicknames() -> dict[str, frozenset[str]]:
    """Each first name → the names it is a nickname of or has as nicknames (from the ``nicknames`` dataset)."""
    from nicknames import NickNamer

    nn = NickNamer()
    forms: dict[str, set[str]] = {}
    for canonical, nicks in nn.nickname_lookup.items():
        for nick in nicks:
            forms.setdefault(canonical, set()).add(nick)
            forms.setdefault(nick, set()).add(canonical)
    return {name: frozenset(others) for name, others in forms.items()}


def nickname_of(a: str, b: str) -> bool:
    """True when one first name is a recorded nickname of the other ("bill" and "william")."""
    return b in _nicknames().get(a, frozenset())


def first_name_forms(first: str) -> frozenset[str]:
    """The name itself and its recorded nicknames and full forms."""
    return frozenset({first}) | _nicknames().get(first, frozenset())


@lru_cache(maxsize=1 << 16)
def acronym(key: str) -> str:
    """The initials of an organisation key's words ("chicago public schools" → "cps"), or ""."""
    words = [w for w in key.split() if w not in ("of", "and", "for", "the", "&")]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def local_part_names(address: str) -> list[tuple[str, str]]:
    """(first-or-initial, last) guesses from an address's local part: "huma.abedin", "abedinh", "hclinton".

    Only the shapes people's work addresses take; digits and tags are dropped. A guess is a blocking
    key, never a merge by itself.
    """
    local = re.sub(r"\d+", "", address.partition("@")[0].lower().partition("+")[0])
    parts = [p for p in re.split(r"[._-]+", local) if p.isalpha()]
    guesses: list[tuple[str, str]] = []
    if len(parts) >= 2:
        guesses += [(parts[0], parts[-1]), (parts[-1], parts[0])]
    elif len(parts) == 1 and len(parts[0]) >= 4:
        word = parts[0]
        guesses += [(word[0], word[1:])]                              # hclinton
        guesses += [(word[-1], word[:-1]), (word[-2], word[:-2])]     # abedinh, millscd
    return [(f, last) for f, last in guesses if len(last) >= 3]
