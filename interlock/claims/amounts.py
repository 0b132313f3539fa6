"""Sums of money as news copy writes them, as an :class:`Amount` range (low, high).

"$52,000" is 52,000..52,000; "$4.4 million", "$1.2M", "$450K" likewise; "between $5,000 and $10,000"
and "$5,000 to $10,000" are ranges; "more than / over / at least $X" is X..infinity; "up to / less than
$X" is 0..X; "about / nearly / almost $X" keeps X (the qualifier stays in ``text``). Vague sums are ranges
of their order of magnitude: "millions of dollars" 2e6..1e9, "thousands of dollars" 2e3..1e6,
"hundreds of thousands of dollars" 2e5..1e6, "tens of millions of dollars" 2e7..1e8.
"""

from __future__ import annotations

import math
import re

from interlock.claims.model import Amount

SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mln": 1e6, "billion": 1e9, "b": 1e9, "bn": 1e9}
NUM = r"\$\s?(?P<{0}>\d[\d,]*(?:\.\d+)?)(?:\s*(?P<{0}s>thousand|million|billion|mln|bn)\b|(?P<{0}k>[kKmMbB])\b)?"
PLAIN = r"(?P<p>\d[\d,]*(?:\.\d+)?)\s*(?P<ps>thousand|million|billion)?\s+dollars\b"
VAGUE = {
    "hundreds of dollars": (2e2, 1e3), "thousands of dollars": (2e3, 1e6), "tens of thousands of dollars": (2e4, 1e5),
    "hundreds of thousands of dollars": (2e5, 1e6), "millions of dollars": (2e6, 1e9), "tens of millions of dollars": (2e7, 1e8),
    "hundreds of millions of dollars": (2e8, 1e9), "billions of dollars": (2e9, 1e12),
}
QUALIFIER = r"(?P<q>more\s+than|over|at\s+least|upwards\s+of|up\s+to|less\s+than|under|nearly|almost|about|roughly|approximately|around)\s+"
SCANNER = re.compile(
    r"(?:between\s+" + NUM.format("a") + r"\s+and\s+" + NUM.format("b") + r")"
    r"|(?:" + NUM.format("c") + r"\s*(?:to|-|–)\s*" + NUM.format("d") + r")"
    r"|(?:(?:" + QUALIFIER + r")?(?:" + NUM.format("e") + "|" + PLAIN + r"))"
    r"|(?P<v>" + "|".join(sorted((re.escape(k) for k in VAGUE), key=len, reverse=True)) + r")",
    re.I,
)


def value(number: str, scale: str | None, letter: str | None) -> float:
    word = (scale or letter or "").lower()
    return float(number.replace(",", "")) * SCALE.get(word, 1.0)


def find_amounts(text: str) -> list[tuple[int, int, Amount]]:
    """Every sum of money in ``text`` with its character offsets, in order (US dollars)."""
    found = []
    for m in SCANNER.finditer(text):
        g = m.groupdict()
        if g["a"]:
            low, high = value(g["a"], g["as"], g["ak"]), value(g["b"], g["bs"], g["bk"])
        elif g["c"]:
            low, high = value(g["c"], g["cs"], g["ck"]), value(g["d"], g["ds"], g["dk"])
        elif g["v"]:
            low, high = VAGUE[" ".join(g["v"].lower().split())]
        else:
            x = value(g["e"], g["es"], g["ek"]) if g["e"] else value(g["p"], g["ps"], None)
            q = " ".join((g["q"] or "").lower().split())
            low, high = x, x
            if q in ("more than", "over", "at least", "upwards of"):
                high = math.inf
            elif q in ("up to", "less than", "under"):
                low = 0.0
        found.append((m.start(), m.end(), Amount(low, high, "USD", m.group(0))))
    return found


def parse_amount(text: str) -> Amount | None:
    """The first sum of money in ``text``, or None."""
    found = find_amounts(text)
    return found[0][2] if found else None
