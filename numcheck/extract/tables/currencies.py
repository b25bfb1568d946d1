"""Currency symbols, ISO 4217 codes and currency words, and the dollars that are not the US one.
"""

from __future__ import annotations

from types import MappingProxyType

#: ISO 4217 codes for currency symbols and words. "$" is USD unless the article names another dollar.
CURRENCY_SYMBOLS = MappingProxyType({
    "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW", "₴": "UAH", "₺": "TRY",
    "₦": "NGN", "₱": "PHP", "₪": "ILS", "$": "USD",
    "us$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "hk$": "HKD", "nz$": "NZD",
    "s$": "SGD", "r$": "BRL", "nt$": "TWD", "mx$": "MXN",
})
CURRENCY_CODES = frozenset(
    "usd eur gbp jpy cny rmb chf cad aud nzd hkd sgd inr rub uah try brl mxn zar sek nok dkk pln czk huf krw "
    "ngn kes egp sar aed qar ils idr myr thb php vnd pkr bdt twd ars clp cop "
    # crypto tickers, read as currencies when written in capitals after a figure ("3 ETH")
    "btc eth sol xrp".split()
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
    # wire style (Reuters, AP): "25 mln dlrs", "1.2 bln stg", "15 cts"
    "dlrs": "USD", "dlr": "USD", "stg": "GBP", "cts": "USD", "ct": "USD",
    "bitcoin": "BTC", "bitcoins": "BTC", "ether": "ETH", "元": "CNY", "円": "JPY",
})
#: Currency words worth a hundredth of their currency ("15 cts" is 0.15 of a dollar).
SUBUNIT_WORDS = frozenset({"pence", "cent", "cents", "cts", "ct"})
#: Currency words that are more often ordinary English words ("won", "real"): money only with a
#: scale or a capital letter.
AMBIGUOUS_CURRENCY_WORDS = frozenset({"won", "real", "rand", "dong"})
#: Words before "dollar(s)" that name a dollar other than the US one.
DOLLAR_COUNTRIES = MappingProxyType({
    "australian": "AUD", "canadian": "CAD", "hong": "HKD", "zealand": "NZD", "singapore": "SGD",
    "taiwan": "TWD", "taiwanese": "TWD", "us": "USD", "u.s.": "USD", "american": "USD",
})

#: Codes as written in copy ("USD 5m"): a currency code after a figure is upper case.
CURRENCY_CODES_UPPER = frozenset(c.upper() for c in CURRENCY_CODES)
PERCENT_WORDS = frozenset({"percent", "pc", "pct"})

DOLLAR_CODES = {"australian": "AUD", "canadian": "CAD", "hong kong": "HKD", "new zealand": "NZD",
                 "singapore": "SGD", "taiwan": "TWD", "taiwanese": "TWD", "a": "AUD", "c": "CAD", "hk": "HKD",
                 "nz": "NZD", "s": "SGD", "nt": "TWD"}
