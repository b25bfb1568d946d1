"""Conversion tables: how much of a base unit one unit is, and what one currency buys of another.

Data, and the one lookup both readers share (`dimension`), read by the conversion linker
(``relate/conversion.py``: two figures of one dimension in two units may restate one another) and
the conversion check (``checks/conversion.py``: does the restatement agree). Unit names are the
ones the extractor gives (quantulum3's names, see ``extract/tables/units.py``); a unit not listed
here is never linked as a conversion.

Physical units are exact, so each is a factor to its dimension's base unit. Two units whose meaning
depends on the writer's country carry the range of their readings instead of one factor: a gallon
is 3.785 (US) or 4.546 (imperial) litres, a ton 907 (short) or 1,016 (long) kilograms.
Temperatures have an offset as well (``TEMPERATURES``).

Currencies have no fixed rate and nothing is fetched at run time, so ``UNITS_PER_DOLLAR`` gives, for
each currency news converts to and from, the band of its dollar rate wide enough to hold every
month from 2000 to 2030 with room to spare (sterling ran from about 0.48 per dollar in 2007 to 0.93
in 2022; the band is 0.45 to 1.0). A pair's band is the quotient of the two bands, so a converted
sum outside it is not a rate that moved but a wrong figure: a scale word slipped ("$10bn (£8.2m)")
or the sum converted twice or not at all.
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = ["BARE_DOLLARS", "TEMPERATURES", "UNITS", "UNITS_PER_DOLLAR", "dimension"]

#: unit name -> (dimension, (low, high) of base units in one unit). Bases: metre, square metre,
#: litre, kilogram, metre per second.
UNITS = MappingProxyType({
    "millimetre": ("length", (0.001, 0.001)),
    "centimetre": ("length", (0.01, 0.01)),
    "metre": ("length", (1.0, 1.0)),
    "kilometre": ("length", (1000.0, 1000.0)),
    "inch": ("length", (0.0254, 0.0254)),
    "foot": ("length", (0.3048, 0.3048)),
    "yard": ("length", (0.9144, 0.9144)),
    "mile": ("length", (1609.344, 1609.344)),
    "nautical mile": ("length", (1852.0, 1852.0)),
    "square metre": ("area", (1.0, 1.0)),
    "square kilometre": ("area", (1e6, 1e6)),
    "square foot": ("area", (0.09290304, 0.09290304)),
    "square mile": ("area", (2589988.110336, 2589988.110336)),
    "hectare": ("area", (1e4, 1e4)),
    "acre": ("area", (4046.8564224, 4046.8564224)),
    "cubic centimetre": ("volume", (0.001, 0.001)),
    "litre": ("volume", (1.0, 1.0)),
    "cubic metre": ("volume", (1000.0, 1000.0)),
    "cubic foot": ("volume", (28.316846592, 28.316846592)),
    "gallon": ("volume", (3.785411784, 4.54609)),
    "gram": ("mass", (0.001, 0.001)),
    "kilogram": ("mass", (1.0, 1.0)),
    "tonne": ("mass", (1000.0, 1000.0)),
    "ounce": ("mass", (0.028349523125, 0.028349523125)),
    "pound-mass": ("mass", (0.45359237, 0.45359237)),
    "ton": ("mass", (907.18474, 1016.0469088)),
    "metre per second": ("speed", (1.0, 1.0)),
    "kilometre per hour": ("speed", (1 / 3.6, 1 / 3.6)),
    "mile per hour": ("speed", (0.44704, 0.44704)),
    "knot": ("speed", (1852 / 3600, 1852 / 3600)),
})

#: temperature unit -> (degrees Celsius per degree, Celsius at its zero). A temperature converts as a
#: level (100F is 37.8C) or, for a change or a difference ("warming of 1.5C (2.7F)"), by the scale alone.
TEMPERATURES = MappingProxyType({
    "degree Celsius": (1.0, 0.0),
    "degree fahrenheit": (5 / 9, -160 / 9),
})

#: ISO code -> (low, high) units of the currency one US dollar bought at any time 2000-2030, widened.
UNITS_PER_DOLLAR = MappingProxyType({
    "USD": (1.0, 1.0),
    "GBP": (0.45, 1.0),
    "EUR": (0.6, 1.25),
    "AUD": (0.85, 2.2),
    "CAD": (0.85, 1.75),
    "NZD": (1.05, 2.6),
    "JPY": (70.0, 200.0),
    "SGD": (1.2, 1.9),
    "HKD": (7.5, 8.0),
    "CNY": (5.5, 9.0),
    "ZAR": (5.0, 25.0),
})

#: The currencies a bare "$" or "dollars" may be, whatever the extractor guessed from the article:
#: such a figure is checked against the union of their bands. A currency whose name several countries
#: share (francs, rupees, kronor) is left out of ``UNITS_PER_DOLLAR`` altogether: "1bn CFA francs"
#: is no Swiss sum, and "20,000 rupees" in Lahore no Indian one.
BARE_DOLLARS = ("USD", "AUD", "CAD", "NZD")


def dimension(unit: str) -> str | None:
    """What a unit measures, as far as conversions go: "length", "temperature", "money", ..., or None
    for a unit these tables do not convert (counts, shares, durations, shared currency names)."""
    if unit in UNITS:
        return UNITS[unit][0]
    if unit in TEMPERATURES:
        return "temperature"
    return "money" if unit in UNITS_PER_DOLLAR else None
