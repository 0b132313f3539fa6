"""The labelled fixture set: a regression floor at today's numbers, and the target as an expected failure."""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "claims_quality.py"
FLOOR = {"precision": 0.88, "recall": 0.69}   # measured 0.90 / 0.71 overall (dev, held_out, held_out_2, held_out_3)
TARGET = {"precision": 0.9, "recall": 0.8}


def quality() -> ModuleType:
    """bench/claims_quality.py, which holds the scoring (bench/ is not importable from the test path)."""
    spec = importlib.util.spec_from_file_location("claims_quality", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def overall():  # type: ignore[no-untyped-def]
    return quality().evaluate()["all"]["*"]


def test_regression_floor(overall) -> None:  # type: ignore[no-untyped-def]
    assert overall.precision >= FLOOR["precision"] and overall.recall >= FLOOR["recall"]


@pytest.mark.xfail(reason="measured P 0.90 R 0.71 overall (dev 1.00/0.87, held_out 0.74/0.53, held_out_2 0.86/0.53, "
                          "held_out_3 0.87/0.81): recall below the 0.9/0.8 target; raise FLOOR when this starts passing",
                   strict=True)
def test_target(overall) -> None:  # type: ignore[no-untyped-def]
    assert overall.precision >= TARGET["precision"] and overall.recall >= TARGET["recall"]
