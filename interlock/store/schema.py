"""The case store's tables, in SQL that DuckDB, PostgreSQL and Spark SQL all accept.

Provenance is in every row: ``source_sha`` is the source as given (a file, or a folder by the hash
of its manifest), ``file_sha`` the file the record came from, ``record`` the row, Message-ID or page.
"""

VERSION = 3   # 2: judgements carry each side's fingerprint; candidates. 3: detect_runs, detect_changes, triage

TABLES: dict[str, list[tuple[str, str]]] = {
    "sources": [
        ("sha256", "TEXT"), ("path", "TEXT"), ("kind", "TEXT"), ("options", "TEXT"),
        ("status", "TEXT"), ("next_record", "BIGINT"), ("records", "BIGINT"),
        ("rejected", "BIGINT"), ("started_at", "TIMESTAMP"), ("finished_at", "TIMESTAMP"),
    ],
    "files": [
        ("source_sha", "TEXT"), ("file_sha", "TEXT"), ("path", "TEXT"), ("size", "BIGINT"),
    ],
    "statements": [
        ("id", "TEXT"), ("entity_id", "TEXT"), ("schema", "TEXT"), ("prop", "TEXT"),
        ("value", "TEXT"), ("source_sha", "TEXT"), ("file_sha", "TEXT"), ("path", "TEXT"),
        ("record", "TEXT"), ("seen_at", "TIMESTAMP"),
    ],
    "messages": [
        ("id", "TEXT"), ("source_sha", "TEXT"), ("file_sha", "TEXT"), ("path", "TEXT"),
        ("record", "TEXT"), ("message_id", "TEXT"), ("in_reply_to", "TEXT"),
        ("refs", "TEXT"), ("sent_at", "TIMESTAMP"), ("date_raw", "TEXT"),
        ("from_addr", "TEXT"), ("from_name", "TEXT"), ("subject", "TEXT"), ("body", "TEXT"),
        ("folder", "TEXT"), ("seen_at", "TIMESTAMP"),
        # a message found inside another (an attached .eml/.msg, quoted history): the outer one's id
        ("parent", "TEXT"), ("relation", "TEXT"),
        ("content_key", "TEXT"),  # near-duplicate key, see interlock.threads.content_key
    ],
    # rebuilt by resolve: the thread of each message, and the first copy of each duplicate
    "threads": [("message", "TEXT"), ("thread_id", "TEXT")],
    "duplicates": [("message", "TEXT"), ("canonical", "TEXT")],
    # rebuilt by resolve: government, personal (webmail), role or organisation account
    "accounts": [("address", "TEXT"), ("kind", "TEXT"), ("messages", "BIGINT")],
    # what productions carry beside the headers: case and document numbers, Bates numbers, release
    # stamps, exemption codes, page and character span, OCR confidence (one row per value)
    "message_meta": [
        ("message", "TEXT"), ("key", "TEXT"), ("value", "TEXT"),
    ],
    "participants": [
        ("message", "TEXT"), ("role", "TEXT"), ("address", "TEXT"), ("name", "TEXT"),
    ],
    "attachments": [
        ("message", "TEXT"), ("name", "TEXT"), ("sha256", "TEXT"), ("size", "BIGINT"),
        ("content_type", "TEXT"), ("text", "TEXT"), ("error", "TEXT"),
    ],
    "rejects": [
        ("source_sha", "TEXT"), ("file_sha", "TEXT"), ("path", "TEXT"), ("record", "TEXT"),
        ("reason", "TEXT"), ("seen_at", "TIMESTAMP"),
    ],
    "mailboxes": [
        ("source_sha", "TEXT"), ("owner", "TEXT"), ("owner_inferred", "BOOLEAN"),
        ("gov_domains", "TEXT"), ("gov_inferred", "BOOLEAN"), ("note", "TEXT"),
    ],
    # resolve: which entity or address belongs to which identity, with the reason
    "identities": [
        ("entity_id", "TEXT"), ("canonical_id", "TEXT"), ("score", "DOUBLE"), ("reason", "TEXT"),
    ],
    "judgements": [
        ("left_id", "TEXT"), ("right_id", "TEXT"), ("judgement", "TEXT"), ("author", "TEXT"),
        ("created_at", "TIMESTAMP"), ("note", "TEXT"), ("left_key", "TEXT"), ("right_key", "TEXT"),
    ],
    # resolve: every pair compared, its probability, what was decided and the evidence, as JSON
    "candidates": [
        ("left_id", "TEXT"), ("right_id", "TEXT"), ("weight", "DOUBLE"), ("score", "DOUBLE"),
        ("decision", "TEXT"), ("explanation", "TEXT"), ("evidence", "TEXT"),
    ],
    "findings": [
        ("id", "TEXT"), ("rule", "TEXT"), ("payload", "TEXT"), ("detected_at", "TIMESTAMP"),
    ],
    # detect: one row per run (``since``: the run it was compared with), and every finding of the run
    # with its status against that one: new, changed (``what``, JSON list of phrases), unchanged or gone
    "detect_runs": [
        ("run", "BIGINT"), ("started_at", "TIMESTAMP"), ("rule", "TEXT"), ("since", "TIMESTAMP"),
        ("findings", "BIGINT"), ("new", "BIGINT"), ("changed", "BIGINT"), ("unchanged", "BIGINT"), ("gone", "BIGINT"),
    ],
    "detect_changes": [
        ("run", "BIGINT"), ("finding_id", "TEXT"), ("rule", "TEXT"), ("title", "TEXT"), ("status", "TEXT"),
        ("what", "TEXT"), ("fingerprint", "TEXT"),
    ],
    # a person's word on a finding (the latest row wins), with the evidence it was given on:
    # ``fingerprint`` and ``basis`` (JSON, see interlock.changes.basis); ``subjects_key`` finds the
    # finding again should its id change (an identity's canonical id moved)
    "triage": [
        ("finding_id", "TEXT"), ("status", "TEXT"), ("note", "TEXT"), ("author", "TEXT"), ("created_at", "TIMESTAMP"),
        ("fingerprint", "TEXT"), ("basis", "TEXT"), ("rule", "TEXT"), ("title", "TEXT"), ("subjects_key", "TEXT"),
    ],
    "meta": [("key", "TEXT"), ("value", "TEXT")],
}


def create_statements() -> list[str]:
    """Create what is missing. Columns are only ever added at the end of a table, so an older case
    store gains them in place (the additive migration) and rows keep the order of TABLES."""
    return [
        f"CREATE TABLE IF NOT EXISTS {name} ({', '.join(f'{c} {t}' for c, t in cols)})"
        for name, cols in TABLES.items()
    ]


def missing_columns(existing: set[tuple[str, str]]) -> list[str]:
    """ALTER statements for the columns of TABLES that the (table, column) pairs found lack."""
    return [f"ALTER TABLE {name} ADD COLUMN {c} {t}"
            for name, cols in TABLES.items() for c, t in cols if (name, c) not in existing]
