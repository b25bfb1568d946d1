"""Word tables for the number grammar and the claim builder.

Number, scale and calendar words every stage shares are in ``numcheck.english``; these are the
tables only extraction reads.

Kept apart from the logic (as price-parser keeps ``_currencies.py``) so a newsroom can read what
numcheck knows without reading code. Everything here is an immutable constant.
"""

from __future__ import annotations

from types import MappingProxyType

#: Vague amounts: the honest interval each word allows. The claim's value is the low end
#: (fixtures/extract/GUIDELINES.md), so "dozens" never pretends to be a precise figure.
VAGUE = MappingProxyType({
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2000.0, 9999.0),
    "millions": (2e6, 999e6),
    "billions": (2e9, 999e9),
})
#: "tens of thousands" and friends: multiplier word + "of" + scale word.
VAGUE_COMPOUND = MappingProxyType({
    ("tens", "thousands"): (20_000.0, 99_999.0),
    ("hundreds", "thousands"): (200_000.0, 999_999.0),
    ("tens", "millions"): (20e6, 99e6),
    ("hundreds", "millions"): (200e6, 999e6),
})

#: Capitalised words that name a thing when a number follows ("Section 427", "Apollo 11").
ID_WORDS = frozenset(
    "section article chapter clause paragraph amendment resolution proposition measure bill act route "
    "flight room gate platform highway interstate channel radio apollo boeing airbus formula windows "
    "iphone ipad galaxy pixel playstation xbox model version series volume page figure table level tier "
    "stage phase grade category division league storm hurricane typhoon no number falcon soyuz leopard "
    "ftse nasdaq stoxx nikkei cac dax russell fortune forbes hang seng sensex kospi asx ibex mib "
    "covid euro expo cop uefa fifa vision cup day week game match round test term year key band class "
    "paragraph annex schedule regulation directive lot unit block wing ward district zone sector door".split()
)

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

#: ISO 4217 codes for currency symbols and words. "$" is USD unless the article names another dollar.
CURRENCY_SYMBOLS = MappingProxyType({
    "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW", "₴": "UAH", "₺": "TRY",
    "₦": "NGN", "₱": "PHP", "₪": "ILS", "$": "USD",
    "us$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "hk$": "HKD", "nz$": "NZD",
    "s$": "SGD", "r$": "BRL", "nt$": "TWD", "mx$": "MXN",
})
CURRENCY_CODES = frozenset(
    "usd eur gbp jpy cny rmb chf cad aud nzd hkd sgd inr rub uah try brl mxn zar sek nok dkk pln czk huf krw "
    "ngn kes egp sar aed qar ils idr myr thb php vnd pkr bdt twd ars clp cop".split()
)
CURRENCY_WORDS = MappingProxyType({
    "euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP",
    "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "rupee": "INR", "rupees": "INR", "franc": "CHF", "francs": "CHF",
    "hryvnia": "UAH", "hryvnias": "UAH", "hryvnias.": "UAH", "lira": "TRY", "liras": "TRY", "rand": "ZAR",
    "real": "BRL", "reais": "BRL", "peso": "MXN", "pesos": "MXN", "zloty": "PLN", "zlotys": "PLN",
    "krona": "SEK", "kronor": "SEK", "krone": "NOK", "kroner": "NOK", "shekel": "ILS", "shekels": "ILS",
    "naira": "NGN", "ringgit": "MYR", "baht": "THB", "won": "KRW", "dong": "VND", "dinar": "DZD",
    "dinars": "DZD", "dirham": "AED", "dirhams": "AED", "riyal": "SAR", "riyals": "SAR",
    "rial": "IRR", "rials": "IRR", "forint": "HUF",
    "koruna": "CZK", "pence": "GBP", "cents": "USD", "cent": "USD",
})
#: Currency words that are more often ordinary English words ("won", "real"): money only with a
#: scale or a capital letter.
AMBIGUOUS_CURRENCY_WORDS = frozenset({"won", "real", "rand", "dong"})
#: Words before "dollar(s)" that name a dollar other than the US one.
DOLLAR_COUNTRIES = MappingProxyType({
    "australian": "AUD", "canadian": "CAD", "hong": "HKD", "zealand": "NZD", "singapore": "SGD",
    "taiwan": "TWD", "taiwanese": "TWD", "us": "USD", "u.s.": "USD", "american": "USD",
})

PERCENT_WORDS = frozenset({"percent", "pc", "pct"})

#: Plural nouns that make an attached "m"/"b" a scale ("3m people"), not a metre.
COUNT_NOUNS_FOR_SCALE = frozenset(
    "people persons users customers viewers voters households homes jobs workers residents visitors "
    "passengers subscribers fans barrels tonnes tons shares doses children adults refugees migrants "
    "followers listeners readers copies units cases deaths downloads cars vehicles members patients "
    "trees animals birds accounts streams views tourists".split()
)
