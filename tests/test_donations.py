"""Campaign gifts: the two filings of one gift become one gift citing both; other gifts stay apart."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from interlock.case import Case
from interlock.cli import cli
from interlock.donations import SAME_GIFT_DAYS, gifts
from interlock.graph import Graph, Node, Source, Value

ETHICS, ISBE = "sha-ethics", "sha-isbe"


def graph_with(*payments: tuple[str, str, str, str, str], committee_of: dict[str, str] | None = None,
               numbers: tuple[str, ...] = ()) -> Graph:
    """Payments as (source, payer, beneficiary, date, amount); committee_of maps a committee to its candidate."""
    g = Graph()
    g.sources = {ETHICS: Source(ETHICS, "ethics/Contributions.csv", "chicago-lobbyists", None),
                 ISBE: Source(ISBE, "isbe/receipts.csv", "isbe-receipts", None)}
    for n, (source, payer, receiver, day, amount) in enumerate(payments):
        node = g.nodes[f"pay{n}"] = Node(f"pay{n}", "Payment")
        for prop, value in (("payer", payer), ("beneficiary", receiver), ("date", day), ("amount", amount),
                            ("purpose", "contribution"), ("transactionNumber", numbers[n] if numbers else "")):
            if value:
                node.props[prop].append(Value(value, source, source, g.sources[source].path, f"row {n + 1}"))
    for n, (committee, candidate) in enumerate((committee_of or {}).items()):
        link = g.nodes[f"link{n}"] = Node(f"link{n}", "UnknownLink")
        for prop, value in (("subject", committee), ("object", candidate), ("role", "committee of")):
            link.props[prop].append(Value(value, ISBE, ISBE, "isbe/wards.csv", f"ward row {n + 1}"))
    return g


def test_a_gift_filed_by_giver_and_committee_is_one_gift_citing_both() -> None:
    g = graph_with((ETHICS, "kazmi", "sawyer", "2019-03-19", "250.00"), (ISBE, "kazmi", "ward6", "2019-03-29", "250"),
                   committee_of={"ward6": "sawyer"})
    [gift] = gifts(g)
    assert gift.amount == Decimal("250") and {f.kind for f in gift.filings} == {"chicago-lobbyists", "isbe-receipts"}
    assert (gift.first_day, gift.last_day) == (date(2019, 3, 19), date(2019, 3, 29))
    assert "dates 10 days apart" in gift.note and {"sawyer", "ward6"} <= gift.receivers


def test_gifts_that_differ_stay_apart() -> None:
    other_amount = graph_with((ETHICS, "kazmi", "sawyer", "2019-03-19", "250"), (ISBE, "kazmi", "ward6", "2019-03-29", "150"),
                              committee_of={"ward6": "sawyer"})
    assert len(gifts(other_amount)) == 2
    unlinked_committee = graph_with((ETHICS, "kazmi", "sawyer", "2019-03-19", "250"), (ISBE, "kazmi", "ward6", "2019-03-29", "250"))
    assert len(gifts(unlinked_committee)) == 2
    one_source_twice = graph_with((ISBE, "kazmi", "ward6", "2019-03-19", "250"), (ISBE, "kazmi", "ward6", "2019-03-29", "250"))
    assert len(gifts(one_source_twice)) == 2              # one source, two days: two gifts


def test_a_report_filed_again_repeats_its_gifts_once() -> None:
    refiled = graph_with((ETHICS, "kazmi", "austin", "2017-04-19", "150"), (ETHICS, "kazmi", "austin", "2017-04-19", "150"))
    [gift] = gifts(refiled)
    assert len(gift.filings) == 2 and "one source (a report filed again)" in gift.note
    receipts = graph_with((ISBE, "kazmi", "ward6", "2019-03-19", "250"), (ISBE, "kazmi", "ward6", "2019-03-19", "250"),
                          numbers=("R1", "R2"))
    assert len(gifts(receipts)) == 2                       # two receipt numbers: two gifts
    other_giver = graph_with((ETHICS, "kazmi", "ward6", "2019-03-19", "250"), (ISBE, "gaytan", "ward6", "2019-03-19", "250"))
    assert len(gifts(other_giver)) == 2


def test_the_date_window_is_inclusive_and_monthly_gifts_pair_in_order() -> None:
    inside = graph_with((ETHICS, "k", "c", "2019-03-01", "100"), (ISBE, "k", "c", "2019-03-31", "100"))   # 30 days
    outside = graph_with((ETHICS, "k", "c", "2019-03-01", "100"), (ISBE, "k", "c", "2019-04-01", "100"))  # 31 days
    assert SAME_GIFT_DAYS == 30 and len(gifts(inside)) == 1 and len(gifts(outside)) == 2
    monthly = graph_with((ETHICS, "k", "c", "2019-03-01", "100"), (ISBE, "k", "c", "2019-03-03", "100"),
                         (ETHICS, "k", "c", "2019-04-01", "100"), (ISBE, "k", "c", "2019-04-04", "100"))
    paired = sorted([f.day.isoformat() for f in g.filings] for g in gifts(monthly))
    assert paired == [["2019-03-01", "2019-03-03"], ["2019-04-01", "2019-04-04"]]


@pytest.mark.slow
def test_kazmi_gift_to_sawyer_appears_once_citing_both_filings(chicago_money_case: Path) -> None:
    """Reyahd Kazmi's $250 to Roderick Sawyer: his own filing says 2019-03-19, the Ward 6 committee's
    ISBE receipt 2019-03-29. One gift, both cited."""
    root = chicago_money_case
    with Case.open(root) as case:
        graph, found = case.gifts("kazmi")
    to_sawyer = [g for g in found if any("sawyer" in (graph.get(r).name.lower() if graph.get(r) else "") for r in g.receivers)
                 and g.first_day.year == 2019 and g.first_day.month == 3]
    [gift] = to_sawyer
    assert gift.amount == Decimal("250") and len(gift.filings) == 2
    cited = {(f.kind, f.day.isoformat(), Path(f.path).name) for f in gift.filings}
    assert cited == {("chicago-lobbyists", "2019-03-19", "Contributions.csv"),
                     ("isbe-receipts", "2019-03-29", "aldermen_committee_receipts_2015_2019.csv")}
    out = CliRunner().invoke(cli, ["donations", str(root), "--who", "kazmi", "--limit", "0"])
    assert out.exit_code == 0, out.output
    line = next(i for i, text in enumerate(out.output.splitlines()) if text.startswith("2019-03-19  $250.00  Reyahd Kazmi"))
    block = out.output.splitlines()[line:line + 4]
    assert "Roderick T. Sawyer" in block[0] and "10 days apart" in block[1]
    assert any("Contributions.csv" in b for b in block) and any("aldermen_committee_receipts" in b for b in block)
