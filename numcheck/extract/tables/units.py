"""Unit words numcheck recognises after a figure, and the quantulum3 names they resolve to.

quantulum3 is the authority on physical unit names, but it is slow to load (about 1.4 s) and reads
news badly when handed whole sentences ("bn" as bit newton, "a" as 1). So numcheck only *asks*
it about a short window once one of the words below follows a figure; durations and the few
units quantulum3 gets wrong are answered from ``OWN_UNITS`` without loading it at all.
"""

from __future__ import annotations

from types import MappingProxyType

#: Lower-case words (or glued suffixes) that may start a physical unit after a number.
PHYSICAL_UNIT_WORDS = frozenset(
    "km kms kmph kilometre kilometres kilometer kilometers mile miles mph kph km/h metre metres meter meters m cm mm "
    "centimetre centimetres millimetre millimetres ft foot feet inch inches yard yards kg kgs kilogram kilograms "
    "kilo kilos gram grams g mg tonne tonnes ton tons lb lbs ounce ounces oz litre litres liter liters l ml gallon "
    "gallons barrel barrels bpd hectare hectares ha acre acres square sq cubic km2 m2 mw gw kw kwh mwh gwh twh "
    "watt watts megawatt megawatts gigawatt gigawatts kilowatt kilowatts terawatt volt volts kv knot knots "
    "nautical light mb gb tb".split()
)

#: Durations: answered without quantulum3 (they are frequent and unambiguous after a figure).
DURATIONS = MappingProxyType({
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute", "mins": "minute",
    "hour": "hour", "hours": "hour", "hrs": "hour", "day": "day", "days": "day", "week": "week",
    "weeks": "week", "month": "month", "months": "month", "year": "year", "years": "year", "yr": "year",
    "yrs": "year", "decade": "decade", "decades": "decade", "century": "century", "centuries": "century",
})

#: Where quantulum3's answer is wrong or missing for news usage.
OWN_UNITS = MappingProxyType({
    "hectare": "hectare", "hectares": "hectare", "ha": "hectare", "bpd": "barrel per day", "kmph": "kilometre per hour",
    "nautical": "nautical mile",
})

TEMPERATURE_LETTERS = MappingProxyType({"c": "degree Celsius", "f": "degree fahrenheit"})
TEMPERATURE_WORDS = MappingProxyType({
    "celsius": "degree Celsius", "celcius": "degree Celsius", "centigrade": "degree Celsius",
    "fahrenheit": "degree fahrenheit", "farenheit": "degree fahrenheit", "c": "degree Celsius",
    "f": "degree fahrenheit",
})
#: Scale names that say "temperature" on their own after a figure ("40 celsius"); common misspellings kept.
TEMPERATURE_SCALES = frozenset({"celsius", "celcius", "centigrade", "fahrenheit", "farenheit"})
DEGREE_WORDS = frozenset({"degree", "degrees", "deg", "degs"})

#: quantulum3 names refused outright: they are how it misreads news ("bn" → bit newton).
REJECTED_UNITS = frozenset({"dimensionless", "bit newton", "base pair day", "coulomb", "ampere", "byte newton",
                            "bit", "farad", "henry", "tesla", "siemens", "newton", "pascal"})
YOUNG_PEOPLE = frozenset("children child kids pupils those people adults girls boys babies infants youngsters "
                          "aged men women students".split())
STOP_WORDS_BEFORE_AGE = frozenset("and or of in to at by for from with than the a an".split())
#: Punctuation glued to a unit that ends the sentence or clause, never part of the unit: "40 tonnes."
CLOSING_PUNCTUATION = frozenset(".,;:!?)]}\"'’”")
UNIT_CONTINUATIONS = frozenset("per a an / h hour day year week month second sq square cubic km metres miles "
                                "kilometres feet tonnes".split())
#: Power units that make an energy unit with "hours" after them ("billion kilowatt hours").
ENERGY_UNITS = MappingProxyType({
    "watt": "watt", "watts": "watt", "kilowatt": "kilowatt", "kilowatts": "kilowatt", "megawatt": "megawatt",
    "megawatts": "megawatt", "gigawatt": "gigawatt", "gigawatts": "gigawatt", "terawatt": "terawatt",
    "terawatts": "terawatt",
})

# --- nonquant: durations that set the time ---------------------------------------------------------
#: Words after a duration that make it a time frame ("two years later", "a decade ago").
TIME_FRAME_WORDS = frozenset("later ago earlier on after before since afterwards hence previously".split())
