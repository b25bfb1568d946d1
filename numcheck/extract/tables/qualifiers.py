"""Qualifier phrases ("more than", "nearly", "or so") and the bound each one puts on a figure.
"""

from __future__ import annotations

from types import MappingProxyType

#: Qualifier phrases before a number, longest first when matched, with their canonical qualifier.
QUALIFIERS_BEFORE = MappingProxyType({
    "about": "approx", "around": "approx", "some": "approx", "roughly": "approx", "approximately": "approx",
    "an estimated": "approx", "estimated": "approx", "close to": "approx", "circa": "approx", "c.": "approx",
    "in the region of": "approx", "an approximate": "approx", "or so": "approx", "approx.": "approx",
    "nearly": "lt", "almost": "lt", "just under": "lt", "just short of": "lt", "not quite": "lt",
    "more than": "gt", "over": "gt", "above": "gt", "just over": "gt", "upwards of": "gt", "in excess of": "gt",
    "exceeding": "gt", "well over": "gt", "over than": "gt",
    "at least": "ge", "no fewer than": "ge", "no less than": "ge", "as many as": "le", "as much as": "le",
    "up to": "le", "at most": "le", "no more than": "le", "a maximum of": "le", "not more than": "le",
    "fewer than": "lt", "less than": "lt", "under": "lt", "below": "lt",
    "exactly": "eq", "precisely": "eq", "just": "eq", "only": "eq",
})
QUALIFIERS_AFTER = MappingProxyType({
    "or more": "ge", "or so": "approx", "-odd": "approx", "odd": "approx", "or fewer": "le", "or less": "le",
    "plus": "ge", "+": "ge", "or above": "ge", "or over": "ge",
})
#: Qualifiers that mean "at most the figure, and close to it": nearly 100 is 95-100.
NEAR_BELOW = frozenset({"nearly", "almost", "just under", "just short of", "not quite"})

QUALIFIER_WORDS = frozenset("more than less fewer about around nearly almost some roughly just over under "
                             "least at an estimated approximately".split())
NOT_QUALIFYING_OVER = frozenset("rose fell increased grew from up down handed taken took turned hand hands "
                                 "signed won handing".split())
WAITED = frozenset("waited wait waiting lasted lasting for taken took spent been lived served".split())
#: Verbs and comparatives that put a figure as a bound ("passed $10,000", "longer than 52 weeks").
COMPARATIVES = MappingProxyType({
    "passed": "gt", "past": "gt", "top": "gt", "topped": "gt", "tops": "gt", "surpassed": "gt", "exceeded": "gt",
    "exceeds": "gt", "exceed": "gt", "longer than": "gt", "greater than": "gt", "higher than": "gt",
    "larger than": "gt", "bigger than": "gt", "shorter than": "lt", "lower than": "lt", "smaller than": "lt",
    "hotter than": "gt", "warmer than": "gt", "colder than": "lt", "cooler than": "lt",
    "fell short of": "lt",
})

# --- nonquant: "the top 10%" ----------------------------------------------------------------------
#: Words before "top" that make it a place ("the top 1 per cent"), not the verb "top" (more than).
DETERMINERS_BEFORE_TOP = frozenset("the a an its their his her our your those these in into".split())
