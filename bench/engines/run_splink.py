"""Splink 5 (DuckDB backend) on the bench's nodes: ``run_splink.py NODES.jsonl CLUSTERS.json``.

One record per node: its most frequent name (normalised), first name / surname / first initial,
first e-mail address (lower case) and its user part, first address; ``kind`` is person or
organisation (correspondents count as people). Comparisons: Splink's NameComparison on the full
name (Jaro-Winkler levels), EmailComparison (exact, same user part, Jaro-Winkler), exact address.
Blocking for prediction: same e-mail, same e-mail user part, same surname + first initial + kind,
same full name + kind. Training as Splink's docs recommend: the prior from deterministic rules,
u by random sampling, m by EM on two blocking rules that leave each other's comparisons free.
Clusters: connected components of pairs with match probability >= 0.9.
"""

from __future__ import annotations

import logging
import sys
import time

import duckdb
import pyarrow as pa
import splink.comparison_library as cl
from prep import ORGANISATIONS, args, norm_name, read_nodes, write_clusters
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

THRESHOLD = 0.9


def record(node: dict) -> dict:
    organisation = node["schema"] in ORGANISATIONS
    names = [n for n in (norm_name(x, organisation) for x in node["names"]) if n]
    name = names[0] if names else None
    words = name.split() if name else []
    email = node["emails"][0].strip().lower() if node["emails"] else None
    address = " ".join(node["addresses"][0].lower().split()) if node["addresses"] else None
    return {
        "unique_id": node["id"],
        "kind": "organisation" if organisation else "person",
        "name": name,
        "first_name": words[0] if len(words) > 1 else None,
        "surname": words[-1] if words else None,
        "first_initial": words[0][0] if words else None,
        "email": email,
        "email_user": email.split("@")[0] if email and "@" in email else email,
        "address": address,
    }


def main() -> None:
    src, dst = args()
    logging.getLogger("splink").setLevel(logging.WARNING)
    started = time.perf_counter()
    rows = [record(n) for n in read_nodes(src)]
    con = duckdb.connect()
    con.register("nodes_arrow", pa.Table.from_pylist(rows))
    con.execute("CREATE TABLE nodes AS SELECT * FROM nodes_arrow")
    db_api = DuckDBAPI(con)
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.NameComparison("name"),
            cl.EmailComparison("email"),
            cl.ExactMatch("address"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("email"),
            block_on("email_user"),
            block_on("surname", "first_initial", "kind"),
            block_on("name", "kind"),
        ],
        retain_intermediate_calculation_columns=False,
    )
    linker = Linker(db_api.register("nodes"), settings, log_level=logging.WARNING)
    steps: list[str] = []
    try:
        linker.training.estimate_probability_two_random_records_match(
            [block_on("email"), block_on("name", "email_user")], recall=0.7)
    except Exception as exc:  # noqa: BLE001 -- a set with no deterministic match keeps the default prior
        steps.append(f"prior: default ({type(exc).__name__}: {exc})")
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
    for label, rule in (("email_user", block_on("email_user")),
                        ("surname+first_initial+kind", block_on("surname", "first_initial", "kind"))):
        try:
            linker.training.estimate_parameters_using_expectation_maximisation(rule)
        except Exception as exc:  # noqa: BLE001 -- too few blocked pairs on this set: the other session still runs
            steps.append(f"EM blocked on {label}: skipped ({type(exc).__name__}: {str(exc)[:120]})")
    predictions = linker.inference.predict(threshold_match_probability=0.5)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, THRESHOLD)
    out = {r["unique_id"]: str(r["cluster_id"]) for r in clusters.as_record_list()}
    write_clusters(dst, out)
    for step in steps:
        print(f"splink: {step}", file=sys.stderr)
    print(f"splink: {len(rows):,} nodes -> {len(set(out.values())):,} clusters in {time.perf_counter() - started:.1f}s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
