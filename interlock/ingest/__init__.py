"""Ingesters, one module per source kind. Importing this package registers the built-in kinds.

The order here is the order in which kinds are tried when ``--kind`` is not given: kinds recognised
by a header or a key line first, the loose mail sniffers (maildir takes any folder of messages) last.
"""

# isort: off
from interlock.ingest import chicago_lobbyists  # noqa: F401
from interlock.ingest import chicago_contracts  # noqa: F401
from interlock.ingest import chicago_employees  # noqa: F401
from interlock.ingest import isbe_receipts  # noqa: F401
from interlock.ingest import fivethirtyeight  # noqa: F401
from interlock.ingest import profile  # noqa: F401
from interlock.ingest import ftm  # noqa: F401
from interlock.ingest import mapped_csv  # noqa: F401
from interlock.ingest import pst  # noqa: F401
from interlock.ingest import msg  # noqa: F401
from interlock.ingest import foia_pdf  # noqa: F401
from interlock.ingest import foia_text  # noqa: F401
from interlock.ingest import article  # noqa: F401
from interlock.ingest import eml, maildir, mbox  # noqa: F401
# isort: on
