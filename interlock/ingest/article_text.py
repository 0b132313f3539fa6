"""A news article as a reader sees it: title, publication date, publisher, and the body text.

HTML pages carry more than the story: navigation, share buttons, comment forms, newsletter boxes,
related-story lists, cookie banners. :func:`read_html` keeps the article element (``<article>``,
``<main>``, or the ``itemprop=articleBody`` block) when there is one, drops the elements whose tag,
role, class or id says they are page furniture, and joins what is left into paragraphs. Plain text is
taken as written, after optional ``Key: value`` header lines (``Title:``, ``Published:``, ``Source:``,
``URL:``); without a ``Title:`` line the first line is the headline.

The body text is what claims point into: every character offset a claim gives is an offset in
``Article.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from bs4 import BeautifulSoup, Tag

DROP_TAGS = ("script", "style", "noscript", "nav", "footer", "aside", "form", "button", "iframe", "svg", "header",
             "figure", "template", "select", "input", "textarea", "label")
FURNITURE = re.compile(r"(?:^|[-_ ])(?:comment|share|social|newsletter|subscribe|signup|sign-up|related|promo|advert|ad|ads"
                       r"|sponsor|cookie|consent|breadcrumb|menu|nav|sidebar|footer|masthead|paywall|modal|popup|recirc"
                       r"|more-stories|trending|tags|author-bio|byline-social)s?(?:$|[-_ ])", re.I)
BLOCKS = ("p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre")
HEADER_LINE = re.compile(r"^(title|headline|published|date|source|publisher|url|byline|by)\s*:\s*(.*?)\s*$", re.I)
DATE_META = ("article:published_time", "og:article:published_time", "datePublished", "pubdate", "publish-date",
             "sailthru.date", "parsely-pub-date", "dc.date", "date")


@dataclass(frozen=True)
class Article:
    title: str
    published: date | None
    publisher: str
    url: str
    text: str


def parse_date(value: str | None) -> date | None:
    """An ISO date or date-time ("2022-03-14", "2022-03-14T09:30:00-05:00"), or a written one ("March 14, 2022")."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    if m := re.match(r"^(\d{4}-\d{2}-\d{2})", value):
        return date.fromisoformat(m.group(1))
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%m/%d/%Y", "%Y/%m/%d"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def read_text(raw: str) -> Article:
    lines = raw.replace("\r\n", "\n").split("\n")
    head: dict[str, str] = {}
    i = 0
    while i < len(lines) and (m := HEADER_LINE.match(lines[i])):
        head[m.group(1).lower()] = m.group(2)
        i += 1
    body = "\n".join(lines[i:]).strip("\n")
    title = head.get("title") or head.get("headline") or ""
    if not title:
        first, _, rest = body.partition("\n")
        if first.strip() and len(first) < 200 and not first.rstrip().endswith("."):
            title, body = first.strip(), rest.strip("\n")
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip()]
    return Article(title, parse_date(head.get("published") or head.get("date")), head.get("source") or head.get("publisher") or "",
                   head.get("url", ""), "\n\n".join(paragraphs))


def is_furniture(tag: Tag) -> bool:
    if tag.attrs is None:
        return False
    classes: Any = tag.get("class") or []
    marks = " ".join([*(classes if isinstance(classes, list) else [str(classes)]),
                      str(tag.get("id", "")), str(tag.get("role", "")), str(tag.get("aria-label", ""))])
    return bool(marks.strip()) and bool(FURNITURE.search(marks)) and tag.name not in ("article", "main", "body")


def read_html(raw: str) -> Article:
    soup = BeautifulSoup(raw, "html.parser")
    published = None
    for key in DATE_META:
        meta = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key}) \
            or soup.find("meta", attrs={"itemprop": key})
        if isinstance(meta, Tag) and (published := parse_date(str(meta.get("content", "")))):
            break
    if published is None and isinstance(t := soup.find("time"), Tag):
        published = parse_date(str(t.get("datetime", ""))) or parse_date(t.get_text(" ", strip=True))
    site = soup.find("meta", attrs={"property": "og:site_name"})
    publisher = str(site.get("content", "")) if isinstance(site, Tag) else ""
    canonical = soup.find("link", attrs={"rel": "canonical"})
    url = str(canonical.get("href", "")) if isinstance(canonical, Tag) else ""
    h1 = soup.find("h1")
    og_title = soup.find("meta", attrs={"property": "og:title"})
    title = (h1.get_text(" ", strip=True) if isinstance(h1, Tag) else "") \
        or (str(og_title.get("content", "")) if isinstance(og_title, Tag) else "") \
        or (soup.title.get_text(" ", strip=True) if soup.title else "")
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()
    for tag in [t for t in soup.find_all(True) if isinstance(t, Tag) and is_furniture(t)]:
        if not tag.decomposed:
            tag.decompose()
    root = soup.find(True, attrs={"itemprop": "articleBody"}) or soup.find("article") or soup.find("main") or soup.body or soup
    paragraphs = []
    for block in root.find_all(BLOCKS) if isinstance(root, Tag) else []:
        if block.find(BLOCKS):          # a block holding blocks: its children are read on their own
            continue
        text = " ".join(block.get_text(" ", strip=True).split())
        if text and text != title:
            paragraphs.append(text)
    if not paragraphs and isinstance(root, Tag):
        paragraphs = [" ".join(p.split()) for p in root.get_text("\n").split("\n\n") if p.strip()]
    return Article(title, published, publisher, url, "\n\n".join(paragraphs))


def looks_like_html(raw: str) -> bool:
    return bool(re.search(r"<(?:html|body|article|p|div)\b", raw[:4096], re.I))


def read_article(raw: str) -> Article:
    return read_html(raw) if looks_like_html(raw) else read_text(raw)
