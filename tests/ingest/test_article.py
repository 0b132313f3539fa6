"""The article kind: page furniture removed, each claim recorded against its sentence, and the report
showing every relationship read with that sentence."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from interlock.case import Case
from interlock.cli import cli
from interlock.ingest.article import looks_like_article
from interlock.ingest.article_text import read_article, read_text

PAGE = """<!doctype html><html><head><title>Clerk's husband | Lakeport Ledger</title>
<meta property="og:site_name" content="Lakeport Ledger">
<meta property="article:published_time" content="2022-03-14T08:00:00-05:00"></head>
<body><nav class="site-nav"><a href="/">Home</a><p>Sections: News Sports</p></nav>
<div class="social-share"><p>Share this story on Facebook</p></div>
<article><h1>Clerk's husband landed city work</h1>
<p>LAKEPORT — Lakeport City Clerk Dana Ortiz is married to Samuel Reyes, a registered lobbyist.</p>
<div class="newsletter-signup"><p>Sign up for our morning newsletter.</p></div>
<p>Reyes lobbies for Harbor Security Group, which received a $4.4 million city contract in April.</p>
<p>Ortiz declined to comment.</p>
<section id="comments"><p>Leave a comment below.</p></section></article>
<footer><p>Copyright 2022 Lakeport Ledger</p></footer></body></html>"""


def test_html_keeps_the_story_and_drops_the_furniture() -> None:
    a = read_article(PAGE)
    assert a.title == "Clerk's husband landed city work" and a.published == date(2022, 3, 14) and a.publisher == "Lakeport Ledger"
    assert a.text.startswith("LAKEPORT — Lakeport City Clerk Dana Ortiz") and a.text.endswith("Ortiz declined to comment.")
    for furniture in ("Share this", "newsletter", "Leave a comment", "Copyright", "Sections"):
        assert furniture not in a.text


def test_text_header_lines_and_a_headline_without_them() -> None:
    a = read_text("Title: Budget passes\nPublished: 2021-06-01\nSource: The Weekly\n\nThe council voted.\nIt was close.\n\nNext paragraph.")
    assert (a.title, a.published, a.publisher) == ("Budget passes", date(2021, 6, 1), "The Weekly")
    assert a.text == "The council voted. It was close.\n\nNext paragraph."
    bare = read_text("Mayor wins second term\n\nThe mayor won.")
    assert bare.title == "Mayor wins second term" and bare.published is None and bare.text == "The mayor won."
    no_title = read_text("The mayor won a second term on Tuesday.\n\nTurnout was low.")
    assert no_title.title == "" and no_title.text.startswith("The mayor won")   # a sentence is not a headline


def test_sniffing_takes_html_and_headed_text_only(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(PAGE)
    (tmp_path / "b.txt").write_text("Published: 2022-01-01\n\nText.")
    (tmp_path / "c.txt").write_text("Just some notes.\n")
    (tmp_path / "d.csv").write_text("a,b\n1,2\n")
    assert [looks_like_article(tmp_path / n) for n in ("a.html", "b.txt", "c.txt", "d.csv")] == [True, True, False, False]


def test_each_claim_is_recorded_against_its_sentence(tmp_path: Path) -> None:
    page = tmp_path / "ledger.html"
    page.write_text(PAGE)
    with Case.open(tmp_path / "case", create=True) as case:
        [report] = case.ingest([page])
        assert report.kind == "article" and report.rejected == 0
        cols = ("entity_id", "schema", "prop", "value", "record")
        rows = [dict(zip(cols, r, strict=True)) for r in case.store.query(f"SELECT {', '.join(cols)} FROM statements")]
        text = next(r["value"] for r in rows if r["schema"] == "Article" and r["prop"] == "bodyText")
        sentences = [r for r in rows if r["prop"] == "summary"]
        assert sentences, "no claim was read from the page"
        for r in sentences:
            m = re.fullmatch(r"sentence (\d+), characters (\d+)–(\d+)", r["record"])
            assert m, r["record"]
            assert text[int(m.group(2)):int(m.group(3))].strip() == r["value"].strip()
        families = {r["entity_id"] for r in rows if r["schema"] == "Family"}
        assert len(families) == 1
        count = case.store.query("SELECT count(*) FROM statements")[0][0]
        [again] = case.ingest([page])
        assert again.skipped and case.store.query("SELECT count(*) FROM statements")[0][0] == count  # nothing added


def test_a_page_with_no_story_is_rejected_and_the_rest_goes_in(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><nav><p>Home</p></nav><div class='cookie-consent'><p>We use cookies</p></div></body></html>")
    good = tmp_path / "good.html"
    good.write_text(PAGE)
    case_dir = tmp_path / "case"
    result = CliRunner().invoke(cli, ["ingest", str(case_dir), str(empty), str(good)])
    assert result.exit_code == 1, result.output                 # ran, with a rejected record
    assert "empty.html" in result.output and "no article text" in result.output


def test_the_report_shows_each_relationship_with_its_sentence(tmp_path: Path) -> None:
    page = tmp_path / "ledger.html"
    page.write_text(PAGE)
    case_dir = tmp_path / "case"
    with Case.open(case_dir, create=True) as case:
        case.ingest([page])
        case.resolve()
        case.detect()
        out = case.report("json")
    docs = json.loads(out.read_text())["documents"]
    [doc] = docs
    assert doc["title"] == "Clerk's husband landed city work" and doc["standing"] == "reported"
    for c in doc["claims"]:
        assert c["sentence"] and c["record"].startswith("sentence ") and c["path"].endswith("ledger.html")
    spouse = [c for c in doc["claims"] if c["relation"] == "spouse"]
    assert spouse and {spouse[0]["subject"]["name"], spouse[0]["object"]["name"]} == {"Dana Ortiz", "Samuel Reyes"}
    html = Case.open(case_dir).report("html").read_text()
    assert "What the documents say" in html and "is married to Samuel Reyes" in html
