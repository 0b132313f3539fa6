"""The HTML report in a real browser (Debian's Chromium driven by Playwright) at a desktop and a phone
width, and the PDF that Chromium prints of it.

The case is the tiny one of :mod:`reportcase` with three findings, one of them with the long unbroken
paths and record ids real sources have, so that what overflows on a phone shows up. Chromium is
``/usr/bin/chromium`` (``make`` installs the Debian package); Playwright never downloads a browser.
Without Chromium or Playwright the browser tests fail under CI=true and are skipped elsewhere.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from interlock.cli import main
from interlock.errors import UsageError
from interlock.findings import Evidence, Source
from interlock.report import build_report, write_report
from interlock.report.pdf import find_chromium
from interlock.store.duckdb import DuckDBStore

from .reportcase import MBOX, REGISTRY, add_finding, make_finding

try:
    from playwright.sync_api import Browser, sync_playwright
except ImportError:          # the dev extra is not installed
    sync_playwright = None

CHROMIUM = Path("/usr/bin/chromium")
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
LONG_PATH = "/in/registry/Lobbyist_Data_-_Lobbyist__Employer__Client_Combinations_20220115.csv"
LONG_RECORD = "<20191008164031.bddbea5d3eded68e@harborlinesecurity.com>"
GROUP_HEAD = re.compile(r"[^·]+ \([\w-]+\) · \d+ findings $")


def need_chromium() -> None:
    """Fail under CI (which always has Chromium), skip elsewhere, when the browser cannot be driven."""
    why = ""
    if not CHROMIUM.exists():
        why = f"{CHROMIUM} is not installed (apt-get install chromium; `make test` installs it)"
    elif sync_playwright is None:
        why = "playwright is not installed (pip install -r requirements.lock)"
    if why:
        if os.environ.get("CI") == "true":
            pytest.fail(why)
        pytest.skip(why)


def add_findings(store: DuckDBStore) -> None:
    """Three findings: the plain one, one with an e-mail link, and one full of long unbroken strings."""
    add_finding(store, make_finding())
    add_finding(store, make_finding("Samuel Reyes-Whitfield", severity="medium", score=0.7, emailed=True, key=("2",)))
    long = make_finding("Maximiliano Reyes-Castellanos", severity="low", score=0.4, key=("3",))
    long.chain[1].source = Source(LONG_PATH, "Lobbyist_Data_-_Lobbyist__Employer__Client_Combinations_20220115.csv row 1551",
                                  REGISTRY)
    long.evidence.append(Evidence("/in/mailbox/dortiz-lakeport.mbox", LONG_RECORD, "2019-10-08",
                                  "Subject: Re: LakeportID partners — Maximiliano Reyes-Castellanos wrote: "
                                  "https://www.harborlinesecurity.com/partners/lakeportid/programme-enrolment-form-2019-final.pdf",
                                  MBOX, highlight=["Maximiliano Reyes-Castellanos"]))
    add_finding(store, long)


@pytest.fixture
def report(case_store: DuckDBStore) -> dict[str, Any]:
    add_findings(case_store)
    return build_report(case_store, "lakeport")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    need_chromium()
    assert sync_playwright is not None
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        yield launched
        launched.close()


PAGE_FACTS = """() => {
  const inside = (el, box) => { const r = el.getBoundingClientRect(); return r.left >= box.left - 1 && r.right <= box.right + 1; };
  const shown = el => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  return {
    scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth,
    bodyFont: parseFloat(getComputedStyle(document.body).fontSize),
    findings: [...document.querySelectorAll('article.finding')].map(a => {
      const box = a.getBoundingClientRect();
      const timelines = [...a.querySelectorAll('figure:not(.chain-figure) svg')].filter(shown);
      return {
        id: a.id, title: a.querySelector('h2')?.textContent.trim(), shown: shown(a), width: box.width,
        chain: shown(a.querySelector('figure.chain-figure svg')),
        timelines: timelines.length, timelinesInside: timelines.every(s => inside(s, box)),
        chainInside: [...a.querySelectorAll('figure.chain-figure svg')].every(s => inside(s, box)),
        marks: [...a.querySelectorAll('.excerpt mark')].filter(shown).map(m => m.textContent),
        overflowing: [...a.querySelectorAll('*')].filter(el => shown(el) && !inside(el, box) && !el.closest('.table-wrap'))
                       .map(el => el.tagName + '.' + el.className),
      };
    }),
  };
}"""


@pytest.mark.parametrize("width", WIDTHS, ids=list(WIDTHS))
def test_the_report_reads_in_a_browser(browser: Browser, report: dict[str, Any], tmp_path: Path, width: str) -> None:
    page_file = write_report(report, "html", tmp_path / "report.html")
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h}, is_mobile=width == "phone", has_touch=width == "phone",
                                  device_scale_factor=1)
    requests: list[str] = []
    outside: list[str] = []
    errors: list[str] = []

    def route(r: Any) -> None:
        if r.request.url.startswith(("data:", "file:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("request", lambda req: requests.append(req.url))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(page_file.as_uri(), wait_until="load")
    facts = page.evaluate(PAGE_FACTS)
    context.close()

    assert outside == [] and all(u.startswith(("data:", "file:")) for u in requests), requests   # self-contained
    assert errors == []
    # innerWidth alone is not enough: a phone zooms out to fit a page that is too wide, and innerWidth grows with it
    assert facts["scrollWidth"] <= min(facts["innerWidth"], w), f"the page scrolls sideways at {w}px"
    assert facts["bodyFont"] >= 15
    shown = {f["id"]: f for f in facts["findings"]}
    assert list(shown) == [f["id"] for f in report["findings"]]
    for finding in report["findings"]:
        seen = shown[finding["id"]]
        assert seen["shown"] and seen["title"] == finding["title"] and seen["width"] <= w
        assert seen["chain"] and seen["chainInside"], f"{finding['id']}: chain figure missing or wider than its card"
        assert seen["timelines"] == 1 and seen["timelinesInside"], f"{finding['id']}: one timeline, inside its card"
        names = {n.lower() for e in finding["evidence"] for n in e["highlight"]}
        assert seen["marks"] and {m.lower() for m in seen["marks"]} <= names
        assert seen["overflowing"] == [], f"{finding['id']} at {w}px: {seen['overflowing']}"


def test_the_pdf_has_a_page_per_finding(case_store: DuckDBStore, report: dict[str, Any], tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    need_chromium()
    case_store.close()                                      # the case folder is tmp_path; let the command open it
    monkeypatch.setattr(sys, "argv", ["interlock", "report", str(tmp_path), "--format", "pdf"])
    main()
    out = tmp_path / "report.pdf"
    assert capsys.readouterr().out.strip() == str(out)
    assert out.read_bytes()[:5] == b"%PDF-"
    pdf = pdfium.PdfDocument(out)
    try:
        pages = [" ".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf))]
    finally:
        pdf.close()
    numbers = [f"{i + 1} / {len(pages)} " for i in range(len(pages))]     # the margin's page number comes first
    assert all(text.startswith(n) for text, n in zip(pages, numbers, strict=True))
    pages = [text.removeprefix(n) for text, n in zip(pages, numbers, strict=True)]
    # a page starts with each finding's title, or with the heading of its group ("Dana Ortiz (official) and … · 3 findings")
    starts = [[i for i, text in enumerate(pages) if text.startswith(f["title"]) or GROUP_HEAD.match(text.partition(f["title"])[0])]
              for f in report["findings"]]
    assert all(len(s) == 1 for s in starts), starts
    assert [s[0] for s in starts] == sorted({s[0] for s in starts}) and starts[0][0] >= 1
    assert "An official's government account exchanged mail" in " ".join(pages)   # the rule's text: <details> print open


def test_without_chromium_the_pdf_is_refused_naming_it(report: dict[str, Any], tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    with pytest.raises(UsageError, match="Chromium is not installed.*apt-get install chromium"):
        find_chromium()
    with pytest.raises(UsageError, match="Chromium is not installed"):
        write_report(report, "pdf", tmp_path / "report.pdf")
    assert not (tmp_path / "report.pdf").exists()


def test_the_command_line_says_what_is_missing(case_store: DuckDBStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    case_store.close()                                      # the case folder is tmp_path; let the command open it
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    monkeypatch.setattr(sys, "argv", ["interlock", "report", str(tmp_path), "--format", "pdf"])
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 2
    assert "Chromium is not installed" in capsys.readouterr().err and not (tmp_path / "report.pdf").exists()

