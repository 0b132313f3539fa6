"""``interlock demo``: generate the fictional city, investigate it, check against what was planted."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

from interlock.case import STORE_FILE, Case, Investigation
from interlock.errors import UsageError
from interlock.settings import Settings
from interlock.truth import TruthCheck, check_truth

JURISDICTION = "City of Lakeport"


def demo_sources(input_dir: Path) -> list[Path]:
    """The generated sources in the order an investigator would add them."""
    paths = sorted((input_dir / "mailbox").glob("*.mbox"))
    paths += [input_dir / "registry"]
    paths += sorted((input_dir / "contracts").glob("*.csv"))
    paths += sorted((input_dir / "profiles").glob("*.txt"))
    paths += sorted(input_dir.glob("*.ftm.json"))
    paths += sorted((input_dir / "campaign").glob("*.csv"))
    return [p for p in paths if p.exists()]


def run_demo(root: Path, emails: int, seed: int, settings: Settings) -> tuple[Investigation, TruthCheck]:
    from interlock.demo.generate import generate

    if root.exists() and any(root.iterdir()):
        if not (root / "truth.json").exists():
            raise UsageError(f"{root} exists and is not a demo case; choose another folder")
        for name in (STORE_FILE, f"{STORE_FILE}.wal", "blobs", "input"):
            target = root / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    settings.say(f"generating a fictional city with {emails:,} e-mails (seed {seed}) in {root}/input")
    truth = generate(root, emails=emails, seed=seed)
    settings = replace(settings, jurisdiction=JURISDICTION)
    with Case.open(root, settings, create=True) as case:
        inv = case.investigate(demo_sources(root / "input"))
    report = json.loads(inv.json.read_text())
    return inv, check_truth(truth, report["findings"])
