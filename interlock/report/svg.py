"""The report's two figures as plain SVG strings: a finding's timeline and its chain of links.

Pure functions, no plotting library. Every piece of text is escaped; sizes are in viewBox units so a
figure scales with the page (``width: 100%`` in the report's CSS).
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from html import escape

from interlock.findings import Link, Subject, Timeline

IN_FORCE = "#b4442c"
CONTEXT = "#b9b9b9"
INK = "#222"
MUTED = "#666"
STANDING_COLOURS = {"registered": "#1f6f43", "self-declared": "#1f4f8f", "reported": "#6b3fa0", "inferred": "#a35a00"}


def text_width(text: str, size: float = 12) -> float:
    """A generous estimate of how wide ``text`` is in a sans-serif font (capitals are wide, "il." narrow)."""
    em = sum(0.3 if c == " " else 0.72 if c.isupper() or c in "mwMW@" else 0.34 if c in "ijlft.,:;|!'()" else 0.62 for c in text)
    return em * size


def fit(text: str, width: float, size: float = 12) -> str:
    """Cut ``text`` to what fits in ``width`` units at font ``size``, marking the cut with "…"."""
    if text_width(text, size) <= width:
        return text
    while text and text_width(text + "…", size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def span(start: str | None, end: str | None) -> str:
    """"2019–2021", "since 2019", "until 2021" or "" from two partial ISO dates."""
    a, b = (start or "")[:4], (end or "")[:4]
    if a and b:
        return a if a == b else f"{a}–{b}"
    return f"since {a}" if a else f"until {b}" if b else ""


def name_lines(name: str, width: float, size: float = 14) -> list[str]:
    """A name on one line, or on two when it is long (what still does not fit is cut with "…")."""
    if text_width(name, size) <= width:
        return [name]
    words = name.split()
    for k in range(len(words) - 1, 0, -1):
        first = " ".join(words[:k])
        if text_width(first, size) <= width:
            return [first, fit(" ".join(words[k:]), width, size)]
    return [fit(name, width, size)]


def month_index(month: str) -> int:
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def month_of(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def nice_max(value: int) -> int:
    """The smallest 1, 2 or 5 × 10ⁿ at or above ``value`` (axis top)."""
    step = 1
    while True:
        for m in (1, 2, 5):
            if m * step >= value:
                return m * step
        step *= 10


def timeline_svg(timeline: Timeline | None, width: int = 640) -> str:
    """Monthly bars (counted acts in colour stacked over grey context), a label per year, and a
    dashed line with a label for each marker (e.g. the date a registration began).

    Returns "" when there is nothing dated to draw.
    """
    if timeline is None:
        return ""
    counts = {m[:7]: (int(a), int(c)) for m, a, c in timeline.months if len(m) >= 7}
    markers = [(d, label) for d, label in timeline.markers if d and len(d) >= 4 and d[:4].isdigit()]
    indexes = [month_index(m) for m in counts] + [month_index(d[:7] if len(d) >= 7 else d[:4] + "-01") for d, _ in markers]
    if not counts or not indexes:
        return ""
    first, last = min(indexes), max(indexes)
    n = last - first + 1
    left, right, row = 34, 10, 14
    top = 8 + row * len(markers) + (6 if markers else 0)
    plot_h, plot_w = 120, width - left - right
    bottom = top + plot_h
    stacked = width < 520                       # legend on two lines in a narrow figure
    height = bottom + (60 if stacked else 44)
    ymax = nice_max(max((a + c for a, c in counts.values()), default=1) or 1)
    bw = plot_w / n

    def x_of(index: float) -> float:
        return left + (index - first) * bw

    def y_of(value: float) -> float:
        return bottom - value / ymax * plot_h

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="timeline" role="img" '
           f'aria-label="Messages per month">',
           f'<style>text{{font:11px system-ui,sans-serif;fill:{INK}}} .m{{fill:{MUTED}}} '
           f'.k{{paint-order:stroke;stroke:#fff;stroke-width:4px;stroke-linejoin:round}}</style>']
    for value in (0, ymax // 2, ymax) if ymax > 1 else (0, ymax):
        y = y_of(value)
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text class="m" x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{value}</text>')
    gap = 1 if bw > 3 else 0
    for month, (a, c) in sorted(counts.items()):
        x = x_of(month_index(month))
        title = escape(f"{month}: {a} counted, {c} context")
        if c:
            out.append(f'<rect x="{x:.1f}" y="{y_of(c):.1f}" width="{max(bw - gap, 0.8):.1f}" height="{bottom - y_of(c):.1f}" '
                       f'fill="{CONTEXT}"><title>{title}</title></rect>')
        if a:
            out.append(f'<rect x="{x:.1f}" y="{y_of(a + c):.1f}" width="{max(bw - gap, 0.8):.1f}" '
                       f'height="{y_of(c) - y_of(a + c):.1f}" fill="{IN_FORCE}"><title>{title}</title></rect>')
    years = range(first // 12, last // 12 + 1)
    every = max(1, -(-len(years) // 10))
    for year in years:
        index = max(year * 12, first)
        x = x_of(index)
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{bottom}" y2="{bottom + 4}" stroke="{MUTED}"/>')
        if (year - years[0]) % every == 0 and x < width - right - 20:
            out.append(f'<text class="m" x="{x + 2:.1f}" y="{bottom + 15}">{year}</text>')
    labels = []
    for k, (date, label) in enumerate(markers):
        month = date[:7] if len(date) >= 7 else date[:4] + "-01"
        day = int(date[8:10]) if len(date) >= 10 and date[8:10].isdigit() else 1
        days = calendar.monthrange(int(month[:4]), int(month[5:7]))[1]
        x = x_of(month_index(month) + (day - 1) / days)
        y = 8 + row * k + 9
        text = f"{label} {date}"
        if x > left + plot_w / 2:
            shown, anchor, tx = fit(text, x - 4, 11), "end", x - 3
        else:
            shown, anchor, tx = fit(text, width - x - 4, 11), "start", x + 3
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y - 9}" y2="{bottom}" stroke="{INK}" stroke-dasharray="3 2"/>')
        labels.append(f'<text class="k" x="{tx:.1f}" y="{y}" text-anchor="{anchor}"><title>{escape(text)}</title>{escape(shown)}</text>')
    out += labels                               # over every line, on a white halo
    ly = bottom + 34
    out.append(f'<rect x="{left}" y="{ly - 9}" width="10" height="10" fill="{IN_FORCE}"/>'
               f'<text x="{left + 14}" y="{ly}">counted (while the link was in force)</text>')
    lx, ly = (left, ly + 16) if stacked else (left + 250, ly)
    out.append(f'<rect x="{lx}" y="{ly - 9}" width="10" height="10" fill="{CONTEXT}"/>'
               f'<text x="{lx + 14}" y="{ly}">context (before it began)</text>')
    out.append("</svg>")
    return "\n".join(out)


def chain_order(subjects: Sequence[Subject], chain: Sequence[Link]) -> list[str]:
    """Node ids top to bottom, so that a chain a→b→c is drawn as a column a, b, c."""
    neighbours: dict[str, list[str]] = {}
    for link in chain:
        neighbours.setdefault(link.from_id, []).append(link.to_id)
        neighbours.setdefault(link.to_id, []).append(link.from_id)
    order: list[str] = []
    starts = [link.from_id for link in chain] + [s.id for s in subjects]
    for start in starts:
        stack = [start]
        while stack:
            node = stack.pop()
            if node in order:
                continue
            order.append(node)
            stack.extend(reversed([n for n in neighbours.get(node, []) if n not in order]))
    return order


def chain_svg(subjects: Sequence[Subject], chain: Sequence[Link], others: dict[str, tuple[str, str]] | None = None,
              uid: str = "c") -> str:
    """The chain as a small network: one box per subject or linked entity (name, role or schema), one
    connector per linked pair, labelled with each link's relation, years, standing and source record.

    ``others`` names entities the chain mentions that are not subjects (id → (name, schema)).
    ``uid`` keeps marker ids apart when several figures share a page. Returns "" for an empty chain.
    """
    if not chain:
        return ""
    others = others or {}
    label = {s.id: (s.name, s.role) for s in subjects}
    for node_id, (name, schema) in others.items():
        label.setdefault(node_id, (name, schema))
    order = chain_order(subjects, chain)
    pos = {node: i for i, node in enumerate(order)}
    pairs: dict[tuple[int, int], list[Link]] = {}
    for link in chain:
        a, b = pos[link.from_id], pos[link.to_id]
        if a != b:
            pairs.setdefault((min(a, b), max(a, b)), []).append(link)
    arcs = any(b > a + 1 for a, b in pairs)
    box_x, box_w = (120 if arcs else 10), 200   # room on the left for arcs that skip a box
    names = {node: label.get(node, (f"entity {node[:8]}", "")) for node in order}
    lines_of = {node: name_lines(names[node][0], box_w - 12) for node in order}
    hs = [42.0 + 16 * (len(lines_of[node]) - 1) for node in order]
    cx = box_x + box_w / 2
    longest = max((text_width(f"↓ {link.relation} {span(link.start, link.end)} · {link.standing}")
                   for (a, b), links in pairs.items() if b == a + 1 for link in links), default=0)
    width = round(max(box_x + box_w + 10, cx + 18 + min(longest, 270)))
    ys = [8.0]
    for i in range(1, len(order)):
        lines = 2 * len(pairs.get((i - 1, i), []))
        ys.append(ys[-1] + hs[i - 1] + max(34, 15 * lines + 12))
    height = ys[-1] + hs[-1] + 8
    shown = round(width * 1.2)                  # drawn a little larger than its units; CSS shrinks it on a phone
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height:.0f}" width="{shown}" class="chain" '
           f'role="img" aria-label="How the subjects are linked">',
           f'<defs><marker id="{uid}-a" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
           f'orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="{INK}"/></marker></defs>',
           f'<style>text{{font:12px system-ui,sans-serif;fill:{INK}}} .n{{font-weight:600;font-size:13px}} '
           f'.s{{font-size:10.5px;fill:{MUTED}}}</style>']

    def describe(link: Link, up: bool, room: float, short: bool) -> list[tuple[str, str, str]]:
        arrow = "↑" if up else "↓"
        if short:
            return [(fit(f"{arrow} {link.relation}", room), "", ""), ("", "", fit(span(link.start, link.end) or " ", room, 10.5))]
        main = f"{arrow} {link.relation} {span(link.start, link.end)}".rstrip()
        src = f"{link.source.path.rsplit('/', 1)[-1]}, record {link.source.record}" if link.source else "no source record"
        return [(fit(f"{main} · ", room - text_width(link.standing, 13)), link.standing, ""), ("", "", fit(src, room, 10.5))]

    for (a, b), links in sorted(pairs.items()):
        downs = {pos[link.to_id] > pos[link.from_id] for link in links}
        ends = f' marker-end="url(#{uid}-a)"' if True in downs else ""
        starts = f' marker-start="url(#{uid}-a)"' if False in downs else ""
        if b == a + 1:
            y1, y2 = ys[a] + hs[a], ys[b]
            out.append(f'<line x1="{cx}" x2="{cx}" y1="{y1 + 2}" y2="{y2 - 2}" stroke="{INK}"{ends}{starts}/>')
            ty, tx, room, short = (y1 + y2) / 2 - 15 * len(links) + 11, cx + 8, width - cx - 10, False
        else:
            y1, y2, bulge = ys[a] + hs[a] / 2, ys[b] + hs[b] / 2, box_x - 36 - 6 * (b - a)
            apex = (2 * (box_x - 2) + 6 * bulge) / 8     # where the curve is furthest left
            out.append(f'<path d="M{box_x - 2},{y1} C{bulge},{y1} {bulge},{y2} {box_x - 2},{y2}" fill="none" stroke="{INK}" '
                       f'stroke-dasharray="4 2"{ends}{starts}/>')
            ty, tx, room, short = (y1 + y2) / 2 - 15 * len(links) + 11, apex - 5, apex - 8, True
        for link in links:
            up = pos[link.to_id] < pos[link.from_id]
            for text, standing, source in describe(link, up, room, short):
                anchor = ' text-anchor="end"' if short else ""
                if source:
                    out.append(f'<text class="s" x="{tx}" y="{ty:.1f}"{anchor}>{escape(source)}</text>')
                else:
                    colour = STANDING_COLOURS.get(standing, MUTED)
                    tail = f'<tspan fill="{colour}" font-weight="600">{escape(standing)}</tspan>' if standing else ""
                    out.append(f'<text x="{tx}" y="{ty:.1f}"{anchor}>{escape(text)}{tail}</text>')
                ty += 15
    for node, i in pos.items():
        (name, kind), y = names[node], ys[i]
        out.append(f'<rect x="{box_x}" y="{y}" width="{box_w}" height="{hs[i]}" rx="6" fill="#f6f3ee" stroke="{INK}"/>')
        for k, line in enumerate(lines_of[node]):
            title = f"<title>{escape(name)}</title>" if k == 0 else ""
            out.append(f'<text class="n" x="{cx}" y="{y + 18 + 16 * k}" text-anchor="middle">{title}{escape(line)}</text>')
        out.append(f'<text class="s" x="{cx}" y="{y + hs[i] - 9}" text-anchor="middle">{escape(fit(kind, box_w - 12, 10.5))}</text>')
    out.append("</svg>")
    return "\n".join(out)
