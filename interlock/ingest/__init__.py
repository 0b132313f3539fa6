"""Ingesters, one module per source kind. Importing this package registers the built-in kinds.

The order here is the order in which kinds are tried when ``--kind`` is not given.
"""

from interlock.ingest import eml, maildir, mbox  # noqa: F401
