"""Printed e-mail: messages rebuilt from the text of printed e-mail productions.

Public records offices release mail as PDFs of printed e-mails, and as the text of those PDFs. A
document is a list of :class:`Page`; :func:`split_printed` finds its header blocks and returns the
document's message, with the quoted history below it as ``children`` (``relation="quoted"``).

Layouts read:

- Outlook prints: ``From:  Name <addr>`` / ``Sent:`` (or ``Date:``) / ``To:`` / ``Cc:`` / ``Subject:`` /
  ``Attachments:``, keys padded to a value column, values wrapped onto lines indented to it; quoted
  history as ``-----Original Message-----`` and ``From: … Sent: …`` blocks further down, or all the
  keys run together on one line.
- Outlook on the web prints: the subject, the sender's name, ``Tue 11/7/2017 4:02 PM``, ``To: …``.
- The State Department's FOIA releases: the same blocks under the banner ``UNCLASSIFIED U.S.
  Department of State Case No. F-2014-20439 Doc No. C05739545 Date: 05/13/2015`` at the top and foot
  of every page, the stamp ``RELEASE IN PART B6`` on the first, exemption codes (B1–B9) in the right
  margin where text was cut, classification markings (``Classified by … Reason: 1.4(D)``) and, for
  productions to Congress, ``STATE DEPT. - PRODUCED TO HOUSE SELECT BENGHAZI COMM.`` with Bates numbers.
  Banners, stamps, codes and markings are kept out of header values and bodies; what they say goes to
  ``Message.meta`` (see :func:`message_meta`).

Conventions: a name printed without an address (``H``, ``Mills, Cheryl D``) is ``Address("", name)``,
and so is a redacted or truncated one (``PIR <preines``); OCR's ``©`` for ``@`` is read as ``@``.
Dates are naive: the local time as printed, zones ignored. A message's body is its own text only; the
quoted messages carry theirs. Offsets (``span``) are into :func:`document_text`, the pages joined by
form feeds, which is the file itself for ``pdftotext`` output. Printed mail has no Message-ID.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePath
from statistics import mean

from interlock.entities import Origin
from interlock.records import Address, Attachment, Message, Reject

NO_HEADER = "no printed e-mail header (From/Sent/To/Subject) found"
STAMP_COLUMN = 40      # the release stamp is printed at the right margin
MARGIN_COLUMN = 50     # a code this far right is in the margin even after a bare header key
MAX_GAP = 12            # blank (or banner) lines allowed between two lines of one header block
ATTACHMENT_NOTE = "not in the production: only its name is printed"


@dataclass
class Page:
    """One page of a printed document: its number (1-based), its text, and OCR confidence (0-100) when read by OCR."""

    number: int
    text: str
    confidence: float | None = None


def document_text(pages: list[Page]) -> str:
    """The document's text as ``span`` offsets count it: the pages joined by form feeds."""
    return "\f".join(p.text for p in pages)


# -- what productions print around the mail ------------------------------------------------------------

_STATUTE = r"CIA(?:\s?PERS/ORG)?|NATSECACT\s?1947|INA|D\s?IA/\s?N\s?RO/\s?N\s?GA"     # what a B3 withholding cites
_CODE = (rf"(?:B\s?(?:[1-9]|[lI](?![a-z]))(?:\s?\(\s?[A-Fa-f]\s?\))?(?:\s?(?:{_STATUTE}))?"          # B6, B7(C), Bl (OCR)
         r"|1\s?\.?\s?4\s?\(?\s?[A-Ha-h]\s?\)(?:\s?\(?[A-Ha-h]\))*)")                        # 1.4(D): a classification reason
_DIGIT_CODE = r"(?:B\s?[1-9](?:\s?\(\s?[A-Fa-f]\s?\))?|1\s?\.?\s?4\s?\(?\s?[A-Ha-h]\s?\))"
CODE_ENDS = ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", ")", "'", "|", "•", "ORG", "CIA", "INA", "GA",
             "Bl", "BI", "1l", "1I", "6l", "6I", "5l", "5I")        # how a line can end in a margin code
CODE = re.compile(r"(?<![A-Za-z])B\s?([1-9]|[lI](?![a-z]))(?:\s?\(\s?([A-Fa-f])\s?\))?(?![02-9])")  # B61: B6 and a stray stroke
VALUE_CODES = re.compile(rf"(?<=\s)(?:{_DIGIT_CODE}[\s,;]*)+$")
CODES_ONLY = re.compile(rf"[\s,.;'•|-]*(?:{_CODE}[1lI|'.]?[\s,;•]*)+")
PLACEHOLDER = re.compile(r"\[\s*REDACTED\s*\]|\(\s*b\s*\)\s*\(\s*([1-9])\s*\)(?:\s*\(\s*([A-Fa-f])\s*\))?", re.I)
BANNER = re.compile(
    r"(?:UNCLASSIFIED\s*)?(?:U\.?\s?S\.?\s+Department\s+of\s+State\s*)?Case\s+No\W{0,3}(?P<case>\S{0,3}\d{4}-\d{5})?"
    r"(?:\s*Doc\s+No\W{0,2}(?P<doc>C[O0\d]\d{6,7})?)?\W*(?:Date\W{0,2}(?P<date>\d\d/\d\d/\d{4}))?\S?")
BANNER_PARTS = re.compile(
    r"STATE\s+DEPT\.?\s*-?\s*PRODUCED\s+TO\s+HOUSE\s+SELECT\s+BENGHAZI\s+COMM\.?|SUBJECT\s+TO\s+AGREEMENT\s+ON\s+SENSITIVE\s+"
    r"INFORMATION\s*&\s*REDACTIONS\.?\s*(?:NO\s+FOIA\s+WAIVER\.?)?|Doc\s+No\W{0,2}(?P<doc>C[O0\d]\d{6,7})|"
    r"(?P<bates>STATE-\s?SCB\s?\d(?:\s?\d){5,8})|^\s*UNCLASSIFIED\b|U\.?\s?S\.?\s+Department\s+of\s+State|^\s*Date:\s*(?P<date>\d\d/\d\d/\d{4})")
STRONG_BANNER = re.compile(r"Case\s+No|Doc\s+No\W{0,2}C|PRODUCED\s+TO\s+HOUSE|AGREEMENT\s+ON\s+SENSITIVE|STATE-\s?SCB")
WEAK_BANNER = re.compile(r"^\s*(?:UNCLASSIFIED|U\.?\s?S\.?\s+Department\s+of\s+State|Date:\s*\d\d/\d\d/\d{4})\W*$")
MARKER = re.compile("UNCLASSIFIED|ELEASE|Case No|Doc No|PRODUCED|AGREEMENT|lassif|Reason:")      # lines worth a closer look
BANNER_DATE = re.compile(r"\d\d/\d\d/\d{4}")
STAMP = re.compile(r"\w?ELEASE\s+IN\b\W*(?P<kind>PART|FULL)?(?P<rest>.*)$")              # kELEASE: OCR
STAMP_NEXT = re.compile(r"(?:^|\s{2,})(?:IN\s+)?(?P<kind>PART|FULL)(?P<rest>.*)$")
CLASSIFICATION = re.compile(                 # "Classified by … — Class: CONFIDENTIAL — Reason: 1.4(D) — Declassify on: …"
    r"Classified\s+by\b.*?(?=\s{3,}|$)|[—–-]? ?Class: ?(?:CONFIDENTIAL|SECRET|UNCLASSIFIED)?|"
    r"[—–-]? ?Reason: ?(?:1 ?\.? ?4 ?\(? ?[A-Ha-h] ?\)?[ ,]?)+|[—–-]? ?Declassify\s+on[:!]? ?(?:\d\d/\d\d/\d{4})?")

# -- header lines ----------------------------------------------------------------------------------------

KEYS = {"from": "from", "frorn": "from", "froth": "from", "prom": "from", "fram": "from", "sent": "when", "date": "when",
        "to": "to", "cc": "cc", "bcc": "bcc", "subject": "subject", "subj": "subject", "attachments": "attachments",
        "importance": "importance"}
KEY_LEAD = " \t'‘’•·.,*>|-"
KEY_STARTS = tuple(KEYS)
KEY_FIRST = frozenset(k[0] for k in KEYS) | frozenset(k[0].upper() for k in KEYS)
KEY_LINE = re.compile(r"^(?P<lead>[ \t]*(?:[^\w\s]{1,2}[ \t]*)?)(?P<key>" + "|".join(sorted(KEYS, key=len, reverse=True)) +
                      r")(?P<sep>\s?[:;]|\.(?=\s)|(?=\s{2,}\S)|\s*$)\s*(?P<value>.*)$", re.I)
BARE_KEY = re.compile(r"\s*[^\w\s]{0,2}\s*(?:from|sent|to|cc|bcc|subject|subj|date|attachments|importance)\s?[:;.]?\s*", re.I)
FUZZY_FROM = re.compile(r"^[ \t]*[^\w\s]{0,2}[ \t]*(?:Fr\w{1,4}|F\w?om|\wrom)[^\w\s]{0,2}(?:[ \t]{2,}|:[ \t]*)(?P<value>\S.*)$")
INLINE_KEYS = re.compile(r"\s(?P<key>Sent|Date|To|Cc|Bcc|Subject):\s")
SEPARATOR = re.compile(r"^[\s>•*_=—–-]*(?:original message|forwarded message|begin forwarded message:?)[\s_=—–-]*$", re.I)
FILE_NAME_END = re.compile(r"\.[A-Za-z0-9]{2,5}\]?\)?$")
OWA_DATE = re.compile(r"^\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+\d{1,2}/\d{1,2}/\d{2,4}\s+\d{1,2}:\d\d", re.I)

# -- values ------------------------------------------------------------------------------------------------

ANGLE = re.compile(r"<\s*([^<>]*?)\s*(?:>|$)")
MAILTO = re.compile(r"\[\s*mailto\s*:\s*([^\]]*?)\s*(?:\]|$)", re.I)
ADDRESS = re.compile(r"[A-Za-z0-9._%+'’-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
LIST_SPLIT = re.compile(r"\s*;\s*|\s{4,}|(?<=>)\s*,\s*")
QUOTES = "'\"‘’`“” "
MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_MONTH = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DATE_MDY = re.compile(_MONTH + r"\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?\b,?\s*(?:(?P<year>(?:19|20)\d\d)(?=\d{1,2}[:.]\d\d|\D|$))?", re.I)
DATE_DMY = re.compile(r"(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)", re.I)
DATE_NUM = re.compile(r"(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4}|\d\d)\b")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
TIME = re.compile(r"(?P<h>\d{1,2})\s?[:.]\s?(?P<m>\d\d)(?:\s?[:.]\s?(?P<s>\d\d))?(?:\s*(?P<ap>[AaPp])\.?\s?[Mm]\b\.?)?|"
                  r"\b(?P<h2>\d{1,2})(?P<m2>\d\d)?\s*(?P<ap2>[AaPp])\.?\s?[Mm]\b")


@dataclass(slots=True)
class Line:
    """One line of the document, with what productions print around the mail taken out of ``text``."""

    page: int
    start: int
    end: int
    text: str
    blank: bool
    fields: list[tuple[str, str]] | None = None  # (key, value) pairs when a header line
    col: int = 0            # column where the first value starts
    padded: bool = False    # key padded to a value column, as printed headers are
    upper: bool = False     # key in capitals other than SENT (FROM:, TO:, DATE:), as memos print them
    codes: list[str] | None = None
    marks: int = 0          # redaction marks: margin codes, [REDACTED], (b)(6)
    bates: list[str] | None = None
    banner: bool = False


@dataclass
class Facts:
    """What the production printed about the document: banner, stamp, exemptions."""

    cases: Counter[str] = field(default_factory=Counter)
    docs: Counter[str] = field(default_factory=Counter)
    dates: Counter[str] = field(default_factory=Counter)
    stamp: str = ""
    stamp_codes: list[str] = field(default_factory=list)

    def top(self, counter: Counter[str]) -> str:
        return counter.most_common(1)[0][0] if counter else ""


@dataclass
class Block:
    """A header block: the lines it spans and its values, continuation lines joined."""

    first: int
    last: int
    fields: dict[str, list[str]]
    padded: bool


def exemption_codes(text: str) -> list[str]:
    """FOIA exemption codes (B1–B9, with a sub-letter as in B7(C)) in a stamp or margin note, in order, once each."""
    return list(dict.fromkeys(code_name(m.group(1), m.group(2)) for m in CODE.finditer(text)))


def code_name(number: str, letter: str | None) -> str:
    return f"B{number.replace('l', '1').replace('I', '1')}" + (f"({letter.upper()})" if letter else "")


def margin_codes(s: str) -> tuple[str, list[str]]:
    """The line without the exemption codes printed in its right margin (after a gap of two spaces or more), and those codes.

    After a bare header key (``Subject:    B6``) the gap is the key's padding, so only a code far to the right counts.
    """
    codes: list[str] = []
    while s.endswith(CODE_ENDS):
        cut = s.rfind("  ")
        tail = s[cut:] if cut >= 0 else s
        if not CODES_ONLY.fullmatch(tail) or (0 <= cut < MARGIN_COLUMN and BARE_KEY.fullmatch(s[:cut])):
            break
        add_codes(codes, exemption_codes(tail))
        s = s[:cut].rstrip() if cut >= 0 else ""
    return s, codes


def clean_line(s: str, facts: Facts, line: Line, marked: bool, after_stamp: bool) -> bool:
    """Take banners, stamps, classification markings and margin codes out of one line (``s``, right-stripped).

    ``marked`` says the line holds a marker word (see :func:`read_lines`). True when the line held a stamp.
    """
    stamped = False
    if marked:
        if STRONG_BANNER.search(s):
            line.banner = True
            s = read_banner(s, facts, line)
        stamp = STAMP.search(s) if "ELEASE" in s else None
        if stamp:
            stamped = True
            if stamp.group("kind") and not facts.stamp:
                facts.stamp = "RELEASE IN " + stamp.group("kind")
            add_codes(facts.stamp_codes, exemption_codes(stamp.group("rest")))
            s = s[:stamp.start()]
        elif s.endswith("ELEASE") and s[:-7].isspace():        # the stamp broken after its first word
            stamped, s = True, ""
        if "lassif" in s or "Reason:" in s:
            s = CLASSIFICATION.sub(lambda m: " " * len(m.group()), s).rstrip()       # columns kept
    if after_stamp and not stamped:
        follow = STAMP_NEXT.search(s) if "PART" in s or "FULL" in s else None
        if (follow and (follow.start("kind") >= STAMP_COLUMN or not s[:follow.start()].strip())
                and (not follow.group("rest").strip() or CODES_ONLY.fullmatch(follow.group("rest")))):
            facts.stamp = facts.stamp or "RELEASE IN " + follow.group("kind")
            add_codes(facts.stamp_codes, exemption_codes(follow.group("rest")))
            line.text = s[:follow.start()].rstrip()
            return True
        if CODES_ONLY.fullmatch(s):
            add_codes(facts.stamp_codes, exemption_codes(s))
            line.text = ""
            return True
    s, codes = margin_codes(s)
    if codes:
        line.codes, line.marks = codes, 1
    if "(b" in s or "(B" in s or "REDACTED" in s:
        for m in PLACEHOLDER.finditer(s):
            line.marks += 1
            if m.group(1):
                line.codes = line.codes or []
                add_codes(line.codes, [code_name(m.group(1), m.group(2))])
    line.text = s.rstrip()
    return stamped


def read_banner(s: str, facts: Facts, line: Line) -> str:
    """Record what a banner line says (case and document numbers, release date, Bates number) and take it out."""
    if "Case" in s:
        for m in BANNER.finditer(s):
            if m.group("case"):
                facts.cases["F-" + m.group("case")[-10:]] += 1
            if m.group("doc"):
                facts.docs["C" + m.group("doc")[1:].replace("O", "0")] += 1
            if m.group("date"):
                facts.dates[m.group("date")] += 1
        s = BANNER.sub(" ", s)
    for m in BANNER_PARTS.finditer(s):
        if m.group("doc"):
            facts.docs["C" + m.group("doc")[1:].replace("O", "0")] += 1
        if m.group("date"):
            facts.dates[m.group("date")] += 1
        if m.group("bates"):
            line.bates = [*(line.bates or []), re.sub(r"\s", "", m.group("bates"))]
    return BANNER_PARTS.sub(" ", s)


def add_codes(codes: list[str], new: list[str]) -> None:
    codes += [c for c in new if c not in codes]


def read_key(line: Line) -> None:
    """Fill ``line.fields`` when the line is a header line (``From:``, ``Sent``, ``Subject   …``)."""
    if not line.text.lstrip(KEY_LEAD)[:12].lower().startswith(KEY_STARTS):  # a cheap test before the regular expression
        return
    m = KEY_LINE.match(line.text)
    if not m:
        return
    key, sep = m.group("key"), m.group("sep").strip()
    if not sep and not (key[0].isupper() and (key.istitle() or key.isupper())):
        return                                  # "to  …" without a colon is prose
    canon = KEYS[key.lower()]
    value = m.group("value")
    if value.endswith(CODE_ENDS):
        codes = VALUE_CODES.search(value)            # a margin code one space after a header value
        if codes:
            line.codes = [*(line.codes or []), *exemption_codes(codes.group())]
            line.marks += 1
            value = value[:codes.start()]
    line.col = m.start("value")
    line.padded = line.col - m.end("key") >= 4
    line.upper = key.isupper() and canon != "when" or key == "DATE"
    fields = [(canon, value)]
    if canon in ("from", "when") and INLINE_KEYS.search(value):
        parts = INLINE_KEYS.split(" " + value)
        fields = [(canon, parts[0].strip())]
        fields += [(KEYS[k.lower()], v.strip()) for k, v in zip(parts[1::2], parts[2::2], strict=True)]
    line.fields = fields


def read_lines(pages: list[Page]) -> tuple[list[Line], Facts]:
    """Every line of the document with its offsets, cleaned, and the production's facts.

    Most lines are plain text: marker words are found a page at a time and the other tests look at a
    line's ends, so a release of millions of lines reads in seconds.
    """
    facts = Facts()
    lines: list[Line] = []
    append = lines.append
    offset = 0
    stamp_window = 0
    for page in pages:
        number, text = page.number, page.text
        marks = [m.start() for m in MARKER.finditer(text)][::-1]
        blank = Line(number, -1, -1, "", True)     # one for all the blank lines of the page
        pos = 0
        for raw in text.split("\n"):
            size = len(raw)
            s = raw.rstrip()
            if not s:
                append(blank)
                pos += size + 1
                offset += size + 1
                continue
            line = Line(number, offset, offset + size, s, False)
            append(line)
            marked = False
            while marks and marks[-1] < pos + size:
                marked = marks.pop() >= pos or marked
            pos += size + 1
            offset += size + 1
            if marked or stamp_window or s.endswith(CODE_ENDS) or "(b" in s or "(B" in s or "REDACTED" in s:
                if clean_line(s, facts, line, marked, stamp_window > 0):
                    stamp_window = 3
                else:
                    stamp_window = max(0, stamp_window - 1)
                s = line.text
                if not s or s.isspace():
                    line.blank = True
                    continue
            t = s.lstrip(KEY_LEAD)
            if t[:1] in KEY_FIRST and (":" in t or ";" in t or "  " in t or ". " in t or " " not in t):
                read_key(line)
    mark_weak_banners(lines, facts)
    return lines, facts


def mark_weak_banners(lines: list[Line], facts: Facts) -> None:
    """Blank out ``UNCLASSIFIED`` / ``U.S. Department of State`` / ``Date: 05/13/2015`` lines next to a banner."""
    for i, line in enumerate(lines):
        if line.blank or line.banner or line.text.lstrip()[:1] not in ("U", "D") or not WEAK_BANNER.match(line.text):
            continue
        if any(lines[j].banner for j in range(max(0, i - 3), min(len(lines), i + 4)) if j != i):
            date = BANNER_DATE.search(line.text)
            if date:
                facts.dates[date.group()] += 1
            line.text, line.fields, line.banner, line.blank = "", None, True, True


# -- header blocks -------------------------------------------------------------------------------------------

def next_text(lines: list[Line], j: int, limit: int = MAX_GAP) -> int | None:
    """The index of the first non-blank line from ``j`` on, within ``limit`` lines."""
    for k in range(j, min(len(lines), j + limit + 1)):
        if not lines[k].blank:
            return k
    return None


def repeats(line: Line, seen: dict[str, list[str]]) -> bool:
    return any(k in seen and k in ("from", "when", "subject") for k, _ in line.fields or ())


def find_blocks(lines: list[Line]) -> list[Block]:
    """The header blocks, in order: runs of header lines with their continuation lines."""
    blocks: list[Block] = []
    i, n = 0, len(lines)
    while i < n:
        if not lines[i].fields:
            i += 1
            continue
        seen: dict[str, list[str]] = {}
        last = j = i
        key = ""
        col = 0
        upper = True
        while j < n:
            line = lines[j]
            if line.fields:
                if repeats(line, seen):
                    break
                for key, value in line.fields:  # noqa: B007  (key: the last one, which a continuation carries on)
                    seen.setdefault(key, []).append(value.strip())
                upper = upper and line.upper
                col = line.col if line.padded else col
                last, j = j, j + 1
                continue
            if line.blank:
                k = next_text(lines, j)
                if k is not None and lines[k].fields and not repeats(lines[k], seen):
                    j = k
                    continue
                break
            if j == last + 1 and key and continues(lines, j, key, col, seen):
                joint = "; " if key == "attachments" and FILE_NAME_END.search(seen[key][-1]) else " "   # one file a line
                seen[key][-1] = (seen[key][-1] + joint + line.text.strip()).strip()
                last, j = j, j + 1
                continue
            break
        start = i
        if "to" in seen and "from" not in seen and "when" not in seen:
            start = owa_header(lines, i, seen)
        core = seen.keys() & {"from", "when", "to", "subject"}
        if len(core) >= 2 and ("from" in seen or "when" in seen) and not upper:
            start = start if "from" in seen else misread_from(lines, i, seen)
            blocks.append(Block(start, last, seen, lines[i].padded))
            i = last + 1
        else:
            i += 1
    return blocks


def misread_from(lines: list[Line], i: int, seen: dict[str, list[str]]) -> int:
    """A block that opens with ``Sent:`` may sit under a ``From:`` that OCR misread (``Front``, ``Frorn°``):
    take that line in (into ``seen``) and return where the block starts."""
    k = i - 1
    while k >= 0 and i - k <= 2 and lines[k].blank:
        k -= 1
    m = FUZZY_FROM.match(lines[k].text) if k >= 0 and not lines[k].blank else None
    if not m:
        return i
    seen["from"] = [m.group("value").strip()]
    return k


def continues(lines: list[Line], j: int, key: str, col: int, seen: dict[str, list[str]]) -> bool:
    """Whether line ``j``, right under a header line, carries on that line's value: it is indented to the
    value column, or it and the lines under it run on to the block's next header line, or a list goes on."""
    text = lines[j].text
    if col >= 10 and len(text) - len(text.lstrip()) >= col - 3:
        return True
    for k in range(j + 1, min(len(lines), j + 8)):
        if lines[k].fields:
            return not repeats(lines[k], seen)
        if lines[k].blank:
            nxt = next_text(lines, k, 2)
            if nxt is not None and lines[nxt].fields and not repeats(lines[nxt], seen):
                return True
            break
    return key in ("to", "cc", "bcc", "attachments") and seen[key][-1].rstrip().endswith((";", ","))


def owa_header(lines: list[Line], i: int, seen: dict[str, list[str]]) -> int:
    """Outlook on the web prints subject, sender and ``Tue 11/7/2017 4:02 PM`` as plain lines above ``To:``:
    read them into ``seen`` and return where the header starts (``i`` when they are not there)."""
    above = [k for k in range(i - 1, max(-1, i - 12), -1) if not lines[k].blank][:3]
    if len(above) < 2 or not OWA_DATE.match(lines[above[0]].text) or lines[above[1]].fields:
        return i
    seen["when"] = [lines[above[0]].text.strip()]
    seen["from"] = [lines[above[1]].text.strip()]
    if len(above) > 2 and "subject" not in seen and not lines[above[2]].fields:
        seen["subject"] = [lines[above[2]].text.strip()]
        return above[2]
    return above[1]


# -- values ------------------------------------------------------------------------------------------------

def parse_address(value: str) -> Address | None:
    """``Name <addr>``, ``Name [mailto:addr]``, ``'addr'`` or a bare name; an address that is cut or redacted is left empty."""
    v = value.strip().strip(";,").strip()
    m = ANGLE.search(v) or MAILTO.search(v)
    if m:
        name, addr = v[:m.start()], m.group(1)
    elif "@" in v or "©" in v:
        name, addr = "", v
    else:
        name, addr = v, ""
    name = VALUE_CODES.sub("", " ".join(name.split())).strip(QUOTES)
    addr = addr.replace("©", "@").replace(" ", "").strip(QUOTES + ".;,:")
    if addr and not ADDRESS.fullmatch(addr):
        name, addr = name or addr.strip(QUOTES), ""
    if name.lower() == addr.lower():
        name = ""
    if not name and not addr:
        return None
    return Address(address=addr, name=name)


def parse_list(values: list[str]) -> list[Address]:
    """Recipients: ``;``-separated (or set apart by the gap a redaction leaves), as Outlook prints them."""
    out = []
    for item in LIST_SPLIT.split(" ; ".join(values)):
        addr = parse_address(item)
        if addr is not None:
            out.append(addr)
    return out


def parse_printed_date(text: str) -> datetime | None:
    """A printed date as local time: ``Monday, December 20, 2010 12:36 PM``, ``Sat Feb 13 03:03:22 2010``, ``9/12/2012 6:21:45 PM``.

    Time zones and their names are ignored; a date that cannot be read is None (``date_raw`` keeps the text).
    """
    m = DATE_NUM.search(text) or DATE_MDY.search(text) or DATE_DMY.search(text)
    if not m:
        return None
    month = m.group("month")
    month_no = int(month) if month.isdigit() else MONTHS[month[:3].lower()]
    rest = text[:m.start()] + " " + text[m.end():]
    year_text = m.group("year")
    if not year_text:
        y = YEAR.search(rest)
        if not y:
            return None
        year_text = y.group()
        rest = rest[:y.start()] + " " + rest[y.end():]
    year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    hour = minute = second = 0
    t = TIME.search(rest)
    if t:
        hour, minute = int(t.group("h") or t.group("h2")), int(t.group("m") or t.group("m2") or 0)
        second = int(t.group("s") or 0)
        ap = (t.group("ap") or t.group("ap2") or "").lower()
        if ap == "p" and hour < 12:
            hour += 12
        elif ap == "a" and hour == 12:
            hour = 0
    try:
        return datetime(year, month_no, int(m.group("day")), hour, minute, second)
    except ValueError:
        return None


def first(fields: dict[str, list[str]], key: str) -> str:
    values = fields.get(key) or [""]
    return " ".join(values[0].split())


# -- messages ------------------------------------------------------------------------------------------------

def split_printed(pages: list[Page], origin: Origin) -> list[Message | Reject]:
    """The document's message, its quoted history as children; a Reject when no header block is found.

    A header block in the printed layout that opens a page starts another top-level message (a file
    of several printed e-mails); any other block is quoted history of the message above it.
    """
    lines, facts = read_lines(pages)
    blocks = find_blocks(lines)
    if not blocks:
        return [Reject(origin, NO_HEADER)]
    starts = [span_start(lines, b) for b in blocks]
    production = production_meta(facts)
    label = production.get("doc_number") or PurePath(origin.path).name
    confidence = {p.number: p.confidence for p in pages if p.confidence is not None}
    bates: dict[int, list[str]] = {}
    for line in lines:
        if line.bates:
            bates.setdefault(line.page, []).extend(line.bates)
    out: list[Message] = []
    for i, block in enumerate(blocks):
        end = starts[i + 1] if i + 1 < len(blocks) else len(lines)
        top = not out or opens_page(lines, block)
        msg = make_message(lines, block, end)
        msg.origin = Origin(origin.source_sha, origin.file_sha, origin.path, f"{label} message {i + 1}")
        msg.meta = {**production, **message_meta(lines, starts[i], end, confidence, bates)}
        codes = (list(facts.stamp_codes) + [c for line in lines if line.codes for c in line.codes]) if top else [
            c for line in lines[starts[i]:end] if line.codes for c in line.codes]
        if codes:
            msg.meta["exemptions"] = sorted(set(codes))
        if top:
            out.append(msg)
        else:
            msg.relation = "quoted"
            out[-1].children.append(msg)
    return list(out)


def production_meta(facts: Facts) -> dict[str, str | list[str]]:
    """What the production says of the whole document: case and document numbers, release date and stamp."""
    meta: dict[str, str | list[str]] = {}
    if facts.cases:
        meta["case_number"] = facts.top(facts.cases)
    if facts.docs:
        meta["doc_number"] = facts.top(facts.docs)
    if facts.dates:
        mm, dd, yyyy = facts.top(facts.dates).split("/")
        meta["release_date"] = f"{yyyy}-{mm}-{dd}"
    if facts.stamp:
        meta["release_stamp"] = facts.stamp
    return meta


def span_start(lines: list[Line], block: Block) -> int:
    """The block's first line, or the separator line (``-----Original Message-----``) printed just above it."""
    k = block.first - 1
    while k >= 0 and lines[k].blank:
        k -= 1
    return k if k >= 0 and SEPARATOR.match(lines[k].text) else block.first


def opens_page(lines: list[Line], block: Block) -> bool:
    """A printed-layout block that is the first thing on its page (after the banner), not the first page."""
    page = lines[block.first].page
    if not block.padded or page == lines[0].page:
        return False
    k = block.first - 1
    while k >= 0 and lines[k].page == page:
        if not lines[k].blank:
            return False
        k -= 1
    return True


def make_message(lines: list[Line], block: Block, end: int) -> Message:
    f = block.fields
    sender = parse_address(first(f, "from")) if f.get("from") else None
    when = first(f, "when")
    attachments = [Attachment(name=name, sha256="", size=0, content_type="", error=ATTACHMENT_NOTE)
                   for name in (n.strip() for n in " ".join(f.get("attachments", [])).split(";")) if name]
    return Message(
        origin=Origin("", "", "", ""),
        sent_at=parse_printed_date(when) if when else None,
        date_raw=when,
        sender=sender,
        to=parse_list(f.get("to", [])),
        cc=parse_list(f.get("cc", [])),
        bcc=parse_list(f.get("bcc", [])),
        subject=first(f, "subject"),
        body=body_text(lines[block.last + 1:end]),
        attachments=attachments,
    )


def body_text(lines: list[Line]) -> str:
    """The text of body lines, blank runs collapsed to one blank line, common indentation removed."""
    texts = [line.text for line in lines]
    while texts and (not texts[-1].strip() or SEPARATOR.match(texts[-1])):
        texts.pop()
    indent = min((len(t) - len(t.lstrip()) for t in texts if t.strip()), default=0)
    out: list[str] = []
    for t in texts:
        if t.strip():
            out.append(t[indent:])
        elif out and out[-1]:
            out.append("")
    return "\n".join(out).strip()


def message_meta(lines: list[Line], start: int, end: int, confidence: dict[int, float],
                 bates_by_page: dict[int, list[str]]) -> dict[str, str | list[str]]:
    """Where the message is printed (``lines[start:end]``): pages, character span, Bates numbers, redactions, OCR confidence."""
    inked = [line for line in lines[start:end] if not line.blank] or [lines[start]]
    first_page, last_page = inked[0].page, inked[-1].page
    meta: dict[str, str | list[str]] = {}
    bates = [b for page, found in sorted(bates_by_page.items()) if first_page <= page <= last_page for b in found]
    if bates:
        meta["bates"] = list(dict.fromkeys(bates))
    meta["redactions"] = str(sum(line.marks for line in lines[start:end]))
    meta["pages"] = f"{first_page}-{last_page}" if last_page != first_page else str(first_page)
    meta["page"] = str(first_page)
    meta["span"] = f"{lines[start].start}-{inked[-1].end}"
    known = [c for p, c in confidence.items() if first_page <= p <= last_page]
    if known:
        meta["ocr_confidence"] = f"{mean(known):.1f}"
    return meta
