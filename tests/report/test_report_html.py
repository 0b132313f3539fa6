"""The HTML and Markdown reports: content, escaping, self-containment, the empty case."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from interlock.findings import Subject
from interlock.report import build_report
from interlock.report.html import mark, render_html
from interlock.report.markdown import render_markdown
from interlock.store.duckdb import DuckDBStore

from .reportcase import add_finding, add_sources, make_finding

EVIL = "Sam <script>alert('x')</script> Reyes"


class Tags(HTMLParser):
    """Every start tag with its attributes, to look for scripts and outside resources."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


def test_html_shows_the_finding(case_store: DuckDBStore) -> None:
    html = render_html(build_report(case_store, "lakeport"))
    finding = make_finding()
    assert finding.title.replace("'", "&#39;") in html
    assert "<svg" in html and 'class="timeline"' in html and 'class="chain"' in html
    assert "<mark>Sam Reyes</mark>" in html
    assert "Context (before the relationship began)" in html
    assert "Acme Paving" in html                      # the client, named though not a subject
    assert "dortiz@lakeport.gov (inferred)" in html   # the mailbox owner and how it was known
    for word in ("registered", "self-declared", "reported", "inferred"):
        assert f'class="st-{word}"' in html
    assert "record <code>&lt;m1@x&gt;</code>" in html


def test_an_entity_that_is_a_subject_elsewhere_is_still_named(case_store: DuckDBStore) -> None:
    other = make_finding(key=("client",))
    other.subjects.append(Subject("o-acme", "Organization", "Acme Paving", "client"))
    add_finding(case_store, other)
    html = render_html(build_report(case_store, "c"))
    assert "entity o-acme" not in html and html.count("<strong>Acme Paving</strong>") == 3   # two chains, one subject list


def test_html_escapes_names_from_the_sources(store: DuckDBStore) -> None:
    add_finding(store, make_finding(relative=EVIL))
    html = render_html(build_report(store, "c"))
    assert "<script" not in html
    assert "Sam &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Reyes" in html
    assert "<mark>Sam &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Reyes</mark>" in html


def test_html_is_self_contained(case_store: DuckDBStore) -> None:
    html = render_html(build_report(case_store, "c"))
    found = tags(html)
    assert not [t for t, _ in found if t in ("script", "link", "iframe", "img", "object")]
    for tag, attrs in found:
        for name in ("src", "href", "xlink:href"):
            value = attrs.get(name) or ""
            assert not re.match(r"\s*(https?:)?//", value), f"<{tag} {name}={value}> loads from outside"
    assert "@import" not in html and "url(http" not in html


def test_html_without_findings_says_so(store: DuckDBStore) -> None:
    add_sources(store)
    html = render_html(build_report(store, "c"))
    assert "No findings." in html
    assert "<article" not in html and "/in/box.mbox" in html


def test_mark_highlights_whole_names_only_and_escapes() -> None:
    assert mark("Ask Sam Reyes & sam reyes", ["Sam Reyes"]) == "Ask <mark>Sam Reyes</mark> &amp; <mark>sam reyes</mark>"
    assert mark("Sam Reyesford <b>", ["Sam Reyes"]) == "Sam Reyesford &lt;b&gt;"
    assert mark("nothing to mark", []) == "nothing to mark"


def test_markdown_has_the_finding_and_escapes(store: DuckDBStore) -> None:
    add_finding(store, make_finding(relative=EVIL, emailed=True))
    text = render_markdown(build_report(store, "c"))
    assert "## 14 messages between Dana Ortiz's government account" in text
    assert "<script" not in text and "&lt;script" in text
    assert "### Context (before the relationship began)" in text
    assert "| 2019 | 9 | 1 |" in text                     # per-year counts
    assert "2019-07-01:" in text                          # the marker
    assert "*self-declared*" in text and "*inferred*" in text


def test_markdown_without_findings_says_so(store: DuckDBStore) -> None:
    text = render_markdown(build_report(store, "empty"))
    assert "**No findings.**" in text
    assert "No sources have been ingested" in text
