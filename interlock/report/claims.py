"""What the documents say: every relationship read from an article or a profile, with its sentence.

::

    documents = build_claims(Graph.load(store))

One entry per document (an article, a profile), each with the relationships read from it: who, the
relation in the contract's words, whom, the relation word as written, the date or amount the
sentence gives, the standing of the source (``reported`` for news, ``self-declared`` for a profile),
the sentence itself and its record ("sentence 4, characters 310–402"), so the reader can check
each against the text. Names are the identities after ``resolve`` (a profile's "Sam Reyes" and the
registry's "SAMUEL REYES" show as one), with the words the sentence used beside them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from interlock.graph import Graph, Node, Value

DOCUMENT_KINDS = ("article", "profile")
#: schema -> (subject property, object property, relation in the contract's words, property with the word as written)
ENDS = {
    "Family": ("person", "relative", "family", "relationship"),
    "Associate": ("person", "associate", "associate", "relationship"),
    "Representation": ("agent", "client", "represents", "role"),
    "Employment": ("employer", "employee", "employs", "role"),
    "Occupancy": ("holder", "post", "holds-office", "status"),
    "ContractAward": ("supplier", "contract", "awarded", "role"),
    "Payment": ("payer", "beneficiary", "paid", "purpose"),
    "UnknownLink": ("subject", "object", "associate", "role"),
}
SPOUSE_WORDS = frozenset({"husband", "wife", "spouse", "partner", "domestic partner"})


def relation_of(node: Node, word: str) -> str:
    rel = ENDS[node.schema][2]
    if node.schema == "Family":
        return "spouse" if word.lower() in SPOUSE_WORDS else "family"
    if node.schema == "Occupancy" and word == "candidate":
        return "candidate-for"
    if node.schema == "Payment" and "contribution" in word:
        return "donated"
    if node.schema == "UnknownLink" and word in ("endorsed", "declined to endorse"):
        return "endorsed" if word == "endorsed" else "declined-to-endorse"
    return rel


def claim_of(graph: Graph, node: Node, summary: Value) -> dict[str, Any]:
    left, right, _, word_prop = ENDS[node.schema]
    word = node.first(word_prop) or ""
    a, b = graph.get(node.first(left) or ""), graph.get(node.first(right) or "")
    if node.schema == "ContractAward":   # the agency is the contract's authority; the award names the supplier
        contract = b
        a, b = (graph.get(contract.first("authority") or "") if contract else None), a
    side = lambda n: {"id": n.id, "name": n.name, "schema": n.schema} if n else None  # noqa: E731
    return {
        "relation": relation_of(node, word), "word": word, "subject": side(a), "object": side(b),
        "date": node.first("date"), "start": node.first("startDate"), "end": node.first("endDate"),
        "amount": node.first("amount"), "description": node.first("description") or "",
        "sentence": summary.value, "record": summary.record, "path": summary.path, "sha256": summary.file_sha,
        "standing": graph.standing(summary), "entity": node.id,
    }


def build_claims(graph: Graph) -> list[dict[str, Any]]:
    """Documents (in path order), each with its claims in sentence order."""
    titles: dict[str, dict[str, Any]] = {}
    for doc in graph.of_schema("Article"):
        for v in doc.props.get("title", []):
            titles.setdefault(v.file_sha, {"title": v.value, "published": doc.first("publishedAt"), "publisher": doc.first("publisher")})
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    paths: dict[str, tuple[str, str]] = {}
    for node in graph.nodes.values():
        if node.schema not in ENDS:
            continue
        for summary in node.props.get("summary", []):
            src = graph.sources.get(summary.source_sha)
            if src is None or src.kind not in DOCUMENT_KINDS:
                continue
            by_doc[summary.file_sha].append(claim_of(graph, node, summary))
            paths[summary.file_sha] = (summary.path, src.kind)
    out = []
    for sha, claims in by_doc.items():
        path, kind = paths[sha]
        meta = titles.get(sha, {})
        claims.sort(key=lambda c: (sentence_number(c["record"]), c["relation"], c["entity"]))
        out.append({"path": path, "sha256": sha, "kind": kind, "title": meta.get("title") or path.rsplit("/", 1)[-1],
                    "published": meta.get("published"), "publisher": meta.get("publisher"),
                    "standing": claims[0]["standing"], "claims": claims})
    return sorted(out, key=lambda d: d["path"])


def sentence_number(record: str) -> int:
    words = record.split()
    return int(words[1].rstrip(",")) if len(words) > 1 and words[0] == "sentence" and words[1].rstrip(",").isdigit() else 0
