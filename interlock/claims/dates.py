"""Dates as news copy writes them, resolved to a :class:`DateSpan` (first and last day).

:func:`find_dates` scans a whole document in order. Each expression is resolved against the
article's ``published`` date and the date written just before it (the *anchor*), so "three months
later, in September" after "in June 2021" is September 2021 and "the same day" is the anchor's day.

Forms: "Aug. 14, 2019", "on Feb. 3", "June 2021", "May of 2018", "in 2019", "in 2022 and 2023", "in the fall of 2017",
"last fall" (the latest fall over by the published date)
(fall Sep-Nov, spring Mar-May, summer Jun-Aug, winter Dec-Feb), "the first quarter of 2021",
"early/mid/late 2019", "between January 2016 and December 2017", "from 2012 to 2018", "since 2015"
(to the published date), "in April" (the anchor's or published year; after the anchor when the text
says "later"), "last month", "this year", "last year", "earlier this year", "by the end of last year"
(the whole year), "the end of 2019" (Oct-Dec), "Monday" (the latest such day on or before
publication), "yesterday", "N months later", "N years ago", "over the last three years", "the same
day", "that period". Without a published date the relative forms are skipped.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from interlock.claims.model import DateSpan

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}
QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

M = (r"(?P<{0}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
     r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
Y = r"(?P<{0}>(?:19|20)\d\d)(?![\d-])"
N = r"(?P<{0}>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"


def _m(name: str) -> str:
    return M.format(name)


def _y(name: str) -> str:
    return Y.format(name)


PATTERNS: list[tuple[str, str]] = [
    ("range_my", rf"\b(?:between|from)\s+{_m('m1')}\s+(?:of\s+)?{_y('y1')}\s+(?:and|to|through|until)\s+{_m('m2')}\s+(?:of\s+)?{_y('y2')}"),
    ("range_y", rf"\b(?:between|from)\s+{_y('y1')}\s+(?:and|to|through|until)\s+{_y('y2')}"),
    ("range_in", rf"\bin\s+{_y('y1')}\s+(?:and|through)\s+{_y('y2')}"),
    ("later_month", rf"\b{N.format('n')}\s+(?P<unit>days?|weeks?|months?|years?)\s+later,?\s+(?:in|on)\s+{_m('m')}(?!\s+\d)"),
    ("later", rf"\b{N.format('n')}\s+(?P<unit>days?|weeks?|months?|years?)\s+later\b"),
    ("ago", rf"\b{N.format('n')}\s+(?P<unit>months?|years?)\s+ago\b"),
    ("past_n", rf"\b(?:over|in|during)\s+the\s+(?:past|last)\s+{N.format('n')}\s+(?P<unit>months|years)\b"),
    ("since_my", rf"\bsince\s+{_m('m')}\s+(?:of\s+)?{_y('y')}"),
    ("since_m", rf"\bsince\s+{_m('m')}(?![\w.]*\s+\d)"),
    ("since_y", rf"\bsince\s+{_y('y')}"),
    ("mdy", rf"\b{_m('m')}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,\s+{_y('y')}"),
    ("md", rf"\b{_m('m')}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?!,?\s+(?:19|20)\d\d)"),
    ("my", rf"\b{_m('m')}\s+(?:of\s+)?{_y('y')}"),
    ("season", r"\b(?:the\s+)?(?P<s>spring|summer|fall|autumn|winter)(?:\s+of)?\s+" + _y("y")),
    ("season_bare", r"\bin\s+the\s+(?P<s>spring|summer|fall|autumn|winter)\b(?!\s+of)"),
    ("season_last", r"\blast\s+(?P<s>spring|summer|fall|autumn|winter)\b"),
    ("quarter", r"\bthe\s+(?P<q>first|second|third|fourth)\s+quarter\s+of\s+" + _y("y")),
    ("part", r"\b(?P<p>early|mid-?|late)\s*" + _y("y")),
    ("by_end", r"\bby\s+the\s+end\s+of\s+(?:(?P<rel>last|this|next)\s+year|" + _y("y") + ")"),
    ("end", r"\bthe\s+end\s+of\s+(?:(?P<rel>last|this|next)\s+year|" + _y("y") + ")"),
    ("earlier_this", r"\bearlier\s+this\s+(?P<unit>year|month)\b"),
    ("rel", r"\b(?P<rel>last|this|next|past)\s+(?P<unit>week|month|year)\b"),
    ("in_month", rf"\b(?P<later>later\s+)?(?:in|by|until|through)\s+{_m('m')}(?![\w.]*\s+\d)"),
    ("weekday", r"\b(?:on\s+|last\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    ("yesterday", r"\byesterday\b"),
    ("same_day", r"\b(?:the\s+same|that)\s+day\b"),
    ("that_period", r"\b(?:over|during|in)\s+(?:that|the\s+same)\s+(?:period|time)\b"),
    ("iso", r"\b(?P<y>(?:19|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)\b"),
    ("us", r"\b(?P<mo>1[0-2]|0?[1-9])/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)\d\d)\b"),
    ("year", r"(?<![$\d.,])\b" + _y("y") + r"(?!\s*(?:-|percent|%))"),
]
#: the words an expression can start with; checked once per word boundary before the alternatives are tried
#: (8x faster than trying every alternative at every character)
STARTERS = ("between from since in on by until through over during the that this last next past earlier early late later "
            "yesterday a an one two three four five six seven eight nine ten eleven twelve spring summer fall autumn winter "
            "monday tuesday wednesday thursday friday saturday sunday").split()
FIRST = r"\b(?=\d|mid|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|(?:" + "|".join(STARTERS) + r")\b)"
SCANNER = re.compile(FIRST + "(?:" + "|".join(f"(?P<_{name}>{rx.replace('(?P<', f'(?P<{name}_')})" for name, rx in PATTERNS)
                     + ")", re.I)


def month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def whole_month(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), month_end(y, m)


def whole_year(y: int) -> tuple[date, date]:
    return date(y, 1, 1), date(y, 12, 31)


def add_months(d: date, n: int) -> date:
    k = d.year * 12 + d.month - 1 + n
    return date(k // 12, k % 12 + 1, min(d.day, calendar.monthrange(k // 12, k % 12 + 1)[1]))


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")[:3] if word.lower().rstrip(".") not in MONTHS else word.lower().rstrip(".")]


def number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS[word.lower()]


def month_near(m: int, published: date | None, anchor: DateSpan | None, after: bool) -> tuple[date, date] | None:
    """A month named without a year: after the anchor when the text says "later", else in the anchor's year,
    else the latest such month on or before publication."""
    if after and anchor:
        y = anchor.end.year if m > anchor.end.month else anchor.end.year + 1
        return whole_month(y, m)
    if anchor and (anchor.end - anchor.start).days <= 92:
        return whole_month(anchor.start.year, m)
    if published:
        y = published.year if m <= published.month else published.year - 1
        return whole_month(y, m)
    return None


def resolve(kind: str, g: dict[str, str], published: date | None, anchor: DateSpan | None) -> tuple[date, date] | None:
    """The first and last day an expression of ``kind`` (a name in :data:`PATTERNS`) stands for."""
    if kind == "range_my":
        return date(int(g["y1"]), month_number(g["m1"]), 1), month_end(int(g["y2"]), month_number(g["m2"]))
    if kind == "range_in":  # "in 2022 and 2023": both years
        years = sorted((int(g["y1"]), int(g["y2"])))
        return date(years[0], 1, 1), date(years[1], 12, 31)
    if kind == "range_y":
        return date(int(g["y1"]), 1, 1), date(int(g["y2"]), 12, 31)
    if kind in ("mdy", "iso", "us"):
        m = int(g["mo"]) if "mo" in g else month_number(g["m"])
        d = date(int(g["y"]), m, int(g["d"]))
        return d, d
    if kind == "my":
        return whole_month(int(g["y"]), month_number(g["m"]))
    if kind == "md":
        month = month_near(month_number(g["m"]), published, anchor, after=False)
        return (month[0].replace(day=int(g["d"])),) * 2 if month else None
    if kind == "year":
        return whole_year(int(g["y"]))
    if kind == "season":
        a, b = SEASONS[g["s"].lower()]
        y = int(g["y"])
        return (date(y, a, 1), month_end(y + 1, b)) if a > b else (date(y, a, 1), month_end(y, b))
    if kind == "quarter":
        q, y = QUARTERS[g["q"].lower()], int(g["y"])
        return date(y, 3 * q - 2, 1), month_end(y, 3 * q)
    if kind == "part":
        y, p = int(g["y"]), g["p"].lower().rstrip("-")
        months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[p]
        return date(y, months[0], 1), month_end(y, months[1])
    if kind == "since_y":
        return (date(int(g["y"]), 1, 1), published) if published else None
    if kind == "since_my":
        return (date(int(g["y"]), month_number(g["m"]), 1), published) if published else None
    if kind == "same_day":
        return (anchor.start, anchor.start) if anchor and anchor.start == anchor.end else None
    if kind == "that_period":
        return (anchor.start, anchor.end) if anchor else None
    if kind == "later_month":
        return month_near(month_number(g["m"]), published, anchor, after=True)
    if kind == "in_month":
        return month_near(month_number(g["m"]), published, anchor, after=bool(g.get("later")))
    if kind == "season_bare":
        base = anchor.start.year if anchor else published.year if published else None
        if base is None:
            return None
        return resolve("season", {"s": g["s"], "y": str(base)}, published, anchor)
    if kind == "later":
        if not anchor:
            return None
        n, unit = number(g["n"]), g["unit"].lower().rstrip("s")
        if unit == "day":
            d = anchor.start + timedelta(days=n)
            return d, d
        if unit == "week":
            d = anchor.start + timedelta(weeks=n)
            return d - timedelta(days=d.weekday()), d - timedelta(days=d.weekday()) + timedelta(days=6)
        d = add_months(anchor.start, n if unit == "month" else 12 * n)
        return whole_month(d.year, d.month) if unit == "month" else whole_year(d.year)
    if published is None:
        return None
    return resolve_relative(kind, g, published)


def resolve_relative(kind: str, g: dict[str, str], published: date) -> tuple[date, date] | None:
    """Forms that count from the published date alone."""
    if kind == "since_m":
        m = month_number(g["m"])
        return date(published.year if m <= published.month else published.year - 1, m, 1), published
    if kind == "ago":
        n, unit = number(g["n"]), g["unit"].lower().rstrip("s")
        if unit == "year":
            return whole_year(published.year - n)
        d = add_months(published, -n)
        return whole_month(d.year, d.month)
    if kind == "past_n":
        n, unit = number(g["n"]), g["unit"].lower()
        return (add_months(published, -n * (12 if unit == "years" else 1)), published)
    if kind in ("by_end", "end"):
        offset = {"last": -1, "this": 0, "next": 1}
        y = published.year + offset[g["rel"].lower()] if g.get("rel") else int(g["y"])
        return whole_year(y) if kind == "by_end" else (date(y, 10, 1), date(y, 12, 31))
    if kind == "earlier_this":
        start = date(published.year, 1, 1) if g["unit"].lower() == "year" else published.replace(day=1)
        return start, published
    if kind == "rel":
        rel, unit = g["rel"].lower(), g["unit"].lower()
        step = {"last": -1, "past": -1, "this": 0, "next": 1}[rel]
        if unit == "year":
            return whole_year(published.year + step)
        if unit == "month":
            d = add_months(published.replace(day=1), step)
            return whole_month(d.year, d.month)
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
        return monday, monday + timedelta(days=6)
    if kind == "season_last":
        for year in (published.year, published.year - 1, published.year - 2):
            start, end = resolve("season", {"s": g["s"], "y": str(year)}, published, None) or (published, published)
            if end < published:
                return start, end
        return None
    if kind == "weekday":
        back = (published.weekday() - WEEKDAYS[g["wd"].lower()]) % 7
        d = published - timedelta(days=back)
        return d, d
    if kind == "yesterday":
        d = published - timedelta(days=1)
        return d, d
    return None


def find_dates(text: str, published: date | None = None, anchor: DateSpan | None = None) -> list[tuple[int, int, DateSpan]]:
    """Every date expression in ``text`` with its character offsets, in order, each resolved against
    ``published`` and the expression before it (the first one against ``anchor``)."""
    found: list[tuple[int, int, DateSpan]] = []
    for match in SCANNER.finditer(text):
        kind = (match.lastgroup or "_")[1:]   # the outermost group, named "_<kind>", closes last
        groups = {k[len(kind) + 1:]: v for k, v in match.groupdict().items() if v is not None and k.startswith(kind + "_")}
        try:
            span = resolve(kind, groups, published, anchor)
        except (ValueError, KeyError):
            span = None
        if span is None:
            continue
        written = match.group(0).strip().rstrip(",")
        if written.endswith(".") and len(written.split()[-1]) > 5:  # a sentence's full stop, not "Feb."
            written = written[:-1]
        value = DateSpan(span[0], span[1], written)
        found.append((match.start(), match.end(), value))
        if kind not in ("same_day", "that_period", "season_last"):   # "last spring ... in January": January of the published year
            anchor = value
    return found


def parse_date(text: str, published: date | None = None, anchor: DateSpan | None = None) -> DateSpan | None:
    """The first date expression in ``text``, or None."""
    found = find_dates(text, published, anchor)
    return found[0][2] if found else None
