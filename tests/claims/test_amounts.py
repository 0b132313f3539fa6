import math

import pytest

from interlock.claims import find_amounts, parse_amount


@pytest.mark.parametrize("text, low, high", [
    ("$52,000", 52000, 52000),
    ("a $4.4 million contract", 4.4e6, 4.4e6),
    ("millions of dollars in city contracts", 2e6, 1e9),
    ("$1.2M in grants", 1.2e6, 1.2e6),
    ("between $5,000 and $10,000", 5000, 10000),
    ("hundreds of thousands of dollars", 2e5, 1e6),
    ("2,500 dollars", 2500, 2500),
])
def test_amounts(text: str, low: float, high: float) -> None:
    a = parse_amount(text)
    assert a is not None and (a.low, a.high) == (low, high) and a.currency == "USD"


def test_open_upper_bound() -> None:
    a = parse_amount("more than $300,000")
    assert a is not None and a.low == 300000 and math.isinf(a.high)


def test_numbers_that_are_not_money() -> None:
    assert find_amounts("a 300-home subdivision, 14 purchase orders, the 12th Ward, 2019") == []
