from datetime import date

import pytest

from interlock.claims import find_dates, parse_date

PUB = date(2022, 3, 14)  # a Monday


@pytest.mark.parametrize("text, start, end", [
    ("in the fall of 2017", "2017-09-01", "2017-11-30"),
    ("in 2019", "2019-01-01", "2019-12-31"),
    ("on Feb. 3", "2022-02-03", "2022-02-03"),
    ("last month", "2022-02-01", "2022-02-28"),
    ("by the end of last year", "2021-01-01", "2021-12-31"),
    ("on Aug. 14, 2019", "2019-08-14", "2019-08-14"),
    ("between January 2016 and December 2017", "2016-01-01", "2017-12-31"),
    ("from 2012 to 2018", "2012-01-01", "2018-12-31"),
    ("since 2015", "2015-01-01", "2022-03-14"),
    ("the first quarter of 2021", "2021-01-01", "2021-03-31"),
    ("in June 2021", "2021-06-01", "2021-06-30"),
    ("on Tuesday", "2022-03-08", "2022-03-08"),
    ("in July", "2021-07-01", "2021-07-31"),
    ("last fall", "2021-09-01", "2021-11-30"),
    ("last winter", "2021-12-01", "2022-02-28"),
    ("last spring", "2021-03-01", "2021-05-31"),   # spring 2022 is not over by March 14
    ("in 2019 and 2020", "2019-01-01", "2020-12-31"),
])
def test_forms_against_published(text: str, start: str, end: str) -> None:
    d = parse_date(text, PUB)
    assert d is not None and (d.start.isoformat(), d.end.isoformat()) == (start, end)


def test_later_counts_from_the_date_before() -> None:
    found = find_dates("It began in the fall of 2017. Three months later in April, it ended.", PUB)
    assert [(d.start.isoformat(), d.end.isoformat()) for _, _, d in found] == [("2017-09-01", "2017-11-30"), ("2018-04-01", "2018-04-30")]


def test_same_day_and_that_period_use_the_anchor() -> None:
    found = find_dates("on Aug. 14, 2019 ... the same day ... between March 2019 and July 2021 ... over that period", PUB)
    assert found[1][2].start == date(2019, 8, 14)
    assert (found[3][2].start, found[3][2].end) == (date(2019, 3, 1), date(2021, 7, 31))


def test_relative_forms_need_a_published_date() -> None:
    assert parse_date("last month") is None
    assert parse_date("in 2019") is not None


def test_no_date_in_plain_words() -> None:
    assert find_dates("She may run again; 300-home subdivision; Local 2291.", PUB) == []


def test_last_season_is_no_anchor_for_a_bare_month() -> None:
    found = find_dates("hired last spring ... endorsed in January", date(2025, 3, 3))
    assert [(d.start.isoformat(), d.end.isoformat()) for _, _, d in found] == [
        ("2024-03-01", "2024-05-31"), ("2025-01-01", "2025-01-31")]


def test_a_season_named_alone_is_no_date() -> None:
    assert parse_date("the fall of the council", PUB) is None
    assert parse_date("in 2019, and 2020 later", PUB) is not None and parse_date("in 2019, and 2020 later", PUB).end.year == 2019  # type: ignore[union-attr]
