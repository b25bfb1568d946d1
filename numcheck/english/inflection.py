"""Singular and plural of English nouns, and a stem for verbs: the one place numcheck inflects.

Extraction reduces the counted noun to its singular ("26 countries" counts ``country``), the linker
compares nouns across sentences ("40 cases ... 52 of the cases"), and ``numcheck.testing`` matches
a test's "26 countries" to the claim. All three must agree, so all three call ``singular``. No
tagger or inflection package is loaded at run time (start-up must stay fast); the tests hold
``singular`` to the inflect package on the plural nouns news copy counts most often.

>>> [singular(w) for w in ("cases", "series", "species", "analyses", "crises", "people", "media")]
['case', 'series', 'species', 'analysis', 'crisis', 'person', 'media']
>>> [singular(w) for w in ("movies", "buses", "taxes", "lives", "losses", "houses", "MPs", "grands prix")]
['movie', 'bus', 'tax', 'life', 'loss', 'house', 'mp', 'grand prix']
>>> [plural(w) for w in ("country", "bus", "person", "case", "crisis", "member state", "grand prix")]
['countries', 'buses', 'people', 'cases', 'crises', 'member states', 'grands prix']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from numcheck.english.nouns import INVARIANT, IRREGULAR_PLURALS, NOT_PLURAL, PLURAL_WITHOUT_S, POSTPOSITIVE

__all__ = ["is_plural", "plural", "singular", "verb_stem"]

_SINGULAR_TO_PLURAL = MappingProxyType({
    **{s: p for p, s in IRREGULAR_PLURALS.items() if p not in INVARIANT and s not in INVARIANT},
    **{s: p for p, s in POSTPOSITIVE.items() if s != p},
})
_VOWELS = frozenset("aeiou")


def singular(word: str) -> str:
    """The lower-case singular of a plural noun; any other word comes back lower-cased.

    A phrase changes its last word ("member states" is "member state") unless its first word
    carries the plural ("attorneys general").

    >>> [singular(w) for w in ("countries", "boxes", "glass", "member states", "data", "bonuses")]
    ['country', 'box', 'glass', 'member state', 'data', 'bonus']
    """
    return _inflect_phrase(word, POSTPOSITIVE, _singular_word)


def _singular_word(word: str) -> str:
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    if len(word) == 3 and word.endswith("s") and not any(v in word for v in "aeiouy"):
        return word[:-1]  # "MPs", "DJs", "PCs"
    return word


def plural(word: str) -> str:
    """The lower-case plural of a singular noun (the inverse of ``singular`` on the nouns it knows).

    >>> [plural(w) for w in ("company", "day", "match", "tax", "life", "staff", "analysis")]
    ['companies', 'days', 'matches', 'taxes', 'lives', 'staff', 'analyses']
    """
    return _inflect_phrase(word, _SINGULAR_TO_PLURAL, _plural_word)


def _inflect_phrase(phrase: str, whole: Mapping[str, str], inflect_word: Callable[[str], str]) -> str:
    """A phrase the table knows whole ("grands prix"), else the phrase with its last word inflected."""
    phrase = phrase.lower()
    if phrase in whole:
        return whole[phrase]
    head, space, last = phrase.rpartition(" ")
    return f"{head}{space}{inflect_word(last)}"


def _plural_word(word: str) -> str:
    if word in INVARIANT or word in _SINGULAR_TO_PLURAL:
        return _SINGULAR_TO_PLURAL.get(word, word)
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    if word.endswith("is") and len(word) > 4:
        return word[:-2] + "es"  # "analysis", "crisis"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def is_plural(word: str) -> bool:
    """True for a lower-case word that reads as a plural noun ("drones", "people"), false for "various".

    >>> [is_plural(w) for w in ("drones", "people", "various", "news", "glass")]
    [True, True, False, False, False]
    """
    if word in PLURAL_WITHOUT_S:
        return True
    if word in NOT_PLURAL or len(word) < 3 or not word.isalpha():
        return word in IRREGULAR_PLURALS and word not in NOT_PLURAL
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "ous", "'s", "’s"))


def verb_stem(word: str) -> str:
    """A crude verb stem, so "backed" and "backing" meet; it only has to be the same for both forms.

    >>> [verb_stem(w) for w in ("backed", "backing", "backs", "rose", "intercepted", "dropped")]
    ['back', 'back', 'back', 'rose', 'intercept', 'dropp']
    """
    word = word.lower().strip("'’")
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word
