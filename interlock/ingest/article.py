"""``article``: news articles, as HTML pages or plain text, read for the relationships they report.

Each file is one document: an FtM ``Article`` (title, publication date, publisher, URL, body text;
record "article"), then one record per claim the text makes (record "sentence N, characters a–b"),
see :mod:`interlock.ingest.claimed`. What an article says is ``reported``: a reporter's sentence,
not an official record. Relative dates ("last month", "by the end of last year") are read against
the publication date; an article without one (no ``Published:`` line, no date in the page's
metadata) keeps those unresolved and the summary says how many such files there were.

Recognised without ``--kind``: HTML pages (.html, .htm) with paragraphs or an ``<article>`` element
(no other kind reads HTML), and text files that begin with a ``Published:`` or ``Title:`` line.
Anything else can be named with ``--kind article``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from interlock.claims import extract, load_model
from interlock.entities import Entity, Origin, entity
from interlock.ingest.article_text import Article, looks_like_html, read_article
from interlock.ingest.base import Context, ingester, walk_files
from interlock.ingest.claimed import claims_records
from interlock.records import Record, Reject
from interlock.store import Store

SUFFIXES = (".html", ".htm", ".txt", ".md", ".text")
SNIFF_BYTES = 8192
ARTICLE_HTML = re.compile(r"<article\b|property=[\"']og:type[\"']\s+content=[\"']article|<p\b", re.I)
ARTICLE_TEXT = re.compile(r"^\s*(?:published|title|headline)\s*:", re.I)
NO_TEXT = "no article text found (the page has no paragraphs once navigation, share and comment blocks are removed)"


def looks_like_article(path: Path) -> bool:
    if not path.is_file() or path.suffix.lower() not in SUFFIXES:
        return False
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError:
        return False
    if looks_like_html(head):
        return bool(ARTICLE_HTML.search(head))
    return bool(ARTICLE_TEXT.match(head))


def document_entity(o: Origin, file_sha: str, article: Article, path: Path) -> Entity:
    doc = entity("Article", o, "article", file_sha).add("title", article.title or path.name).add("fileName", path.name)
    doc.add("publishedAt", article.published.isoformat() if article.published else None)
    doc.add("publisher", article.publisher).add("sourceUrl", article.url).add("bodyText", article.text)
    return doc


def document_records(ctx: Context) -> Iterator[Record]:
    """Every record of every file of a source of articles (the caller skips those already stored)."""
    nlp = load_model()
    for f in ctx.files:
        origin = Origin(ctx.source_sha, f.sha256, str(f.path), "article")
        article = read_article(f.path.read_text(encoding="utf-8", errors="replace"))
        if not article.text.strip():
            yield Reject(origin, NO_TEXT)
            continue
        doc = document_entity(origin, f.sha256, article, f.path)
        yield [doc]
        claims = extract(article.text, article.published, nlp)
        for entities in claims_records(claims, origin, f.sha256, doc.id):
            yield list(entities)


class ArticleIngester:
    kind = "article"
    description = "news articles (.html pages or .txt with Title:/Published: lines): the relationships they report"

    def sniff(self, path: Path) -> bool:
        if path.is_dir():
            files = walk_files(path)
            return bool(files) and all(looks_like_article(p) for p in files)
        return looks_like_article(path)

    def files(self, path: Path) -> list[Path]:
        """The file as given, or every .html/.htm/.txt/.md file of a folder."""
        return [path] if path.is_file() else [p for p in walk_files(path) if p.suffix.lower() in SUFFIXES]

    def records(self, ctx: Context, start: int) -> Iterator[Record]:
        for number, record in enumerate(document_records(ctx)):
            if number >= start:
                yield record

    def summary(self, store: Store, source_sha: str) -> dict[str, int]:
        def count(where: str) -> int:
            sql = f"SELECT count(DISTINCT entity_id) FROM statements WHERE source_sha = ? AND {where}"
            return int(store.query(sql, [source_sha])[0][0])

        return {
            "articles": count("schema = 'Article'"),
            "undated": count("schema = 'Article'") - count("schema = 'Article' AND prop = 'publishedAt'"),
            "claims": count("prop = 'summary'"),
            "people": count("schema = 'Person'"),
            "organisations": count("schema IN ('Organization', 'Company', 'PublicBody')"),
        }


ingester(ArticleIngester())
