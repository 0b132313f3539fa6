"""The SVG figures: valid XML, escaped text, the right marks, nothing drawn from nothing."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from interlock.findings import Link, Subject, Timeline
from interlock.report.svg import chain_order, chain_svg, fit, name_lines, nice_max, span, timeline_svg

from .reportcase import make_finding

NS = "{http://www.w3.org/2000/svg}"


def texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(t.itertext()) for t in root.iter(f"{NS}text")]


def test_timeline_has_bars_years_and_marker() -> None:
    svg = timeline_svg(make_finding().timeline)
    root = ET.fromstring(svg)
    fills = [r.get("fill") for r in root.iter(f"{NS}rect")]
    assert fills.count("#b4442c") >= 3 + 1 and fills.count("#b9b9b9") >= 1 + 1   # bars plus the legend swatch
    words = " ".join(texts(svg))
    assert "2019" in words and "2020" in words
    assert "Sam Reyes registered for Acme Paving 2019-07-01" in words
    assert root.get("viewBox", "").startswith("0 0 ")


def test_timeline_escapes_labels_and_reaches_markers_outside_the_months() -> None:
    tl = Timeline([("2020-01", 2, 0)], [("2018-05-15", "<b>registered</b> & more")])
    svg = timeline_svg(tl)
    assert "<b>" not in svg
    assert any("2018" in t for t in texts(svg))           # the span reaches back to the marker


def test_timeline_with_nothing_dated_draws_nothing() -> None:
    assert timeline_svg(None) == ""
    assert timeline_svg(Timeline([], [])) == ""


def test_chain_is_drawn_top_to_bottom_with_labels() -> None:
    f = make_finding(emailed=True)
    svg = chain_svg(f.subjects, f.chain, {"o-acme": ("Acme <Paving>", "Organization")}, uid="t")
    words = " ".join(texts(svg))
    assert "Dana Ortiz" in words and "Acme <Paving>" in words and "&lt;Paving&gt;" in svg
    assert "↓ spouse · self-declared" in words and "↓ represents 2019–2020 · registered" in words
    assert "↓ emailed 2019–2020 · inferred" in words
    assert "lobbyists.csv, record row 12" in words
    assert 'id="t-a"' in svg


def test_chain_order_follows_the_links() -> None:
    subjects = [Subject("c", "Organization", "C", "client"), Subject("a", "Person", "A", "official")]
    chain = [Link("a", "spouse", "b"), Link("b", "represents", "c")]
    assert chain_order(subjects, chain) == ["a", "b", "c"]


def test_chain_with_a_skip_link_is_drawn_as_an_arc() -> None:
    subjects = [Subject("a", "Person", "A", "official"), Subject("c", "Organization", "C", "client")]
    chain = [Link("a", "spouse", "b"), Link("b", "represents", "c"), Link("c", "paid", "a", "2020", "2020")]
    svg = chain_svg(subjects, chain)
    assert ET.fromstring(svg).find(f"{NS}path[@stroke-dasharray]") is not None
    assert "entity b" in " ".join(texts(svg))             # unnamed entities still get a box


def test_empty_chain_draws_nothing() -> None:
    assert chain_svg([Subject("a", "Person", "A", "official")], []) == ""


def test_helpers() -> None:
    assert [nice_max(v) for v in (0, 1, 3, 7, 12, 51)] == [1, 1, 5, 10, 20, 100]
    assert span("2019-07-01", "2021-01-01") == "2019–2021" and span("2019", None) == "since 2019" and span(None, None) == ""


def test_long_names_take_two_lines_and_are_cut_only_when_that_is_not_enough() -> None:
    assert name_lines("Acme Paving", 188) == ["Acme Paving"]
    assert name_lines("HARBORLINE SECURITY CONSULTANTS, INC.", 188) == ["HARBORLINE SECURITY", "CONSULTANTS, INC."]
    two = name_lines("A VERY LONG ORGANISATION NAME OF THE GREATER METROPOLITAN AREA", 188)
    assert len(two) == 2 and two[1].endswith("…")
    assert fit("short", 100) == "short" and fit("x" * 100, 60).endswith("…")
