"""Printed e-mail on the State Department's Clinton release: the hand-labelled sample, and the whole release."""

from __future__ import annotations

import importlib.util
import json
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "printed_accuracy.py"
RELEASE_FILES = 27_159
REQUIRED = {"from": 0.95, "subject": 0.95, "case_number": 0.95, "doc_number": 0.95}


@pytest.fixture(scope="module")
def accuracy() -> ModuleType:
    """bench/printed_accuracy.py, which holds the comparison (bench/ is not importable from the test path)."""
    spec = importlib.util.spec_from_file_location("printed_accuracy", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def archive(shared_data: Path) -> Path:
    path = shared_data / "clinton-state-dept-emails" / "clinton_email_text_pdftotext.tar.xz"
    assert path.is_file(), f"{path} is missing"
    return path


@pytest.fixture(scope="module")
def labelled(accuracy: ModuleType, archive: Path) -> tuple[list[dict[str, Any]], list[str], dict[str, str]]:
    labels = accuracy.load_labels()
    members, texts = accuracy.read_archive(archive, [label["file"] for label in labels])
    return labels, members, texts


def test_labels_are_the_fixed_seed_sample(accuracy: ModuleType, labelled: tuple[list[dict[str, Any]], list[str], dict[str, str]]) -> None:
    labels, members, _ = labelled
    assert len(members) == RELEASE_FILES
    doc = json.loads(accuracy.LABELS.read_text())
    files = [label["file"] for label in labels]
    assert len(files) >= 40 and len(set(files)) == len(files)
    assert files == accuracy.draw_sample(members, doc["seed"], doc["size"])
    for label in labels:
        assert set(accuracy.FIELDS) <= set(label), label["file"]


def test_labelled_sample_accuracy(accuracy: ModuleType, labelled: tuple[list[dict[str, Any]], list[str], dict[str, str]]) -> None:
    labels, _, texts = labelled
    results, misses = accuracy.score(labels, texts)
    rates = {name: ok / total for name, (ok, total) in results.items()}
    print("printed e-mail accuracy on the labelled sample:", {name: f"{rate:.1%}" for name, rate in rates.items()})
    for name, floor in REQUIRED.items():
        assert rates[name] >= floor, (name, rates[name], [m for m in misses if f": {name}:" in m])


def test_scoring_counts_a_wrong_field(accuracy: ModuleType) -> None:
    label = {"file": "x.txt", "from": {"name": "H", "address": "hrod17@clintonemail.com"}, "to": [], "cc": [],
             "date": "2010-05-05T22:58:00", "subject": "Re: NY meeting", "case_number": "F-2014-20439", "doc_number": "C05774685",
             "release_stamp": "RELEASE IN FULL", "exemptions": [], "quoted": 0}
    text = ("UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05774685 Date: 08/31/2015\n"
            "                                                                 RELEASE IN FULL\n"
            "From:           H <hrod17©clintonemail.com>\nSent:           Wednesday, May 5, 2010 10:58 PM\n"
            "To:\nSubject:        Re: NY Meeting\n\nThanks.\n")
    results, misses = accuracy.score([label], {"x.txt": text})
    assert results["from"] == (1, 1) and results["date"] == (1, 1) and results["doc_number"] == (1, 1)
    assert results["subject"] == (0, 1) and misses == ["x.txt: subject: expected 'Re: NY meeting', found 'Re: NY Meeting'"]


@pytest.mark.slow
def test_whole_release_through_the_driver(accuracy: ModuleType, archive: Path, tmp_path: Path) -> None:
    started = time.perf_counter()
    folder = accuracy.unpack(archive, tmp_path / "release")
    unpacked = time.perf_counter() - started
    seconds, records, rejected, rejects = accuracy.ingest_all(folder, tmp_path / "case")
    print(f"unpacked in {unpacked:.1f}s; ingested {RELEASE_FILES:,} files in {seconds:.1f}s: {records:,} records, {rejected:,} rejected")
    assert records + rejected == RELEASE_FILES
    assert len(rejects) == rejected
    assert all(reason.strip() for _, reason in rejects)
    assert rejected < RELEASE_FILES * 0.05
