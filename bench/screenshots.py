"""Screenshots of one finding of the demo case's HTML report, at a desktop and a phone width, for the docs.

Run: ``python -m bench.screenshots [CASE]``. With no CASE a small demo case (2,000 e-mails, seed 7)
is generated in a temporary folder (its sources named ``demo-case/input/…``, as ``make demo`` names
them). Writes ``docs/screenshots/finding-desktop.png`` (1280 px wide) and
``docs/screenshots/finding-phone.png`` (390 px wide, drawn at 2× as a phone would): the whole card
of the relative-correspondence finding (the one with every part: chain, timeline, evidence and
context), scrolled into view. The browser is Debian's ``/usr/bin/chromium`` driven by Playwright
(the dev extra); nothing is downloaded. Not one of ``python -m bench``'s benchmarks: it prints
paths, not numbers.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from interlock.report import write_report

CHROMIUM = "/usr/bin/chromium"
OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
WIDTHS = {"desktop": (1280, 900, 1), "phone": (390, 844, 2)}   # width, height, device pixels per CSS pixel
RULE = "relative-correspondence"


def demo_report(case: Path | None, tmp: Path) -> dict:  # type: ignore[type-arg]
    """The JSON report of ``case``, or of a small demo case made in ``tmp``."""
    if case is None:
        from interlock.demo.run import run_demo
        from interlock.settings import Settings

        here = Path.cwd()
        os.chdir(tmp)                       # the sources are then named demo-case/input/…, as `make demo` names them
        try:
            run_demo(Path("demo-case"), emails=2000, seed=7, settings=Settings())
        finally:
            os.chdir(here)
        case = tmp / "demo-case"
    return json.loads((case / "report.json").read_text(encoding="utf-8"))


def pick_finding(report: dict) -> str:  # type: ignore[type-arg]
    """The id of the first finding of :data:`RULE`, else of the first finding."""
    findings = report["findings"]
    if not findings:
        raise SystemExit("the case has no findings to show")
    return next((f["id"] for f in findings if f["rule"] == RULE), findings[0]["id"])


def shoot(html: Path, finding_id: str, out: Path = OUT) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for name, (width, height, scale) in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale,
                                          is_mobile=name == "phone", has_touch=name == "phone")
            page = context.new_page()
            page.goto(html.as_uri(), wait_until="load")
            card = page.locator(f"article.finding[id='{finding_id}']")
            card.scroll_into_view_if_needed()
            target = out / f"finding-{name}.png"
            card.screenshot(path=str(target), animations="disabled")
            written.append(target)
            context.close()
        browser.close()
    return written


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    with tempfile.TemporaryDirectory(prefix="interlock-shots-") as tmp:
        report = demo_report(Path(args[0]) if args else None, Path(tmp))
        html = write_report(report, "html", Path(tmp) / "report.html")
        for path in shoot(html, pick_finding(report)):
            print(path)


if __name__ == "__main__":
    main()
