"""Relationship claims from news articles and voter-guide profiles: pure text in, dataclasses out.

::

    from interlock.claims import extract, load_model
    claims = extract(text, published=date(2022, 3, 14))   # list[Claim]

See :mod:`interlock.claims.model` for the data model and :data:`RELATIONS` for the relations and
their direction. Precision comes first: when a sentence does not say who stands for whom, no claim.
"""

from interlock.claims.amounts import find_amounts, parse_amount
from interlock.claims.dates import find_dates, parse_date
from interlock.claims.extract import extract, load_model
from interlock.claims.model import RELATIONS, SYMMETRIC, Amount, Claim, DateSpan, Mention

__all__ = ["RELATIONS", "SYMMETRIC", "Amount", "Claim", "DateSpan", "Mention", "extract", "find_amounts", "find_dates",
           "load_model", "parse_amount", "parse_date"]
