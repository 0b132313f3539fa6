"""PDF text: interlock's page reader (PDFium text layer, tesseract OCR) beside ``pdftotext``, on the DC BEGA sample PDFs.

Each reader runs in its own process, so wall time and peak memory (ru_maxrss, which for the OCR run
is the larger of Python's and the largest tesseract's) are its own. The measuring process imports
neither PDFium nor interlock: a child started by ``vfork`` reports its parent's resident size until it
execs, so a large parent would inflate every peak. The text-layer PDFs are read several rounds over
so start-up does not swamp the numbers. Run: ``python -m bench.pdf_ingest [FOLDER]``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from bench.measure import Run, measure

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "data" / "dc-bega-foia-emails" / "pdf_samples"
ROUNDS = 50


def child(mode: str, rounds: int, files: list[str]) -> None:
    """What runs in a child process: read every file ``rounds`` times, or (``list``) sort a folder's PDFs."""
    import pypdfium2 as pdfium

    from interlock.entities import Origin
    from interlock.ingest.foia_pdf import read_pdf
    from interlock.ingest.pdftext import needs_ocr, pdf_pages

    if mode == "list":  # each PDF, its pages, and whether any page is a scan
        for path in sorted(Path(files[0]).glob("*.pdf")):
            pdf = pdfium.PdfDocument(path)
            scans = sum(needs_ocr(pdf[i].get_textpage().get_text_range(), pdf[i]) for i in range(len(pdf)))
            print(json.dumps([str(path), len(pdf), bool(scans)]))
            pdf.close()
        return
    for _ in range(rounds):
        for name in files:
            path = Path(name)
            if mode == "read":
                read_pdf(path, Origin("", "", name, path.name))
            else:
                pdf_pages(path, ocr=mode == "ocr")


def row(name: str, run: Run, pages: int) -> str:
    status = "" if run.returncode == 0 else f"  (exit {run.returncode})"
    rate = f"{pages / run.seconds:8.1f}" if pages else f"{'':8}"
    return f"  {name:48} {pages:6,} {run.seconds:8.2f} {rate} {run.peak_mib:9.0f}{status}"


def main(folder: Path = SAMPLES) -> None:
    if len(sys.argv) > 1 and sys.argv[1] != "--child" and Path(sys.argv[-1]).is_dir():
        folder = Path(sys.argv[-1])
    listing = subprocess.run([sys.executable, "-m", "bench.pdf_ingest", "--child", "list", "0", str(folder)],
                             capture_output=True, text=True, check=True).stdout
    text_files: list[str] = []
    scan_files: list[str] = []
    text_pages = scan_pages = 0
    for line in listing.splitlines():
        path, pages, scan = json.loads(line)
        if scan:
            scan_files.append(path)
            scan_pages += pages
        else:
            text_files.append(path)
            text_pages += pages
    me = [sys.executable, "-m", "bench.pdf_ingest", "--child"]
    print(f"PDF text: {folder.name}, {len(text_files)} text-layer PDFs ({text_pages} pages, read {ROUNDS} times), "
          f"{len(scan_files)} scans ({scan_pages} pages)")
    print(f"  {'reader':48} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'peak MiB':>9}")
    print(row("interlock start-up alone (imports, no PDF)", measure([*me, "text", "0"]), 0))
    print(row("interlock pdf_pages, text layer", measure([*me, "text", str(ROUNDS), *text_files]), text_pages * ROUNDS))
    print(row("interlock foia-pdf read (pages + split)", measure([*me, "read", str(ROUNDS), *text_files]), text_pages * ROUNDS))
    if shutil.which("pdftotext"):
        loop = 'n=$1; shift; for r in $(seq "$n"); do for f in "$@"; do pdftotext -layout "$f" /dev/null; done; done'
        print(row("pdftotext -layout (poppler), one process a file", measure(["sh", "-c", loop, "sh", str(ROUNDS), *text_files]),
                  text_pages * ROUNDS))
    else:
        print("  pdftotext: not installed (apt-get install poppler-utils)")
    if shutil.which("tesseract"):
        print(row("interlock pdf_pages, OCR (tesseract, 300 dpi)", measure([*me, "ocr", "1", *scan_files]), scan_pages))
    else:
        print("  OCR: tesseract not installed (apt-get install tesseract-ocr tesseract-ocr-eng)")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]), sys.argv[4:])
    else:
        main()
