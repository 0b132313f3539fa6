"""Claim extraction quality on the labelled fixtures in ``tests/claims/fixtures``.

A predicted claim matches a labelled one when relation, subject and object agree after normalising
(case, punctuation, a leading "the"); spouse, family and associate match in either direction. Names
must be full: a surname alone does not match a full name. Offices match when the words of one
(less "the", "of", "a") are all in the other ("alderman of the 12th Ward" ~ "Ald. ... (12th)" read as
"Ald. of the 12th Ward" expanded to "alderman"). Claims are compared per document as sets.
Date accuracy: share of matched claims with a labelled date whose predicted span equals it.
Amount accuracy: the same for labelled amounts (low and high within 1%).

Run: ``python -m bench claims-quality`` (``-v`` lists the misses on dev; ``--misses SPLIT`` on another split,
for error analysis only: a split looked at is no longer held out). The labelled set is split into dev (tuned
on), held_out, held_out_2, held_out_3, held_out_4 and held_out_5 (never tuned on; held_out_2 to held_out_5 were written
before the extractor was run on them; held_out_3 holds short news and first-person Q&A in the plainest
constructions of the genre as well as harder ones; held_out_4 mixes city council, county board, school
board, township and state-house news with voter-guide questionnaires and third-person profiles; held_out_5,
written after held_out_4 had been used for fixes, covers a sheriff race, a water district board, a state senate
primary, a no-bid city contract, a village president's son-in-law lobbyist and two voter guides). A profile
written in the first person names its candidate as ``speaker`` in expected.json, and the bench passes it to
:func:`extract` as the profile ingester does.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from interlock.claims import SYMMETRIC, Claim, extract, load_model

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "claims" / "fixtures"
STOP = {"the", "of", "a", "an", "s", "on", "in"}


def read_fixture(path: Path) -> tuple[str, date | None]:
    """The plain text of a fixture and its published date (first line ``Published: ...`` or an HTML <time>)."""
    raw = path.read_text()
    published = None
    m = re.search(r"Published:\s*(\d{4}-\d\d-\d\d)", raw) or re.search(r'<time datetime="(\d{4}-\d\d-\d\d)"', raw)
    if m:
        published = date.fromisoformat(m.group(1))
    if path.suffix == ".html":
        raw = re.sub(r"<(script|style|title|head)[^>]*>.*?</\1>", "", raw, flags=re.S)
        raw = re.sub(r'<div class="(byline|meta)">.*?</div>', "", raw, flags=re.S)
        raw = re.sub(r"</(p|h\d|div)>", "\n\n", raw)
        raw = re.sub(r"<[^>]+>", "", raw)
    else:
        raw = re.sub(r"^Published:.*\n", "", raw)
    return re.sub(r"\n{3,}", "\n\n", raw).strip() + "\n", published


def norm(name: str) -> str:
    name = re.sub(r"[^\w\s&]", " ", name.lower())
    return " ".join(w for w in name.split() if w not in ("the",))


def office_words(name: str) -> set[str]:
    return {w for w in norm(name).replace("ald ", "alderman ").split() if w not in STOP}


def same(rel: str, exp: dict, got: Claim) -> bool:
    if rel != got.relation:
        return False
    s, o = norm(got.subject.name), norm(got.object.name)
    es, eo = norm(exp["subject"]), norm(exp["object"])
    if rel in ("holds-office", "candidate-for"):
        a, b = office_words(exp["object"]), office_words(got.object.name)
        return s == es and bool(a) and (a <= b or b <= a)
    return (s, o) == (es, eo) or (rel in SYMMETRIC and (s, o) == (eo, es))


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    dates: list[bool] = field(default_factory=list)
    amounts: list[bool] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        self.dates += other.dates
        self.amounts += other.amounts

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_document(expected: list[dict], claims: list[Claim]) -> tuple[dict[str, Tally], list[str]]:
    """Per-relation tallies for one document, and lines describing the misses."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    notes = []
    matched: set[int] = set()
    for exp in expected:
        hits = [i for i, c in enumerate(claims) if same(exp["relation"], exp, c)]
        t = tallies[exp["relation"]]
        if not hits:
            t.fn += 1
            notes.append(f"  missed  {exp['relation']}: {exp['subject']} -> {exp['object']}")
            continue
        t.tp += 1
        matched.update(hits)
        got = claims[hits[0]]
        if "date" in exp:
            ok = got.date is not None and [got.date.start.isoformat(), got.date.end.isoformat()] == exp["date"]
            t.dates.append(ok)
            if not ok:
                notes.append(f"  date    {exp['relation']}: {exp['subject']} -> {exp['object']}: {got.date} != {exp['date']}")
        if "amount" in exp:
            lo, hi = exp["amount"]
            ok = got.amount is not None and abs(got.amount.low - lo) <= 0.01 * lo and abs(got.amount.high - hi) <= 0.01 * hi
            t.amounts.append(ok)
            if not ok:
                notes.append(f"  amount  {exp['relation']}: {exp['subject']} -> {exp['object']}: {got.amount} != {exp['amount']}")
    extra = {(c.relation, c.subject.name, c.object.name): c for i, c in enumerate(claims) if i not in matched}
    for (rel, s, o), c in extra.items():
        tallies[rel].fp += 1
        notes.append(f"  false   {rel}: {s} -> {o} ({c.detail!r}) in: {c.text.strip()[:110]}")
    return tallies, notes


SPLITS = ("dev", "held_out", "held_out_2", "held_out_3", "held_out_4", "held_out_5")


def evaluate(splits: tuple[str, ...] = SPLITS, verbose: bool = False, show: str = "dev") -> dict[str, dict[str, Tally]]:
    """Tallies by split ("all" and each of :data:`SPLITS`) and relation ("*" for the total)."""
    labels = json.loads((FIXTURES / "expected.json").read_text())["documents"]
    nlp = load_model()
    out: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    for name, doc in sorted(labels.items()):
        if doc["split"] not in splits:
            continue
        text, published = read_fixture(FIXTURES / name)
        tallies, notes = score_document(doc["claims"], extract(text, published, nlp, speaker=doc.get("speaker")))
        if verbose and notes and doc["split"] == show:
            print(name, *notes, sep="\n")
        for rel, t in tallies.items():
            for split in ("all", doc["split"]):
                out[split][rel].add(t)
                out[split]["*"].add(t)
    return out


def ratio(flags: list[bool]) -> str:
    return f"{sum(flags) / len(flags):.2f} ({sum(flags)}/{len(flags)})" if flags else "-"


def main(verbose: bool = False, show: str = "dev") -> None:
    results = evaluate(verbose=verbose, show=show)
    print("claims-quality: labelled fixtures in tests/claims/fixtures")
    print(f"{'split':10} {'relation':22} {'P':>5} {'R':>5} {'F1':>5} {'tp':>4} {'fp':>4} {'fn':>4}  dates        amounts")
    for split in ("all", *SPLITS):
        rels = results.get(split, {})
        for rel in ["*", *sorted(r for r in rels if r != "*")]:
            t = rels[rel]
            print(f"{split:10} {rel:22} {t.precision:5.2f} {t.recall:5.2f} {t.f1:5.2f} {t.tp:4} {t.fp:4} {t.fn:4}  "
                  f"{ratio(t.dates):12} {ratio(t.amounts)}")


if __name__ == "__main__":
    import sys

    args = sys.argv[1:]
    show = args[args.index("--misses") + 1] if "--misses" in args else "dev"
    main(verbose="-v" in args or "--misses" in args, show=show)
