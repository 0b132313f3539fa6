"""Claim extraction speed: model load once, then a 1,000-word article, median of several runs.

``extract()`` is timed next to the parse it starts with (``nlp(text)`` with the same pipeline, runs
interleaved so a loaded machine slows both alike), and the claims code alone is timed by handing
``extract()`` the parsed document. Compared
with the obvious alternatives: the stock spaCy pipeline (no claims made) and a regex-only pass (dates
and sums, no parse). Every component of the pipeline is used by the claims code (tagger and
attribute_ruler for parts of speech, lemmatizer for verb lemmas, ner for name hints); disabling any
one of them changes the claims on the fixtures, so none is disabled.

Run: ``python -m bench claims-speed``.
"""

from __future__ import annotations

import statistics
import time

import spacy

from bench.claims_quality import FIXTURES, read_fixture
from interlock.claims import extract, find_amounts, find_dates, load_model
from interlock.claims.extract import MODEL

RUNS = 9


def article(words: int = 1000) -> str:
    """About ``words`` words of fixture news copy, paragraphs repeated in order."""
    texts = [read_fixture(p)[0] for p in sorted(FIXTURES.glob("*.txt"))]
    out: list[str] = []
    while sum(len(t.split()) for t in out) < words:
        out.append(texts[len(out) % len(texts)])
    return "\n\n".join(out)


def median_seconds(fn, runs: int = RUNS) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    start = time.perf_counter()
    nlp = load_model()
    load = time.perf_counter() - start
    text = article()
    words = len(text.split())
    claims = extract(text, None, nlp)
    parses, extracts = [], []
    for _ in range(RUNS):
        parses.append(median_seconds(lambda: nlp(text), runs=1))
        extracts.append(median_seconds(lambda: extract(text, None, nlp), runs=1))
    parse, ours = statistics.median(parses), statistics.median(extracts)
    doc = nlp(text)
    own = median_seconds(lambda: extract(text, None, lambda _: doc))  # type: ignore[arg-type]
    full = spacy.load(MODEL)
    plain = median_seconds(lambda: full(text))
    regex = median_seconds(lambda: (find_dates(text), find_amounts(text)))
    print(f"claims-speed: {words} words, median of {RUNS} runs")
    print(f"  model load (once)            {load:7.3f} s  pipes {nlp.pipe_names}")
    print(f"  extract() -> {len(claims):3} claims       {ours:7.3f} s  ({words / ours:,.0f} words/s)")
    print(f"    of which the parse         {parse:7.3f} s  (nlp(text), same pipeline)")
    print(f"    of which the claims code   {own:7.3f} s  (extract() on the parsed doc)")
    print(f"  stock nlp(text)              {plain:7.3f} s  (parse only, no claims)")
    print(f"  regex only (dates, sums)     {regex:7.3f} s  (no names, no relations)")


if __name__ == "__main__":
    main()
