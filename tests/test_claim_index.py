"""The rule index hands each rule only the claims its ``where`` can match, and never fewer."""

from __future__ import annotations

import numcheck
from numcheck.checker import ClaimIndex
from numcheck.rule import Where

TEXT = ("Some 26 of 35 member states agreed, 12% more than the 4 countries and 3 aircraft of 2023; "
        "it cost €1.1bn and took 3 days.")


def test_index_is_a_superset_of_every_where_match_in_order() -> None:
    claims = tuple(numcheck.extract(TEXT))
    index = ClaimIndex(claims)
    wheres = [Where(), Where(units=("percent",)), Where(units=("EUR", "day")), Where(nouns=("state",)),
              Where(nouns=("member state", "country")), Where(nouns=("aircraft",), units=("count",))]
    for where in wheres:
        offered = index.for_where(where)
        assert list(offered) == sorted(offered, key=lambda c: c.start)
        assert {c.id for c in claims if where.matches_claim(c)} <= {c.id for c in offered}
    assert [c.unit for c in index.for_where(Where(units=("percent",)))] == ["percent"]
    assert {c.noun for c in index.for_where(Where(nouns=("state",)))} == {"member state"}
