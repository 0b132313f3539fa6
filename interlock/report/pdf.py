"""The report as PDF: the self-contained HTML report (:mod:`.html`) printed by Chromium headless.

::

    write_pdf(report, Path("lakeport/report.pdf"))     # report from build_report()

Chromium is the Debian package (``apt-get install chromium``; ``make`` installs it), found on the
PATH when the PDF is asked for; interlock never downloads a browser. The HTML is written to a
temporary folder and printed from there with a throw-away profile, so nothing of the user's
browser is read or changed, and the page (no scripts, no outside resources) needs no network.
How the pages look is the template's ``@media print`` CSS: each finding starts a page, figures and
evidence items are not split, closed ``<details>`` are printed open, and the margin shows the case
and the page number instead of Chromium's own header (the date and a temporary file's path).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from interlock.errors import UsageError

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT = 180.0       # seconds; the demo case prints in about two
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run",
    "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
)


def find_chromium() -> str:
    """The path of a Chromium (or Chrome) executable on the PATH, or a :class:`UsageError` that says what to install."""
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise UsageError("cannot write a PDF report: Chromium is not installed (no " + ", ".join(CHROMIUM_NAMES) + " on the PATH); "
                     "install the Debian package with `apt-get install chromium` (`make demo` does), "
                     "or write --format html and print it from a browser")


def chromium_command(chromium: str, page: Path, pdf: Path, profile: Path) -> list[str]:
    """The command line that prints ``page`` (an HTML file) to ``pdf``."""
    return [chromium, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", page.resolve().as_uri()]


def print_html(html: str, out: Path, chromium: str | None = None, timeout: float = TIMEOUT) -> Path:
    """Print the HTML document ``html`` to the PDF file ``out`` with Chromium headless; returns ``out``."""
    exe = chromium or find_chromium()
    with tempfile.TemporaryDirectory(prefix="interlock-pdf-") as tmp:
        page, pdf = Path(tmp) / "report.html", Path(tmp) / "report.pdf"
        page.write_text(html, encoding="utf-8")
        try:
            done = subprocess.run(chromium_command(exe, page, pdf, Path(tmp) / "profile"), capture_output=True,
                                  timeout=timeout, stdin=subprocess.DEVNULL)
        except FileNotFoundError as exc:
            raise UsageError(f"cannot write a PDF report: {exe} is not there ({exc.strerror}); install Chromium "
                             "with `apt-get install chromium`") from exc
        except subprocess.TimeoutExpired as exc:
            raise UsageError(f"{out}: Chromium did not finish printing the report within {timeout:.0f} s") from exc
        if done.returncode != 0 or not pdf.exists() or pdf.stat().st_size == 0:
            raise UsageError(f"{out}: Chromium could not print the report (exit {done.returncode}): {last_error(done.stderr)}")
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(pdf, out)
        except OSError as exc:
            raise UsageError(f"{out}: cannot write the report ({exc.strerror or exc})") from exc
    return out


def last_error(stderr: bytes) -> str:
    """The last line of Chromium's stderr that is not D-Bus noise (a container has no D-Bus)."""
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines()
             if line.strip() and "dbus" not in line.lower()]
    return lines[-1][:300] if lines else "no message"


def write_pdf(report: dict[str, Any], out: Path, chromium: str | None = None) -> Path:
    """Write ``report`` (from :func:`interlock.report.build_report`) to ``out`` as PDF; returns ``out``."""
    from interlock.report.html import render_html

    return print_html(render_html(report), out, chromium)
