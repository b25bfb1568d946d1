"""The one English layer: ``singular`` held to the inflect package (a test oracle only) on the
plural nouns BBC copy counts most often, and the callers that must agree with it."""

from __future__ import annotations

from pathlib import Path

import inflect
import pytest

from numcheck import english
from numcheck.english.nouns import DISAGREES_WITH_INFLECT

#: Derived by ``benchmarks/plural_nouns.py corpora/bbc``: the 500 most frequent plural nouns after a figure.
_WORD_LIST = Path(__file__).parent / "data" / "plural_nouns.txt"
_HARD = ("cases", "series", "species", "analyses", "crises", "people", "data", "media")


def _words() -> list[str]:
    listed = [line.split()[0] for line in _WORD_LIST.read_text(encoding="utf-8").splitlines() if line.strip()]
    return list(dict.fromkeys([*listed, *_HARD]))


def _disagreements() -> dict[str, tuple[str, str]]:
    oracle = inflect.engine()
    found = {}
    for word in _words():
        expected = oracle.singular_noun(word) or word
        if english.singular(word) != expected:
            found[word] = (english.singular(word), expected)
    return found


def test_word_list_is_the_500_most_frequent() -> None:
    lines = _WORD_LIST.read_text(encoding="utf-8").splitlines()
    counts = [int(line.split()[1]) for line in lines]
    assert len(lines) == 500 and counts == sorted(counts, reverse=True)


def test_singular_agrees_with_inflect_on_97_percent() -> None:
    words = _words()
    agreed = len(words) - len(_disagreements())
    assert agreed / len(words) >= 0.97, f"{agreed}/{len(words)}"


def test_every_disagreement_is_listed_with_a_reason() -> None:
    found = _disagreements()
    assert set(found) == set(DISAGREES_WITH_INFLECT), found
    assert all(reason.strip() for reason in DISAGREES_WITH_INFLECT.values())


@pytest.mark.parametrize(
    ("plural", "singular"),
    [("cases", "case"), ("series", "series"), ("species", "species"), ("analyses", "analysis"),
     ("crises", "crisis"), ("people", "person"), ("data", "data"), ("media", "media"), ("news", "news"),
     ("movies", "movie"), ("houses", "house"), ("buses", "bus"), ("member states", "member state"),
     ("grands prix", "grand prix"), ("Countries", "country")],
)
def test_tricky_singulars(plural: str, singular: str) -> None:
    assert english.singular(plural) == singular


def test_plural_undoes_singular_on_the_word_list() -> None:
    words = [w for w in _words() if w not in DISAGREES_WITH_INFLECT]
    wrong = [w for w in words if english.plural(english.singular(w)) != w]
    assert len(wrong) <= len(words) * 0.03, wrong
